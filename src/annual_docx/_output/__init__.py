"""Stage 4, output: the template and its bounded docxtpl rendering, the atomic save, PDF export and fonts for it, batch
rendering, and ``check`` of any .docx against GB/T 9704.
"""
