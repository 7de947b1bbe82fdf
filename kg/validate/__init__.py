"""Validation of graphs against the SHACL shapes (``ontology/shapes.ttl``), with pySHACL.

Public API (:mod:`~kg.validate.shacl`): :func:`validate_graph`, :func:`validate_file` →
:class:`Report` of :class:`Violation` s; :func:`validate_build` (the check after ``kg build``);
:func:`load_shapes`, :func:`shapes_path`.
"""

from kg.validate.shacl import Report, Violation, load_shapes, shapes_path, validate_build, validate_file, validate_graph

__all__ = ["Report", "Violation", "load_shapes", "shapes_path", "validate_build", "validate_file", "validate_graph"]
