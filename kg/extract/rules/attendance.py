"""Who attended a summit (``attendee``).

Evidence: a person in a sentence with an attendance verb or naming the summit (« X a participé au sommet »);
weaker: in an article about one summit, the people whose deeds it reports (« X a réclamé ... »), unless
placed elsewhere, speaking from afar, or absent (« X ne s'est pas déplacé », « en l'absence de X »).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from kg.extract.clauses import governors, negated, reporting_clause, verb_above
from kg.extract.context import ArticleContext, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.places import is_locative
from kg.extract.rules.summit_anaphora import prospective_mention
from kg.extract.rules.summits import future_clause, later_edition
from kg.extract.text import is_byline, is_date_word



@functools.lru_cache(maxsize=4)
def _in_place_of(nouns: tuple[str, ...]) -> re.Pattern:
    """« à la place de », « en l'absence de », « au lieu de » ending a text (``nouns``: place, absence, lieu)."""
    return re.compile("(" + "|".join(map(re.escape, nouns)) + r") d[eu']?\s*(la |le |l'|l’)?\S*$")


def summit_targets(ctx: ArticleContext) -> list[tuple[Span, str, bool]]:
    """The sentences that may report attendance, each with the summit they are about and whether they
    name it: the summit named in the sentence, else the last one named before (not a next edition: its
    parent); before any summit is named, the main summit when the sentence says « le sommet »."""
    out = []
    current: str | None = None
    seq = sorted(ctx.summit_seq)
    summit_nouns = ctx.lex.summit_nouns
    for sent in ctx.sents:
        # (« en prélude à la COP30 », « à la veille du sommet »: what the sentence reports is before it)
        # (« X, qui a accueilli le sommet du Mercosur, et Y étaient attendus »: a summit inside a relative clause is
        # that clause's, :func:`relative_hosts`)
        in_sent = [k for s, e, k in seq if sent.start <= s < sent.end and not before_summit(ctx, s)
                   and not (relative_clause(ctx, s) is not None and _others_outside(ctx, s, sent))
                   and not (k != ctx.main_summit and time_distance(ctx, s))]
        if current is None and not in_sent:  # (the first summit named, even in a relative clause)
            current = next((k for s, e, k in seq if sent.start <= s < sent.end and not before_summit(ctx, s)), None)
        if in_sent:
            # (a previous edition named in passing is not what the story goes on about, nor a gathering still to
            # come, « Doha accueillerait une conférence des donateurs »)
            first = next(s for s, e, k in seq if k == in_sent[0] and sent.start <= s < sent.end)
            current = in_sent[0] if ctx.ents[in_sent[0]].attrs.get("edition") != "next" and (
                in_sent[0] not in ctx.prev_editions or current is None) and not (
                current is not None and prospective_mention(ctx, first)) else current
        if is_byline(sent):
            continue  # « Par X, envoyée spéciale au sommet »: the reporter
        target = in_sent[0] if in_sent else current
        if target is None:
            # « ... avant le début du sommet », the summit named only later in the article
            if ctx.main_summit is None or not any(
                    ctx.doc.lower[i] in summit_nouns and not before_summit(ctx, i) for i in range(sent.start, sent.end)):
                continue
            target = ctx.main_summit
        # not the next edition being hosted (« le prochain sommet », « le XXe sommet se tiendra »)
        if ctx.next_parent.get(target):
            target = ctx.next_parent[target]
        elif ctx.main_summit and later_edition(ctx, target):
            target = ctx.main_summit
        out.append((sent, target, bool(in_sent)))
    return out


def relative_clause(ctx: ArticleContext, i: int) -> int | None:
    """The verb of the relative clause token ``i`` belongs to (« X, qui a accueilli le sommet du Mercosur »), or
    ``None``."""
    doc = ctx.doc
    t = i
    for _ in range(6):
        h = doc.heads[t]
        if h == t:
            return None
        if doc.pos[h] in ("VERB", "AUX"):
            return h if doc.deps[h] == "acl:relcl" else None
        t = h
    return None


