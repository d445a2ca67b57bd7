"""Recordings: linking them to a session, decoding them as a stream, playing them back.

No Textual here; the screens drive the player, whose output runs in its own thread.
"""
