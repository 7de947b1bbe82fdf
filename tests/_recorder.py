"""A local server standing for the 'admin' page an attacker would like kg to call (SERVICE, LOAD):
it records every hit and answers a secret, so tests can check that nothing reached it or leaked."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator


class _Admin(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.server.hits.append((self.command, self.path))  # type: ignore[attr-defined]
        body = b"TOP SECRET admin page"
        self.send_response(500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer  # noqa: N815

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def recording_server() -> Iterator[http.server.ThreadingHTTPServer]:
    """The server on a free loopback port; ``.hits`` lists ``(method, path)`` of every request."""
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Admin)
    srv.hits = []  # type: ignore[attr-defined]
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
