"""``kg serve``: Oxigraph's SPARQL endpoint on a graph or a store, behind kg's checking front.

Public API: :func:`start_server` → :class:`Server` (:mod:`~kg.serve.server`), and
:func:`find_oxigraph`, :func:`free_port`. Modules: :mod:`~kg.serve.server` (starting and
stopping), :mod:`~kg.serve.backend` (the Oxigraph process), :mod:`~kg.serve.proxy` (the front: forwarding,
body limits, the timeout), :mod:`~kg.serve.guard` (what the front refuses: the security model).
"""

from kg.serve.backend import find_oxigraph, free_port
from kg.serve.server import Server, start_server

__all__ = ["Server", "find_oxigraph", "free_port", "start_server"]
