"""What an announcing verb acts on: objects that make no decision (a report, one's own attendance, a quoted
phrase, what something will be) and the post of an appointment (:mod:`kg.extract.rules.announcement_verbs`).
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.announcement_agents import quote_bounds
from kg.extract.rules.announcement_types import MONEY, Agent
from kg.extract.text import APOS, clip, is_date_word

__all__ = ["appointment_post", "appointment_body", "appointment_label", "characterisation", "slogan",
           "first_object_noun", "own_attendance", "titled_list", "without_occasion"]


def appointment_post(ctx: ArticleContext, head: int, kids: list[int]) -> list[int]:
    """The post a person is chosen for (« à la présidence de la Commission », « au poste de X »), hung on the
    verb or on the person's noun; up to the next comma."""
    doc = ctx.doc
    posts = [c for c in kids if c > head and doc.deps[c] in ("obl", "obl:arg", "obl:mod", "xcomp")
             and not is_date_word(doc.words[c]) and ctx.mention_at(c, ("City", "Country")) is None]
    if not posts:
        posts = [c for c in doc.children(head) if doc.deps[c] in ("nmod", "acl", "amod") and any(
            doc.lower[k] in ("à", "au", "aux") for k in doc.children(c) if doc.deps[k] == "case")]
    if not posts:
        return []
    sub = doc.subtree(posts[0])
    out = []
    for u in range(sub[0], sub[-1] + 1):
        if doc.words[u] == "," and u > posts[0]:
            break
        out.append(u)
    return out


def appointment_body(ctx: ArticleContext, post: list[int], agents: list[Agent]) -> list[tuple]:
    """What an appointment is about: the body of the post (« à la présidence de la Commission de l'UA »),
    or, for « au poste de secrétaire générale de l'organisation », the body that appoints."""
    doc = ctx.doc
    conf = confidence("announcement_object")
    named = [(m.key, m.start, m.end, conf, False) for m in ctx.mentions_in(post[0], post[-1] + 1, ("Organization",))]
    if named:
        return named[:1]
    if any(doc.lower[u] in ctx.lex.org_head_nouns and doc.pos[u] == "NOUN" and any(
            doc.lower[k] in ctx.lex.definite_articles for k in doc.children(u)) for u in post):
        return [(a.key, a.start, a.end, conf, True) for a in agents if ctx.ents[a.key].type == "Organization"][:1]
    return []


def appointment_label(ctx: ArticleContext, lemma: str, head: int, post: list[int]) -> str | None:
    """« ont élu le ministre X à la présidence de la Commission » → « Élection de X à la présidence de la
    Commission »: the act's noun, the person chosen, the post."""
    doc = ctx.doc
    noun = ctx.lex.appointment_nouns.get(lemma)
    person = next((m for u in doc.subtree(head) for m in [ctx.mention_at(u, ("Person", "Minister"))] if m), None)
    if noun is None or person is None:
        return None
    where = (" " + doc.span_text(post[0], post[-1] + 1).rstrip(" ,")) if post else ""
    return clip(f"{noun[:1].upper()}{noun[1:]} de {ctx.ents[person.key].label}{where}", 90)


def characterisation(ctx: ArticleContext, toks: list[int]) -> bool:
    """Is the reported clause ``toks`` a copula saying what something is or will be (« Évian sera le sommet de
    la lutte contre ... »), with no sum?"""
    doc = ctx.doc
    inside = set(toks)
    roots = [u for u in toks if doc.heads[u] not in inside or doc.heads[u] == u]
    if MONEY.search(doc.span_text(toks[0], toks[-1] + 1)):
        return False
    # not « C'est à La Haye que se tiendra ... » (a cleft), nor « C'est une promesse tenue » (what was done)
    return any(doc.deps[c] == "cop" for r in roots for c in doc.children(r)) and not any(
        doc.lower[u] in ("c'", "c’", "ce") for u in toks)


def slogan(ctx: ArticleContext, head: int) -> bool:
    """Is the object ``head`` a quoted phrase opening right after the verb (« a promis « une COP de la mise en
    œuvre » »), with no sum and no noun of a decision or a pledge?"""
    doc = ctx.doc
    q = quote_bounds(ctx, head)
    if q is None or q[0] != doc.subtree(head)[0] - 1 or doc.lemma[head] in (
            ctx.lex.decision_objects | ctx.lex.pledge_nouns | ctx.lex.announce_nouns):
        return False
    return not MONEY.search(doc.span_text(q[0], q[1] + 1))


def first_object_noun(ctx: ArticleContext, i: int) -> int | None:
    """The first noun after the verb ``i`` in its clause that has a determiner and no preposition: its object,
    when the parser hung it elsewhere (« présentera d'ici à la fin du mois un rapport »)."""
    doc = ctx.doc
    for k in range(i + 1, ctx.sent_at(i).end):
        if doc.pos[k] == "PUNCT":
            return None
        if doc.pos[k] == "VERB":
            return None
        kids = doc.children(k)
        if doc.pos[k] == "NOUN" and any(doc.deps[c] == "det" for c in kids) and not any(doc.deps[c] == "case" for c in kids):
            return k
    return None


def own_attendance(ctx: ArticleContext, head: int) -> bool:
    """« leur participation », « sa venue au sommet »: the agent's own attendance (a possessive on an
    attendance noun, no sum), which confirming or announcing does not make a decision."""
    doc = ctx.doc
    if doc.lemma[head] not in ctx.lex.attendance_objects and doc.lower[head] not in ctx.lex.attendance_objects:
        return False
    sub = doc.subtree(head)
    if MONEY.search(doc.span_text(sub[0], sub[-1] + 1)):
        return False  # « sa participation de 10 millions au fonds »: a pledge
    return any(doc.lower[c] in ctx.lex.possessives | {"ses", "leurs", "mon", "ma", "notre", "nos"}
               for c in doc.children(head) if doc.deps[c] == "det")


def titled_list(ctx: ArticleContext, k: int) -> list:
    """The people of a list of titles and names from token ``k`` to the end of its clause (« la présidente de
    la Commission, X, le président du Conseil, Y, et le Premier ministre Z »), which the parser breaks into
    appositions: person mentions up to the next verb or the next preposition outside a title."""
    doc = ctx.doc
    sent = ctx.sent_at(k)
    out = []
    for u in range(k, sent.end):
        if doc.pos[u] in ("VERB", "AUX"):
            break
        titled = any(s.start <= u < s.end for s in ctx.role_spans)
        if doc.pos[u] == "ADP" and not titled and doc.lower[u] not in ctx.lex.of_forms | ctx.lex.of_forms_contracted:
            break
        m = ctx.mention_at(u, ("Person", "Minister"))
        if m is not None and m.start == u:
            out.append(m)
    return out


def without_occasion(ctx: ArticleContext, toks: list[int]) -> list[int]:
    """``toks`` without a closing phrase that says on what occasion the object was decided (« la création d'un fonds,
    à l'issue d'un sommet extraordinaire consacré à ... »; « ..., lors de la réunion »): after a comma, an occasion
    noun behind at most two prepositions or determiners, to the end of its phrase."""
    doc = ctx.doc
    inside = set(toks)
    for p in toks:
        if doc.words[p] != ",":
            continue
        for u in range(p + 1, min(p + 4, len(doc))):
            if u not in inside:
                break
            if doc.lower[u] in ctx.lex.occasion_nouns and doc.pos[u] in ("NOUN", "ADV"):
                last = max(doc.subtree(u))
                return [t for t in toks if not p <= t <= last]
            if doc.pos[u] not in ("ADP", "DET") and doc.words[u] not in APOS:
                break
    return toks
