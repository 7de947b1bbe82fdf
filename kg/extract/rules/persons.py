"""Persons: the NER's ``PER`` spans, names it missed after a title, short forms linked to full names.

Evidence: a ``PER`` span or a capitalised name after a role title (« le président kényan William Ruto »);
honorifics (« M. Le Drian ») and surnames alone are linked to the full name used elsewhere in the article.
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.rules.roles import is_civility, role_phrase_ok
from kg.extract.text import APOS, is_namey, name_key, name_words
from kg.names import slug


_SEPARATORS = ("·", "|", "•", "–", "—")


def persons(ctx: ArticleContext) -> None:
    """Persons from ``PER`` spans, ``split_persons`` and names after titles; role titles, places, bylines
    left out; a short form (« M. Macron », « Macron ») is the person of the full name it ends with."""
    doc = ctx.doc
    honor = ctx.lex.honorifics
    cands: list[tuple[int, int, bool]] = []  # start, end, honorific
    lower = doc.lower
    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"] + ctx.split_persons + _names_after_titles(ctx) + \
        _names_before_titles(ctx)
    countries_orgs = [(g.start, g.end) for g in ctx.gaz if g.label_ in ("COUNTRY", "ORG")]
    for start, end in sorted(set(spans)):
        toks = list(range(start, end))
        honorific = False
        while toks and (is_civility(ctx, toks[0]) or lower[toks[0]] in _EXCELLENCY_POSSESSIVES
                        and len(toks) > 1 and lower[toks[1]] in ctx.lex.civility_titles):
            if honorific and lower[toks[0]] in ctx.lex.given_name_honorifics:
                break  # « Monsieur Cheikh Tidiane Z »: after an honorific, « Cheikh » is a first name
            honorific = honorific or lower[toks[0]] in honor or lower[toks[0]].rstrip(".") in honor
            toks.pop(0)
        if start > 0 and (lower[start - 1] in honor):
            honorific = True
        if not toks:
            continue
        cut = next((n for n, u in enumerate(toks) if doc.words[u] in _SEPARATORS), None)
        if cut is not None:
            toks = toks[:cut]  # « Direct animé par Jonas Wirtz · Mis à jour le ... »: a header's parts are set apart
            if not toks:
                continue
        s, t = toks[0], toks[-1] + 1
        overlapping = [r for r in ctx.role_spans if r.start < t and s < r.end]
        if overlapping:
            r = overlapping[0]
            if r.start <= s and r.end >= t:
                continue  # « Président de la République »: a title, not a name
            if r.start <= s < r.end < t and (t - r.end >= 2 or doc.words[r.start].islower()):
                s = r.end  # « Président Emmanuel Macron », « le président Marsac »
            elif not (r.start == s and r.end - r.start == 1 and t - r.end == 1) or any(
                    g.label_ == "NAT" and g.start <= t - 1 < g.end for g in ctx.gaz):
                continue  # (« le Président ouzbek »: a title and a nationality, no name)
        text = doc.span_text(s, t)
        if not text[:1].isupper() or ctx.overlaps_mention(s, t):
            continue
        if s > 0 and lower[s - 1] in ctx.lex.street_nouns:
            continue  # « rue Jules-Barni », « boulevard Jean-Jaurès »: a street named after someone
        if ctx.ref.country(text) or ctx.ref.city(text) and t - s == 1:
            continue
        if any(a < t and s < b for a, b in countries_orgs):
            continue  # « X. La Géorgie »: a country or organisation is not part of a person's name
        cands.append((s, t, honorific))  # bylines too: « Par Jeanne Dupont, envoyée spéciale » names a person
    # « le Président Talon » after « Patrice Talon »: the title and the surname of a full name, not a name
    titles = {r.start for r in ctx.role_spans if r.end - r.start == 1}
    surnames = {lower[t - 1] for s, t, _ in cands if t - s >= 2 and s not in titles}
    cands = [(s + 1, t, hon) if s in titles and t - s == 2 and lower[t - 1] in surnames else (s, t, hon)
             for s, t, hon in cands]
    full = {}
    for s, t, hon in cands:
        if t - s >= 2 and (not hon or lower[s] not in ctx.lex.name_particles and lower[s + 1] not in ctx.lex.name_particles):
            name = doc.span_text(s, t)  # (« Monsieur Patrice Talon » is a full name, « M. Le Drian » a surname)
            full.setdefault(name_key(name), name)
    for s, t, hon in cands:
        name = doc.span_text(s, t)
        words = name_words(name)
        target = None
        if t - s >= 2 and not hon:
            target = name
            # « Oligui Nguema » in a headline, « Brice Clotaire Oligui Nguema » in the story: the one longer name it ends
            longer = [f for f in full.values() if len(name_words(f)) > len(words) and name_words(f)[-len(words):] == words]
            if len(longer) == 1:
                target = longer[0]
        else:
            for fk, fname in full.items():
                fw = name_words(fname)
                if len(words) < len(fw) and fw[-len(words):] == words:
                    target = fname
                    break
                if fw == words:
                    target = fname
                    break
            if target is None and len(words) == 1:
                hits = [f for f in full.values() if words[0] in name_words(f)[1:]]
                if len(hits) == 1:
                    target = hits[0]
        # « le président Trump », « le président brésilien Lula »: a lone name right after a title (and its nationality)
        nat_before = {g.start for g in ctx.gaz if g.label_ == "NAT" and g.end == s}
        titled = t - s == 1 and any(r.end == s or r.end in nat_before for r in ctx.role_spans)
        if target is None:
            if t - s < 2 and not hon and not titled:
                continue  # a lone word tagged PER with no full name to attach to (but « le président Trump »)
            target = name
        surface = doc.span_text(s - 1, t) if hon and s > 0 and lower[s - 1] in honor else name
        ent = ctx.add("Person", f"person/{slug(target)}", target, s, t, surface=surface,
                      rank=2 if target == name else 1)
        if titled and target == name:  # « le pape François »: the title and name as written, an alias
            title = next((r for r in ctx.role_spans if r.end == s), None)
            if title is not None:
                ent.aliases.add(doc.span_text(title.start, t))


_EXCELLENCY_POSSESSIVES = frozenset({"son", "sa", "leurs"})  # « Son Excellence », « Sa Majesté », « Leurs Excellences »


def _names_after_titles(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Names the NER missed right after a title: « le président kényan William Ruto »."""
    doc = ctx.doc
    out = []
    starts = []
    nat_end: dict[int, int] = {}
    for g in ctx.gaz:
        if g.label_ == "NAT":
            nat_end.setdefault(g.start, g.end)
    not_roles = [(g.start, g.end) for g in ctx.gaz if g.label_ != "ROLE"]
    words, lower, pos, sent_start, n = doc.words, doc.lower, doc.pos, doc.sent_start, len(doc)
    for r in ctx.role_spans:
        j = r.end
        while j in nat_end:
            j = nat_end[j]
        starts.append(j)
        # « le ministre azerbaïdjanais de l'Écologie Moukhtar Babaïev »: after the portfolio's common words
        p = _after_portfolio(ctx, j)
        if p is not None:
            starts.append(p)
        # « le président de la COP29, Moukhtar Babaïev, » — after the title's complement and a comma
        c = r.end
        while c < n and c - r.end < 8 and words[c] != "," and not sent_start[c]:
            c += 1
        if c < n and words[c] == "," and c > r.end and role_phrase_ok(ctx, r.end, c):
            starts.append(c + 1)
        elif j < n and words[j] == ",":
            starts.append(j + 1)  # « représenté par son vice-président, Amadou Belko »: right after the title
    # the last words of the article's full names (« le président brésilien Oyelaran » after « Marta Oyelaran »)
    surnames = {lower[e.end - 1] for e in doc.ents if e.label_ == "PER" and e.end - e.start >= 2}
    for j in starts:
        k = j
        while k < n and k - j < 5 and (
                (words[k][:1].isupper() and pos[k] in ("PROPN", "X", "NOUN", "ADJ"))
                or (lower[k] in ctx.lex.name_particles and k > j)
                or (words[k] == "-" and k > j and k + 1 < n and words[k + 1][:1].isupper())) and not sent_start[k]:
            k += 1  # (« Kassym-Jomart Tokaïev » in three tokens: the hyphen joins a compound first name)
        while k > j and lower[k - 1] in ctx.lex.name_particles:
            k -= 1
        alone = k - j == 1 and lower[j] in surnames  # a surname alone, whose full name the article gives
        if (k - j >= 2 or alone) and not any(doc.ent_type[i] == "PER" for i in range(j, k)) and not any(
                gs < k and j < ge for gs, ge in not_roles) and not ctx.overlaps_mention(j, k):
            out.append((j, k))
    return out


