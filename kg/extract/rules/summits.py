"""Summits and their editions: « COP28 », « le sommet du G7 », « la prochaine édition », « le 50e sommet ».

Evidence: a summit noun or acronym and the name phrase after it; ordinals and « prochain » make editions,
linked by ``nextEdition``; a bare « le sommet » is the summit under discussion. Fills ``summit_seq`` and
``next_of``; :func:`main_summit` then picks the summit the article is about.
"""

from __future__ import annotations

import re

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.summit_anaphora import (descriptive_summit, elliptic_next, gathering_reference, headline_only, leaders_meeting,
                                             prospective_mention, topic_summit, headline_lead_pair, bracketed_names,
                                             merge_summit, gathered_body, body_gathering)
from kg.extract.rules.summit_bodies import bodies_meeting, body_names, meeting_body
from kg.extract.rules.summit_phrases import (COP_NUMBER, conference, edition_time, future_clause, generic, idiom,
                                             latest_edition, ministerial_meeting, named_later, numbered_edition,
                                             numbered_own_summit, ordinal_at, predicative, pronoun_summits, same_noun,
                                             series_key, spaced_acronym, summit_mention_peek, two_leaders)
from kg.extract.text import APOS, editorial_note_tokens, is_date_word, ordinal_value, ordinal_word, series_name, strip_det_text
from kg.names import lookup_key as normalize
from kg.names import slug
from kg.records import Relation

_ACRONYM_NUMBER = re.compile(r"^([A-Z]{3,6})(\d{1,2})$")  # « UNOC3 »


