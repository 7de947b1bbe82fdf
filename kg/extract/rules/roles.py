"""Role phrases and nationality adjectives: Minister or Person, country, portfolio, affiliation.

Evidence: a role title of the reference data next to a person, before (« la ministre britannique de la
Technologie X ») or after (« X, ministre délégué chargé du Numérique »); plural titles pair their
countries and people in order; « Côté allemand, ... » gives the sentence's people their country; a
nationality adjective names its country (« la stratégie française ») and the person next to it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kg.extract.context import ArticleContext, GazSpan, Mention
from kg.extract.lexicon import confidence
from kg.extract.text import APOS, is_namey
from kg.extract.tokens import TokenCache
from kg.names import lookup_key as normalize
from kg.names import slug


@dataclass
class Role:
    """A role phrase read around a person: « la ministre britannique de la Technologie »."""

    title: str
    cls: str  #: "Minister" or "Person"
    plural: bool  #: « les Premiers ministres ... »: several people share it
    start: int  #: token span of the whole role phrase
    end: int
    countries: list[str]  #: country keys, in text order
    orgs: list[str]  #: organisation keys (affiliation)
    portfolio: str | None


def _portfolio(doc: TokenCache, tokens: list[int], skip: frozenset[str]) -> str | None:
    """The portfolio words of a minister's title (« de la Transition énergétique » → « Transition énergétique »)."""
    words = []
    for i in tokens:
        low = doc.lower[i]
        if doc.pos[i] == "DET" or low in skip or doc.words[i] in APOS:
            continue
        words.append(doc.words[i])
    text = " ".join(words).replace(" - ", "-").strip()
    while text.lower().startswith("et "):
        text = text[3:]
    return text or None


def roles(ctx: ArticleContext) -> None:
    """Each person's role phrase, before or after the name (a plural title shared by the people listed
    after it): Minister or Person, ``role`` and ``portfolio``, ``ministerOf``/``nationality``, ``affiliation``."""
    persons = sorted((m for m in ctx.mentions if ctx.ents[m.key].type == "Person"), key=lambda m: m.start)
    prev_role: tuple[Mention, Role] | None = None
    prev_rank = 0
    rank = 0  # the person's place among those sharing a plural title
    for m in persons:
        left, right = _left_role(ctx, m), _right_role(ctx, m)
        if left and right and ctx.doc.words[m.start - 1] == "," and _after_person(ctx, left.start):
            left = None  # « A, Premier ministre de X, B, président de Y »: each title follows its own name
        if left and right:
            _apply_role(ctx, m, right)
        role = left or right
        rank = 0
        if role is None and prev_role is not None:
            pm, pr = prev_role
            gap = ctx.doc[pm.end : m.start]
            if pr.plural and len(gap) <= 2 and all(t.lower_ in ctx.lex.list_separators for t in gap):
                role, rank = pr, prev_rank + 1
        if role is None:
            prev_role = None
            continue
        prev_role, prev_rank = (m, role), rank
        _apply_role(ctx, m, role, rank)


def _after_person(ctx: ArticleContext, start: int) -> bool:
    """Does the role phrase starting at token ``start`` come right after a person and a comma (« A, Premier
    ministre de X, ... »): an apposition to that person?"""
    k = start - 1
    while k > 0 and ctx.doc.pos[k] == "DET":
        k -= 1
    if k <= 0 or ctx.doc.words[k] != ",":
        return False
    prev = ctx.mention_at(k - 1, ("Person", "Minister"))
    return prev is not None and prev.end == k


def side_countries(ctx: ArticleContext) -> None:
    """« Côté allemand, la ministre X et le vice-chancelier Y ... »: the sentence's people serve that country."""
    for start, end in ctx.triggers.get("SIDE_OF_COUNTRY", ()):  # « Côté », « Du côté »
        if not ctx.doc.sent_start[start]:
            continue  # opening a sentence only
        sent, k = ctx.sent_at(start), end - 1
        nat = next((g for g in ctx.gaz if g.start == k + 1 and g.label_ in ("NAT", "COUNTRY")), None)
        c = ctx.ref.country_by_iso3(nat.id_) if nat is not None else None
        if c is None:
            continue
        country = ctx.add("Country", f"country/{c.iso3}", c.name, nat.start, nat.end, conf=confidence("side_of_country"), rank=0)
        country.label_rank = max(country.label_rank, 1)
        ctx.used_tokens.update(range(nat.start, nat.end))
        for m in ctx.mentions_in(sent.start, sent.end, ("Person", "Minister")):
            if any(ctx.lower(k) in _COUNTERPART for k in (m.start - 1, m.start - 2)):
                continue  # « Côté français, le ministre X s'est entretenu avec son homologue Y »: Y is of the other side
            if not any(r[0] == m.key and r[1] in ("ministerOf", "nationality") for r in ctx.relations):
                p = "ministerOf" if ctx.ents[m.key].type == "Minister" else "nationality"
                ctx.relate(m.key, p, country.key, nat.start, m.end, confidence("side_of_country_person"))


