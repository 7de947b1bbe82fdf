"""Countries that take part in a summit (``attendee`` → Country), and the people they send.

A country attends when the text has the country itself take part, not merely its leader:

- it sends someone (« L'Inde a décidé d'envoyer X », « Pékin dépêchera son Premier ministre »): the country
  and the envoy attend; a person who sends someone (« Poutine, qui a envoyé à Osaka son ministre X ») does not;
- it takes part (« le Brésil participera », « le Brésil sera observateur, tout comme le Saint-Siège »), or its
  delegation does (« la délégation britannique »);
- it acts at the summit (« Au deuxième jour du sommet, les membres du G7 (États-Unis, ...) ont présenté un
  plan »), or signs the summit's declaration (« la Russie a signé la déclaration finale »);
- its unnamed leaders are there (« en marge du sommet, ... entre les chefs d'État chinois, américain et français »);
- its own delegation speaks (« Le Royaume-Uni a refusé ..., a indiqué sa délégation »), and who leads that delegation
  (« sa délégation, conduite par le vice-président X ») attends too.

Never when negated, absent, in the conditional or only wished (« pourrait envoyer »), nor at another place.
"""

from __future__ import annotations

from kg.extract.clauses import negated, subject
from kg.extract.context import ArticleContext, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.anaphora import countries_of_people, names_someone, phrase_end
from kg.extract.rules.attendance import absent, attendance_trigger, summit_targets
from kg.extract.rules.places import is_locative
from kg.names import lookup_key as normalize

_PEOPLE = ("Person", "Minister")


def country_attendance(ctx: ArticleContext) -> None:
    """Countries (and envoys) attending the summit of each sentence: see the module docstring."""
    doc = ctx.doc
    lex = ctx.lex
    for sent, target, _ in summit_targets(ctx):
        hosts = {o for (s, p, o) in ctx.relations if s == target and p in ("hostCity", "hostCountry")}
        for v in range(sent.start, sent.end):
            lemma, pos = doc.lemma[v], doc.pos[v]
            if pos == "VERB" and lemma in lex.send_verbs:
                if not _not_done(ctx, v):
                    _sent_envoy(ctx, v, target, hosts)
            elif pos == "VERB" and lemma in lex.represented_verbs and _passive(ctx, v):
                # « l'Arabie saoudite était représentée par son ministre », « la Banque mondiale sera représentée
                # par ... »: the country or body takes part through someone (who is what :func:`absent` reads)
                if not _not_done(ctx, v) and _takes_part_in_meeting(ctx, v):
                    for c in _represented_parties(ctx, v, target):
                        ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_takes_part"))
            elif pos == "VERB" and lemma in lex.represented_verbs and not _not_done(ctx, v) and _person_subject(ctx, v):
                # « le ministre X a représenté la France au sommet »: the country takes part through X
                for c in doc.children(v):
                    m = ctx.mention_at(c, ("Country",)) if doc.deps[c] == "obj" else None
                    if m is not None:
                        ctx.relate(target, "attendee", m.key, m.start, m.end, confidence("country_takes_part"))
            elif pos == "VERB" and lemma in lex.take_part_verbs:
                if not _not_done(ctx, v) and _takes_part_in_meeting(ctx, v):
                    for c in _subject_countries(ctx, v) + _listed_after_colon(ctx, v, sent.end):
                        ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_takes_part"))
            elif pos == "VERB" and lemma in lex.represented_verbs and doc.deps[v] == "acl":
                # « le Royaume-Uni, représenté par son Premier ministre X, ... »
                c = ctx.mention_at(doc.heads[v], ("Country",))
                if c is not None and not _not_done(ctx, v):
                    ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_takes_part"))
            elif pos == "VERB" and lemma in lex.composition_verbs and not _not_done(ctx, v):
                _delegation_members(ctx, v, target)
            elif pos == "NOUN" and doc.lower[v] in lex.delegation_nouns and not _own_country(ctx, v) and any(
                    found := (_possessor_country(ctx, v), _delegation_leader(ctx, v))):
                # « Le Tchad a refusé de signer, a indiqué sa délégation, conduite par le vice-président X »: the
                # country whose delegation it is, and the one who leads it
                owners, leaders = found
                for c in owners:
                    ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_delegation"))
                for m in leaders:
                    ctx.relate(target, "attendee", m.key, m.start, m.end, confidence("envoy_sent"))
            elif pos == "NOUN" and doc.lower[v] in lex.delegation_nouns and _own_country(ctx, v):
                # « X conduira la délégation de son pays »: the country of the person leading it
                for c in _own_country(ctx, v):
                    ctx.relate(target, "attendee", c, v, v + 4, confidence("country_takes_part"))
            elif pos in ("NOUN", "VERB", "ADJ") and doc.lower[v] in lex.participation_nouns:
                _participant_status(ctx, v, target)
            elif pos == "VERB" and lemma in lex.sign_verbs and _summit_document(ctx, v, target) and not _not_done(ctx, v):
                for c in _subject_countries(ctx, v):
                    ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_signs_declaration"))
        for start, end, key in ctx.summit_seq:
            if sent.start <= start < sent.end and (key == target or ctx.next_parent.get(key) == target):
                _acts_at_summit(ctx, start, target)
        _delegations(ctx, sent.start, sent.end, target)


