"""Where summits take place: ``hostCity``, ``hostCountry``, and ``locatedIn`` for cities.

Evidence: a place after a summit in its sentence (« qui se déroule à Londres »), in its name (« sommet de
Riga »), a country that hosts (« organisé par le Royaume-Uni »); weaker: the dateline, a place named
near the summit, the place the story keeps being set; implied: the host city's country.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import ArticleContext, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.attendance import remote
from kg.extract.rules.places import between, is_dateline, is_locative, participle_infinitive
from kg.records import Relation


def summit_relations(ctx: ArticleContext) -> None:
    """Host city and country of the summits and events of each sentence: the nearest place after one, a
    place in its name (« sommet de Riga »), a country after « au/en », a country that hosts (« accueillera »)."""
    doc = ctx.doc
    by_sent: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, k in ctx.summit_seq:
        by_sent.setdefault(ctx.sent_at(s).start, []).append((s, e, k))
    for m in ctx.mentions:
        ev = ctx.ents[m.key]
        if ev.type not in ("Event",):
            continue
        by_sent.setdefault(ctx.sent_at(m.start).start, []).append((m.start, m.end, m.key))
    for sent in ctx.sents:
        events = sorted(by_sent.get(sent.start, []))
        if not events:
            _venue_after(ctx, sent)
            continue
        if _asked(ctx, sent):
            continue  # « La prochaine conférence aura-t-elle lieu en Suisse ? »: a question, not where it is held
        # host city: « ... qui se déroule à Londres », « accueillerait la prochaine édition à Paris »
        # (the nearest place after a summit is its own; later ones are not — but « le sommet pour la paix à Gaza s'est
        # tenu à Charm el-Cheikh »: a place right after a topic is the topic's, the one the meeting verb governs hosts)
        after: dict[tuple[int, int, str], list[Mention]] = {}
        for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
            if not is_locative(ctx, c.start) or ctx.doc[c.start].is_sent_start or between(ctx, c.start):
                continue
            if any(s <= c.start < e for s, e, _ in events):
                continue  # « le sommet de Djerba »: that summit's place (below), not the one before
            before = [ev for ev in events if ev[1] <= c.start]
            if before:
                after.setdefault(before[-1], []).append(c)
        for (s, e, k), cands in after.items():
            c = cands[0]
            if c.start - e <= 1 and any(ctx.lower(j) in ctx.lex.topic_links for j in range(s, e)):
                c = next((x for x in cands[1:] if _met_at(ctx, x.start)), c)
            ctx.relate(k, "hostCity", c.key, s, c.end, confidence("place_after_summit"))
            _apposed_places(ctx, k, s, c)
        # « reçus au Grand Palais du peuple ... pour un sommet », « au centre de conférences X, à Yokohama »
        _venue_hosts(ctx, sent, events)
        # « pour Lusaka, en Zambie, où il participera au sommet de la SADC »
        _relative_where(ctx, sent, events)
        # « Coorganisée par le Kenya et la France, la rencontre réunit ... »
        _fronted_hosts(ctx, sent, events)
        # « ouvert vendredi au Japon »
        for c in ctx.mentions_in(sent.start, sent.end, ("Country",)):
            if ctx.lower(c.start - 1) not in ctx.lex.country_locative_preps and not _bare_country_after_a(ctx, c):
                continue
            before = [ev for ev in events if ev[1] <= c.start and ctx.ents[ev[2]].type == "Summit"]
            if before and c.start - before[-1][1] <= 8:
                s, e, k = before[-1]
                if c.start - e <= 1 and any(ctx.lower(j) in ctx.lex.topic_links for j in range(s, e)):
                    continue  # « la conférence pour la paix en Ukraine »: the topic's country, not the host
                if ctx.doc.lemma[ctx.doc.heads[c.start]] in ctx.lex.support_nouns:
                    continue  # « la conférence de soutien au Liban », « d'aide à l'Ukraine »: who is helped, not the host
                ctx.relate(k, "hostCountry", c.key, s, c.end, confidence("country_after_summit"))
        # « sommet de Riga », « Sommet de Paris » (not « le sommet sur Gaza »: a topic; not « la Conférence de Tokyo ..., qui s'est ouverte à Yokohama »:
        # a series named after a city, held where the sentence says)
        for s, e, k in events:
            told = next((c for c in ctx.mentions_in(e, min(sent.end, e + 25), ("City",)) if is_locative(ctx, c.start)
                         and not _is_venue(ctx, c) and not any(s2 <= c.start < e2 for s2, e2, _ in events)), None)
            for c in ctx.mentions_in(s, e, ("City",)):
                if any(ctx.lower(j) in ctx.lex.topic_links for j in range(s, c.start)):
                    continue
                if told is None or told.key == c.key:
                    ctx.relate(k, "hostCity", c.key, s, e, confidence("place_in_summit_name"))
        # host country: « organisé par le Royaume-Uni », « la France accueillera ... »; host city: « Nairobi a
        # accueilli le sommet », « la ville de Kigali accueille ... »
        for c in ctx.mentions_in(sent.start, sent.end, ("Country", "City")):
            found = _hosting_agent(ctx, c, events)
            if found is None:
                continue
            cand, verb = found
            is_city = ctx.ents[c.key].type == "City"
            ctx.relate(cand, "hostCity" if is_city else "hostCountry", c.key, min(c.start, verb), max(c.end, verb + 1),
                       confidence("hosting_verb"))


_INVERTED = ("-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles", "-on", "-vous", "-nous")


def _asked(ctx: ArticleContext, sent) -> bool:
    """Is the sentence a question with an inverted subject (« aura-t-elle lieu en Suisse ? », « est-ce que ... ? »)?"""
    words = [ctx.doc.words[i] for i in range(sent.start, sent.end) if ctx.doc.words[i].strip()]
    if not words or words[-1] != "?":
        return False
    text = "".join(ctx.doc.tws(i) for i in range(sent.start, sent.end)).lower()
    return "est-ce" in text or any(w.lower() == "-t" or w.lower().endswith(_INVERTED) for w in words)


def _apposed_places(ctx: ArticleContext, key: str, s: int, c: Mention) -> None:
    """« réuni à X, un complexe hôtelier de Y, dans le sud de la Z »: the place a summit is held in, described by an
    apposition naming the city it is in (« un complexe ... de Y ») and the country of that (« dans le sud de Z »),
    gives them as hosts too."""
    doc, lex = ctx.doc, ctx.lex
    j, n = c.end, len(doc)
    if j + 2 >= n or doc.words[j] != "," or ctx.lower(j + 1) not in ("un", "une"):
        return
    last = None
    for x in range(j + 2, min(n, j + 14)):
        if doc.words[x] in (".", ";", ":") or doc.pos[x] in ("VERB", "AUX"):
            break
        if doc.words[x] == ",":
            if last is None or ctx.lower(x + 1) != "dans":
                break
            continue  # (« ..., dans le sud de ... »)
        place = ctx.mention_at(x, ("City", "Country"))
        if place is None or place.start != x or not (ctx.lower(x - 1) in lex.of_forms_contracted or (
                ctx.lower(x - 1) in lex.definite_articles and ctx.lower(x - 2) in lex.of_forms)):
            continue
        if ctx.ents[place.key].type == "City" and last is None:
            ctx.relate(key, "hostCity", place.key, s, place.end, confidence("place_after_summit"))
            last = place
        elif ctx.ents[place.key].type == "Country" and last is not None:
            ctx.relate(key, "hostCountry", place.key, s, place.end, confidence("country_after_summit"))
            break


def _fronted_hosts(ctx: ArticleContext, sent, events: list[tuple[int, int, str]]) -> None:
    """« Coorganisée par le Chili et la Corée du Sud, la conférence se déroule ... », « Organisé par la France, le
    sommet ... »: a participle of a hosting verb opening the sentence, its agents before the comma, all host the
    summit right after the comma (read by its words: the parser often takes the capitalised participle for a name)."""
    doc = ctx.doc
    st = sent.start
    word = doc.lower[st].rstrip("s")
    word = word[:-1] if word.endswith("ée") else word
    if ctx.lower(st + 1) != "par" or not ({word[:-1] + "er", word + "r"} & ctx.lex.host_verbs):
        return
    comma = next((k for k in range(st + 2, min(sent.end, st + 16)) if doc.words[k] == ","), None)
    if comma is None:
        return
    after = [ev for ev in events if comma < ev[0] <= comma + 3 and ctx.ents[ev[2]].type == "Summit"]
    if not after:
        return
    s, e, key = after[0]
    for m in ctx.mentions_in(st + 2, comma, ("Country", "City")):
        pred = "hostCountry" if ctx.ents[m.key].type == "Country" else "hostCity"
        ctx.relate(key, pred, m.key, st, e, confidence("hosting_verb"))


def _relative_where(ctx: ArticleContext, sent, events: list[tuple[int, int, str]]) -> None:
    """« ... pour Lusaka, en Zambie, où il participera jeudi au sommet extraordinaire de la SADC », « à Nairobi, où
    s'ouvre la conférence »: the place « où » refers to hosts the summit its relative clause names (and the country
    put next to the place, the country)."""
    lex = ctx.lex
    for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
        k, country = c.end, None
        if ctx.doc.words[k:k + 1] == [","] and ctx.lower(k + 1) in lex.country_locative_preps:
            country = ctx.mention_at(k + 2, ("Country",))
            if country is None or country.start != k + 2 or ctx.doc.words[country.end:country.end + 1] != [","]:
                continue
            k = country.end
        if ctx.doc.words[k:k + 1] == [","]:
            k += 1
        if ctx.lower(k) != "où":
            continue
        inside = [ev for ev in events if k < ev[0] < sent.end and ctx.ents[ev[2]].type == "Summit"]
        if not inside:
            continue
        s, e, key = inside[0]
        ctx.relate(key, "hostCity", c.key, c.start, e, confidence("place_after_summit"))
        if country is not None:
            ctx.relate(key, "hostCountry", country.key, country.start, e, confidence("country_after_summit"))


def _met_at(ctx: ArticleContext, i: int) -> bool:
    """Is the place at ``i`` governed by a verb of meeting or taking place (« s'est tenu à X », « se réunissent à X »)?"""
    doc = ctx.doc
    h = doc.heads[i]
    verbs = ctx.lex.gathering_verbs | ctx.lex.meeting_verbs | ctx.lex.place_verbs
    return doc.lemma[h] in verbs or doc.lemma[doc.heads[h]] in verbs


def venue_name(ctx: ArticleContext, label: str) -> bool:
    """Is ``label`` the name of a venue (« palais de Lusail », « Grand Palais du peuple »: a venue noun in its first
    two words)?"""
    words = label.lower().split()
    return any(w in ctx.lex.venue_nouns for w in words[:2]) or len(words) >= 2 and words[-1] in ctx.lex.english_venue_heads


def _is_venue(ctx: ArticleContext, c: Mention) -> bool:
    """Is the city mention ``c`` a named venue (« château de X », « Grand Palais du peuple ») used as a place?"""
    lex = ctx.lex
    words = ctx.doc.lower[c.start : c.end]
    return (any(w in lex.venue_nouns for w in words[:2]) or len(words) >= 2 and words[-1] in lex.english_venue_heads) and (
        ctx.lower(c.start - 1) in lex.venue_preps or ctx.lower(c.start - 2) in ("à", "dans"))


def _venue_hosts(ctx: ArticleContext, sent, events: list[tuple[int, int, str]]) -> None:
    """A named venue in a summit's sentence hosts the nearest summit of the sentence, before or after it, and so
    does the city put next to it (« au centre de conférences Pacifico, à Yokohama »)."""
    summits = [ev for ev in events if ctx.ents[ev[2]].type == "Summit" and ev[2] not in ctx.prev_editions]
    if not summits:
        return
    for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
        if not _is_venue(ctx, c) or any(s <= c.start < e for s, e, _ in summits):
            continue
        s, e, k = min(summits, key=lambda ev: abs(ev[0] - c.start))
        ctx.relate(k, "hostCity", c.key, min(s, c.start), max(e, c.end), confidence("place_after_summit"))
        nxt = ctx.mention_at(c.end + 2, ("City",))
        if nxt is not None and nxt.start == c.end + 2 and ctx.doc.words[c.end] == "," and ctx.lower(c.end + 1) == "à":
            ctx.relate(k, "hostCity", nxt.key, min(s, c.start), max(e, nxt.end), confidence("place_after_summit"))


def _venue_after(ctx: ArticleContext, sent) -> None:
    """« Il y a été reçu ..., dont le pays accueillera les dirigeants au complexe présidentiel de X »: a named venue
    in a sentence that names no summit, where people are hosted or gather, hosts the summit named last in the
    two sentences before."""
    doc = ctx.doc
    lex = ctx.lex
    verbs = lex.host_verbs | lex.gathering_verbs | lex.place_verbs | lex.attend_verbs
    for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
        if not _is_venue(ctx, c):
            continue
        if not any(doc.pos[x] in ("VERB", "AUX") and doc.lemma[x] in verbs for x in range(sent.start, c.start)):
            continue
        first = ctx.sents[max(0, ctx.sent_no(sent.start) - 2)].start
        before = [(s, e, k) for s, e, k in sorted(ctx.summit_seq) if first <= s < sent.start and k not in ctx.prev_editions]
        if before:
            # (the summit the story is about when it is among them: « ... depuis celui d'Istanbul » is in passing)
            s, e, k = next((b for b in reversed(before) if b[2] == ctx.main_summit), None) or next(
                (b for b in reversed(before) if doc.lower[b[0]] not in ("celui", "celle")), before[-1])
            ctx.relate(k, "hostCity", c.key, s, c.end, confidence("place_near_summit"))


def _bare_country_after_a(ctx: ArticleContext, c: Mention) -> bool:
    """« à Bahreïn », « à Singapour », « à Cuba »: a country named without an article takes « à » as a location."""
    country = ctx.ref.country(ctx.ents[c.key].label)
    return ctx.lower(c.start - 1) == "à" and country is not None and not country.article


def _hosting_agent(ctx: ArticleContext, c: Mention, events: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """The summit the place at ``c`` hosts, and the hosting verb: the place is the subject or the agent of a
    hosting verb (« organisé par la France », « la France et le Costa Rica coorganisent », « la ville de X
    accueille ») whose clause names the summit."""
    doc = ctx.doc
    host_verbs = ctx.lex.host_verbs
    # the name's head (« Le Caire »: « Caire »)
    tok = doc[next((i for i in range(c.start, c.end) if not c.start <= doc.heads[i] < c.end or doc.heads[i] == i), c.start)]
    if ctx.ents[c.key].type == "City" and tok.dep_ == "nmod" and ctx.lower(tok.head.i) in ctx.lex.place_nouns:
        tok = tok.head  # « la ville de Kigali accueille »
    verb = None
    if tok.dep_ == "conj" and (tok.head.dep_ == "obl:agent" or ctx.lower(tok.head.i - 1) == "par"
                               or ctx.lower(tok.head.i - 2) == "par"):
        tok = tok.head  # « co-organisé par la France et le Costa Rica »: both host
    if tok.dep_ in ("obl:agent",) or ctx.lower(tok.i - 1) == "par" or ctx.lower(tok.i - 2) == "par":
        h = tok.head
        if h.lemma_.lower() in host_verbs:
            verb = h
    elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() in host_verbs:
        verb = tok.head
    elif tok.dep_ in ("obj", "nsubj:pass") and tok.head.lemma_.lower() in ctx.lex.passive_decision_verbs:
        # « a désigné le Sénégal pour abriter sa prochaine session », « Beyrouth a été choisie pour accueillir ... »
        verb = next((k for k in tok.head.children if k.dep_ in ("advcl", "xcomp") and k.lemma_.lower() in host_verbs
                     and any(m.lower_ == "pour" for m in k.children)), None)
    if verb is None:
        # « C'est l'Ouganda qui accueillera le prochain sommet », « le Kenya, qui accueillera le sommet, ... »
        verb = next((k for k in tok.children if k.dep_ in ("acl:relcl", "acl", "dep") and k.lemma_.lower() in host_verbs
                     and any(m.dep_ == "nsubj" and m.lower_ == "qui" and m.i in (c.end, c.end + 1) for m in k.children)), None)
    if verb is None or any(ctx.lower(k.i) in ctx.lex.verb_negations for v in (verb, verb.head) for k in v.children):
        return None
    # the summit the verb is about: a summit mention in the verb's subtree or its head
    cand = None
    for s, e, k in events:
        if ctx.ents[k].type != "Summit":
            continue
        toks = set(range(s, e))
        if any(t.i in toks for t in verb.subtree) or doc[s].head == verb or verb.head.i in toks or any(
            t.i in toks for t in verb.head.subtree if verb.dep_ in ("acl", "acl:relcl")):
            cand = k
            if verb.i < s:
                break
    return (cand, verb.i) if cand else None


def host_nouns(ctx: ArticleContext) -> None:
    """« l'hôte du sommet, le président brésilien », « le Brésil, pays hôte »: the country named by the host (its
    leader's nationality: implied) hosts the summit of the sentence, else the main one."""
    doc = ctx.doc
    for i, low in enumerate(doc.lower):
        if low not in ctx.lex.host_nouns:
            continue
        sent = ctx.sent_at(i)
        in_sent = [k for s, e, k in sorted(ctx.summit_seq) if sent.start <= s < sent.end and k not in ctx.next_parent]
        target = in_sent[0] if in_sent else ctx.main_summit
        if target is None or target in ctx.next_parent:
            continue
        country = None
        # « le Brésil, pays hôte »
        if ctx.lower(i - 1) == "pays" and ctx.lower(i - 2) == ",":
            country = ctx.mention_at(i - 3, ("Country",))
        # « l'Azerbaïdjan, hôte de la COP29, »: the country in apposition, host of the summit named after it
        if country is None and ctx.lower(i - 1) == "," and ctx.lower(i + 1) in ctx.lex.of_forms_contracted:
            before = ctx.mention_at(i - 2, ("Country",))
            after = next((k for s, e, k in sorted(ctx.summit_seq) if i + 1 < s <= i + 3), None)
            if before is not None and before.end == i - 1 and after is not None and after not in ctx.next_parent:
                country, target = before, after
        # « l'hôte du sommet, le président brésilien, X », « pays hôte, le Brésil »
        if country is None:
            k = i + 1
            while k < min(sent.end, i + 9) and country is None:
                if ctx.overlapping(k, k + 1) and not ctx.mention_at(k, ("Country", "Summit")):
                    break  # another name first: a person named without a nationality, an organisation
                country = ctx.mention_at(k, ("Country",))
                k += 1
        if country is None:
            continue
        implied = doc.pos[country.start] == "ADJ"
        ctx.relate(target, "hostCountry", country.key, min(i, country.start), max(i + 1, country.end),
                   confidence("host_noun"), implied=implied)


def dateline(ctx: ArticleContext) -> None:
    """« LUSAKA, 12 mai 2021 – »: where the article was filed hosts its summit, unless told otherwise."""
    if not ctx.main_summit or _has_host_city(ctx, ctx.main_summit):
        return
    first = ctx.mentions_in(0, 3, ("City",))
    if first and ctx.doc[first[0].start].text.isupper():
        m = first[0]
        ctx.relate(ctx.main_summit, "hostCity", m.key, m.start, m.end, confidence("dateline"))
        return
    # « Bruxelles (AFP) - », « PARIS — » opening one of the first sentences
    for m in ctx.mentions:
        if ctx.ents[m.key].type == "City" and is_dateline(ctx, m.start):
            ctx.relate(ctx.main_summit, "hostCity", m.key, m.start, m.end, confidence("dateline"))
            return
    # « De notre envoyé spécial à Tervala »: the reporter is where the summit is
    end = ctx.sents[min(2, len(ctx.sents) - 1)].end if ctx.sents else 0
    for m in ctx.mentions_in(0, end, ("City",)):
        if ctx.lower(m.start - 1) == "à" and any(
                [ctx.lower(k) for k in range(m.start - 1 - len(p.split()), m.start - 1)] == p.split() for p in ctx.lex.reporter_phrases):
            ctx.relate(ctx.main_summit, "hostCity", m.key, m.start, m.end, confidence("dateline"))
            return


def nearby_host_city(ctx: ArticleContext) -> None:
    """« réunis à Bruxelles pour le troisième sommet UE-CELAC », « organisée au château de Chantilly »: a
    summit still without a host city takes the place named next to it in a sentence that names it."""
    doc = ctx.doc
    for key in [k for k in dict.fromkeys(k for _, _, k in sorted(ctx.summit_seq))]:
        if key in ctx.next_parent or _has_host_city(ctx, key):
            continue
        best = None
        for s, e, k in ctx.summit_seq:
            if k != key:
                continue
            sent = ctx.sent_at(s)
            if remote(ctx, sent.start, sent.end):
                continue  # « dans un communiqué publié à Washington »: where words were sent from
            for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
                if doc[c.start].is_sent_start or not (is_locative(ctx, c.start) or ctx.lower(c.start - 2) in ctx.lex.venue_nouns):
                    continue
                if between(ctx, c.start):
                    continue
                if any(s2 <= c.start < e2 for s2, e2, k2 in ctx.summit_seq if k2 != key):
                    continue  # the place of another summit
                dist = c.start - e if c.start >= e else s - c.end
                if any(k2 != key and sent.start <= s2 < sent.end and (c.start - e2 if c.start >= e2 else s2 - c.end) < dist
                       for s2, e2, k2 in ctx.summit_seq):
                    continue  # « les conclusions du sommet seront portées à la COP28, qui se tiendra à Dubaï »
                if dist > 12 and _gathered_at(ctx, c.start):
                    dist = 12  # « X a réuni jeudi à Nairobi, ..., une cinquantaine de dirigeants pour un sommet »
                if dist <= 12 and (best is None or dist < best[0]):
                    best = (dist, c, s, e)
        if best:
            _, c, s, e = best
            ctx.relate(key, "hostCity", c.key, min(s, c.start), max(e, c.end), confidence("place_near_summit"))
    # the summit the story is about, still without a place: where the story keeps being set
    main = ctx.main_summit
    if main is None or _has_host_city(ctx, main):
        return
    # (another summit's place; an announcement's is where it was made, at this summit as well as anywhere)
    hosts_elsewhere = {o for (s_, p, o) in ctx.relations if p == "hostCity" and ctx.ents[s_].type != "Announcement"}
    counts: dict[str, list[Mention]] = {}
    for c in ctx.mentions:
        if ctx.ents[c.key].type == "City" and c.key not in hosts_elsewhere and is_locative(ctx, c.start) and not between(ctx, c.start):
            counts.setdefault(c.key, []).append(c)
    if counts:
        key, ms = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start))
        if len(ms) >= 2:
            ctx.relate(main, "hostCity", key, ms[0].start, ms[0].end, confidence("recurring_place"))
            return
    # « les dirigeants sont réunis ... à Bruxelles », « a annoncé à Bruxelles ..., au premier jour d'un sommet »:
    # the one place where people gather, or the one place of the summit's sentences
    places = {c.key: c for c in _gathering_places(ctx, main) if c.key not in hosts_elsewhere
              and not venue_name(ctx, ctx.ents[c.key].label)}  # (a venue alone leaves the town to be found)
    if len(places) == 1:
        c = next(iter(places.values()))
        ctx.relate(main, "hostCity", c.key, c.start, c.end, confidence("gathering_place"))


