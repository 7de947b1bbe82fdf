"""A page's header glued to its story: the signature and the publication stamp, as scrapers give them.

A news page prints, between its headline and its first paragraph, a signature and a publication stamp
(« Par Jeanne Morel, envoyée spéciale », « Publié le 12 mars 2024 à 10h32, mis à jour à 11h40 »,
« Temps de lecture : 3 min »). A scraper that loses the line breaks glues them to the first sentence:
« Par Jeanne Morel Publié le 12 mars 2024 à 10h32 Le président a ... », and the parser reads the
signature as the subject of the story. :func:`header_parts` finds such a header wherever it stands by
its shape — a publication stamp, with the signature before or after it — and gives each part's span, so
that each is a sentence of its own (``kg_paragraphs``) and a byline for the rules
(:func:`kg.extract.text.is_byline`). A signature alone (« Par Jeanne Morel Le président ... ») is not
recognised: where its name ends is no shape.

>>> from kg.nlp.headers import header_parts
>>> text = "Par Jeanne Morel Publié le 12 mars 2024 à 10h32 Le président a parlé."
>>> [text[s:e] for s, e in header_parts(text)]
['Par Jeanne Morel', 'Publié le 12 mars 2024 à 10h32']
"""

from __future__ import annotations

import re

__all__ = ["header_parts", "is_header"]

_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
           r"|janv\.|févr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.")
_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATE = rf"(?:(?:{_DAYS})\s+)?(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
_TIME = r"\d{1,2}\s?[h:]\s?\d{2}(?:\s+(?:HNE|HAE|GMT|UTC|HEC|HAEC))?"
_WHEN = rf"(?:(?:le\s*:?\s*)?{_DATE}(?:\s*(?:à|,|-|–)?\s*{_TIME})?|(?:aujourd['’]hui|hier)(?:\s+à\s+{_TIME})?|à\s+{_TIME})"
_STAMP_WORD = r"(?:ublié|ise?\s+à\s+jour|odifié|ctualisé)"
#: « Publié le 12 mars 2024 à 10h32 », « Mis à jour le 04/11/2023 08:12, modifié à 11h40 »: the first word capitalised
#: (« le rapport, publié le 12 mars 2024, » is a sentence's)
_STAMPS = rf"[PMA]{_STAMP_WORD}\s*:?\s*{_WHEN}(?:\s*[,|·–—-]?\s*[pmaPMA]{_STAMP_WORD}\s*:?\s*{_WHEN})*"
_READING = r"Temps\s+de\s+lecture\s*:?\s*\d+\s*min(?:utes?)?"
_NAME_WORD = r"(?!(?:Publié|Mise?|Modifié|Actualisé|Temps)\b)[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|du|des|da|di|van|von|der|el|ben|le|la)\s+)?{_NAME_WORD}){{0,3}}"
#: « Par Jeanne Morel et Paul Roche, envoyée spéciale à Genève, avec AFP », « Par la rédaction »
_SIGNATURE = (rf"Par\s+(?:{_NAME}|la\s+rédaction|notre\s+(?:envoyée?\s+spéciale?|correspondante?)|nos\s+correspondants)"
              rf"(?:\s*(?:,|et)\s+{_NAME})*"
              rf"(?:\s*,\s*(?:envoyée?s?\s+spéciale?s?|correspondante?s?|journaliste)(?:\s+(?:à|en|au)\s+{_NAME})?)?"
              rf"(?:\s*,?\s+(?:avec|et)\s+(?:l['’])?[A-Z]{{2,}}\b)?")
_SEP = r"(?:\s*[,|·–—-]\s*|\s+)"
_PART = re.compile(rf"{_SIGNATURE}|{_STAMPS}|{_READING}")
#: a header: a stamp, a signature before it, stamps, reading times or a signature after it
_HEADER = re.compile(rf"(?<![\w'’])(?:{_SIGNATURE}{_SEP})?{_STAMPS}(?:{_SEP}(?:{_STAMPS}|{_READING}|{_SIGNATURE}))*(?![\w'’])")


def header_parts(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of each part (signature, stamps, reading time) of the page headers in
    ``text``: a publication stamp, with a signature before or after it (see the module)."""
    if "ublié" not in text and "à jour" not in text and "odifié" not in text and "ctualisé" not in text:
        return []  # (most texts stop here)
    return [(part.start(), part.end()) for header in _HEADER.finditer(text)
            for part in _PART.finditer(text, header.start(), header.end())]


def is_header(text: str) -> bool:
    """Is ``text`` (a sentence) a page header or a part of one: a signature, a stamp, a reading time, or a
    signature with a stamp (« Par Jeanne Morel Publié le 12 mars 2024 »)?"""
    text = text.strip(" \n|·–—-,.")
    return bool(text) and (_PART.fullmatch(text) is not None or _HEADER.fullmatch(text) is not None)