def _names_before_titles(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Names the NER missed right before a title in apposition: « a annoncé jeudi à Bruxelles Zeynep
    Quispe, le président du Conseil européen, ». Only words the NER left untagged, no place, country
    or organisation of the reference data, and a title that no name follows (« Air France, le PDG
    Ben Smith » names Ben Smith)."""
    doc = ctx.doc
    words, lower, pos, sent_start, n = doc.words, doc.lower, doc.pos, doc.sent_start, len(doc)
    not_roles = [(g.start, g.end) for g in ctx.gaz if g.label_ != "ROLE"]
    out = []
    for r in ctx.role_spans:
        c = r.start - 1
        if c >= 0 and lower[c] in ctx.lex.definite_articles:
            c -= 1
        if c < 2 or words[c] != "," or r.end < n and words[r.end][:1].isupper() and pos[r.end] == "PROPN":
            continue
        k = c
        # capitalised words (the tagger may take an unknown first name for a verb), up to the sentence's
        # first word, which must be a proper noun (« Hier, le président »: no name)
        while k > 0 and c - k < 4 and words[k - 1][:1].isupper() and not doc.ent_type[k - 1] and (
                pos[k - 1] in ("PROPN", "X") or not sent_start[k - 1] and pos[k - 1] in ("NOUN", "VERB", "ADJ")):
            k -= 1
            if sent_start[k]:
                break
        if c - k >= 2 and not any(gs < c and k < ge for gs, ge in not_roles) and not ctx.overlaps_mention(k, c):
            out.append((k, c))
    return out


def _after_portfolio(ctx: ArticleContext, j: int) -> int | None:
    """Where a name may start after a portfolio phrase at ``j`` (« de l'Écologie Moukhtar Babaïev » → the
    token of « Moukhtar »): the phrase's capitalised words are common French words, the name's are not."""
    doc = ctx.doc
    words, lower, n = doc.words, doc.lower, len(doc)
    if j >= n or lower[j] not in ctx.lex.of_forms_contracted:
        return None
    k = j + 1
    if k < n and (lower[k] in ctx.lex.definite_articles):
        k += 1
    seen = False
    while k < n and k - j < 8 and not doc.sent_start[k]:
        w = words[k]
        if w[:1].isupper() and not is_namey(doc.tokens[k]) and not (seen and doc.pos[k] == "PROPN"):
            seen = True  # « Écologie », « Affaires » (a proper noun after them starts the name: « Maria »)
        elif seen and (w[:1].islower() and doc.pos[k] in ("ADJ", "ADP", "DET", "CCONJ") or w in APOS):
            pass  # « étrangères », « et des »
        else:
            break
        k += 1
    return k if seen and k < n and words[k][:1].isupper() else None