def _others_outside(ctx: ArticleContext, i: int, sent: Span) -> bool:
    """Does the sentence of the summit at ``i``, in a relative clause, name people outside that clause?"""
    v = relative_clause(ctx, i)
    inside = set(ctx.doc.subtree(v)) | {ctx.doc.heads[v]}
    return any(not set(range(p.start, p.end)) & inside for p in ctx.mentions_in(sent.start, sent.end, ("Person", "Minister")))


def relative_hosts(ctx: ArticleContext) -> None:
    """« le président argentin X, qui a accueilli le sommet du Mercosur », « Y, qui participait au sommet »: the
    person a relative clause with a hosting or attendance verb describes attended the summit it names."""
    doc = ctx.doc
    lex = ctx.lex
    for s, e, k in ctx.summit_seq:
        v = relative_clause(ctx, s)
        if v is None or not (doc.lemma[v] in lex.host_verbs or doc.lemma[v] in lex.attend_verbs or doc.lower[v] in lex.attend_verbs):
            continue
        if any(doc.lower[c] in lex.verb_negations for c in doc.children(v)):
            continue
        h = doc.heads[v]
        np_ = set(doc.subtree(h)) - set(doc.subtree(v))
        found = [m for m in ctx.mentions_in(max(0, v - 12), v, ("Person", "Minister")) if m.start in np_ or m.start <= h < m.end]
        p = found[-1] if found else None
        if p is not None and not absent(ctx, p):
            ctx.relate(k, "attendee", p.key, min(p.start, s), max(p.end, e), confidence("attendance_verb"))


def time_distance(ctx: ArticleContext, i: int) -> bool:
    """Is the summit mention at ``i`` a point in time the sentence counts from (« deux ans après le premier
    sommet », « un an après celui de X »): what its sentence reports is not at that summit?"""
    for k in range(i - 1, max(-1, i - 4), -1):
        if ctx.lower(k) in ("après", "avant") and ctx.lower(k - 1) in ctx.lex.time_nouns:
            return True
    return False


def before_summit(ctx: ArticleContext, i: int) -> bool:
    """Is the summit mention at ``i`` the complement of « en prélude à », « à la veille de », « en amont de »,
    « en vue de »: what its sentence reports happens before the summit?"""
    doc = ctx.doc
    h = doc.heads[i]
    return h != i and doc.lemma[h] in ctx.lex.prelude_nouns and doc.pos[h] == "NOUN" or (
        i >= 2 and doc.lower[i - 2] in ctx.lex.prelude_nouns or i >= 3 and doc.lower[i - 3] in ctx.lex.prelude_nouns)


def attendance_trigger(ctx: ArticleContext, start: int, end: int) -> bool:
    """Is there an attendance word in tokens ``start:end`` (« a participé », « était présent », « se rendra »)?
    « rendre » only reflexive (« se rendre à », not « rend plus fort »), « attendre » only as a participle
    (``attend_verbs`` has its forms, not the lemma: « sont attendus », not « attendait un feu vert »)."""
    doc = ctx.doc
    attend = ctx.lex.attend_verbs
    for i in range(start, end):
        lemma, low = doc.lemma[i], doc.lower[i]
        if lemma not in attend and low not in attend:
            continue
        if lemma == "rendre" and not _reflexive(ctx, i):
            continue
        return True
    # « Sur la photo de famille, on reconnaissait X », « Y et Z étaient du voyage », « la délégation compte aussi X »
    if any(start <= s < end for s, _ in ctx.triggers.get("PRESENCE", ())):
        return True
    # « a déclaré X devant une cinquantaine de chefs d'État »: words spoken before the gathered leaders
    lower = doc.lower
    for i in range(start, end - 1):
        if lower[i] == "devant" and any(lower[k] in ctx.lex.group_nouns or lower[k] in ctx.lex.collective_nouns
                                        for k in range(i + 1, min(i + 5, end))):
            return True
    return False


def _reflexive(ctx: ArticleContext, v: int) -> bool:
    """Is the verb at ``v`` reflexive (« s'est rendu », « nous nous rendrons », not « nous rend plus forts »)?"""
    doc = ctx.doc
    kids = doc.children(v)
    subj = {doc.lower[c] for c in kids if doc.deps[c].startswith("nsubj")}
    for c in kids:
        low = doc.lower[c]
        if low in ctx.lex.reflexive_pronouns and c < v and not doc.deps[c].startswith("nsubj") and (
                low not in ("nous", "vous") or low in subj):
            return True
    return False


