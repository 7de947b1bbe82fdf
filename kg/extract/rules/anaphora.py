"""People referred to without their name, and people's countries read from their surroundings.

Evidence: a definite singular title with no name (« Le Premier ministre (hongrois) a ajouté », « pour le
président ») stands for the last person named a few sentences before whose known role and country fit
it: that person gets the title's class (Minister), its country (ministerOf / nationality) and a mention
there, so that later rules (attendance, announcements) read the sentence's facts as theirs; « les quatre
dirigeants » are the four people just named (a mention each); « la Hongrie de Gábor Kiss », « le Chili
du président Costa »: the person's country; a minister with no country serves the one country their
sentences have act (``implied``: « ..., a déclaré X, ministre délégué chargé du Numérique »).
"""

from __future__ import annotations

from kg.extract.context import ArticleContext, GazSpan, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.places import is_locative
from kg.extract.rules.roles import analyse_role, role_phrase_ok
from kg.extract.text import APOS, is_byline
from kg.names import lookup_key as normalize

_PEOPLE = ("Person", "Minister")
#: how many sentences back a role noun may reach for its person
_WINDOW = 3


def countries_of_people(ctx: ArticleContext, key: str) -> set[str]:
    """The countries ``key`` serves or belongs to (``ministerOf`` / ``nationality``)."""
    return {o for (s, p, o) in ctx.relations if s == key and p in ("ministerOf", "nationality")}


def promote_to_minister(ctx: ArticleContext, key: str) -> None:
    """``key`` holds a government post: a Minister, whose country relations are ``ministerOf``."""
    ctx.ents[key].type = "Minister"
    for (s, p, o), rel in list(ctx.relations.items()):
        if s == key and p == "nationality":
            del ctx.relations[(s, p, o)]
            old = ctx.relations.get((s, "ministerOf", o))
            if old is None:
                ctx.relations[(s, "ministerOf", o)] = type(rel)(s, "ministerOf", o, rel.evidence, rel.confidence)


def relate_country(ctx: ArticleContext, person: str, country: str, start: int, end: int, conf: float,
                   implied: bool = False) -> None:
    """``person`` is of ``country``: ``ministerOf`` for a Minister, else ``nationality``."""
    p = "ministerOf" if ctx.ents[person].type == "Minister" else "nationality"
    ctx.relate(person, p, country, start, end, conf, implied=implied)


def leaders_of_countries(ctx: ArticleContext) -> None:
    """« la Hongrie de Gábor Kiss », « le Chili du président Costa »: a country followed by « de », maybe a
    title, and a person (attached to the country in the parse, without a title) gives that person's
    country, when none is known."""
    doc = ctx.doc
    for m in ctx.mentions_in(0, len(doc), ("Country",)):
        k = m.end
        if ctx.lower(k) not in ctx.lex.of_forms_contracted:
            continue
        j = k + 1
        title = next((r for r in ctx.role_spans if r.start == j), None)
        if title is not None:
            j = title.end  # « le Chili du président Costa »
        p = ctx.mention_at(j, _PEOPLE)
        if p is None or p.start != j:
            continue
        if title is None and not (m.start <= doc.heads[p.start] < m.end):
            continue
        if countries_of_people(ctx, p.key):
            continue
        relate_country(ctx, p.key, m.key, m.start, p.end, confidence("country_of_leader"))