def summits(ctx: ArticleContext) -> None:
    """Summit mentions in text order: acronyms with a number (« COP28 »), summit nouns with their name
    phrase, editions (« la prochaine édition »); the summit under discussion carries over to bare mentions."""
    doc = ctx.doc
    lex = ctx.lex
    summit_nouns = lex.summit_nouns
    acronyms = {a.lower() for a in lex.summit_acronyms}
    i = 0
    current: str | None = None
    lower, pos, n = doc.lower, doc.pos, len(doc)
    edition_nouns = lex.edition_nouns
    conference_nouns = lex.conference_nouns
    starters = (summit_nouns | edition_nouns | acronyms | conference_nouns | lex.session_nouns
                | lex.meeting_of_body_nouns)  # and « COP28 » (COP_NUMBER)
    # « UNOC3 »: an acronym with a number, in an article about a summit or conference
    numbered = any(w in summit_nouns or w in conference_nouns for w in lower)
    pending: list[tuple[int, int]] = []  # bare « ce sommet » before any summit is named
    bodies = bodies_meeting(ctx)  # « lors du Conseil européen », « le G20 de Rio »
    # « (Nouvelle version : ajoute ..., prochain sommet au dernier) »: a wire's note names no summit
    notes = editorial_note_tokens(doc)
    while i < n:
        if i in notes:
            i += 1
            continue
        if i in bodies:
            end, name = bodies[i]
            when = edition_time(ctx, end) if current else None
            if when is not None:
                # « le G20 de l'an prochain », « le G7 de 2024 »: another edition of the series under discussion
                which, stop = when
                if which == "previous":
                    _previous_edition(ctx, i, stop)
                else:
                    _next_edition(ctx, current, i, stop)
                i = stop
                continue
            current = _summit_key(ctx, name, i, end)
            edition = ordinal_value(doc.words[i]) or lex.ordinals.get(lower[i])
            if edition:  # « la 79e Assemblée générale des Nations unies »
                ctx.ents[current].attrs.setdefault("edition", edition)
            _summit_context(ctx, i, end, current)
            i = end
            continue
        low = lower[i]
        pair = two_leaders(ctx, i + 1) if low in lex.gathering_nouns else 0
        if pair:
            # « la rencontre Trump-Poutine », « la réunion Xi-Biden »: a meeting of two leaders named by them (not
            # a person « Trump-Poutine »)
            for m in {id(m): m for m in ctx.overlapping(i + 1, pair)}.values():
                ctx.remove_mention(m)
            key = _summit_key(ctx, doc.span_text(i, pair), i, pair)
            _summit_context(ctx, i, pair, key)
            current = key
            i = pair
            continue
        if low in lex.summit_anaphor_nouns and not (low in lex.meeting_of_body_nouns and ministerial_meeting(ctx, i)):
            if current is None and leaders_meeting(ctx, i):
                # « la cinquième réunion des présidents des États parties au Traité ... »: a leaders' summit
                key, end = _summit_mention(ctx, i, current)
                if key and key not in ctx.prev_editions:
                    current = key
                i = max(end, i + 1)
                continue
            numbered = ordinal_at(ctx, i - 1) if ctx.lower(i - 2) in ("leur", "leurs") else None
            if current is None and (ctx.lower(i - 1) in ("leur", "leurs") or numbered):
                # « Les dirigeants du Commonwealth ont nommé X en clôture de leur réunion biennale », « les chefs de
                # gouvernement de la X ont ouvert leur 52e réunion ordinaire »: the body's summit (that edition)
                key, end = body_gathering(ctx, i, start=i - 1 if numbered else i)
                if key is not None:
                    if numbered:
                        ctx.ents[key].attrs.setdefault("edition", numbered)
                    current = key
                    i = end
                    continue
            ref = gathering_reference(ctx, i) if current is not None else None
            if ref is not None:
                # « la rencontre », « ce conclave », « le prochain conclave amazonien »: the summit under discussion
                which, start, end = ref
                current = topic_summit(ctx, current)
                if which == "next":
                    key = _next_edition(ctx, latest_edition(ctx, current), start, end, series=doc.span_text(i, end))
                    nxt = ctx.ents[key]
                    if not nxt.attrs.get("edition") and nxt.label_rank <= 1:
                        # (named as written, « prochaine réunion des chefs », not « prochaine édition du réunion ... »)
                        nxt.aliases.add(nxt.label)
                        nxt.label = strip_det_text(doc.span_text(start, end))
                elif which == "previous":
                    _previous_edition(ctx, start, end)
                else:
                    ctx.add("Summit", current, ctx.ents[current].label, i, end, rank=0)
                    _summit_context(ctx, i, end, current)
                i = end
                continue
        if low in lex.next_words and current is not None:
            stop = elliptic_next(ctx, i)
            if stop:
                # « L'Irlande accueillera le prochain, en 2029, à Cork »: the next edition, its noun left out
                key = _next_edition(ctx, latest_edition(ctx, current), i, stop)
                ctx.ents[key].aliases.add(f"{doc.words[i].lower()} {series_name(ctx.ents[current].label)}")
                i = stop
                continue
        spaced = numbered and low not in acronyms and spaced_acronym(ctx, i)  # « la TICAD 9 »
        if low not in starters and low[:3] not in ("cop", "cmp") and not (numbered and _ACRONYM_NUMBER.match(doc.words[i])) \
                and not spaced:
            i += 1
            continue
        t = doc[i]
        m = COP_NUMBER.match(low) or (_ACRONYM_NUMBER.match(doc.words[i]) if numbered else None)
        if m or (low in acronyms and i + 1 < n and doc[i + 1].like_num) or spaced:
            end = i + 1 if m else i + 2
            num = int(m.group(2)) if m else int(doc[i + 1].text) if doc[i + 1].text.isdigit() else None
            name = f"{m.group(1).upper()}{num}" if m and num else doc[i:end].text if spaced else (
                f"{doc.words[i].upper()}{num}" if num and num < 100 else doc[i:end].text)  # « COP 29 »: « COP29 »
            key = f"summit/{slug(name)}"
            ent = ctx.add("Summit", key, name, i, end, rank=3)
            if num:
                ent.attrs.setdefault("edition", num)
            _summit_context(ctx, i, end, key)
            current = key
            i = end
            continue
        if low in acronyms and not m and pos[i] in ("NOUN", "PROPN", "X") and doc.words[i].isupper() and i > 0 and (
                lower[i - 1] in lex.definite_articles | lex.demonstratives | lex.of_forms_contracted | {"au", "à"}) and (
                not predicative(ctx, i)):
            # « la COP de Bakou », « cette COP », « à la COP »: the series' summit without its number
            key, end = _summit_mention(ctx, i, current)
            if key and key not in ctx.prev_editions:
                current = key
            i = max(end, i + 1)
            continue
        if low in lex.meeting_of_body_nouns and ministerial_meeting(ctx, i):
            # « la réunion des ministres des Affaires étrangères du G7 », « la réunion ministérielle de l'OMC »
            key, end = _summit_mention(ctx, i, current)
            if key and key not in ctx.prev_editions:
                current = key
            i = max(end, i + 1)
            continue
        if low in conference_nouns and not conference(ctx, i):
            i += 1
            continue
        # « la 64e session ordinaire de la Conférence des chefs d'État »: a session of a body's leaders
        session = low in lex.session_nouns and ctx.lower(i + 1) in lex.session_adjectives
        if low in lex.session_nouns and not session:
            i += 1
            continue
        if (low in summit_nouns or low in conference_nouns or session) and pos[i] in ("NOUN", "PROPN", "X"):
            if generic(ctx, i) or predicative(ctx, i) or low in summit_nouns and idiom(ctx, i):
                i += 1
                continue
            key, end = _summit_mention(ctx, i, current)
            if key and key not in ctx.prev_editions and not (current is not None and prospective_mention(ctx, i)):
                current = key  # (not a gathering still to come named in passing: « accueillerait une conférence »)
            elif key is None and end == i + 1 and i > 0 and any(
                    lower[k] in lex.definite_articles | lex.demonstratives or lower[k] in ("leur", "notre")
                    for k in ((i - 1, i - 2) if ordinal_at(ctx, i - 1) else (i - 1,))):
                if current is None and _body_summit(ctx, (i, end), probe=True) is None and not named_later(ctx, end):
                    key = numbered_own_summit(ctx, i, end)  # (« pour leur 8e sommet, les dirigeants ... »)
                    if key is not None:
                        _summit_context(ctx, i - 1, end, key)
                        current = key
                        i = max(end, i + 1)
                        continue
                pending.append((i, end))  # (« lors de leur sommet », « pour leur 16e sommet » of a body's leaders)
            i = max(end, i + 1)
            continue
        if low in edition_nouns:
            key, end = _edition_mention(ctx, i, current)
            if key and key not in ctx.prev_editions:
                current = key
            i = max(end, i + 1)
            continue
        i += 1
    _resolve_pending(ctx, pending)
    if not ctx.summit_seq:
        gathered_body(ctx)
    pair = headline_lead_pair(ctx)
    if pair is not None:
        merge_summit(ctx, *pair)  # the headline's summit is the one the lead names
    body_names(ctx)
    bracketed_names(ctx)
    pronoun_summits(ctx)