def attendance(ctx: ArticleContext) -> None:
    """People in a sentence that has an attendance verb (« a participé », « était présent ») or names a
    summit attended it (the summit being reported, not a next edition); not those absent, speaking from
    afar, only quoted, or named as a modifier of a thing (« L'effet Trump plane sur le sommet »)."""
    doc = ctx.doc
    for sent, target, named in summit_targets(ctx):
        trig = attendance_trigger(ctx, sent.start, sent.end)
        if not trig and not named:
            continue
        people = ctx.mentions_in(sent.start, sent.end, ("Person", "Minister"))
        if remote(ctx, sent.start, sent.end):
            continue  # « a déclaré X dans un communiqué »: words sent from afar
        if not named and _set_elsewhere(ctx, sent, target):
            continue  # « X a reçu mercredi à Pretoria le Premier ministre Y »: a meeting at another place
        if not trig:
            people = [p for p in people if not any(
                _only_quoted(ctx, h, sent, target) for h in governors(ctx, max(sent.start, p.start - 1), p.end))
                and not _modifier_of_thing(ctx, p)]
        for p in people:
            if absent(ctx, p):
                continue
            ctx.relate(target, "attendee", p.key, p.start, p.end, confidence("attendance_verb"))
    chairs(ctx)
    relative_hosts(ctx)


def _set_elsewhere(ctx: ArticleContext, sent: Span, target: str) -> bool:
    """Does the sentence's main verb place what it tells in a city (« a reçu mercredi à Madrid ») other than the
    known host city of the summit ``target``? (Not a city of a clause of its own: « X, qui a accueilli le sommet du
    Mercosur à Buenos Aires, ».)"""
    hosts = {o for (s, p, o) in ctx.relations if s == target and p == "hostCity"}
    doc = ctx.doc
    if not hosts:
        return False
    for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
        if c.key in hosts or ctx.lower(c.start - 1) != "à" or not is_locative(ctx, c.start):
            continue
        if doc.pos[c.start - 2] == "NOUN" and doc.pos[c.start - 3] == "DET" and not is_date_word(doc.words[c.start - 2]):
            continue  # « a annoncé la livraison à Kiev »: where a thing goes, not where the verb happens
        v = verb_above(ctx, doc.heads[c.start], 3)  # (« a reçu mercredi à Madrid »: the parser hangs the place on the day)
        if doc.pos[v] in ("VERB", "AUX") and doc.heads[v] == v:
            return True
    return False


def chairs(ctx: ArticleContext) -> None:
    """« le président de la conférence, le ministre X de l'Écologie Y », « X, hôte du sommet »: who chairs or
    hosts the summit attends it."""
    doc = ctx.doc
    for sent, target, _ in summit_targets(ctx):
        for i in range(sent.start, sent.end - 2):
            if doc.lower[i] not in ctx.lex.chair_nouns or doc.lower[i + 1] not in ctx.lex.of_forms_contracted:
                continue
            k = i + 2 if doc.lower[i + 2] not in ctx.lex.definite_articles else i + 3
            if k >= sent.end or not (doc.lower[k] in ctx.lex.summit_nouns or doc.lower[k] in ctx.lex.meeting_nouns
                                     or ctx.mention_at(k, ("Summit",))):
                continue
            # the person the title belongs to: just before it (« X, hôte du sommet ») or after it
            before = ctx.mentions_in(max(sent.start, i - 4), i, ("Person", "Minister"))
            after = ctx.mentions_in(k, min(sent.end, k + 14), ("Person", "Minister"))
            p = before[-1] if before and doc.words[i - 1] in (",", "(") or before and doc.lower[i - 1] in ctx.lex.definite_articles and doc.words[i - 2] == "," else (after[0] if after else None)
            if p is not None and not absent(ctx, p):
                ctx.relate(target, "attendee", p.key, min(i, p.start), max(k + 1, p.end), confidence("summit_chair"))


