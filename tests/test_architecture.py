"""The package's architecture: no import cycle between kg's modules (imports inside functions
count too: a cycle hidden in a function is still a cycle)."""

from __future__ import annotations

import ast

import networkx as nx

from _paths import ROOT

KG = ROOT / "kg"


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in KG.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


def import_graph() -> nx.DiGraph:
    """Module → the kg modules it imports. A package's imports of its own submodules (re-exports in
    ``__init__``) are left out: importing ``kg.pipeline.build`` runs ``kg/pipeline/__init__.py`` first
    whatever it imports."""
    modules = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, tree in modules.items():
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "kg":
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in modules and target != name and not target.startswith(name + "."):
                    g.add_edge(name, target)
    return g


def test_the_import_graph_is_complete_enough_to_mean_something():
    g = import_graph()
    assert g.has_edge("kg.rdf.mapping", "kg.rdf.emit") and g.has_edge("kg.store.store", "kg.store.merged")
    assert g.number_of_nodes() > 50


def test_no_import_cycle():
    cycles = sorted(sorted(c) for c in nx.simple_cycles(import_graph()))
    assert cycles == [], "import cycles: " + "; ".join(" → ".join(c) for c in cycles[:10])