def _listed_after_colon(ctx: ArticleContext, v: int, end: int) -> list[Mention]:
    """« Plusieurs pays invités ont participé ... : l'Inde, ..., le Brésil et la Corée du Sud »: the countries
    listed after a colon, when the subject is a group of countries that names none."""
    doc = ctx.doc
    s = subject(ctx, v)
    if s is None or doc.lemma[s] not in ctx.lex.country_group_nouns or _countries_at(ctx, s):
        return []
    colon = next((k for k in range(v + 1, end) if doc.words[k] == ":"), None)
    if colon is None:
        return []
    nat = {g.start for g in ctx.gaz if g.label_ == "NAT"}
    return [m for m in ctx.mentions_in(colon + 1, end, ("Country",))
            if m.start not in nat and ctx.lower(m.start - 1) not in ctx.lex.of_forms_contracted | ctx.lex.country_locative_preps]


def _takes_part_in_meeting(ctx: ArticleContext, v: int) -> bool:
    """« participera (au sommet | aux travaux) », not « participera à hauteur d'un million » (a contribution)."""
    doc = ctx.doc
    for c in doc.children(v):
        if doc.deps[c] == "obl:arg" and not (ctx.mention_at(c, ("Summit", "Event")) or doc.lower[c] in ctx.lex.summit_nouns
                                             or doc.lemma[c] in ctx.lex.meeting_nouns):
            return False
    return True


def _passive(ctx: ArticleContext, v: int) -> bool:
    """« la France sera représentée par ... »"""
    return any(ctx.doc.deps[c] == "aux:pass" for c in ctx.doc.children(v))


def _not_done(ctx: ArticleContext, v: int) -> bool:
    """Is the verb at ``v`` negated, in the conditional, or governed by a verb of wish, doubt or refusal
    (« pourrait envoyer », « a refusé de signer »)?"""
    doc = ctx.doc
    lex = ctx.lex
    t = v
    for _ in range(3):
        kids = doc.children(t)
        if negated(ctx, t):
            return True
        if any(doc.morph(a, "Mood") == "Cnd" for a in [t, *kids] if a == t or doc.deps[a].startswith("aux")):
            return True
        if t != v and (doc.lemma[t] in lex.modal_verbs or doc.lemma[t] in lex.absence_verbs):
            return True
        if doc.deps[t] not in ("xcomp", "ccomp") or doc.heads[t] == t:
            return False
        t = doc.heads[t]
    return False