_COUNTERPART = frozenset({"homologue", "homologues"})


def role_phrase_ok(ctx: ArticleContext, start: int, end: int) -> bool:
    """Can tokens ``start:end`` be the rest of a role phrase (« de la Transition énergétique »)?"""
    words, pos, lower = ctx.doc.words, ctx.doc.pos, ctx.doc.lower
    for i in range(start, end):
        if words[i] in APOS or words[i] == "-":
            continue
        if pos[i] not in ("ADJ", "ADP", "DET", "NOUN", "PROPN", "CCONJ", "NUM", "X") and not lower[i].startswith("chargé") or words[i] == ",":
            return False
        if ctx.mention_at(i, ("Person", "Minister")):
            return False
    return True


def _left_role(ctx: ArticleContext, m: Mention) -> Role | None:
    sent = ctx.sent_at(m.start)
    best = None
    stop = _title_stop(ctx, m)
    for r in ctx.role_spans:
        if r.end <= m.start and r.start >= sent.start and m.start - r.end <= 12:
            # « la ministre de la Transition énergétique, Agnès Pannier-Runacher »
            if r.end <= stop and role_phrase_ok(ctx, r.end, stop):
                best = r  # the nearest acceptable trigger wins
    if best is None:
        return None
    return analyse_role(ctx, best, best.start, stop)


def is_civility(ctx: ArticleContext, i: int) -> bool:
    """Is token ``i`` a civility that may stand before a name: an honorific (« Monsieur »), a rank (« Général »),
    « Excellence » (« Son Excellence »)?"""
    low = ctx.lower(i)
    lex = ctx.lex
    return low in lex.honorifics or low.rstrip(".") in lex.honorifics or low in lex.civility_titles


def civility_start(ctx: ArticleContext, i: int) -> int:
    """Where the civilities before the name starting at token ``i`` begin (``i`` when there are none):
    « le Premier ministre, Monsieur Abdoulaye Z » → « Monsieur »; « le Général X », « Son Excellence
    Monsieur X » → their article or possessive."""
    k = i
    while k > 0 and is_civility(ctx, k - 1):
        k -= 1
    if k < i and k > 0 and (ctx.lower(k - 1) in ctx.lex.definite_articles or ctx.lower(k - 1) in ctx.lex.possessives):
        k -= 1  # « le Général », « Son Excellence »
    return k


def _title_stop(ctx: ArticleContext, m: Mention) -> int:
    """Where a title before the person at ``m`` ends: before « , » or « : » (« la ministre de X, Agnès Y »),
    also before « , la Rwandaise » (« La secrétaire générale de l'OIF, la Rwandaise Louise Mushikiwabo »),
    and before civilities (« le Premier ministre, Monsieur Abdoulaye Z »)."""
    words = ctx.doc.words
    c = civility_start(ctx, m.start)
    if c < m.start and words[c - 1] in (",", ":"):
        return c - 1
    if words[m.start - 1] in (",", ":"):
        k = m.start - 1
        if words[k - 1] == ")":
            # « la secrétaire générale de l'Organisation internationale de la Francophonie (OIF), Louise X »:
            # an acronym in brackets closes the title
            opening = next((j for j in range(k - 2, max(k - 6, 0), -1) if words[j] == "("), None)
            if opening is not None:
                return opening
        return k
    nat = [g for g in ctx.gaz if g.label_ == "NAT" and g.end == m.start]
    if nat:
        k = nat[0].start - 1
        if ctx.lower(k) in ctx.lex.definite_articles:
            k -= 1
        if k > 0 and words[k] == ",":
            return k
    return m.start


