"""The ``kg`` command: argument parsing and printing only; the work is done by the other packages.

Public API: :func:`main` (``main(argv) -> exit code``). Modules: :mod:`~kg.cli.app` (the parser,
``kg build``, ``kg eval``), :mod:`~kg.cli.view` (``kg view``), :mod:`~kg.cli.query` (``kg query``,
``kg export``, ``kg serve``, ``kg build --store``), :mod:`~kg.cli.validate` (``kg validate``, the
build's validation step).
"""

from kg.cli.app import main

__all__ = ["main"]
