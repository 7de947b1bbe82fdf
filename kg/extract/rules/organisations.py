"""Organisations: the NER's ``ORG`` spans repaired, companies after a company noun, short names.

Evidence: a gazetteer match or an ``ORG`` span (« Commission Jean-Claude Juncker » is an organisation and a
person; « ministre de l'Économie » is a title, not an organisation); the name after a company noun
(« le fabricant norvégien Nordvolt Energi »); a bare head noun after the full name (« la Commission »).
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.roles import role_phrase_ok
from kg.extract.text import APOS, is_namey, looks_like_name, strip_det
from kg.names import lookup_key as normalize
from kg.names import slug


def companies(ctx: ArticleContext) -> None:
    """« le fabricant norvégien Nordvolt Energi », « la start-up française Mistral AI », « la compagnie
    pétrolière nationale Adnoc »: the name after a company noun is an organisation, whatever the NER said."""
    doc = ctx.doc
    nat_at = {g.start: g.end for g in ctx.gaz if g.label_ == "NAT"}
    words, pos, sent_start, n = doc.words, doc.pos, doc.sent_start, len(doc)
    nouns = ctx.lex.company_nouns
    # a company noun, or one of several words (« start-up » comes as three tokens, « jeune pousse »)
    triggers = [(i, i + 1) for i, low in enumerate(doc.lower) if low in nouns] + ctx.triggers.get("COMPANY", [])
    for _, j in sorted(triggers):
        while j < n:
            if j in nat_at:
                j = nat_at[j]
            elif pos[j] == "ADJ" and words[j][:1].islower():
                j += 1
            else:
                break
        k = j
        while k < n and k - j < 4 and words[k][:1].isupper() and pos[k] in ("PROPN", "X", "NOUN") and not sent_start[k]:
            k += 1
        if k == j or ctx.overlaps_mention(j, k):
            continue
        name = doc.span_text(j, k)
        if ctx.ref.country(name) or ctx.ref.city(name) or ctx.ref.role(name):
            continue
        org = ctx.ref.organization(name)
        key = f"org/{org.key}" if org else f"org/{slug(name)}"
        ctx.add("Organization", key, org.name if org else name, j, k, conf=confidence("company_noun"), rank=2 if org else 1)


def ner_organisation(ctx: ArticleContext, e: Span) -> None:
    span = strip_det(e)
    if not span:
        return
    # « Commission Jean-Claude Juncker »: an organisation (or title) followed by a person's name
    role_inside = any(span.start <= r.start < span.end for r in ctx.role_spans)
    if (e.label_ == "ORG" or role_inside) and ctx.ref.organization(span.text) is None and not any(
            t.lower_ in ctx.lex.summit_nouns or t.lower_ in ctx.lex.event_nouns for t in span):
        for k in range(1, len(span) - 1):
            tail = span[k:]
            if span[k].pos_ in ("PROPN", "X") and looks_like_name(tail) and not any(
                    g.label_ in ("ORG", "COUNTRY", "CITY") and g.start >= tail.start and g.start < tail.end for g in ctx.gaz):
                ctx.split_persons.append((tail.start, tail.end))
                head = span[:k]
                org = ctx.ref.organization(head.text)
                if org:
                    ctx.add("Organization", f"org/{org.key}", org.name, head.start, head.end, rank=2)
                elif len(head) == 1 and head[0].lower_ in ctx.lex.org_head_nouns:
                    ctx.add("Organization", f"org/{slug(head.text)}", head.text, head.start, head.end, conf=confidence("org_head_noun"), rank=1)
                return
    # a role title mislabelled as an organisation: « ministre de l'Economie »
    if any(r.start < span.end and span.start < r.end for r in ctx.role_spans):
        return
    # a portfolio: « chargé de l'Économie et du Climat »
    k = span.start - 1
    while k >= 0 and (ctx.doc[k].pos_ in ("DET", "ADP") or ctx.doc[k].text in APOS):
        k -= 1
    if k >= 0 and ctx.doc[k].lower_.startswith("chargé"):
        return
    # a portfolio after a title: « ministre des Armées », « ministre de l'Économie et du Climat »
    if not is_namey(span[0]) and any(
            r.end <= span.start and span.start - r.end <= 8 and role_phrase_ok(ctx, r.end, span.start)
            for r in ctx.role_spans):
        return
    org = ctx.ref.organization(span.text)
    if org:
        ctx.add("Organization", f"org/{org.key}", org.name, span.start, span.end, rank=2)
        return
    if e.label_ != "ORG":
        return  # MISC spans become organisations only through role phrases (affiliation)
    if len(span) == 1 and (not is_namey(span[0]) or span[0].is_sent_start):
        return
    # « (AI) » right after a name: an acronym, an alias of what precedes it
    if ctx.lower(span.start - 1) == "(" and ctx.lower(span.end) == ")":
        return
    if not span.text[:1].isupper():
        return
    # « le patron de Google, Sundar Pichai »: the name after a title and a comma is the title holder's
    if ctx.lower(span.start - 1) == "," and looks_like_name(span) and any(
            r.end < span.start and span.start - r.end <= 8 and role_phrase_ok(ctx, r.end, span.start - 1)
            for r in ctx.role_spans):
        return
    ctx.add("Organization", f"org/{slug(span.text)}", span.text, span.start, span.end, conf=confidence("unknown_organisation"), rank=1)


def short_names(ctx: ArticleContext) -> None:
    """« la Commission » after « la Commission européenne »: a bare head noun names the full organisation."""
    orgs = [e for e in ctx.ents.values() if e.type == "Organization"]
    for e in orgs:
        if " " in e.label or e.key not in ctx.ents:
            continue
        fuller = [f for f in orgs if f is not e and f.key in ctx.ents
                  and normalize(f.label).split()[:1] == [normalize(e.label)] and " " in f.label]
        if len(fuller) == 1:
            ctx.merge(e.key, fuller[0].key)
