"""Exports: pure functions from sessions to files. No UI code here."""
