"""`export` subcommands for the word formats."""

from __future__ import annotations

import argparse


def register(kinds: argparse._SubParsersAction) -> None:
    """Adds the word export subcommands."""
