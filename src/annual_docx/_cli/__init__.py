"""The command line's subcommands (``cli.py`` holds the entry point ``annual_docx.cli:main``): render-all, fonts,
format, import and the authoring help.
"""
