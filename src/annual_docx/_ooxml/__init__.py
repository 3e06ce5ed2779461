"""The one place that reads and writes raw WordprocessingML.

``props`` builds run, paragraph and style properties in schema order; ``package`` writes the template's parts and
zip; ``finish`` post-processes a rendered document (alt text, fonts, indents); ``template`` is docxtpl's template
class with the costs of large templates removed. Nothing outside this package builds
XML strings or touches lxml elements of a document.
"""
