"""Privacy: names in text, masked terms, erasure of a participant who withdrew."""
