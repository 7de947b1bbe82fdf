"""``kg serve``: a SPARQL 1.1 Protocol endpoint on localhost, run by Oxigraph's server behind
kg's front.

The server is the ``oxigraph`` binary from the ``oxigraph`` PyPI package (installed with kg).
It answers ``/query`` (GET/POST), shows a query page at ``/`` and, only with ``writable=True``,
accepts SPARQL UPDATE at ``/update`` and Graph Store writes at ``/store``.

* ``--graph FILE``: the file is loaded (with pyoxigraph, format from its extension; a file that
  does not parse is refused with the parser's line and column) into a temporary database,
  removed when the server stops; one left by a server that was killed (SIGKILL) is removed when
  the next one starts. With ``--writable`` updates live only as long as the server.
* ``--store DIR``: the store's database is served as it is (its default graph is the merged
  graph of all articles; ``GRAPH kgid:graph/<article>`` reaches one article). kg holds the
  store's lock while serving: shared when read-only (``kg query`` still works; ``kg build
  --store`` waits its turn with a "store is locked" error), exclusive with ``--writable``.
* **The front.** Oxigraph listens on a free internal port of 127.0.0.1; a small front server
  (:mod:`kg.serve.proxy`, a :class:`http.server.ThreadingHTTPServer`) on the public port checks
  every request — Host, writes (read-only; or token and same origin), body size and time,
  SERVICE/LOAD: :mod:`kg.serve.guard` — and forwards the others as they are.
* ``--cors``: passed to Oxigraph, which then answers preflight ``OPTIONS`` requests and adds
  ``Access-Control-Allow-Origin: *`` to its answers: any web page may read the data served.
* No ``--union-default-graph``: a store's default graph is already the reconciled merge of its
  articles; Oxigraph's union of the default and named graphs is a bag (each fact once per
  article that states it, plus once in the merged graph), with every article's own labels and
  classes and the store's bookkeeping graph: nothing in it is correct that the default graph
  does not already give. ``GRAPH ?g { … }`` reaches the articles' graphs.
* ``--timeout SECONDS`` (0: none): kg enforces it itself, because Oxigraph's ``--timeout-s``
  does not stop a runaway query (oxigraph 0.5.13 goes on computing a cross join's ``COUNT(*)``,
  even after the client has gone). A request not answered in full after SECONDS gets ``503
  query stopped after N s (kg serve --timeout)`` (a result already streaming, past its first
  8 MiB, is cut instead), and the Oxigraph process is killed, so the query stops using CPU,
  then started again on the same database: the temporary one of ``--graph`` (updates already
  made are kept) or the store, whose lock kg holds all along. Requests arriving meanwhile wait
  for it; a query cut short by the restart is sent again once.

>>> with start_server(graph="out/graph.ttl", port=0, timeout=30) as srv:      # doctest: +SKIP
...     print(srv.query_url)
"""


from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.serve.backend import Backend, find_oxigraph, free_port, internal_port
from kg.serve.guard import netloc, policy_for
from kg.serve.proxy import Front

__all__ = ["Server", "start_server", "find_oxigraph", "free_port"]


class Server:
    """A running ``kg serve``; :meth:`stop` (or leaving the ``with`` block) ends it cleanly.

    ``process`` is the Oxigraph server process (a new one after each restart for ``timeout``)."""

    def __init__(self, backend: Backend, host: str, port: int, writable: bool, tmpdir: str | None = None,
                 lock: Any = None, timeout: float | None = None, front: Front | None = None,
                 token: str | None = None) -> None:
        self.backend = backend
        self.token = token  # what writes need (Authorization: Bearer TOKEN); None when read-only
        self.host = host
        self.port = port
        self.writable = writable
        self.tmpdir = tmpdir
        self.lock = lock
        self.timeout = timeout
        self.front = front
        self._stopped = False

    def __repr__(self) -> str:
        return f"Server(url={self.url!r}, writable={self.writable}, timeout={self.timeout})"

    @property
    def process(self) -> subprocess.Popen:
        return self.backend.process

    @property
    def restarts(self) -> int:
        """How many times the Oxigraph server was restarted to stop a query (``timeout``)."""
        return self.backend.generation

    @property
    def url(self) -> str:
        return f"http://{netloc(self.host, self.port)}/"

    @property
    def backend_url(self) -> str:
        """Oxigraph itself, on its internal port (for tests: what the front forwards to)."""
        return f"http://127.0.0.1:{self.backend.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    def wait(self) -> int:
        """Until the Oxigraph server ends by itself (restarts do not count); its exit code."""
        return self.backend.wait()

    def stop(self, timeout: float = 5.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.front is not None:
            self.front.shutdown()
            self.front.server_close()
            self.front.close_connections()
        self.backend.stop(timeout)
        if self.tmpdir:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


#: Temporary databases of ``--graph``: ``kg-serve-<pid>-<random>`` in the temporary folder.
TMP_PREFIX = "kg-serve-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_databases(folder: str | os.PathLike[str] | None = None) -> list[str]:
    """Remove the temporary databases of ``kg serve`` processes that no longer run (killed with
    SIGKILL: they could not clean up). Only this user's, and only those whose process is gone."""
    root = Path(folder or tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        pid = entry.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not (entry.name.startswith(TMP_PREFIX) and pid.isdigit()):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_uid == os.getuid() \
                    and not _running(int(pid)):
                shutil.rmtree(entry.path)
                removed.append(entry.path)
    return removed


_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "json-ld": "JSON_LD",
               "xml": "RDF_XML", "n3": "N3"}


def _load_graph(path: Path, location: str) -> None:
    """Load an RDF file into a new Oxigraph database at ``location``; InputError if it does not parse."""
    import pyoxigraph as ox

    from kg.rdf.formats import RDF_EXTENSIONS

    fmt = RDF_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("not an RDF file (use .ttl, .nt, .nq, .trig, .jsonld or .rdf; build one with kg build)", path=path)
    problem = None
    store = ox.Store(location)
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]))
        store.flush()
    except SyntaxError as exc:
        problem = f"not valid {fmt}: {exc}"
    except (OSError, ValueError) as exc:
        problem = f"cannot read it: {exc}"
    finally:
        del store  # closes the database before Oxigraph's server opens it
    if problem is not None:
        raise InputError(problem, path=path)


