"""Reading the user's own files: YAML with line numbers, problems with file and line."""
