"""The notebooks of ``notebooks/``: committed clean, short, logic-free, and run top to bottom.

* Static checks (fast): the four notebooks exist, carry no outputs or execution counts, start
  with a title, keep every cell within a screen, and define no functions or classes (the logic
  lives in ``kg``).
* Execution (``model``: each notebook builds a graph with ``fr_core_news_md``): every notebook is
  run with nbclient in a fresh kernel — a kernelspec written into a temporary ``JUPYTER_PATH`` that
  launches ``ipykernel_launcher`` with this interpreter (the venv's) — from ``notebooks/`` as the
  working directory, with ``TMPDIR`` pointed at a temporary folder so that everything the notebooks
  write lands there. Then: no cell errored or wrote to stderr, the repository's ``notebooks/`` and
  ``examples/`` are unchanged, and a few real outputs are read back (tables, charts, the inline
  view, the store's answers).
* The quick start exported to HTML with nbconvert adds no external script or stylesheet to
  nbconvert's own template, and in headless Chromium with the network blocked its inline view
  draws every entity of the notebook's entity table.
"""

from __future__ import annotations

import ast
import html
import json
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from _browser import available

from _paths import ROOT  # noqa: E402
NOTEBOOKS = ROOT / "notebooks"
NAMES = ("01_quickstart", "02_sparql", "03_network_analysis", "04_your_articles")
#: "No cell longer than a screen."
MAX_CELL_LINES = 30
KERNEL = "kg-test-venv"

nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[test]' (nbformat)")


def _read(name: str):
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


# ---------------------------------------------------------------------------------------------
# the committed files


def test_the_notebooks_are_the_four_of_the_story():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == list(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name):
    nb = _read(name)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], f"{name}: cell {cell.id} has stale outputs (strip them)"
        assert cell.execution_count is None, f"{name}: cell {cell.id} has an execution count"
        assert "execution" not in cell.metadata, f"{name}: cell {cell.id} keeps the timings of a run"
    for cell in nb.cells:
        assert "attachments" not in cell or not cell.attachments


@pytest.mark.parametrize("name", NAMES)
def test_cells_are_short_explained_and_hold_no_logic(name):
    nb = _read(name)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(markdown) >= len(code) // 2, "explain what the reader sees"
    for cell in nb.cells:
        lines = cell.source.splitlines()
        assert len(lines) <= MAX_CELL_LINES, f"{name}: cell {cell.id} is {len(lines)} lines long"
    sources = "\n".join(c.source for c in code)
    assert re.search(r"^import kg$|^from kg", sources, re.M), "the notebooks import kg"
    for cell in code:
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), (
                f"{name}: cell {cell.id} defines {type(node).__name__}: put logic into the kg package")


def test_the_notebook_articles_are_read_as_articles():
    from kg.inputs import read_articles

    arts = list(read_articles([NOTEBOOKS / "articles"]))
    assert len(arts) == 2
    for a in arts:
        assert a.title and a.published and len(a.text.split()) > 40
        assert not a.text.startswith("---")  # the front matter is metadata, not text


# ---------------------------------------------------------------------------------------------
# executing them


