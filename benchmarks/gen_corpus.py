"""Write a corpus of N **synthetic** French news articles about summits, for benchmarks.

    .venv/bin/python benchmarks/gen_corpus.py 1000 --out /tmp/corpus-1k.jsonl
    .venv/bin/python benchmarks/gen_corpus.py 10000 --out /tmp/corpus-10k.jsonl --words 150 250
    .venv/bin/python benchmarks/gen_corpus.py 50 --out /tmp/corpus-md --format md   # a folder of .md files

Everything in these articles is invented. They are assembled from sentence templates and the
reference data of ``ontology/data`` (countries with their French names and nationality
adjectives, cities, international organisations, role titles), with invented person names
(a given name and a surname made of syllables) and generic ministry portfolios and topics. The
summits, editions, dates, attendances, ministers and announcements are random draws: none is a
real event. The same N and ``--seed`` always give the same corpus (byte for byte).

Output: JSONL, one ``{"id", "title", "published", "text"}`` object per line (what ``kg build``
streams best), or a folder of Markdown files with front matter (``--format md``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.output import atomic_open  # noqa: E402
from kg.nlp.reference import load_reference  # noqa: E402

GIVEN_F = ["Claire", "Sofia", "Amina", "Inès", "Nadia", "Leila", "Ingrid", "Elena", "Yara", "Chloé", "Mira", "Salma",
           "Léa", "Greta", "Irene", "Noor", "Zofia", "Aïcha"]
GIVEN_M = ["Marc", "Jonas", "Lucas", "Tomas", "Pavel", "Hugo", "Karim", "Mateo", "Oskar", "Rafael", "Anton", "Viktor",
           "Idris", "Malik", "Bastien", "Emil", "Dario", "Lars"]
#: (masculine, feminine) role titles, all in ontology/data/roles.json
ROLES = [("ministre", "ministre"), ("Premier ministre", "Première ministre"), ("chef de la diplomatie", "cheffe de la diplomatie"),
         ("vice-chancelier", "vice-chancelière"), ("président", "présidente"), ("chef du gouvernement", "cheffe du gouvernement"),
         ("ministre délégué", "ministre déléguée")]
SYLLABLES = ["ber", "dan", "vel", "mor", "tis", "kal", "ron", "sel", "bra", "lin", "dor", "mev", "pas", "tor",
             "gal", "rin", "vos", "lem", "nak", "sou", "fer", "ald", "mou", "zen", "qui", "lar", "bel", "dru"]
PORTFOLIOS = ["de l'Économie", "des Affaires étrangères", "de la Défense", "de l'Agriculture", "de la Santé",
              "de l'Énergie", "du Commerce extérieur", "de l'Environnement", "des Finances", "de l'Intérieur",
              "de l'Éducation", "des Transports", "du Travail", "de la Culture", "de l'Industrie"]
TOPICS = ["la sécurité alimentaire", "les réseaux électriques", "la protection des océans", "la santé mondiale",
          "les infrastructures portuaires", "la lutte contre la désertification", "la cybersécurité",
          "l'accès à l'eau potable", "la recherche médicale", "la formation professionnelle", "le fret ferroviaire",
          "les énergies renouvelables", "la reconstruction des routes", "la vaccination", "les matières premières"]
ANNOUNCE = ["un fonds", "un plan", "une enveloppe", "un programme", "une initiative", "un partenariat"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
#: organisations whose summits the articles report, with the « de » form their name takes
ORG_SUMMITS = [("G7", "du"), ("G20", "du"), ("OTAN", "de l'"), ("Union africaine", "de l'"),
               ("Union européenne", "de l'"), ("Brics", "des"), ("Francophonie", "de la"), ("Asean", "de l'"),
               ("Organisation des États américains", "de l'"), ("Mercosur", "du"), ("Ligue arabe", "de la"),
               ("Commonwealth", "du")]
FILLERS = [
    "Les négociations se sont prolongées tard dans la nuit, selon plusieurs délégations.",
    "Les discussions ont aussi porté sur {topic}, un dossier qui divise encore les participants.",
    "Plusieurs organisations non gouvernementales ont jugé les engagements insuffisants.",
    "La déclaration finale doit être publiée à l'issue de la dernière séance de travail.",
    "Les marchés ont accueilli ces annonces avec prudence, notaient des analystes.",
    "Sur place, des manifestants ont rappelé les promesses non tenues des éditions précédentes.",
    "Les diplomates insistent sur la nécessité d'un suivi régulier des engagements pris.",
    "Un groupe de travail sera chargé de préparer un rapport d'étape d'ici à la fin de l'année.",
]


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng: random.Random, feminine: bool) -> str:
    return f"{rng.choice(GIVEN_F if feminine else GIVEN_M)} {_surname(rng)}"


def _the(country) -> str:
    """« la France », « l'Allemagne », « les Pays-Bas », « Israël »."""
    art = country.article or ""
    if not art:
        return country.name
    return f"{art}{country.name}" if art.endswith("'") else f"{art} {country.name}"