def _countries_at(ctx: ArticleContext, tok: int) -> list[Mention]:
    """The countries a subject or predicate token names: itself, its conjuncts and appositions, a list in
    brackets after it (« les membres du G7 (États-Unis, Royaume-Uni, ...) »), « tout comme X », its
    nationality adjectives (« les dirigeants chinois et russe »)."""
    doc = ctx.doc
    out: list[Mention] = []
    todo, seen = [tok], set()
    while todo:
        t = todo.pop()
        if t in seen:
            continue
        seen.add(t)
        m = ctx.mention_at(t, ("Country",))
        if m is not None and m not in out:
            out.append(m)
        for c in doc.children(t):
            if doc.deps[c] in ("conj", "appos") or (doc.deps[c] in ("nmod", "obl", "obl:mod") and _in_brackets_or_like(ctx, tok, c)):
                todo.append(c)
            elif doc.deps[c] == "amod" and ctx.mention_at(c, ("Country",)) and not any(
                    ctx.mention_at(k, _PEOPLE) for k in doc.subtree(tok)):
                todo.append(c)  # « les dirigeants chinois », not « le président chinois X »
    # a bracketed list right after the subject's phrase
    end = max(doc.subtree(tok)) + 1 if doc.subtree(tok) else tok + 1
    k = tok + 1
    while k < end and doc.words[k] != "(":
        k += 1
    if k < end:
        close = next((j for j in range(k, end) if doc.words[j] == ")"), None)
        if close is not None:
            out += [m for m in ctx.mentions_in(k, close, ("Country",)) if m not in out]
    return out


def _in_brackets_or_like(ctx: ArticleContext, head: int, tok: int) -> bool:
    """Is ``tok`` inside brackets after ``head``, or introduced by « tout comme », « ainsi que »?"""
    doc = ctx.doc
    before = doc.lower[max(0, tok - 3) : tok]
    if "comme" in before and "tout" in before or "ainsi" in before:
        return True
    return any(doc.words[j] == "(" for j in range(head, tok)) and not any(doc.words[j] == ")" for j in range(head, tok))


def _subject_countries(ctx: ArticleContext, v: int) -> list[Mention]:
    s = subject(ctx, v)
    if s is None:
        return []
    return [m for m in _countries_at(ctx, s) if not absent(ctx, m)]


def _subject_person(ctx: ArticleContext, v: int) -> Mention | None:
    """The person subject of ``v``: named, or the name in the subject's phrase (« le chef de la diplomatie
    togolaise, X, ... »)."""
    s = subject(ctx, v)
    if s is None:
        return None
    return ctx.mention_at(s, _PEOPLE) or next(
        (ctx.mention_at(t, _PEOPLE) for t in ctx.doc.subtree(s) if t < v and ctx.mention_at(t, _PEOPLE)), None)


def _person_subject(ctx: ArticleContext, v: int) -> bool:
    return _subject_person(ctx, v) is not None


def _own_country(ctx: ArticleContext, noun: int) -> list[str]:
    """« X (conduit | conduira | dirige) la délégation de son pays »: the one country of the subject X, when the
    verb is done; ``[]`` otherwise."""
    doc = ctx.doc
    lex = ctx.lex
    if not (ctx.lower(noun + 1) in lex.of_forms and ctx.lower(noun + 2) in lex.possessives
            and doc.lemma[noun + 3] in lex.country_group_nouns):
        return []
    v = doc.heads[noun]
    if doc.pos[v] != "VERB" or _not_done(ctx, v):
        return []
    p = _subject_person(ctx, v)
    countries = sorted(countries_of_people(ctx, p.key)) if p is not None else []
    return countries if len(countries) == 1 else []


def _represented_parties(ctx: ArticleContext, v: int, target: str) -> list[Mention]:
    """The countries, or the organisation (not the summit's own body), subject of the passive « représenter » at ``v``."""
    s = subject(ctx, v)
    if s is None:
        return []
    out = _countries_at(ctx, s)
    org = ctx.mention_at(s, ("Organization",))
    if not out and org is not None and normalize(ctx.ents[org.key].label) not in normalize(ctx.ents[target].label) and not any(
            normalize(a) in normalize(ctx.ents[target].label) for a in ctx.ents[org.key].aliases):
        out = [org]
    return out