def role_anaphora(ctx: ArticleContext) -> None:
    """« Le Premier ministre hongrois s'est abstenu »: a definite singular title with no name refers to
    the last person named within a few sentences whose role and country fit it (a single such person
    when the title names no country)."""
    doc = ctx.doc
    for r in ctx.role_spans:
        info = ctx.ref.role(r.text)
        if info is None or info.plural or ctx.lower(r.start - 1) not in ctx.lex.definite_articles:
            continue
        end, nats = phrase_end(ctx, r)
        if ctx.overlaps_mention(r.start, r.end) or names_someone(ctx, r, end):
            continue
        country = _nat_country(ctx, nats[0]) if len(nats) == 1 else None
        if len(nats) > 1:
            continue
        extra = [w for i in range(r.end, end) if not any(g.start <= i < g.end for g in nats)
                 for w in normalize(doc.words[i]).split()
                 if w not in ctx.lex.portfolio_skip_words and w not in ctx.lex.definite_articles]
        person = _antecedent(ctx, r, info.cls, country, extra)
        if person is None:
            continue
        ent = ctx.ents[person.key]
        if info.cls == "Minister" and ent.type != "Minister":
            promote_to_minister(ctx, person.key)
        ent.attrs.setdefault("role", doc.span_text(r.start, end).strip())
        conf = confidence("role_anaphora")
        ctx.add(ent.type, person.key, ent.label, r.start, end, surface=ent.label, conf=conf)
        role = analyse_role(ctx, r, r.start, end)
        known = countries_of_people(ctx, person.key)
        for c in role.countries[:1]:
            if c not in known:
                relate_country(ctx, person.key, c, r.start, end, conf)
        for o in role.orgs:
            ctx.relate(person.key, "affiliation", o, r.start, end, conf)


def phrase_end(ctx: ArticleContext, r: GazSpan) -> tuple[int, list[GazSpan]]:
    """Where the phrase of the title at ``r`` ends (« le ministre britannique de la Défense »), and its
    nationality adjectives; a capitalised word only after a preposition (« des Affaires étrangères »,
    not « le président Trump »)."""
    doc = ctx.doc
    sent_end = ctx.sent_at(r.start).end
    nat_at = {g.start: g for g in ctx.gaz if g.label_ == "NAT"}
    end, nats = r.end, []
    while end < sent_end and end - r.end < 8:
        if end in nat_at:
            nats.append(nat_at[end])
            end = nat_at[end].end
            continue
        w, pos = doc.words[end], doc.pos[end]
        named = ctx.mention_at(end, ("Country", "Organization"))
        after_of = doc.pos[end - 1] in ("ADP", "DET") or doc.words[end - 1] in APOS
        if named and after_of:
            end = named.end
        elif w in APOS or pos in ("ADP", "DET") or (pos in ("ADJ", "NOUN", "PROPN") and (w[:1].islower() or after_of)):
            end += 1
        else:
            break
    # not the determiner or preposition of what follows
    while end > r.end and (doc.pos[end - 1] in ("ADP", "DET") or doc.words[end - 1] in APOS):
        end -= 1
    return end, nats


def _nat_country(ctx: ArticleContext, nat: GazSpan | None) -> str | None:
    if nat is None:
        return None
    c = ctx.ref.country_by_iso3(nat.id_)
    return f"country/{c.iso3}" if c else None


def names_someone(ctx: ArticleContext, r: GazSpan, end: int) -> bool:
    """Is the title at ``r`` (its phrase ending at ``end``) attached to a name: « le président X »,
    « X, le président », « le président de la COP, X »?"""
    doc = ctx.doc
    sent = ctx.sent_at(r.start)
    nxt = end + 1 if ctx.lower(end) == "," else end
    if nxt < sent.end and (ctx.mention_at(nxt, _PEOPLE) or doc.words[nxt][:1].isupper() and doc.pos[nxt] in ("PROPN", "X")):
        return True
    k = r.start - 2  # before the determiner
    if k >= sent.start and doc.words[k] in (",", "(") and ctx.mention_at(k - 1, _PEOPLE):
        return True
    for m in ctx.mentions_in(end, min(sent.end, end + 10), _PEOPLE):
        stop = m.start - 1 if doc.words[m.start - 1] in (",", ":") else m.start
        if role_phrase_ok(ctx, end, stop):
            return True
    return False


