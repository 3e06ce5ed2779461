"""Stage 2, building the content: the report tree, sections and headings, the block builders and their registry,
numbers, titles, figures and the official parts, as pieces the template lays out.
"""
