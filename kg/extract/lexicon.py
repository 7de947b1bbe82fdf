"""The rules' trigger words (``ontology/data/lexicon.json``), loaded once."""

from __future__ import annotations

import functools
import json
from importlib.resources import files

__all__ = ["load_lexicon"]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """Trigger words of the rules (``ontology/data/lexicon.json``)."""
    text = (files("kg.ontology") / "data" / "lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


SPEECH_VERBS = {"déclarer", "ajouter", "affirmer", "estimer", "souligner", "indiquer", "expliquer", "assurer", "dire",
                "prévenir", "insister", "rappeler", "préciser", "commenter", "conclure", "noter", "juger", "regretter"}
LOCATIVE_PREPS = {"à", "dans", "depuis", "vers", "près", "entre"}
PLACE_NOUNS = {"ville", "villes", "région", "capitale", "cité", "port", "banlieue", "faubourg", "agglomération", "aéroport", "centre", "rues", "hôtel", "palais", "maire", "conférence", "forum", "salon", "accord", "accords", "déclaration", "traité", "festival", "jeux"}
VENUE_NOUNS = {"château", "palais", "centre", "parc", "stade", "musée", "hôtel", "complexe", "site"}
ROLE_FILLERS = {"à", "la", "fois", "aussi", "également", "lui-même", "elle-même", "actuel", "actuelle", "nouveau", "nouvelle"}
NAME_PARTICLES = {"de", "du", "des", "von", "van", "der", "den", "le", "la", "di", "da", "del", "bin", "ben", "al", "el", "ibn", "d'", "d’"}
ANNOUNCING_REPORT = {"annoncer", "confirmer", "promettre", "dévoiler", "officialiser"}
