"""Every CLI error is one line naming the path or the cause, with the documented exit code:
outputs that cannot be written, options out of range."""

from __future__ import annotations

import os
import sys
import tempfile

import pytest

import _query_data

from kg.cli.app import main
from kg.store.store import KgStore


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli_errors") / "st"
    with KgStore.open(path) as st:
        st.add_extractions(_query_data.extractions())
    return path


@pytest.fixture(scope="module")
def ttl(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli_errors_g") / "graph.ttl"
    _query_data.graph().serialize(path, format="turtle")
    return path


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), err
    return lines[0]


def _outs(tmp_path, ttl, store):
    return [
        lambda out: ["view", "--ontology", "--out", out],
        lambda out: ["view", str(ttl), "--out", out],
        lambda out: ["export", "--store", str(store), "--out", out],
        lambda out: ["export", "--graph", str(ttl), "--out", out],
    ]


def test_an_output_under_a_file_is_one_line(tmp_path, ttl, store, capsys):
    blocker = tmp_path / "notafolder"
    blocker.write_text("x")
    for make in _outs(tmp_path, ttl, store):
        out = str(blocker / "sub" / "x.ttl")
        assert main(make(out)) == 2
        line = one_line(capsys.readouterr().err)
        assert out in line and "is a file, not a folder" in line


def test_an_output_that_cannot_be_created_is_one_line(tmp_path, ttl, store, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", kwargs.get("dir"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    for make in _outs(tmp_path, ttl, store):
        out = str(tmp_path / "ro" / "x.ttl")
        assert main(make(out)) == 2
        line = one_line(capsys.readouterr().err)
        assert out in line and "Permission denied" in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_an_output_on_a_file_system_that_refuses_it_is_one_line(ttl, store, capsys):
    for make in _outs(None, ttl, store):
        assert main(make("/proc/kg-test/x.ttl")) == 2
        assert "/proc/kg-test/x.ttl: cannot write" in one_line(capsys.readouterr().err)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_one_line(tmp_path, ttl, store, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        for make in _outs(tmp_path, ttl, store):
            assert main(make(str(ro / "x.ttl"))) == 2
            assert "Permission denied" in one_line(capsys.readouterr().err)
    finally:
        ro.chmod(0o755)


@pytest.mark.parametrize("args", [["--max-width", "-5"], ["--max-width", "many"], ["--timeout", "-1"]])
def test_query_options_out_of_range_are_usage_errors(ttl, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(["query", "ASK {}", "--graph", str(ttl), *args])
    assert exc.value.code == 2
    assert args[0] in capsys.readouterr().err
