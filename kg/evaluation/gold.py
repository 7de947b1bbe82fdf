"""Gold files: reading and checking ``NAME.gold.json`` (:func:`load_gold`), and the union of several
(:func:`merge_gold`) for a graph built from several articles: gold entities of the same type and
same normalised name are one entity.

A gold file is ``{"id", "lang", "published", "entities": [{"id", "type", "name", "aliases",
"attrs"}], "relations": [{"s", "p", "o", "implied"}]}``: types are the eight classes of
:data:`kg.records.ENTITY_TYPES`, predicates the eleven of :data:`kg.records.RELATION_TYPES`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from kg.names import match_key as normalize_name
from kg.records import ENTITY_TYPES, RELATION_TYPES

__all__ = ["load_gold", "validate_gold", "merge_gold"]


def load_gold(path: str | Path) -> dict:
    """Read and validate one ``.gold.json`` file.

    Parameters
    ----------
    path : str or Path
        The gold file.

    Returns
    -------
    dict
        ``{"id", "lang", "published", "entities", "relations"}`` with defaults filled in: every
        entity has ``aliases`` (list) and ``attrs`` (dict), every relation has ``implied`` (bool);
        ``id`` defaults to the file name without ``.gold.json``.

    Raises
    ------
    ValueError
        Naming the file, when it is not valid JSON or does not follow the gold format (missing
        keys, unknown type or predicate, duplicate ids, relation ends that are not entities).
    OSError
        When the file cannot be read.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from exc
    default_id = path.name.removesuffix(".json").removesuffix(".gold")
    return validate_gold(data, str(path), default_id)


def validate_gold(data: object, where: str, default_id: str = "gold") -> dict:
    """``data`` as a gold dict with defaults filled in; raises :class:`ValueError` naming ``where``."""
    def fail(msg: str) -> ValueError:
        return ValueError(f"{where}: {msg}")

    if not isinstance(data, dict):
        raise fail("the top level must be a JSON object")
    for key in ("entities", "relations"):
        if key not in data:
            raise fail(f"missing key {key!r}")
        if not isinstance(data[key], list):
            raise fail(f"{key!r} must be a list")
    entities: list[dict] = []
    ids: set[str] = set()
    for i, ent in enumerate(data["entities"]):
        if not isinstance(ent, dict):
            raise fail(f"entity #{i} is not an object")
        for key in ("id", "type", "name"):
            if key not in ent:
                raise fail(f"entity #{i} ({ent.get('id', '?')}) is missing key {key!r}")
            if not isinstance(ent[key], str):
                raise fail(f"entity #{i}: {key!r} must be a string")
        if ent["type"] not in ENTITY_TYPES:
            raise fail(f"entity {ent['id']!r} has unknown type {ent['type']!r}")
        if ent["id"] in ids:
            raise fail(f"duplicate entity id {ent['id']!r}")
        ids.add(ent["id"])
        aliases = ent.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise fail(f"entity {ent['id']!r}: 'aliases' must be a list of strings")
        attrs = ent.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise fail(f"entity {ent['id']!r}: 'attrs' must be an object")
        entities.append({**ent, "aliases": list(aliases), "attrs": dict(attrs)})
    relations: list[dict] = []
    for i, rel in enumerate(data["relations"]):
        if not isinstance(rel, dict):
            raise fail(f"relation #{i} is not an object")
        for key in ("s", "p", "o"):
            if key not in rel:
                raise fail(f"relation #{i} is missing key {key!r}")
        if rel["p"] not in RELATION_TYPES:
            raise fail(f"relation #{i} has unknown predicate {rel['p']!r}")
        for end in ("s", "o"):
            if rel[end] not in ids:
                raise fail(f"relation #{i}: {end}={rel[end]!r} is not an entity id")
        relations.append({**rel, "implied": bool(rel.get("implied", False))})
    out = {k: v for k, v in data.items() if k not in ("entities", "relations")}
    out.setdefault("id", default_id)
    out["entities"] = entities
    out["relations"] = relations
    return out


def merge_gold(golds: Sequence[dict]) -> dict:
    """Union of several gold files, for a graph built from several articles.

    Gold entities with the same type and the same normalised name become one entity: its aliases
    are the union (first-seen order), its attrs the union (the first file wins on a conflict), and
    the relations of every file point to it. A relation present in several files is kept once, and
    it is implied only if it is implied in every file that has it. The merged entity keeps its
    first id when no other merged entity already uses it, and is otherwise renamed
    ``"<file id>/<id>"``.

    Parameters
    ----------
    golds : sequence of dict
        Gold dicts as returned by :func:`load_gold`.

    Returns
    -------
    dict
        A gold dict in the same format, with ``id`` the ``+``-joined file ids and ``sources`` the
        list of file ids.
    """
    golds = [validate_gold(g, f"gold {g.get('id', i) if isinstance(g, dict) else i}")
             for i, g in enumerate(golds)]
    entities: list[dict] = []
    by_key: dict[tuple[str, str], dict] = {}
    used_ids: set[str] = set()
    relations: dict[tuple[str, str, str], dict] = {}
    for n, gold in enumerate(golds):
        gid = str(gold.get("id", n))
        local: dict[str, str] = {}
        for ent in gold["entities"]:
            key = (ent["type"], normalize_name(ent["name"]) or ent["name"])
            merged = by_key.get(key)
            if merged is None:
                new_id = ent["id"] if ent["id"] not in used_ids else f"{gid}/{ent['id']}"
                while new_id in used_ids:
                    new_id += "'"
                used_ids.add(new_id)
                merged = {**ent, "id": new_id, "aliases": list(ent["aliases"]),
                          "attrs": dict(ent["attrs"])}
                by_key[key] = merged
                entities.append(merged)
            else:
                for alias in [ent["name"], *ent["aliases"]]:
                    if alias != merged["name"] and alias not in merged["aliases"]:
                        merged["aliases"].append(alias)
                for k, v in ent["attrs"].items():
                    merged["attrs"].setdefault(k, v)
            local[ent["id"]] = merged["id"]
        for rel in gold["relations"]:
            triple = (local[rel["s"]], rel["p"], local[rel["o"]])
            if triple in relations:
                relations[triple]["implied"] = relations[triple]["implied"] and rel["implied"]
            else:
                relations[triple] = {**rel, "s": triple[0], "o": triple[2]}
    ids = [str(g.get("id", n)) for n, g in enumerate(golds)]
    first = golds[0] if golds else {}
    return {
        "id": "+".join(ids),
        "lang": first.get("lang", "fr"),
        "sources": ids,
        "entities": entities,
        "relations": list(relations.values()),
    }
