"""Benchmark (not a test): ``kg build`` against bare spaCy on real and synthetic text, and the store's bulk load.

    .venv/bin/python benchmarks/bench_corpus.py                       # real text (252 articles) and synthetic (250)
    .venv/bin/python benchmarks/bench_corpus.py --real 504 --synthetic 1000 --repeat 2
    .venv/bin/python benchmarks/bench_corpus.py --real 0 --load-triples 1000000   # synthetic and the load only

Corpora:

* **real text**: the articles of ``tests/corpus`` and ``tests/corpus_real`` (42 French news
  articles), replicated under new ids until there are ``--real`` of them (default 252);
* **synthetic**: ``--synthetic`` articles from ``benchmarks/gen_corpus.py`` (invented people,
  reference data for the rest; 150–250 words each).

For each corpus, in fresh processes, on the same corpus and model, one after the other:

1. **bare** ``nlp.pipe`` — the pipeline kg uses (:func:`kg.nlp.load_pipeline`: the trained model
   plus kg's components), reading the same articles, doing nothing with the docs: the floor;
2. ``kg build CORPUS --out DIR`` — the default: graph.ttl, validation, graph.html (``-j1``);
3. ``kg build CORPUS --store DIR`` (``-j1``);
4. ``kg build CORPUS --store DIR -j2``;
5. **bare** again (the two bare runs frame the others; their mean is the reference, and their
   spread says how steady the machine was);
6. **two bare** ``nlp.pipe`` processes at once: how much two processes get out of the machine at
   that moment (``-j2``'s ceiling: 2.0 on two idle cores).

Times run from the moment the pipeline is loaded (in every worker) to the moment ``kg build``
returns, every file written and the store closed: model loading (10–60 s here) is left out of
both sides. The ratios the targets are about:

* default ``--out`` (1 process) ≥ 0.85 × bare ``nlp.pipe``; ``--store`` (1 process) ≥ 0.85;
* ``--store -j2`` ≥ 1.6 × ``--store -j1``;
* the store's bulk load ≥ 0.8 × raw pyoxigraph ``bulk_load`` of the same quads: ``--load-triples``
  triples of synthetic articles (the shape of bench_query.py's) written by
  ``KgStore.add_results`` in batches as ``kg build`` does (pending marks, one bulk load per
  batch, reconciling, bookkeeping), against ``pyoxigraph.Store.bulk_load`` of exactly the quads
  the store ends up holding, batch by batch, into a new store; interleaved, ``--repeat`` times.

The machine's load average is printed with each figure: other work running on it slows every
figure down, the ratios measured side by side less so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def write_real_corpus(n: int, path: Path) -> int:
    """The 42 real articles of the test corpora, replicated under new ids to ``n``; returns the words."""
    arts = []
    for folder in ("corpus", "corpus_real"):
        for txt in sorted((ROOT / "tests" / folder).glob("*.txt")):
            gold = txt.with_name(txt.stem + ".gold.json")
            published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
            arts.append((f"{folder}-{txt.stem}", txt.read_text(encoding="utf-8"), published))
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            aid, text, published = arts[i % len(arts)]
            f.write(json.dumps({"id": f"{aid}-{i // len(arts)}", "text": text, "published": published}, ensure_ascii=False) + "\n")
            words += len(text.split())
    return words


# ------------------------------------------------------------------------------ children


def child_bare(corpus: str, model: str, batch_size: int) -> dict:
    from kg.inputs.reader import read_articles
    from kg.nlp.pipeline import load_pipeline

    t0 = time.perf_counter()
    nlp = load_pipeline(model)
    t_ready = time.perf_counter()
    c0 = _cpu()
    words = articles = 0

    def texts():
        nonlocal words, articles
        for a in read_articles([corpus]):
            words += len(a.text.split())
            articles += 1
            yield a.text

    for _doc in nlp.pipe(texts(), batch_size=batch_size):
        pass
    seconds = time.perf_counter() - t_ready
    return {"startup": t_ready - t0, "seconds": seconds, "cpu": _cpu() - c0, "words": words, "articles": articles,
            "rss_mb": _rss_mb()}


def child_build(corpus: str, model: str, processes: int, target: str, kind: str, in_process: bool = False) -> dict:
    from kg.cli.app import _parser, cmd_build

    if in_process:  # extraction in spaCy's process (BuildConfig.extraction_process=False), for comparison
        import dataclasses

        import kg.pipeline.run

        run_build = kg.pipeline.run.run_build
        kg.pipeline.run.run_build = lambda inputs, config, *a, **k: run_build(
            inputs, dataclasses.replace(config, extraction_process=False), *a, **k)

    where = {"out": ["--out", target], "store": ["--store", target], "nquads": ["--nquads", target]}[kind]
    args = _parser().parse_args(["build", corpus, *where, "--quiet", "--model", model, "--processes", str(processes)])
    t0 = time.perf_counter()
    status = cmd_build(args)
    wall = time.perf_counter() - t0
    st = args.build_stats
    return {"status": status, "startup": st.startup_seconds, "seconds": wall - st.startup_seconds, "cpu": st.cpu_seconds,
            "words": st.words, "articles": st.articles, "triples": st.triples, "load_seconds": st.load_seconds,
            "finish": st.finish_seconds, "parse": st.parse_seconds, "extract": st.extract_seconds, "map": st.map_seconds,
            "handoff": st.handoff_seconds,
            "rss_mb": _rss_mb(), "rss_children_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


def child_load(triples: int, workdir: str, batch_triples: int, repeat: int) -> dict:
    import random

    import pyoxigraph as ox
    from bench_query import article, pools

    from kg.pipeline.config import BuildConfig
    from kg.pipeline.results import article_result
    from kg.rdf.vocab import article_iri
    from kg.store.layout import graph_iri, meta_triples
    from kg.store.store import KgStore

    rng = random.Random(7)
    P = pools(rng)
    results, n, i = [], 0, 0
    cfg = BuildConfig()
    while n < triples:
        r = article_result(article(i, P, rng), cfg)
        results.append(r)
        n += r.triples
        i += 1
    batches, cur, size = [], [], 0
    for r in results:
        cur.append(r)
        size += r.triples
        if size >= batch_triples:
            batches.append(cur)
            cur, size = [], 0
    if cur:
        batches.append(cur)
    # the raw loads: exactly the quads KgStore.add_results leaves (named graphs, bookkeeping, default graph)
    meta_g = f"<{graph_iri('meta')}>"
    docs = []
    for b in batches:
        parts = []
        for r in b:
            g = ox.NamedNode(str(graph_iri(r.key)))
            parts.append(r.nt.replace(b" .\n", f" {g} .\n".encode()))
            parts.append("".join(f"{t.subject} {t.predicate} {t.object} {meta_g} .\n"
                                 for t in meta_triples(g, r.key, r.content_hash, r.triples, article_iri(r.key), r.input_hash)
                                 ).encode())
        parts.append(b"".join(r.nt for r in b))
        docs.append(b"".join(parts))
    runs = {"kg": [], "raw": []}
    quads = {}
    for rep in range(repeat):
        for kind in ("raw", "kg") if rep % 2 == 0 else ("kg", "raw"):
            folder = Path(workdir) / f"load-{kind}-{rep}"
            shutil.rmtree(folder, ignore_errors=True)
            if kind == "kg":
                with KgStore.open(folder) as st:
                    t0, c0 = time.perf_counter(), _cpu()
                    for b in batches:
                        st.add_results(b)
                    st.oxigraph.flush()
                    runs[kind].append((time.perf_counter() - t0, _cpu() - c0))
                    quads[kind] = sum(1 for _ in st.oxigraph)
            else:
                folder.mkdir(parents=True)
                store = ox.Store(str(folder))
                t0, c0 = time.perf_counter(), _cpu()
                for doc in docs:
                    store.bulk_load(doc, format=ox.RdfFormat.N_QUADS, lenient=True)
                store.flush()
                runs[kind].append((time.perf_counter() - t0, _cpu() - c0))
                quads[kind] = sum(1 for _ in store)
                del store
            shutil.rmtree(folder, ignore_errors=True)
    return {"articles": len(results), "triples": n, "batches": len(batches), "runs": runs, "quads": quads}


def _child_main(argv: list[str]) -> int:
    kind, *rest = argv
    if kind == "bare":
        out = child_bare(rest[0], rest[1], int(rest[2]))
    elif kind == "build":
        out = child_build(rest[0], rest[1], int(rest[2]), rest[3], rest[4], rest[5:] == ["in-process"])
    elif kind == "load":
        out = child_load(int(rest[0]), rest[1], int(rest[2]), int(rest[3]))
    else:
        raise SystemExit(f"unknown child {kind}")
    print("RESULT " + json.dumps(out))
    return 0


def run_child(*args: str, copies: int = 1):
    """Run a child (``copies`` of it at once: a list of results then)."""
    t = time.perf_counter()
    load = os.getloadavg()[0]
    procs = [subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(copies)]
    outs = []
    for proc in procs:
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            sys.stderr.write(stdout + stderr)
            raise SystemExit(f"child {args[0]} failed")
        line = next(x for x in stdout.splitlines() if x.startswith("RESULT "))
        out = json.loads(line[len("RESULT "):])
        out["wall_total"] = time.perf_counter() - t
        out["loadavg"] = (load, os.getloadavg()[0])
        outs.append(out)
    return outs[0] if copies == 1 else outs


# ------------------------------------------------------------------------------ main


def _line(name: str, r: dict) -> str:
    s = r["seconds"]
    extra = ""
    if "parse" in r:
        extra = (f" | spaCy {r['parse']:.1f}s, handoff {r.get('handoff', 0):.1f}s, extraction {r['extract']:.1f}s, mapping {r['map']:.1f}s, "
                 f"writer {r['load_seconds']:.1f}s, after the last article {r['finish']:.1f}s")
    return (f"{name:22}: {r['words'] / s:7,.0f} words/s {r['articles'] / s:6.2f} articles/s | {s:6.1f}s wall "
            f"{r['cpu']:6.1f}s CPU | peak RSS {r['rss_mb']:,.0f} MB{extra} | load avg {r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}")


def bench_corpus(name: str, corpus: Path, work: Path, args) -> dict:
    rows: dict = {}
    plan = [("bare", None, 1), ("out", "out", 1)] + ([("out in-process", "out", 1)] if args.in_process else []) + \
        [("store", "store", 1)] + ([("store in-process", "store", 1)] if args.in_process else []) + \
        [(f"store -j{p}", "store", p) for p in args.processes if p != 1] + [("bare again", None, 1)]
    for label, kind, p in plan:
        if kind is None:
            r = run_child("bare", str(corpus), args.model, str(args.batch_size))
        else:
            target = work / f"{name}-{kind}-{p}"
            shutil.rmtree(target, ignore_errors=True)
            r = run_child("build", str(corpus), args.model, str(p), str(target), kind,
                          *(["in-process"] if label.endswith("in-process") else []))
            shutil.rmtree(target, ignore_errors=True)
            if r["status"] not in (0, 3):
                raise SystemExit(f"kg build {kind} -j{p} exited with {r['status']}")
        rows[label] = r
        print(_line(f"kg build --{kind} -j{p}{' in-process' if label.endswith('in-process') else ''}" if kind else label, r),
              flush=True)
    if len(args.processes) > 1:
        pair = run_child("bare", str(corpus), args.model, str(args.batch_size), copies=2)
        wall = max(r["seconds"] for r in pair)
        rows["two bare at once"] = {**pair[0], "seconds": wall, "words": sum(r["words"] for r in pair),
                                    "articles": sum(r["articles"] for r in pair), "cpu": sum(r["cpu"] for r in pair)}
        print(_line("two bare at once", rows["two bare at once"]), flush=True)
    bare = [rows["bare"]["words"] / rows["bare"]["seconds"], rows["bare again"]["words"] / rows["bare again"]["seconds"]]
    ref = statistics.mean(bare)
    rate = {k: r["words"] / r["seconds"] for k, r in rows.items()}
    out = {"bare": ref, "bare spread": abs(bare[0] - bare[1]) / ref, "out": rate["out"] / ref, "store": rate["store"] / ref}
    for k in ("out in-process", "store in-process"):
        if k in rate:
            out[k] = rate[k] / ref
    for p in args.processes:
        if p != 1:
            out[f"j{p}"] = rate[f"store -j{p}"] / rate["store"]
            if "store in-process" in rate:  # one process doing everything, as -j1 did before the handoff
                out[f"j{p} vs one process"] = rate[f"store -j{p}"] / rate["store in-process"]
    if "two bare at once" in rate:
        out["2 bare"] = rate["two bare at once"] / ref
    print(f"ratios ({name}): --out / bare {out['out']:.3f} (target ≥ 0.85) · --store / bare {out['store']:.3f} (≥ 0.85)"
          + "".join(f" · --{k.replace(' in-process', '')} with the extraction in spaCy's process / bare {out[k]:.3f}"
                    for k in ("out in-process", "store in-process") if k in out)
          + "".join(f" · --store -j{p} / -j1 {out[f'j{p}']:.3f} (≥ 1.6)" for p in args.processes if p != 1)
          + "".join(f" · --store -j{p} / -j1 with the extraction in spaCy's process (one process) {out[f'j{p} vs one process']:.3f}"
                    for p in args.processes if f"j{p} vs one process" in out)
          + (f" · two bare processes at once / one {out['2 bare']:.3f} (-j2's ceiling now)" if "2 bare" in out else "")
          + f"   [bare: {bare[0]:,.0f} and {bare[1]:,.0f} words/s, spread {100 * out['bare spread']:.0f} %]", flush=True)
    return out


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child_main(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--real", type=int, default=252, help="articles of the real-text corpus (0: skip)")
    ap.add_argument("--synthetic", type=int, default=250, help="articles of the synthetic corpus (0: skip)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="kg build --store --processes values")
    ap.add_argument("--model", default="md")
    ap.add_argument("--words", type=int, nargs=2, default=[150, 250], metavar=("MIN", "MAX"), help="synthetic article length")
    from kg.pipeline.config import BuildConfig

    ap.add_argument("--batch-size", type=int, default=BuildConfig.batch_size,
                    help=f"nlp.pipe batch size of the bare run (kg build's default: {BuildConfig.batch_size})")
    ap.add_argument("--load-triples", type=int, default=500_000, help="triples for the store load figure (0: skip)")
    ap.add_argument("--in-process", action="store_true",
                    help="also build with the extraction in spaCy's process (-j1 builds otherwise hand the docs to a second one)")
    ap.add_argument("--repeat", type=int, default=1, help="run everything this many times")
    ap.add_argument("--workdir", help="keep corpora here (default: a temporary folder, removed)")
    args = ap.parse_args()

    from gen_corpus import write_corpus

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# bench_corpus: model {args.model}, real {args.real}, synthetic {args.synthetic}, processes {args.processes}, "
          f"{os.cpu_count()} CPUs, load average at start {os.getloadavg()[0]:.2f}")
    results: dict = {}
    try:
        corpora = []
        if args.real:
            path = work / f"real-{args.real}.jsonl"
            words = write_real_corpus(args.real, path)
            corpora.append(("real", path, words))
        if args.synthetic:
            path = work / f"synthetic-{args.synthetic}-{args.words[0]}-{args.words[1]}.jsonl"
            words = write_corpus(args.synthetic, path, words=tuple(args.words))
            corpora.append(("synthetic", path, words))
        for rep in range(args.repeat):
            for name, path, words in corpora:
                print(f"\n== {name} text, run {rep + 1}: {path.name}, {words:,} words")
                results.setdefault(name, []).append(bench_corpus(name, path, work, args))
            if args.load_triples:
                r = run_child("load", str(args.load_triples), str(work), "200000", "2")
                kg_t = [t for t, _ in r["runs"]["kg"]]
                raw_t = [t for t, _ in r["runs"]["raw"]]
                ratio = statistics.median(raw_t) / statistics.median(kg_t)
                print(f"\n== store bulk load, run {rep + 1}: {r['triples']:,} article triples ({r['articles']} synthetic articles, "
                      f"{r['batches']} batches; {r['quads']['kg']:,} quads in the store, {r['quads']['raw']:,} raw)")
                print(f"KgStore.add_results: {', '.join(f'{t:.2f}s' for t in kg_t)} ({r['triples'] / statistics.median(kg_t):,.0f} "
                      f"article triples/s) · raw bulk_load: {', '.join(f'{t:.2f}s' for t in raw_t)} · ratio raw/kg "
                      f"{ratio:.3f} (target ≥ 0.8) | load avg {r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}", flush=True)
                results.setdefault("load", []).append(ratio)
        print("\n== summary")
        for name, runs in results.items():
            if name == "load":
                print(f"store bulk load / raw: {', '.join(f'{x:.3f}' for x in runs)}")
                continue
            for key in runs[0]:
                if key in ("bare", "bare spread"):
                    continue
                print(f"{name:9} {key:6}: {', '.join(f'{r[key]:.3f}' for r in runs)}")
        print(f"\n# load average at end {os.getloadavg()[0]:.2f}")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
