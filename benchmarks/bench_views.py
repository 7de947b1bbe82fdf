"""Time-to-interactive of ``kg view`` pages in headless Chromium, for 200, 2,000 and 5,000 entities.

    .venv/bin/python benchmarks/bench_views.py            # 200, 2000, 5000 nodes (2.5 edges per node)
    .venv/bin/python benchmarks/bench_views.py 2000 --edges 5000 --runs 3

The graphs are synthetic but built like real ones (``kg.records`` → ``kg.rdf.mapping.to_graph``: one
article per 20 entities, with title, date and URL; every entity with one to three mentions, every
relation with an assertion; sentences of about 150 characters). Each page is opened from ``file://`` in a
fresh tab; the time is read back from the page: ``window.kgReadyAt``, set on vis-network's first
``afterDrawing`` once the bounded stabilisation is done and physics is off (ms since navigation
start, so it includes parsing the inlined vis-network and building the data sets). Also printed:
the Python side (projection + layout + HTML), the page size and the time to draw a tooltip (the
median of ``kgShowTip`` over 50 nodes and 50 edges). The target is 3 s for 2,000 nodes
and 5,000 edges.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # tests/_browser.py: headless Chromium

from kg.records import RELATION_TYPES, Article, Entity, Evidence, Extraction, Relation  # noqa: E402

_KINDS = [("Person", "person"), ("Minister", "person"), ("Country", "country"), ("Organization", "org"),
          ("City", "city"), ("Summit", "summit"), ("Event", "event"), ("Announcement", "announcement")]
_WEIGHTS = [30, 12, 10, 15, 10, 8, 5, 10]


_FILLER = ("a déclaré lors de la conférence de presse que les discussions avaient porté sur la coopération "
           "économique, la sécurité régionale et le financement de la transition énergétique")


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1, n_articles: int | None = None):
    """An rdflib graph of ``n_nodes`` entities and ``n_edges`` relations, with provenance like a
    corpus's: articles with a title, a date and a URL; each entity mentioned in one to three
    sentences of about 150 characters (in one or several articles); each relation stated by a
    sentence naming both ends."""
    from kg.rdf.mapping import to_graph

    rng = random.Random(seed)
    n_articles = n_articles or max(1, n_nodes // 20)
    articles = [Article(f"a{k:04d}", "", f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}", f"https://news.example.org/{k}",
                        f"Article {k} : le sommet et ses suites") for k in range(n_articles)]
    ents: dict[str, list] = {a.id: [] for a in articles}
    rels_by_article: dict[str, list] = {a.id: [] for a in articles}
    keys, labels, home = [], [], []
    for i in range(n_nodes):
        cls, kind = rng.choices(_KINDS, _WEIGHTS)[0]
        keys.append(f"country/C{i:04d}" if kind == "country" else f"{kind}/{cls.lower()}-{i}")
        labels.append(f"{cls} {i}")
        attrs = (("role", "ministre des Essais"),) if cls == "Minister" else ()
        arts = sorted({rng.randrange(n_articles) for _ in range(rng.choice((1, 1, 2, 3)))})
        home.append(articles[arts[0]].id)
        for k in arts:
            art = articles[k].id
            ev = (Evidence(art, f"{labels[i]} {_FILLER} (phrase {i}-{k}).", i * 10, i * 10 + len(labels[i])),)
            ents[art].append(Entity(keys[i], cls, labels[i], (), attrs, ev))
    rels = set()
    # a spanning-ish backbone (preferential attachment) so the graph has a big component, then random edges
    for i in range(1, n_nodes):
        if len(rels) >= n_edges:
            break
        j = rng.randrange(0, i) if rng.random() < 0.5 else rng.randrange(0, max(1, i // 10))
        rels.add((i, j, rng.choice(RELATION_TYPES)))
    while len(rels) < n_edges:
        a, b = rng.randrange(n_nodes), rng.randrange(n_nodes)
        if a != b:
            rels.add((a, b, rng.choice(RELATION_TYPES)))
    for a, b, p in sorted(rels):
        art = home[a]
        sentence = f"{labels[a]} et {labels[b]} : {_FILLER} (relation {a}-{b})."
        rels_by_article[art].append(Relation(keys[a], p, keys[b], (Evidence(art, sentence, a, b + 1, 0.9),), 0.9))
    return to_graph([Extraction(art, tuple(ents[art.id]), tuple(rels_by_article[art.id])) for art in articles])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[200, 2000, 5000], help="numbers of entities")
    ap.add_argument("--edges", type=float, default=None,
                    help="number of relations (default: 2.5 per entity, i.e. 5,000 for 2,000 entities)")
    ap.add_argument("--runs", type=int, default=2, help="page loads per size; the median is printed")
    args = ap.parse_args(argv)

    from _browser import available, chromium, console_errors, open_view
    from kg.views import render_html, to_networkx

    why = available()
    if why:
        print(f"cannot run the benchmark: {why}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        for n in args.sizes:
            m = int(args.edges) if args.edges and len(args.sizes) == 1 else int(2.5 * n)
            g = synthetic_graph(n, m)
            t0 = time.perf_counter()
            G = to_networkx(g)
            t1 = time.perf_counter()
            out = render_html(G, Path(tmp) / f"view_{n}.html", title=f"benchmark {n}")
            t2 = time.perf_counter()
            times = []
            for _ in range(args.runs):
                driver.get("about:blank")
                times.append(open_view(driver, out, timeout=120) / 1000)
            # a tooltip drawn on hover: median over 50 nodes and 50 edges of kgShowTip (ms)
            tip_ms = driver.execute_script("""
                var ids = kgNodes.getIds().slice(0, 50).concat(kgEdges.getIds().slice(0, 50)), t = [];
                ids.forEach(function (id) { var t0 = performance.now(); kgShowTip(id); t.push(performance.now() - t0); });
                t.sort(function (a, b) { return a - b; }); return t[Math.floor(t.length / 2)];""")
            errors = console_errors(driver)
            drawn = driver.execute_script("return [kgNodes.length, kgEdges.length]")
            first = times[0]
            times.sort()
            tti = times[len(times) // 2]
            rows.append((n, G.number_of_edges(), t1 - t0, t2 - t1, out.stat().st_size / 1e6, tti, max(times), first,
                         tip_ms, drawn, errors))
    print("time-to-interactive in headless Chromium (median and worst of the page loads); Python side: "
          "projection of the RDF graph, layout + HTML")
    print(f"{'nodes':>6} {'edges':>6} {'project':>8} {'render':>7} {'page MB':>8} {'median':>8} {'worst':>7} "
          f"{'tooltip':>8}  in page")
    for n, m, tp, tr, mb, tti, worst, _first, tip_ms, drawn, errors in rows:
        flag = "" if not errors else f"  JS errors: {errors[:2]}"
        print(f"{n:>6} {m:>6} {tp:>7.2f}s {tr:>6.2f}s {mb:>8.2f} {tti:>7.2f}s {worst:>6.2f}s {tip_ms:>6.2f}ms  "
              f"{drawn[0]} nodes, {drawn[1]} edges{flag}")
    if rows:
        print(f"(first page load in the fresh browser, {rows[0][0]} nodes: {rows[0][7]:.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
