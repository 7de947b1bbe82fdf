"""Benchmark (not a test): ``kg build`` on synthetic corpora against bare spaCy, memory, store load.

    .venv/bin/python benchmarks/bench_corpus.py                          # 1,000 and 10,000 articles, md, 1 and 2 processes
    .venv/bin/python benchmarks/bench_corpus.py --sizes 200 2000 --processes 1 2
    .venv/bin/python benchmarks/bench_corpus.py --sizes 300 --processes 1 --profile   # + a pyinstrument profile

For each corpus size N (synthetic articles from ``benchmarks/gen_corpus.py``, ``--words`` words
each), in fresh processes, on the same corpus and model:

* **bare** ``nlp.pipe`` — the pipeline kg uses (:func:`kg.nlp.load_pipeline`: the trained model
  plus kg's two components), reading the same JSONL, doing nothing with the docs: the floor;
* **kg build** ``CORPUS --store DIR --quiet --processes P`` for each P of ``--processes``
  (``--sink nquads``: ``--nquads DIR`` instead, N-Quads files and no store)
  (through :func:`kg.cli.cmd_build`: reading, resume check, spaCy, extraction, N-Triples, bulk
  load into a new Oxigraph store).

Throughput is measured from the moment the pipeline is loaded (in every worker) to the end, so
model loading (10–60 s here) is left out of both. Printed: words/s, articles/s, triples/s, the
process CPU time, peak RSS (the main process, and the largest worker), and the ratios the
targets are about:

* ``kg build`` (1 process) ≥ 0.85 × bare ``nlp.pipe``;
* 2 processes ≥ 1.7 × 1 process;
* peak RSS growth of ``kg build`` (1 process) from the smallest to the largest N under 10 %;
* store bulk load ≥ 300k triples/s — timed on its own (``load``): ``--load-triples`` triples of
  synthetic articles (the shape of bench_query.py's) written by ``KgStore.add_results`` in
  batches as ``kg build`` does, into a new store; each article triple is written twice (its named
  graph and the merged default graph), and "triples/s" counts article triples.

The machine's load average is printed with each figure: other work running on it makes the
throughput figures (not the ratios measured side by side) rough.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
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


def child_build(corpus: str, model: str, processes: int, store: str, sink: str = "store") -> dict:
    from kg.cli.app import _parser, cmd_build

    target = ["--store", store] if sink == "store" else ["--nquads", store]
    args = _parser().parse_args(["build", corpus, *target, "--quiet", "--model", model, "--processes", str(processes)])
    status = cmd_build(args)
    st = args.build_stats
    return {"status": status, "startup": st.startup_seconds, "seconds": st.seconds, "cpu": st.cpu_seconds,
            "words": st.words, "articles": st.articles, "triples": st.triples, "load_seconds": st.load_seconds,
            "loaded": st.loaded_triples, "rss_mb": _rss_mb(), "rss_workers_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


def child_load(triples: int, store: str, batch_triples: int) -> dict:
    import random

    from bench_query import article, pools

    from kg.pipeline.config import BuildConfig as EngineConfig
    from kg.pipeline.results import article_result
    from kg.store.store import KgStore

    rng = random.Random(7)
    P = pools(rng)
    results, n, i = [], 0, 0
    t0, c0 = time.perf_counter(), _cpu()
    cfg = EngineConfig()
    while n < triples:
        r = article_result(article(i, P, rng), cfg)
        results.append(r)
        n += r.triples
        i += 1
    map_seconds, map_cpu = time.perf_counter() - t0, _cpu() - c0
    batches, cur, size = [], [], 0
    for r in results:
        cur.append(r)
        size += r.triples
        if size >= batch_triples:
            batches.append(cur)
            cur, size = [], 0
    if cur:
        batches.append(cur)
    with KgStore.open(store) as st:
        t0, c0 = time.perf_counter(), _cpu()
        for b in batches:
            st.add_results(b)
        st.oxigraph.flush()
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
        quads = sum(1 for _ in st.oxigraph)
    return {"articles": len(results), "triples": n, "batches": len(batches), "seconds": seconds, "cpu": cpu,
            "quads": quads, "map_seconds": map_seconds, "map_cpu": map_cpu}


def child_profile(corpus: str, model: str, n: int, out_html: str) -> str:
    import itertools

    from pyinstrument import Profiler

    from kg.pipeline.build import BuildConfig, build_corpus
    from kg.pipeline.sinks import StoreSink
    from kg.inputs.reader import read_articles
    from kg.nlp.pipeline import load_pipeline
    from kg.store.store import KgStore

    load_pipeline(model)
    tmp = tempfile.mkdtemp(prefix="kg-prof-")
    try:
        with KgStore.open(Path(tmp) / "st") as st:
            prof = Profiler(interval=0.002)
            prof.start()
            build_corpus(itertools.islice(read_articles([corpus]), n), [StoreSink(st)],
                         BuildConfig(model=model), resume=st.input_hash)
            prof.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    Path(out_html).write_text(prof.output_html(), encoding="utf-8")
    return prof.output_text(unicode=False, color=False, show_all=False)


def _child_main(argv: list[str]) -> int:
    kind, *rest = argv
    if kind == "bare":
        out = child_bare(rest[0], rest[1], int(rest[2]))
    elif kind == "build":
        out = child_build(rest[0], rest[1], int(rest[2]), rest[3], rest[4])
    elif kind == "load":
        out = child_load(int(rest[0]), rest[1], int(rest[2]))
    elif kind == "profile":
        print(child_profile(rest[0], rest[1], int(rest[2]), rest[3]))
        return 0
    else:
        raise SystemExit(f"unknown child {kind}")
    print("RESULT " + json.dumps(out))
    return 0


def run_child(*args: str) -> dict:
    t = time.perf_counter()
    load = os.getloadavg()[0]
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"child {args[0]} failed")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    out = json.loads(line[len("RESULT "):])
    out["wall_total"] = time.perf_counter() - t
    out["loadavg"] = (load, os.getloadavg()[0])
    return out


# ------------------------------------------------------------------------------ main


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child_main(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes N (articles)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="kg build --processes values")
    ap.add_argument("--model", default="md")
    ap.add_argument("--words", type=int, nargs=2, default=[150, 250], metavar=("MIN", "MAX"))
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size of the bare run (kg build's default: 64)")
    ap.add_argument("--load-triples", type=int, default=500_000, help="triples for the store load figure (0: skip)")
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--sink", choices=["store", "nquads"], default="store",
                    help="kg build --store DIR (default) or --nquads DIR (no store: N-Quads files only)")
    ap.add_argument("--profile", action="store_true", help="also profile kg build (1 process) on the smallest corpus with pyinstrument")
    ap.add_argument("--workdir", help="keep corpora and stores here (default: a temporary folder, removed)")
    args = ap.parse_args()

    from gen_corpus import write_corpus

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# bench_corpus: model {args.model}, sizes {args.sizes}, processes {args.processes}, "
          f"{os.cpu_count()} CPUs, load average at start {os.getloadavg()[0]:.2f}")
    rows: dict = {}
    try:
        for n in args.sizes:
            corpus = work / f"corpus-{n}-{args.words[0]}-{args.words[1]}.jsonl"
            if not corpus.exists():
                words = write_corpus(n, corpus, words=tuple(args.words))
                print(f"\n== N = {n}: {words:,} words ({words / n:.0f} per article) → {corpus}")
            else:
                print(f"\n== N = {n}: {corpus}")
            if not args.skip_bare:
                r = run_child("bare", str(corpus), args.model, str(args.batch_size))
                rows[(n, "bare")] = r
                print(f"bare nlp.pipe      : {r['words'] / r['seconds']:8,.0f} words/s {r['articles'] / r['seconds']:7.2f} articles/s"
                      f" | {r['seconds']:7.1f}s wall, {r['cpu']:7.1f}s CPU ({r['words'] / r['cpu']:,.0f} words/CPU-s)"
                      f" | peak RSS {r['rss_mb']:,.0f} MB | load avg {r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}")
            for p in args.processes:
                store = work / f"store-{n}-{p}"
                shutil.rmtree(store, ignore_errors=True)
                r = run_child("build", str(corpus), args.model, str(p), str(store), args.sink)
                rows[(n, p)] = r
                cpu = f"{r['cpu']:7.1f}s CPU ({r['words'] / r['cpu']:,.0f} words/CPU-s)" if p == 1 else f"{r['cpu']:7.1f}s CPU (main process)"
                print(f"kg build -j {p:<6} : {r['words'] / r['seconds']:8,.0f} words/s {r['articles'] / r['seconds']:7.2f} articles/s"
                      f" {r['triples'] / r['seconds']:9,.0f} triples/s | {r['seconds']:7.1f}s wall, {cpu}"
                      f" | peak RSS {r['rss_mb']:,.0f} MB" + (f", worker {r['rss_workers_mb']:,.0f} MB" if p > 1 else "")
                      + f" | writer busy {r['load_seconds']:.1f}s | load avg {r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}")
                shutil.rmtree(store, ignore_errors=True)
            if (n, "bare") in rows and (n, 1) in rows:
                b, k = rows[(n, "bare")], rows[(n, 1)]
                print(f"ratio kg build (1 process) / bare nlp.pipe: {(k['words'] / k['seconds']) / (b['words'] / b['seconds']):.3f} wall"
                      f", {(k['words'] / k['cpu']) / (b['words'] / b['cpu']):.3f} CPU   (target ≥ 0.85)")
            if (n, 1) in rows and (n, 2) in rows:
                a, c = rows[(n, 1)], rows[(n, 2)]
                print(f"ratio 2 processes / 1 process: {(c['words'] / c['seconds']) / (a['words'] / a['seconds']):.3f}   (target ≥ 1.7)")
        if len(args.sizes) > 1 and (args.sizes[0], 1) in rows and (args.sizes[-1], 1) in rows:
            lo, hi = rows[(args.sizes[0], 1)]["rss_mb"], rows[(args.sizes[-1], 1)]["rss_mb"]
            print(f"\npeak RSS of kg build -j 1: {lo:,.0f} MB at N={args.sizes[0]}, {hi:,.0f} MB at N={args.sizes[-1]}: "
                  f"growth {100 * (hi - lo) / lo:+.1f} %   (target < 10 %)")
        if args.load_triples:
            store = work / "store-load"
            shutil.rmtree(store, ignore_errors=True)
            r = run_child("load", str(args.load_triples), str(store), "200000")
            print(f"\nstore bulk load: {r['triples']:,} triples ({r['articles']} synthetic articles, {r['batches']} batches, "
                  f"{r['quads']:,} quads in the store) in {r['seconds']:.2f}s wall, {r['cpu']:.2f}s CPU: "
                  f"{r['triples'] / r['seconds']:,.0f} triples/s wall ({r['triples'] / r['cpu']:,.0f} per CPU-s; "
                  f"{2 * r['triples'] / r['seconds']:,.0f} quads/s)   (target ≥ 300,000) | load avg {r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}")
            print(f"mapping records → N-Triples (article_result): {r['triples'] / r['map_seconds']:,.0f} triples/s wall, "
                  f"{r['triples'] / r['map_cpu']:,.0f} per CPU-s")
            shutil.rmtree(store, ignore_errors=True)
        if args.profile:
            n = args.sizes[0]
            corpus = work / f"corpus-{n}-{args.words[0]}-{args.words[1]}.jsonl"
            html = work / "profile.html"
            proc = subprocess.run([sys.executable, __file__, "--child", "profile", str(corpus), args.model, str(n), str(html)],
                                  capture_output=True, text=True)
            print(f"\n== profile of kg build (1 process, {n} articles; HTML: {html})\n{proc.stdout[-12000:]}{proc.stderr[-2000:]}")
        print(f"\n# load average at end {os.getloadavg()[0]:.2f}")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