def _right_role(ctx: ArticleContext, m: Mention) -> Role | None:
    doc = ctx.doc
    i = m.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and (doc[j].pos_ == "DET" or doc[j].lower_ in ctx.lex.role_fillers):
        j += 1
    trig = next((r for r in ctx.role_spans if r.start == j), None)
    if trig is None:
        return None
    end = trig.end
    while end < len(doc) and end - trig.end < 12:
        t = doc[end]
        if ctx.mention_at(end, ("Person", "Minister")):
            return None  # « X, la ministre ... Y »: a list, the title is Y's (whatever the tagger made of Y's first word)
        if t.is_punct and t.text not in APOS and t.text != "-" or (
                t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not t.lower_.startswith("chargé")):
            break
        if t.lower_ in ctx.lex.role_phrase_stops and not _office_phrase(ctx, end):
            break
        end += 1
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = ctx.mention_at(end + 1, ("Person", "Minister"))
        if nxt is not None and nxt.start == end + 1 and (
                any(ctx.lower(k) in _POSSESSIVES for k in range(i + 1, j)) or _own_left_role(ctx, m)):
            # « X, son homologue de Y, Z »: the title introduces Z, not X; so does « le chancelier autrichien, X, la
            # Première ministre danoise, Z » (a list of titles each before its name)
            return None
    return analyse_role(ctx, trig, trig.start, end)


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})


def _own_left_role(ctx: ArticleContext, m: Mention) -> bool:
    """Has the person ``m`` a title of its own before the name (« le chancelier autrichien, X »), not the title of
    the person before it (« A, Premier ministre de X, B, président de Y »: that one is A's)?"""
    left = _left_role(ctx, m)
    return left is not None and not (ctx.doc.words[m.start - 1] == "," and _after_person(ctx, left.start))


def _office_phrase(ctx: ArticleContext, i: int) -> int:
    """The length in words of the office phrase starting at token ``i`` (« en exercice », « par intérim »: part of
    the title, « Président en exercice de l'Organisation », not the end of it), 0 when none does."""
    return next((len(words) for words in map(str.split, ctx.lex.office_phrases)
                 if all(ctx.lower(i + n) == w for n, w in enumerate(words))), 0)


def analyse_role(ctx: ArticleContext, trig: GazSpan, start: int, end: int) -> Role:
    doc = ctx.doc
    info = ctx.ref.role(trig.text)
    cls = info.cls if info else "Person"
    plural = bool(info.plural) if info else False
    if ctx.lower(trig.start - 1) in ctx.lex.former_markers:
        cls = "Person"  # « l'ancien Premier ministre néerlandais »: no longer in government
    elif trig.text.lower().startswith("homologue"):
        # a counterpart holds the same kind of post as the person before it
        before = [ctx.ents[m.key] for m in ctx.mentions if m.end <= trig.start and ctx.ents[m.key].type in ("Person", "Minister")]
        cls = "Minister" if not before or before[-1].type == "Minister" else "Person"
        plural = trig.text.lower().endswith("s")
    countries: list[str] = []
    orgs: list[str] = []
    orgs_before: list[str] = []
    portfolio_toks: list[int] = []
    for s in ctx.gaz[bisect_left(ctx.gaz_starts, trig.end):]:
        if s.start >= end:
            break  # (sorted by start)
        if s.end <= end:
            if s.label_ == "NAT" and not _describes_company(ctx, s.start):
                c = ctx.ref.country_by_iso3(s.id_)
                if c:
                    ent = ctx.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, rank=0)
                    if ent.label_rank == 0:
                        ent.label_rank = 1
                    countries.append(ent.key)
                    ctx.used_tokens.update(range(s.start, s.end))
    for m in ctx.mentions_in(trig.start, end, ("Country",)):
        if m.end > trig.end and m.key not in countries:  # (« Président de la République de Guinée »: over the title's end)
            countries.append(m.key)
    # « le Royaume-Uni, représenté par son Premier ministre X », « Pékin a dépêché son Premier ministre »,
    # « Microsoft ..., a détaillé son président, Brad Smith »
    possessive = ctx.lower(trig.start - 1) in ctx.lex.possessives or any(  # « le chef de sa diplomatie »
        ctx.lower(i) in ctx.lex.possessives for i in range(trig.start, trig.end)) or (
        ctx.lower(trig.start - 2) == "dont" and ctx.lower(trig.start - 1) in ctx.lex.definite_articles)  # « La France, dont le président X »
    if not countries and not ctx.mentions_in(trig.end, end, ("Organization",)) and possessive:
        sent_start = ctx.sent_at(trig.start).start
        before = ctx.mentions_in(max(sent_start, trig.start - 25), trig.start, ("Country", "City", "Organization"))
        # not a place where something happens (« investir ... en France, a détaillé son président »)
        before = [m for m in before if ctx.lower(m.start - 1) not in ctx.lex.country_locative_preps]
        if cls != "Minister":  # « son président », « son directeur »: an organisation's first, even further back
            far_orgs = ctx.mentions_in(sent_start, trig.start, ("Organization",))
            before = [m for m in before if ctx.ents[m.key].type != "Organization"] + far_orgs[-1:]
        for m in reversed(before):
            city = ctx.ref.city(ctx.ents[m.key].label) if ctx.ents[m.key].type == "City" else None
            if ctx.ents[m.key].type == "Organization":
                orgs_before = [m.key]
            elif city is not None:
                c = ctx.ref.country_by_iso3(city.country)
                if c is None or c.capital is None or normalize(c.capital) != normalize(city.name):
                    continue  # only a capital speaks for its country
                countries.append(ctx.add("Country", f"country/{c.iso3}", c.name, m.start, m.end, conf=confidence("capital_before_title"), rank=0).key)
            else:
                countries.append(m.key)
            break
    for m in ctx.mentions_in(trig.start, end, ("Organization",)):
        orgs.append(m.key)
    orgs.extend(k for k in orgs_before if k not in orgs)
    if not orgs and not countries:
        after = trig.end + _office_phrase(ctx, trig.end)  # (« Président en exercice de l'Organisation »)
        orgs.extend(_org_anaphor(ctx, after, end))
    # an unknown organisation after « de/d' »: « cofondateurs d'OpenAI »
    if not orgs:
        k = trig.end
        while k < end and (doc[k].pos_ in ("ADP", "DET") or doc[k].text in APOS):
            k += 1
        j = k
        while j < end and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "X", "NOUN") and not ctx.mention_at(j):
            j += 1
        prev = ctx.lower(k - 1)
        if j > k and prev in ctx.lex.of_forms_contracted and (cls == "Person" or doc[k].ent_type_ in ("ORG", "MISC")) and (
                is_namey(doc[k]) or ctx.ref.organization(doc[k:j].text)):
            name = doc[k:j].text
            if not ctx.ref.role(name) and ctx.ref.country(name) is None:
                org = ctx.ref.organization(name)
                key = f"org/{org.key}" if org else f"org/{slug(name)}"
                ctx.add("Organization", key, org.name if org else name, k, j, conf=confidence("organisation_after_title"), rank=2 if org else 1)
                orgs.append(key)
    # the portfolio: what follows « ministre (de|chargé de) » that is not a country or organisation
    if cls == "Minister":
        for i in range(trig.end, end):
            if i in ctx.used_tokens or ctx.mention_at(i, ("Country", "Organization", "City")):
                continue
            portfolio_toks.append(i)
    portfolio = _portfolio(doc, portfolio_toks, ctx.lex.portfolio_skip_words)
    title = doc.span_text(start, end).strip(" ,")
    return Role(title, cls, plural, start, end, countries, orgs, portfolio)


