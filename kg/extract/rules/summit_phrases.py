"""How summits are named in running text, for :mod:`kg.extract.rules.summits`: which « conférence » or « réunion »
is a summit (« la conférence internationale sur X », « la réunion des ministres ... du G7 »), which summit noun names
none (« un sommet » under a negation, « ce sera la COP de la dernière chance »), and what a bare numbered or bare
« le sommet » refers to (« le XIXe Sommet » before « le XXe Sommet de la Francophonie »; « le sommet » after a
ministerial conference was named).
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.text import APOS, ordinal_value
from kg.names import lookup_key as normalize
from kg.names import slug

COP_NUMBER = re.compile(r"^(cop|cmp)[- ]?(\d+)$")  # « COP29 », « cop-21 », « CMP 5 »

__all__ = ["COP_NUMBER", "two_leaders", "numbered_own_summit", "named_later", "future_clause", "summit_mention_peek",
           "conference", "ministerial_meeting", "predicative", "generic", "idiom", "numbered_edition", "same_noun",
           "spaced_acronym", "series_key", "latest_edition", "edition_time", "ordinal_at", "pronoun_summits"]


def conference(ctx: ArticleContext, i: int) -> bool:
    """Is « conférence » at ``i`` a summit: of governments or of an international body (« la conférence des Nations
    unies sur le climat », « la conférence pour la paix », « la conférence internationale sur X »), or a bare « la
    conférence » while a summit is under discussion? Not « la conférence de presse », nor an organisation's name."""
    lex = ctx.lex
    if ctx.mention_at(i, ("Organization",)) is not None or i == 0:
        return False
    nxt = ctx.lower(i + 1)
    k = i - 1
    if ctx.lower(k) in lex.ordinals or ordinal_value(ctx.doc.words[k]) or ctx.lower(k) in lex.next_words:
        k -= 1  # « la quatrième Conférence internationale sur ... », « la prochaine conférence »: an edition of a series
    det = ctx.lower(k)
    # « une conférence internationale sur X », « une conférence ministérielle »: an indefinite one qualified as a
    # gathering of governments (an adjective of ``conference_links``, not a bare topic « une conférence sur X »)
    qualified = det in lex.indefinite_articles and nxt in lex.conference_links and ctx.doc.pos[i + 1] == "ADJ"
    if det not in lex.definite_articles | lex.demonstratives and det not in lex.previous_words and not qualified:
        return False
    if nxt in lex.conference_links:
        return True
    if nxt in lex.of_forms_contracted and ctx.lower(i + 2) in lex.press_words:
        return False
    if ctx.lower(i - 1) in lex.previous_words:
        return True  # « la précédente conférence du genre »: the edition before the one under discussion
    if any(ctx.lower(k) in lex.conference_nouns and ctx.lower(k + 2) in lex.press_words for k in range(i)) and (
            nxt not in lex.of_forms_contracted):
        return False  # after « une conférence de presse », a bare « la conférence » may be that one
    if nxt in lex.of_forms_contracted:
        j = i + 2 + (ctx.lower(i + 2) in lex.definite_articles)
        if ctx.mention_at(j, ("Organization",)) is not None:
            return True
        # « la conférence de Berlin sur la Libye »: named after the city it meets in, on a topic
        if ctx.mention_at(j, ("City",)) is not None and ctx.lower(ctx.mention_at(j, ("City",)).end) in lex.topic_links:
            return True
        # « la conférence des donateurs pour le Soudan », « la Conférence des Parties »
        if ctx.lower(j) in lex.conference_members:
            return True
        # « la conférence de reconstitution du Fonds mondial »: a body's conference, one noun before its name
        return ctx.doc.pos[j] == "NOUN" and ctx.lower(j + 1) in lex.of_forms_contracted and ctx.mention_at(
            j + 2 + (ctx.lower(j + 2) in lex.definite_articles), ("Organization",)) is not None
    # bare: « La conférence s'est conclue », « secrétaire général de la conférence »
    return ctx.doc.pos[i + 1] != "NOUN" if i + 1 < len(ctx.doc) else True


