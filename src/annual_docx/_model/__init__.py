"""The report models (Pydantic): blocks, figures, official parts, lint settings and the shared parts;
``annual_docx.schema`` is the public face. With them, what is computed from a model alone: the tree walks
(``tree``, ``text``) and the consistency warnings (``lint``, ``lint_text``; each block's own rule is its model's
``lint_problems``).
"""