def _only_quoted(ctx: ArticleContext, h: int, sent: Span, target: str) -> bool:
    """Is the person governed by ``h`` only quoted about the summit: the verb of a reporting clause after a
    quote, or a speech verb whose words (not its circumstances) name the summit (« X a déclaré que le sommet
    ... », but not « Lors du sommet, X a déclaré ... »)?"""
    doc = ctx.doc
    if reporting_clause(ctx, h):
        return True
    if doc.lemma_[h] not in ctx.lex.speech_verbs:
        return False
    said = {t for c in doc.children(h) if doc.deps[c] in ("ccomp", "obj", "xcomp") for t in doc.subtree(c)}
    for s, _, key in ctx.summit_seq:
        if sent.start <= s < sent.end and key == target and s not in said and not _in_quotes(ctx, s, sent):
            v = _clause_verb(ctx, s)
            if v is None or v == h:
                return False  # the summit is a circumstance of the words or describes the speaker
    return True


def _clause_verb(ctx: ArticleContext, i: int) -> int | None:
    """The verb whose clause token ``i`` belongs to, None when it hangs from no verb."""
    doc = ctx.doc
    t = i
    for _ in range(8):
        if doc.pos[t] in ("VERB", "AUX") and t != i:
            return t
        if doc.heads[t] == t:
            return t if doc.pos[t] in ("VERB", "AUX") else None
        t = doc.heads[t]
    return None


def _in_quotes(ctx: ArticleContext, i: int, sent: Span) -> bool:
    """Is token ``i`` inside « » in its sentence?"""
    words = ctx.doc.words[sent.start : i]
    return words.count("«") > words.count("»") or words.count("\"") % 2 == 1


def remote(ctx: ArticleContext, start: int, end: int) -> bool:
    """Do tokens ``start:end`` say words were sent from afar (« dans un communiqué », « sur X »)? Not « à la
    tribune » (the podium, there)."""
    lower, lex = ctx.doc.lower, ctx.lex
    if any(lower[i] in lex.remote_words and not (lower[i] in lex.podium_nouns and ctx.lower(i - 2) == "à")
           for i in range(start, end)):
        return True
    return any(start <= s < end for s, _ in ctx.triggers.get("REMOTE", ()))


def _modifier_of_thing(ctx: ArticleContext, p: Mention) -> bool:
    """Is the person at ``p`` a modifier of a common noun that is not a title (« L'effet Trump »,
    « le gouvernement de Pedro Sánchez »)?"""
    doc = ctx.doc
    head = doc.heads[p.start]
    if p.start <= head < p.end or doc.deps[p.start] not in ("nmod", "appos", "flat:name", "compound"):
        return False
    return doc.pos[head] == "NOUN" and not any(r.start <= head < r.end for r in ctx.role_spans) and \
        doc.lower[head] not in ctx.lex.actor_nouns


def narrative_attendance(ctx: ArticleContext) -> None:
    """In an article about one summit, the people whose words and deeds it reports took part in it
    (« le président colombien X a réclamé ... »), unless the article places them elsewhere: at another
    place or event (« était à Rome », « lors du salon Y »), speaking through a statement or from afar
    (« dans un communiqué », « par visioconférence »), or absent. A weaker signal than an attendance
    verb, hence the lower confidence."""
    if ctx.main_summit is None:
        return
    # the summit the article reports attendance at, else the one it names most
    counts: dict[str, int] = {}
    for (s, p, o) in ctx.relations:
        if p == "attendee":
            counts[s] = counts.get(s, 0) + 1
    main = max(counts, key=lambda k: (counts[k], k == ctx.main_summit)) if counts else ctx.main_summit
    if ctx.ents[main].attrs.get("edition") == "next" or main in ctx.next_parent:
        return
    doc = ctx.doc
    hosts = {o for (s, p, o) in ctx.relations if s == main and p == "hostCity"}
    family = {main} | {k for k, v in ctx.next_parent.items() if v == main}
    away_words = ctx.lex.absence_words
    starts = [s for s, _, k in ctx.summit_seq if k == main and not before_summit(ctx, s)]
    if not starts:
        return  # the article tells what happened before the summit (« en prélude à la COP30 »)
    first = min(starts)
    # an article written before the summit (« le sommet s'ouvrira », « prépareront les travaux du sommet »)
    # tells what people will do there in the future tense (« X conduira la délégation »)
    upcoming = any(future_clause(ctx, s) for s in starts)
    elsewhere: set[str] = set()
    cands: dict[str, tuple[int, int]] = {}
    for sent in ctx.sents:
        people = ctx.mentions_in(sent.start, sent.end, ("Person", "Minister"))
        if not people:
            continue
        away = (not away_words.isdisjoint(doc.lower[sent.start : sent.end]) or remote(ctx, sent.start, sent.end)
                or any(m.key not in family for m in ctx.mentions_in(sent.start, sent.end, ("Summit", "Event")))
                or any(c.key not in hosts and is_locative(ctx, c.start) and not doc.sent_start[c.start]
                       for c in ctx.mentions_in(sent.start, sent.end, ("City",))))
        for p in people:
            if away:
                elsewhere.add(p.key)
                continue
            if sent.end <= first or p.key in cands or absent(ctx, p):
                continue
            if _acts(ctx, p, upcoming):
                cands[p.key] = (p.start, p.end)
    for key, (s, e) in cands.items():
        if key not in elsewhere:
            ctx.relate(main, "attendee", key, s, e, confidence("narrative_attendance"))


