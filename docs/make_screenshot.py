"""Regenerate ``docs/example_view.png``: the view of the example article, in headless Chromium.

    .venv/bin/python docs/make_screenshot.py            # builds examples/ai_safety_summit_fr.txt (spaCy md)
    .venv/bin/python docs/make_screenshot.py out/graph.ttl   # or draws an existing graph

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``test`` extra (selenium). The page is
opened from ``file://`` like a user would, the pointer is put on a ``ministerOf`` edge so that its
tooltip (the sentence stating it, and the article) shows, and the window is saved as PNG.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/_browser.py: headless Chromium

EXAMPLE = ROOT / "examples" / "ai_safety_summit_fr.txt"
PNG = ROOT / "docs" / "example_view.png"
HOVER = ("Michelle Donelan", "ministerOf", "Royaume-Uni")  # the edge whose evidence the tooltip shows


def example_graph():
    from kg.pipeline.build import build_graph
    from kg.inputs.reader import read_articles

    return build_graph(read_articles([str(EXAMPLE)], published="2023-11-01"))


def main(argv: list[str]) -> int:
    from rdflib import Graph
    from selenium.webdriver.common.action_chains import ActionChains

    from _browser import available, chromium, console_errors, open_view
    from kg.views import find_entities, render_html, to_networkx

    why = available()
    if why:
        print(f"cannot take the screenshot: {why}", file=sys.stderr)
        return 2
    graph = Graph().parse(argv[0]) if argv else example_graph()
    G = to_networkx(graph)
    with tempfile.TemporaryDirectory() as tmp, chromium(1500, 950) as driver:
        page = render_html(G, Path(tmp) / "graph.html", title="kg · ai_safety_summit_fr")
        open_view(driver, page)
        (u,) = find_entities(G, HOVER[0])
        (v,) = find_entities(G, HOVER[2])
        x, y = driver.execute_script(
            "var net = kgNetwork, p = net.getPositions([arguments[0], arguments[1]]);"
            "var a = p[arguments[0]], b = p[arguments[1]];"
            "var m = net.canvasToDOM({x: 0.62 * a.x + 0.38 * b.x, y: 0.62 * a.y + 0.38 * b.y});"
            "var r = document.getElementById('mynetwork').getBoundingClientRect();"
            "return [Math.round(m.x + r.left), Math.round(m.y + r.top)];", u, v)
        ActionChains(driver).move_by_offset(x, y).perform()
        time.sleep(0.6)
        errors = console_errors(driver)
        if errors:
            print("JavaScript errors:", *errors, sep="\n  ", file=sys.stderr)
            return 1
        PNG.parent.mkdir(parents=True, exist_ok=True)
        driver.get_screenshot_as_file(str(PNG))
    print(f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations → {PNG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
