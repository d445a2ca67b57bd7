"""Durable storage of sessions: atomic snapshots, an fsynced journal, and a lock."""
