"""Build kg's wheel from a copy of the checkout and install it away from it (packaging tests).

>>> wheel, log = build_wheel(tmp_path)                     # doctest: +SKIP
>>> site = install_wheel(wheel, tmp_path / "site")         # doctest: +SKIP

The copy holds what a source distribution holds (``pyproject.toml``, ``README.md``, ``LICENSE``,
``kg/``, ``ontology/``, ``examples/``), so building leaves no ``build/`` folder in the checkout.
pip builds it in an isolated environment with the setuptools ``[build-system]`` asks for; ``log``
is the build's verbose output, backend warnings included.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from _paths import ROOT

__all__ = ["build_wheel", "install_wheel", "SOURCE_FILES", "SOURCE_FOLDERS"]

SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE")
SOURCE_FOLDERS = ("kg", "ontology", "examples")
_PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check")


def build_wheel(tmp_path: Path) -> tuple[Path, str]:
    """The wheel built from a copy of the checkout in ``tmp_path/src``, and the build's output."""
    src = tmp_path / "src"
    src.mkdir()
    for name in SOURCE_FILES:
        shutil.copy(ROOT / name, src / name)
    for folder in SOURCE_FOLDERS:
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([*_PIP, "wheel", "-v", "--no-deps", str(src), "-w", str(tmp_path / "dist")],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-4000:]
    (wheel,) = (tmp_path / "dist").glob("kg-*.whl")
    return wheel, built.stdout + built.stderr


def install_wheel(wheel: Path, target: Path) -> Path:
    """Install ``wheel`` (without its dependencies: the running venv has them) into ``target``."""
    installed = subprocess.run([*_PIP, "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    return target
