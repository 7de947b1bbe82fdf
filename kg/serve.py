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

>>> with start_server(graph="out/graph.ttl", port=0) as srv:      # doctest: +SKIP
...     print(srv.query_url)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, KgError

__all__ = ["Server", "start_server", "find_oxigraph", "free_port"]


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: next to this Python first (the venv), then on PATH."""
    names = ["oxigraph.exe", "oxigraph"] if os.name == "nt" else ["oxigraph"]
    dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    for d in dirs:
        for n in names:
            if (d / n).is_file() and os.access(d / n, os.X_OK):
                return str(d / n)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise KgError("the Oxigraph server is not installed: pip install oxigraph (it comes with kg's dependencies)")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _pdeathsig() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the server gets SIGTERM if kg dies, so it never outlives it."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


@dataclass
class Server:
    """A running Oxigraph server; :meth:`stop` (or leaving the ``with`` block) ends it cleanly."""

    process: subprocess.Popen
    host: str
    port: int
    writable: bool
    tmpdir: str | None = None
    lock: Any = None
    _stopped: bool = field(default=False, repr=False)

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
        return self.process.wait()

    def stop(self, timeout: float = 5.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
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
    it accepts connections. ``port=0`` picks a free port."""
    from .store import DATA, StoreLockedError, acquire_lock, is_store

    if (graph is None) == (store is None):
        raise InputError("give either --graph FILE or --store DIR")
    binary = find_oxigraph()
    if port == 0:
        port = free_port(host)
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
    cmd = [binary, "serve" if writable else "serve-read-only", "--location", location, "--bind", f"{host}:{port}"]
    if timeout:
        cmd += ["--timeout-s", str(max(1, int(round(timeout))))]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_pdeathsig if sys.platform.startswith("linux") else None,
    )
    srv = Server(proc, host, port, writable, tmpdir, lock)
    deadline = time.monotonic() + ready_timeout
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().strip() if proc.stderr else ""
            srv.stop()
            if "lock" in err.lower():
                raise StoreLockedError(f"store is locked: {err}")
            raise KgError(f"the Oxigraph server stopped at once (port {port} in use?): {err}")
        with contextlib.suppress(OSError):
            with socket.create_connection((host, port), timeout=0.2):
                break
        if time.monotonic() > deadline:
            srv.stop()
            raise KgError(f"the Oxigraph server did not answer on {host}:{port} within {ready_timeout:g} s")
        time.sleep(0.05)
    if proc.stderr is not None:  # keep the pipe from filling up: drain it in the background
        import threading

        threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
    return srv