def _resolve_pending(ctx: ArticleContext, pending: list[tuple[int, int]]) -> None:
    """Bare « le sommet », « ce sommet », « la conférence » before any summit is named: the summit the article is
    about, named later (« ... ce sommet de cinq jours. ... l'UNOC3 »)."""
    main = _main(ctx)
    if main in ctx.prev_editions:
        main = None  # (« pour leur sixième sommet ... Le précédent sommet, à X, ... »: not the earlier edition)
    if main is None and pending:
        main = _body_summit(ctx, pending[0])
    if main is None:
        return
    for start, end in pending:
        edition = ordinal_at(ctx, start - 1)
        main_ed = ctx.ents[main].attrs.get("edition")
        if edition and isinstance(main_ed, int) and edition > main_ed and (edition == main_ed + 1 or future_clause(ctx, start)):
            # « leur sixième sommet ... Le septième sommet se tiendra à X », « pour accueillir le 18e sommet » after
            # « leur 17e sommet »: the next edition
            _next_edition(ctx, main, start - 1, end, edition=edition, linked=edition == main_ed + 1)
            continue
        if edition and main_ed not in (None, edition):
            continue
        if edition:
            ctx.ents[main].attrs.setdefault("edition", edition)
        ctx.add("Summit", main, ctx.ents[main].label, start, end, rank=0)
        _summit_context(ctx, start, end, main)
    ctx.summit_seq.sort()


