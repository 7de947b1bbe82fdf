"""Headless Chromium for the view tests, the view benchmark and the docs screenshot.

Uses Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``, ``/usr/bin/chromedriver``)
through selenium (the ``test`` extra); nothing is downloaded. A fresh profile folder per browser,
no background networking, console messages kept for :func:`console_errors`.

>>> with chromium() as driver:                                   # doctest: +SKIP
...     ms = open_view(driver, "out/graph.html")                 # time-to-interactive in ms
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CHROMIUM", "CHROMEDRIVER", "available", "chromium", "open_view", "console_errors"]

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars")


def available() -> str | None:
    """``None`` when the browser can be driven, else why not."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 900, scale: float = 1.0) -> Iterator:
    """A selenium driver of a fresh headless Chromium, quit (and its profile removed) on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},{height}")
    if scale != 1.0:
        opts.add_argument(f"--force-device-scale-factor={scale}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        driver.set_window_size(width, height)
        yield driver
    finally:
        with contextlib.suppress(Exception):
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_view(driver, path: str | os.PathLike[str], timeout: float = 30.0) -> float:
    """Open a view from ``file://`` and wait until it is drawn and frozen (``window.kgReady``).

    Returns the page's time-to-interactive in milliseconds since navigation start.
    """
    driver.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script("return window.kgReady === true"):
            return float(driver.execute_script("return window.kgReadyAt"))
        time.sleep(0.02)
    raise TimeoutError(f"{path}: the view was not ready after {timeout:.0f} s")


def console_errors(driver) -> list[str]:
    """Severe console messages and uncaught errors of the page so far."""
    logs = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    logs += driver.execute_script("return window.kgErrors || []")
    return logs