def _listen_error(host: str, port: int, exc: OSError) -> KgError:
    where = netloc(host, port)
    if exc.errno == errno.EADDRINUSE:
        return KgError(f"cannot listen on {where}: the port is in use (give another --port, or --port 0 for a free one)")
    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
        return KgError(f"cannot listen on {where}: no such address on this machine (--host)")
    if exc.errno == errno.EACCES:
        return KgError(f"cannot listen on {where}: permission denied (ports below 1024 need privileges)")
    return KgError(f"cannot listen on {where}: {exc.strerror or exc}")


def start_server(
    *,
    graph: str | os.PathLike[str] | None = None,
    store: str | os.PathLike[str] | None = None,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    timeout: float | None = None,
    ready_timeout: float = 30.0,
    allow_service: bool = False,
    token: str | None = None,
    cors: bool = False,
) -> Server:
    """Start the server on ``graph`` (a file) or ``store`` (a kg store folder) and wait until
    it accepts connections. ``port=0`` picks a free port. ``timeout`` (seconds; 0 or ``None``:
    none) stops requests running longer (see the module's docstring). A ``writable`` server takes
    writes with ``token`` (a new random one if not given: ``Server.token``); ``allow_service``
    lets queries use SERVICE (and updates LOAD); ``cors`` makes Oxigraph answer cross-origin
    requests (``oxigraph serve --cors``: ``Access-Control-Allow-Origin: *``), so that a SPARQL
    client in a web page of another origin can read the results (writes from another page stay
    refused by the front)."""
    from kg.store.store import DATA, acquire_lock, is_store

    if (graph is None) == (store is None):
        raise InputError("give either --graph FILE or --store DIR")
    if timeout is not None and timeout < 0:
        raise InputError("--timeout must be 0 (none) or a positive number of seconds")
    if not 0 <= port <= 65535:
        raise InputError(f"--port must be between 0 and 65535, not {port}")
    host = host.strip("[]")
    if token is not None and (len(token) < 8 or any(c.isspace() for c in token)):
        raise InputError("the token must be at least 8 characters, without spaces")
    if writable and not token:
        token = secrets.token_urlsafe(24)
    policy = policy_for(host, port, writable=writable, token=token if writable else None, allow_service=allow_service)
    binary = find_oxigraph()
    remove_stale_databases()
    tmpdir = None
    lock = None
    if graph is not None:
        gpath = Path(graph)
        if not gpath.is_file():
            raise InputError("no such graph file (build one with kg build, or give --store DIR)", path=gpath)
        tmpdir = tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-")
        location = str(Path(tmpdir) / "db")
        try:
            _load_graph(gpath, location)
        except BaseException:
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise
    else:
        spath = Path(store)
        if not is_store(spath):
            raise InputError("no kg store here (create one with: kg build ... --store DIR)", path=spath)
        lock = acquire_lock(spath, exclusive=writable)
        location = str(spath / DATA)
        if not Path(location).exists():
            lock.close()
            raise InputError("the store is empty: add articles with kg build ... --store DIR", path=spath)
    cmd = [binary, "serve" if writable else "serve-read-only", "--location", location, *(["--cors"] if cors else [])]
    front = None
    try:
        backend = Backend(cmd, "127.0.0.1", internal_port(), ready_timeout)
        try:  # the public port first: a busy one fails before Oxigraph starts
            front = Front((host, port), backend, timeout, policy)
        except OSError as exc:
            raise _listen_error(host, port, exc) from None
        if port == 0:
            port = front.server_address[1]
            policy = policy_for(host, port, writable=writable, token=token if writable else None,
                                allow_service=allow_service)
            front.policy = policy
        backend.start_supervised()
    except BaseException:
        if front is not None:
            front.server_close()
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        if lock is not None:
            lock.close()
        raise
    srv = Server(backend, host, port, writable, tmpdir, lock, timeout or None, front, token if writable else None)
    threading.Thread(target=front.serve_forever, kwargs={"poll_interval": 0.1},
                     name="kg-serve-front", daemon=True).start()
    return srv
