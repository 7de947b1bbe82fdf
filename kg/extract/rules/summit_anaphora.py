"""The summit under discussion named by other words, for :mod:`kg.extract.rules.summits`: a gathering noun
(« la rencontre », « le conclave », « cette grand-messe », « les assises », « le prochain conclave amazonien »), a
summit noun with describing adjectives only (« le sommet extraordinaire », « un sommet extraordinaire conjoint »
right after a headline naming the summit), the next edition left elliptic (« accueillera le prochain, en 2029, à
Cork »), and a leaders' meeting named by who meets (« la cinquième réunion des présidents des États parties au
Traité ... »).

Most functions only read the article: they say what a phrase refers to (the summit under discussion, its next
or its previous edition) and where the phrase ends; :func:`kg.extract.rules.summits.summits` makes the mentions.
:func:`merge_summit` makes two summit entities one (the headline's and the lead's, :func:`headline_lead_pair`; a
name and its short name in brackets, :func:`bracketed_names`).
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.rules.summit_bodies import meeting_body
from kg.names import slug
from kg.extract.text import ordinal_value

__all__ = ["bracketed_names", "merge_summit", "headline_lead_pair", "topic_summit", "gathering_reference",
           "descriptive_summit", "elliptic_next", "leaders_meeting", "headline_only", "prospective_mention",
           "gathered_body", "body_gathering"]


def _determiner(ctx: ArticleContext, i: int) -> tuple[str, int] | None:
    """What the words before the noun at ``i`` make of it: (« current » / « next » / « previous », the first token
    of the phrase) after a definite article or a demonstrative (« la rencontre », « ce conclave », « le prochain
    conclave », « la précédente réunion »); ``None`` after anything else (« une réunion », « sa rencontre »)."""
    lex = ctx.lex
    k, which = i - 1, "current"
    if ctx.lower(k) in lex.next_words:
        k, which = k - 1, "next"
    elif ctx.lower(k) in lex.previous_words:
        k, which = k - 1, "previous"
    if k < 0 or ctx.lower(k) not in lex.definite_articles | lex.demonstratives:
        return None
    return which, (k + 1 if which != "current" else i)


def gathering_reference(ctx: ArticleContext, i: int) -> tuple[str, int, int] | None:
    """Is the gathering noun at ``i`` (``summit_anaphor_nouns``) the summit under discussion, its next or its previous
    edition: (which, start, end), or ``None``? In lower case, after a definite article or a demonstrative, with
    describing adjectives (« le conclave amazonien »), the place it meets in (« les assises de Nairobi ») or who
    meets (« la réunion des dirigeants ») after it; not another meeting (« la rencontre bilatérale », « la réunion
    de presse », « la rencontre avec X »), nor a named one (« le Forum économique mondial », « la réunion du comité »)."""
    doc = ctx.doc
    lex = ctx.lex
    if not doc.words[i].islower() or ctx.mention_at(i, ("Organization", "Event", "City", "Person")) is not None:
        return None
    found = _determiner(ctx, i)
    if found is None:
        return None
    which, start = found
    end = i + 1
    while end < len(doc) and doc.pos[end] == "ADJ" and doc.words[end].islower() and "-" not in doc.words[end] and (
            ctx.lower(end) not in lex.side_meeting_words):
        end += 1
    nxt = ctx.lower(end)
    if nxt in lex.side_meeting_words:
        return None
    if nxt in lex.of_forms | lex.of_forms_contracted:
        j = end + 1 + (ctx.lower(end + 1) in lex.definite_articles)
        city = ctx.mention_at(j, ("City",))
        if city is not None and city.start == j and ctx.lower(end) in ("de", "d'", "d’"):
            end = city.end  # « les assises de Nairobi »
        elif ctx.lower(end) == "des" and ctx.lower(end + 1) in lex.leader_group_nouns:
            end += 2  # « la réunion des dirigeants »
        elif doc.pos[end + 1] == "NOUN" and doc.words[end + 1].islower() and not ctx.overlaps_mention(end + 1, end + 2) and (
                ctx.lower(end + 1) not in lex.leader_group_nouns):
            return None  # « la réunion du comité », « la rencontre des ministres des Finances »: another meeting
        elif doc.pos[end + 1] in ("PROPN",) or ctx.overlaps_mention(end + 1, end + 2):
            return None  # « la réunion du G7 », « le forum de Davos » without its place known: named otherwise
    return which, start, end


def descriptive_summit(ctx: ArticleContext, i: int, end: int) -> bool:
    """Does the summit noun at ``i`` have only describing adjectives after it up to ``end`` (« le sommet
    extraordinaire », « un sommet extraordinaire conjoint », ``descriptive_summit_adjectives``): words that describe
    the summit under discussion, not another one's name?"""
    if end <= i + 1:
        return False
    return all(ctx.lower(k) in ctx.lex.descriptive_summit_adjectives for k in range(i + 1, end))


