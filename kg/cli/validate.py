"""``kg validate`` and the validation step of ``kg build`` (the work is done by :mod:`kg.validate`).

Exit codes of ``kg validate``: 0 every graph conforms, 1 at least one violation, 2 a missing
file or one that does not parse (with the parser's message).
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["register", "cmd_validate", "add_build_options", "check_build"]

EPILOG_VALIDATE = """\
examples:
  kg validate out/graph.ttl                 # exit status 1 if the graph breaks a rule
  kg validate out/graph.ttl other.nt --max 0

The rules are the SHACL shapes of ontology/shapes.ttl (run with the Rust engine shacl; --engine pyshacl
for pySHACL, the reference): every entity has
exactly one rdfs:label and one class of the ontology; the eleven relations link entities of their
domain and range; dates are xsd:date (or gYearMonth) and a start is not after its end; an
announcement has at least one announcedBy; every relation has provenance (a kg:Assertion with
its article, sentence, offsets and confidence). Each violation is printed as
  'label' <focus node> property = value: message
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``validate`` subcommand to the main parser's subparsers (sets ``handler``)."""
    v = subparsers.add_parser(
        "validate", help="check a graph against the SHACL shapes (ontology/shapes.ttl)",
        description="Validate kg graphs against the SHACL shapes of ontology/shapes.ttl and print a readable report.",
        epilog=EPILOG_VALIDATE, formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files (Turtle, or any RDF format by extension)")
    v.add_argument("--engine", choices=["shacl", "pyshacl"], default="shacl",
                   help="shacl: the Rust engine (default, fast); pyshacl: pySHACL, the reference (same violations, slower)")
    v.add_argument("--max", type=_count, default=50, metavar="N",
                   help="print at most N violations per graph, 0 for all (default: %(default)s)")
    v.add_argument("--shapes", metavar="FILE", help="validate against these SHACL shapes (Turtle) instead of ontology/shapes.ttl")
    v.add_argument("--quiet", "-q", action="store_true", help="print nothing; only the exit status tells")
    v.set_defaults(handler=cmd_validate)
    return v


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate.shacl import validate_file

    status = 0
    for path in args.graphs:
        report = validate_file(path, engine=args.engine, shapes=args.shapes)  # InputError (exit 2): missing, a folder, unparsable
        if not args.quiet:
            print(report.format(max_items=args.max or None))
        if not report.conforms:
            status = 1
    return status


def add_build_options(b: argparse.ArgumentParser) -> None:
    """``kg build --fail-on-invalid`` / ``--no-validate``."""
    g = b.add_mutually_exclusive_group()
    g.add_argument("--fail-on-invalid", action="store_true",
                   help="exit with status 1 when the graph breaks a rule of ontology/shapes.ttl (it is written all the same)")
    g.add_argument("--no-validate", action="store_true",
                   help="do not check the graph against ontology/shapes.ttl after writing it")
    b.add_argument("--shapes", metavar="FILE", help="check the graph against these SHACL shapes (Turtle) instead of ontology/shapes.ttl")


def check_build(args: argparse.Namespace, report) -> int:
    """Report the violations of what ``kg build`` wrote (its validation :class:`~kg.validate.Report`)
    on stderr. Returns the exit status to use (1 with ``--fail-on-invalid`` and violations, else 0)."""
    if report is None or report.conforms:
        return 0
    fatal = bool(getattr(args, "fail_on_invalid", False))
    print("kg: warning: " + report.format(max_items=20) + ("" if not fatal else "\n  (--fail-on-invalid: exit status 1)"),
          file=sys.stderr)
    return 1 if fatal else 0
