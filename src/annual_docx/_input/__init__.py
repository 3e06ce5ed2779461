"""Stage 1, reading input: a report file into a validated model (encoding, YAML/JSON, clear errors), its sheets and
photos, user text as data, and the lint checks over the result.
"""
