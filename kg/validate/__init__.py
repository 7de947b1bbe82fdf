"""Validation of graphs against the SHACL shapes (``ontology/shapes.ttl``)."""

from kg.validate.shacl import Report, Violation, load_shapes, shapes_path, validate_file, validate_graph

__all__ = ["Report", "Violation", "load_shapes", "shapes_path", "validate_file", "validate_graph"]
