"""The ``kg`` command: argument parsing and printing only."""

from kg.cli.app import main

__all__ = ["main"]
