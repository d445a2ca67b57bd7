"""The report: its outline (rapport.yaml), the researcher's prose files and quote choices."""
