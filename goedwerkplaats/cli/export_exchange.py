"""`export` subcommands for the exchange formats."""

from __future__ import annotations

import argparse


def register(kinds: argparse._SubParsersAction) -> None:
    """Adds the exchange export subcommands."""
