"""The reference data (ontology/data/*.json) and their loader kg.reference."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import country_converter
import pycountry
import pytest

from kg.names import lookup_key as normalize
from kg.nlp.reference import City, Country, Organization, Reference, Role, load_reference

NON_ISO = {"XKX": "XK"}  # Kosovo: user-assigned code, not in ISO 3166


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


# --- normalize -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la France", "france"),
        ("La France", "france"),
        ("l'Allemagne", "allemagne"),
        ("l’Allemagne", "allemagne"),
        ("L' Allemagne", "allemagne"),
        ("les  États-Unis", "etats unis"),
        ("Etats Unis", "etats unis"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("« Vietnam »", "vietnam"),
        ("Œuvre", "oeuvre"),
        ("la", "la"),
        ("Laos", "laos"),
        ("Lesotho", "lesotho"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


# --- countries -------------------------------------------------------------------------


def test_load_is_cached_and_typed(ref):
    assert load_reference() is ref
    assert all(isinstance(c, Country) for c in ref.countries)
    assert all(isinstance(c, City) for c in ref.cities)
    assert all(isinstance(o, Organization) for o in ref.organizations)
    assert all(isinstance(r, Role) for r in ref.roles)


def test_all_countries_present(ref):
    tsv = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    rows = list(csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t"))
    un_members = {r["ISO3"] for r in rows if r["UNmember"].strip()}
    assert len(un_members) == 193
    iso3s = {c.iso3 for c in ref.countries}
    assert un_members <= iso3s
    assert {"PSE", "VAT", "XKX", "TWN"} <= iso3s
    assert len(ref.countries) >= 190


def test_country_codes_match_pycountry(ref):
    iso3s = [c.iso3 for c in ref.countries]
    assert len(iso3s) == len(set(iso3s))
    assert len({c.iso2 for c in ref.countries}) == len(iso3s)
    for c in ref.countries:
        if c.iso3 in NON_ISO:
            assert c.iso2 == NON_ISO[c.iso3]
            continue
        pc = pycountry.countries.get(alpha_3=c.iso3)
        assert pc is not None, c.iso3
        assert pc.alpha_2 == c.iso2, c.iso3


def test_country_fields(ref):
    for c in ref.countries:
        assert c.name.strip(), c.iso3
        assert c.name in c.names, c.iso3
        assert c.article in ("le", "la", "les", "l'", ""), c.iso3
        assert all(a == a.lower() and a.strip() for a in c.adjectives), c.iso3
        assert c.capital and c.capital in c.capital_names, c.iso3


def test_every_country_name_resolves_to_its_country(ref):
    for c in ref.countries:
        for name in c.names:
            assert ref.country(name) == c, (name, c.iso3)
            for article in ("le ", "la ", "les ", "l'"):
                assert ref.country(article + name) == c


def test_no_country_name_is_shared(ref):
    owners = defaultdict(set)
    for c in ref.countries:
        for name in c.names:
            owners[normalize(name)].add(c.iso3)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("la France", "FRA"),
        ("France", "FRA"),
        ("FRANCE", "FRA"),
        ("Etats-Unis", "USA"),
        ("les États-Unis", "USA"),
        ("l'Allemagne", "DEU"),
        ("l’Allemagne", "DEU"),
        ("Royaume-Uni", "GBR"),
        ("Grande-Bretagne", "GBR"),
        ("Russie", "RUS"),
        ("Fédération de Russie", "RUS"),
        ("Corée du Sud", "KOR"),
        ("Corée du Nord", "PRK"),
        ("Iran", "IRN"),
        ("Syrie", "SYR"),
        ("Vietnam", "VNM"),
        ("Viêt Nam", "VNM"),
        ("Emirats arabes unis", "ARE"),
        ("EAU", "ARE"),
        ("Congo", "COG"),
        ("République du Congo", "COG"),
        ("RDC", "COD"),
        ("République démocratique du Congo", "COD"),
        ("Guinée", "GIN"),
        ("Guinée-Bissau", "GNB"),
        ("Guinée équatoriale", "GNQ"),
        ("Papouasie-Nouvelle-Guinée", "PNG"),
        ("Saint-Siège", "VAT"),
        ("Vatican", "VAT"),
        ("Taïwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Israël", "ISR"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Pays-Bas", "NLD"),
        ("Chine", "CHN"),
        ("Inde", "IND"),
        ("Japon", "JPN"),
        ("Italie", "ITA"),
    ],
)
def test_country_lookup(ref, text, iso3):
    c = ref.country(text)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize(
    "text", ["Europe", "Afrique", "Commission", "Union européenne", "Paris", "européen", ""]
)
def test_not_a_country(ref, text):
    assert ref.country(text) is None


def test_country_by_iso3(ref):
    assert ref.country_by_iso3("FRA").name == "France"
    assert ref.country_by_iso3("gbr").name == "Royaume-Uni"
    assert ref.country_by_iso3("XKX").name == "Kosovo"
    assert ref.country_by_iso3("ZZZ") is None


def test_articles(ref):
    article = {c.iso3: c.article for c in ref.countries}
    assert article["FRA"] == "la"
    assert article["USA"] == "les"
    assert article["DEU"] == "l'"
    assert article["JPN"] == "le"
    assert article["ISR"] == ""
    assert article["CUB"] == ""
    assert article["MLT"] == ""


# --- adjectives ------------------------------------------------------------------------


EXPECTED_ADJECTIVES = {
    "GB": {"britannique", "britanniques"},
    "US": {"américain", "américaine", "américains", "américaines"},
    "KR": {"sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes"},
    "AE": {"émirati", "émiratie", "émiratis", "émiraties"},
    "DE": {"allemand", "allemande", "allemands", "allemandes"},
    "IT": {"italien", "italienne", "italiens", "italiennes"},
    "FR": {"français", "française", "françaises"},
    "CN": {"chinois", "chinoise", "chinoises"},
    "IN": {"indien", "indienne", "indiens", "indiennes"},
    "JP": {"japonais", "japonaise", "japonaises"},
}


@pytest.mark.parametrize("iso2", sorted(EXPECTED_ADJECTIVES))
def test_adjectives_resolve_in_all_forms(ref, iso2):
    country = next(c for c in ref.countries if c.iso2 == iso2)
    assert EXPECTED_ADJECTIVES[iso2] <= set(country.adjectives)
    for adj in country.adjectives:
        for form in (adj, adj.capitalize(), adj.upper(), "les " + adj.capitalize()):
            assert ref.country_by_adjective(form) == country, form


def test_adjective_case_and_accents(ref):
    assert ref.country_by_adjective("Sud-Coréenne").iso3 == "KOR"
    assert ref.country_by_adjective("emiraties").iso3 == "ARE"
    assert ref.country_by_adjective("Britannique").iso3 == "GBR"
    assert ref.country_by_adjective("americaine").iso3 == "USA"


def test_no_adjective_maps_to_two_countries(ref):
    owners = defaultdict(set)
    for c in ref.countries:
        for adj in c.adjectives:
            owners[normalize(adj)].add(c.iso3)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_most_countries_have_adjectives(ref):
    assert sum(1 for c in ref.countries if c.adjectives) >= 190


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("guinéen", "GIN"),
        ("guinéennes", "GIN"),
        ("bissau-guinéenne", "GNB"),
        ("équato-guinéen", "GNQ"),
        ("nigérien", "NER"),
        ("nigériane", "NGA"),
        ("nord-coréens", "PRK"),
        ("soudanais", "SDN"),
        ("sud-soudanaise", "SSD"),
        ("dominicaine", "DOM"),
        ("dominiquais", "DMA"),
        ("turque", "TUR"),
        ("grecque", "GRC"),
        ("saoudiennes", "SAU"),
        ("burkinabè", "BFA"),
        ("néo-zélandaise", "NZL"),
        ("ukrainiens", "UKR"),
        ("russes", "RUS"),
        ("israélienne", "ISR"),
        ("palestiniens", "PSE"),
    ],
)
def test_adjective_lookup(ref, word, iso3):
    c = ref.country_by_adjective(word)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize(
    "word", ["européen", "européenne", "africain", "asiatique", "coréen", "congolais", "ministre"]
)
def test_not_a_country_adjective(ref, word):
    assert ref.country_by_adjective(word) is None


# --- cities ----------------------------------------------------------------------------


def test_capitals_resolve_to_their_country(ref):
    for c in ref.countries:
        for name in c.capital_names:
            city = ref.city(name)
            assert city is not None and city.country == c.iso3, (name, c.iso3)


def test_cities_are_valid_and_unshadowed(ref):
    iso3s = {c.iso3 for c in ref.countries}
    capitals = {normalize(n) for c in ref.countries for n in c.capital_names}
    others = [city for city in ref.cities if normalize(city.name) not in capitals]
    assert len(others) >= 140
    for city in ref.cities:
        assert city.country in iso3s, city
        assert city.name in city.names
        for name in city.names:
            assert ref.city(name) == city, (name, city)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Pékin", "CHN"),
        ("Beijing", "CHN"),
        ("Londres", "GBR"),
        ("Moscou", "RUS"),
        ("Varsovie", "POL"),
        ("New Delhi", "IND"),
        ("Washington", "USA"),
        ("Washington DC", "USA"),
        ("Paris", "FRA"),
        ("Rome", "ITA"),
        ("Genève", "CHE"),
        ("Geneve", "CHE"),
        ("New York", "USA"),
        ("Davos", "CHE"),
        ("Bruxelles", "BEL"),
        ("La Mecque", "SAU"),
        ("São Paulo", "BRA"),
        ("Sao Paulo", "BRA"),
        ("Le Cap", "ZAF"),
        ("Saint-Pétersbourg", "RUS"),
        ("Bletchley", "GBR"),
        ("Évian", "FRA"),
        ("Le Caire", "EGY"),
        ("la Nouvelle-Orléans", "USA"),
    ],
)
def test_city_lookup(ref, text, iso3):
    city = ref.city(text)
    assert city is not None and city.country == iso3


def test_not_a_city(ref):
    assert ref.city("France") is None
    assert ref.city("Europe") is None


# --- organizations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ONU", "united-nations"),
        ("Nations unies", "united-nations"),
        ("les Nations Unies", "united-nations"),
        ("l'OTAN", "nato"),
        ("l’Otan", "nato"),
        ("Union européenne", "european-union"),
        ("l'UE", "european-union"),
        ("UE", "european-union"),
        ("G7", "g7"),
        ("G20", "g20"),
        ("Commission européenne", "european-commission"),
        ("la BCE", "ecb"),
        ("FMI", "imf"),
        ("Banque mondiale", "world-bank"),
        ("OMS", "who"),
        ("Unesco", "unesco"),
        ("CEDEAO", "ecowas"),
        ("Brics", "brics"),
        ("Conseil de sécurité", "un-security-council"),
        ("Cour pénale internationale", "icc"),
        ("Francophonie", "oif"),
        ("GIEC", "ipcc"),
    ],
)
def test_organization_lookup(ref, text, key):
    org = ref.organization(text)
    assert org is not None and org.key == key


@pytest.mark.parametrize(
    "text", ["Commission", "la Commission", "Conseil", "Parlement", "Union", "Banque", "France"]
)
def test_not_an_organization(ref, text):
    assert ref.organization(text) is None


def test_organizations_are_well_formed(ref):
    keys = [o.key for o in ref.organizations]
    assert len(keys) == len(set(keys)) >= 80
    owners = defaultdict(set)
    for o in ref.organizations:
        assert o.key.isascii() and o.key == o.key.lower() and " " not in o.key
        assert o.name in o.names
        for name in o.names:
            owners[normalize(name)].add(o.key)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# --- roles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "cls", "plural"),
    [
        ("Première ministre", "Minister", False),
        ("Premier ministre", "Minister", False),
        ("ministre", "Minister", False),
        ("ministre déléguée", "Minister", False),
        ("ministres", "Minister", True),
        ("secrétaire d'État", "Minister", False),
        ("secrétaire d’Etat", "Minister", False),
        ("chancelière", "Minister", False),
        ("cheffe de la diplomatie", "Minister", False),
        ("garde des Sceaux", "Minister", False),
        ("vice-présidente", "Person", False),
        ("Vice-Présidente", "Person", False),
        ("président", "Person", False),
        ("présidente de la Commission", "Person", False),
        ("secrétaire général", "Person", False),
        ("cofondateur", "Person", False),
        ("cofondateurs", "Person", True),
        ("ambassadrice", "Person", False),
        ("porte-parole", "Person", False),
        ("porte-parole du gouvernement", "Minister", False),
        ("présidents", "Person", True),
    ],
)
def test_role_lookup(ref, title, cls, plural):
    role = ref.role(title)
    assert role is not None, title
    assert (role.cls, role.plural) == (cls, plural)


@pytest.mark.parametrize("text", ["homologue", "homologues", "ministre de l'Économie", "France"])
def test_not_a_role(ref, text):
    assert ref.role(text) is None


def test_roles_are_well_formed(ref):
    assert all(r.cls in ("Minister", "Person") for r in ref.roles)
    titles = [r.title for r in ref.roles]
    assert len(titles) == len(set(titles))
    # spelling variants (« haut-représentant » / « haut représentant ») agree on class and number
    seen: dict[str, tuple[str, bool]] = {}
    for r in ref.roles:
        assert seen.setdefault(normalize(r.title), (r.cls, r.plural)) == (r.cls, r.plural), r
    assert any(r.plural for r in ref.roles) and any(not r.plural for r in ref.roles)