def _has_host_city(ctx: ArticleContext, key: str) -> bool:
    """Has the summit ``key`` a host city that is not only a named venue (« au palais de Lusail »: the city it is in
    is still to be found, by the dateline or the places near the summit)?"""
    return any(s == key and p == "hostCity" and not venue_name(ctx, ctx.ents[o].label) for (s, p, o) in ctx.relations)


def _gathered_at(ctx: ArticleContext, i: int) -> bool:
    """Is the place at ``i`` where the sentence's main verb gathers people (« a réuni ... à X »)?"""
    h = ctx.doc.heads[i]
    return ctx.doc.heads[h] == h and ctx.doc.lemma[h] in ctx.lex.gathering_verbs


def cleft_places(ctx: ArticleContext) -> None:
    """« C'est en Suède, à Göteborg, que se tiendra le prochain sommet »: the places put first host the
    summit after « que » (a next edition too)."""
    doc = ctx.doc
    lex = ctx.lex
    for sent in ctx.sents:
        st = sent.start
        if ctx.lower(st) not in lex.cleft_openers or ctx.lower(st + 1) != "est":
            continue
        # (« C'est dans la cité des lacs, Yamoussoukro, capitale politique du pays, ..., que s'est tenue ... »: the
        # « que » of the cleft may come after long appositions; the first one a meeting verb follows)
        q = next((k for k in range(st + 2, sent.end) if ctx.lower(k) in ("que", "qu'", "qu’") and any(
            doc.lemma[j] in lex.place_verbs | lex.gathering_verbs for j in range(k + 1, min(sent.end, k + 5)))), None)
        if q is None:
            continue
        target = next(((s, e, k) for s, e, k in sorted(ctx.summit_seq) if q < s < sent.end), None) or next(
            ((m.start, m.end, m.key) for m in ctx.mentions_in(q, sent.end, ("Summit",))), None)  # (« pour ce sommet »)
        if target is None:
            continue
        s, e, key = target
        for m in ctx.mentions_in(st + 2, q, ("City", "Country")):
            prep = ctx.lower(m.start - 1)
            if ctx.ents[m.key].type == "City" and prep == "," and m.start - st <= 12 and any(
                    ctx.lower(j) in lex.locative_preps for j in range(st + 2, m.start - 1)) and not ctx.mentions_in(
                    st + 2, m.start, ("City", "Country")):
                prep = "à"  # « C'est dans la cité des lacs, Yamoussoukro, ... »: the place in apposition to the one put first
            if ctx.ents[m.key].type == "City" and prep in lex.locative_preps | lex.venue_preps:
                ctx.relate(key, "hostCity", m.key, m.start, e, confidence("cleft_place"))
            elif ctx.ents[m.key].type == "Country" and (prep in lex.country_locative_preps or prep == "capitale" and any(
                    ctx.lower(j) in lex.locative_preps for j in range(st + 2, m.start - 1))):
                # (« C'est dans la capitale sierra-léonaise ... que ... »: the country of the capital)
                ctx.relate(key, "hostCountry", m.key, m.start, e, confidence("cleft_place"))


