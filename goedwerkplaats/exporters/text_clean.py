"""Text as every export format can store it: no control characters, one kind of line break."""

from __future__ import annotations

import re

# XML 1.0 (and so Word) cannot hold C0 controls other than tab and newline, lone surrogates or
# U+FFFE/U+FFFF; C1 controls are legal XML but always debris from copy-paste or bad decoding.
_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Word's own soft break (vertical tab), form feed and the Unicode line/paragraph separators.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Either of the above: almost no text has one, and one scan is cheaper than two replacements
# (an export cleans every quote, note and line; 10,000 quotes are ~50,000 texts).
_ANY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` with every line break as '\\n' and unstorable characters dropped."""
    if _ANY.search(text) is None:
        return text
    return _UNSTORABLE.sub("", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """`text` cleaned and on one line, for formats where a line is a record."""
    return " ".join(clean_text(text).split())
