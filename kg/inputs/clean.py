"""The minimal, offset-safe cleaning of every article text and title (:func:`clean_text`).

Done before the :class:`~kg.records.Article` is created, so every later character offset refers
to ``Article.text``: newlines become ``\\n``; no-break spaces (U+00A0, U+202F) become spaces;
zero-width characters, soft hyphens, bidirectional controls and control characters (but tab and
newline) are removed; lone surrogates (``"\\ud800"`` in JSON) become U+FFFD; the text is
NFC-normalised and stripped.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # U+00AD soft hyphen: invisible too
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# one regex pass: str.translate with a dict costs ~0.4 µs a character (36 ms per 100,000)
_ODD = re.compile("[" + re.escape(_BIDI + _ZERO_WIDTH + _CONTROLS) + "\ud800-\udfff]")


def _odd(m: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= m.group() <= "\udfff" else ""


def clean_text(text: str) -> str:
    """The minimal, offset-safe cleaning applied to every article text (and title).

    >>> clean_text("Le\\u00a0sommet\\u200b de\\r\\nParis\\u202f!  ")
    'Le sommet de\\nParis !'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    # lone surrogates only come from JSON escapes ("\\ud800"); they cannot be written as UTF-8
    text = _ODD.sub(_odd, text)
    return unicodedata.normalize("NFC", text).strip()
