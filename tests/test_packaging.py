"""The wheel a user installs: licence, type hints, package data, the example article, metadata.

Builds kg's wheel from a copy of the checkout (``tests/_wheel.py``, the approach of the view
template's test in tests/views), reads it, installs it away from the checkout and uses it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from email.parser import Parser

import pytest

from _paths import ROOT
from _wheel import build_wheel, install_wheel

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    wheel, log = build_wheel(tmp)
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(z.read(meta).decode("utf-8"))
    return {"wheel": wheel, "log": log, "names": names, "metadata": metadata, "tmp": tmp}


def test_the_wheel_holds_the_licence_and_the_type_marker(built):
    names = built["names"]
    assert "kg/py.typed" in names
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    with zipfile.ZipFile(built["wheel"]) as z:
        assert z.read(licence).decode("utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
    meta = built["metadata"]
    assert meta["License-Expression"] == "MIT" and meta.get_all("License-File") == ["LICENSE"]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert set(urls) >= {"Homepage", "Documentation", "Issues"}


def test_the_wheel_holds_every_data_file(built):
    names = built["names"]
    for folder, pattern in (("ontology", "*.ttl"), ("ontology", "*.jsonld"), ("ontology/queries", "*.rq"), ("ontology/data", "*.json"),
                            ("examples", "*.txt")):
        files = sorted((ROOT / folder).glob(pattern))
        assert files, f"{folder}/{pattern} matches nothing in the checkout"
        target = "kg/examples" if folder == "examples" else f"kg/{folder}"
        for f in files:
            assert f"{target}/{f.name}" in names, f"{f.relative_to(ROOT)} is not in the wheel"
    assert "kg/views/templates/view.html.j2" in names


def test_building_warns_of_no_package_left_out(built):
    log = built["log"]
    assert "running bdist_wheel" in log  # the log holds the backend's output, where setuptools warns
    assert "is absent from the `packages` configuration" not in log
    assert "Package would be ignored" not in log


def test_reference_data_libraries_are_an_extra(built):
    requires = built["metadata"].get_all("Requires-Dist")
    for name in ("pycountry", "babel", "country-converter"):
        mine = [r for r in requires if r.split(">")[0].split("=")[0].split(";")[0].strip().lower() == name]
        assert mine and all("extra ==" in r for r in mine), (name, mine)
        assert any('extra == "reference"' in r for r in mine)


def test_the_example_is_reachable_from_the_installed_wheel(built):
    tmp = built["tmp"]
    site = install_wheel(built["wheel"], tmp / "site")
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import kg, kg.examples as ex; print(kg.__file__); print(ex.path()); print(ex.PUBLISHED)"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp, capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    kg_file, article, published = run.stdout.split("\n")[:3]
    assert kg_file == str(site / "kg" / "__init__.py")  # the wheel's kg, not the checkout's
    assert article == str(site / "kg" / "examples" / "ai_safety_summit_fr.txt")
    assert published == "2023-11-01"
    with open(article, encoding="utf-8") as f:
        assert f.read() == (ROOT / "examples" / "ai_safety_summit_fr.txt").read_text(encoding="utf-8")
    # the shell's way to it: python -m kg.examples prints the path kg build takes
    run = subprocess.run([sys.executable, "-m", "kg.examples"], cwd=tmp, capture_output=True, text=True, timeout=300,
                         env=env)
    assert run.returncode == 0 and run.stdout.strip() == article, run.stderr


def test_the_installed_wheel_writes_compacted_json_ld(built, tmp_path):
    """ontology/context.jsonld ships as package data: kg export finds it away from the checkout."""
    site = install_wheel(built["wheel"], tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(site)}
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<https://w3id.org/kg-news/id/city/paris> a <https://w3id.org/kg-news/ontology#City> .\n',
                   encoding="utf-8")
    code = ("import sys, kg.rdf.writers as w; print(w.__file__); "
            "from kg.cli import main; sys.exit(main(['export', '--graph', sys.argv[1], '--format', 'json-ld']))")
    run = subprocess.run([sys.executable, "-c", code, str(ttl)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    where, doc = run.stdout.split("\n", 1)
    assert where == str(site / "kg" / "rdf" / "writers.py")
    assert '"@id": "kgid:city/paris"' in doc and '"@type": "City"' in doc