def ministerial_meeting(ctx: ArticleContext, i: int) -> bool:
    """Is « réunion » at ``i`` a meeting of an international body's ministers or leaders (« la réunion des ministres
    des Affaires étrangères du G7 », « la réunion ministérielle de l'OMC »): definite, with a group of office
    holders (or « ministérielle ») before the body of the reference data, in one noun phrase?"""
    lex = ctx.lex
    doc = ctx.doc
    det = ctx.lower(i - 1)
    # « une réunion de haut niveau sur X », « la réunion ministérielle sur X », « une réunion internationale »: a
    # gathering of governments by its own words
    high = [ctx.lower(j) for j in range(i + 1, i + 4)] == ["de", "haut", "niveau"]
    if det in lex.definite_articles | lex.demonstratives | lex.indefinite_articles and (
            high or ctx.lower(i + 1) in lex.conference_links and doc.pos[i + 1] == "ADJ"):
        return True
    if det not in lex.definite_articles | lex.demonstratives:
        return False
    sent = ctx.sent_at(i)
    members = False
    for j in range(i + 1, min(i + 15, sent.end)):
        if doc.pos[j] in ("VERB", "AUX", "PRON", "SCONJ") or doc.words[j] in (",", ";", ":", "(", "«"):
            return False
        low = doc.lower[j]
        if low in lex.group_nouns or low in lex.ministerial_adjectives:
            members = True
        m = ctx.mention_at(j, ("Organization",))
        if m is not None and m.start == j and ctx.lower(j - 1) in lex.of_forms_contracted | lex.definite_articles:
            return members and ctx.ref.organization(ctx.ents[m.key].label) is not None
    return False


def predicative(ctx: ArticleContext, i: int) -> bool:
    """« Ce sera la COP de la dernière chance », « Évian sera le sommet de la lutte contre ... »: a summit noun
    that is what something is said to be, with no body, country or city in its phrase, names no summit
    (« C'est le sommet du G7 qui ... » still does)."""
    doc = ctx.doc
    if not any(doc.deps[c] == "cop" for c in doc.children(i)):
        return False
    end = i + 1
    while end < len(doc) and doc.pos[end] not in ("PUNCT", "VERB", "AUX") and end - i < 12:
        end += 1  # (the summit's own phrase: « la COP de la dernière chance », not what follows the quote)
    return not ctx.mentions_in(i + 1, end, ("Organization", "Country", "City"))


def generic(ctx: ArticleContext, i: int) -> bool:
    """« n'a pas assisté à un sommet des dirigeants depuis ... »: an indefinite summit under a negation names none."""
    if ctx.lower(i - 1) not in ctx.lex.indefinite_articles:
        return False
    sent = ctx.sent_at(i)
    return any(ctx.lower(k) in ctx.lex.negation_adverbs for k in range(max(sent.start, i - 6), i))


def idiom(ctx: ArticleContext, i: int) -> bool:
    """« au sommet de l'État », « au sommet de sa carrière », « le sommet de la pyramide »: the top of something (a
    noun of ``summit_idiom_nouns`` or a possessive after « de »), no summit."""
    lex = ctx.lex
    if ctx.lower(i + 1) not in lex.of_forms_contracted:
        return False
    j = i + 2
    if ctx.doc.morph(j, "Poss") == "Yes" or ctx.lower(j) in ("sa", "son", "ses", "leur", "leurs", "ma", "mon", "notre"):
        return True  # « de sa gloire », « de leur carrière »
    if ctx.lower(j) in lex.definite_articles:
        j += 1
    return ctx.lower(j) in lex.summit_idiom_nouns and ctx.mention_at(j, ("Organization", "Country", "City")) is None