def _body_summit(ctx: ArticleContext, mention: tuple[int, int], probe: bool = False) -> str | None:
    """« Les dirigeants du G7 se retrouvent lundi à X. Le sommet doit durer trois jours. »: an article naming no
    summit but « le sommet » of leaders of a body met in its sentence or the two before is « sommet du G7 »."""
    n = ctx.sent_no(mention[0])
    for k in range(n, max(-1, n - 3), -1):
        sent = ctx.sents[k]
        found = meeting_body(ctx, sent.start, sent.end)
        if found is None:
            continue
        if probe:
            return found[0]
        body, prefix = found
        name = f"{ctx.doc.words[mention[0]].lower()} {prefix}{ctx.doc.span_text(*next((m.start, m.end) for m in ctx.mentions if m.key == body and sent.start <= m.start < sent.end))}"
        key = f"summit/{slug(name)}"
        ctx.add("Summit", key, name, mention[0], mention[1], surface=name, rank=2)
        return key
    return None


def _summit_mention(ctx: ArticleContext, i: int, current: str | None) -> tuple[str | None, int]:
    """« Sommet sur la sécurité de l'IA », « sommet du G20 », « AI Safety Summit », « ce sommet »."""
    doc = ctx.doc
    t = doc[i]
    # English-style names ending in Summit: take the capitalised words before it
    if t.lower_ == "summit":
        s = i
        while s > 0 and doc[s - 1].text[:1].isupper() and ctx.sent_at(s - 1) == ctx.sent_at(i) and doc[s - 1].pos_ != "DET":
            s -= 1
        name = doc[s : i + 1].text
        key = _summit_key(ctx, name, s, i + 1)
        _summit_context(ctx, s, i + 1, key)
        return key, i + 1
    end = i + 1
    allowed_after = ctx.lex.summit_name_links
    stop_words = ctx.lex.summit_name_stops
    while end < len(doc) and end - i < 12:
        u = doc[end]
        if u.is_punct and u.text not in APOS and u.text != "-" and not (
                u.text in ("–", "‑") and ctx.mention_at(end + 1, ("Organization", "Country", "City"))):
            break  # (« le sommet Union africaine–Union européenne »: a dash between two names)
        if doc[end - 1].lower_ == "des" and u.text.isdigit() and int(u.text) <= 100 and (
                end + 1 >= len(doc) or doc[end + 1].pos_ not in ("CCONJ", "NOUN") and not is_date_word(doc[end + 1].text)):
            end += 1  # « le sommet des 27 »: the members, not a date
            break
        named = ctx.mention_at(end, ("Organization", "Country", "City"))
        if named is not None and named.start == end and doc[end - 1].lower_ in allowed_after:
            end = named.end  # « la conférence des Nations unies sur ... »: a name runs on as a whole
            continue
        if u.lower_ in ctx.lex.summit_topic_participles and ctx.lower(end + 1) in ("à", "au", "aux") and end - i == 1:
            end += 2  # « un mini-sommet consacré à l'Ukraine »: its topic names it
            if ctx.lower(end) in ctx.lex.definite_articles:
                end += 1
            continue
        if u.pos_ == "NUM" and u.text.isalpha() and doc[end - 1].pos_ == "DET" and end + 1 < len(doc) and (
                doc[end + 1].pos_ in ("NOUN", "PROPN")):
            end += 1  # « entre les deux Corées »: a number in words counting the parties
            continue
        if u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "NUM") or u.is_space:
            break
        if u.lower_ in stop_words and not (doc[end - 1].lower_ in allowed_after):
            break
        if u.lower_ in ("à",):
            break
        if u.pos_ == "ADP" and u.lower_ not in allowed_after:
            break
        if is_date_word(u.text) and u.lower_ not in ctx.lex.date_word_exceptions or u.lower_ in ctx.lex.time_nouns:
            break  # « le 20e sommet du G20 l'an prochain »: a time, not the name
        end += 1
    while end > i + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
        end -= 1
    # left: ordinal / first / next adjectives and a preceding capitalised name part
    s = i
    edition = None
    nxt = False
    if i > 0:
        prev = doc[i - 1]
        pl = prev.lower_
        if pl in ctx.lex.ordinals:
            edition = ctx.lex.ordinals[pl]
        elif ordinal_value(prev.text):
            edition = ordinal_value(prev.text)
        elif pl in ctx.lex.next_words and not (prev.text[:1].isupper() and not prev.is_sent_start):
            nxt = True  # (« au Nouveau Sommet Afrique-France »: a name, not the next edition)
        elif pl in ctx.lex.previous_words and ctx.lower(i - 2) not in ctx.lex.demonstratives:
            return _previous_edition(ctx, i - 1, end), end
    tail = doc[i + 1 : end]
    demonstrative = i > 0 and doc[i - 1].lower_ in ctx.lex.anaphoric_determiners
    when = edition_time(ctx, end) if not edition and not nxt else None
    if len(tail) == 0 and when is not None and current is not None:
        # « le sommet de l'an dernier », « le sommet de 2024 », « l'édition précédente », « le sommet de l'an prochain »
        which, stop = when
        if which == "previous":
            return _previous_edition(ctx, i, stop), stop
        return _next_edition(ctx, current, i, stop), stop
    if len(tail) == 0:
        # a bare « le sommet » / « ce Sommet »: the summit under discussion
        if edition and not nxt:
            numbered = numbered_edition(ctx, current, edition, i - 1, end)
            if numbered:
                return numbered, end
        if current and not nxt and not edition:
            current = same_noun(ctx, current, t.lower_)
        if nxt and current:
            return _next_edition(ctx, current, i - 1, end), end
        cur_ed = ctx.ents[current].attrs.get("edition") if current else None
        if current and edition and not cur_ed and future_clause(ctx, i):
            # « Le 33e sommet aura lieu l'an prochain à X »: a numbered summit still to come is the next one
            return _next_edition(ctx, current, i - 1, end, edition=edition), end
        if current and edition and isinstance(cur_ed, int) and edition < cur_ed and not future_clause(ctx, i):
            # « Réunis pour leur 8e sommet ... Lors du premier sommet, à X »: an earlier edition
            key = _previous_edition(ctx, i - 1, end)
            ctx.ents[key].attrs.setdefault("edition", edition)
            return key, end
        if current and edition and cur_ed and int(cur_ed) != edition:
            start = i - 1
            return _next_edition(ctx, current, start, end, edition=edition, linked=edition == int(cur_ed) + 1), end
        if current:
            ctx.add("Summit", current, ctx.ents[current].label, i, end, rank=0)
            _summit_context(ctx, i, end, current)
            if edition and "edition" not in ctx.ents[current].attrs:
                ctx.ents[current].attrs["edition"] = edition
            return current, end
        return None, end
    name = doc[i:end].text
    if edition and ordinal_value(doc[i - 1].text):
        name = doc[i - 1 : end].text
    if i >= 2 and ctx.lower(i - 1) == "au" and ctx.lower(i - 2) in ctx.lex.gathering_nouns:
        i, name = i - 2, doc[i - 2 : end].text  # « la rencontre au sommet entre les deux Corées »
    if demonstrative and current:
        ctx.add("Summit", current, ctx.ents[current].label, i, end, rank=0)
        return current, end
    if current and not edition and not nxt and current not in ctx.prev_editions and descriptive_summit(ctx, i, end) and (
            ctx.lower(i - 1) in ctx.lex.definite_articles or headline_only(ctx, current, i)):
        # « le sommet extraordinaire », « pour un sommet extraordinaire conjoint » in the lead under a headline
        # naming the summit: described, not named: the summit under discussion
        ctx.add("Summit", current, ctx.ents[current].label, i, end, rank=0)
        _summit_context(ctx, i, end, current)
        return current, end
    # apposition: « X Summit, le premier Sommet sur ... » names the same summit
    key = None
    if current and _is_apposition(ctx, i, current):
        key = current
        ctx.add("Summit", key, name, i, end, rank=0)
    elif nxt and current:
        return _next_edition(ctx, current, i - 1, end, series=name), end
    else:
        key = _summit_key(ctx, name, i, end)
    if edition:
        ctx.ents[key].attrs.setdefault("edition", edition)
    _summit_context(ctx, i, end, key)
    return key, end


