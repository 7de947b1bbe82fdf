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

import contextlib
import http.client
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg.errors import InputError, KgError

__all__ = ["Server", "start_server", "find_oxigraph", "free_port"]

BUFFER = 8 << 20  # a response is held back up to this size, so that a timeout can still answer 503
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
                  "te", "trailer", "transfer-encoding", "upgrade"})


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
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _prctl():
    """libc's ``prctl``, looked up in the parent: the forked child only calls it."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except Exception:  # pragma: no cover
        return None


_PRCTL = _prctl() if sys.platform.startswith("linux") else None


def _pdeathsig() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the server gets SIGTERM if kg dies, so it never outlives it. (The signal follows
    the *thread* that started the child: restarts are made by a thread living as long as the server.)"""
    if _PRCTL is not None:
        with contextlib.suppress(Exception):
            _PRCTL(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _Backend:
    """The Oxigraph server process; with a timeout, restarted on request by its own thread."""

    def __init__(self, cmd: list[str], host: str, port: int, ready_timeout: float) -> None:
        self.cmd = cmd  # without --bind
        self.host = host
        self.port = port
        self.ready_timeout = ready_timeout
        self.process: subprocess.Popen | None = None
        self.generation = 0  # + 1 at each restart
        self.error: BaseException | None = None  # why it could not be restarted
        self._cond = threading.Condition()
        self._restart = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    def spawn(self) -> None:
        """Start the server and wait until it accepts connections."""
        from kg.store.store import StoreLockedError

        proc = subprocess.Popen(
            [*self.cmd, "--bind", f"{self.host}:{self.port}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_pdeathsig if _PRCTL is not None else None,
        )
        self.process = proc
        deadline = time.monotonic() + self.ready_timeout
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().strip() if proc.stderr else ""
                if "lock" in err.lower():
                    raise StoreLockedError(f"store is locked: {err}")
                raise KgError(f"the Oxigraph server stopped at once (port {self.port} in use?): {err}")
            with contextlib.suppress(OSError):
                with socket.create_connection((self.host, self.port), timeout=0.2):
                    break
            if time.monotonic() > deadline:
                self.kill()
                raise KgError(f"the Oxigraph server did not answer on {self.host}:{self.port} within {self.ready_timeout:g} s")
            time.sleep(0.05)
        if proc.stderr is not None:  # keep the pipe from filling up: drain it in the background
            threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()

    def kill(self, grace: float = 5.0) -> None:
        proc = self.process
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
        proc.wait()

    # --- supervised mode (kg serve --timeout) ---------------------------------------------------

    def start_supervised(self) -> None:
        """Start the server from a thread that lives as long as it and restarts it on request."""
        started = threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            try:
                self.spawn()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                failed.append(exc)
                started.set()
                return
            started.set()
            self._supervise()

        self._thread = threading.Thread(target=run, name="kg-serve-oxigraph", daemon=True)
        self._thread.start()
        started.wait()
        if failed:
            raise failed[0]

    def _supervise(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._restart or self._stopping)
                if self._stopping:
                    return
            self.kill(grace=2.0)
            error = None
            try:
                try:
                    self.spawn()
                except KgError:  # the port was taken meanwhile? another one
                    self.kill()
                    self.port = free_port(self.host)
                    self.spawn()
            except BaseException as exc:  # noqa: BLE001 - reported to requests and to Server.wait()
                error = exc
            with self._cond:
                self.error = error
                self._restart = False
                self.generation += 1
                self._cond.notify_all()
            if error is not None:
                return

    def ready(self) -> tuple[int, int]:
        """(port, generation) of a running server; waits while it restarts."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._restart or self._stopping, self.ready_timeout + 5):
                raise KgError("the Oxigraph server is still restarting")
            if self.error is not None:
                raise KgError(f"the Oxigraph server could not be restarted: {self.error}")
            if self._stopping:
                raise KgError("kg serve is stopping")
            return self.port, self.generation

    def restart(self, generation: int) -> None:
        """Restart the server, unless that was done already since ``generation``."""
        with self._cond:
            if generation == self.generation and not self._restart and not self._stopping:
                self._restart = True
                self._cond.notify_all()

    def changed(self, generation: int) -> bool:
        with self._cond:
            return self._restart or self.generation != generation

    def wait(self) -> int:
        """Until the server ends by itself (not for a restart); its exit code."""
        while True:
            with self._cond:
                self._cond.wait_for(lambda: not self._restart or self._stopping)
                if self.error is not None:
                    raise KgError(f"the Oxigraph server could not be restarted: {self.error}")
                proc, generation = self.process, self.generation
            code = proc.wait()
            with self._cond:
                if self._stopping or not (self._restart or self.generation != generation):
                    return code

    def stop(self, timeout: float) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(self.ready_timeout + timeout)
        self.kill(timeout)


class _Front(ThreadingHTTPServer):
    """The public side of ``kg serve --timeout``: forwards each request to the backend."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold stop() up

    def __init__(self, address: tuple[str, int], backend: _Backend, timeout: float) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.backend = backend
        self.query_timeout = timeout
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Forward)

    def server_bind(self) -> None:  # HTTPServer's calls socket.getfqdn, which can take seconds
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # the client went away
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        with self.connections_lock:
            for conn in list(self.connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)


class _Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Front

    def version_string(self) -> str:
        return "kg-serve (Oxigraph)"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet, as Oxigraph's stdout is
        pass

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def do_GET(self) -> None:  # noqa: N802
        self._forward()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET  # noqa: N815

    def _plain(self, status: int, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _request_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while True:
                size = int(self.rfile.readline(65537).split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline(65537)
        length = self.headers.get("Content-Length")
        return None if length is None else self.rfile.read(int(length))

    def _send_head(self, resp: http.client.HTTPResponse, length: int | None, *, body: bool = True) -> None:
        self.send_response(resp.status, resp.reason)
        for name, value in resp.getheaders():
            low = name.lower()
            if low in _HOP or low in ("server", "date") or (low == "content-length" and body):
                continue
            self.send_header(name, value)
        self._chunked = False
        if body:
            if length is not None:
                self.send_header("Content-Length", str(length))
            elif self.request_version == "HTTP/1.1":
                self.send_header("Transfer-Encoding", "chunked")
                self._chunked = True
            else:  # HTTP/1.0: the end of the connection ends the body
                self.close_connection = True
        self.end_headers()

    def _write_part(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if self._chunked else data)

    def _forward(self) -> None:
        front = self.server
        backend, timeout = front.backend, front.query_timeout
        try:
            body = self._request_body()
        except ValueError:
            self.close_connection = True
            self._plain(400, "bad request body\n")
            return
        retry = self.command in ("GET", "HEAD") or urlsplit(self.path).path == "/query"
        budget = timeout  # what is left of it after an attempt cut short by a restart
        while True:
            try:
                port, generation = backend.ready()
            except KgError as exc:
                self._plain(503, f"{exc}\n")
                return
            sent = time.monotonic()
            deadline = sent + budget

            def remaining() -> float:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                return left

            started = False  # True once the status line went to the client
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=budget)
            try:
                conn.connect()
                sock = conn.sock
                try:
                    conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                except ValueError:  # a path http.client cannot send (not ASCII, spaces)
                    self._plain(400, "bad request path\n")
                    return
                for name, value in self.headers.items():
                    if name.lower() not in _HOP and name.lower() not in ("content-length", "expect"):
                        conn.putheader(name, value)
                if "host" not in self.headers:
                    conn.putheader("Host", f"127.0.0.1:{port}")
                if body is not None:
                    conn.putheader("Content-Length", str(len(body)))
                sock.settimeout(remaining())
                conn.endheaders(body)
                sock.settimeout(remaining())
                resp = conn.getresponse()
                if self.command == "HEAD" or resp.status in (204, 304) or resp.status < 200:
                    started = True
                    self._send_head(resp, None, body=False)
                    return
                held: list[bytes] = []
                size = 0
                while True:
                    sock.settimeout(remaining())
                    chunk = resp.read1(65536)
                    if not chunk:
                        break
                    if started:
                        self._write_part(chunk)
                        continue
                    held.append(chunk)
                    size += len(chunk)
                    if size > BUFFER:  # too big to hold back: stream the rest (a timeout now cuts it)
                        started = True
                        self._send_head(resp, None)
                        for part in held:
                            self._write_part(part)
                        held = []
                if started:
                    if self._chunked:
                        self.wfile.write(b"0\r\n\r\n")
                else:
                    started = True
                    self._send_head(resp, size)
                    self.wfile.write(b"".join(held))
                return
            except TimeoutError:
                backend.restart(generation)  # kill the runaway query, then serve again
                if started:
                    self.close_connection = True  # the client sees a cut response
                else:
                    self._plain(503, f"query stopped after {timeout:g} s (kg serve --timeout)\n")
                return
            except (OSError, http.client.HTTPException) as exc:
                if started:  # cut by the backend, or the client went away
                    self.close_connection = True
                    return
                if backend.changed(generation):
                    if retry:
                        retry = False
                        budget -= time.monotonic() - sent
                        if budget > 0:
                            continue
                        self._plain(503, f"query stopped after {timeout:g} s (kg serve --timeout)\n")
                        return
                    self._plain(503, "the Oxigraph server was restarted (another request ran over kg serve "
                                     "--timeout) while it ran this one: send it again\n")
                    return
                self._plain(502, f"the Oxigraph server does not answer: {exc}\n")
                return
            finally:
                conn.close()


class Server:
    """A running ``kg serve``; :meth:`stop` (or leaving the ``with`` block) ends it cleanly.

    ``process`` is the Oxigraph server process (a new one after each restart for ``timeout``)."""

    def __init__(self, backend: _Backend, host: str, port: int, writable: bool, tmpdir: str | None = None,
                 lock: Any = None, timeout: float | None = None, front: _Front | None = None) -> None:
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
            backend = _Backend(cmd, "127.0.0.1", free_port(), ready_timeout)
            try:  # the public port first: a busy one fails before Oxigraph starts
                front = _Front((host, port), backend, timeout)
            except OSError as exc:
                raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
            port = front.server_address[1]
            backend.start_supervised()
        else:
            if port == 0:
                port = free_port(host)
            backend = _Backend(cmd, host, port, ready_timeout)
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