def headline_only(ctx: ArticleContext, key: str, i: int) -> bool:
    """Is the summit ``key`` named only in the headline (the text before the first blank line), and is token ``i``
    in the first paragraph after it: the lead that introduces, often with an indefinite (« pour un sommet
    extraordinaire conjoint »), the summit the headline names?"""
    text = ctx.article.text
    cut = text.find("\n\n")
    if cut < 0:
        return False
    idx = ctx.doc.idx
    spans = [s for s, _, k in ctx.summit_seq if k == key]
    if not spans or any(idx[s] > cut for s in spans) or idx[i] < cut:
        return False
    # the first paragraph with text after the headline: the lead
    nxt = text.find("\n\n", cut + 2)
    while nxt >= 0 and (len(text[cut:nxt].strip()) < 80 or _caption(ctx, text[cut:nxt])):
        cut, nxt = nxt, text.find("\n\n", nxt + 2)  # (a dateline, a « Publié le » line, a photo caption)
    return nxt < 0 or idx[i] < nxt


def _caption(ctx: ArticleContext, paragraph: str) -> bool:
    """« Photo : X et Y au palais de Z. © agence », « Lire aussi : ... »: a paragraph that is not the lead."""
    par = paragraph.strip().lower()
    return "©" in par or any(par.startswith(w) and not par[len(w):len(w) + 1].isalpha() for w in ctx.lex.caption_openers)


def elliptic_next(ctx: ArticleContext, i: int) -> int:
    """« L'Irlande accueillera le prochain, en 2029, à Cork », « la prochaine se tiendra à Lima »: a definite
    next-word with no noun after it, in a clause that hosts or places a meeting, is the next edition of the summit
    under discussion; the end of the phrase (0 if it is not one)."""
    doc = ctx.doc
    lex = ctx.lex
    if ctx.lower(i) not in lex.next_words or ctx.lower(i - 1) not in lex.definite_articles:
        return 0
    if i + 1 < len(doc) and (doc.pos[i + 1] in ("NOUN", "PROPN", "ADJ", "NUM") or doc.words[i + 1][:1].isalpha() and (
            doc.pos[i + 1] not in ("ADP", "VERB", "AUX"))):
        return 0  # « le prochain sommet », « la prochaine fois »
    sent = ctx.sent_at(i)
    verbs = lex.host_verbs | lex.place_verbs | lex.meeting_verbs
    if not any(doc.lemma[k] in verbs for k in range(sent.start, sent.end)):
        return 0
    return i + 1


def leaders_meeting(ctx: ArticleContext, i: int) -> bool:
    """« la cinquième réunion des présidents des États parties au Traité de coopération amazonienne », « la rencontre
    des chefs d'État de la Communauté andine »: a gathering noun after a definite article (and an ordinal), then
    who meets (``leader_group_nouns``), then a name (a capitalised word or a known body, country or place) before
    the phrase ends: a leaders' summit named by who meets."""
    doc = ctx.doc
    lex = ctx.lex
    k = i - 1
    if ctx.lower(k) in lex.ordinals or ordinal_value(doc.words[k]):
        k -= 1  # (not « la prochaine réunion des ... »: the next edition of a summit not named yet)
    if ctx.lower(k) not in lex.definite_articles | lex.demonstratives:
        return False
    if ctx.lower(i + 1) not in ("des", "de") or ctx.lower(i + 2) not in lex.leader_group_nouns:
        return False
    sent = ctx.sent_at(i)
    for j in range(i + 3, min(sent.end, i + 14)):
        if doc.pos[j] in ("VERB", "AUX", "PRON", "SCONJ") or doc.words[j] in (",", ";", ":", "(", "«", "."):
            return False
        if ctx.lower(j - 1) in ("d'", "d’") and ctx.lower(j - 2) in ("chef", "chefs", "cheffe", "cheffes"):
            continue  # « des chefs d'État »: who meets, not a name
        if ctx.overlaps_mention(j, j + 1) and ctx.mention_at(j, ("Organization", "Country", "City")) is not None:
            return True
        if doc.words[j][:1].isupper() and doc.pos[j] in ("PROPN", "NOUN"):
            return True
    return False