def _is_apposition(ctx: ArticleContext, i: int, current: str) -> bool:
    doc = ctx.doc
    k = i - 1
    while k >= 0 and (doc[k].pos_ in ("DET", "ADJ", "NUM") or ordinal_value(doc[k].text)):
        k -= 1
    if k < 0 or doc[k].text != ",":
        return False
    prev = ctx.mention_at(k - 1, ("Summit",))
    return prev is not None and prev.key == current


def _summit_key(ctx: ArticleContext, name: str, start: int, end: int) -> str:
    # the same name (normalised) is the same summit — unless the edition numbers differ
    norm = normalize(series_name(name))
    edition = ordinal_value(name.split()[0]) if name.split() else None
    for e in ctx.ents.values():
        other = e.attrs.get("edition")
        if edition and isinstance(other, int) and other != edition:
            continue
        if e.type == "Summit" and e.key not in ctx.next_of.values() and (
                norm in {normalize(series_name(a)) for a in e.aliases | {e.label}}):
            ctx.add("Summit", e.key, name, start, end, rank=0)
            return e.key
    key = f"summit/{slug(name)}"
    ctx.add("Summit", key, name, start, end, rank=3 if name[:1].isupper() else 2)
    return key


def _edition_mention(ctx: ArticleContext, i: int, current: str | None) -> tuple[str | None, int]:
    """« la prochaine édition », « la deuxième édition du Sommet sur l'IA », « la 49e édition »."""
    doc = ctx.doc
    if i == 0:
        return None, i + 1
    prev = doc[i - 1]
    pl = prev.lower_
    edition = None
    nxt = pl in ctx.lex.next_words
    if pl in ctx.lex.ordinals:
        edition = ctx.lex.ordinals[pl]
    elif ordinal_value(prev.text):
        edition = ordinal_value(prev.text)
    if edition is None and not nxt:
        # « l'édition précédente », « l'édition de l'an dernier », « l'édition 2026 »
        when = edition_time(ctx, i + 1, bare_year=True)
        if when is None or current is None:
            return None, i + 1
        which, stop = when
        if which == "previous":
            return _previous_edition(ctx, i, stop), stop
        return _next_edition(ctx, current, i, stop), stop
    # « ... édition du Sommet X » / « de ce Sommet »
    end = i + 1
    series = None
    if end + 1 < len(doc) and doc[end].lower_ in ctx.lex.of_summit_forms and (
        doc[end + 1].lower_ in ctx.lex.summit_nouns or doc[end + 1].lower_ in ctx.lex.demonstratives):
        j = end + 1
        if doc[j].lower_ in ctx.lex.demonstratives:
            j += 1
        if j < len(doc) and doc[j].lower_ in ctx.lex.summit_nouns:
            skey, send = summit_mention_peek(ctx, j)
            series = doc[j:send].text if send > j + 1 else None
            end = send
    if current is None:
        if series is None:
            return None, end
        current = _summit_key(ctx, series, i + 2, end)
    if nxt and series is None:
        current = latest_edition(ctx, current)
    cur = ctx.ents[current]
    cur_ed = cur.attrs.get("edition")
    start = i - 1 if pl in ctx.lex.next_words or edition else i
    while start > 0 and doc[start - 1].pos_ == "DET":
        start -= 1
    if nxt or (edition and cur_ed and edition == int(cur_ed) + 1):
        key = _next_edition(ctx, current, start, end, series=series, edition=edition)
        return key, end
    if edition and (cur_ed is None or int(cur_ed) == edition):
        cur.attrs["edition"] = edition
        ctx.add("Summit", current, cur.label, start, end, rank=0)
        _summit_context(ctx, start, end, current)
        return current, end
    return None, end


