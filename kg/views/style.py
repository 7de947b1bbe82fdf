"""How a view looks: colour and shape per class (:data:`CLASS_STYLE`), the legend, vis-network's
groups and options, and the legend's SVG icons."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import networkx as nx

from kg.graph.projection import class_rank
from kg.views.layout import SPRING_LAYOUT_MAX_NODES, stabilisation_iterations

__all__ = ["CLASS_STYLE", "DEFAULT_STYLE", "style_of", "legend", "groups", "vis_options", "icon"]

#: (colour, vis-network shape) per class. Unknown classes are grey dots.
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Summit": ("#e15759", "star"),
    "Event": ("#ff9da7", "triangle"),
    "Minister": ("#4e79a7", "diamond"),
    "Person": ("#76b7b2", "dot"),
    "Country": ("#59a14f", "square"),
    "Organization": ("#b07aa1", "hexagon"),
    "City": ("#edc948", "triangleDown"),
    "Announcement": ("#f28e2b", "box"),
    # ontology view
    "Provenance": ("#9c9c9c", "ellipse"),
    "External": ("#d9d9d9", "ellipse"),
}
DEFAULT_STYLE = ("#bab0ac", "dot")


def style_of(cls: str) -> tuple[str, str]:
    """(colour, vis-network shape) of a class."""
    return CLASS_STYLE.get(cls, DEFAULT_STYLE)


def vis_options(n_nodes: int, n_edges: int, physics: bool) -> dict:
    """vis-network's options: fonts, edge look, interaction, and physics (on for small graphs only)."""
    big = n_nodes > SPRING_LAYOUT_MAX_NODES
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 15, "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
                     "color": "#1f2933", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": "#a3adb8", "highlight": "#2d3e50", "hover": "#52606d", "inherit": False},
            "font": {"size": 11, "color": "#52606d", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle",
                     "face": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"},
            "smooth": False,
            "width": 1.2,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.015, "springLength": 120,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.7},
            "stabilization": {"enabled": physics, "iterations": stabilisation_iterations(n_nodes, n_edges),
                              "updateInterval": 25, "fit": True},
            "maxVelocity": 40,
            "minVelocity": 1.0,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def legend(G: nx.MultiDiGraph, class_labels: dict[str, str]) -> list[dict]:
    """One entry per class present (in display order): class, label, count, colour and shape."""
    counts = Counter(d.get("class", "Thing") for _, d in G.nodes(data=True))
    classes = sorted(counts, key=lambda c: (class_rank(c), c))
    return [{"class": c, "label": class_labels.get(c, c), "count": counts[c],
             "color": style_of(c)[0], "shape": style_of(c)[1]}
            for c in classes]


def groups(classes: Iterable[str]) -> dict:
    """vis-network groups: the look of each class, set once instead of on every node."""
    out = {}
    for cls in classes:
        colour, shape = style_of(cls)
        g: dict = {"shape": shape,
                   "color": {"background": colour, "border": darker(colour),
                             "highlight": {"background": colour, "border": "#1f2933"},
                             "hover": {"background": colour, "border": "#1f2933"}}}
        if shape == "box":
            g.update({"widthConstraint": {"maximum": 170}, "margin": 8, "shapeProperties": {"borderRadius": 4},
                      "font": {"size": 13, "strokeWidth": 0}})
        elif shape == "ellipse":
            g.update({"font": {"size": 14, "strokeWidth": 0}, "margin": 8})
        out[cls] = g
    return out


def darker(colour: str, f: float = 0.72) -> str:
    """``#rrggbb`` darkened by the factor ``f`` (the border of a shape)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * f), int(g * f), int(b * f))


def icon(shape: str, colour: str) -> str:
    """An inline SVG shape for the legend, like vis-network's."""
    border = darker(colour)
    a = f'fill="{colour}" stroke="{border}" stroke-width="1.2"'
    if shape == "dot":
        return f'<circle cx="8" cy="8" r="6.5" {a}/>'
    if shape == "square":
        return f'<rect x="2" y="2" width="12" height="12" {a}/>'
    if shape == "diamond":
        return f'<polygon points="8,1 15,8 8,15 1,8" {a}/>'
    if shape == "triangle":
        return f'<polygon points="8,1.5 15,14 1,14" {a}/>'
    if shape == "triangleDown":
        return f'<polygon points="1,2 15,2 8,14.5" {a}/>'
    if shape == "hexagon":
        pts = " ".join(f"{8 + 7 * math.cos(math.pi / 3 * i):.1f},{8 + 7 * math.sin(math.pi / 3 * i):.1f}" for i in range(6))
        return f'<polygon points="{pts}" {a}/>'
    if shape == "star":
        pts = " ".join(f"{8 + (7.5 if i % 2 == 0 else 3.2) * math.sin(math.pi / 5 * i):.1f},"
                       f"{8.6 - (7.5 if i % 2 == 0 else 3.2) * math.cos(math.pi / 5 * i):.1f}" for i in range(10))
        return f'<polygon points="{pts}" {a}/>'
    if shape == "ellipse":
        return f'<ellipse cx="8" cy="8" rx="7" ry="5" {a}/>'
    return f'<rect x="1.5" y="3.5" width="13" height="9" rx="2" {a}/>'  # box
