"""The example article, shipped with kg (installed as the package ``kg.examples``).

``examples/ai_safety_summit_fr.txt`` is the article of the README and the notebooks: a French
news story about the first AI Safety Summit (London, 1–2 November 2023). It is package data, so
an installed kg (a wheel, not only a checkout) finds it::

    >>> import kg.examples                                            # doctest: +SKIP
    >>> kg.examples.path()                                            # doctest: +SKIP
    PosixPath('.../site-packages/kg/examples/ai_safety_summit_fr.txt')

From the shell, ``python -m kg.examples`` prints the path, with the publication date to build it
with::

    kg build "$(python -m kg.examples)" --published 2023-11-01 --out out/

From Python: ``kg.inputs.read_articles([kg.examples.path()], published=kg.examples.PUBLISHED)``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ARTICLE", "PUBLISHED", "path"]

#: The example article's file name.
ARTICLE = "ai_safety_summit_fr.txt"
#: Its publication date: the date relative dates in it (« mercredi ») are resolved against.
PUBLISHED = "2023-11-01"


def path(name: str = ARTICLE) -> Path:
    """The installed file of an example (the article by default)."""
    found = Path(str(files(__name__) / name))
    if not found.is_file():
        raise FileNotFoundError(f"no example named {name!r} in {found.parent}")
    return found