def prospective_mention(ctx: ArticleContext, i: int) -> bool:
    """« Doha accueillerait en janvier une conférence des donateurs », « le Japon organisera une réunion de suivi »:
    a summit introduced with an indefinite article as the object of a verb in the future or the conditional is a
    gathering still to come that the story mentions in passing, not the one it goes on about."""
    doc = ctx.doc
    k = i - 1
    if ctx.lower(k) in ctx.lex.ordinals or ctx.lower(k) in ctx.lex.next_words:
        k -= 1
    if ctx.lower(k) not in ctx.lex.indefinite_articles:
        return False
    t = i
    for _ in range(4):
        if doc.heads[t] == t:
            return False
        t = doc.heads[t]
        if doc.pos[t] in ("VERB", "AUX"):
            verbs = [t] + [c for c in doc.children(t) if doc.deps[c].startswith("aux")]
            # (the conditional by its ending too: the parser reads « accueillerait » as an imperfect)
            return any(doc.morph(v, "Tense") == "Fut" or doc.morph(v, "Mood") == "Cnd" or doc.lower[v].endswith(
                ("rait", "raient")) for v in verbs)
    return False


def topic_summit(ctx: ArticleContext, current: str) -> str:
    """The summit a gathering noun (« la rencontre ») refers to: the one named most so far (the story's, not a
    summit named in passing after it: « X, qui a accueilli le sommet du Mercosur »), the latest named on a tie;
    neither a previous nor a next edition."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    nexts = set(ctx.next_of.values())
    for n, (_, _, k) in enumerate(ctx.summit_seq):
        if k in ctx.ents and k not in ctx.prev_editions and k not in nexts:
            counts[k] = counts.get(k, 0) + 1
            last[k] = n
    if not counts:
        return current
    return max(counts, key=lambda k: (counts[k], last[k]))


def headline_lead_pair(ctx: ArticleContext) -> tuple[str, str] | None:
    """« Sommet de l'OCS : Pékin promet ... » then, in the lead, « lors du 25e sommet du Conseil des chefs d'État de
    l'organisation »: a summit named only in the headline and the first summit the lead names are one summit when
    nothing tells them apart (another edition number, another place or body in their names, a next or previous
    edition): (the headline's key, the lead's key), or ``None``."""
    text = ctx.article.text
    cut = text.find("\n\n")
    if cut < 0 or text[:cut].rstrip().endswith("."):
        return None  # (a headline ending with a full stop is a sentence like another)
    idx = ctx.doc.idx
    seq = sorted(ctx.summit_seq)
    nexts = set(ctx.next_of.values())
    head = {k for s, _, k in seq if idx[s] < cut}
    if len(head) != 1:
        return None
    h = next(iter(head))
    body = [(s, e, k) for s, e, k in seq if idx[s] > cut]
    if not body or any(k == h for _, _, k in body):
        return None
    s, e, lead = body[0]
    if not headline_only(ctx, h, s) or lead == h or {h, lead} & (nexts | set(ctx.prev_editions)) or h in ctx.next_of:
        return None
    eh, el = ctx.ents[h].attrs.get("edition"), ctx.ents[lead].attrs.get("edition")
    if eh is not None and el is not None and eh != el:
        return None
    for types in (("City", "Country"), ("Organization",)):
        # (bodies of the reference data only: « du Conseil des chefs d'État de l'organisation » is the OCS's)
        named_h = {m.key for hs, he, k in seq if k == h for m in ctx.mentions_in(hs, he, types) if _known(ctx, m.key)}
        named_l = {m.key for ls, le, k in seq if k == lead for m in ctx.mentions_in(ls, le, types) if _known(ctx, m.key)}
        if named_h and named_l and not named_h & named_l:
            return None
    return h, lead


def _known(ctx: ArticleContext, key: str) -> bool:
    """A place, or an organisation of the reference data (not a body the article names in its own words)."""
    ent = ctx.ents[key]
    return ent.type != "Organization" or ctx.ref.organization(ent.label) is not None


def bracketed_names(ctx: ArticleContext) -> None:
    """« La 31e Conférence des parties sur le climat (COP31) », « ... sur le financement du développement (FfD4) »:
    a short name in brackets right after a summit's name is the same summit (merged), or an alias of it."""
    words = ctx.doc.words
    for start, end, key in list(ctx.summit_seq):
        if key not in ctx.ents or end + 2 >= len(words) or words[end] != "(":
            continue
        # (« (TICAD 9) »: a name of two words too)
        inner = next((k for s, e, k in ctx.summit_seq if s == end + 1 and e <= end + 3 and e < len(words) and words[e] == ")"
                      and k != key and k in ctx.ents), None)
        if inner is None and words[end + 2] != ")":
            continue
        if inner is not None:
            merge_summit(ctx, key, inner)
        elif _short_name(words[end + 1]) and not ctx.mention_at(
                end + 1, ("Organization", "Country", "City")):  # (« sommet de l'Alliance des États du Sahel (AES) »: the body's)
            ctx.ents[key].aliases.add(words[end + 1])