def _sent_envoy(ctx: ArticleContext, v: int, target: str, hosts: set[str]) -> None:
    """« L'Arabie saoudite dépêchera son ministre des Affaires étrangères X », « Poutine, qui a envoyé à
    Osaka son ministre X »: the envoy attends, and the sending country (not a sending person)."""
    doc = ctx.doc
    objs = [c for c in doc.children(v) if doc.deps[c] == "obj" or (  # « n'avait dépêché que son ministre », parsed as a clause
        doc.deps[c] == "ccomp" and any(doc.deps[k] == "mark" and doc.lower[k] == "que" and k == v + 1 for k in doc.children(c)))]
    if not objs:
        return
    obj = objs[0]
    envoy_noun = any(r.start <= obj < r.end for r in ctx.role_spans) or doc.lemma[obj] in ctx.lex.envoy_nouns
    envoy = ctx.mention_at(obj, _PEOPLE)
    if envoy is None:
        # « son ministre des Affaires étrangères X » (X in apposition), « son Premier ministre, X » (X after it)
        after = max(doc.subtree(obj)) + 1
        for c in doc.children(obj) + [c for c in doc.children(v) if c > obj]:
            m = ctx.mention_at(c, _PEOPLE)
            if m is not None and (c in doc.children(obj) and doc.deps[c] in ("appos", "flat:name", "nmod")
                                  or m.start <= after + 1):
                envoy = m
                break
    if envoy is None and not envoy_noun:
        return  # « envoyer des armes »
    # not to another place: « envoyer son ministre à Kiev »
    for c in doc.children(v):
        if doc.deps[c].startswith("obl"):
            place = ctx.mention_at(c, ("City", "Country"))
            if place is not None and place.key not in hosts and is_locative(ctx, place.start):
                return
    conf = confidence("envoy_sent")
    if envoy is not None and not absent(ctx, envoy):
        ctx.relate(target, "attendee", envoy.key, envoy.start, envoy.end, conf)
    for c in _subject_countries(ctx, v):
        ctx.relate(target, "attendee", c.key, c.start, c.end, conf)


def _possessor_country(ctx: ArticleContext, noun: int) -> list[Mention]:
    """« sa délégation », « leur délégation »: the country that is the subject of the sentence's first clause
    (« Le Royaume-Uni a refusé de signer ..., a indiqué sa délégation »), if the possessive is singular and one
    country is that subject."""
    doc = ctx.doc
    if not any(doc.lower[c] in ("sa", "son") for c in doc.children(noun) if doc.deps[c] == "det"):
        return []
    sent = ctx.sent_at(noun)
    subjects = [m for m in ctx.mentions_in(sent.start, noun, ("Country",))
                if doc.deps[m.start].startswith("nsubj") and not _not_done(ctx, doc.heads[m.start])]
    return subjects[:1] if len({m.key for m in subjects}) == 1 else []


def _delegation_leader(ctx: ArticleContext, noun: int) -> list[Mention]:
    """« sa délégation, conduite par le vice-président tchadien, X »: the person named after a participle of leading
    and « par » right after the delegation (not when only rumoured: « serait conduite par »)."""
    doc = ctx.doc
    k = max(doc.subtree(noun)) + 1
    if k + 2 >= len(doc) or doc.words[k] != "," or doc.lower[k + 1] not in ctx.lex.delegation_lead_participles or (
            doc.lower[k + 2] != "par"):
        return []
    sent = ctx.sent_at(noun)
    for u in range(k + 3, min(sent.end, k + 12)):
        if doc.pos[u] in ("VERB", "AUX"):
            break
        m = ctx.mention_at(u, _PEOPLE)
        if m is not None:
            return [] if absent(ctx, m) else [m]
    return []


