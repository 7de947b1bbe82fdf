"""``kg serve``: a SPARQL 1.1 Protocol endpoint on localhost, run by Oxigraph's server.

The server is the ``oxigraph`` binary from the ``oxigraph`` PyPI package (installed with kg).
It answers ``/query`` (GET/POST), shows a query page at ``/`` and, only with ``writable=True``,
accepts SPARQL UPDATE at ``/update``; read-only servers refuse updates.

* ``--graph FILE``: the file is loaded (``oxigraph load``) into a temporary database, removed
  when the server stops. With ``--writable`` updates live only as long as the server.
* ``--store DIR``: the store's database is served as it is (its default graph is the merged
  graph of all articles; ``GRAPH kgid:graph/<article>`` reaches one article). kg holds the
  store's lock while serving: shared when read-only (``kg query`` still works; ``kg build
  --store`` waits its turn with a "store is locked" error), exclusive with ``--writable``.
* ``--timeout SECONDS``: kg enforces it itself, because Oxigraph's ``--timeout-s`` does not stop
  a runaway query (oxigraph 0.5.13 goes on computing a cross join's ``COUNT(*)``, even after
  the client has gone). Oxigraph then listens on a free internal port of 127.0.0.1 and a small
  front server (:class:`http.server.ThreadingHTTPServer`) on the public port forwards every
  request to it as it is (method, path, headers, body; status, headers and body back). A
  request not answered in full after SECONDS gets ``503 query stopped after N s (kg serve
  --timeout)`` (a result already streaming, past its first 8 MiB, is cut instead), and the
  Oxigraph process is killed, so the query stops using CPU, then started again on the same
  database: the temporary one of ``--graph`` (updates already made are kept) or the store,
  whose lock kg holds all along. Requests arriving meanwhile wait for it; a query cut short by
  the restart is sent again once. Without a timeout, clients talk to Oxigraph directly.

>>> with start_server(graph="out/graph.ttl", port=0, timeout=30) as srv:      # doctest: +SKIP
...     print(srv.query_url)
"""


from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.serve.backend import Backend, find_oxigraph, free_port
from kg.serve.proxy import Front

__all__ = ["Server", "start_server", "find_oxigraph", "free_port"]


class Server:
    """A running ``kg serve``; :meth:`stop` (or leaving the ``with`` block) ends it cleanly.

    ``process`` is the Oxigraph server process (a new one after each restart for ``timeout``)."""

    def __init__(self, backend: Backend, host: str, port: int, writable: bool, tmpdir: str | None = None,
                 lock: Any = None, timeout: float | None = None, front: Front | None = None) -> None:
        self.backend = backend
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
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    def wait(self) -> int:
        """Until the Oxigraph server ends by itself (restarts do not count); its exit code."""
        if self.front is None:
            return self.process.wait()
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


def start_server(
    *,
    graph: str | os.PathLike[str] | None = None,
    store: str | os.PathLike[str] | None = None,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    timeout: float | None = None,
    ready_timeout: float = 30.0,
) -> Server:
    """Start the server on ``graph`` (a file) or ``store`` (a kg store folder) and wait until
    it accepts connections. ``port=0`` picks a free port. With ``timeout`` (seconds), requests
    go through a front server that stops any running longer (see the module's docstring)."""
    from kg.store.store import DATA, acquire_lock, is_store

    if (graph is None) == (store is None):
        raise InputError("give either --graph FILE or --store DIR")
    if timeout is not None and timeout < 0:
        raise InputError("--timeout must be a positive number of seconds")
    binary = find_oxigraph()
    tmpdir = None
    lock = None
    if graph is not None:
        gpath = Path(graph)
        if not gpath.is_file():
            raise InputError("no such graph file (build one with kg build, or give --store DIR)", path=gpath)
        tmpdir = tempfile.mkdtemp(prefix="kg-serve-")
        location = str(Path(tmpdir) / "db")
        load = subprocess.run([binary, "load", "--location", location, "--file", str(gpath)],
                              capture_output=True, text=True)
        if load.returncode != 0:
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise InputError(f"cannot load it: {load.stderr.strip() or load.stdout.strip()}", path=gpath)
    else:
        spath = Path(store)
        if not is_store(spath):
            raise InputError("no kg store here (create one with: kg build ... --store DIR)", path=spath)
        lock = acquire_lock(spath, exclusive=writable)
        location = str(spath / DATA)
        if not Path(location).exists():
            lock.close()
            raise InputError("the store is empty: add articles with kg build ... --store DIR", path=spath)
    cmd = [binary, "serve" if writable else "serve-read-only", "--location", location]
    front = None
    try:
        if timeout:
            backend = Backend(cmd, "127.0.0.1", free_port(), ready_timeout)
            try:  # the public port first: a busy one fails before Oxigraph starts
                front = Front((host, port), backend, timeout)
            except OSError as exc:
                raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
            port = front.server_address[1]
            backend.start_supervised()
        else:
            if port == 0:
                port = free_port(host)
            backend = Backend(cmd, host, port, ready_timeout)
            backend.spawn()
    except BaseException:
        if front is not None:
            front.server_close()
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        if lock is not None:
            lock.close()
        raise
    srv = Server(backend, host, port, writable, tmpdir, lock, timeout or None, front)
    if front is not None:
        threading.Thread(target=front.serve_forever, kwargs={"poll_interval": 0.1},
                         name="kg-serve-front", daemon=True).start()
    return srv
