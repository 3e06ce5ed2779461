"""The one place that reads and writes raw WordprocessingML.

``props`` builds run, paragraph and style properties in schema order; ``package`` writes the template's parts and
zip; ``prepare`` makes a template final before rendering (fonts, 落款 indents, grid, the 版记 taken out); ``pictures``
describes a picture's drawing. Nothing outside this package builds XML strings or touches lxml elements of a
document.
"""
