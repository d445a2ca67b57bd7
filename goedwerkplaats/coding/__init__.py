"""Coding rules without a screen: editing a session, inline codes, the coding filter."""
