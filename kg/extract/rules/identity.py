"""Which summit a summit is, across articles: the last rule of the table.

An entity's key is its identity in every graph and store (:class:`kg.records.Entity`): two articles
that give the same key speak of the same entity. For people, countries and bodies the name is
enough; for summits it is not — « le sommet du G20 » of an article of 2022 and of one of 2025 are
two meetings, and « le prochain sommet » of every article would be one node. So, once every rule
has run (:func:`summit_identity`):

* a summit named without a number or a place of its own (no edition, no year, no « COP28 »-style
  numbering, no city) takes the year it is held: its start date's, else — for the article's own
  summit, not an edition before or after it — the publication year (``summit/sommet-du-g20`` →
  ``summit/sommet-du-g20-2025``); with neither, its key stays;
* a next or previous edition named only relative to the article's summit (« le prochain sommet »,
  « la précédente conférence », « le dernier sommet de la CPE ») takes that summit's key with
  ``-next`` or ``-previous``, so it is never merged with another article's.

Labels are unchanged: only the identity (and so the IRI) is.
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext

__all__ = ["summit_identity"]

#: a name that carries its own number: a year, a numbered COP (« COP28 », « COP 29 »)
_NUMBERED = re.compile(r"\b(?:1[89]|20)\d\d\b|\bCOP[\s-]?\d+\b", re.IGNORECASE)
#: the article before a name (« le prochain sommet », « la précédente conférence »)
_ARTICLE = re.compile(r"^(?:l['’]|(?:le|la|les|ce|cette)\s+)", re.IGNORECASE)


def _relative(ctx: ArticleContext, label: str) -> bool:
    """Does ``label`` only say where the summit stands in a series (« prochain sommet », « la précédente
    conférence »)? The words are the lexicon's ``previous_words`` and ``next_words``."""
    words = _ARTICLE.sub("", label.lower()).split()
    return bool(words) and words[0] in ctx.lex.previous_words | ctx.lex.next_words


def _year(value) -> str:
    text = str(value or "")[:4]
    return text if len(text) == 4 and text.isdigit() else ""


def summit_identity(ctx: ArticleContext) -> None:
    """Give every summit of the article its identity across articles (see the module's docstring)."""
    summits = [e for e in ctx.ents.values() if e.type == "Summit"]
    if not summits:
        return
    published = _year(ctx.article.published)
    follows = {(s, o) for (s, p, o) in ctx.relations if p == "nextEdition"}
    other_editions = {k for pair in follows for k in pair if k != ctx.main_summit}
    cities = [e.label.casefold() for e in ctx.ents.values() if e.type == "City" and len(e.label) > 2]
    new: dict[str, str] = {}
    for e in summits:
        if "edition" in e.attrs or _NUMBERED.search(e.label) or _relative(ctx, e.label):
            continue
        if any(re.search(rf"\b{re.escape(c)}\b", e.label.casefold()) for c in cities):
            continue  # « le sommet de Lisbonne »: its place says which one
        # an edition before or after the article's summit is not held in the publication year
        year = _year(e.attrs.get("startDate")) or (published if e.key not in other_editions else "")
        if year:
            new[e.key] = f"{e.key}-{year}"
    # editions named only relative to the article's summit: from the nextEdition links (X → Y: Y comes after X)
    for e in summits:
        if not _relative(ctx, e.label) or "edition" in e.attrs:
            continue
        before = sorted(s for s, o in follows if o == e.key and not _relative(ctx, ctx.ents[s].label))
        after = sorted(o for s, o in follows if s == e.key and not _relative(ctx, ctx.ents[o].label))
        if before:
            new[e.key] = f"{new.get(before[0], before[0])}-next"
        elif after:
            new[e.key] = f"{new.get(after[0], after[0])}-previous"
    for old in sorted(new):
        ctx.rekey(old, new[old])
