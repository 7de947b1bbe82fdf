"""Inputs a careless user (or a hostile file) gives: broken links, pipes, UTF-16 without BOM,
ids that spoof table rows, URLs that are not web addresses."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.errors import InputError
from kg.inputs.reader import read_articles

TEXT = "Le sommet du G7 s’est ouvert à Hiroshima. « La paix » a dit le Premier ministre.\n"


def read(paths, **kw):
    arts, skipped, warned = [], [], []
    for a in read_articles(paths, on_skip=skipped.append, on_warning=warned.append, **kw):
        arts.append(a)
    return arts, skipped, warned


posix = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="symbolic links, pipes and /proc")


@posix
def test_broken_links_in_a_folder_are_reported_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    arts, skipped, _ = read([tmp_path])
    assert [a.id for a in arts] == ["a"]
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert reasons == {"dangling.txt": f"dangling symbolic link (to {tmp_path / 'gone.txt'})",
                       "loop.txt": "symbolic link loop"}


@posix
def test_broken_links_named_directly_say_what_they_are(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to("gone.txt")
    with pytest.raises(InputError, match="loop.txt: symbolic link loop"):
        read([tmp_path / "loop.txt"])
    with pytest.raises(InputError, match=r"dangling.txt: dangling symbolic link \(to gone.txt\)"):
        read([tmp_path / "dangling.txt"])
    with pytest.raises(InputError, match="missing.txt: no such file or folder"):
        read([tmp_path / "missing.txt"])


@posix
def test_a_process_substitution_is_read_as_a_stream():
    """``kg build <(cat a.txt)`` names /dev/fd/N, a pipe: it cannot seek, so it is read as it comes."""
    r, w = os.pipe()

    def write() -> None:
        with os.fdopen(w, "wb") as f:
            f.write(TEXT.encode("utf-8"))

    t = threading.Thread(target=write)
    t.start()
    try:
        arts, skipped, _ = read([f"/dev/fd/{r}"])
    finally:
        t.join()
        os.close(r)
    assert skipped == [] and [a.text for a in arts] == [TEXT.strip()]


@posix
def test_a_fifo_nothing_writes_into_is_skipped_not_waited_for_forever(tmp_path, monkeypatch):
    import kg.inputs.decode as decode

    monkeypatch.setattr(decode, "PIPE_WAIT", 1.0)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done: dict = {}
    t = threading.Thread(target=lambda: done.setdefault("r", read([fifo])), daemon=True)
    t.start()
    t.join(15)
    assert not t.is_alive(), "reading a FIFO with no writer blocked"
    arts, skipped, warned = done["r"]
    assert arts == [] and len(skipped) == 1 and "nothing was written into this pipe" in skipped[0].reason
    assert any("waiting for something to write" in w for w in warned)
    # with a writer, it is read
    writer = threading.Thread(target=lambda: fifo.write_text(TEXT, encoding="utf-8"))
    writer.start()
    arts, skipped, _ = read([fifo])
    writer.join()
    assert [a.text for a in arts] == [TEXT.strip()] and skipped == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_read_not_called_binary(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode(encoding))
    arts, skipped, warned = read([f])
    assert skipped == [] and [a.text for a in arts] == [TEXT.strip()]
    assert len(warned) == 1 and "no byte-order mark" in warned[0]
    j = tmp_path / "c.jsonl"
    j.write_bytes((json.dumps({"id": "a1", "text": TEXT}, ensure_ascii=False) + "\n").encode(encoding))
    arts, skipped, _ = read([j])
    assert skipped == [] and [a.text for a in arts] == [TEXT.strip()]


def test_binary_stays_binary(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(range(256)) * 40)
    arts, skipped, _ = read([f])
    assert arts == [] and [s.reason for s in skipped] == ["binary file"]


def test_ids_are_one_clean_line(tmp_path):
    f = tmp_path / "c.jsonl"
    rows = [{"id": "a1\u202e\n\tb", "text": "un"}, {"id": "\u202e\n", "text": "deux"},
            {"id": "x\r\ny", "text": "trois"}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    arts, _, _ = read([f])
    assert [a.id for a in arts] == ["a1 b", "c-2", "x y"]
    md = tmp_path / "n.md"
    md.write_text("---\nid: évian\u202e\u200b 2024\n---\nLe sommet.\n", encoding="utf-8")
    (art,), _, _ = read([md])
    assert art.id == "évian 2024"


def test_urls_other_than_http_are_left_out_with_a_warning(tmp_path):
    f = tmp_path / "c.jsonl"
    urls = ["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<script>x</script>",
            "file:///etc/passwd", "https://example.org/a?b=1", "http://example.org/", "//example.org/x"]
    f.write_text("".join(json.dumps({"id": f"a{i}", "text": "x", "url": u}) + "\n" for i, u in enumerate(urls)),
                 encoding="utf-8")
    arts, _, warned = read([f])
    assert [a.url for a in arts] == [None, None, None, None, "https://example.org/a?b=1", "http://example.org/", None]
    assert len(warned) == 5 and all("is not http(s): left out" in w for w in warned)
    assert f"{f}:1" in warned[0]
    md = tmp_path / "n.md"
    md.write_text("---\nurl: javascript:alert(1)\n---\nLe sommet.\n", encoding="utf-8")
    (art,), _, warned = read([md])
    assert art.url is None and len(warned) == 1


def test_a_spoofing_id_does_not_reach_a_query_table(tmp_path, capsys):
    """An id with U+202E and a line break, shown by kg query: one row, nothing reordered."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS

    g = Graph()
    g.add((URIRef("https://w3id.org/kg-news/id/article/a"), DCTERMS.identifier, Literal("a\u202egnp.exe\nfake row")))
    ttl = tmp_path / "g.ttl"
    g.serialize(ttl, format="turtle")
    assert main(["query", "SELECT ?id WHERE { ?a dcterms:identifier ?id }", "--graph", str(ttl)]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "a\\u202egnp.exe fake row" in out and "(1 row)" in out