def merge_summit(ctx: ArticleContext, key: str, into: str) -> None:
    """The summit ``key`` is ``into``: its names, mentions and relations move there, and so does the summit state."""
    ctx.merge(key, into)
    ctx.summit_seq[:] = [(s, e, into if k == key else k) for s, e, k in ctx.summit_seq]
    ctx.prev_editions[:] = [into if k == key else k for k in ctx.prev_editions]
    for a, b in list(ctx.next_of.items()):
        ctx.next_of.pop(a)
        ctx.next_of[into if a == key else a] = into if b == key else b


def _short_name(word: str) -> bool:
    """« FfD4 », « CIN »: capitalised, two capitals or more, and three letters or a number (« (AI) » after
    « ... l'intelligence artificielle » abbreviates its last words, not the summit)."""
    letters = [c for c in word if c.isalpha()]
    return word[:1].isupper() and sum(c.isupper() for c in word) >= 2 and (len(letters) >= 3 or any(c.isdigit() for c in word))


def gathered_body(ctx: ArticleContext) -> None:
    """« Les dirigeants des BRICS se sont retrouvés mardi à Kazan ... »: an article that names no summit, where a
    body's leaders gather (a gathering verb in the sentence), is about the body's summit, « sommet des BRICS »."""
    doc = ctx.doc
    verbs = ctx.lex.gathering_verbs | ctx.lex.meeting_verbs
    for sent in ctx.sents:
        found = meeting_body(ctx, sent.start, sent.end)
        if found is None or not any(doc.lemma[k] in verbs and doc.pos[k] == "VERB" for k in range(sent.start, sent.end)):
            continue
        body, prefix = found
        m = next(m for m in ctx.mentions_in(sent.start, sent.end, ("Organization",)) if m.key == body)
        name = f"sommet {prefix}{doc.span_text(m.start, m.end)}"
        key = f"summit/{slug(name)}"
        ctx.add("Summit", key, name, m.start, m.end, surface=name, rank=2)
        ctx.summit_seq.append((m.start, m.end, key))
        return


def body_gathering(ctx: ArticleContext, i: int, start: int | None = None) -> tuple[str | None, int]:
    """« leur réunion biennale » in a sentence where a body's leaders meet (« Les dirigeants du Commonwealth »): the
    body's summit, « sommet du Commonwealth », named by the gathering noun and its describing adjectives too."""
    doc = ctx.doc
    sent = ctx.sent_at(i)
    found = meeting_body(ctx, sent.start, sent.end)
    if found is None:
        return None, i + 1
    body, prefix = found
    end = i + 1
    while end < sent.end and doc.pos[end] == "ADJ" and doc.words[end].islower():
        end += 1
    label = next(m for m in ctx.mentions_in(sent.start, sent.end, ("Organization",)) if m.key == body)
    name = f"sommet {prefix}{doc.span_text(label.start, label.end)}"
    key = f"summit/{slug(name)}"
    start = i if start is None else start  # (« leur 52e réunion »: from the ordinal)
    ctx.add("Summit", key, name, start, end, surface=doc.span_text(start, end), rank=2)
    ctx.summit_seq.append((start, end, key))
    return key, end
