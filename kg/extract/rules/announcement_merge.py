"""One news item told several times is one announcement: grouping the candidates of
:mod:`kg.extract.rules.announcements`.

Three ways a statement repeats an earlier one:

- a chain in one sentence: an announcing verb inside what another announces (« a décidé d'ouvrir ...,
  a annoncé X », « a proposé d'allouer », « s'est engagé à apporter »);
- an anaphor: the object is a definite or demonstrative announcement noun with nothing new
  (« a annoncé la décision positive de l'UE », « a signé la déclaration finale ») — it refers to the
  latest announcement by the same agent, or, for a document, to the latest document adopted;
- a repeat: the same agent and the same amount, or the same kind of thing with no other amount
  (« La Norvège promet jusqu'à 3 milliards de dollars » in a headline, « La Norvège a proposé ...
  jusqu'à 3 milliards de dollars » in the body).
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext

__all__ = ["group_candidates", "object_noun", "amount_key"]


def group_candidates(ctx: ArticleContext, cands: list, amount_of) -> list[list]:
    """The candidates (in text order) grouped by news item; ``amount_of(c)`` is a candidate's amount."""
    groups: list[list] = []
    amounts = {id(c): amount_key(amount_of(c)) for c in cands}
    for c in sorted(cands, key=lambda c: c.verb):
        if any(_same_sentence(ctx, o.verb, c.verb) and _by_which(ctx, o.verb, c.verb) for g in groups for o in g):
            continue  # what an act holds (« un accord, par lequel X s'engage à … »): the act is the news item
        g = (_chain_group(ctx, groups, c) or _anaphor_group(ctx, groups, c, amounts)
             or _repeat_group(ctx, groups, c, amounts))
        if g is None:
            groups.append([c])
        else:
            g.append(c)
    return _fold_headline(ctx, groups, amounts)


def in_headline(ctx: ArticleContext, i: int) -> bool:
    """Is token ``i`` in the article's headline: its first line, a sentence of its own not closed by a full stop?"""
    if ctx.sent_no(i) != 0 or len(ctx.sents) < 2:
        return False
    doc = ctx.doc
    sent = ctx.sents[0]
    last = next((k for k in range(sent.end - 1, sent.start - 1, -1) if not doc.words[k].isspace()), None)
    return last is not None and doc.words[last] not in (".", "…") and "\n" in doc.text_with_ws(sent.start, ctx.sents[1].start)


_NUMBER = re.compile(r"\d[\d\s\u202f\u00a0.,]*\s*(?:milliards?|millions?|mille)?", re.IGNORECASE)


def _numbers(ctx: ArticleContext, c) -> set[str]:
    """The sums' numbers said in what ``c`` announces (« 100 millions »), currency or not."""
    if not c.obj_toks:
        return set()
    text = ctx.doc.span_text(c.obj_toks[0], c.obj_toks[-1] + 1)
    return {re.sub(r"[\s\u202f\u00a0]+", " ", m.group(0)).strip(" ,.").lower() for m in _NUMBER.finditer(text)} - {""}


def _fold_headline(ctx: ArticleContext, groups: list[list], amounts: dict) -> list[list]:
    """« Pékin promet une aide de 2 milliards de yuans » as the headline, « Xi Jinping a annoncé que la Chine
    accorderait 2 milliards de yuans » in the body: a headline tells in short what the body tells; its
    statement joins the body's group with the same sum, or the same agents (metonyms included)."""
    out = [g for g in groups if not all(in_headline(ctx, c.verb) for c in g)]
    if len(out) == len(groups) or not out:
        return groups
    for g in groups:
        if g in out:
            continue
        nums = {n for c in g for n in _numbers(ctx, c)}
        keys = {a.key for c in g for a in c.agents}
        target = next((b for b in out if nums & {n for c in b for n in _numbers(ctx, c)}), None)
        if target is None:
            target = next((b for b in out if keys and keys <= {a.key for c in b for a in c.agents}), None)
        if target is None:
            out.append(g)
        else:
            # the headline's parse is rough: its agents count only when the body names them too
            theirs = {a.key for c in target for a in c.agents}
            for c in g:
                c.agents = [a for a in c.agents if a.key in theirs]
            target.extend(g)
    return sorted(out, key=lambda g: min(c.verb for c in g))


