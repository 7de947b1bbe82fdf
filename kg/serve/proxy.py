"""The front of ``kg serve``: a small HTTP server on the public port that checks every request
(:mod:`kg.serve.guard`: Host, writes, body size and time, SERVICE) and forwards what it lets
through as it is (method, path, headers, body; status, headers and body back) to Oxigraph on an
internal port of 127.0.0.1.

With a timeout it answers ``503 query stopped after N s (kg serve --timeout)`` to a request not
answered in full in time (a result already streaming, past its first :data:`BUFFER` bytes, is
cut instead), asking the :class:`~kg.serve.backend.Backend` to restart Oxigraph, which stops the
query. A query cut short by such a restart is sent again once.

Request bodies are read with a deadline and a cap; SPARQL bodies are held (to be checked) up to
:data:`~kg.serve.guard.MAX_QUERY_BODY`, or :data:`~kg.serve.guard.MAX_WRITE_BODY` for an
authorised update; Graph Store uploads are streamed to Oxigraph. The listen backlog is
:attr:`Front.request_queue_size` (1024, not :mod:`socketserver`'s 5), so bursts of hundreds of
new connections wait to be accepted instead of being reset.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.serve.backend import Backend
from kg.serve.guard import (
    MAX_QUERY_BODY,
    MAX_WRITE_BODY,
    READ_TIMEOUT,
    REQUEST_DEADLINE,
    Policy,
    Refusal,
    check_body_type,
    check_host,
    check_remote_use,
    check_write,
    is_write,
)

__all__ = ["BUFFER", "Front"]

BUFFER = 8 << 20  # with a timeout, a response is held back up to this size, so that a timeout can still answer 503
_PART = 65536
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
                  "te", "trailer", "transfer-encoding", "upgrade"})
_NOT_FORWARDED = _HOP | {"content-length", "expect", "authorization"}


class _TooLarge(Exception):
    """The request body is over its cap."""


class _BadBody(Exception):
    """The request body's framing is malformed (Content-Length, chunks)."""


class _Stalled(Exception):
    """The client did not send its request body in time."""