def _in(country) -> str:
    """« en France », « au Canada », « aux Pays-Bas », « à Israël »."""
    art = country.article or ""
    if art == "le":
        return f"au {country.name}"
    if art == "les":
        return f"aux {country.name}"
    if art in ("la", "l'"):
        return f"en {country.name}"
    return f"à {country.name}"


def _of(country) -> str:
    """« de la France », « de l'Iran », « du Canada », « des Pays-Bas », « d'Israël »."""
    art = country.article or ""
    if art == "le":
        return f"du {country.name}"
    if art == "les":
        return f"des {country.name}"
    if art:
        return f"de {_the(country)}"
    return f"d'{country.name}" if country.name[0] in "AEIOUÉÎ" else f"de {country.name}"


def _adj(country, feminine: bool = False) -> str:
    adjs = list(country.adjectives) or [country.name]
    # masculine singular first, feminine singular second in the reference data
    return adjs[1] if feminine and len(adjs) > 1 else adjs[0]


class Generator:
    def __init__(self, seed: int = 0) -> None:
        ref = load_reference()
        self.rng = random.Random(seed)
        self.countries = [c for c in ref.countries if c.adjectives and c.capital]
        self.cities_by_country: dict[str, list[str]] = {}
        for city in ref.cities:
            self.cities_by_country.setdefault(city.country, []).append(city.name)
        self.orgs = [(n, de) for n, de in ORG_SUMMITS if ref.organization(n) is not None]
        self.roles = [(m, f) for m, f in ROLES if ref.role(m) and ref.role(f)]

    def _summit(self, host) -> tuple[str, str]:
        """(name as it appears after « le », short name for later mentions)."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.45:
            name, de = rng.choice(self.orgs)
            edition = rng.randint(2, 60)
            return f"{edition}e sommet {de}{'' if de.endswith(chr(39)) else ' '}{name}", "le sommet"
        if kind < 0.65:
            n = rng.randint(15, 40)
            return f"la COP{n}", "la COP"
        if kind < 0.85:
            other = rng.choice(self.countries)
            return f"sommet Union européenne-{other.name}", "le sommet"
        partner = rng.choice(self.countries)
        return f"sommet {_adj(host)}-{_adj(partner)}", "le sommet"

    def article(self, i: int) -> dict:
        rng = self.rng
        host = rng.choice(self.countries)
        city = rng.choice(self.cities_by_country.get(host.iso3) or [host.capital])
        year = rng.randint(2012, 2025)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        published = f"{year}-{month:02d}-{day:02d}"
        summit, short = self._summit(host)
        guests = rng.sample(self.countries, 4)
        people = []
        for c in [host, *guests]:
            fem = rng.random() < 0.5
            people.append((_person(rng, fem), c, fem))
        words_target = rng.randint(*self.words)
        topic = rng.choice(TOPICS)
        title = f"{summit[0].upper()}{summit[1:]} : {city} accueille {len(guests) + rng.randint(5, 30)} délégations"
        s = []
        fem_summit = summit.startswith("la ")
        opener = "" if fem_summit else "Le "
        lead = f"{opener}{summit} s'est ouvert{'e' if fem_summit else ''} {rng.choice(WEEKDAYS)} à {city}, {_in(host)}, " \
               f"en présence de dirigeants venus de {rng.randint(8, 60)} pays."
        s.append(lead[0].upper() + lead[1:])
        name, c, fem = people[0]
        role = rng.choice(self.roles)[fem]
        s.append(f"{'La' if fem else 'Le'} {role} {_adj(c, fem)} {name} a accueilli les délégations "
                 f"et promis des « résultats concrets » sur {topic}.")
        for name, c, fem in people[1:]:
            form = rng.random()
            portfolio = rng.choice(PORTFOLIOS)
            if form < 0.4:
                s.append(f"{'La' if fem else 'Le'} ministre {_adj(c, fem)} {portfolio}, {name}, "
                         f"a assisté aux travaux aux côtés de son homologue {_adj(rng.choice(guests))}.")
            elif form < 0.7:
                amount = rng.randint(2, 900)
                unit = rng.choice(["millions", "milliards"])
                title_ = "ministre" if rng.random() < 0.7 else "secrétaire d'État"
                s.append(f"{name}, {title_} {portfolio} {_of(c)}, a annoncé {rng.choice(ANNOUNCE)} de {amount} {unit} "
                         f"d'euros pour {rng.choice(TOPICS)} en marge {'de la COP' if fem_summit else 'du sommet'}.")
            else:
                s.append(f"{'La' if fem else 'Le'} {rng.choice(self.roles)[fem]} {_adj(c, fem)} {name} est arrivé"
                         f"{'e' if fem else ''} {rng.choice(WEEKDAYS)} à {city}.")
        s.append(f"Le {'1er' if day == 1 else day} {MONTHS[month - 1]}, les participants ont adopté une déclaration commune sur {topic}.")
        next_host = rng.choice(self.countries)
        next_city = rng.choice(self.cities_by_country.get(next_host.iso3) or [next_host.capital])
        s.append(f"La prochaine édition se tiendra à {next_city}, {_in(next_host)}, en {year + 1}.")
        fillers = FILLERS[:]
        rng.shuffle(fillers)
        body = s[:-1]
        while sum(len(x.split()) for x in body + s[-1:]) < words_target and fillers:
            body.append(fillers.pop().format(topic=rng.choice(TOPICS)))
        body.append(s[-1])
        text = title + "\n" + "\n".join(body)
        return {"id": f"synth-{i:07d}", "title": title, "published": published, "text": text}

    words: tuple[int, int] = (150, 250)


def generate(n: int, seed: int = 0, words: tuple[int, int] = (150, 250)):
    """Yield ``n`` synthetic articles as dicts (``id``, ``title``, ``published``, ``text``)."""
    gen = Generator(seed)
    gen.words = words
    for i in range(n):
        yield gen.article(i)


def write_corpus(n: int, out: str | Path, *, seed: int = 0, words: tuple[int, int] = (150, 250), fmt: str = "jsonl") -> int:
    """Write ``n`` articles to ``out`` (a .jsonl file, or a folder for ``fmt="md"``); returns the word count."""
    total = 0
    out = Path(out)
    if fmt == "jsonl":
        with atomic_open(out, "w") as f:
            for art in generate(n, seed, words):
                total += len(art["text"].split())
                f.write(json.dumps(art, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for art in generate(n, seed, words):
            total += len(art["text"].split())
            with atomic_open(out / f"{art['id']}.md", "w") as f:
                f.write(f"---\ntitle: {art['title']}\npublished: {art['published']}\n---\n{art['text']}\n")
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", required=True, help="a .jsonl file (or a folder with --format md)")
    ap.add_argument("--format", choices=["jsonl", "md"], default="jsonl")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, nargs=2, default=[150, 250], metavar=("MIN", "MAX"),
                    help="words per article, drawn uniformly (default 150 250)")
    args = ap.parse_args(argv)
    words = write_corpus(args.n, args.out, seed=args.seed, words=tuple(args.words), fmt=args.format)
    print(f"{args.n} synthetic articles, {words:,} words → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
