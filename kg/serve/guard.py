"""What ``kg serve``'s front refuses before a request reaches Oxigraph: the security model.

Every request goes through the front (:mod:`kg.serve.proxy`), which applies, in order:

1. **Host.** The ``Host`` header must name the address served (``127.0.0.1:PORT``,
   ``localhost:PORT``, ``[::1]:PORT`` for a loopback address; the address itself otherwise), so
   that a web page whose domain is made to resolve to 127.0.0.1 (DNS rebinding) cannot use the
   endpoint: ``400``. A server listening on every address (``--host 0.0.0.0``) cannot know its
   names and does not check.
2. **Writes** — ``/update``, and any method but GET/HEAD/OPTIONS outside ``/query`` (the Graph
   Store's PUT/POST/DELETE at ``/store``). Read-only: ``403``, before the body is read. With
   ``--writable``: a request sent by a browser from another page (an ``Origin``, or else a
   ``Referer``, that is not the address served) gets ``403``, and every write needs the token
   printed when the server starts (or given with ``--token`` / ``KG_SERVE_TOKEN``) as
   ``Authorization: Bearer TOKEN`` (or as the password of Basic authentication): ``401`` without it.
   A web page can make a browser POST a form, but neither set that header nor know the token.
3. **Bodies.** Bodies are read with a deadline (no byte for :data:`READ_TIMEOUT` s, or not done
   in :data:`REQUEST_DEADLINE` s: ``408``) and capped: :data:`MAX_QUERY_BODY` for queries and
   anything not authorised to write, :data:`MAX_WRITE_BODY` (Oxigraph's own limit) for
   authorised writes: ``413``. Compressed bodies (``Content-Encoding``) and SPARQL bodies of
   another type than ``application/sparql-query``, ``application/sparql-update`` or
   ``application/x-www-form-urlencoded`` (UTF-8) are refused: ``415``.
4. **SERVICE and LOAD** (:mod:`kg.sparql.remote`): a query or update that would make Oxigraph
   send a request to another server — any server this machine can reach, whose answer, even an
   error page, would be passed back — is refused with ``400`` unless ``--allow-service``. The
   ``query`` and ``update`` parameters of the URL and of form bodies are checked, and direct
   bodies as they are.

The functions here decide; :mod:`kg.serve.proxy` reads and forwards.
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from kg.sparql.remote import remote_keyword

__all__ = ["MAX_QUERY_BODY", "MAX_WRITE_BODY", "READ_TIMEOUT", "REQUEST_DEADLINE", "Policy", "Refusal", "policy_for",
           "netloc", "check_host", "is_write", "check_write", "check_body_type", "check_remote_use"]

MAX_QUERY_BODY = 8 << 20  # bytes: a query (or anything not authorised to write) longer than this gets 413
MAX_WRITE_BODY = 128 << 20  # bytes: Oxigraph's own limit, for authorised updates and Graph Store uploads
READ_TIMEOUT = 30.0  # seconds without a byte from the client: the connection is dropped
REQUEST_DEADLINE = 120.0  # seconds to send a request's headers and body in full

_SPARQL_TYPES = ("application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded")
_READ_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Refusal:
    """An answer the front gives instead of forwarding: HTTP ``status`` and a one-line ``message``."""

    status: int
    message: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Policy:
    """What the front lets through. ``hosts``: the accepted ``Host`` values (``None``: any)."""

    hosts: frozenset[str] | None
    writable: bool = False
    token: str | None = None
    allow_service: bool = False


def netloc(host: str, port: int) -> str:
    """``host:port``, with brackets around an IPv6 address: ``[::1]:7878``."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def policy_for(host: str, port: int, *, writable: bool = False, token: str | None = None,
               allow_service: bool = False) -> Policy:
    """The policy of a server listening on ``host``:``port``."""
    host = host.strip("[]").lower()
    if host in ("", "0.0.0.0", "::"):
        hosts = None
    else:
        names = {host} | ({"127.0.0.1", "localhost", "::1"} if _loopback(host) else set())
        hosts = frozenset(netloc(n, port) for n in names)
        if port == 80:
            hosts |= {netloc(n, port).rsplit(":", 1)[0] for n in names}
    if writable and not token:
        raise ValueError("a writable server needs a token")
    return Policy(hosts, writable, token, allow_service)


