"""Places: countries and cities from the gazetteer and from the NER's ``LOC`` spans; capitals that stand for
their country's government.

Evidence: a gazetteer match of the reference data (« Royaume-Uni », « Hiroshima »), a ``LOC`` span the
reference knows, or an unknown ``LOC`` after « à » (« à Kananaskis »); a capital not used as a place
(« saluée par Kiev ») is its country. :func:`is_locative` tells whether a place is used as a location.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.organisations import ner_organisation
from kg.extract.text import looks_like_name, strip_det
from kg.names import lookup_key as normalize
from kg.names import slug
from kg.nlp.reference import Reference

_CAPITALS: dict[int, tuple[Reference, dict]] = {}


def _capitals(ref: Reference) -> dict:
    """The countries of ``ref`` by their capital's normalised name (made once per reference)."""
    hit = _CAPITALS.get(id(ref))
    if hit is None or hit[0] is not ref:
        if len(_CAPITALS) > 8:
            _CAPITALS.clear()
        hit = _CAPITALS[id(ref)] = (ref, {normalize(c.capital): c for c in ref.countries if c.capital})
    return hit[1]


def places_and_orgs(ctx: ArticleContext) -> None:
    """Countries, cities and organisations of the gazetteer (not inside a person's name), then the NER's
    ``LOC`` spans (places) and ``ORG``/``MISC`` spans (organisations), and names glued to an organisation
    (« l'OTAN Jens Stoltenberg ») left for :func:`~kg.extract.rules.persons.persons` in ``split_persons``."""
    ref = ctx.ref
    for s in ctx.gaz:
        if s.label_ in ("CITY", "COUNTRY") and ctx.covered_by_ner(s, ("PER",)):
            continue
        if s.label_ == "COUNTRY":
            c = ref.country_by_iso3(s.id_)
            if c:
                ctx.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, rank=2)
        elif s.label_ == "CITY":
            city = ref.city(s.text)
            if city:
                ctx.add("City", f"city/{slug(city.name)}", city.name, s.start, s.end, rank=2)
        elif s.label_ == "ORG":
            org = ref.organization(s.text)
            if org:
                ctx.add("Organization", f"org/{org.key}", org.name, s.start, s.end, rank=2)
    for e in ctx.doc.ents:
        if ctx.overlaps_mention(e.start, e.end):
            # « l'OTAN Jens Stoltenberg » tagged as one organisation: the name after it is a person
            end = max(m.end for m in ctx.overlapping(e.start, e.end))
            if e.label_ in ("ORG", "MISC") and e.end - end >= 2 and looks_like_name(ctx.doc[end : e.end]):
                ctx.split_persons.append((end, e.end))
            continue
        if e.label_ == "LOC":
            _ner_place(ctx, e)
        elif e.label_ in ("ORG", "MISC"):
            ner_organisation(ctx, e)


def _ner_place(ctx: ArticleContext, e: Span) -> None:
    text = strip_det(e)
    # « château de Chantilly » tagged as one place: the town is the last part
    if len(text) > 2 and text[0].lower_ in ctx.lex.venue_nouns and text[1].lower_ in ctx.lex.of_forms:
        text = text[2:]
    if not text or not text.text[:1].isupper():
        return
    c = ctx.ref.country(text.text)
    if c:
        ctx.add("Country", f"country/{c.iso3}", c.name, text.start, text.end, rank=2)
        return
    city = ctx.ref.city(text.text)
    if city:
        ctx.add("City", f"city/{slug(city.name)}", city.name, text.start, text.end, rank=2)
        return
    prev = ctx.lower(text.start - 1)
    # « à Kananaskis », « au château de Chantilly »
    if len(text) <= 4 and (prev == "à" or prev in ctx.lex.of_forms and ctx.lower(text.start - 2) in ctx.lex.venue_nouns):
        ctx.add("City", f"city/{slug(text.text)}", text.text, text.start, text.end, conf=confidence("unknown_place_after_a"), rank=1)


def capitals_as_governments(ctx: ArticleContext) -> None:
    """« saluée par Kiev », « Pékin a salué »: a capital not used as a place stands for its country."""
    capitals = _capitals(ctx.ref)
    for m in list(ctx.mentions):
        ent = ctx.ents[m.key]
        if ent.type != "City" or is_locative(ctx, m.start):
            continue
        country = capitals.get(normalize(ent.label))
        if country is None:
            continue
        ckey = f"country/{country.iso3}"
        ctx.remove_mention(m)
        ctx.add("Country", ckey, country.name, m.start, m.end, conf=confidence("capital_as_government"), rank=1)


def is_locative(ctx: ArticleContext, start: int) -> bool:
    """Is the place at token ``start`` used as a location (« à Paris », « la ville d'Hiroshima »)?"""
    prev = ctx.lower(start - 1)
    if prev == "à" and _recipient(ctx, start):
        return False  # « la livraison à Kiev », « un message adressé à Moscou »: to whom, not where
    if prev in ctx.lex.locative_preps:
        return True
    if prev in ctx.lex.of_forms:
        k = start - 2
        while k >= 0 and ctx.doc.pos[k] == "ADJ":
            k -= 1
        return ctx.lower(k) in ctx.lex.place_nouns or ctx.lower(k) in ctx.lex.venue_nouns or ctx.lower(k) in ctx.lex.summit_nouns
    # a dateline: « HIROSHIMA (Japon), 21 mai 2023 – »
    return ctx.doc.sent_start[start] and ctx.doc.words[start].isupper()


def _recipient(ctx: ArticleContext, start: int) -> bool:
    """Is the place at ``start``, after « à », what something is given or said to (its head a verb or noun
    of giving, sending, promising)?"""
    heads = ctx.lex.recipient_heads
    doc = ctx.doc
    h = doc.heads[start]
    for _ in range(2):
        if doc.lemma[h] in heads or doc.lower[h] in heads:
            return True
        if doc.heads[h] == h:
            break
        h = doc.heads[h]
    return False
