"""Tests of kg.inputs: files, folders, stdin, JSONL, encodings, cleaning, ids and dates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.errors import InputError, KgError
from kg.inputs.reader import Skipped, clean_text, read_articles


def read(paths, **kw):
    """Articles, skips and warnings of ``paths``."""
    skipped: list[Skipped] = []
    warned: list[str] = []
    arts = list(read_articles(paths, on_skip=skipped.append, on_warning=warned.append, **kw))
    return arts, skipped, warned


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ── files and folders ─────────────────────────────────────────────────────────────────────────


def test_txt_file_is_one_article(tmp_path):
    f = write(tmp_path / "Sommet de l'IA.txt", "Le sommet s'ouvre à Paris.\n")
    arts, skipped, warned = read([f])
    assert len(arts) == 1 and not skipped and not warned
    a = arts[0]
    assert a.id == "sommet-de-l-ia"
    assert a.text == "Le sommet s'ouvre à Paris."
    assert a.source == str(f)
    assert a.published is None and a.title is None


def test_folder_recursive_sorted_and_filtered(tmp_path):
    write(tmp_path / "b.txt", "B")
    write(tmp_path / "a.md", "A")
    write(tmp_path / "sub" / "c.txt", "C")
    write(tmp_path / "sub" / "deeper" / "d.jsonl", '{"text": "D"}\n')
    write(tmp_path / "notes.json", '{"text": "not picked"}')
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / ".hidden" / "e.txt", "hidden")
    write(tmp_path / ".f.txt", "hidden")
    write(tmp_path / "UPPER.TXT", "U")
    arts, skipped, _ = read([tmp_path])
    # sorted by path components, by code point (so "UPPER" before "a"), whatever the file system
    assert [a.text for a in arts] == ["U", "A", "B", "C", "D"]
    assert not skipped


def test_order_follows_arguments_and_is_deterministic(tmp_path):
    z = write(tmp_path / "z.txt", "Z")
    a = write(tmp_path / "a.txt", "A")
    assert [x.text for x in read([z, a])[0]] == ["Z", "A"]
    assert [x.id for x in read([tmp_path])[0]] == [x.id for x in read([tmp_path])[0]] == ["a", "z"]


def test_same_file_twice_read_once(tmp_path):
    f = write(tmp_path / "a.txt", "A")
    arts, _, _ = read([f, tmp_path, f])
    assert [a.id for a in arts] == ["a"]


def test_folder_without_articles_is_skipped_not_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty / "readme.pdf", b"%PDF")
    ok = write(tmp_path / "ok.txt", "texte")
    arts, skipped, _ = read([empty, ok])
    assert [a.id for a in arts] == ["ok"]
    assert skipped == [Skipped(str(empty), "no .txt, .md, .jsonl or .html files")]


def test_missing_path_raises_before_anything_is_read(tmp_path):
    ok = write(tmp_path / "ok.txt", "texte")
    missing = tmp_path / "nope" / "missing.txt"
    with pytest.raises(InputError) as info:
        read_articles([ok, missing])  # raised at call time, not on first next()
    assert str(missing) in str(info.value)
    assert "no such file or folder" in str(info.value)
    assert isinstance(info.value, KgError)


def test_no_paths_is_an_error():
    with pytest.raises(InputError):
        read_articles([])


def test_default_callbacks_warn(tmp_path):
    write(tmp_path / "empty.txt", "")
    with pytest.warns(UserWarning, match="empty.txt: empty file"):
        assert list(read_articles([tmp_path])) == []


# ── ids ───────────────────────────────────────────────────────────────────────────────────────


def test_same_stem_in_different_folders_is_disambiguated(tmp_path):
    write(tmp_path / "2023" / "g7.txt", "un")
    write(tmp_path / "2024" / "g7.txt", "deux")
    write(tmp_path / "2024" / "other.txt", "trois")
    arts, _, _ = read([tmp_path])
    assert [(a.id, a.text) for a in arts] == [("g7-2023", "un"), ("g7-2024", "deux"), ("other", "trois")]
    again, _, _ = read([tmp_path])
    assert [a.id for a in again] == [a.id for a in arts]


def test_same_stem_same_folder_uses_extension(tmp_path):
    write(tmp_path / "x.txt", "un")
    write(tmp_path / "x.md", "deux")
    arts, _, _ = read([tmp_path])
    assert sorted(a.id for a in arts) == ["x-md", "x-txt"]


def test_duplicate_jsonl_ids_are_renamed_with_warning(tmp_path):
    f = write(tmp_path / "c.jsonl", '{"id": "a1", "text": "un"}\n{"id": "a1", "text": "deux"}\n')
    arts, skipped, warned = read([f])
    assert [a.id for a in arts] == ["a1", "a1-2"]
    assert not skipped
    assert len(warned) == 1 and f"{f}:2" in warned[0] and "a1-2" in warned[0]


# ── JSONL ─────────────────────────────────────────────────────────────────────────────────────


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Premier.", "published": "2023-11-01", "url": "https://x.fr/1", "title": "T1"}),
        "",  # 2: blank, ignored
        "{not json",  # 3
        json.dumps(["a", "list"]),  # 4
        json.dumps({"title": "no text"}),  # 5
        json.dumps({"text": "   "}),  # 6
        json.dumps({"text": 42}),  # 7
        json.dumps({"text": "Date fausse", "published": "01/11/2023"}),  # 8
        json.dumps({"text": "Date impossible", "published": "2023-02-30"}),  # 9
        json.dumps({"text": "Sans id ni date."}),  # 10
        "   ",  # 11: whitespace only, ignored
        json.dumps({"text": "Dernier", "published": "2024-06-13T09:30:00+02:00", "id": 7}),  # 12
    ]
    f = write(tmp_path / "Corpus.jsonl", "\n".join(lines) + "\n")
    arts, skipped, warned = read([f], published="2020-01-01")
    assert [(a.id, a.text, a.published) for a in arts] == [
        ("a1", "Premier.", "2023-11-01"),
        ("corpus-10", "Sans id ni date.", "2020-01-01"),
        ("7", "Dernier", "2024-06-13"),
    ]
    assert arts[0].url == "https://x.fr/1" and arts[0].title == "T1"
    assert arts[0].source == f"{f}:1" and arts[1].source == f"{f}:10"
    assert [s.source for s in skipped] == [f"{f}:{n}" for n in (3, 4, 5, 6, 7, 8, 9)]
    reasons = [s.reason for s in skipped]
    assert reasons[0].startswith("invalid JSON (")
    assert "not a JSON object" in reasons[1]
    assert reasons[2] == 'missing "text"'
    assert reasons[3] == 'empty "text"'
    assert '"text" must be a string' in reasons[4]
    assert "01/11/2023" in reasons[5] and "YYYY-MM-DD" in reasons[5]
    assert "2023-02-30" in reasons[6]
    assert str(skipped[0]).startswith(f"{f}:3: invalid JSON")
    assert not warned


def test_jsonl_crlf_and_utf8_bom(tmp_path):
    data = "\ufeff" + json.dumps({"text": "é1"}) + "\r\n" + json.dumps({"text": "é2"}) + "\r\n"
    f = write(tmp_path / "c.jsonl", data.encode("utf-8"))
    arts, skipped, _ = read([f])
    assert [a.text for a in arts] == ["é1", "é2"] and not skipped


def test_jsonl_utf16(tmp_path):
    data = json.dumps({"text": "Été"}, ensure_ascii=False) + "\n" + "{bad\n" + json.dumps({"text": "Noël"}, ensure_ascii=False) + "\n"
    f = write(tmp_path / "c.jsonl", data.encode("utf-16"))
    arts, skipped, _ = read([f])
    assert [a.text for a in arts] == ["Été", "Noël"]
    assert [s.source for s in skipped] == [f"{f}:2"]


def test_jsonl_keeps_u2028_inside_a_line(tmp_path):
    data = json.dumps({"text": "a\u2028b"}, ensure_ascii=False) + "\n" + json.dumps({"text": "c"}) + "\n"
    f = write(tmp_path / "c.jsonl", data.encode("utf-16"))
    arts, skipped, _ = read([f])
    assert [a.text for a in arts] == ["a\u2028b", "c"] and not skipped


def test_jsonl_cp1252_line_falls_back_with_warning(tmp_path):
    f = write(tmp_path / "c.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9 \x80"}\n')
    arts, skipped, warned = read([f])
    assert [a.text for a in arts] == ["ok", "café €"]
    assert len(warned) == 1 and f"{f}:2" in warned[0] and "cp1252" in warned[0]


def test_jsonl_is_streamed(tmp_path, monkeypatch):
    f = write(tmp_path / "c.jsonl", "".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(3)))
    it = read_articles([f], on_skip=lambda s: None)
    first = next(it)
    assert first.text == "t0"
    # Lines after the first are read lazily: appending now is seen by the open file.
    with open(f, "a", encoding="utf-8") as out:
        out.write(json.dumps({"text": "late"}) + "\n")
    assert [a.text for a in it] == ["t1", "t2", "late"]


def test_empty_jsonl_skipped(tmp_path):
    f = write(tmp_path / "c.jsonl", "\n \n")
    arts, skipped, _ = read([f])
    assert arts == [] and skipped == [Skipped(str(f), "empty file")]


# ── encodings, binary, empty ──────────────────────────────────────────────────────────────────


def test_utf8_bom_stripped(tmp_path):
    f = write(tmp_path / "a.txt", "\ufeffÉlysée".encode("utf-8"))
    arts, _, warned = read([f])
    assert arts[0].text == "Élysée" and not warned


def test_utf16_le_with_bom(tmp_path):
    f = write(tmp_path / "a.txt", b"\xff\xfe" + "Sommet à Séoul.\r\nFin".encode("utf-16-le"))
    arts, skipped, warned = read([f])
    assert arts[0].text == "Sommet à Séoul.\nFin" and not skipped and not warned


def test_utf16_be_with_bom(tmp_path):
    f = write(tmp_path / "a.txt", b"\xfe\xff" + "Noël".encode("utf-16-be"))
    assert read([f])[0][0].text == "Noël"


def test_cp1252_fallback_warns(tmp_path):
    f = write(tmp_path / "a.txt", "Le ministre a déclaré : « 5 € ».".encode("cp1252"))
    arts, skipped, warned = read([f])
    assert arts[0].text == "Le ministre a déclaré : « 5 € »."
    assert not skipped
    assert len(warned) == 1 and str(f) in warned[0] and "cp1252" in warned[0]


def test_latin1_when_cp1252_undefined(tmp_path):
    f = write(tmp_path / "a.txt", b"caf\xe9 \x81")
    arts, _, warned = read([f])
    assert arts[0].text == "café" and "latin-1" in warned[0]  # read as latin-1, U+0081 then cleaned out


def test_binary_skipped(tmp_path):
    png = write(tmp_path / "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    ctrl = write(tmp_path / "b.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"abc")
    ok = write(tmp_path / "c.txt", "texte")
    arts, skipped, _ = read([png, ctrl, ok])
    assert [a.id for a in arts] == ["c"]
    assert skipped == [Skipped(str(png), "binary file"), Skipped(str(ctrl), "binary file")]


def test_empty_and_whitespace_skipped(tmp_path):
    e = write(tmp_path / "e.txt", "")
    w = write(tmp_path / "w.txt", " \n\t\r\n\u00a0\u200b")
    m = write(tmp_path / "m.md", "\n\n")
    arts, skipped, _ = read([e, w, m])
    assert arts == []
    assert skipped == [Skipped(str(e), "empty file"), Skipped(str(w), "empty file"), Skipped(str(m), "empty file")]


# ── stdin ─────────────────────────────────────────────────────────────────────────────────────


class _Stdin:
    """A text stream with a ``.buffer``, like sys.stdin."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def read(self):  # pragma: no cover - must not be used when .buffer exists
        raise AssertionError("read .buffer, not the text layer")