def _antecedent(ctx: ArticleContext, r: GazSpan, cls: str, country: str | None, extra: list[str]) -> Mention | None:
    """The person the title at ``r`` refers to (see :func:`role_anaphora`), or None."""
    n = ctx.sent_no(r.start)
    lo = ctx.sents[max(0, n - _WINDOW)].start
    seen: list[str] = []
    fits: list[Mention] = []
    for m in reversed(ctx.mentions_in(lo, r.start, _PEOPLE)):
        if m.key in seen:
            continue
        seen.append(m.key)
        if _fits(ctx, m.key, r, cls, country, extra):
            fits.append(m)
    if not fits and country is None:
        # the title as the person was introduced, further back (« Le Président de la République, X, a pris part ... »
        # paragraphs before « le Président de la République a annoncé »)
        earlier: list[Mention] = []
        for m in reversed(ctx.mentions_in(0, lo, _PEOPLE)):
            if m.key not in seen and _fits(ctx, m.key, r, cls, country, extra):
                seen.append(m.key)
                earlier.append(m)
        same = _same_title(ctx, r, earlier, extra)
        if same is not None:
            return same
    if not fits:
        if country is None and _heads_government(ctx, normalize(r.text)):
            return _only_head_of_government(ctx, r)
        if country is None and _heads_state(ctx, normalize(r.text)) and ctx.lower(r.start) not in ctx.lex.head_of_state_titles:
            # « Le chef de l'État », paragraphs after « le président brésilien X »: the one head of state named
            return _only_head_of_government(ctx, r, _heads_state)
        return _bare_antecedent(ctx, r, cls, country, extra) if country is not None else None
    if country is not None:
        same = [m for m in fits if country in countries_of_people(ctx, m.key)]
        if same:
            return same[0]
        # a person of unknown country: the nearest, when the title continues their words or deeds
        # in the next sentences (« ..., a déclaré X. Le président américain a ajouté ... »)
        first = fits[0]
        if len(fits) == 1 and ctx.sent_no(first.start) >= n - 2 and (
                _continues_speech(ctx, r) or _country_named_near(ctx, country, first)):
            return first
        return None
    if len(fits) == 1:
        return fits[0]
    # « Le Président de la République, X, ... à l'invitation de son homologue, Y, Président en exercice de
    # l'Organisation. ... le Président de la République a annoncé »: the one person introduced with this very title
    same = _same_title(ctx, r, fits, extra)
    if same is not None:
        return same
    # « Le Premier ministre belge, X, est arrivé parmi les premiers. Dans la foulée, le chef du gouvernement a
    # débloqué ... »: the subject of the sentence just before, the one person of it who fits
    near = [m for m in fits if ctx.sent_no(m.start) == n - 1]
    return near[0] if len(near) == 1 and _subject_mention(ctx, near[0]) else None


def _same_title(ctx: ArticleContext, r: GazSpan, people: list[Mention], extra: list[str]) -> Mention | None:
    """The one person among ``people`` whose role is the title at ``r`` word for word (« Président de la République »,
    not « Président en exercice de l'Organisation »), if exactly one."""
    title = _title_words(ctx, r.text) | set(extra)
    roles = {m.key: _title_words(ctx, ctx.ents[m.key].attrs.get("role") or "") for m in people}
    same = [m for m in people if roles[m.key] == title]
    if not same and len(title) > 1:
        # « le président de la Commission », paragraphs after « le président de la Commission de la CEMAC, X »:
        # a title cut short after its complement, when one person's title holds all its words
        same = [m for m in people if title < roles[m.key]]
    return same[0] if len(same) == 1 else None


def _title_words(ctx: ArticleContext, title: str) -> set[str]:
    """The words of a title that tell it from another (« Président de la République » → président, république)."""
    return {w for w in normalize(title).split() if w not in ctx.lex.portfolio_skip_words and w not in ctx.lex.definite_articles}


def _subject_mention(ctx: ArticleContext, m: Mention) -> bool:
    """Is the mention ``m`` its clause's subject, or in apposition to it (« Le Premier ministre belge, X, »)?"""
    doc = ctx.doc
    for u in range(m.start, m.end):
        h = doc.heads[u]
        if doc.deps[u].startswith("nsubj") or (doc.deps[u] in ("appos", "flat:name") and h != u
                                                and doc.deps[h].startswith("nsubj")):
            return True
    return False