def _org_anaphor(ctx: ArticleContext, start: int, end: int) -> list[str]:
    """« secrétaire général de l'organisation », « la directrice du Fonds »: a definite organisation noun
    closing a title names the organisation named before whose name has that head noun (« le Fonds » → the
    Fonds monétaire international) when only one has it; a generic one (« l'organisation »,
    « l'institution ») names the last organisation named before when several have it or none."""
    k = start
    if ctx.lower(k) not in ctx.lex.of_forms_contracted:
        return []
    k += 1
    if ctx.lower(k) in ctx.lex.definite_articles:
        k += 1
    if k != end - 1 or ctx.mention_at(k):  # the noun ends the title: « de l'organisation mondiale » is a name
        return []
    noun = normalize(ctx.doc.words[k])
    generic = noun in ctx.lex.generic_org_nouns
    if not generic and noun not in ctx.lex.org_head_nouns:
        return []
    before = [m.key for m in ctx.mentions if m.end <= start and ctx.ents[m.key].type == "Organization"]
    if not before:
        return []

    def heads(key: str) -> set[str]:
        ent = ctx.ents[key]
        ref = ctx.ref.organization(ent.label)
        names = {ent.label, *ent.aliases, *(ref.names if ref else ())}
        return {normalize(n).split()[0] for n in names if normalize(n)}

    same = [key for key in dict.fromkeys(before) if noun in heads(key)]
    if len(same) == 1:
        return same
    return [before[-1]] if generic else []


def _describes_company(ctx: ArticleContext, i: int) -> bool:
    """Does the nationality adjective at ``i`` qualify a company (« la start-up française »), not a person?"""
    k = i - 1
    while k >= 0 and ctx.doc.pos[k] == "ADJ":
        k -= 1
    if k < 0:
        return False
    if ctx.doc.lower[k] in ctx.lex.company_nouns:
        return True
    return (ctx.doc.span_text(k - 2, k + 1) if k >= 2 else ctx.doc[k - 2 : k + 1].text).lower() == "start-up"