def gathering_country(ctx: ArticleContext) -> None:
    """« Réunis en Indonésie, les pays membres du G20 ... »: the one country where the article has people gather
    (« en/au X » governed by a gathering verb, in a sentence naming the main summit or its body) hosts the main
    summit, when nothing else says where."""
    main = ctx.main_summit
    if main is None or main in ctx.next_parent or any(s == main and p == "hostCountry" for (s, p, o) in ctx.relations):
        return
    doc = ctx.doc
    # the summit's sentences and those naming its body (« les pays membres du G20 »)
    spans = [(s, e) for s, e, k in ctx.summit_seq if k == main]
    bodies = {m.key for s, e in spans for m in ctx.mentions_in(s, e, ("Organization",))}
    sents = {ctx.sent_no(s) for s, _ in spans} | {ctx.sent_no(m.start) for m in ctx.mentions if m.key in bodies}
    others = {ctx.sent_no(s) for s, _, k in ctx.summit_seq if k != main}
    hosting = {o for (s, p, o) in ctx.relations if p == "hostCountry"}
    found = {}
    for c in ctx.mentions:
        if ctx.ents[c.key].type != "Country" or ctx.lower(c.start - 1) not in ctx.lex.country_locative_preps:
            continue
        if ctx.sent_no(c.start) not in sents or ctx.sent_no(c.start) in others or c.key in hosting:
            continue
        if doc.lemma[doc.heads[c.start]] in ctx.lex.gathering_verbs:
            found.setdefault(c.key, c)
    if len(found) == 1:
        c = next(iter(found.values()))
        ctx.relate(main, "hostCountry", c.key, c.start, c.end, confidence("gathering_place"))