def _acts(ctx: ArticleContext, p: Mention, future_ok: bool = False) -> bool:
    """Is the person at ``p`` (part of) the subject of a verb in a past or present tense (« X a réclamé »,
    « ..., a dit X », « le ministre X, rentré de ..., a été accueilli »), not a future one (« X prendra ses
    fonctions ») unless ``future_ok`` (the summit is still to come: « X conduira la délégation »)?"""
    doc = ctx.doc
    deps, heads = doc.deps, doc.heads
    tok, subj = p.start, False
    for _ in range(8):
        if deps[tok].startswith("nsubj"):
            subj = True
        head = heads[tok]
        if head == tok:
            return False
        prev, tok = tok, head
        if doc.pos[tok] not in ("VERB", "AUX"):
            continue
        kids = doc.children(tok)
        verbs = [tok] + [c for c in kids if deps[c].startswith("aux")]
        if not subj and deps[prev] == "obl:agent" and not any(doc.morph(t, "VerbForm") == "Fin" for t in verbs):
            return False  # « La guerre lancée par X a dominé ... »: the agent of a participle, not the subject
        if any(doc.morph(t, "VerbForm") == "Fin" for t in verbs):
            negated = any(doc.lower[c] in ctx.lex.verb_negations for c in kids)
            # (« X devrait annoncer », « pourrait signer »: what one may do is no deed)
            return subj and not negated and (future_ok or not any(doc.morph(t, "Tense") == "Fut" or doc.morph(t, "Mood") == "Cnd"
                                                                  for t in verbs))
    return False


def absent(ctx: ArticleContext, p: Mention) -> bool:
    """« X ne s'est pas déplacé », « venu à la place de X », « en l'absence de X », « X, absent »."""
    key = (p.start, p.end)
    if key not in ctx.absent_at:
        ctx.absent_at[key] = _is_absent(ctx, p.start, p.end)
    return ctx.absent_at[key]


