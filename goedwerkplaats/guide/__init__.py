"""The guide (stellingen.yaml): reading and validating it."""