def check_host(policy: Policy, host_header: str | None) -> Refusal | None:
    """400 unless the ``Host`` header names the address served (none at all: an HTTP/1.0 client)."""
    if policy.hosts is None or host_header is None:
        return None
    if host_header.strip().lower() in policy.hosts:
        return None
    return Refusal(400, f"kg serve: Host {host_header.strip()[:100]!r} is not the address served "
                        f"({', '.join(sorted(policy.hosts))})")


def is_write(method: str, path: str) -> bool:
    """Whether a request may change the data: ``/update``, or a write method outside ``/query``."""
    path = urlsplit(path).path
    if path.rstrip("/") == "/update":
        return True
    return method not in _READ_METHODS and not (method == "POST" and path == "/query")


def _same_origin(value: str, host_header: str | None) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "http" and host_header is not None and parts.netloc.lower() == host_header.strip().lower()


def _token_of(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer":
        return value
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return None
    return None


def check_write(policy: Policy, headers) -> Refusal | None:
    """403 for a write to a read-only server or from another web page, 401 without the token."""
    if not policy.writable:
        return Refusal(403, "kg serve is read-only: updates are refused (start it with --writable)")
    host = headers.get("Host")
    origin = headers.get("Origin")
    referer = headers.get("Referer")
    if origin is not None:
        if not _same_origin(origin, host):
            return Refusal(403, f"kg serve: a write from another web page (Origin {origin[:100]!r}) is refused")
    elif referer is not None and not _same_origin(referer, host):
        return Refusal(403, "kg serve: a write from another web page (Referer) is refused")
    given = _token_of(headers.get("Authorization"))
    if given is None or not hmac.compare_digest(given.encode("utf-8"), (policy.token or "").encode("utf-8")):
        return Refusal(401, "kg serve: writes need the token printed when the server started: "
                            "Authorization: Bearer TOKEN", (("WWW-Authenticate", 'Bearer realm="kg serve"'),))
    return None


def check_body_type(path: str, headers) -> Refusal | None:
    """415 for a compressed body, or a SPARQL body of a type whose text kg could not check."""
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        return Refusal(415, f"kg serve: compressed request bodies (Content-Encoding: {encoding[:40]}) are not accepted")
    if urlsplit(path).path == "/store":
        return None  # RDF data for the Graph Store: never run as SPARQL
    raw = headers.get("Content-Type")
    if raw is None:
        return None  # Oxigraph refuses it
    essence, *params = [p.strip().lower() for p in raw.split(";")]
    charset = next((p.partition("=")[2].strip('"') for p in params if p.startswith("charset=")), "utf-8")
    if essence not in _SPARQL_TYPES or charset not in ("utf-8", "utf8", "us-ascii"):
        return Refusal(415, f"kg serve: a SPARQL request body must be {', '.join(_SPARQL_TYPES)} in UTF-8, "
                            f"not {raw[:80]!r}")
    return None


def _sparql_texts(path: str, headers, body: bytes | None) -> list[str]:
    """Every text Oxigraph could read as SPARQL from the request."""
    parts = urlsplit(path)
    texts = [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k in ("query", "update")]
    if body:
        essence = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        decoded = body.decode("utf-8", "replace")
        if essence == "application/x-www-form-urlencoded":
            texts += [v for k, v in parse_qsl(decoded, keep_blank_values=True) if k in ("query", "update")]
        else:
            texts.append(decoded)
    return texts


def check_remote_use(policy: Policy, path: str, headers, body: bytes | None) -> Refusal | None:
    """400 for a query or update that uses SERVICE or LOAD, unless the policy allows it."""
    if policy.allow_service or urlsplit(path).path == "/store":
        return None
    for text in _sparql_texts(path, headers, body):
        found = remote_keyword(text)
        if found is not None:
            what = "query another SPARQL endpoint" if found == "SERVICE" else "read a URL"
            return Refusal(400, f"kg serve: {found} is refused: it would make the server {what} (a request to any "
                                "server this machine can reach); start kg serve with --allow-service to allow it")
    return None
