"""Text normalisation: NFKC, invisible characters removed, odd spaces made plain.

Offsets reported by the extractor refer to the *normalised* text, which
``extract_text`` returns to the caller as part of each incident's sentence.
"""

from __future__ import annotations

import re
import unicodedata

# zero-width and bidi controls, soft hyphen, BOM, word joiner
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u180e]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# any character of the three classes above: most texts have none, and one failing search
# is cheaper than three substitutions
_ANY = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u180e"
                  "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
                  "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """NFKC; drop invisibles and control characters; map exotic spaces to ' '."""
    text = unicodedata.normalize("NFKC", text)
    if _ANY.search(text) is None:
        return text
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text)


def looks_binary(raw: bytes) -> bool:
    """True when bytes are clearly not text (NUL bytes, or mostly undecodable)."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the 8 KiB boundary is fine
        return exc.start < len(head) - 4