def object_noun(ctx: ArticleContext, c) -> int | None:
    """The noun of what is announced: the object, or the object of a verb complement (« annoncer que la
    France apporterait un soutien » → « soutien »)."""
    doc = ctx.doc
    h = c.head
    if h is None:
        for k in doc.children(c.verb):
            if doc.deps[k] in ("ccomp", "xcomp"):
                h = next((o for o in doc.children(k) if doc.deps[o] == "obj"), None)
                if h is not None:
                    break
    return h if h is not None and doc.pos[h] in ("NOUN", "PROPN") else None


def amount_key(amount: str | None) -> str | None:
    """« 3 milliards de dollars » and « 3 milliards de dollars » compare equal (spaces, « de »/« d' »)."""
    if not amount:
        return None
    words = re.findall(r"[\w€$]+", amount.lower().replace("’", "'"))
    return " ".join(w for w in words if w not in ("de", "d")) or None


def _same_sentence(ctx: ArticleContext, a: int, b: int) -> bool:
    return ctx.sent_no(a) == ctx.sent_no(b)


def _chain_group(ctx: ArticleContext, groups: list[list], c) -> list | None:
    for g in reversed(groups):
        for o in g:
            if c.kind == "list" and o.kind == "list":
                continue  # « trois décisions : X, Y et Z »: three items of one list, three announcements
            if _same_sentence(ctx, o.verb, c.verb) and (
                    o.verb == c.verb or c.verb in o.obj_toks or o.verb in c.obj_toks or _initialled(ctx, o.verb, c.verb)):
                return g
    return None


def _by_which(ctx: ArticleContext, v: int, p: int) -> bool:
    """« ont signé un accord, par lequel X s'engage à … », « aux termes duquel »: the verb ``p`` after a relative
    pronoun of a prepositional phrase tells what the act of ``v`` holds, not a second act."""
    doc = ctx.doc
    return p > v and any(c < p and doc.lower[c] in ctx.lex.prepositional_relatives for c in doc.children(p))


def _initialled(ctx: ArticleContext, v: int, p: int) -> bool:
    """« ont signé un protocole ..., paraphé par le ministre X »: the participle ``p`` of signing hung on the verb
    ``v`` tells the same act."""
    doc = ctx.doc
    return (doc.heads[p] == v and p > v and doc.deps[p] in ("advcl", "acl") and doc.morph(p, "VerbForm") == "Part"
            and doc.lemma[p] in ctx.lex.sign_verbs)


def is_anaphor(ctx: ArticleContext, c) -> bool:
    """Is the object a definite or demonstrative announcement noun that adds nothing (« la décision »)?"""
    doc = ctx.doc
    h = c.head
    if h is None or doc.lemma[h] not in ctx.lex.anaphoric_announce_nouns:
        return False
    if doc.words[h][:1].isupper() and not doc.sent_start[h]:
        return False  # « le Plan d'action de Nice »: a name, not a reference
    kids = doc.children(h)
    dets = [k for k in kids if doc.deps[k] == "det"]
    if not dets or not (doc.lower[dets[0]] in ctx.lex.definite_articles or doc.lower[dets[0]] in ctx.lex.demonstratives):
        return False
    # « la décision d'envoyer ... », « l'accord qui prévoit ... »: new content, not a reference
    return not any(doc.deps[k] in ("acl", "acl:relcl", "xcomp", "ccomp") for k in kids)


