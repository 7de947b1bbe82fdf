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


#: A module or class past these sizes is doing more than one job (data files are not counted).
MODULE_LINES = 600
CLASS_LINES = 400


def test_no_module_or_class_is_too_big():
    too_big = []
    for path in sorted(KG.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        if len(text.splitlines()) > MODULE_LINES:
            too_big.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > CLASS_LINES:
                too_big.append(f"{name}: class {node.name}, {node.end_lineno - node.lineno + 1} lines")
    assert too_big == []


def test_stages_only_depend_downstream():
    """The layout shows the data flow: a stage never imports a later one. Articles go inputs → nlp →
    extract → rdf → store; sparql, serve, graph, views and validate read graphs and stores; the
    pipeline runs a build end to end (workers, sinks, and the outputs: Turtle, view, validation);
    evaluation scores builds; the CLI only parses and prints."""
    order = ["records", "errors", "names", "output", "inputs", "nlp", "extract", "rdf", "store",
             "sparql", "serve", "graph", "views", "validate", "pipeline", "evaluation", "cli"]
    rank = {stage: i for i, stage in enumerate(order)}

    def stage(module: str) -> str:
        return module.split(".")[1] if module.count(".") else "kg"

    upstream = []
    for a, b in import_graph().edges:
        sa, sb = stage(a), stage(b)
        if sa in rank and sb in rank and rank[sb] > rank[sa]:
            upstream.append(f"{a} → {b}")
    assert upstream == [], "imports against the flow: " + "; ".join(upstream)