def _delegation_members(ctx: ArticleContext, v: int, target: str) -> None:
    """« La délégation libanaise comprenait le Premier ministre, X, et le ministre des Affaires étrangères, Y »:
    the members of a delegation at the summit attend."""
    doc = ctx.doc
    s = subject(ctx, v)
    if s is None or doc.lower[s] not in ctx.lex.delegation_nouns:
        return
    for o in doc.children(v):
        if doc.deps[o] != "obj":
            continue
        toks = doc.subtree(o)
        for m in ctx.mentions_in(min(toks), max(toks) + 1, _PEOPLE):
            if not absent(ctx, m):
                ctx.relate(target, "attendee", m.key, m.start, m.end, confidence("envoy_sent"))


def _participant_status(ctx: ArticleContext, noun: int, target: str) -> None:
    """« Le Brésil sera observateur, tout comme le Saint-Siège », « l'Inde, invitée du sommet »."""
    doc = ctx.doc
    kids = doc.children(noun)
    if not any(doc.deps[c] == "cop" for c in kids) and doc.deps[noun] != "appos":
        return
    if any(doc.lower[c] in ctx.lex.verb_negations for c in kids):
        return
    countries = []
    if doc.deps[noun] == "appos":
        countries = _countries_at(ctx, doc.heads[noun])
    else:
        subj = next((c for c in kids if doc.deps[c].startswith("nsubj")), None)
        if subj is not None:
            countries = _countries_at(ctx, subj)
        countries += [m for m in _countries_at(ctx, noun) if m not in countries]
    for c in countries:
        ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_takes_part"))


def _summit_document(ctx: ArticleContext, v: int, target: str) -> bool:
    """Is the object of the verb at ``v`` the summit's declaration (« la déclaration finale », « le
    communiqué commun », « la déclaration du sommet »)?"""
    doc = ctx.doc
    for c in doc.children(v):
        if doc.deps[c] != "obj" or doc.lemma[c] not in ctx.lex.declaration_nouns:
            continue
        mods = doc.children(c)
        if any(doc.lemma[m] in ctx.lex.declaration_adjectives for m in mods):
            return True
        if any(ctx.mention_at(m, ("Summit",)) for m in mods):
            return True
    return False


def _acts_at_summit(ctx: ArticleContext, start: int, target: str) -> None:
    """« Au deuxième jour du sommet, les membres du G7 (États-Unis, ...) ont présenté un plan »: the
    countries that are the subject of a verb whose circumstance is the summit (not before it)."""
    doc = ctx.doc
    t, path = start, []
    for _ in range(4):
        path.append(t)
        h = doc.heads[t]
        if h == t:
            return
        if doc.pos[h] in ("VERB", "AUX"):
            break
        if doc.pos[h] == "ADV" and doc.lower[h] in ctx.lex.during_adverbs and doc.deps[t].startswith("obl"):
            t = h  # « lors du sommet »
            continue
        if doc.pos[h] not in ("NOUN", "PROPN") or not doc.deps[t].startswith(("nmod", "obl")):
            return
        t = h
    else:
        return
    if not (doc.deps[t].startswith("obl") or doc.lower[t] in ctx.lex.during_adverbs) or any(
            doc.lemma[p] in ctx.lex.before_words or any(doc.lower[c] in ctx.lex.before_words for c in doc.children(p))
            for p in path + [t]):
        return
    v = h
    if doc.lemma[v] in ctx.lex.speech_verbs or _not_done(ctx, v) or any(doc.deps[c] == "ccomp" for c in doc.children(v)):
        return  # a statement (« a annoncé que ... »), not an act done there
    if doc.pos[v] != "VERB" or _passive(ctx, v):
        return  # « la Chine a été critiquée lors du sommet »: what is done to a country, not what it does
    for c in _subject_countries(ctx, v):
        ctx.relate(target, "attendee", c.key, c.start, c.end, confidence("country_acts_at_summit"))