def _gathering_places(ctx: ArticleContext, main: str) -> list[Mention]:
    """The cities used as a location in a sentence naming the summit ``main`` or governed (two heads up at most)
    by a gathering verb (« se réunir », « se retrouver », « s'ouvrir »)."""
    doc = ctx.doc
    sents = {ctx.sent_no(s) for s, _, k in ctx.summit_seq if k == main}
    others = [(s, e) for s, e, k in ctx.summit_seq if k != main]
    out = []
    for c in ctx.mentions:
        if ctx.ents[c.key].type != "City" or doc.sent_start[c.start] or not is_locative(ctx, c.start) or between(ctx, c.start):
            continue
        if any(s <= c.start < e for s, e in others):
            continue
        sent = ctx.sent_at(c.start)
        if remote(ctx, sent.start, sent.end):
            continue
        h, gathering = c.start, False
        for _ in range(2):
            h = doc.heads[h]
            # (« Réunis à X, ... »: a participle opening the sentence keeps its form as its lemma)
            gathering = gathering or doc.lemma[h] in ctx.lex.gathering_verbs or participle_infinitive(doc.lower[h]) in ctx.lex.gathering_verbs
        if gathering or ctx.sent_no(c.start) in sents or _fronted_gathering(ctx, c, sent):
            out.append(c)
    return out