def _is_absent(ctx: ArticleContext, start: int, end: int) -> bool:
    doc = ctx.doc
    lower = doc.lower
    before = " ".join(lower[max(ctx.sent_at(start).start, start - 4) : start])
    if _in_place_of(ctx.lex.substitute_nouns).search(before) or before.endswith("sans"):
        return True
    for h in governors(ctx, start, end):
        kids = doc.children(h)
        if negated(ctx, h) or doc.lemma_[h] in ctx.lex.absence_verbs:
            return True
        if any(lower[c].startswith("absent") for c in kids):
            return True
        if doc.lemma[h] in ctx.lex.departure_verbs and any(
                doc.lower[c] in ctx.lex.opening_nouns | ctx.lex.summit_nouns and any(lower[g] == "avant" for g in doc.children(c))
                for c in kids):
            return True  # « X a quitté le pays avant l'ouverture du sommet »: gone before it began
        if _represented(ctx, h, start, end):
            return True
        # « Zelensky s'exprimait depuis Kiev », « intervenant depuis Kinshasa »: speaking from a city, not there (not
        # « arrivé depuis Paris »: one comes from there)
        if doc.lemma[h] not in ctx.lex.motion_verbs and doc.lemma[h] not in ctx.lex.attend_verbs and any(
                ctx.mention_at(c, ("City",)) is not None and any(lower[g] == "depuis" for g in doc.children(c)) for c in kids):
            return True
        # « X a annoncé qu'il ne viendrait pas », « ... qu'aucun représentant ne se rendrait à ... », « X a annoncé
        # qu'elle boycotterait la rencontre »
        if any(doc.deps[c] in ("ccomp", "xcomp") and (_negated_attendance(ctx, c) or doc.lemma[c] in ctx.lex.absence_verbs)
               for c in kids):
            return True
    # « X, qui n'était pas du voyage, », « X, qui ne s'est pas déplacé, »: a negated relative clause on the person
    # about going there
    holders = set(range(start, end))
    if doc.deps[start] in ("flat:name", "appos", "nmod"):
        holders.add(doc.heads[start])  # « le Premier ministre X, qui ... »: the clause hangs on the title
    for i in holders:
        for c in doc.children(i):
            if doc.deps[c] == "acl:relcl" and doc.lemma[c] in ctx.lex.absence_verbs and any(
                    doc.deps[o] == "obj" and (doc.lemma[o] in ctx.lex.declined_objects or doc.lower[o] in ctx.lex.summit_nouns
                                              or doc.lower[o] in ctx.lex.meeting_nouns) for o in doc.children(c)):
                return True  # « X, qui a décliné l'invitation, », « qui boycotte le sommet » (not « qui a refusé de signer »)
            if doc.deps[c] != "acl:relcl" or not any(lower[g] in ctx.lex.verb_negations for g in doc.children(c)):
                continue
            if any(doc.lemma[w] in ctx.lex.attend_verbs or lower[w] in ctx.lex.attend_verbs or lower[w] == "voyage"
                   for w in doc.subtree(c)):
                return True
    # « Le président X, invité à un dîner, n'a pas participé à la séance »
    return any(a <= start <= b for a, b in _negated_subjects(ctx, ctx.sent_no(start)))


def _represented(ctx: ArticleContext, h: int, start: int, end: int) -> bool:
    """« X était représenté par son ministre », « X s'est fait représenter par Y »: the person at ``start:end``,
    subject of a passive or « faire » proxy verb ``h``, sent someone in their place."""
    doc = ctx.doc
    if doc.lemma[h] not in ctx.lex.proxy_verbs:
        return False
    kids = doc.children(h)
    if not any(doc.deps[c].startswith("nsubj") and any(start <= t < end for t in doc.subtree(c)) for c in kids):
        return False
    return any(doc.deps[c] == "aux:pass" or doc.lemma[c] == "faire" for c in kids) or doc.lemma[doc.heads[h]] == "faire"


def _negated_attendance(ctx: ArticleContext, v: int) -> bool:
    """Is ``v`` a negated attendance verb (« ne se rendrait pas », « ne participera pas »)?"""
    doc = ctx.doc
    attend = ctx.lex.attend_verbs
    return (doc.lemma[v] in attend or doc.lower[v] in attend) and any(
        doc.lower[c] in ctx.lex.verb_negations for c in doc.children(v))


def _negated_subjects(ctx: ArticleContext, n: int) -> list[tuple[int, int]]:
    """The first and last tokens of the subjects of the negated verbs of sentence ``n`` (« X ... n'a pas participé »)."""
    if n not in ctx.negated_subjects:
        doc = ctx.doc
        sent = ctx.sents[n]
        out = []
        for v in range(sent.start, sent.end):
            if doc.pos[v] == "VERB":
                kids = doc.children(v)
                if any(doc.lower[c] in ctx.lex.negation_adverbs for c in kids):
                    out.extend((c, max(doc.subtree(c))) for c in kids if doc.deps[c].startswith("nsubj"))
        ctx.negated_subjects[n] = out
    return ctx.negated_subjects[n]
