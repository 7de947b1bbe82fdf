"""``kg build`` and ``kg eval`` as a user runs them: outputs, messages and exit codes.

Most tests call :func:`kg.cli.app` in-process (the spaCy pipeline is cached across calls); a few run
the real ``kg`` program in a subprocess for exit codes and ``--help``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import DCTERMS

from kg.cli.app import main
from kg.rdf.vocab import KG, article_iri

from _paths import ROOT  # noqa: E402
EXAMPLE = ROOT / "examples" / "ai_safety_summit_fr.txt"
CORPUS = ROOT / "tests" / "corpus"

GOOD_TEXT = "Le ministre allemand des Finances Christian Lindner s'est rendu à Berlin."


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env, timeout=300
    )


def article_ids(g: Graph) -> set[str]:
    return {str(g.value(a, DCTERMS.identifier)) for a in g.subjects(RDF.type, KG.Article)}


# ── help and usage (no model) ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "command, options",
    [
        ("build", ["--out", "--published", "--model", "--min-confidence", "--quiet", "examples:"]),
        ("eval", ["--no-details", "--per-article", "--model", "--min-confidence", "examples:"]),
    ],
)
@pytest.mark.integration
def test_help_subprocess(command, options):
    proc = run_kg(command, "--help")
    assert proc.returncode == 0, proc.stderr
    for opt in options:
        assert opt in proc.stdout
    assert proc.stderr == ""


def test_help_in_process(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "--help"])
    assert exc.value.code == 0
    assert "--min-confidence" in capsys.readouterr().out


def test_build_help_names_the_file_kinds_folders_are_read_for(capsys):
    from kg.inputs import ARTICLE_SUFFIXES

    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for suffix in ARTICLE_SUFFIXES:
        assert suffix in text.split("folders (")[1].split(")")[0], suffix


def test_no_command_is_usage_error(capsys):
    assert main([]) == 2
    assert "build" in capsys.readouterr().out


@pytest.mark.integration
def test_missing_path_subprocess(tmp_path):
    missing = tmp_path / "nowhere" / "absent.txt"
    proc = run_kg("build", str(missing), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert str(missing) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_missing_path_in_process(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    missing = tmp_path / "absent.txt"
    out = tmp_path / "out"
    assert main(["build", str(good), str(missing), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "no such file" in err
    assert not (out / "graph.ttl").exists()


@pytest.mark.parametrize("value", ["2023-13-01", "01/11/2023", "hier", "2023-11-1"])
def test_malformed_published_is_usage_error(tmp_path, capsys, value):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    assert main(["build", str(good), "--published", value, "--out", str(tmp_path / "out")]) == 2
    assert value in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("command", ["build", "eval"])
@pytest.mark.parametrize("value", ["2", "-0.1"])
def test_min_confidence_out_of_range(tmp_path, capsys, command, value):
    target = str(EXAMPLE) if command == "build" else str(CORPUS / "ai_safety_summit_fr.txt")
    extra = ["--out", str(tmp_path / "out")] if command == "build" else []
    assert main([command, target, "--min-confidence", value, *extra]) == 2
    assert "--min-confidence" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_out_is_a_file(tmp_path, capsys):
    out = tmp_path / "out"
    out.write_text("not a folder")
    assert main(["build", str(EXAMPLE), "--out", str(out)]) == 2
    assert str(out) in capsys.readouterr().err
    assert out.read_text() == "not a folder"


def test_eval_folder_without_gold_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "gold" in err


def test_eval_missing_path(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "absent")]) == 2
    assert "absent" in capsys.readouterr().err


# ── kg build (model) ──────────────────────────────────────────────────────────────────────────


@pytest.mark.model
@pytest.mark.model
def test_build_example_writes_graph_and_summary(tmp_path, capsys, example_graph):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE), "--out", str(out), "--published", "2023-11-01"]) == 0
    captured = capsys.readouterr()
    target = out / "graph.ttl"
    assert target.is_file()
    g = Graph().parse(target, format="turtle")
    assert len(g) > 100
    assert article_ids(g) == {"ai-safety-summit-fr"}
    # the same facts as the library build of the same text
    assert {t for t in g if t[1] in (KG.ministerOf, KG.hostCity)} == {
        t for t in example_graph if t[1] in (KG.ministerOf, KG.hostCity)
    }
    assert "built 1 article(s)" in captured.out
    assert "entities" in captured.out and "relations" in captured.out
    assert str(target) in captured.out
    # the view is written next to the graph, and no temporary file is left
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl"]
    assert str(out / "graph.html") in captured.out


@pytest.mark.model
@pytest.mark.model
def test_build_quiet_prints_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE), "--out", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (out / "graph.ttl").is_file()


@pytest.mark.integration
@pytest.mark.model
def test_build_subprocess_is_byte_identical_to_in_process(tmp_path, capsys):
    """A separate process (other hash seed) writes exactly the same Turtle; exit code 0."""
    sub_out, in_out = tmp_path / "sub", tmp_path / "in"
    proc = run_kg("build", str(EXAMPLE), "--out", str(sub_out), "--published", "2023-11-01", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert main(["build", str(EXAMPLE), "--out", str(in_out), "--published", "2023-11-01", "--quiet"]) == 0
    assert (sub_out / "graph.ttl").read_bytes() == (in_out / "graph.ttl").read_bytes()


@pytest.mark.model
@pytest.mark.model
def test_bad_files_are_skipped_with_warnings(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    out = tmp_path / "out"
    assert main(["build", str(empty), str(binary), str(good), str(blank), "--out", str(out)]) == 3  # built, some inputs skipped
    captured = capsys.readouterr()
    for path, reason in ((empty, "empty"), (binary, "binary"), (blank, "empty")):
        line = next((ln for ln in captured.err.splitlines() if str(path) in ln), None)
        assert line is not None, f"no warning names {path}"
        assert "warning" in line and reason in line
    assert str(good) not in captured.err
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert article_ids(g) == {"good"}
    assert "built 1 article(s)" in captured.out and "3 skipped" in captured.out


@pytest.mark.model
def test_all_inputs_bad_exits_1_without_graph(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    assert main(["build", str(empty), str(binary), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no article" in err and "2 skipped" in err
    assert not (out / "graph.ttl").exists()


@pytest.mark.model
def test_all_inputs_bad_keeps_previous_graph(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# previous\n")
    assert main(["build", str(empty), "--out", str(out)]) == 1
    assert (out / "graph.ttl").read_text() == "# previous\n"


@pytest.mark.model
@pytest.mark.model
def test_jsonl_malformed_line_is_skipped(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "one", "text": GOOD_TEXT, "published": "2024-01-10"}, ensure_ascii=False),
        '{"id": "broken", "text": "Paris',
        json.dumps({"id": "three", "text": "Le sommet s'ouvre à Rome, en Italie.", "url": "https://example.org/3"},
                   ensure_ascii=False),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--published", "2024-02-01"]) == 3  # built, one line skipped
    captured = capsys.readouterr()
    assert f"{corpus}:2" in captured.err
    assert "invalid JSON" in captured.err
    assert f"{corpus}:1" not in captured.err and f"{corpus}:3" not in captured.err
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert article_ids(g) == {"one", "three"}
    issued = {str(g.value(article_iri(i), DCTERMS.issued)) for i in ("one", "three")}
    assert issued == {"2024-01-10", "2024-02-01"}  # its own date, else --published
    assert "built 2 article(s)" in captured.out and "1 skipped" in captured.out


@pytest.mark.model
@pytest.mark.model
def test_stdin(tmp_path, capsys, monkeypatch):
    data = GOOD_TEXT.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = tmp_path / "out"
    assert main(["build", "-", "--published", "2024-01-10", "--out", str(out)]) == 0
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert article_ids(g) == {"stdin"}
    assert str(g.value(article_iri("stdin"), DCTERMS.issued)) == "2024-01-10"
    labels = {str(g.value(s, RDFS.label)) for s in g.subjects(RDF.type, KG.City)}
    assert "Berlin" in labels
    assert "built 1 article(s)" in capsys.readouterr().out


@pytest.mark.model
def test_empty_stdin_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"   \n"), encoding="utf-8"))
    out = tmp_path / "out"
    assert main(["build", "-", "--out", str(out)]) == 1
    assert "<stdin>" in capsys.readouterr().err
    assert not (out / "graph.ttl").exists()


@pytest.mark.model
@pytest.mark.model
def test_min_confidence_option_leaves_out_relations(tmp_path, capsys):
    low, high = tmp_path / "low", tmp_path / "high"
    assert main(["build", str(EXAMPLE), "--out", str(low), "--quiet", "--min-confidence", "0"]) == 0
    assert main(["build", str(EXAMPLE), "--out", str(high), "--quiet", "--min-confidence", "0.95"]) == 0
    rels = {KG[p] for p in ("hostCountry", "hostCity", "attendee", "ministerOf", "nationality", "affiliation",
                            "announcedBy", "about", "during", "locatedIn", "nextEdition")}

    def count(path):
        g = Graph().parse(path / "graph.ttl", format="turtle")
        return sum(1 for t in g if t[1] in rels)

    assert count(high) < count(low)


# ── atomicity ─────────────────────────────────────────────────────────────────────────────────


def test_failed_build_leaves_previous_graph(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    previous = "# the previous graph\n"
    (out / "graph.ttl").write_text(previous)

    def boom(*args, **kwargs):
        raise RuntimeError("extraction crashed")

    monkeypatch.setattr("kg.pipeline.build.build_corpus", boom)
    with pytest.raises(RuntimeError, match="extraction crashed"):
        main(["build", str(EXAMPLE), "--out", str(out)])
    assert (out / "graph.ttl").read_text() == previous
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


def test_interrupted_build_exits_130_and_keeps_graph(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# previous\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.pipeline.build.build_corpus", interrupted)
    assert main(["build", str(EXAMPLE), "--out", str(out)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert (out / "graph.ttl").read_text() == "# previous\n"


@pytest.mark.model
@pytest.mark.model
def test_interrupted_write_keeps_graph_and_leaves_no_temp_file(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# previous\n")
    import kg.output

    def interrupted_replace(src, dst):
        # the temporary file has been fully written at this point
        assert Path(src).parent == out.resolve() and Path(src).stat().st_size > 1000
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.output.os, "replace", interrupted_replace)
    assert main(["build", str(EXAMPLE), "--out", str(out), "--quiet"]) == 130
    assert (out / "graph.ttl").read_text() == "# previous\n"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


# ── kg eval (model) ───────────────────────────────────────────────────────────────────────────


@pytest.mark.model
@pytest.mark.model
def test_eval_single_article_no_details(capsys):
    assert main(["eval", str(CORPUS / "ai_safety_summit_fr.txt"), "--no-details"]) == 0
    out = capsys.readouterr().out
    assert "Entities" in out and "Relations (strict)" in out and "lenient" in out
    for name in ("Summit", "Minister", "Country", "ministerOf", "hostCity", "nextEdition"):
        assert name in out
    micro = [ln for ln in out.splitlines() if ln.strip().startswith("micro")]
    assert len(micro) == 2  # entities, relations
    entity_f1 = float(micro[0].split()[-1])
    relation_lenient_f1 = float(micro[1].split()[-1])
    assert entity_f1 >= 0.95 and relation_lenient_f1 >= 0.85
    assert "Missed entities" not in out and "Spurious" not in out


@pytest.mark.model
@pytest.mark.model
def test_eval_details_and_per_article(capsys, tmp_path):
    suite = tmp_path / "suite"
    suite.mkdir()
    for suffix in (".txt", ".gold.json"):
        src = CORPUS / f"ai_safety_summit_fr{suffix}"
        (suite / src.name).write_bytes(src.read_bytes())
    assert main(["eval", str(suite), "--per-article"]) == 0
    out = capsys.readouterr().out
    assert "Missed entities" in out and "Spurious relations" in out
    assert any(ln.startswith("ai_safety_summit_fr ") for ln in out.splitlines())
    assert "1 article(s)" in out


# ── eval on broken suites (regressions of kg/suite.py bugs) ──────────────────────────────────────────────────────────────────


def test_eval_malformed_gold_is_usage_error(tmp_path, capsys):
    (tmp_path / "x.txt").write_text(GOOD_TEXT, encoding="utf-8")
    gold = tmp_path / "x.gold.json"
    gold.write_text("{", encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    assert str(gold) in capsys.readouterr().err


@pytest.mark.model
def test_eval_empty_article_does_not_shift_scores(tmp_path, capsys):
    suite = tmp_path / "suite"
    suite.mkdir()
    for suffix in (".txt", ".gold.json"):
        src = CORPUS / f"ai_safety_summit_fr{suffix}"
        (suite / src.name).write_bytes(src.read_bytes())
    (suite / "aaa_empty.txt").write_text("")  # sorts first
    gold = json.loads((CORPUS / "ai_safety_summit_fr.gold.json").read_text(encoding="utf-8"))
    gold["id"] = "aaa_empty"
    (suite / "aaa_empty.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the suite reports the skipped file through warnings.warn
        rc = main(["eval", str(suite), "--per-article", "--no-details"])
    captured = capsys.readouterr()
    if rc != 0:  # refusing the suite, naming the empty article, is fine too
        assert rc in (1, 2) and "aaa_empty" in captured.err
        return
    rows = {ln.split()[0]: ln.split() for ln in captured.out.splitlines() if ln.startswith(("aaa_empty", "ai_safety"))}
    assert "ai_safety_summit_fr" in rows, captured.out  # every article keeps its row
    assert float(rows["ai_safety_summit_fr"][3]) >= 0.95  # its own extraction, scored against its own gold
    assert "aaa_empty" not in rows or float(rows["aaa_empty"][3]) == 0.0  # nothing extracted from an empty text



@pytest.mark.integration
@pytest.mark.model
def test_build_warns_once_per_article_whose_relative_dates_have_no_date(tmp_path):
    """« mercredi », « lundi (30 octobre) », « hier » without --published nor a date in the metadata:
    one warning line naming the article, from worker processes too (it comes back with the records)."""
    undated = "Le sommet s'est ouvert mercredi à Paris. Lundi (30 octobre), hier encore, le ministre Jean-Noël Barrot l'a préparé."
    rows = [{"id": "sans-date", "text": undated},
            {"id": "date", "text": undated, "published": "2023-11-01"},
            {"id": "rien", "text": GOOD_TEXT}]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for extra in (["--out", str(tmp_path / "out")], ["--store", str(tmp_path / "st")]):
        proc = run_kg("build", str(corpus), "--processes", "2", "--quiet", *extra)
        assert proc.returncode == 0, proc.stderr
        lines = [ln for ln in proc.stderr.splitlines() if "relative dates" in ln]
        assert lines == [f"kg: warning: {corpus}:1 (article sans-date): relative dates (« mercredi », « 30 octobre », « hier ») "
                         "could not be resolved: it has no publication date; give one with --published "
                         "YYYY-MM-DD, or in its metadata (a JSONL \"published\" field, \"published:\" in Markdown front "
                         "matter, a web page's date)"]
