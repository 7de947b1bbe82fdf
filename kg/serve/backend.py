"""The Oxigraph server process behind ``kg serve``: finding the binary, starting it and waiting
until it accepts connections, and — with ``--timeout`` — restarting it on request from a thread
that lives as long as it (killing the process is the only way to stop a runaway query).

On Linux the process gets SIGTERM if kg dies (``PR_SET_PDEATHSIG``), so it never outlives kg.
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
import threading
import time
from pathlib import Path

from kg.errors import KgError
from kg.store.lock import StoreLockedError

__all__ = ["find_oxigraph", "free_port", "internal_port", "BROWSER_BLOCKED_PORTS", "Backend"]

#: Ports web browsers refuse to connect to (the Fetch standard's "bad ports", above 1024): Oxigraph
#: listens on one of them when it is free, so that no web page can reach it around kg's front.
BROWSER_BLOCKED_PORTS = (10080, 6665, 6666, 6667, 6668, 6669, 6697, 6566, 4045, 3659, 1719, 1720, 1723, 5060, 5061,
                         2049, 6000)


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
    """A port of ``host`` that is free now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def internal_port(host: str = "127.0.0.1", exclude: tuple[int, ...] = ()) -> int:
    """A port for Oxigraph behind the front: the first free one of :data:`BROWSER_BLOCKED_PORTS`
    (a web page cannot send requests there: browsers refuse), else any free port."""
    for port in BROWSER_BLOCKED_PORTS:
        if port not in exclude and _free(host, port):
            return port
    return free_port(host)


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


class Backend:
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
                    if proc.poll() is None:  # Oxigraph, not something else that had the port
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
                try:
                    self.spawn()
                except KgError as exc:
                    if isinstance(exc, StoreLockedError):
                        raise
                    self.kill()  # the port was taken since it was chosen? another one
                    self.port = internal_port(self.host, exclude=(self.port,))
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
                    self.port = internal_port(self.host, exclude=(self.port,))
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
