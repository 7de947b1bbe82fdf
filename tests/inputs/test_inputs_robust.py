"""Inputs users really have: web pages, huge files, streamed standard input, odd characters, and
the hand-made bad inputs of tests/data/bad_inputs built as one corpus."""

from __future__ import annotations

import io
import json
import re
import tracemalloc
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from kg.cli.app import main
from kg.inputs.reader import MAX_PART_CHARS, Skipped, clean_text, read_articles
from kg.rdf.vocab import article_iri

from _paths import ROOT  # noqa: E402
BAD = ROOT / "tests" / "data" / "bad_inputs"

PARAGRAPH = ("Le ministre français de l'Économie s'est rendu à Berlin mercredi pour rencontrer son homologue "
             "allemand, avant le sommet européen de Bruxelles. ")


def read(paths, **kw):
    skipped: list[Skipped] = []
    warned: list[str] = []
    arts = list(read_articles(paths, on_skip=skipped.append, on_warning=warned.append, **kw))
    return arts, skipped, warned


# ── HTML ──────────────────────────────────────────────────────────────────────────────────────


def test_html_page_main_text_and_metadata():
    (art,), skipped, warned = read([BAD / "page_latin1.html"])
    assert not skipped and not warned  # the declared charset is used: no fallback warning
    assert art.id == "page-latin1"
    assert art.title == "Sommet de l'OTAN à Riga"
    assert art.published == "2022-09-13"
    assert art.url == "https://example.org/2022/09/otan-riga"
    assert "Lars Halvorsen" in art.text and "Le chancelier allemand, Olaf Scholz" in art.text
    for boilerplate in ("Accueil", "Abonnez-vous", "Mentions légales", "tracking", "pas du texte", "<p>"):
        assert boilerplate not in art.text, boilerplate


def test_html_in_folders_jsonl_and_fallbacks(tmp_path):
    page = (BAD / "page_latin1.html").read_bytes().decode("latin-1")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.htm").write_text(page.replace("iso-8859-1", "utf-8"), encoding="utf-8")
    (folder / "b.html").write_text("<p>Le sommet du G7 s'ouvre à Rome.</p>", encoding="utf-8")  # a fragment
    (folder / "c.html").write_text("<html><body><script>x = 1</script></body></html>", encoding="utf-8")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "html": page, "title": "Titre donné"}) + "\n", encoding="utf-8")
    arts, skipped, _ = read([folder, jsonl], published="2020-01-01")
    by_id = {a.id: a for a in arts}
    assert set(by_id) == {"a", "b", "p1"}
    assert by_id["a"].published == "2022-09-13" and by_id["a"].url.endswith("otan-riga")
    assert by_id["b"].text == "Le sommet du G7 s'ouvre à Rome." and by_id["b"].published == "2020-01-01"
    assert by_id["p1"].title == "Titre donné" and by_id["p1"].published == "2022-09-13"
    assert "Lars Halvorsen" in by_id["p1"].text and by_id["p1"].source == f"{jsonl}:1"
    assert skipped == [Skipped(str(folder / "c.html"), "no article text found in the HTML page")]


# ── large inputs ──────────────────────────────────────────────────────────────────────────────


def _write_big(path: Path, size: int, *, blank_lines: bool = True) -> str:
    sep = "\n\n" if blank_lines else "\n"
    n = size // (len(PARAGRAPH) * 3 + len(sep)) + 1
    text = sep.join(PARAGRAPH * 3 for _ in range(n))
    path.write_text(text, encoding="utf-8")
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_big_text_file_is_cut_at_paragraph_boundaries(tmp_path):
    f = tmp_path / "Gros fichier.txt"
    text = _write_big(f, 250_000)
    arts, skipped, warned = read([f], published="2024-05-01", max_chars=50_000)
    assert not skipped and len(arts) >= 5
    assert [a.id for a in arts] == [f"gros-fichier-part-{i}" for i in range(1, len(arts) + 1)]
    assert all(len(a.text) <= 50_000 for a in arts)
    assert all(a.text.startswith("Le ministre") and a.text.endswith("Bruxelles.") for a in arts)  # whole paragraphs
    assert all(a.published == "2024-05-01" for a in arts)
    assert _squash(" ".join(a.text for a in arts)) == _squash(text)  # nothing lost, nothing doubled
    # each part's source is the line it starts on
    lines = text.split("\n")
    for a in arts:
        path, _, line = a.source.rpartition(":")
        assert path == str(f) and lines[int(line) - 1].startswith(a.text[:40])
    assert len(warned) == 1 and "gros-fichier-part-1" in warned[0] and str(f) in warned[0]