class Front(ThreadingHTTPServer):
    """The public side of ``kg serve``: checks each request, then forwards it to the backend."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold stop() up
    request_queue_size = 1024  # listen backlog (the kernel caps it at net.core.somaxconn)
    read_timeout = READ_TIMEOUT  # seconds without a byte from a client: its connection is dropped
    request_deadline = REQUEST_DEADLINE  # seconds to send a request in full

    def __init__(self, address: tuple[str, int], backend: Backend, timeout: float | None, policy: Policy) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.backend = backend
        self.query_timeout = timeout or None
        self.policy = policy
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Forward)

    def server_bind(self) -> None:  # HTTPServer's calls socket.getfqdn, which can take seconds
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):  # the client went away or stalled
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        with self.connections_lock:
            for conn in list(self.connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)


class _DeadlineReader(io.RawIOBase):
    """The client socket, read with a timeout per read and a deadline per request."""

    def __init__(self, sock: socket.socket, handler: _Forward) -> None:
        self.sock = sock
        self.handler = handler

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        left = self.handler.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request was not received in time")
        idle = self.handler.server.read_timeout
        self.sock.settimeout(min(idle, left))
        try:
            return self.sock.recv_into(b)
        finally:
            self.sock.settimeout(idle)


class _Forward(BaseHTTPRequestHandler):
    """Checks and forwards one connection's requests to the backend, under the front's timeout."""

    protocol_version = "HTTP/1.1"
    server: Front
    deadline = 0.0

    def version_string(self) -> str:
        return "kg-serve (Oxigraph)"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet, as Oxigraph's stdout is
        pass

    def setup(self) -> None:
        self.timeout = self.server.read_timeout  # on the client socket: reads (and writes) stalled this long end it
        super().setup()
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, self), _PART)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def handle_one_request(self) -> None:
        self.deadline = time.monotonic() + self.server.request_deadline
        super().handle_one_request()

    def do_GET(self) -> None:  # noqa: N802
        self._forward()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET  # noqa: N815

    # --- answers of the front's own -------------------------------------------------------------

    def _plain(self, status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _refuse(self, refusal: Refusal, *, close: bool = False) -> None:
        if close:
            self.close_connection = True  # the body (if any) is left unread
        self._plain(refusal.status, refusal.message + "\n", refusal.headers)

    # --- the request body ---------------------------------------------------------------------

    def _framing(self) -> tuple[str, int | None]:
        """("none" | "length" | "chunked", declared length)."""
        te = self.headers.get_all("Transfer-Encoding") or []
        if te:
            if [t.strip().lower() for t in te] != ["chunked"]:
                raise _BadBody(f"unsupported Transfer-Encoding {', '.join(te)[:40]!r} (only chunked)")
            return "chunked", None
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            return "none", None
        values = {v.strip() for v in lengths}
        if len(values) != 1 or not next(iter(values)).isdigit():
            raise _BadBody(f"bad Content-Length {lengths[0][:40]!r}")
        return "length", int(next(iter(values)))

    def _body_parts(self, framing: str, length: int | None, cap: int) -> Iterator[bytes]:
        """The body in parts, as it arrives; raises _TooLarge past ``cap``, _BadBody, _Stalled."""
        try:
            yield from self._unframe(framing, length, cap)
        except TimeoutError:
            raise _Stalled from None

    def _read(self, left: int, short: str) -> Iterator[bytes]:
        """``left`` bytes of the body, in parts of at most ``_PART``; ``short``: the error if it ends first."""
        while left:
            part = self.rfile.read(min(left, _PART))
            if not part:
                raise _BadBody(short)
            left -= len(part)
            yield part

    def _unframe(self, framing: str, length: int | None, cap: int) -> Iterator[bytes]:
        if framing == "length":
            assert length is not None
            if length > cap:
                raise _TooLarge
            yield from self._read(length, "the body is shorter than its Content-Length")
            return
        if framing == "chunked":
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise _BadBody("bad chunk size") from None
                if size < 0:
                    raise _BadBody("bad chunk size")
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return
                total += size
                if total > cap:
                    raise _TooLarge
                yield from self._read(size, "the body ends inside a chunk")
                self.rfile.readline(1024)

    # --- forwarding -------------------------------------------------------------------------------

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
        policy = front.policy
        path = self.path
        hosts = self.headers.get_all("Host") or []
        refusal = check_host(policy, hosts[0] if hosts else None) if len(hosts) < 2 else \
            Refusal(400, "kg serve: more than one Host header")
        write = is_write(self.command, path)
        if refusal is None and write:
            refusal = check_write(policy, self.headers)
        if refusal is not None:
            self._refuse(refusal, close=True)
            return
        try:
            framing, length = self._framing()
        except _BadBody as exc:
            self._refuse(Refusal(400, f"kg serve: {exc}"), close=True)
            return
        if framing != "none":
            refusal = check_body_type(path, self.headers)
            if refusal is not None:
                self._refuse(refusal, close=True)
                return
        cap = MAX_WRITE_BODY if write else MAX_QUERY_BODY
        streamed = write and urlsplit(path).path == "/store" and framing != "none"
        body: bytes | None = None
        try:
            if not streamed and framing != "none":
                body = b"".join(self._body_parts(framing, length, cap))
        except _TooLarge:
            self._refuse(Refusal(413, f"kg serve: the request body is over {cap >> 20} MiB"), close=True)
            return
        except _BadBody as exc:
            self._refuse(Refusal(400, f"kg serve: {exc}"), close=True)
            return
        except _Stalled:
            self._refuse(Refusal(408, "kg serve: the request body was not received in time"), close=True)
            return
        refusal = check_remote_use(policy, path, self.headers, body)
        if refusal is not None:
            self._refuse(refusal)
            return
        parts = self._body_parts(framing, length, cap) if streamed else None
        self._send(body, parts, framing, length)

    def _send(self, body: bytes | None, parts: Iterator[bytes] | None, framing: str, length: int | None) -> None:
        front = self.server
        backend, timeout = front.backend, front.query_timeout
        retry = parts is None and (self.command in ("GET", "HEAD") or urlsplit(self.path).path == "/query")
        budget = timeout  # what is left of it after an attempt cut short by a restart
        hold = BUFFER if timeout else 0
        while True:
            try:
                port, generation = backend.ready()
            except KgError as exc:
                self._plain(503, f"{exc}\n")
                return
            sent = time.monotonic()
            deadline = None if budget is None else sent + budget

            def remaining() -> float | None:
                if deadline is None:
                    return None
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
                    if name.lower() not in _NOT_FORWARDED:
                        conn.putheader(name, value)
                if "host" not in self.headers:
                    conn.putheader("Host", f"127.0.0.1:{port}")
                if body is not None:
                    conn.putheader("Content-Length", str(len(body)))
                elif parts is not None:
                    if framing == "length":
                        conn.putheader("Content-Length", str(length))
                    else:
                        conn.putheader("Transfer-Encoding", "chunked")
                sock.settimeout(remaining())
                conn.endheaders(body)
                if parts is not None:
                    if not self._stream_body(conn, parts, framing):
                        return
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
                    chunk = resp.read1(_PART)
                    if not chunk:
                        break
                    if started:
                        self._write_part(chunk)
                        continue
                    held.append(chunk)
                    size += len(chunk)
                    if size > hold:  # too big to hold back: stream the rest (a timeout now cuts it)
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
                        budget = None if budget is None else budget - (time.monotonic() - sent)
                        if budget is None or budget > 0:
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

    def _stream_body(self, conn: http.client.HTTPConnection, parts: Iterator[bytes], framing: str) -> bool:
        """Send a Graph Store upload to the backend as it arrives; False (answered) if it failed."""
        chunked = framing == "chunked"
        try:
            for part in parts:
                conn.send(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
            if chunked:
                conn.send(b"0\r\n\r\n")
        except _TooLarge:
            self._refuse(Refusal(413, f"kg serve: the request body is over {MAX_WRITE_BODY >> 20} MiB"), close=True)
            return False
        except _BadBody as exc:
            self._refuse(Refusal(400, f"kg serve: {exc}"), close=True)
            return False
        except _Stalled:
            self._refuse(Refusal(408, "kg serve: the request body was not received in time"), close=True)
            return False
        return True
