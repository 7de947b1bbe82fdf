"""``python -m kg.examples``: print the path of the example article (to give to ``kg build``)."""

from kg.examples import path

print(path())