def test_cut_falls_back_to_lines_sentences_and_spaces(tmp_path):
    lines_only = tmp_path / "lines.txt"
    _write_big(lines_only, 30_000, blank_lines=False)
    one_line = tmp_path / "one.txt"
    one_line.write_text(PARAGRAPH * 200, encoding="utf-8")
    no_sentence = tmp_path / "words.txt"
    no_sentence.write_text("mot " * 10_000, encoding="utf-8")
    no_space = tmp_path / "blob.txt"
    no_space.write_text("x" * 5_000, encoding="utf-8")
    for f, ending in ((lines_only, "Bruxelles."), (one_line, "Bruxelles."), (no_sentence, "mot")):
        arts, _, _ = read([f], max_chars=2_000)
        assert len(arts) > 1 and all(len(a.text) <= 2_000 and a.text.endswith(ending) for a in arts), f
        assert _squash(" ".join(a.text for a in arts)) == _squash(f.read_text(encoding="utf-8"))
    arts, _, _ = read([no_space], max_chars=2_000)
    assert [len(a.text) for a in arts] == [2_000, 2_000, 1_000]


def test_reading_a_big_file_holds_one_part_not_the_file(tmp_path):
    f = tmp_path / "big.txt"
    _write_big(f, 12_000_000)
    tracemalloc.start()
    try:
        count = longest = 0
        for art in read_articles([f], on_warning=lambda m: None):
            count += 1
            longest = max(longest, len(art.text))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count >= 12_000_000 // MAX_PART_CHARS and longest <= MAX_PART_CHARS
    assert peak < 2_500_000, f"peak {peak:,} bytes for a 12 MB file"  # ~1 MB: one part, a few copies


def test_big_utf16_and_cp1252_files_decode_across_blocks(tmp_path):
    text = "\n\n".join(f"Paragraphe {i} : l’Élysée a reçu la délégation à Genève — coût 5 €." for i in range(3_000))
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    cp = tmp_path / "cp.txt"
    cp.write_bytes(text.replace("’", "'").replace("—", "-").encode("utf-8")[:150_000]
                   + b"\n\nfin de l'\xe9t\xe9 \x80")  # valid UTF-8 for 150 kB, then cp1252
    arts, skipped, warned = read([u16], max_chars=20_000)
    assert not skipped and len(arts) > 5 and len(warned) == 1 and "longer than" in warned[0]
    assert _squash(" ".join(a.text for a in arts)) == _squash(text)
    arts, skipped, warned = read([cp], max_chars=20_000)
    assert arts[-1].text.endswith("fin de l'été €")
    offset = cp.read_bytes().index(b"\xe9t\xe9")
    assert f"byte 0xe9 at offset {offset}); read as cp1252" in warned[0]


def test_jsonl_is_read_line_by_line_in_bounded_memory(tmp_path):
    f = tmp_path / "many.jsonl"
    text = "\n\n".join([PARAGRAPH] * 120)  # ~20,000 characters an article
    with open(f, "w", encoding="utf-8") as out:
        for i in range(2_000):
            out.write(json.dumps({"id": f"a{i}", "text": f"{text} ({i})"}, ensure_ascii=False) + "\n")
    size = f.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_articles([f]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2_000 and size > 35_000_000
    # one line at a time (and the ids seen, to keep them unique: ~100 bytes an article)
    assert peak < 2_500_000, f"peak {peak:,} bytes for a {size:,}-byte file"


def test_long_jsonl_text_is_cut_too(tmp_path):
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "x", "text": "\n\n".join([PARAGRAPH] * 100), "title": "T"}) + "\n", encoding="utf-8")
    arts, _, warned = read([f], max_chars=5_000)
    assert len(arts) >= 3 and {a.title for a in arts} == {"T"} and all(a.source == f"{f}:1" for a in arts)
    assert [a.id for a in arts][:2] == ["x-part-1", "x-part-2"] and warned


