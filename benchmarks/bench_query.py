"""Benchmark (not a test): every saved query on synthetic graphs shaped like kg's, with rdflib in
memory and with the Oxigraph store (kg.store.KgStore, one named graph per article).

    .venv/bin/python benchmarks/bench_query.py                 # 10k, 100k, 1M triples
    .venv/bin/python benchmarks/bench_query.py --sizes 10000 100000 --rdflib-max 100000

Target: every saved query under 100 ms median on 1M triples with the Oxigraph store.
Times include turning the results into Python rows (kg.query.run_query), not just the engine.
Each query is timed with the parameters it is typically given (cases_for); rows are the rows
returned (rdflib's and Oxigraph's can differ: the rdflib graph merges articles the way
kg build does, the store's default graph is the plain union of the articles' graphs).
The store is filled with Oxigraph's bulk loader in the layout KgStore writes (store_quads;
--load kgstore goes through KgStore.add_extraction, as kg build --store does, and is slower).
rdflib is timed only up to --rdflib-max triples (default 150k: the 10k and 100k cases): beyond that a run takes minutes.

The synthetic corpus mimics a built article (≈ 790 triples: ~29 entities with mentions, ~34
relations with their assertions) drawing entities from shared pools (countries, cities, people,
organisations, summits), so entities recur across articles as in a real corpus.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.rdf.mapping import add_extraction, new_graph, to_graph  # noqa: E402
from kg.sparql.engine import run_query, saved_queries  # noqa: E402
from kg.records import Article, Entity, Evidence, Extraction, Relation  # noqa: E402
from kg.store.store import META_GRAPH, STORE, KgStore, _rdflib_to_ox_triples, content_hash, graph_iri  # noqa: E402
from kg.rdf.vocab import PREFIXES, article_iri  # noqa: E402

TARGET_MS = 100.0


def pools(rng: random.Random):
    countries = [f"C{i:02d}{chr(65 + i % 26)}" for i in range(195)]
    return {
        "country": [(f"country/{c}", f"Pays {c}") for c in countries],
        "city": [(f"city/ville-{i}", f"Ville {i}") for i in range(600)],
        "person": [(f"person/personne-{i}", f"Personne {i}") for i in range(3000)],
        "org": [(f"org/organisation-{i}", f"Organisation {i}") for i in range(400)],
        "summit": [(f"summit/sommet-{i}", f"Sommet {i}") for i in range(300)],
    }


def article(i: int, P, rng: random.Random) -> Extraction:
    aid = f"art-{i:06d}"
    text = "x" * 4000
    month = 1 + i % 12

    def evs(n, conf=1.0):
        out = []
        for _ in range(n):
            s = rng.randrange(0, 3900)
            out.append(Evidence(aid, f"Phrase {rng.randrange(10**6)} de l'article {aid} sur le sommet et les ministres.", s, s + rng.randrange(5, 60), conf))
        return tuple(out)

    ents, rels = [], []
    summits = rng.sample(P["summit"], 2)
    countries = rng.sample(P["country"], 5)
    cities = rng.sample(P["city"], 3)
    people = rng.sample(P["person"], 8)
    orgs = rng.sample(P["org"], 4)
    for k, (key, label) in enumerate(summits):
        ents.append(Entity(key, "Summit", label, (f"{label} alias",), (("edition", 1 + i % 30), ("endDate", f"2024-{month:02d}-12"), ("startDate", f"2024-{month:02d}-10")), evs(rng.randint(1, 4))))
    for key, label in countries:
        ents.append(Entity(key, "Country", label, (), (), evs(rng.randint(1, 5))))
    for key, label in cities:
        ents.append(Entity(key, "City", label, (), (), evs(rng.randint(1, 3))))
    for j, (key, label) in enumerate(people):
        attrs = (("portfolio", f"Portefeuille {j}"), ("role", f"ministre {j}")) if j < 4 else ()
        ents.append(Entity(key, "Minister" if j < 4 else "Person", label, (), attrs, evs(rng.randint(1, 4))))
    for key, label in orgs:
        ents.append(Entity(key, "Organization", label, (), (), evs(rng.randint(1, 2))))
    anns = []
    for j in range(3):
        key = f"announcement/{aid}-{j}"
        anns.append(key)
        ents.append(Entity(key, "Announcement", f"annonce {j} de {aid}", (), (("date", f"2024-{month:02d}-11"), ("summary", f"annonce {j} de {aid}")), evs(1)))
    c = lambda: rng.choice([0.6, 0.7, 0.8, 0.9, 1.0])  # noqa: E731
    R = lambda s, p, o: rels.append(Relation(s, p, o, evs(rng.randint(1, 2), c()), 0.8))  # noqa: E731
    s0 = summits[0][0]
    R(s0, "hostCountry", countries[0][0]); R(s0, "hostCity", cities[0][0]); R(summits[1][0], "hostCountry", countries[1][0])
    R(summits[1][0], "nextEdition", s0)
    for key, _ in people[:6] + orgs[:2] + countries[1:3]:
        R(s0, "attendee", key)
    for j in range(4):
        R(people[j][0], "ministerOf", countries[j % 5][0])
    for j in range(4, 7):
        R(people[j][0], "nationality", countries[(j + 1) % 5][0])
    for j in range(2):
        R(people[6 + j][0], "affiliation", orgs[j][0])
    for j, a in enumerate(anns):
        R(a, "announcedBy", people[j][0]); R(a, "during", s0); R(a, "hostCity", cities[j % 3][0])
    R(anns[0], "about", summits[1][0])
    for j in range(3):
        R(cities[j][0], "locatedIn", countries[j][0])
    return Extraction(Article(aid, text, f"2024-{month:02d}-15", title=f"Titre {aid}"), tuple(ents), tuple(rels))


def store_quads(exs: list[Extraction]):
    """The quads ``KgStore.add_extraction`` writes for ``exs`` into an empty store: each article's
    triples in its named graph, their union (each triple once) in the default graph, and the
    bookkeeping (key, content hash, triple count, date, source) in the meta graph."""
    import datetime as dt

    import pyoxigraph as ox

    default = set()
    meta_g = ox.NamedNode(str(META_GRAPH))
    xsd = PREFIXES["xsd"]
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    for ex in exs:
        key = ex.article.id
        triples = set(_rdflib_to_ox_triples(to_graph([ex])))
        g = ox.NamedNode(str(graph_iri(key)))
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object, g)
        default |= triples
        for p, o in ((STORE.key, ox.Literal(key)), (STORE.contentHash, ox.Literal(content_hash(triples))),
                     (STORE.tripleCount, ox.Literal(str(len(triples)), datatype=ox.NamedNode(xsd + "integer"))),
                     (STORE.modified, ox.Literal(now, datatype=ox.NamedNode(xsd + "dateTime"))),
                     (PREFIXES["prov"] + "wasDerivedFrom", ox.NamedNode(str(article_iri(key))))):
            yield ox.Quad(g, ox.NamedNode(str(p)), o, meta_g)
    for t in default:
        yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())


def load_store(path: Path, exs: list[Extraction], how: str = "bulk") -> None:
    """Make the kg store ``path`` from ``exs``: ``bulk`` writes :func:`store_quads` with Oxigraph's
    bulk loader (the same layout, much faster); ``kgstore`` adds them one by one as
    ``kg build --store`` does."""
    with KgStore.open(path) as st:
        if how == "kgstore":
            st.add_extractions(exs)
        else:
            st.oxigraph.bulk_extend(store_quads(exs))


def cases_for(ex: Extraction, names) -> list[tuple[str, str, dict]]:
    """(label, saved query, parameters): every saved query with the parameters it is typically
    run with, taken from the first article so that every case finds something. ``evidence`` is
    also timed with the relation alone, which lists the evidence of every ministerOf fact (a
    result that grows with the corpus: 6,399 rows at 1M triples)."""
    by_type = {}
    for e in ex.entities:
        by_type.setdefault(e.type, e)
    minister = by_type["Minister"]
    country = next(r.object for r in ex.relations if r.predicate == "ministerOf").split("/")[1]
    host = next(r.object for r in ex.relations if r.predicate == "hostCountry").split("/")[1]
    params = {
        "summits": [{}, {"country": host}],
        "attendees": [{"summit": by_type["Summit"].label}],
        "ministers": [{"country": country}],
        "announcements": [{"agent": minister.label}],
        "entity": [{"entity": minister.label}],
        "evidence": [{"predicate": "kg:ministerOf", "subject": minister.label}, {"article": ex.article.id},
                     {"predicate": "kg:ministerOf"}],
        "most-mentioned": [{}, {"type": "kg:Country"}],
        "articles": [{}],
    }
    out = []
    for name in names:
        for p in params.get(name, [{}]):
            label = name + (" " + ",".join(k for k in p) if p else "")
            out.append((label, name, p))
    return out


def timed(fn, runs: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        n = len(fn())
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--rdflib-max", type=int, default=150_000, help="time rdflib only up to this many triples (default: the 10k and 100k cases)")
    ap.add_argument("--load", choices=["bulk", "kgstore"], default="bulk",
                    help="fill the store with Oxigraph's bulk loader (default; same layout) or through KgStore.add_extraction like kg build --store")
    ap.add_argument("--runs", type=int, default=5, help="runs per query (median); rdflib uses min(3, runs)")
    args = ap.parse_args()
    names = list(saved_queries())
    failures = []
    for size in args.sizes:
        rng = random.Random(size)
        P = pools(rng)
        t0 = time.perf_counter()
        g = new_graph()
        exs = []
        i = 0
        while len(g) < size:
            ex = article(i, P, rng)
            exs.append(ex)
            add_extraction(g, ex)
            i += 1
        t_build = time.perf_counter() - t0
        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        try:
            t0 = time.perf_counter()
            load_store(tmp / "store", exs, args.load)
            t_store = time.perf_counter() - t0
            print(f"\n== {len(g):,} triples, {len(exs)} articles (rdflib graph built in {t_build:.1f}s; store loaded in {t_store:.1f}s)")
            print(f"{'query (parameters)':28} {'rows':>6} {'rdflib ms':>10} {'oxigraph ms':>12} {'ratio':>7}")
            with KgStore.open(tmp / "store", read_only=True) as st:
                for label, name, p in cases_for(exs[0], names):
                    ox_ms, n = timed(lambda: run_query(st, name, p), args.runs)
                    if len(g) <= args.rdflib_max:
                        rd_ms, n2 = timed(lambda: run_query(g, name, p), min(3, args.runs))
                        rd, ratio = f"{rd_ms:10.1f}", f"{rd_ms / ox_ms:6.0f}x"
                    else:
                        rd, ratio = f"{'skipped':>10}", f"{'':>7}"
                    flag = ""
                    if len(g) >= 900_000 and ox_ms >= TARGET_MS:
                        flag = "  > target"
                        failures.append((label, ox_ms))
                    print(f"{label:28} {n:6d} {rd} {ox_ms:12.1f} {ratio}{flag}", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    verdict = ("not measured (no size of about 1M triples)" if max(args.sizes) < 900_000 else
               "met" if not failures else "missed by " + ", ".join(f"{n} ({ms:.0f} ms)" for n, ms in failures))
    print(f"\ntarget: every saved query < {TARGET_MS:.0f} ms median on 1M triples with the Oxigraph store: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
