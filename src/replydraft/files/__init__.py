"""Files on disk: atomic writes, human YAML, decoding input files, user folders, shipped
resources and derived cache files."""