def _snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                st = p.stat()
                found[str(p.relative_to(ROOT))] = (st.st_size, st.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Every notebook executed once: name → {"nb", "seconds", "error"}; plus the temp folder."""
    pytest.importorskip("nbclient", reason="pip install -e '.[test]' (nbclient)")
    pytest.importorskip("ipykernel", reason="pip install -e '.[test]' (ipykernel)")
    from nbclient import NotebookClient

    # on a fresh machine matplotlib builds its font cache on first import and says so on stderr:
    # build it here, so that the notebooks' stderr holds only what they cause
    import matplotlib.font_manager  # noqa: F401

    tmp = tmp_path_factory.mktemp("notebooks")
    spec = tmp / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--log-level=ERROR"],
        "display_name": "kg tests (venv)", "language": "python",
    }))
    (tmp / "tmp").mkdir()
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(tmp / "jupyter"))
    mp.setenv("TMPDIR", str(tmp / "tmp"))  # where the notebooks' tempfile.mkdtemp() folders go
    mp.setenv("IPYTHONDIR", str(tmp / "ipython"))
    before = _snapshot(NOTEBOOKS, ROOT / "examples")
    results = {}
    try:
        for name in NAMES:
            nb = _read(name)
            client = NotebookClient(nb, kernel_name=KERNEL, timeout=300, startup_timeout=120,
                                    resources={"metadata": {"path": str(NOTEBOOKS)}})
            t0 = time.perf_counter()
            error = None
            try:
                client.execute()
            except Exception as exc:  # CellExecutionError, a dead kernel, a timeout …
                error = exc
            results[name] = {"nb": nb, "seconds": time.perf_counter() - t0, "error": error}
            print(f"\n{name}: executed in {results[name]['seconds']:.1f} s")
    finally:
        mp.undo()
    results["_changed"] = sorted(set(_snapshot(NOTEBOOKS, ROOT / "examples").items()) ^ set(before.items()))
    results["_tmp"] = tmp / "tmp"
    return results


def _cell(nb, tag: str):
    cells = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r}"
    return cells[0]


def _html(cell) -> str:
    for out in cell.outputs:
        if "text/html" in out.get("data", {}):
            return out["data"]["text/html"]
    raise AssertionError(f"cell {cell.id} shows no HTML")


def _text(cell) -> str:
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "text/plain" in out.get("data", {}):
            parts.append(out["data"]["text/plain"])
    return "".join(parts)


class _Table(HTMLParser):
    """The header and body rows of the first HTML table (a pandas DataFrame's ``_repr_html_``)."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._in, self._cell, self._row, self._tables = None, None, None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._tables += 1
        if self._tables != 1:
            return
        if tag in ("thead", "tbody"):
            self._in = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if self._tables != 1:
            return
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in == "thead" and not self.header:
                self.header = self._row
            elif self._in == "tbody":
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _table(cell) -> list[dict[str, str]]:
    """The DataFrame a cell shows, as records (the index column is dropped)."""
    t = _Table()
    t.feed(_html(cell))
    assert t.header, f"cell {cell.id} shows no table"
    header = t.header[1:] if t.header[0] == "" else t.header
    return [dict(zip(header, row[len(row) - len(header):])) for row in t.rows]


def _executed(run, name):
    r = run[name]
    if r["error"] is not None:
        message = re.sub(r"\x1b\[[0-9;]*m", "", str(r["error"]))  # the traceback without its colours
        pytest.fail(f"{name} did not run top to bottom: {message[-4000:]}")
    return r["nb"]


@pytest.mark.integration
@pytest.mark.model
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_top_to_bottom(run, name):
    nb = _executed(run, name)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None
        for out in cell.outputs:
            assert out.output_type != "error", f"{name}: cell {cell.id} raised {out.get('ename')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"{name}: cell {cell.id} wrote to stderr: {out.text[:500]}")


@pytest.mark.integration
@pytest.mark.model
def test_running_the_notebooks_writes_nothing_into_the_repository(run):
    assert run["_changed"] == []


@pytest.mark.integration
@pytest.mark.model
def test_quickstart_outputs(run):
    from rdflib import Graph

    from kg.rdf.vocab import KG

    nb = _executed(run, "01_quickstart")
    entities = _table(_cell(nb, "entities-table"))
    classes = [r["class"] for r in entities]
    assert "Minister" in classes and "Summit" in classes and "Country" in classes
    assert all(int(r["mentions"]) >= 1 for r in entities)
    turtle = _text(_cell(nb, "minister-turtle"))
    for term in ("a kg:Minister", "kg:ministerOf", "a kg:Mention", "kg:mentionOf", "a kg:Assertion",
                 "prov:wasDerivedFrom", "kg:sentence", "kg:startOffset"):
        assert term in turtle, term
    Graph().parse(data=turtle, format="turtle")  # it is real Turtle
    view = _html(_cell(nb, "inline-view"))
    assert view.startswith("<iframe") and 'srcdoc="' in view
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', view).group(1))
    assert "new vis.Network(" in page and f"{len(entities)} entities" in page
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", page, re.I)
    # the files it saved (in its temporary OUT folder)
    saved = _text(_cell(nb, "saved-files"))
    assert "graph.html" in saved and "graph.ttl" in saved
    (ttl,) = run["_tmp"].glob("kg-notebook-*/graph.ttl")
    g = Graph().parse(ttl)
    assert len(set(g.subjects(None, KG.Minister))) == classes.count("Minister")


@pytest.mark.integration
@pytest.mark.model
def test_sparql_outputs(run):
    nb = _executed(run, "02_sparql")
    summits = _table(_cell(nb, "summits"))
    assert summits and all(r["summit"] for r in summits)
    attendees = _table(_cell(nb, "attendees"))
    assert attendees and all("safety" in r["summitName"].lower() for r in attendees)
    ministers = _table(_cell(nb, "ministers"))
    assert ministers and {r["minister"] for r in ministers} >= {
        r["attendee"] for r in attendees if r["class"] == "Minister"}
    assert _table(_cell(nb, "announcements"))
    scratch = _table(_cell(nb, "scratch-query"))
    assert {r["attendee"] for r in scratch} == {r["attendee"] for r in attendees}
    assert any(r["represents"] not in ("", "None") for r in scratch)
    # the evidence: cutting the article at the offsets gives words of the sentence
    evidence = _table(_cell(nb, "evidence"))
    words = _table(_cell(nb, "evidence-words"))
    assert evidence and len(words) == len(evidence)
    for ev, w in zip(evidence, words):
        assert w["words"] and w["words"] in ev["sentence"]
        assert int(ev["end"]) - int(ev["start"]) == len(w["words"])


@pytest.mark.integration
@pytest.mark.model
def test_network_analysis_outputs(run):
    nb = _executed(run, "03_network_analysis")
    for tag in ("chart-classes", "chart-centrality", "chart-communities"):
        assert any("image/png" in out.get("data", {}) for out in _cell(nb, tag).outputs), tag
    central = _table(_cell(nb, "centrality"))
    between = [float(r["betweenness"]) for r in central]
    assert between == sorted(between, reverse=True) and between[0] > 0
    groups = _table(_cell(nb, "communities"))
    assert groups and all(int(r["size"]) >= 2 for r in groups)
    steps = _table(_cell(nb, "path"))
    assert steps, "the two actors of the notebook are connected"
    assert steps[0]["from"] == "Bruno Le Maire" and steps[-1]["to"] == "Kamala Harris"
    assert all(a["to"] == b["from"] for a, b in zip(steps, steps[1:]))
    assert all(s["sentence"] for s in steps)


@pytest.mark.integration
@pytest.mark.model
def test_your_articles_outputs(run):
    nb = _executed(run, "04_your_articles")
    added = _text(_cell(nb, "store-add")).split("\n")
    assert [line.split("→")[1].strip() for line in added if line] == ["added", "added"]
    again = _text(_cell(nb, "store-readd")).split("\n")
    assert [line.split("→")[1].strip() for line in again if line] == ["unchanged", "unchanged"]
    merged = _table(_cell(nb, "merged"))
    assert merged and all(r["articles"].count(",") >= 1 for r in merged)  # two article ids or more
    summary = [out for out in _cell(nb, "diff-summary").outputs if "text/markdown" in out.get("data", {})]
    assert summary and summary[0]["data"]["text/markdown"].startswith("**Graph diff:** +2 articles")
    changes = {r["change"] for r in _table(_cell(nb, "diff-entities"))}
    assert {"added", "changed"} <= changes
    merged_names = {r["label"] for r in merged}
    changed = {r["label"] for r in _table(_cell(nb, "diff-entities")) if r["change"] == "changed"}
    assert merged_names <= changed  # every entity merged across articles changed with the new ones
    assert {r["change"] for r in _table(_cell(nb, "diff-relations"))} >= {"added"}
    most = _table(_cell(nb, "most-mentioned"))
    assert max(int(r["articles"]) for r in most) >= 2


# ---------------------------------------------------------------------------------------------
# the quick start as a plain exported HTML page


@pytest.fixture(scope="module")
def exported(run, tmp_path_factory):
    pytest.importorskip("nbconvert", reason="pip install -e '.[test]' (nbconvert)")
    from nbconvert import HTMLExporter

    nb = _executed(run, "01_quickstart")
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb)
    empty, _ = exporter.from_notebook_node(nbformat.v4.new_notebook())
    out = tmp_path_factory.mktemp("export") / "01_quickstart.html"
    out.write_text(body, encoding="utf-8")
    return out, body, empty


def _external(page: str) -> set[str]:
    return set(re.findall(r"<script[^>]+src=\"(https?:[^\"]+)\"", page, re.I)) | set(
        re.findall(r"<link[^>]+href=\"(https?:[^\"]+)\"", page, re.I))


@pytest.mark.integration
@pytest.mark.model
def test_exported_quickstart_adds_no_external_resource(exported):
    _path, body, empty = exported
    # nbconvert's own template links require.js and MathJax; the notebook's outputs add nothing
    assert _external(body) <= _external(empty)
    assert body.count('<iframe class="kg-inline-view"') == 2


@pytest.mark.browser
@pytest.mark.integration
@pytest.mark.model
@pytest.mark.skipif(available() is not None, reason=f"no headless browser: {available()}")
def test_exported_quickstart_view_draws_offline(exported, run):
    from selenium.webdriver.common.by import By

    from _browser import chromium

    path, _body, _empty = exported
    entities = _table(_cell(run["01_quickstart"]["nb"], "entities-table"))
    with chromium(1280, 900) as driver:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*"]})
        driver.get(path.resolve().as_uri())
        frame = driver.find_elements(By.CSS_SELECTOR, "iframe.kg-inline-view")[0]
        driver.switch_to.frame(frame)
        deadline = time.monotonic() + 30
        while not driver.execute_script("return window.kgReady === true"):
            assert time.monotonic() < deadline, "the inline view was not drawn in 30 s"
            time.sleep(0.05)
        assert driver.execute_script("return window.kgNodes.length") == len(entities)
        assert driver.execute_script("return window.kgErrors") == []
        fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert fetched == []
        box = driver.execute_script("var r = document.getElementById('mynetwork').getBoundingClientRect();"
                                    "return [r.width, r.height]")
        assert box[0] > 600 and box[1] > 400