def _delegations(ctx: ArticleContext, start: int, end: int, target: str) -> None:
    """« la délégation britannique », « la délégation de l'Inde », « les chefs d'État chinois, américain et
    français », « les dirigeants de la France et de l'Italie » (no name), in a sentence about the summit:
    those countries attend."""
    doc = ctx.doc
    nat_at = {g.start: g for g in ctx.gaz if g.label_ == "NAT"}
    role_at: dict = {}  # the first role title starting at each token
    for r in ctx.role_spans:
        role_at.setdefault(r.start, r)
    for i in range(start, end):
        low = doc.lower[i]
        role = role_at.get(i)
        if low not in ctx.lex.delegation_nouns and (role is None or not _unnamed_leaders(ctx, role)):
            continue
        j = role.end if role is not None and low not in ctx.lex.delegation_nouns else i + 1
        nats: list = []  # nationality adjectives or « de » + country: « la délégation de l'Inde »
        while j < end:
            if j in nat_at:
                nats.append(nat_at[j])
                j = nat_at[j].end
            elif doc.lower[j] in ctx.lex.list_separators and (j + 1 in nat_at or ctx.lower(j + 1) in ctx.lex.of_forms_contracted):
                j += 1
            elif doc.lower[j] in ctx.lex.of_forms_contracted and (nats or j == (role.end if role is not None and low not in ctx.lex.delegation_nouns else i + 1)):
                k = j + 1 if ctx.lower(j + 1) not in ctx.lex.definite_articles else j + 2
                c = ctx.mention_at(k, ("Country",))
                if c is None or c.start != k:
                    break
                nats.append(c)
                j = c.end
            else:
                break
        if not nats or ctx.mention_at(j, _PEOPLE) or (ctx.lower(j) == "," and ctx.mention_at(j + 1, _PEOPLE)):
            continue
        if role is not None and low not in ctx.lex.delegation_nouns and (
                names_someone(ctx, role, j) or names_someone(ctx, role, phrase_end(ctx, role)[0])):
            continue  # « la ministre britannique de la Technologie X »: a named person's title
        if low not in ctx.lex.delegation_nouns and not _at_summit_clause(ctx, i, start, end, target):
            continue
        v = _verb_of(ctx, i)
        if any(doc.lower[c] in ctx.lex.verb_negations for c in doc.children(v)) or (
                low not in ctx.lex.delegation_nouns and _not_done(ctx, v)):
            continue  # (a delegation exists even when who leads it is only rumoured: « serait emmenée par »)
        for g in nats:
            c = ctx.mention_at(g.start, ("Country",))
            if c is not None:
                ctx.relate(target, "attendee", c.key, g.start, g.end, confidence("country_delegation"))


def _unnamed_leaders(ctx: ArticleContext, role) -> bool:
    """A title of heads of state or government (« les chefs d'État », « le président »), no person's mention on it."""
    return normalize(role.text) in _leader_titles(ctx) and not ctx.overlaps_mention(role.start, role.end)


def _leader_titles(ctx: ArticleContext) -> frozenset[str]:
    return frozenset(normalize(t) for t in ctx.lex.leader_titles)


def _verb_of(ctx: ArticleContext, i: int) -> int:
    doc = ctx.doc
    t = i
    for _ in range(6):
        if doc.pos[t] in ("VERB", "AUX") or doc.heads[t] == t:
            return t
        t = doc.heads[t]
    return t


def _at_summit_clause(ctx: ArticleContext, i: int, start: int, end: int, target: str) -> bool:
    """Do the tokens at ``i`` and a mention of ``target`` (or an attendance word) share their clause?"""
    v = _verb_of(ctx, i)
    for k in range(start, end):
        m = ctx.mention_at(k, ("Summit",))
        if (m is not None and m.start == k and m.key == target or m is None and ctx.doc.lower[k] in ctx.lex.summit_nouns) \
                and _verb_of(ctx, k) == v:
            return True
    return attendance_trigger(ctx, v, v + 1)