def numbered_edition(ctx: ArticleContext, current: str | None, edition: int, start: int, end: int) -> str | None:
    """A bare numbered « le XIXe Sommet » when another summit of the article carries a number: the same edition
    is that summit; the number before it is its previous edition (a summit of its own, followed by it); ``None``
    otherwise (the summit under discussion takes the number)."""
    cur_ed = ctx.ents[current].attrs.get("edition") if current else None
    if cur_ed == edition:
        return None
    numbered = [e for e in ctx.ents.values() if e.type == "Summit" and isinstance(e.attrs.get("edition"), int)
                and e.key not in ctx.prev_editions]
    same = next((e for e in numbered if e.attrs["edition"] == edition), None)
    if same is not None:
        ctx.add("Summit", same.key, same.label, start + 1, end, rank=0)
        ctx.summit_seq.append((start + 1, end, same.key))
        return same.key
    later = next((e for e in numbered if e.attrs["edition"] == edition + 1), None)
    if later is None:
        return None
    surface = ctx.doc.span_text(start, end)
    key = f"{later.key}/edition-{edition}"
    ent = ctx.add("Summit", key, surface, start, end, rank=1)
    ent.attrs["edition"] = edition
    ctx.relate(key, "nextEdition", later.key, start, end, confidence("consecutive_editions"))
    if key not in ctx.prev_editions:
        ctx.prev_editions.append(key)
    ctx.summit_seq.append((start, end, key))
    return key


def same_noun(ctx: ArticleContext, current: str, noun: str) -> str:
    """A bare « le sommet » after « la conférence ministérielle » was named: the last summit named with that noun
    (« ... la Conférence ministérielle, qui précédera le sommet »), else the summit under discussion."""
    if noun in normalize(ctx.ents[current].label).split():
        # « le 47e Sommet de l'ASEAN ... le sommet ASEAN-États-Unis, organisé en marge des travaux. En marge du
        # sommet, ... »: a summit named once, after the one the story keeps naming, does not take its bare mentions
        counts: dict[str, int] = {}
        for _, _, k in ctx.summit_seq:
            if k in ctx.ents and k not in ctx.prev_editions and k not in ctx.next_of.values():
                counts[k] = counts.get(k, 0) + 1
        top = max(counts, key=lambda k: counts[k]) if counts else current
        if top != current and counts.get(current, 0) == 1 and counts[top] >= 2 and noun in normalize(ctx.ents[top].label).split():
            return top
        return current
    for _, _, k in reversed(ctx.summit_seq):
        if k in ctx.ents and noun in normalize(ctx.ents[k].label).split() and k not in ctx.prev_editions:
            return k
    return current


_CAPITALS = re.compile(r"[A-Z]{3,6}")


def spaced_acronym(ctx: ArticleContext, i: int) -> bool:
    """« la TICAD 9 », « (TICAD 8) »: an acronym in capitals that names no known body, place or person, and an
    edition number (1 to 99) that does not count something (« 27 pays »), in an article about a summit."""
    doc = ctx.doc
    if i + 1 >= len(doc) or not _CAPITALS.fullmatch(doc.words[i]) or not doc.words[i + 1].isdigit():
        return False
    if not 1 <= int(doc.words[i + 1]) <= 99 or ctx.mention_at(i, ("Organization", "Country", "City", "Person", "Minister")):
        return False
    after = i + 2
    return after >= len(doc) or doc.pos[after] not in ("NOUN", "NUM") and doc.words[after] not in ("%", "h")


def series_key(label: str) -> str:
    """« TICAD 9 », « COP29 »: the series of a numbered acronym (« ticad », « cop »); other names as they are."""
    return normalize(re.sub(r"\s*\d+$", "", label)) if re.match(r"^[A-Z]{3,6}\s?\d+$", label) else normalize(label)


