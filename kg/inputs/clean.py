"""The minimal, offset-safe cleaning of every article text and title (:func:`clean_text`), and
the stricter one of article ids (:func:`clean_id`) and URLs (:func:`clean_url`).

Done before the :class:`~kg.records.Article` is created, so every later character offset refers
to ``Article.text``: newlines (and U+0085, NEXT LINE) become ``\\n``; no-break spaces (U+00A0,
U+202F) become spaces; zero-width characters, soft hyphens, bidirectional controls and control
characters, C0 (but tab and newline) and C1 (U+0080–U+009F: in decoded text, the trace of bytes
read in the wrong encoding) are removed; a run of two spaces or more between two words (doubled spaces, as
scraped pages give them) becomes one space, as the tokenizer would otherwise make it a word of its own
in the sentence; lone surrogates (``"\\ud800"`` in JSON) become U+FFFD;
the text is NFC-normalised and stripped. Once a reader has taken its metadata (front matter,
headings), :func:`unwrap_lines` turns the line breaks that only wrap a sentence (hard-wrapped text)
into spaces, one character for one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit

__all__ = ["clean_text", "unwrap_lines", "clean_id", "clean_url"]

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # U+00AD soft hyphen: invisible too
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                                      *range(0x80, 0x85), *range(0x86, 0xA0)])  # C1 but NEXT LINE, a line break
# one regex pass: str.translate with a dict costs ~0.4 µs a character (36 ms per 100,000)
_ODD = re.compile("[" + re.escape(_BIDI + _ZERO_WIDTH + _CONTROLS) + "\ud800-\udfff]")


#: doubled spaces (or tabs) between two words; not a line's indentation, not one tab
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def _odd(m: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= m.group() <= "\udfff" else ""


def clean_text(text: str) -> str:
    """The minimal, offset-safe cleaning applied to every article text (and title).

    >>> clean_text("Le\\u00a0sommet\\u200b de\\r\\nParis\\u202f!  ")
    'Le sommet de\\nParis !'
    >>> clean_text("D\\u008ej\\u0088 vu\\u0085fin")
    'Dj vu\\nfin'
    >>> clean_text("Le  sommet \\t de Paris.\\n  Fin")
    'Le sommet de Paris.\\n  Fin'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u0085", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    # lone surrogates only come from JSON escapes ("\\ud800"); they cannot be written as UTF-8
    text = _ODD.sub(_odd, text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()


#: what ends a sentence (or a headline's quote, a list's colon): a line ending on it is no wrap
_ENDS = tuple(".!?…»\"”:;)–—")
#: a line ending on one of these words goes on at the next one: no headline ends on « de » or « la »
_GOES_ON = frozenset(",de d' d’ du des la le les l' l’ un une à au aux et ou en par pour avec sur dans que qu' qu’ qui son sa ses "
                     "leur leurs ce cette ces a ont est sont".split() + [","])


def unwrap_lines(text: str) -> str:
    r"""``text`` with the line breaks that only wrap a sentence made spaces (one character for one: offsets
    stay): a single break after a line that does not end a sentence, when the next line starts in lower case
    or the line ends on a word no line can end on (« de », « la », a comma), or everywhere in a hard-wrapped
    text (four such breaks or more, and at least half of its single breaks). Headlines, paragraphs and blank
    lines stay.

    >>> unwrap_lines("Le président a annoncé une aide de\ntrois milliards.\nLe sommet s'achève")
    "Le président a annoncé une aide de trois milliards.\nLe sommet s'achève"
    >>> unwrap_lines("Un titre sans point\nLe texte commence.")
    'Un titre sans point\nLe texte commence.'
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    single = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    open_ = [i for i in single if not lines[i].rstrip().endswith(_ENDS)]
    hard = len(open_) >= 4 and 2 * len(open_) >= len(single)
    joined = set()
    for i in open_:
        last = lines[i].rstrip()
        if not (last[-1:].isalnum() or last.endswith((",", "'", "’"))):
            continue  # a rule (« --- »), a bullet, a symbol: not the middle of a sentence
        word = last.rsplit(" ", 1)[-1].lower() if not last.endswith(",") else ","
        nxt = lines[i + 1].lstrip()[:1]
        if hard or (nxt.isalpha() and nxt.islower()) or word in _GOES_ON:
            joined.add(i)
    if not joined:
        return text
    return "".join(line + (" " if i in joined else "\n") for i, line in enumerate(lines[:-1])) + lines[-1]


def clean_id(text: str) -> str:
    """An article id as :func:`clean_text` cleans titles, on one line: line breaks and tabs become
    single spaces, so an id shown in a table or a message cannot start a new row or reorder the
    text around it (bidirectional controls such as U+202E are removed).

    >>> clean_id(" a1\\u202e\\n\\tb ")
    'a1 b'
    """
    return " ".join(clean_text(text).split())


def clean_url(url: str | None, source: str, warn: Callable[[str], None]) -> str | None:
    """``url`` if it is an http or https URL, else ``None`` with a warning naming ``source``: a
    ``javascript:`` or ``data:`` URL is not an article's address, and views and clients may make
    it a link.

    >>> clean_url("https://example.org/a", "a.jsonl:1", print)
    'https://example.org/a'
    >>> clean_url("javascript:alert(1)", "a.jsonl:1", print)
    a.jsonl:1: URL 'javascript:alert(1)' is not http(s): left out
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)
    except ValueError:  # e.g. an invalid IPv6 address in brackets
        ok = False
    if ok:
        return url
    shown = url if len(url) <= 80 else url[:79] + "…"
    warn(f"{source}: URL {shown!r} is not http(s): left out")
    return None