def test_stdin_reads_buffer_bytes(tmp_path):
    f = write(tmp_path / "a.txt", "fichier")
    arts, _, _ = read(["-", f], stdin=_Stdin("\ufeffDepuis l'entrée\r\n".encode("utf-8")))
    assert [(a.id, a.text, a.source) for a in arts] == [("stdin", "Depuis l'entrée", "<stdin>"), ("a", "fichier", str(f))]


def test_stdin_plain_bytesio_and_textio():
    assert read(["-"], stdin=io.BytesIO("Noël".encode("utf-16")))[0][0].text == "Noël"
    assert read(["-"], stdin=io.StringIO("texte"))[0][0].text == "texte"


def test_stdin_empty_skipped():
    arts, skipped, _ = read(["-"], stdin=io.BytesIO(b"  \n"))
    assert arts == [] and skipped == [Skipped("<stdin>", "empty file")]


def test_stdin_twice_is_an_error():
    with pytest.raises(InputError, match="more than once"):
        read_articles(["-", "-"], stdin=io.BytesIO(b"x"))


# ── markdown ──────────────────────────────────────────────────────────────────────────────────


def test_markdown_front_matter(tmp_path):
    f = write(
        tmp_path / "note.md",
        "---\n"
        'title: "Sommet du G7"\n'
        "date: 2024-06-13T10:00:00+02:00\n"
        "url: https://exemple.fr/g7\n"
        "id: g7-2024\n"
        "tags: [a, b]\n"
        "---\n"
        "# Les Pouilles\n\n"
        "Le sommet s'ouvre.\n"
        "## Suite ##\n"
        "#hashtag reste\n",
    )
    arts, _, warned = read([f], published="2000-01-01")
    a = arts[0]
    assert (a.id, a.title, a.published, a.url) == ("g7-2024", "Sommet du G7", "2024-06-13", "https://exemple.fr/g7")
    assert a.text == "Les Pouilles\n\nLe sommet s'ouvre.\nSuite\n#hashtag reste"
    assert not warned


