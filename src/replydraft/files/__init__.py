"""Files on disk: atomic writes, human YAML, decoding input files (plain text in any encoding,
.docx, PDF, web pages, old Word through LibreOffice), user folders, shipped resources and derived
cache files. `decoding.read_text` is the one entry point for input files; it dispatches by content."""
