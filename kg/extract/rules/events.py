"""Other events (« le salon Eurosatory », « le Forum économique mondial de Davos ») and the dates of summits
and events.

Evidence: an event noun followed by a name, or a capitalised event noun starting a name; the first date in
the sentence that introduces a summit or event (:func:`kg.extract.dates.find_dates`).
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.dates import find_dates
from kg.extract.lexicon import confidence
from kg.extract.text import APOS
from kg.names import slug


def events(ctx: ArticleContext) -> None:
    """Events other than summits: « le salon Eurosatory », « le Forum économique mondial de Davos »."""
    doc = ctx.doc
    nouns = ctx.lex.event_nouns
    words, pos, sent_start, n = doc.words, doc.pos, doc.sent_start, len(doc)
    for i, low in enumerate(doc.lower):
        if low not in nouns or ctx.mention_at(i):
            continue
        t = doc[i]
        # « l'évènement Eurosatory », « le salon Eurosatory », « le Forum de Davos »
        j = i + 1
        while j < n and (words[j][:1].isupper() or doc[j].like_num) and pos[j] in ("PROPN", "X", "NOUN", "NUM", "ADJ") and not sent_start[j]:
            j += 1
        if j > i + 1:
            name = doc.span_text(i + 1, j)
            if ctx.ref.country(name) or ctx.ref.city(name) or ctx.ref.organization(name):
                continue
            label = name if not words[i][:1].isupper() else doc.span_text(i, j)
            ctx.add("Event", f"event/{slug(label)}", label, i, j, surface=doc.span_text(i, j), conf=confidence("event_noun_name"), rank=2)
        elif words[i][:1].isupper() and not sent_start[i]:
            # « le Forum économique mondial de Davos », « la Conférence de Munich sur la sécurité »
            end = t.i + 1
            while end < len(doc) and end - t.i < 9:
                u = doc[end]
                if u.is_punct and u.text not in APOS or u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "NUM") or u.lower_ == "à":
                    break
                if u.pos_ == "NOUN" and not u.text[:1].isupper() and doc[end - 1].pos_ in ("ADP", "DET"):
                    break  # « Forum de la semaine » is not a name
                end += 1
            while end > t.i + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
                end -= 1
            if end > t.i + 1 and not ctx.ref.organization(doc[t.i:end].text):
                label = doc[t.i:end].text
                ctx.add("Event", f"event/{slug(label)}", label, t.i, end, conf=confidence("event_name"), rank=2)


def date_attrs(ctx: ArticleContext) -> None:
    """Start/end dates of summits and the date of events from the sentence that introduces them."""
    seen = set()
    for s, e, k in sorted(ctx.summit_seq) + [(m.start, m.end, m.key) for m in ctx.mentions if ctx.ents[m.key].type == "Event"]:
        ent = ctx.ents.get(k)
        if ent is None or k in seen or ent.attrs.get("startDate") or ent.attrs.get("date"):
            continue
        sent = ctx.sent_at(s)
        doc = ctx.doc
        text = doc.text_with_ws(s, sent.end)
        tense = "past" if any(doc.lemma_[t] in ("avoir", "être") and doc.morph(t, "Tense") == "Pres"
                              and doc.morph(doc.heads[t], "VerbForm") == "Part" for t in range(s, sent.end)) else "present"
        ds = find_dates(text[:160], ctx.article.published, tense)
        if not ds:
            continue
        seen.add(k)
        d = ds[0]
        if ent.type == "Summit":
            if len(d.values[0]) == 10:
                ent.attrs["startDate"] = d.first
                if len(d.values) > 1:
                    ent.attrs["endDate"] = d.last
        else:
            ent.attrs["date"] = d.first
