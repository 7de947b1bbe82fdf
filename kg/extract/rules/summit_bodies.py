"""Summits named after the body that meets: « lors du Conseil européen », « le G20 de Rio », « la 79e Assemblée
générale des Nations unies », « la semaine de haut niveau de l'Assemblée générale », « un Conseil européen », and
« lors de leur sommet annuel » when « les dirigeants de l'OCS » meet. Helpers of :func:`kg.extract.rules.summits.summits`.
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.text import is_date_word, ordinal_value

__all__ = ["bodies_meeting", "body_names", "meeting_body"]


def meeting_body(ctx: ArticleContext, start: int, end: int) -> tuple[str, str] | None:
    """The body whose members meet in tokens ``start:end`` (« les chefs d'État de la Cédéao se sont réunis », « les
    dirigeants de l'OCS ... lors de leur sommet »): an organisation named after a collective noun (« dirigeants »,
    « chefs », « membres »), with the « de la » before it; ``None`` if there is none."""
    lex = ctx.lex
    for m in ctx.mentions_in(start, end, ("Organization",)):
        if m.key.split("/", 1)[-1] in lex.global_bodies or ctx.lower(m.start - 1) not in lex.definite_articles | lex.of_forms_contracted:
            continue
        k = m.start - 1 - (ctx.lower(m.start - 1) in lex.definite_articles)
        if ctx.lower(k) not in lex.of_forms_contracted:
            continue
        if any(ctx.lower(j) in lex.collective_nouns for j in range(max(start, k - 6), k)):  # (« les chefs d'État et de gouvernement du »)
            return m.key, ctx.doc.text_with_ws(k, m.start)
    return None


def body_names(ctx: ArticleContext) -> None:
    """« lors de leur sommet annuel » when « les dirigeants de l'OCS » meet: a summit named without a name (no
    capital: « sommet annuel », « 64e session ordinaire ») is also « sommet de l'OCS », under each name of the body."""
    for key in {k for _, _, k in ctx.summit_seq}:
        ent = ctx.ents.get(key)
        if ent is None or any(ch.isupper() for ch in ent.label) or key in ctx.next_of.values():
            continue
        found = None
        for s, _, k in ctx.summit_seq:
            if k == key:
                sent = ctx.sent_at(s)
                found = meeting_body(ctx, sent.start, sent.end)
                if found:
                    break
        if found is None:
            continue
        body, prefix = found
        surfaces = {ctx.doc.span_text(m.start, m.end) for m in ctx.mentions if m.key == body} | {ctx.ents[body].label}
        ent.aliases.update(f"sommet {prefix}{name}" for name in surfaces)