def _next_edition(ctx: ArticleContext, current: str, start: int, end: int, series: str | None = None, edition: int | None = None,
                  linked: bool = True) -> str:
    cur = ctx.ents[current]
    cur_ed = cur.attrs.get("edition")
    if edition is None and cur_ed:
        edition = int(cur_ed) + 1
    if edition and not cur_ed and edition > 1:
        cur.attrs["edition"] = edition - 1
    existing = ctx.next_of.get(current)
    base = series or cur.label
    label = f"{ordinal_word(edition)} édition du {series_name(base)}" if edition else f"prochaine édition du {series_name(base)}"
    if existing and edition and ctx.ents[existing].attrs.get("edition") not in (None, edition):
        existing = None
    key = existing or f"{current}/edition-{edition or 'next'}"
    surface = ctx.doc[start:end].text
    if edition and any(t.lower_ in ctx.lex.summit_nouns for t in ctx.doc[start:end]) and not any(
            t.lower_ in ctx.lex.edition_nouns for t in ctx.doc[start:end]):
        label = strip_det_text(surface)  # « le 50e sommet »
    ent = ctx.add("Summit", key, label, start, end, surface=surface, rank=1)
    if series:
        ent.aliases.add(f"{strip_det_text(ctx.doc[start:end].text)}")
    if edition:
        ent.attrs["edition"] = edition
    if linked:
        ctx.next_of[current] = key
        ctx.relate(current, "nextEdition", key, start, end, confidence("next_edition"))
    _summit_context(ctx, start, end, key)
    return key


