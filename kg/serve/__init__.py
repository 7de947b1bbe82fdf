"""``kg serve``: Oxigraph's SPARQL endpoint on a graph or a store, with an optional timeout front."""

from kg.serve.server import Server, start_server

__all__ = ["Server", "start_server"]
