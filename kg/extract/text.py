"""Small helpers on words, names and spans shared by the rules (no article state).

Ordinals (« 18e », « XIXe »), summit series names (« le 49e sommet du G7 » → « sommet du G7 »),
name shapes (« Jean Le Prince » looks like a person's name), name keys for matching full and short
forms of a name, bylines, and text clipping for summaries.
"""

from __future__ import annotations

import functools
import re
import weakref

from spacy.tokens import Span, Token

from kg.extract.dates import find_dates
from kg.extract.lexicon import load_lexicon
from kg.names import lookup_key as normalize
from kg.nlp.headers import is_header
from kg.nlp.pipeline import has_common_words, is_common_word

__all__ = ["APOS", "ordinal_value", "ordinal_word", "is_date_word", "is_byline", "is_editorial_note", "editorial_note_tokens", "strip_det", "strip_det_text",
           "series_name", "is_namey", "looks_like_name", "name_words", "name_key", "clip"]

APOS = ("'", "’")
_ORDINAL_NUM = re.compile(r"^(\d+|[IVXLC]+)(?:e|ème|eme|er|re|ᵉ)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def ordinal_value(text: str) -> int | None:
    """« 18e » → 18, « XIXe » → 19, « 1er » → 1; anything else → None."""
    m = _ORDINAL_NUM.match(text) or re.match(r"^(\d+)(?:e|ème|eme|er|re|ᵉ)$", text, re.I)
    if not m:
        return None
    num = m.group(1)
    if num in ("L", "C"):
        return None  # « Le », « Ce »
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, num[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN.get(b, 0) > v else v
    return total


def ordinal_word(n: int | None) -> str:
    """2 → « deuxième », 12 → « 12e »."""
    words = {1: "première", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième"}
    return words.get(n or 0, f"{n}e")


@functools.lru_cache(maxsize=4096)
def is_date_word(text: str) -> bool:
    """Is the token ``text`` a date by itself (« mardi », « 2024 »)?"""
    return bool(find_dates(text, "2000-01-01"))


@functools.lru_cache(maxsize=1)
def _byline() -> re.Pattern:
    openers = load_lexicon().byline_openers  # « Par », « Photo », « Lire aussi »
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, openers)) + r")\b", re.I)


@functools.lru_cache(maxsize=1)
def _editorial_note() -> re.Pattern:
    openers = load_lexicon().editorial_note_openers  # « Nouvelle version », « Actualisation », « Ajoute »
    return re.compile(r"^\s*\(\s*(?:" + "|".join(map(re.escape, openers)) + r")\b", re.I)


def is_editorial_note(text: str) -> bool:
    """A wire's note on an update in brackets (« (Nouvelle version : ajoute réaction du Tchad au 6e paragraphe) »),
    which names the story's items without telling them."""
    return bool(_editorial_note().match(text))


def editorial_note_tokens(doc) -> set[int]:
    """The tokens of the lines of ``doc`` (a :class:`~kg.extract.tokens.TokenCache`) that are a wire's note on an
    update (:func:`is_editorial_note`; the parser may cut such a line after its bracket)."""
    spans = []
    offset = 0
    for line in doc.text.split("\n"):
        if is_editorial_note(line):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    if not spans:
        return set()
    return {u for u in range(len(doc)) if any(a <= doc.idx[u] < b for a, b in spans)}


#: :func:`is_byline`'s answers for the sentences of the last document asked about: (a weak reference to the
#: ``Doc``, {(start, end): answer}); the rules ask about every sentence several times per article
_BYLINE_MEMO: tuple[weakref.ref, dict[tuple[int, int], bool]] | None = None


def is_byline(sent: Span) -> bool:
    """A signature, photo credit or « lire aussi » line, not part of the story; also a header line whose parts
    are set apart by « | » or « · », one of them a signature (« Le Quotidien X | 11 mai 2026 | Par Jean Y »), and
    a page header's publication stamp or signature (« Publié le 12 mars 2024 à 10h32 »: :func:`kg.nlp.headers.is_header`)."""
    global _BYLINE_MEMO
    start, end = sent.start, sent.end
    if end - start > 24:
        return False
    doc = sent.doc
    memo = _BYLINE_MEMO  # (read once: another thread may replace it meanwhile)
    if memo is None or memo[0]() is not doc:
        memo = _BYLINE_MEMO = (weakref.ref(doc), {})
    found = memo[1].get((start, end))
    if found is None:
        found = memo[1][(start, end)] = _is_byline(sent)
    return found


def _is_byline(sent: Span) -> bool:
    text = sent.text
    if is_header(text):
        return True
    parts = re.split(r"\s[|·]\s", text)
    # (« Le Fil · Direct animé par Jeanne Y · Mis à jour le 17 mai 2027 à 18h52 »: parts of which one is a stamp)
    if not (len(sent) <= 14 and _byline().match(text)) and not any(_byline().match(part) for part in parts[1:]) and not (
            len(parts) > 2 and any(is_header(part) for part in parts[1:])):
        return False
    return not any(t.morph.get("VerbForm") == ["Fin"] for t in sent)  # (last: the slow test)


def strip_det(span: Span) -> Span:
    """``span`` without its leading determiners (« la Commission » → « Commission »)."""
    doc = span.doc
    s = span.start
    articles = load_lexicon().definite_articles
    while s < span.end and (doc[s].pos_ == "DET" or doc[s].lower_ in articles):
        s += 1
    return doc[s : span.end]


def strip_det_text(text: str) -> str:
    """``text`` without a leading determiner."""
    return re.sub(r"^(?:le|la|les|l['’]|ce|cet|cette)\s*", "", text.strip(), flags=re.I)


def series_name(text: str) -> str:
    """« le 49e sommet du G7 » → « sommet du G7 », « XXe Sommet de la Francophonie » → « Sommet de la Francophonie »."""
    return re.sub(r"^(?:\d+(?:e|ème|er|re)|(?-i:[IVXLC]+(?:e|ème|er))|premier|première)\s+", "", strip_det_text(text), flags=re.I)


def is_namey(tok: Token) -> bool:
    """A token that looks like a proper name, not a capitalised common word (« Armées », « Transports »)."""
    text = tok.text
    if re.search(r"[A-Z].*[A-Z]", text) or text.isupper():
        return True
    if tok.pos_ != "PROPN":
        return False
    if has_common_words(tok.vocab):
        return not is_common_word(tok.vocab, text.lower())
    return not tok.vocab[text.lower()].has_vector


def looks_like_name(span: Span) -> bool:
    """Two or more capitalised words (name particles aside), the first a proper noun: « Jean de La Fontaine »."""
    particles = load_lexicon().name_particles
    words = [t for t in span if t.lower_ not in particles]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words) and words[0].pos_ in ("PROPN", "X", "NOUN")


@functools.lru_cache(maxsize=16384)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as compared (:func:`kg.names.lookup_key`, hyphens as spaces)."""
    return tuple(normalize(name).replace("-", " ").split())


def name_key(name: str) -> str:
    return " ".join(name_words(name))


def clip(text: str, n: int) -> str:
    """``text`` on one line, at most ``n`` characters, cut at a word with « … »."""
    text = re.sub(r"\s+", " ", text).strip(" ,.;:«»\"")
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + "…"
