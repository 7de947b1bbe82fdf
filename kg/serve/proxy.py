"""The front of ``kg serve --timeout``: a small HTTP server on the public port that forwards every
request as it is (method, path, headers, body; status, headers and body back) to Oxigraph on an
internal port, and answers ``503 query stopped after N s (kg serve --timeout)`` to a request not
answered in full in time (a result already streaming, past its first :data:`BUFFER` bytes, is cut
instead), asking the :class:`~kg.serve.backend.Backend` to restart Oxigraph, which stops the
query. A query cut short by such a restart is sent again once.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.serve.backend import Backend

__all__ = ["BUFFER", "Front"]

BUFFER = 8 << 20  # a response is held back up to this size, so that a timeout can still answer 503
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
                  "te", "trailer", "transfer-encoding", "upgrade"})


class Front(ThreadingHTTPServer):
    """The public side of ``kg serve --timeout``: forwards each request to the backend."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold stop() up

    def __init__(self, address: tuple[str, int], backend: Backend, timeout: float) -> None:
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
    """Forwards one connection's requests to the backend, under the front's timeout."""

    protocol_version = "HTTP/1.1"
    server: Front

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
