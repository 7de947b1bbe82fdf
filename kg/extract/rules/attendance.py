"""Who attended a summit (``attendee``).

Evidence: a person in a sentence with an attendance verb or naming the summit (« X a participé au sommet »);
weaker: in an article about one summit, the people whose deeds it reports (« X a réclamé ... »), unless
placed elsewhere, speaking from afar, or absent (« X ne s'est pas déplacé », « en l'absence de X »).
"""

from __future__ import annotations

import functools
import re

from kg.extract.clauses import governors
from kg.extract.clauses import reporting_clause
from kg.extract.context import ArticleContext, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.places import is_locative
from kg.extract.rules.summits import later_edition



@functools.lru_cache(maxsize=4)
def _in_place_of(nouns: tuple[str, ...]) -> re.Pattern:
    """« à la place de », « en l'absence de », « au lieu de » ending a text (``nouns``: place, absence, lieu)."""
    return re.compile("(" + "|".join(map(re.escape, nouns)) + r") d[eu']?\s*(la |le |l'|l’)?\S*$")


def attendance(ctx: ArticleContext) -> None:
    """People in a sentence that has an attendance verb (« a participé », « était présent ») or names a
    summit attended it (the summit being reported, not a next edition); not those absent, speaking from
    afar, or only quoted."""
    doc = ctx.doc
    attend = ctx.lex.attend_verbs
    remote = ctx.lex.remote_words
    current: str | None = None
    seq = sorted(ctx.summit_seq)
    for sent in ctx.sents:
        in_sent = [k for s, e, k in seq if sent.start <= s < sent.end]
        if in_sent:
            current = in_sent[0] if ctx.ents[in_sent[0]].attrs.get("edition") != "next" else current
        if current is None:
            continue
        # an attendance verb in the sentence
        trig = not attend.isdisjoint(doc.lemma[sent.start : sent.end]) or not attend.isdisjoint(doc.lower[sent.start : sent.end])
        if not trig and not in_sent:
            continue
        target = in_sent[0] if in_sent else current
        # not the next edition being hosted (« le prochain sommet », « le XXe sommet se tiendra »)
        if ctx.next_parent.get(target):
            target = ctx.next_parent[target]
        elif ctx.main_summit and later_edition(ctx, target):
            target = ctx.main_summit
        people = ctx.mentions_in(sent.start, sent.end, ("Person", "Minister"))
        if not remote.isdisjoint(doc.lower[sent.start : sent.end]):
            continue  # « a déclaré X dans un communiqué »: words sent from afar
        if not trig:
            people = [p for p in people if not any(
                doc.lemma_[h] in ctx.lex.speech_verbs or reporting_clause(ctx, h)
                for h in governors(ctx, max(sent.start, p.start - 1), p.end))]
        for p in people:
            if _absent(ctx, p):
                continue
            ctx.relate(target, "attendee", p.key, p.start, p.end, confidence("attendance_verb"))


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
    away_words = ctx.lex.remote_words | ctx.lex.absence_words
    first = min(s for s, _, k in ctx.summit_seq if k == main)
    elsewhere: set[str] = set()
    cands: dict[str, tuple[int, int]] = {}
    for sent in ctx.sents:
        people = ctx.mentions_in(sent.start, sent.end, ("Person", "Minister"))
        if not people:
            continue
        away = (not away_words.isdisjoint(doc.lower[sent.start : sent.end])
                or any(m.key not in family for m in ctx.mentions_in(sent.start, sent.end, ("Summit", "Event")))
                or any(c.key not in hosts and is_locative(ctx, c.start) and not doc.sent_start[c.start]
                       for c in ctx.mentions_in(sent.start, sent.end, ("City",))))
        for p in people:
            if away:
                elsewhere.add(p.key)
                continue
            if sent.end <= first or p.key in cands or _absent(ctx, p):
                continue
            if _acts(ctx, p):
                cands[p.key] = (p.start, p.end)
    for key, (s, e) in cands.items():
        if key not in elsewhere:
            ctx.relate(main, "attendee", key, s, e, confidence("narrative_attendance"))


def _acts(ctx: ArticleContext, p: Mention) -> bool:
    """Is the person at ``p`` (part of) the subject of a verb in a past or present tense (« X a réclamé »,
    « ..., a dit X », « le ministre X, rentré de ..., a été accueilli »), not a future one (« X prendra ses
    fonctions »)?"""
    doc = ctx.doc
    deps, heads = doc.deps, doc.heads
    tok, subj = p.start, False
    for _ in range(8):
        if deps[tok].startswith("nsubj"):
            subj = True
        head = heads[tok]
        if head == tok:
            return False
        tok = head
        if doc.pos[tok] not in ("VERB", "AUX"):
            continue
        kids = doc.children(tok)
        verbs = [tok] + [c for c in kids if deps[c].startswith("aux")]
        if any(doc.morph(t, "VerbForm") == "Fin" for t in verbs):
            negated = any(doc.lower[c] in ctx.lex.verb_negations for c in kids)
            return subj and not negated and not any(doc.morph(t, "Tense") == "Fut" for t in verbs)
    return False


def _absent(ctx: ArticleContext, p: Mention) -> bool:
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
        if any(lower[c] in ctx.lex.verb_negations for c in kids) or doc.lemma_[h] in ctx.lex.absence_verbs:
            return True
        if any(lower[c].startswith("absent") for c in kids):
            return True
    # « Le président X, invité à un dîner, n'a pas participé à la séance »
    return any(a <= start <= b for a, b in _negated_subjects(ctx, ctx.sent_no(start)))


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
