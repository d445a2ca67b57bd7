"""Survey results beside the quotes: reading an export (CSV, .xlsx), the mapping file
(`enquete.yaml`) and the answer distribution per item. No Textual, no Word."""
