"""The one place that reads and writes raw WordprocessingML.

``props`` builds run, paragraph and style properties in schema order; ``package`` writes the template's parts and
zip; ``finish`` post-processes a rendered document (fonts, indents); ``pictures`` describes a picture's drawing.
Nothing outside this package builds
XML strings or touches lxml elements of a document.
"""
