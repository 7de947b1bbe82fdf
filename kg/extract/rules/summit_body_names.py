"""A summit named after its body is also named after the body's other names.

« le sommet de l'Organisation du traité de l'Atlantique nord » is « le sommet de l'Otan » and « le sommet
de l'Alliance atlantique »; « le sommet de la CPE » is « le sommet de la Communauté politique
européenne ». For each mention of a summit that holds an organisation's name, the same words with
each other name of that organisation — its names in the reference data, its label, the forms the
article uses — become alternative names (``skos:altLabel``) of the summit, so that a reader (or a
query, or a gold file) naming the summit either way finds it.

The article before the body's name is kept when it still fits the name (« de l' » before a vowel,
« du », « de la », « des » before a consonant); « du » or « de la » before a name that starts with a
vowel becomes « de l' »; a name that would need « du » or « de la » after « de l' » is left out, its
gender being unknown.
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext
from kg.extract.text import strip_det_text

__all__ = ["summit_body_names"]

_VOWEL = re.compile(r"^[aeiouyhéèêëàâîïôöûüœæ]", re.I)
_ELIDED = re.compile(r"\b(?:de\s+l|l)['’]\s*$", re.I)
_FULL = re.compile(r"\b(?:du|de\s+la)\s+$", re.I)


def _join(prefix: str, name: str, suffix: str) -> str | None:
    vowel = bool(_VOWEL.match(name))
    if _ELIDED.search(prefix):
        return prefix + name + suffix if vowel else None
    if _FULL.search(prefix) and vowel:
        return _FULL.sub("de l'", prefix) + name + suffix
    return prefix + name + suffix


def summit_body_names(ctx: ArticleContext) -> None:
    """Add to each summit the names it has under its body's other names (see the module)."""
    doc = ctx.doc
    for s, e, key in ctx.summit_seq:
        ent = ctx.ents.get(key)
        if ent is None:
            continue
        for m in ctx.mentions_in(s, e, ("Organization",)):
            org = ctx.ents.get(m.key)
            if org is None:
                continue
            ref = ctx.ref.organization(org.label)
            names = {org.label} | set(org.aliases) | (set(ref.names) if ref else set())
            own = doc.span_text(m.start, m.end)
            prefix = doc.text_with_ws(s, m.start) if m.start > s else ""
            suffix = doc.text_with_ws(m.end - 1, e)[len(doc.words[m.end - 1]):].rstrip() if m.end < e else ""
            for name in sorted(names - {own}):
                alias = _join(prefix, name, suffix)
                if alias:
                    alias = strip_det_text(alias)
                    if alias and alias != ent.label:
                        ent.aliases.add(alias)
