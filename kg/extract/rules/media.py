"""Media: the news agency a story comes from, named in brackets after its dateline.

The guidelines annotate media as organisations; wire copy names its agency where the story opens
(« HANOÏ, 12 mars (VNA) – »), often by an acronym no gazetteer can list in full.
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.organisations import is_acronym
from kg.extract.rules.places import is_dateline
from kg.names import slug


def wire_agencies(ctx: ArticleContext) -> None:
    """« HANOÏ, 12 mars (VNA) – », « Genève (ats) - », « TURKISTAN (Kazakhstan) (AA) - »: the name in brackets
    between a dateline and its dash is the news agency the story comes from, an organisation (the guidelines
    annotate media), whether or not the reference data knows it; not a country or a city in brackets."""
    doc = ctx.doc
    words, n = doc.words, len(doc)
    marks = ctx.lex.dateline_marks - {"("}
    for i in range(1, n - 3):
        if words[i] != "(" or words[i + 2] != ")" or words[i + 3] not in marks or ctx.sent_no(i) > 3:
            continue
        w = words[i + 1]
        org = ctx.ref.organization(w)
        if not (is_acronym(w) or org) or ctx.overlaps_mention(i + 1, i + 2) or ctx.ref.country(w) or ctx.ref.city(w):
            continue
        start = i
        while start > 0 and not doc.sent_start[start]:
            start -= 1
        # (is_dateline wants a capital after the bracket; a known agency may be written « (ats) », « (afp) »)
        if i - start > 12 or not (is_dateline(ctx, start) or org and all(words[k][:1].isupper() for k in range(start, i))):
            continue
        key = f"org/{org.key}" if org else f"org/{slug(w)}"
        ctx.add("Organization", key, org.name if org else w, i + 1, i + 2, surface=w, conf=confidence("wire_agency"))