def _fronted_gathering(ctx: ArticleContext, c: Mention, sent) -> bool:
    """« À Saint-Malo, les deux dirigeants ont signé ... », « À Bogota, les dirigeants ont adopté ... »: a place put
    first, before what the gathered leaders (a collective subject) did there."""
    doc = ctx.doc
    lex = ctx.lex
    if c.start - 1 != sent.start or ctx.lower(c.start - 1) != "à" or c.end >= sent.end or doc.words[c.end] != ",":
        return False
    return any(doc.deps[k] == "nsubj" and (doc.lower[k] in lex.collective_nouns or doc.lower[k] in lex.group_nouns)
               for k in range(c.end, sent.end))


def implied_relations(ctx: ArticleContext) -> None:
    """Implied: the host city's country hosts too (its country from the text, else the reference); a capital
    lies in its country when the article names that country (other cities only where the text says so,
    :func:`~kg.extract.rules.locations.stated_locations`)."""
    located = {s: o for (s, p, o) in ctx.relations if p == "locatedIn"}
    for (s, p, o), rel in list(ctx.relations.items()):
        if p == "hostCity" and ctx.ents[s].type == "Summit":
            # (from the reference only for the summit under discussion and its next edition: of a previous or a
            # side summit the article names the city, and a country named elsewhere in it is no sign of where
            # that one was held)
            known = s == ctx.main_summit or s in ctx.next_parent or (ctx.main_summit, "nextEdition", s) in ctx.relations
            country = located.get(o) or (_city_country(ctx, o) if known else None)
            if country and country in ctx.ents and (s, "hostCountry", country) not in ctx.relations:
                ev = replace(rel.evidence[0], confidence=confidence("host_city_country"), implied=True)
                ctx.relations[(s, "hostCountry", country)] = Relation(s, "hostCountry", country, (ev,), confidence("host_city_country"))
    for key, ent in ctx.ents.items():
        if ent.type != "City" or key in located:
            continue
        country = _capital_country(ctx, key)
        if country and country in ctx.ents:
            ev = replace(ent.evidence[0], confidence=confidence("capital_country"), implied=True)
            ctx.relations[(key, "locatedIn", country)] = Relation(key, "locatedIn", country, (ev,), confidence("capital_country"))


def _city_country(ctx: ArticleContext, key: str) -> str | None:
    city = ctx.ref.city(ctx.ents[key].label)
    return f"country/{city.country}" if city else None


def _capital_country(ctx: ArticleContext, key: str) -> str | None:
    """The key of the country whose capital the city ``key`` is, if it is one."""
    city = ctx.ref.city(ctx.ents[key].label)
    country = ctx.ref.country_by_iso3(city.country) if city else None
    return f"country/{country.iso3}" if country and country.capital == city.name else None
