"""Where a city lies, when the text says so: « à Malaga, dans le sud de l'Espagne », « à Porto, au Portugal »,
« NAGOYA (Japon) »: the ``locatedIn`` relations the text states."""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.places import country_after, place_head


def stated_locations(ctx: ArticleContext) -> None:
    """Where the text says a city lies: « à Malaga, dans le sud de l'Espagne », « à Porto, au Portugal »,
    « NAGOYA (Japon) », « en Suède, à Göteborg », « au Japon dans la ville de Nagoya », « la station
    balnéaire égyptienne de X » (the country named elsewhere in the article)."""
    doc = ctx.doc
    lex = ctx.lex
    for c in ctx.mentions:
        if ctx.ents[c.key].type != "City":
            continue
        country = country_after(ctx, c.end)
        if country is None and ctx.lower(c.start - 1) == "à" and ctx.lower(c.start - 2) == ",":
            # « en Suède, à Göteborg »
            m = ctx.mention_at(c.start - 3, ("Country",))
            if m is not None and ctx.lower(m.start - 1) in lex.country_locative_preps:
                country = m
        if country is None:
            # « au Japon dans la ville de Nagoya », « la station balnéaire égyptienne de X »
            k = c.start - 1
            if ctx.lower(k) in lex.of_forms:
                k -= 1
            while k >= 0 and doc.pos[k] == "ADJ":
                nat = next((g for g in ctx.gaz if g.start == k and g.label_ == "NAT"), None)
                if nat is not None and f"country/{nat.id_}" in ctx.ents and place_head(ctx, k) is not None:
                    ctx.relate(c.key, "locatedIn", f"country/{nat.id_}", k, c.end, confidence("stated_location"))
                k -= 1
            if ctx.lower(k) in lex.place_nouns and ctx.lower(k - 1) in lex.definite_articles and ctx.lower(k - 2) == "dans":
                m = ctx.mention_at(k - 3, ("Country",))
                if m is not None and ctx.lower(m.start - 1) in lex.country_locative_preps:
                    country = m
        if country is not None:
            ctx.relate(c.key, "locatedIn", country.key, min(c.start, country.start), max(c.end, country.end),
                       confidence("stated_location"))
