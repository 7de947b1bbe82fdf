"""One summit named several ways in one article: « le sommet annuel des Nations unies sur le climat, COP27, »,
« le sommet pour la paix » and « la conférence pour la paix », « le sommet du G20 au Brésil » and « le sommet
de Rio de Janeiro », « la COP26 » and « la conférence internationale sur le climat ».

Evidence (each merges the later name into the summit it names again):

- an apposition of a numbered acronym and a description (« le sommet ..., COP27, qui »);
- the same name after another summit noun (« sommet pour la paix » / « conférence pour la paix »);
- a name that is only a place where a summit of the article is held (« le sommet du Brésil »,
  « du sommet de Rio de Janeiro » when the G20 summit is in Rio, or in Brazil);
- a description with no name in it (« le sommet sur le climat », « la conférence de l'ONU sur le climat »)
  while a summit that is not a body's own (« COP27 », « UNOC3 ») is under discussion;
- the same parties (« le sommet de l'OCS » / « le sommet de l'Organisation de coopération de Shanghai »,
  « sommet UE-Chine » / « sommet entre l'Union européenne et la Chine »): a name made only of the summit
  noun and the bodies or countries that meet, and another summit of exactly these;
- a name that is only a city the other summit's sentence goes to (« le sommet d'Ankara » ... « s'est rendu
  à Ankara pour préparer le sommet de l'OTAN »);
- a headline's description (« Oligui Nguema à Malabo pour un sommet extraordinaire sur la sécurité »): a
  summit named only in the title line, by a description, is the summit the article is about;
- the same edition number of the same body (« le 5e sommet du Conseil de l'Europe » / « ce cinquième sommet des chefs
  d'État et de gouvernement du Conseil de l'Europe »).

Never an edition named as another (« le prochain sommet », « le dernier sommet », another number).
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext
from kg.names import match_key
from kg.extract.rules.summits import main_summit

_NUMBERED = re.compile(r"^[A-Z]{3,6}\d{1,2}$")


def summit_variants(ctx: ArticleContext) -> None:
    """Merge the variant names of one summit (see the module), then choose the main summit again."""
    merged = False
    while True:
        pair = (_apposition(ctx) or _same_tail(ctx) or _same_parties(ctx) or _place_variant(ctx) or _sentence_place(ctx)
                or _headline(ctx) or _description(ctx) or _numbered_neighbour(ctx) or _same_edition(ctx))
        if pair is None:
            break
        old, new = pair
        _merge(ctx, old, new)
        merged = True
    if merged:
        main_summit(ctx)


def _editions(ctx: ArticleContext) -> set[str]:
    """Summits that are another edition than the one they are named after: not to be merged."""
    return set(ctx.next_of.values()) | set(ctx.next_of) | set(ctx.prev_editions)


def _mergeable(ctx: ArticleContext, a: str, b: str) -> bool:
    if a == b or a not in ctx.ents or b not in ctx.ents:
        return False
    if a in _editions(ctx) or b in _editions(ctx):
        return False
    ea, eb = ctx.ents[a].attrs.get("edition"), ctx.ents[b].attrs.get("edition")
    return not (ea and eb and ea != eb)


def _mergeable_into(ctx: ArticleContext, old: str, new: str) -> bool:
    """May ``old`` be merged into ``new``: ``old`` no edition of another, ``new`` no later or earlier edition
    (it may have a next edition), the same edition number and no other host city?"""
    if old == new or old not in ctx.ents or new not in ctx.ents or old in _editions(ctx):
        return False
    if new in ctx.next_of.values() or new in ctx.prev_editions:
        return False
    ea, eb = ctx.ents[old].attrs.get("edition"), ctx.ents[new].attrs.get("edition")
    if ea and eb and ea != eb:
        return False
    da, db = ctx.ents[old].attrs.get("startDate"), ctx.ents[new].attrs.get("startDate")
    if da and db and da != db:
        return False
    venue = ctx.lex.venue_nouns  # (a venue is in a city: no other place)
    hosts = [{o for (s, p, o) in ctx.relations if s == k and p == "hostCity"
              and not venue & set(ctx.ents[o].label.lower().split()[:2])} for k in (old, new)]
    return not (hosts[0] and hosts[1] and not hosts[0] & hosts[1])


def _parties(ctx: ArticleContext, start: int, end: int) -> tuple[frozenset[str], bool]:
    """The bodies and countries named in a summit mention, and whether the mention is made of nothing else
    (the summit noun, articles, « de », « entre », « et », dashes)."""
    doc = ctx.doc
    lex = ctx.lex
    named = ctx.mentions_in(start, end, ("Organization", "Country"))
    covered = {i for m in named for i in range(m.start, m.end)}
    glue = lex.summit_nouns | lex.of_forms_contracted | lex.definite_articles | {"entre", "et", "-", "–", "l'", "l’"}
    only = all(i in covered or doc.lower[i] in glue for i in range(start, end))
    return frozenset(m.key for m in named), only


def _same_parties(ctx: ArticleContext) -> tuple[str, str] | None:
    """« le sommet de l'OCS » and « le sommet de l'Organisation de coopération de Shanghai », « sommet UE-Chine »
    and « sommet entre l'Union européenne et la Chine »: one summit of the same parties, one of them named by
    nothing else."""
    doc = ctx.doc
    seen: dict[frozenset[str], list[tuple[str, bool]]] = {}
    for s, e, k in sorted(ctx.summit_seq):
        if not any(doc.lower[j] in ctx.lex.summit_nouns for j in range(s, e)):
            continue
        parties, only = _parties(ctx, s, e)
        if not parties:
            continue
        for other, other_only in seen.get(parties, []):
            if other != k and only and other_only:
                counts = {x: sum(1 for *_, kk in ctx.summit_seq if kk == x) for x in (k, other)}
                old, new = (other, k) if counts[k] > counts[other] or other in _editions(ctx) else (k, other)
                if _mergeable_into(ctx, old, new):
                    return old, new
        seen.setdefault(parties, []).append((k, only))
    return None


def _sentence_place(ctx: ArticleContext) -> tuple[str, str] | None:
    """« le sommet d'Ankara » ... « s'est rendu à Ankara pour préparer le sommet de l'OTAN »: a summit named only
    by a city is the summit whose sentence has « à » that city."""
    doc = ctx.doc
    lex = ctx.lex
    seq = sorted(ctx.summit_seq)
    for s, e, k in seq:
        inside = ctx.mentions_in(s, e, ("City",))
        if len(inside) != 1 or inside[0].end != e or ctx.mentions_in(s, e, ("Organization", "Country")):
            continue
        head = next((j for j in range(s, e) if doc.lower[j] in lex.summit_nouns), None)
        p = inside[0]
        if head is None or any(doc.lower[j] not in lex.of_forms_contracted | lex.definite_articles for j in range(head + 1, p.start)):
            continue
        for s2, e2, k2 in seq:
            if k2 == k or not _mergeable_into(ctx, k, k2):
                continue
            sent = ctx.sent_at(s2)
            if any(m.key == p.key and ctx.lower(m.start - 1) in ("à", "a") for m in ctx.mentions_in(sent.start, sent.end, ("City",))):
                return k, k2
    return None


def _headline(ctx: ArticleContext) -> tuple[str, str] | None:
    """A summit named only in the title line (the first line, no final stop, more text after it), by a
    description (no capitalised word but a global body's name), is the summit the article is about."""
    doc = ctx.doc
    cut = doc.text.find("\n")
    if ctx.main_summit is None or cut <= 0 or not doc.text[cut:].strip():
        return None
    line = doc.text[:cut].rstrip()
    if line[-1:] in (".", "!", "?", "»", '"') or len(line) > 200:
        return None
    in_title = [(s, e, k) for s, e, k in ctx.summit_seq if doc.idx[s] < cut]
    for s, e, k in in_title:
        if k == ctx.main_summit or any(doc.idx[s2] >= cut for s2, _, k2 in ctx.summit_seq if k2 == k):
            continue
        if _descriptive(ctx, s, e) and _mergeable_into(ctx, k, ctx.main_summit):
            return k, ctx.main_summit
    return None


def _numbered_neighbour(ctx: ArticleContext) -> tuple[str, str] | None:
    """« depuis l'édition précédente » ... « La TICAD 8 s'était tenue à Tunis » while the article is about « TICAD 9 »:
    the previous edition named without a number is the numbered summit one below the main summit's number."""
    main = ctx.main_summit
    ed = ctx.ents[main].attrs.get("edition") if main in ctx.ents else None
    if not isinstance(ed, int):
        return None
    for prev in ctx.prev_editions:
        if prev not in ctx.ents or prev == main or ctx.ents[prev].attrs.get("edition"):
            continue
        numbered = [k for k, e in ctx.ents.items() if e.type == "Summit" and k not in (main, prev)
                    and e.attrs.get("edition") == ed - 1 and k not in ctx.prev_editions]
        if len(numbered) == 1:
            return prev, numbered[0]
    return None


def _same_edition(ctx: ArticleContext) -> tuple[str, str] | None:
    """« le 5e sommet du Conseil de l'Europe » and « ce cinquième sommet des chefs d'État et de gouvernement du Conseil
    de l'Europe »: two names of one body's summit with the same edition number are one summit (merged into the
    article's main summit, else into the first named)."""
    seen: dict[tuple[int, frozenset[str]], str] = {}
    for s, e, k in sorted(ctx.summit_seq):
        ed = ctx.ents[k].attrs.get("edition") if k in ctx.ents else None
        bodies = frozenset(m.key for m in ctx.mentions_in(s, e, ("Organization",)))
        if not isinstance(ed, int) or not bodies:
            continue
        first = seen.setdefault((ed, bodies), k)
        if first != k:
            old, new = (first, k) if k == ctx.main_summit else (k, first)
            for a, b in ((old, new), (new, old)):  # (into the one that has a next edition, if any)
                if _mergeable_into(ctx, a, b):
                    return a, b
    return None


def _apposition(ctx: ArticleContext) -> tuple[str, str] | None:
    """« au sommet annuel des Nations Unies sur le climat, COP27, qui ... »: the description is the acronym's."""
    seq = sorted(ctx.summit_seq)
    doc = ctx.doc
    for (s1, e1, k1), (s2, e2, k2) in zip(seq, seq[1:]):
        if not _mergeable(ctx, k1, k2) or e1 >= len(doc) or doc.words[e1] != ",":
            continue
        gap = s2 - e1 - 1
        if gap > 1 or (gap == 1 and ctx.doc.pos[e1 + 1] != "DET"):
            continue
        n1, n2 = bool(_NUMBERED.match(ctx.ents[k1].label)), bool(_NUMBERED.match(ctx.ents[k2].label))
        if n1 != n2:
            return (k2, k1) if n1 else (k1, k2)
    return None


def _tail(ctx: ArticleContext, start: int, end: int) -> tuple[str, ...] | None:
    """The words of a summit mention after its summit noun (« pour la paix »), as names are compared;
    ``None`` for a mention not made of a summit noun and a name."""
    doc = ctx.doc
    lex = ctx.lex
    for k in range(start, end):
        if doc.lower[k] in lex.summit_nouns or doc.lower[k] in lex.conference_nouns:
            if any(doc.lower[j] in lex.previous_words | lex.next_words for j in range(start, k)):
                return None
            return tuple(match_key(doc.span_text(k + 1, end)).split()) if k + 1 < end else ()
    return None


def _same_tail(ctx: ArticleContext) -> tuple[str, str] | None:
    """« le sommet pour la paix » ... « la conférence pour la paix »: one name after two summit nouns."""
    seen: dict[tuple[str, ...], str] = {}
    for s, e, k in sorted(ctx.summit_seq):
        tail = _tail(ctx, s, e)
        if not tail:
            continue
        first = seen.setdefault(tail, k)
        if _mergeable(ctx, k, first):
            return k, first
    return None


def _place_variant(ctx: ArticleContext) -> tuple[str, str] | None:
    """« au sommet du Brésil », « du sommet de Rio de Janeiro », « le G20 de Rio »: a name that is only a place
    where another summit of the article is held (its host city or country, a city in its host country, the
    country of its host city)."""
    doc = ctx.doc
    places = _summit_places(ctx)
    for s, e, k in sorted(ctx.summit_seq):
        inside = ctx.mentions_in(s, e, ("City", "Country"))
        if len({(m.start, m.end) for m in inside}) != 1:
            continue
        # one place; a capital may be read both as its city and as its government (« le G20 de Lima a adopté »)
        p = next((m for m in inside if ctx.ents[m.key].type == "City"), inside[0])
        if _tail(ctx, s, e) is not None:
            head = next(j for j in range(s, e) if doc.lower[j] in ctx.lex.summit_nouns | ctx.lex.conference_nouns)
        else:  # « le G20 de Rio »: a body's name, then the place
            body = ctx.mention_at(s, ("Organization",))
            if body is None or body.start != s:
                continue
            head = body.end - 1
        if p.end != e or any(doc.lower[j] not in ctx.lex.of_forms_contracted | ctx.lex.definite_articles
                             for j in range(head + 1, p.start)):
            continue
        for other, where in places.items():
            if other != k and p.key in where and _mergeable(ctx, k, other):
                return k, other
    return None


def _summit_places(ctx: ArticleContext) -> dict[str, set[str]]:
    """For each summit with a host: its host city and country, the cities of its host country and the country of
    its host city."""
    located = {(s, o) for (s, p, o) in ctx.relations if p == "locatedIn"}
    out: dict[str, set[str]] = {}
    for (s, p, o) in ctx.relations:
        if p in ("hostCity", "hostCountry") and ctx.ents[s].type == "Summit":
            out.setdefault(s, set()).add(o)
    for s, where in out.items():
        extra = set()
        for o in where:
            if ctx.ents[o].type == "City":
                city = ctx.ref.city(ctx.ents[o].label)
                extra.update(c for (ci, c) in located if ci == o)
                if city:
                    extra.add(f"country/{city.country}")
            else:
                extra.update(ci for (ci, c) in located if c == o)
                extra.update(k for k, e in ctx.ents.items() if e.type == "City" and (city := ctx.ref.city(e.label))
                             and f"country/{city.country}" == o)
        where |= extra
    return out


def _description(ctx: ArticleContext) -> tuple[str, str] | None:
    """« lors du sommet sur le climat », « la conférence internationale sur le climat »: a summit named by a
    description alone (no capitalised word but a global body's name) is the summit under discussion, when that
    one is not the summit of a body named in it (a description does not rename « le sommet du G7 »)."""
    doc = ctx.doc
    current = None
    for s, e, k in sorted(ctx.summit_seq):
        if current and k != current and _descriptive(ctx, s, e) and _mergeable(ctx, k, current) and not _own_body(ctx, current) \
                and not (_ministers_meeting(ctx, current) and any(ctx.lower(j) in ctx.lex.summit_nouns for j in range(s, e))):
            return k, current
        if k not in _editions(ctx):
            current = k
    return None


def _ministers_meeting(ctx: ArticleContext, key: str) -> bool:
    """Is the summit ``key`` a meeting of ministers (« la réunion des ministres des Finances du G20 »)? Its leaders'
    « sommet annuel » is another gathering."""
    words = ctx.ents[key].label.lower().split()
    return bool(words) and words[0] in ctx.lex.meeting_of_body_nouns and "ministres" in words


def _descriptive(ctx: ArticleContext, s: int, e: int) -> bool:
    tail = _tail(ctx, s, e)
    if not tail:
        return False
    doc = ctx.doc
    global_bodies = ctx.lex.global_bodies
    for j in range(s, e):
        if doc.words[j][:1].isupper() and j != s:
            m = ctx.mention_at(j, ("Organization",))
            if m is None or m.key.split("/", 1)[-1] not in global_bodies:
                return False
    return True


def _own_body(ctx: ArticleContext, key: str) -> bool:
    """Is the summit ``key`` named after a body that is not a global one (« sommet du G7 », « sommet de l'OTAN »)?"""
    ent = ctx.ents[key]
    if _NUMBERED.match(ent.label):
        return False
    for s, e, k in ctx.summit_seq:
        if k == key:
            for m in ctx.mentions_in(s, e, ("Organization",)):
                if m.key.split("/", 1)[-1] not in ctx.lex.global_bodies:
                    return True
    return False


def _merge(ctx: ArticleContext, old: str, new: str) -> None:
    """``old`` is ``new``: its names, mentions and relations move (:meth:`ArticleContext.merge`), and so do its
    places in the summit sequence and edition links."""
    ctx.merge(old, new)
    ctx.summit_seq[:] = [(s, e, new if k == old else k) for s, e, k in ctx.summit_seq]
    ctx.next_of = {(new if a == old else a): (new if b == old else b) for a, b in ctx.next_of.items()}
    ctx.prev_editions[:] = [new if k == old else k for k in ctx.prev_editions]