def latest_edition(ctx: ArticleContext, key: str) -> str:
    """« La TICAD 8 s'était tenue à Tunis. La prochaine édition ... »: the next edition follows the latest edition of
    the series the article names (« TICAD 9 »), not the earlier one named last."""
    seen = {key}
    while True:
        ed = ctx.ents[key].attrs.get("edition")
        if not isinstance(ed, int):
            return key
        later = next((k for k, e in ctx.ents.items() if e.type == "Summit" and k not in seen and e.attrs.get("edition") == ed + 1
                      and series_key(e.label) == series_key(ctx.ents[key].label)), None)
        if later is None:
            return key
        seen.add(later)
        key = later


def edition_time(ctx: ArticleContext, j: int, bare_year: bool = False) -> tuple[str, int] | None:
    """A time right after a bare summit noun at ``j`` that makes it another edition: (« previous » or « next », the
    end of the time words) for « de l'an dernier », « de l'année passée », « précédent », « de 2024 » (a year before
    the article's), « de l'an prochain », « de 2027 » (a later year); ``None`` otherwise."""
    lex = ctx.lex
    low = [ctx.lower(k) for k in range(j, j + 4)]
    if low[0] in ("précédent", "précédente", "passé", "passée", "dernier", "dernière") and ctx.doc.pos[j] == "ADJ":
        return "previous", j + 1
    if low[0] in ("suivant", "suivante") and ctx.doc.pos[j] in ("ADJ", "VERB"):
        return "next", j + 1  # « le sommet suivant »
    if bare_year and len(low[0]) == 4 and low[0].isdigit():
        j -= 1  # « l'édition 2026 »: the year with no « de »
    elif low[0] not in lex.of_forms_contracted:
        return None
    if low[1] in ("l'", "l’") and low[2] in ("an", "année"):
        if low[3] in ("dernier", "dernière", "passé", "passée", "précédent", "précédente"):
            return "previous", j + 4
        if low[3] in ("prochain", "prochaine"):
            return "next", j + 4
        return None
    year = ctx.doc.words[j + 1] if j + 1 < len(ctx.doc) else ""
    published = (ctx.article.published or "")[:4]
    if len(year) == 4 and year.isdigit() and published.isdigit() and year[:2] in ("19", "20"):
        if int(year) < int(published):
            return "previous", j + 2
        if int(year) > int(published):
            return "next", j + 2
    return None


def ordinal_at(ctx: ArticleContext, i: int) -> int | None:
    """The edition number an ordinal at token ``i`` gives (« 16e », « seizième »), or ``None``."""
    return (ordinal_value(ctx.doc.words[i]) or ctx.lex.ordinals.get(ctx.lower(i))) if i >= 0 else None


def pronoun_summits(ctx: ArticleContext) -> None:
    """« le sommet de l'OTAN ..., le premier organisé en Turquie depuis celui d'Istanbul »: « celui / celle de » a
    city, after a summit named in the sentence, is another summit of the same kind held in that city."""
    doc = ctx.doc
    lex = ctx.lex
    nouns = lex.summit_nouns | lex.conference_nouns | lex.gathering_nouns
    for i in range(1, len(doc) - 2):
        if doc.lower[i] not in ("celui", "celle") or doc.lower[i + 1] not in lex.of_forms:
            continue
        city = ctx.mention_at(i + 2, ("City",))
        if city is None or city.start != i + 2:
            continue
        sent = ctx.sent_at(i)
        before = [(s, e) for s, e, _ in ctx.summit_seq if sent.start <= s and e <= i]
        noun = next((doc.lower[j] for s, e in reversed(before) for j in range(s, e) if doc.lower[j] in nouns), None)
        if noun is None:
            continue
        name = f"{noun} {doc.words[i + 1]}{'' if doc.words[i + 1].endswith(APOS) else ' '}{doc.span_text(city.start, city.end)}"
        key = f"summit/{slug(name)}"
        ctx.add("Summit", key, name, i, city.end, surface=name, rank=2)
        ctx.summit_seq.append((i, city.end, key))
        ctx.relate(key, "hostCity", city.key, i, city.end, confidence("place_in_summit_name"))
    ctx.summit_seq.sort()