def bodies_meeting(ctx: ArticleContext) -> dict[int, tuple[int, str]]:
    """Bodies named for their meeting: « lors du Conseil européen », « le Conseil européen extraordinaire »
    (a body that is its own summit, ``meeting_bodies``: its mention becomes the summit's), « le G20 de Rio »
    (a summit series and the city it meets in), « lors du G20 », « le G7 s'est ouvert », « participer au G20 »
    (a series met: « sommet du G20 »), « le Forum sur la coopération sino-africaine s'est ouvert » (a body
    named for a gathering, meeting). By start token: (end, name)."""
    lex = ctx.lex
    doc = ctx.doc
    out = {}
    for m in list(ctx.mentions):
        key = m.key.split("/", 1)[-1]
        if ctx.ents[m.key].type != "Organization":
            continue
        k = m.start - 1
        if k > 0 and (ctx.lower(k) in lex.ordinals or ordinal_value(doc.words[k])) and (
                ctx.lower(k - 1) in lex.definite_articles | lex.of_forms_contracted | {"au", "aux"}):
            # « la 79e Assemblée générale des Nations unies », « le 5e Forum de X »: a numbered meeting of a body
            ctx.remove_mention(m)
            out[k] = (m.end, doc.span_text(k, m.end))
            continue
        gathering = ctx.lower(m.start) in lex.gathering_nouns or (
            ctx.lower(m.start) in lex.definite_articles and ctx.lower(m.start + 1) in lex.gathering_nouns)
        if key not in lex.meeting_bodies | lex.summit_series and not gathering:
            continue
        if key in lex.summit_series:
            # « le G20 de Rio »: the series and its host city
            city = ctx.mention_at(m.end + 1, ("City",)) if ctx.lower(m.end) in lex.of_forms else None
            if city is not None and city.start == m.end + 1 and ctx.lower(m.start - 1) in lex.definite_articles | {"du", "au"}:
                out[m.start] = (city.end, doc.span_text(m.start, city.end))
            elif _met(ctx, m.start, m.end):
                plural = ctx.lower(m.start - 1) in ("des", "aux", "les")
                out[m.start] = (m.end, f"sommet {'des' if plural else 'du'} {doc.span_text(m.start, m.end)}")
            continue
        if key not in lex.meeting_bodies:
            if _met(ctx, m.start, m.end, during=False) or _part_of_meeting(ctx, m.start):
                # a gathering body: only as the subject of its meeting, or « la semaine de haut niveau de l'Assemblée »
                ctx.remove_mention(m)
                out[m.start] = (m.end, doc.span_text(m.start, m.end))
            continue
        end = m.end
        if ctx.lower(end) in lex.meeting_adjectives:
            end += 1
        if ctx.lower(m.start - 1) in lex.previous_words | lex.next_words:
            ctx.remove_mention(m)
            out[m.start] = (end, doc.span_text(m.start, end))  # « le dernier Conseil européen »: a meeting of it
            continue
        timed = ctx.lower(end) in lex.of_forms_contracted and end + 1 < len(doc) and (
            is_date_word(doc.words[end + 1]) or doc.words[end + 1].isdigit())
        # « un Conseil européen consacré à ... », « d'un Conseil européen »: one of its meetings
        one = ctx.lower(m.start - 1) in lex.indefinite_articles
        # « la réunion du Conseil européen », « la session du Conseil européen »
        gathered = ctx.lower(m.start - 1) in ("du", "de") and (
            ctx.lower(m.start - 2) in lex.gathering_nouns or ctx.lower(m.start - 2) in lex.meeting_part_nouns)
        if end > m.end or timed or one or gathered or _met(ctx, m.start, m.end):
            ctx.remove_mention(m)
            out[m.start] = (end, doc.span_text(m.start, end))
    return out


def _part_of_meeting(ctx: ArticleContext, start: int) -> bool:
    """« la semaine de haut niveau de l'Assemblée générale », « la session de l'Assemblée »: the body named after
    « de l' » / « de la » / « du » closing a noun phrase headed by a part of a meeting (``meeting_part_nouns``)."""
    lex = ctx.lex
    k = start - 1
    if ctx.lower(k) in lex.definite_articles:
        k -= 1
    if ctx.lower(k) not in lex.of_forms_contracted:
        return False
    return any(ctx.lower(j) in lex.meeting_part_nouns for j in range(max(0, k - 4), k))


def _met(ctx: ArticleContext, start: int, end: int, during: bool = True) -> bool:
    """Is the body named at tokens ``start:end`` its meeting: after « lors du », « en marge du », « à l'issue du »
    (``during``: also the place one goes to or takes part in, « participer au G20 », « se rendre au G7 »), or the
    subject of a reflexive meeting verb (« le G7 s'est ouvert », « le Conseil européen se réunit », « se tiendra »)?"""
    lex = ctx.lex
    doc = ctx.doc
    prev = ctx.lower(start - 1)
    if during and prev in ("du", "le", "au", "des", "aux", "les") and ctx.lower(start - 2) in lex.meeting_preps:
        return True
    head = next((i for i in range(start, end) if not start <= doc.heads[i] < end or doc.heads[i] == i), start)
    v = doc.heads[head]
    if during and prev in lex.venue_preps and (doc.lemma[v] in lex.attend_verbs or doc.lower[v] in lex.attend_verbs):
        return True
    if doc.deps[head].startswith("nsubj") and doc.lemma[v] in lex.meeting_verbs:
        return any(doc.lower[c] in lex.reflexive_pronouns for c in doc.children(v)) or doc.lemma[v] in lex.intransitive_meeting_verbs
    return False
