"""The report models (Pydantic): blocks, figures, official parts, lint settings and the shared parts;
``annual_docx.schema`` is the public face.
"""