def test_markdown_heading_becomes_title(tmp_path):
    f = write(tmp_path / "Mon Article.md", "Intro\n\n## Le G20 à Lima\n\nTexte.")
    a = read([f], published="2024-11-19")[0][0]
    assert (a.id, a.title, a.published) == ("mon-article", "Le G20 à Lima", "2024-11-19")
    assert a.text == "Intro\n\nLe G20 à Lima\n\nTexte."


def test_markdown_bad_front_matter_date_warns(tmp_path):
    f = write(tmp_path / "a.md", "---\npublished: hier\n---\nTexte.")
    arts, _, warned = read([f], published="2023-01-02")
    assert arts[0].published == "2023-01-02"
    assert len(warned) == 1 and "hier" in warned[0] and str(f) in warned[0]


def test_markdown_only_front_matter_skipped(tmp_path):
    f = write(tmp_path / "a.md", "---\ntitle: x\n---\n\n")
    arts, skipped, _ = read([f])
    assert arts == [] and skipped == [Skipped(str(f), "no text after the front matter")]


def test_markdown_unclosed_front_matter_is_text(tmp_path):
    f = write(tmp_path / "a.md", "---\ntitle: x\nTexte.")
    a = read([f])[0][0]
    assert a.title is None and a.text == "---\ntitle: x\nTexte."