def test_stdin_is_streamed_and_falls_back_to_cp1252_where_utf8_stops():
    data = ("Le sommet s'ouvre à Genève.\n\n" * 5_000).encode("utf-8") + "Fin de l'été : 5 €.".encode("cp1252")
    arts, skipped, warned = read(["-"], stdin=io.BytesIO(data), max_chars=20_000)
    assert not skipped and len(arts) > 3 and arts[0].id == "stdin-part-1"
    assert arts[0].text.startswith("Le sommet s'ouvre à Genève.") and arts[-1].text.endswith("Fin de l'été : 5 €.")
    offset = data.index(b"\xe9t\xe9")  # the first byte that is not UTF-8
    assert any("<stdin>" in w and "cp1252" in w and f"offset {offset})" in w for w in warned), warned


def test_max_chars_must_be_sensible(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="max_chars"):
        read_articles([tmp_path], max_chars=10)


# ── odd text ──────────────────────────────────────────────────────────────────────────────────


def test_clean_text_controls_and_lone_surrogates():
    assert clean_text("a\x00b\x0bc\x1fd\x7fe \ud800 f\tg\u200b\u202eh") == "abcde \ufffd f\tgh"
    assert clean_text(json.loads('"x\\ud83d\\ude00y"')) == "x\U0001f600y"  # JSON joins a real pair: kept


def test_clean_text_makes_doubled_spaces_one():
    """A scraped page's doubled spaces: one space, or the tokenizer makes the run a word of the sentence."""
    assert clean_text("Le  président   a \t parlé.") == "Le président a parlé."
    # near misses: one tab, a line's indentation, spaces at a line's end stay as they are
    assert clean_text("Genève\t: fin.  \n   Le texte") == "Genève\t: fin.  \n   Le texte"


@pytest.mark.model
@pytest.mark.model
def test_bad_inputs_folder_builds_the_rest_and_reports_each_skip(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(BAD), "--out", str(out), "--no-view", "--published", "2024-01-01"]) == 3
    captured = capsys.readouterr()
    expected = {
        "empty.txt": "empty file",
        "whitespace_only.txt": "empty file",
        "image_named_txt.txt": "binary file",
        "truncated_utf16.txt": "invalid UTF-16",
        "front_matter_only.md": "no text after the front matter",
        "no_text.html": "no article text found",
        "mixed.jsonl:2": "invalid JSON",
        "mixed.jsonl:3": "not a JSON object",
        "mixed.jsonl:4": 'missing "text"',
        "mixed.jsonl:5": 'invalid "published"',
        "mixed.jsonl:6": '"text" must be a string',
        "mixed.jsonl:7": 'empty "text"',
    }
    skips = [ln for ln in captured.err.splitlines() if "skipped" in ln]
    assert len(skips) == len(expected)
    for where, reason in expected.items():
        assert any(f"{BAD / where}: {reason}" in ln for ln in skips), (where, skips)
    assert "cp1252.txt: not valid UTF-8" in captured.err
    assert "built 8 article(s)" in captured.out and f"{len(expected)} skipped" in captured.out
    assert "violation" not in captured.err  # the graph conforms to the shapes
    g = Graph().parse(out / "graph.ttl", format="turtle")
    ids = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    assert ids == {"cp1252", "ok-1", "lone-surrogate", "ok-2", "odd-characters", "page-latin1", "utf16-bom", "utf8-bom"}
    assert str(g.value(article_iri("page-latin1"), DCTERMS.title)) == "Sommet de l'OTAN à Riga"
    assert str(g.value(article_iri("lone-surrogate"), DCTERMS.title)) == 'Titre """ <x> \\'
