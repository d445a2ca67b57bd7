"""The benchmark suite: `python benchmarks/run.py [--quick] [--json]`."""