def _previous_edition(ctx: ArticleContext, start: int, end: int) -> str:
    """« lors du dernier sommet de la CPE », « depuis la précédente conférence sur l'océan »: the edition before
    the summit under discussion, its own summit (named as written), followed by the main summit
    (:func:`main_summit` links them)."""
    name = ctx.doc.span_text(start, end)
    key = f"summit/{slug(name)}"
    ctx.add("Summit", key, name, start, end, rank=2)
    if key not in ctx.prev_editions:
        ctx.prev_editions.append(key)
    _summit_context(ctx, start, end, key)
    return key


def _summit_context(ctx: ArticleContext, start: int, end: int, key: str) -> None:
    ctx.summit_seq.append((start, end, key))


def main_summit(ctx: ArticleContext) -> None:
    """The summit the article is about: the one named most often (the first named on a tie), not a next or
    previous edition; ``next_parent``, the summit each next edition follows; a previous edition (« le dernier
    sommet ») is followed by the main summit."""
    ctx.next_parent = {v: k for k, v in ctx.next_of.items()}
    ctx.main_summit = _main(ctx)
    main = ctx.main_summit
    main_ed = ctx.ents[main].attrs.get("edition") if main else None
    for key in ctx.prev_editions:
        ed = ctx.ents[key].attrs.get("edition") if key in ctx.ents else None
        if isinstance(ed, int) and isinstance(main_ed, int) and main_ed - ed != 1:
            continue  # (« le premier sommet » of the 8th: an earlier edition, not the one before)
        if main and key != main and key in ctx.ents:
            s, e = next((s, e) for s, e, k in ctx.summit_seq if k == key)
            ctx.relate(key, "nextEdition", main, s, e, confidence("previous_edition"))


def _main(ctx: ArticleContext) -> str | None:
    parents = {v for v in ctx.next_of.values()}
    counts: dict[str, int] = {}
    for _, _, k in ctx.summit_seq:
        if k not in parents and k in ctx.ents:
            counts[k] = counts.get(k, 0) + 1
    if not counts:
        return None
    named = {k: c for k, c in counts.items() if k not in ctx.prev_editions} or counts
    return max(named, key=lambda k: (named[k], -min(s for s, _, kk in ctx.summit_seq if kk == k)))


def edition_links(ctx: ArticleContext) -> None:
    """Editions n and n+1 of the same series in one article: « COP28 » → « COP29 »."""
    series: dict[str, dict[int, str]] = {}
    for e in ctx.ents.values():
        ed = e.attrs.get("edition")
        if e.type != "Summit" or not isinstance(ed, int):
            continue
        if re.match(r"^[A-Z]{3,6} \d+$", e.label):  # « TICAD 8 », « TICAD 9 »
            series.setdefault(series_key(e.label), {})[ed] = e.key
            continue
        name = re.sub(r"\d+$", "", e.label) if re.match(r"^[A-Z]+\d+$", e.label) else series_name(e.label)
        series.setdefault(normalize(name), {})[ed] = e.key
    for eds in series.values():
        for n, key in eds.items():
            nxt = eds.get(n + 1)
            if nxt and not any(k[0] == key and k[1] == "nextEdition" for k in ctx.relations):
                ev = ctx.ents[nxt].evidence[0]
                ctx.relations[(key, "nextEdition", nxt)] = Relation(key, "nextEdition", nxt, (ev,), confidence("consecutive_editions"))


def later_edition(ctx: ArticleContext, key: str) -> bool:
    """A summit still to come (« qui accueillera la COP30 »): nothing is announced during it."""
    if key in ctx.next_parent:
        return True
    main = ctx.ents.get(ctx.main_summit) if ctx.main_summit else None
    ed, main_ed = ctx.ents[key].attrs.get("edition"), main.attrs.get("edition") if main else None
    return isinstance(ed, int) and isinstance(main_ed, int) and ed > main_ed
