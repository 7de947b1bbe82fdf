"""Places: countries and cities from the gazetteer and from the NER's ``LOC`` spans; capitals that stand for
their country's government.

Evidence: a gazetteer match of the reference data (« Royaume-Uni », « Hiroshima »), a ``LOC`` span the
reference knows, or an unknown ``LOC`` after « à » (« à Aurivel »); a capital not used as a place
(« saluée par Kiev ») is its country. :func:`is_locative` tells whether a place is used as a location.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.organisations import ner_organisation, title_holder_glued
from kg.extract.text import APOS, is_date_word, looks_like_name, strip_det
from kg.names import lookup_key as normalize, slug
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
        if s.label_ in ("CITY", "COUNTRY") and ctx.covered_by_ner(s, ("PER",)) and not _title_of_country(ctx, s) \
                and not _capital_read_as_person(ctx, s):
            continue
        if s.label_ == "COUNTRY":
            c = ref.country_by_iso3(s.id_)
            if c and c.article and ctx.lower(s.start - 1) == "à":
                # « à Malaga », « à Luxembourg »: a country takes « au/en/à la »; a bare « à » is a city's
                city = ref.city(s.text)
                name = city.name if city else s.text
                ctx.add("City", f"city/{slug(name)}", name, s.start, s.end, conf=confidence("country_name_as_city"), rank=2)
            elif c:
                ctx.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, rank=2)
        elif s.label_ == "CITY":
            city = ref.city(s.text)
            if city:
                ctx.add("City", f"city/{slug(city.name)}", city.name, s.start, s.end, rank=2)
        elif s.label_ == "ORG":
            org = ref.organization(s.text)
            if org:
                ctx.add("Organization", f"org/{org.key}", org.name, s.start, s.end, rank=2)
    _contracted_cities(ctx)
    for e in ctx.doc.ents:
        if ctx.overlaps_mention(e.start, e.end):
            # « l'OTAN Jens Stoltenberg » tagged as one organisation: the name after it is a person
            end = max(m.end for m in ctx.overlapping(e.start, e.end))
            if e.label_ in ("ORG", "MISC") and e.end - end >= 2 and looks_like_name(ctx.doc[end : e.end]):
                ctx.split_persons.append((end, e.end))
            continue
        if e.label_ == "LOC":
            _ner_place(ctx, e)
        elif e.label_ in ("ORG", "MISC") and e.text.isupper() and len(e) <= 4 and not ctx.ref.organization(e.text) \
                and is_dateline(ctx, e.start):
            # « AURIVEL (Canada) – » read as a name of something: a place in capitals opening the story
            ctx.add("City", f"city/{slug(e.text)}", place_label(e.text), e.start, e.end, conf=confidence("dateline_city"), rank=1)
        elif (e.label_ in ("ORG", "MISC") and len(e) <= 3 and ctx.lower(e.start - 1) in ctx.lex.of_forms
              and ctx.lower(e.start - 2) in ctx.lex.town_nouns and not ctx.ref.organization(e.text)):
            # « la maire de Aurivel » read as a body's name: after a noun only a town goes with, a town
            ctx.add("City", f"city/{slug(e.text)}", place_label(e.text), e.start, e.end,
                    conf=confidence("unknown_place_after_a"), rank=1)
        elif e.label_ in ("ORG", "MISC", "PER") and _english_venue(ctx, e):
            # « au Kenyatta International Convention Centre »: a venue named in English, read as a body's name (or as a
            # person's: « au Jorge Almirante Centre »)
            ctx.add("City", f"city/{slug(e.text)}", e.text, e.start, e.end, conf=confidence("venue_after_au"), rank=1)
        elif e.label_ in ("ORG", "MISC"):
            ner_organisation(ctx, e)
    _unread_dateline(ctx)
    _venues(ctx)
    _summit_places(ctx)
    _misspelt_cities(ctx)


def _capital_read_as_person(ctx: ArticleContext, s) -> bool:
    """Is the ``PER`` span over the city ``s`` just a capital's one-word name (« Washington n'était représenté que
    par … », a metonym the NER read as a surname), no word of a person's full name in the article (« George
    Washington … Washington »)?"""
    if s.label_ != "CITY" or s.end - s.start != 1 or normalize(s.text) not in _capitals(ctx.ref):
        return False
    if not any(e.label_ == "PER" and (e.start, e.end) == (s.start, s.end) for e in ctx.doc.ents):
        return False
    return s.text not in full_name_words(ctx)


def _title_of_country(ctx: ArticleContext, s) -> bool:
    """Is the ``PER`` span over the country ``s`` only a title and the country (« le Président de la République
    de Guinée », read as one person's name by the NER): a country, no name?"""
    ents = [e for e in ctx.doc.ents if e.label_ == "PER" and e.start <= s.start and s.end <= e.end]
    if s.label_ != "COUNTRY" or len(ents) != 1:
        return False
    e = ents[0]
    role = next((r for r in ctx.role_spans if r.start == e.start), None)
    if role is None:
        return False
    rest = [i for i in range(role.end, e.end) if not s.start <= i < s.end]
    return all(ctx.doc.pos[i] in ("ADP", "DET") or ctx.doc.words[i] in APOS for i in rest)


#: the small words of a place's name, lower case inside it (« Port-au-Prince », « Saint-Jean-de-Luz »)
_NAME_PARTICLES = frozenset("de du des la le les l d au aux en sur sous lès et el al".split())


def place_label(text: str) -> str:
    """The name of an unknown place as a name, when the text gives it in capitals (a dateline):
    « WHISTLER » → « Whistler », « PORT-AU-PRINCE » → « Port-au-Prince »; any other spelling is kept.

    >>> place_label("SAINT-JEAN-DE-LUZ"), place_label("L'ÎLE-ROUSSE"), place_label("Aurivel")
    ('Saint-Jean-de-Luz', "L'Île-Rousse", 'Aurivel')
    """
    if not (text.isupper() and any(ch.isalpha() for ch in text)):
        return text
    parts = re.split(r"([\s\-'’]+)", text.lower())
    out = []
    for n, part in enumerate(parts):
        if n % 2 or not part:
            out.append(part)
        elif n and part in _NAME_PARTICLES and n + 1 < len(parts) and not parts[n + 1].startswith(("'", "’")):
            out.append(part)
        else:
            out.append(part[:1].upper() + part[1:])
    return "".join(out)


def _unread_dateline(ctx: ArticleContext) -> None:
    """« BANFF (Canada) – » that the NER left unread: a name in capitals opening one of the first sentences (after a
    page's header lines: rubric, date, byline), which the text places in a country in brackets, is the dateline's city."""
    doc = ctx.doc
    for sent in ctx.sents[:5]:
        i = k = sent.start
        while k < sent.end and k - i < 3 and doc.words[k].isupper() and doc.words[k][:1].isalpha():
            k += 1
        if k == i or k + 1 >= sent.end or doc.words[k] != "(" or ctx.overlaps_mention(i, k):
            continue
        country = ctx.mention_at(k + 1, ("Country",))
        if country is None or country.end >= len(doc) or doc.words[country.end] != ")":
            continue
        name = doc[i:k].text
        if ctx.ref.organization(name) or ctx.ref.country(name):
            continue
        ctx.add("City", f"city/{slug(name)}", place_label(name), i, k, conf=confidence("dateline_city"), rank=1)


def _english_venue(ctx: ArticleContext, e: Span) -> bool:
    """Is the name ``e`` a venue named in English (« Kenyatta International Convention Centre », « Bella Center »):
    capitalised words ending with a venue head (``english_venue_heads``), after « au » / « à l' », naming no body the
    reference knows?"""
    last = e[-1]
    return len(e) >= 2 and last.text[:1].isupper() and last.lower_ in ctx.lex.english_venue_heads and (
        ctx.lower(e.start - 1) in ctx.lex.venue_preps or ctx.lower(e.start - 1) in ("l'", "l’") and ctx.lower(e.start - 2) == "à"
    ) and ctx.ref.organization(e.text) is None and all(t.text[:1].isupper() for t in e)


def _venue_name_end(ctx: ArticleContext, j: int, limit: int) -> int:
    """The end of the capitalised name starting at token ``j`` (up to three words, « Pacifico », « de Beştepe »
    without its « de »), ``j`` if there is none."""
    doc = ctx.doc
    k = j
    while k < limit and k - j < 3 and doc.words[k][:1].isupper() and doc.pos[k] in ("PROPN", "NOUN", "ADJ", "X", "PRON") \
            and not doc.sent_start[k]:  # (« San Carlos »: « San » read as a pronoun)
        k += 1
        if k + 1 < limit and doc.words[k] == "-" and not doc.tws(k - 1).endswith(" ") and doc.words[k + 1][:1].isupper():
            k += 1  # « Al-Yamamah » read as three tokens
        elif k > j and k + 1 < limit and doc.lower[k] in ctx.lex.name_particles and doc.lower[k] not in ctx.lex.of_forms and (
                doc.words[k + 1][:1].isupper()):
            k += 1  # « Viña del Mar », « Grand Large »: a particle inside the name
    return k


def participle_infinitive(word: str) -> str:
    """The infinitive of a past participle of the first or second group (« réunis » → « réunir », « rassemblés » →
    « rassembler »), which the parser leaves as it is at the start of a sentence (« Réunis au palais de ... »)."""
    w = word.rstrip("s")
    w = w[:-1] if w.endswith("e") and len(w) > 2 and w[-2] in "ié" else w
    return w[:-1] + "er" if w.endswith("é") else w + "r" if w.endswith("i") else word


def _hyphen_joined(ctx: ArticleContext, j: int, end: int) -> bool:
    """Are the tokens ``j``..``end`` one hyphenated name with no space (« Jules-Verne », « Pierre-Mendès-France »)?"""
    doc = ctx.doc
    return "-" in doc.span_text(j, end) and not any(doc.tws(x).endswith(" ") for x in range(j, end - 1))


def _venues(ctx: ArticleContext) -> None:
    """« au château de Christiansborg », « au centre de conférences Pacifico », « au complexe présidentiel de
    Beştepe », « au Grand Palais du peuple »: a named venue where people gather (after « au », « à la », « dans le »,
    in a sentence about a summit or a gathering) is a place of its own, named in full. A venue named after a town
    the reference knows (« au château de Versailles ») stays that town; a body's seat (« au palais de l'Élysée »)
    or a person's name is no venue."""
    doc = ctx.doc
    lex = ctx.lex
    n = len(doc)
    for i in range(1, n - 1):
        low = doc.lower[i]
        if low not in lex.venue_nouns or low in ("site", "parc"):
            continue
        prev = ctx.lower(i - 1)
        capital_venue = doc.words[i][:1].isupper() and not doc.sent_start[i]
        start = i
        if capital_venue and doc.pos[i - 1] == "ADJ" and doc.words[i - 1][:1].isupper():
            start = i - 1  # « le Grand Palais »
            prev = ctx.lower(i - 2)
        if not (prev in lex.venue_preps or prev in ("le", "la", "l'", "l’") and ctx.lower(start - 2) in ("à", "dans")):
            continue
        sent, town_named = ctx.sent_at(i), False
        if capital_venue:
            # « au Grand Palais du peuple », « au Palais des Nations »: the name is the capitalised noun and its « du X »
            end = i + 1
            if ctx.lower(end) in lex.of_forms_contracted and end + 1 < sent.end and doc.pos[end + 1] in ("NOUN", "PROPN"):
                end += 2
            if ctx.mentions_in(end, min(sent.end, end + 5), ("City",)):
                continue  # « au Musée d'art moderne de Rio »: named after its town, which is the place
        else:
            k = i + 1
            # « des congrès », « de conférences », « présidentiel »: what kind of venue, before its name
            for _ in range(3):
                if k < sent.end and doc.pos[k] == "ADJ" and doc.words[k].islower():
                    k += 1
                elif k + 1 < sent.end and ctx.lower(k) in ("des", "de", "d'", "d’") and (doc.pos[k + 1] == "NOUN" and doc.words[
                        k + 1].islower() or ctx.lower(k + 1) == "état"):  # (« de conférences », « d'État »)
                    k += 2
                else:
                    break
            # (« du Grand Large »: a contracted « de » before a capitalised name; « du palais Al-Yamamah »: the
            # building the venue is in, named)
            j = k + 1 if ctx.lower(k) in lex.of_forms or ctx.lower(k) in lex.of_forms_contracted and doc.words[k + 1][:1].isupper() \
                else k
            if ctx.lower(k) in lex.of_forms_contracted and ctx.lower(k + 1) in lex.venue_nouns and doc.words[k + 2][:1].isupper():
                j = k + 2
            if j > k and ctx.lower(j) in lex.definite_articles and j + 1 < sent.end and doc.words[j + 1][:1].isupper():
                j += 1  # « au palais de la Renaissance »: the article of the name
            end = _venue_name_end(ctx, j, sent.end)
            if end == j:
                continue
            name = doc.span_text(j, end)
            # (« au palais de San Carlos, à Bogota »: a venue that bears a town's name, the town it is in named after it)
            town_after = doc.words[end] == "," if end < sent.end else False
            town_after = town_after and ctx.lower(end + 1) == "à" and ctx.mention_at(end + 2, ("City",)) is not None
            # (a person's name, unless joined by hyphens as a place named after someone is: « centre des congrès Jules-Verne »)
            town_named = ctx.ref.city(name) is not None and k > i + 1 and not town_after  # (« au centre de conférences d'Arusha »)
            if ctx.ref.city(name) and not town_after and not town_named or ctx.ref.country(name) or ctx.ref.organization(
                    name) or end - j > 1 and any(doc.ent_type[x] == "PER" for x in range(j, end)) and not _hyphen_joined(ctx, j, end):
                continue  # « au château de Versailles »: the town; « au palais de l'Élysée »: the body
        if any(ctx.ents[m.key].type not in ("City", "Organization") or m.start < start or m.end > end
               or ctx.ents[m.key].type == "Organization" and ctx.ref.organization(ctx.ents[m.key].label)
               for m in ctx.overlapping(start, end)):
            continue  # (a name the NER read as a body, « Marvello », is the venue's when no body is known by it)
        words = lex.summit_nouns | lex.gathering_nouns | lex.attend_verbs | lex.place_verbs | lex.gathering_verbs | lex.host_verbs
        if not any(doc.lower[x] in words or doc.lemma[x] in words or participle_infinitive(doc.lower[x]) in words
                   for x in range(sent.start, sent.end)):
            continue
        for m in [m for m in {id(m): m for m in ctx.overlapping(start, end)}.values() if not town_named or m.start < j]:
            ctx.remove_mention(m)  # (the town a venue is named after stays named there)
        label = doc.span_text(start, end)
        ent = ctx.add("City", f"city/{slug(label)}", label, start, end, conf=confidence("venue_after_au"), rank=1)
        if not capital_venue and not town_named:
            ent.aliases.add(name)  # (« Chantilly »: the venue's own name)


def _summit_places(ctx: ArticleContext) -> None:
    """« le sommet d'Aurivel », « le sommet de Varno »: a capitalised name the NER left unread right after « sommet
    de » is the place the summit is named after (not a person, a country or a body: those are read already)."""
    doc = ctx.doc
    lex = ctx.lex
    for i in range(len(doc) - 2):
        if doc.lower[i] not in lex.summit_nouns or doc.lower[i + 1] not in lex.of_forms:
            continue
        j = k = i + 2
        while k < len(doc) and k - j < 3 and doc.words[k][:1].isupper() and doc.pos[k] == "PROPN" and not doc.sent_start[k]:
            k += 1
        if k == j or ctx.overlaps_mention(j, k) or any(doc.ent_type[t] in ("PER", "ORG") for t in range(j, k)):
            continue
        if doc.ent_type[j] == "MISC" and doc.ent_type[i] != "MISC":
            continue  # (a name of its own; « sommet d'Aurivel » read as one MISC name is the summit's)
        name = doc.span_text(j, k)
        if ctx.ref.organization(name) or ctx.ref.role(name):
            continue
        ctx.add("City", f"city/{slug(name)}", name, j, k, conf=confidence("unknown_place_after_a"), rank=1)


def full_name_words(ctx: ArticleContext) -> set[str]:
    """The words of the names of several words the NER reads as people's (« Jean Dupont »)."""
    return {w for e in ctx.doc.ents if e.label_ == "PER" and len(e) > 1 for w in e.text.split()}


def _contracted_cities(ctx: ArticleContext) -> None:
    """« au Caire », « du Cap », « au Havre »: a city whose name begins with « Le » loses it after « à »/« de »."""
    doc = ctx.doc
    for i in range(1, len(doc)):
        if ctx.lower(i - 1) not in ctx.lex.contracted_le or not doc.words[i][:1].isupper() or ctx.overlaps_mention(i, i + 1):
            continue
        for end in (i + 2, i + 1):  # « au Cap-Vert » is a country (the gazetteer has it): longest first
            if end > len(doc):
                continue
            city = ctx.ref.city("Le " + doc.span_text(i, end))
            if city and not ctx.overlaps_mention(i, end) and city.name.startswith("Le "):
                ctx.add("City", f"city/{slug(city.name)}", city.name, i, end, rank=2)
                break


def _misspelt_cities(ctx: ArticleContext) -> None:
    """« à Tervlaa » and « à Tervala » in one article: a city the reference does not know, one slip of the keys
    (two letters swapped, one doubled or dropped) away from another city of the article, is that city. A
    different letter is not a slip: « Sienne » is not « Vienne »."""
    cities = [k for k, e in ctx.ents.items() if e.type == "City"]
    for k in cities:
        label = ctx.ents[k].label
        if len(label) < 5 or ctx.ref.city(label):
            continue
        for other in cities:
            if other != k and other in ctx.ents and _one_slip(normalize(label), normalize(ctx.ents[other].label)):
                ctx.merge(k, other)
                break


def _one_slip(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one slip apart: two neighbouring letters swapped, or one letter added or dropped?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _ner_place(ctx: ArticleContext, e: Span) -> None:
    text = strip_det(e)
    # « château de Chantilly » tagged as one place: the town is the last part
    town = len(text) > 2 and text[0].lower_ in ctx.lex.town_nouns and text[1].lower_ in ctx.lex.of_forms
    if len(text) > 2 and text[0].lower_ in ctx.lex.venue_nouns | ctx.lex.town_nouns and text[1].lower_ in ctx.lex.of_forms:
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
    lex = ctx.lex
    if (town or ctx.lower(text.start - 2) in lex.town_nouns) and any(
            w in full_name_words(ctx) for w in text.text.split()):
        return  # « la ville de Dupont » after « Jean Dupont »: named after a person of the article
    if text.text.lower() in lex.region_names:
        return  # « la sécurité au Sahel »: a region
    if title_holder_glued(ctx, text):
        return
    if len(text) >= 2 and text[0].lower_ in lex.acronym_org_heads - lex.venue_nouns and text[0].text[:1].isupper() and not ctx.overlaps_mention(
            text.start, text.end):
        # « des militants de la Confédération paysanne » read as a place: a body's name
        ctx.add("Organization", f"org/{slug(text.text)}", text.text, text.start, text.end,
                conf=confidence("unknown_organisation"), rank=1)
        return
    # « à Aurivel », « depuis Aurivel », « au château de Chantilly », « le sommet de Djerba », « la ville de X »,
    # « la station de ski de X », « le sommet du G7 de X », « le port de X » (one NER place)
    if len(text) <= 4 and (town or prev in ("à", "depuis") or prev in lex.of_forms and (
            ctx.lower(text.start - 2) in lex.venue_nouns | lex.town_nouns or (
            ctx.lower(text.start - 2) in lex.summit_nouns and text.start == e.start) or _place_noun_before(ctx, text.start - 1)
            or _summit_body_before(ctx, text.start - 1))):
        ctx.add("City", f"city/{slug(text.text)}", place_label(text.text), text.start, text.end, conf=confidence("unknown_place_after_a"), rank=1)
    # « ... de Fasano, dans le sud de l'Italie », « Aurivel (Canada) »: a place the text locates in a country
    elif len(text) <= 4 and country_after(ctx, text.end) is not None:
        ctx.add("City", f"city/{slug(text.text)}", place_label(text.text), text.start, text.end, conf=confidence("unknown_place_after_a"), rank=1)
    # « AURIVEL (Canada) – »: an unknown place opening the story as its dateline
    elif len(text) <= 4 and text.start == e.start and is_dateline(ctx, text.start):
        ctx.add("City", f"city/{slug(text.text)}", place_label(text.text), text.start, text.end, conf=confidence("dateline_city"), rank=1)
    # « participeront à la conférence ... au Rigi »: an unknown place after « au/aux » (not a country)
    # in a sentence about a summit or a gathering is its venue
    elif len(text) <= 3 and prev in ctx.lex.venue_preps and _gathering_sentence(ctx, text.start):
        ctx.add("City", f"city/{slug(text.text)}", place_label(text.text), text.start, text.end, conf=confidence("venue_after_au"), rank=1)


def _gathering_sentence(ctx: ArticleContext, i: int) -> bool:
    """Is the place at token ``i`` where people gather: the word before « au » or one of the place's two
    heads a summit, gathering, attendance or hosting word (« attendus au X », « participeront ... au X »)?"""
    lex = ctx.lex
    doc = ctx.doc
    words = lex.summit_nouns | lex.gathering_nouns | lex.attend_verbs | lex.place_verbs
    cands = [i - 2]
    h = i
    for _ in range(2):
        h = doc.heads[h]
        cands.append(h)
    return any(0 <= k < len(doc) and (doc.lower[k] in words or doc.lemma[k] in words) for k in cands)


def capitals_as_governments(ctx: ArticleContext) -> None:
    """« saluée par Kiev », « Pékin a salué »: a capital not used as a place stands for its country's
    government. The city stays (a metonym still names the city) and its country is implied on the same span,
    its mention first, so that the rules looking for agents see the country. A capital that is the seat of an
    international body (« Bruxelles espère ») stands for that body, not its country: no country."""
    capitals = _capitals(ctx.ref)
    for m in list(ctx.mentions):
        ent = ctx.ents[m.key]
        if ent.type != "City" or is_locative(ctx, m.start):
            continue
        country = capitals.get(normalize(ent.label))
        if country is None or normalize(ent.label) in ctx.lex.institution_seats:
            continue
        ctx.add("Country", f"country/{country.iso3}", country.name, m.start, m.end, conf=confidence("capital_as_government"),
                rank=1, before=m)


def place_adjectives(ctx: ArticleContext) -> None:
    """« la capitale lettone Riga », « la station balnéaire égyptienne de X »: a nationality adjective on a
    place noun before a city is said of the place, not of a person: it names no country by itself (the country
    stays when the article names it otherwise)."""
    for m in list(ctx.mentions):
        if ctx.ents.get(m.key) is None or ctx.ents[m.key].type != "Country" or ctx.doc.pos[m.start] != "ADJ":
            continue
        if place_head(ctx, m.start) is not None and ctx.mentions_in(m.end, m.end + 2, ("City",)):
            ctx.remove_mention(m)


def _place_noun_before(ctx: ArticleContext, de: int) -> bool:
    """Is the « de » at ``de`` the end of a place noun's phrase (« la ville de », « la station balnéaire de », « la
    station de ski de »): a place noun, then adjectives or one « de » + noun?"""
    lex = ctx.lex
    k = de - 1
    if ctx.doc.pos[k] == "NOUN" and ctx.lower(k - 1) in lex.of_forms and ctx.lower(k) not in lex.place_nouns:
        k -= 2  # « de ski »
    while k >= 0 and ctx.doc.pos[k] == "ADJ" and de - k < 5:
        k -= 1
    # (after « dans » / « à » only: « la cité thermale de Haute-Savoie vit ... » names the region a town is in)
    return k >= 0 and ctx.lower(k) in lex.place_nouns and ctx.lower(k - 1) in lex.definite_articles | {"une", "un"} and (
        ctx.lower(k - 2) in ("dans", "à"))


def _summit_body_before(ctx: ArticleContext, de: int) -> bool:
    """Is the « de » at ``de`` right after « le sommet du G7 », a summit named after a body (« le sommet du G7 de X »)?"""
    lex = ctx.lex
    body = ctx.mention_at(de - 1, ("Organization",))
    if body is None or body.end != de:
        return False
    k = body.start - 1
    if ctx.lower(k) in lex.definite_articles:
        k -= 1
    return ctx.lower(k) in lex.of_forms_contracted and ctx.lower(k - 1) in lex.summit_nouns


def place_head(ctx: ArticleContext, k: int) -> int | None:
    """The place noun an adjective at ``k`` hangs on (« capitale » in « la capitale lituanienne »), walking back
    over adjectives; ``None`` if there is none."""
    lex = ctx.lex
    while k >= 0 and ctx.doc.pos[k] == "ADJ":
        k -= 1
    return k if k >= 0 and (ctx.lower(k) in lex.place_nouns or ctx.lower(k) in lex.venue_nouns) else None


def is_locative(ctx: ArticleContext, start: int) -> bool:
    """Is the place at token ``start`` used as a location (« à Paris », « la ville d'Hiroshima », « dans la capitale
    lettone Riga », « au cœur du quartier européen de Bruxelles »)?"""
    prev = ctx.lower(start - 1)
    if prev == "à" and is_recipient(ctx, start):
        return False  # « la livraison à Kiev », « un message adressé à Moscou »: to whom, not where
    if prev in ctx.lex.locative_preps or prev in ctx.lex.venue_preps:
        return True  # « à Paris », « au Bourget »
    lex = ctx.lex
    if prev in lex.of_forms:
        # « rentré de Moscou et de Pékin »: where one comes from
        h = ctx.doc.heads[start]
        if ctx.doc.deps[start] == "conj":
            h = ctx.doc.heads[h]
        if ctx.doc.lemma[h] in lex.motion_verbs:
            return True
        k = start - 2
        while k >= 0 and ctx.doc.pos[k] == "ADJ":
            k -= 1
        if ctx.lower(k - 1) in lex.of_forms_contracted and ctx.lower(k - 2) in lex.venue_nouns:
            k -= 2  # « au palais des congrès de Nairobi », « au centre de conférences de X »
        return ctx.lower(k) in lex.place_nouns or ctx.lower(k) in lex.venue_nouns or ctx.lower(k) in lex.summit_nouns or (
            _place_noun_before(ctx, start - 1))  # « dans la station de ski de X »
    # « la capitale lettone Riga »: a place noun and its adjectives right before the name
    if start > 0 and ctx.doc.pos[start - 1] == "ADJ" and place_head(ctx, start - 1) is not None:
        return True
    # « dans la capitale éthiopienne, Addis-Abeba »: the same, the name in apposition
    if start > 1 and ctx.doc.words[start - 1] == "," and (
            ctx.doc.pos[start - 2] == "ADJ" and place_head(ctx, start - 2) is not None or ctx.lower(start - 2) in lex.place_nouns):
        return True
    # a dateline: « NAGOYA (Japon), 21 mai 2023 – »
    return ctx.doc.sent_start[start] and ctx.doc.words[start].isupper() or is_dateline(ctx, start)


def is_dateline(ctx: ArticleContext, start: int) -> bool:
    """Does a place name at ``start`` open one of the first sentences as a dateline (« PARIS — », « Bruxelles
    (AFP) - », « NAGOYA (Japon), 21 mai 2023 – »)?"""
    doc = ctx.doc
    n = len(doc)
    if not doc.sent_start[start] or ctx.sent_no(start) > 3 or is_date_word(doc.words[start]):
        return False  # « Vendredi, 11 h 40 – »: a time, not a place
    k = start
    while k < n and k - start < 5 and (doc.words[k][:1].isupper() or doc.lower[k] in ctx.lex.name_particles):
        k += 1
    if k == start or k >= n:
        return False
    w = doc.words[k]
    if w in ctx.lex.dateline_marks:
        if w == "-" and not doc.tws(k - 1).endswith(" "):
            return False  # « Ngozi Okonjo-Iweala, ... »: a hyphenated name, not « Bruxelles - »
        return w != "(" or (k + 1 < n and doc.words[k + 1][:1].isupper())
    return w == "," and k + 1 < n and (doc.words[k + 1][:1].isdigit() or is_date_word(doc.words[k + 1]))


def between(ctx: ArticleContext, start: int) -> bool:
    """Is the place at token ``start`` one end of « entre X et Y » (a route or a relation between two places,
    not where something is held)?"""
    if ctx.lower(start - 1) == "entre":
        return True
    return ctx.lower(start - 1) in ctx.lex.list_separators and any(
        ctx.lower(k) == "entre" for k in range(max(0, start - 6), start - 1))


def is_recipient(ctx: ArticleContext, start: int) -> bool:
    """Is the place at ``start``, after « à », what something is given or said to (its head a verb or noun
    of giving, sending, promising)?"""
    heads = ctx.lex.recipient_heads
    meetings = ctx.lex.summit_nouns | ctx.lex.conference_nouns | ctx.lex.gathering_nouns
    doc = ctx.doc
    h = doc.heads[start]
    if h > start and doc.pos[h] in ("VERB", "AUX") and any(doc.pos[j] == "PUNCT" for j in range(start, h)):
        return False  # « Au sommet de l'Otan à Tallinn, les Alliés ont promis … »: set off before its verb: where
    for _ in range(2):
        if doc.lemma[h] in heads or doc.lower[h] in heads:
            return True
        if doc.lower[h] in meetings:
            return False  # « au sommet de l'Otan à Riga, les Alliés ont promis »: the meeting's place
        if doc.heads[h] == h:
            break
        h = doc.heads[h]
    return False


def country_after(ctx: ArticleContext, e: int):
    """The country a place ending at token ``e`` is said to lie in, right after it: « , dans le sud de
    l'Espagne », « , au Brésil », « (Japon) »; else ``None``."""
    doc = ctx.doc
    lex = ctx.lex
    if e >= len(doc) or doc.words[e] not in (",", "("):
        return None
    k = e + 1
    if ctx.lower(k) in ("dans", "à") and ctx.lower(k + 1) in lex.definite_articles and ctx.lower(k + 2) in lex.compass_words:
        k += 3  # « , dans le sud de l'Espagne »
        if ctx.lower(k) in lex.of_forms_contracted:
            k += 1
        if ctx.lower(k) in lex.definite_articles:
            k += 1
    elif doc.words[e] == "," and ctx.lower(k) in lex.country_locative_preps:
        k += 1  # « , au Brésil »
    elif doc.words[e] != "(":
        return None
    m = ctx.mention_at(k, ("Country",))
    if m is None or m.start != k or (doc.words[e] == "(" and ctx.lower(m.end) != ")"):
        return None
    return m
