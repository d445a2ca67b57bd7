"""The project folder and what checks it: sessions, keys file, session checks."""
