"""Stage 1, reading input: a report file into its data and a validated model (encoding, YAML/JSON, clear errors), its
sheets and photos. Which kind of report the data is (``kind:``) is decided a layer up (``annual_docx._report_kinds``);
lint, pure functions over the model, is in the model layer (``annual_docx._model.lint``).
"""