def _anaphor_group(ctx: ArticleContext, groups: list[list], c, amounts: dict) -> list | None:
    if not groups or not is_anaphor(ctx, c) or amounts[id(c)]:
        return None
    if ctx.lex.framed_announce_verbs.get(ctx.doc.lemma[c.verb]) == "join" and not c.inherit_about:
        return None  # « Le Luxembourg rejoindra l'initiative »: the group joined, not an announcement told again
    doc = ctx.doc
    docs = ctx.lex.document_nouns
    named = {m.key for u in doc.subtree(c.head) for m in [ctx.mention_at(u)] if m is not None}
    mine = set(c.agent_keys)
    if not named and groups and ctx.sent_no(c.verb) - ctx.sent_no(groups[-1][-1].verb) <= 3 and not docs & {doc.lemma[c.head]}:
        return groups[-1]  # « X a annoncé la décision »: the one just told
    for g in reversed(groups):
        if c.during is not None and not any(o.during is not None and o.during[0] == c.during[0] for o in g):
            return None  # « la déclaration finale au sommet du Brésil »: a text of its own summit
        theirs = {a.key for o in g for a in o.agents}
        if theirs & (mine | named):
            return g
        if doc.lemma[c.head] in docs and any(
                (h := object_noun(ctx, o)) is not None and doc.lemma[h] in docs for o in g):
            return g
    # « Ils ont signé un partenariat. Le texte a été paraphé par X et Y »: a text told in the sentence just
    # before (an agreement, a partnership), when no document was
    last = groups[-1]
    if (not named and doc.lemma[c.head] in docs and ctx.sent_no(c.verb) - ctx.sent_no(last[-1].verb) == 1
            and any((h := object_noun(ctx, o)) is not None and doc.lemma[h] in ctx.lex.announce_nouns for o in last)):
        return last
    return None


def _repeat_group(ctx: ArticleContext, groups: list[list], c, amounts: dict) -> list | None:
    doc = ctx.doc
    mine = {a.key for a in c.agents if not a.implied}
    noun = object_noun(ctx, c)
    for g in reversed(groups):
        theirs = {a.key for o in g for a in o.agents if not a.implied}
        if not mine & theirs:
            continue
        theirs_amounts = {amounts[id(o)] for o in g} - {None}
        if amounts[id(c)] and amounts[id(c)] in theirs_amounts:
            return g
        if (amounts[id(c)] and not theirs_amounts and ctx.sent_no(c.verb) - ctx.sent_no(g[-1].verb) <= 3
                and any(_support_lead(ctx, o) for o in g) and _topics(ctx, c) & {k for o in g for k in _topics(ctx, o)}):
            # « X a annoncé un soutien financier pour aider l'Égypte » then « X fournira 500 millions de dollars
            # pour l'Égypte »: the sum of the support announced in general terms
            return g
        if noun is None or (amounts[id(c)] and theirs_amounts):
            continue  # two different sums
        if _other_parties(ctx, c, g):
            continue  # « un accord avec le Maroc », then « un accord avec la Tunisie »: two deals
        if any((h := object_noun(ctx, o)) is not None and doc.lemma[h] == doc.lemma[noun] for o in g):
            return g
    return None


def _other_parties(ctx: ArticleContext, c, g: list) -> bool:
    """Do ``c`` and the group ``g`` each name a party (a co-agent or a topic) the other does not?"""
    mine = {a.key for a in c.agents} | _topics(ctx, c)
    theirs = {a.key for o in g for a in o.agents} | {k for o in g for k in _topics(ctx, o)}
    return bool(mine - theirs) and bool(theirs - mine)


def _support_lead(ctx: ArticleContext, c) -> bool:
    """Does ``c`` announce support in general terms (« l'octroi d'un soutien financier »), no sum?"""
    doc = ctx.doc
    return any(doc.lemma[u] in ctx.lex.support_nouns for u in c.obj_toks[:6])


def _topics(ctx: ArticleContext, c) -> set[str]:
    """The countries and organisations named in what ``c`` announces."""
    return {m.key for m in ctx.mentions_in(c.obj_toks[0], c.obj_toks[-1] + 1, ("Country", "Organization"))
            if m.start in set(c.obj_toks)} if c.obj_toks else set()