def _only_head_of_government(ctx: ArticleContext, r: GazSpan, office=None) -> Mention | None:
    """« Le chef du gouvernement doit ensuite se rendre à ... », paragraphs after « le premier ministre X »: the
    one head of government (or of state, with ``office``) named before, however far back."""
    office = office or _heads_government
    found = {}
    for m in ctx.mentions_in(0, r.start, _PEOPLE):
        role = ctx.ents[m.key].attrs.get("role")
        if role and office(ctx, normalize(str(role))):
            found.setdefault(m.key, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _bare_antecedent(ctx: ArticleContext, r: GazSpan, cls: str, country: str, extra: list[str]) -> Mention | None:
    """Further back than the window: « Emmanuel Macron et ... ont signé ... » and, paragraphs later, « a déclaré le
    président français »: the one person named before with neither role nor country who can hold the title."""
    fits = {}
    for m in ctx.mentions_in(0, r.start, _PEOPLE):
        ent = ctx.ents[m.key]
        if _fits(ctx, m.key, r, cls, country, extra) and not ent.attrs.get("role") and not countries_of_people(ctx, m.key):
            fits.setdefault(m.key, m)
    return next(iter(fits.values())) if len(fits) == 1 else None


def _country_named_near(ctx: ArticleContext, country: str, m: Mention) -> bool:
    """Is ``country`` named (not as an adjective on someone) in the sentence of the person at ``m``?"""
    sent = ctx.sent_at(m.start)
    for c in ctx.mentions_in(sent.start, sent.end, ("Country",)):
        if c.key == country and not any(g.label_ == "NAT" and g.start == c.start for g in ctx.gaz):
            return True
    return False


def _continues_speech(ctx: ArticleContext, r: GazSpan) -> bool:
    """Is the title at ``r`` the subject of a verb that goes on with someone's words (« a ajouté »,
    « a poursuivi »)?"""
    doc = ctx.doc
    for t in range(r.start, r.end):
        if doc.deps[t].startswith("nsubj"):
            return doc.lemma[doc.heads[t]] in ctx.lex.continuation_verbs
    return False


def _fits(ctx: ArticleContext, key: str, r: GazSpan, cls: str, country: str | None, extra: list[str]) -> bool:
    """Can the person ``key`` hold the title at ``r`` (with the portfolio words ``extra``): no other role
    known, a class and a country that agree?"""
    ent = ctx.ents[key]
    if cls == "Person" and ent.type == "Minister":
        return False
    if all(is_byline(ctx.sent_at(m.start)) for m in ctx.mentions if m.key == key):
        return False  # (« Le Quotidien X | Par Jean Y »: the reporter holds no title of the story)
    role = ent.attrs.get("role")
    if role:
        known_role = normalize(str(role))
        title = normalize(r.text)
        same_office = ((_heads_government(ctx, known_role) and _heads_government(ctx, title))
                       or (_heads_state(ctx, known_role) and _heads_state(ctx, title)))
        if not (known_role.startswith(title) or same_office) or any(w not in known_role.split() for w in extra):
            return False
    known = countries_of_people(ctx, key)
    return not (country and known and country not in known)


def _heads_state(ctx: ArticleContext, title: str) -> bool:
    """Is the (normalised) title a head of state's (« président brésilien », « chef de l'État », « roi »), not
    the head of a body (« président de la Commission »)? What follows the title is no « de » complement,
    unless the title says it (« président de la République »)."""
    for t in sorted((normalize(t) for t in ctx.lex.head_of_state_titles), key=len, reverse=True):
        if title == t or title.startswith(t + " "):
            rest = title[len(t):].split()
            return not rest or rest[0] not in ctx.lex.of_forms_contracted | {"de", "d'", "d’"}
    return False


def _heads_government(ctx: ArticleContext, title: str) -> bool:
    """Is the (normalised) title one of the head of government's (« Premier ministre », « chef du gouvernement »)?"""
    return any(title.startswith(normalize(t)) for t in ctx.lex.head_of_government_titles)


def implied_minister_countries(ctx: ArticleContext) -> None:
    """A minister with no country serves the one country their sentences have act (« ..., a déclaré X,
    ministre délégué chargé du Numérique »; « Il était naturel que la France accueille ... »): the
    subject of a clause there, or a nationality adjective on a thing or a body (« la stratégie française »,
    « la délégation britannique »), not on other people (« ses homologues italien et allemand ») nor a
    place where something happens. An inference from the story, hence ``implied`` and a low confidence."""
    for key, ent in list(ctx.ents.items()):
        if ent.type != "Minister" or countries_of_people(ctx, key):
            continue
        if str(ent.attrs.get("role", "")).lower().startswith("homologue"):
            continue  # « X s'est entretenu avec son homologue Y »: Y serves the other country, not the story's
        sents = sorted({ctx.sent_no(m.start) for m in ctx.mentions if m.key == key})
        cands: dict[str, tuple[int, int]] = {}
        for n in sents:
            sent = ctx.sents[n]
            for c in ctx.mentions_in(sent.start, sent.end, ("Country",)):
                if c.key not in cands and _acting_country(ctx, c):
                    cands[c.key] = (c.start, c.end)
        if len(cands) == 1:
            (country, (s, e)), = cands.items()
            ctx.relate(key, "ministerOf", country, s, e, confidence("minister_country_from_story"), implied=True)


def _acting_country(ctx: ArticleContext, c: Mention) -> bool:
    """Does the country mention ``c`` act in its sentence: a subject, or a nationality adjective on a thing or
    a body rather than on people, and not a place?"""
    doc = ctx.doc
    nat = any(g.label_ == "NAT" and g.start == c.start for g in ctx.gaz)
    if not nat:
        t = c.start
        while doc.deps[t] == "conj" and doc.heads[t] != t:
            t = doc.heads[t]  # « le Chili et le Pérou doivent ... »: both subjects
        return doc.deps[t].startswith("nsubj") and not is_locative(ctx, c.start)
    k = c.start - 1
    while k >= 0 and (doc.pos[k] == "ADJ" or doc.words[k] in (",",) or doc.lower[k] in ctx.lex.list_separators
                      or any(g.label_ == "NAT" and g.start <= k < g.end for g in ctx.gaz)):
        k -= 1
    if k < 0 or doc.pos[k] not in ("NOUN", "PROPN"):
        return False
    people_noun = any(r.start <= k < r.end for r in ctx.role_spans) or (
        doc.lower[k] in ctx.lex.actor_nouns and doc.lower[k] not in ctx.lex.body_nouns)
    return not people_noun and not ctx.mention_at(k, ("Person", "Minister", "City", "Organization"))


def numbered_group(ctx: ArticleContext) -> None:
    """« les quatre dirigeants », « les deux ministres »: a definite numbered group of people is the group of
    exactly that many people named in the sentence before (and before it in its own sentence), who each get a
    mention there (so that the sentence's facts are theirs)."""
    doc = ctx.doc
    lex = ctx.lex
    for i in range(1, len(doc) - 1):
        n = _number(ctx, i)
        if n is None or n < 2 or ctx.lower(i - 1) not in lex.group_determiners:
            continue
        noun = i + 1
        if not (doc.lower[noun] in lex.group_nouns or any(r.start == noun for r in ctx.role_spans)):
            continue
        k = ctx.sent_no(i)
        lo = ctx.sents[k - 1].start if k > 0 else ctx.sents[k].start
        people: list[str] = []
        for m in ctx.mentions_in(lo, i - 1, _PEOPLE):
            if m.key not in people:
                people.append(m.key)
        if len(people) != n:
            continue
        conf = confidence("numbered_group")
        for key in people:
            ent = ctx.ents[key]
            ctx.add(ent.type, key, ent.label, i - 1, noun + 1, surface=ent.label, conf=conf)


def _number(ctx: ArticleContext, i: int) -> int | None:
    """The number the token at ``i`` writes (« quatre », « 4 »), or None."""
    low = ctx.doc.lower[i]
    if low.isdigit():
        return int(low)
    return ctx.lex.number_words.get(low)