def _apply_role(ctx: ArticleContext, m: Mention, role: Role, rank: int = 0) -> None:
    ent = ctx.ents[m.key]
    if role.cls == "Minister":
        ent.type = "Minister"
    ent.attrs.setdefault("role", role.title)
    if role.portfolio and role.cls == "Minister":
        ent.attrs.setdefault("portfolio", role.portfolio)
    lo, hi = min(role.start, m.start), max(role.end, m.end)
    conf = confidence("role_phrase")
    # « les Premiers ministres japonais et canadien, X et Y »: countries and people pair up in order
    countries = role.countries[rank : rank + 1] if role.plural and len(role.countries) > 1 else role.countries[:1]
    for c in countries:
        ctx.relate(m.key, "ministerOf" if role.cls == "Minister" else "nationality", c, lo, hi, conf)
    # « les dirigeants de l'ONU et du FMI, X et Y »: organisations too
    orgs = role.orgs[rank : rank + 1] if role.plural and len(role.orgs) > 1 else role.orgs
    for o in orgs:
        ctx.relate(m.key, "affiliation", o, lo, hi, conf)


def nationality_adjectives(ctx: ArticleContext) -> None:
    """A nationality adjective on an actor noun (« ses homologues italien et allemand ») or a person
    (« l'historien camerounais X ») names its country (``nationality_on_actor``), and next to a person
    gives their country (``nationality_of_person``). On a thing (« le programme chinois », « les territoires
    palestiniens »), it names no country unless the country is named otherwise (``nationality_adjective``);
    inside a place's name (« la Guyane française ») never."""
    actor = ctx.lex.actor_nouns
    doc = ctx.doc
    things = []
    for s in ctx.gaz:
        if s.label_ != "NAT" or s.start in ctx.used_tokens:
            continue
        j = s.start - 1
        ok = False
        steps = 0
        while j >= 0 and steps < 6:
            t = doc[j]
            if t.lower_ in actor or any(r.start <= j < r.end for r in ctx.role_spans):
                ok = True
                break
            if t.lower_ in ("et", ",") or any(g.label_ == "NAT" and g.start <= j < g.end for g in ctx.gaz) or t.text == "-":
                j -= 1
                steps += 1
                continue
            break
        # « les Britanniques », « Pékin et les Émiratis »: the people of a country
        if not ok and s.text[:1].isupper() and ctx.lower(s.start - 1) in ctx.lex.plural_determiners and s.text.lower().endswith("s"):
            ok = True
        # « l'historien camerounais Achille Mbembe », « la Rwandaise Louise Mushikiwabo »
        person = ctx.mention_at(s.end, ("Person", "Minister")) or (
            ctx.mention_at(s.end + 1, ("Person", "Minister")) if ctx.lower(s.end) == "," else None)
        c = ctx.ref.country_by_iso3(s.id_)
        if c is None:
            continue
        if not ok and person is None:
            things.append((s, c))
            continue
        ent = ctx.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, conf=confidence("nationality_on_actor"), rank=0)
        ent.label_rank = max(ent.label_rank, 1)
        ctx.used_tokens.update(range(s.start, s.end))
        if person is not None and not any(
                k[0] == person.key and k[1] in ("nationality", "ministerOf") for k in ctx.relations):
            p = "ministerOf" if ctx.ents[person.key].type == "Minister" else "nationality"
            ctx.relate(person.key, p, ent.key, s.start, person.end, confidence("nationality_of_person"))
    for s, c in things:
        key = f"country/{c.iso3}"
        prev = s.start - 1
        if prev >= 0 and doc.words[prev][:1].isupper() and doc.pos[prev] in ("PROPN", "NOUN") and not doc.sent_start[prev]:
            continue  # « la Guyane française »: part of a place's name
        if key in ctx.ents or _capital_named(ctx, c):
            ctx.add("Country", key, c.name, s.start, s.end, conf=confidence("nationality_adjective"), rank=0)
            ctx.used_tokens.update(range(s.start, s.end))


def _capital_named(ctx: ArticleContext, c) -> bool:
    """Is the capital of country ``c`` named in the article (« Pékin ... le programme chinois »)?"""
    if not c.capital:
        return False
    key = normalize(c.capital)
    return any(e.type == "City" and normalize(e.label) == key for e in ctx.ents.values())
