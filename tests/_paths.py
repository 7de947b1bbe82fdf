"""Where the tests' files are, whatever folder a test sits in."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  #: the repository
TESTS = ROOT / "tests"
EXAMPLE = ROOT / "examples" / "ai_safety_summit_fr.txt"
CORPUS = TESTS / "corpus"  #: the project's own suite: NAME.txt + NAME.gold.json
GOLD = CORPUS / "ai_safety_summit_fr.gold.json"
DATA = TESTS / "data"
EXAMPLE_PUBLISHED = "2023-11-01"