def two_leaders(ctx: ArticleContext, j: int) -> int:
    """The end of two capitalised names joined by a hyphen from token ``j`` (« Trump-Poutine », read as one token or
    three), after a definite article and a gathering noun, naming no place or body (« Bosnie-Herzégovine »); 0 if
    there are none."""
    doc = ctx.doc
    if j + 2 >= len(doc) or ctx.lower(j - 2) not in ctx.lex.definite_articles | ctx.lex.demonstratives:
        return 0
    if "-" in doc.words[j][1:]:
        parts, end = doc.words[j].split("-"), j + 1
    elif doc.words[j + 1] == "-" and not doc.whitespace(j) if hasattr(doc, "whitespace") else doc.words[j + 1] == "-":
        parts, end = [doc.words[j], doc.words[j + 2]], j + 3
    else:
        return 0
    if len(parts) != 2 or not all(p[:1].isupper() and p[1:].islower() and len(p) >= 2 for p in parts):
        return 0
    text = doc.span_text(j, end)
    if ctx.mentions_in(j, end, ("Country", "City", "Organization")) or ctx.ref.country(text) or ctx.ref.city(text):
        return 0
    return end


def numbered_own_summit(ctx: ArticleContext, start: int, end: int) -> str | None:
    """« Réunis lundi à X pour leur 8e sommet, les dirigeants ... », in an article naming no summit and no body
    meeting: the summit is « 8e sommet », as written."""
    edition = ordinal_at(ctx, start - 1)
    if not edition or ctx.lower(start - 2) not in ("leur", "leurs"):
        return None
    name = ctx.doc.span_text(start - 1, end)
    key = f"summit/{slug(name)}"
    ctx.add("Summit", key, name, start - 1, end, rank=1).attrs.setdefault("edition", edition)
    return key


def named_later(ctx: ArticleContext, j: int) -> bool:
    """Is a summit named by a capitalised name or an acronym after token ``j`` (« ... leur 16e sommet. ... la
    COP16 »), which « leur 16e sommet » may be?"""
    lex = ctx.lex
    acronyms = {a.lower() for a in lex.summit_acronyms}
    lower, words = ctx.doc.lower, ctx.doc.words
    for k in range(j, len(words)):
        if lower[k] in acronyms or COP_NUMBER.match(lower[k]):
            return True
        if lower[k] in lex.summit_nouns and k + 2 < len(words) and lower[k + 1] in lex.of_forms_contracted and (
                words[k + 2][:1].isupper() or words[k + 3:k + 4] and words[k + 3][:1].isupper()):
            return True  # « sommet de l'OCS », « sommet du G20 »
    return False


def future_clause(ctx: ArticleContext, i: int) -> bool:
    """Is the verb of the clause of token ``i`` in the future (« aura lieu », « se tiendra »)?"""
    doc = ctx.doc
    t = i
    for _ in range(4):
        if doc.heads[t] == t:
            break
        t = doc.heads[t]
        if doc.pos[t] in ("VERB", "AUX"):
            verbs = [t] + [c for c in doc.children(t) if doc.deps[c].startswith("aux")]
            return any(doc.morph(v, "Tense") == "Fut" for v in verbs)
    return False


def summit_mention_peek(ctx: ArticleContext, j: int) -> tuple[None, int]:
    """The end of a summit noun phrase starting at token ``j`` (no entity is created)."""
    doc = ctx.doc
    end = j + 1
    while end < len(doc) and end - j < 10:
        u = doc[end]
        if (u.is_punct and u.text not in APOS) or u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV") or u.lower_ == "à":
            break
        end += 1
    while end > j + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
        end -= 1
    return None, end