# ── cleaning ──────────────────────────────────────────────────────────────────────────────────


def test_nbsp_zero_width_bidi_cleaned(tmp_path):
    raw = "Le\u00a0sommet\u202f: Macron\u200b\u200c\u200d a\u2060 parlé\u200e\u202a\u202c\u2066.\r\nFin.\rIci"
    f = write(tmp_path / "a.txt", raw)
    assert read([f])[0][0].text == "Le sommet : Macron a parlé.\nFin.\nIci"


def test_nfc_normalised(tmp_path):
    f = write(tmp_path / "a.txt", "Be\u0301ziers")  # e + combining acute
    text = read([f])[0][0].text
    assert text == "B\u00e9ziers" and len(text) == 7


def test_clean_text_in_jsonl_and_title(tmp_path):
    f = write(tmp_path / "c.jsonl", json.dumps({"text": "a\u00a0b\u200bc", "title": " T\u202fI "}) + "\n")
    a = read([f])[0][0]
    assert (a.text, a.title) == ("a bc", "T I")


def test_clean_text_function():
    assert clean_text("\ufeff x\u00a0y\r\n") == "x y"


# ── published option ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("bad", ["2023-13-01", "01/11/2023", "2023-11-1", "hier", "2023-02-30", "2023-11-01T10:00"])
def test_published_option_validated_at_call_time(tmp_path, bad):
    f = write(tmp_path / "a.txt", "texte")
    with pytest.raises(InputError, match="YYYY-MM-DD") as info:
        read_articles([f], published=bad)
    assert bad in str(info.value)


@pytest.mark.parametrize("partial", ["2024-11", "2024", " 2024-11 "])
def test_published_option_may_be_a_month_or_a_year(tmp_path, partial):
    f = write(tmp_path / "a.txt", "texte")
    j = write(tmp_path / "b.jsonl", json.dumps({"text": "x", "published": "2022-05"}) + "\n")
    got = {a.id: a.published for a in read_articles([f, j], published=partial)}
    assert got == {"a": partial.strip(), "b-1": "2022-05"}


def test_published_option_applies_only_without_own_date(tmp_path):
    t = write(tmp_path / "a.txt", "texte")
    j = write(tmp_path / "c.jsonl", json.dumps({"text": "x", "published": "2022-05-05"}) + "\n" + json.dumps({"text": "y"}) + "\n")
    arts, _, _ = read([t, j], published="2023-11-01")
    assert [a.published for a in arts] == ["2023-11-01", "2022-05-05", "2023-11-01"]
