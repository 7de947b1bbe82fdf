"""Legacy encodings (kg.inputs.decode): French text in cp1252, ISO-8859-15, Mac-Roman, cp850 and
UTF-16 without BOM is read right, the warning says which encoding was assumed, cp1252 stays the
fallback when the detector cannot tell; C1 control characters are cleaned out."""

from __future__ import annotations

import io
import json

import pytest

from kg.inputs.clean import clean_text
from kg.inputs.decode import detect_legacy, legacy_codec
from kg.inputs.reader import read_articles

# Real sentences of French news, each with what the encodings that cannot write it lack replaced
PARIS = ("Le président a reçu à l'Élysée son homologue allemand ; « nous sommes prêts », a déclaré le "
         "ministre des Affaires étrangères, qui s'était rendu à Genève la veille.")
OEUVRE = "Le chef-d'œuvre de la diplomatie française : un accord à 5 € le baril, signé à Noël par l'Œcuménique Sénat."
BRICS = "Les BRICS vont presque doubler de taille : l'Égypte, l'Éthiopie et l'Iran rejoignent le groupe, a annoncé le président sud-africain."


def read(path, **kw):
    warned: list[str] = []
    arts = list(read_articles([path], on_warning=warned.append, on_skip=lambda s: warned.append(str(s)), **kw))
    return arts, warned


@pytest.mark.parametrize("encoding, name", [("cp1252", "cp1252"), ("iso-8859-15", "ISO-8859-15"),
                                            ("mac_roman", "Mac-Roman"), ("cp850", "cp850")])
@pytest.mark.parametrize("text", [PARIS, BRICS])
def test_french_in_a_legacy_encoding_is_read_right(tmp_path, encoding, name, text):
    f = tmp_path / "article.txt"
    f.write_bytes(text.encode(encoding))
    (art,), warned = read(f)
    assert art.text == text
    assert len(warned) == 1 and warned[0].startswith(f"{f}: not valid UTF-8 (byte 0x")
    if encoding == "cp1252" or text.encode(encoding) == text.encode("cp1252"):
        assert warned[0].endswith("read as cp1252 (assumed: the encoding could not be detected)")
    else:
        assert warned[0].endswith(f"read as {name} (detected)")


def test_latin9_oe_is_not_one_half(tmp_path):
    f = tmp_path / "oeuvre.txt"
    f.write_bytes(OEUVRE.encode("iso-8859-15"))
    (art,), warned = read(f)
    assert art.text == OEUVRE and "½" not in art.text and "¼" not in art.text
    assert warned[0].endswith("read as ISO-8859-15 (detected)")
    # the same words in cp1252 stay cp1252: œ, Œ and € are where cp1252 has them
    f.write_bytes(OEUVRE.encode("cp1252"))
    assert read(f)[0][0].text == OEUVRE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(PARIS.encode(encoding))
    (art,), warned = read(f)
    assert art.text == PARIS
    assert warned == [f"{f}: no byte-order mark; read as {encoding.upper().replace('-LE', 'LE').replace('-BE', 'BE')} "
                      "(its zero bytes say so)"]


def test_when_the_detector_cannot_tell_cp1252_is_kept(tmp_path):
    assert detect_legacy(b"caf\xe9") is None  # one letter: as French in cp1252 (café) as anywhere
    f = tmp_path / "a.txt"
    f.write_bytes(b"caf\xe9")
    (art,), warned = read(f)
    assert art.text == "café" and warned[0].endswith("read as cp1252 (assumed: the encoding could not be detected)")


def test_a_big_file_is_detected_from_its_first_bad_byte(tmp_path):
    """A long ASCII start, then Mac-Roman: the detector looks where the bytes stop being UTF-8."""
    text = "The summit opened in Paris. " * 20_000 + "\n\n" + PARIS
    f = tmp_path / "big.txt"
    f.write_bytes(text.encode("mac_roman"))
    arts, warned = read(f)
    assert arts[-1].text.endswith(PARIS)
    assert "read as Mac-Roman (detected)" in warned[0] and f"offset {text.index('é')}" in warned[0]


def test_stdin_switches_to_the_detected_encoding(tmp_path):
    data = "Premier paragraphe en UTF-8 : déjà vu.\n\n".encode("utf-8") + BRICS.encode("cp850")
    warned: list[str] = []
    (art,) = read_articles(["-"], stdin=io.BytesIO(data), on_warning=warned.append)
    assert art.text == "Premier paragraphe en UTF-8 : déjà vu.\n\n" + BRICS
    assert "read as cp850 (detected) from there" in warned[0]


def test_jsonl_lines_in_a_legacy_encoding(tmp_path):
    f = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": "ok"}).encode(),
             json.dumps({"id": "b", "text": PARIS}, ensure_ascii=False).encode("mac_roman"),
             json.dumps({"id": "c", "text": BRICS}, ensure_ascii=False).encode("mac_roman")]
    f.write_bytes(b"\n".join(lines) + b"\n")
    arts, warned = read(f)
    assert [a.text for a in arts] == ["ok", PARIS, BRICS]
    assert warned == [f"{f}:2: not valid UTF-8; this and later such lines read as Mac-Roman (detected)"]


def test_legacy_codec_names_what_it_assumed():
    assert legacy_codec(PARIS.encode("cp850")) == ("cp850", "cp850 (detected)")
    assert legacy_codec(b"caf\xe9 \x81") == ("latin-1", "latin-1 (assumed: the encoding could not be detected)")


def test_c1_controls_are_removed_but_next_line_is_a_line_break():
    # Mac-Roman « é » (0x8e) and « à » (0x88) read as latin-1: C1 controls, not letters
    assert clean_text("D\x8ej\x88 vu") == "Dj vu"
    assert clean_text("a\x80\x9fb\x85c") == "ab\nc"
    assert clean_text("Noël à Genève\t: ½ ¼ « » ©") == "Noël à Genève\t: ½ ¼ « » ©"  # what follows U+009F stays
    assert all(clean_text(f"a{chr(c)}b") == "ab" for c in range(0x80, 0xA0) if c != 0x85)
