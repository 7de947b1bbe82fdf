"""French date expressions resolved against the publication date."""

import pytest

from kg.extract.dates import RefDate, find_dates, parse_reference, unresolved_dates

PUB = "2023-11-01"  # a Wednesday


@pytest.mark.parametrize("text,tense,expected", [
    ("mercredi et jeudi (1er et 2 novembre)", "present", ("2023-11-01", "2023-11-02")),
    ("lundi (30 octobre)", "past", ("2023-10-30",)),
    ("en juin", "past", ("2023-06",)),
    ("en juin 2024", "present", ("2024-06",)),
    ("du 30 novembre au 12 décembre 2023", "present", ("2023-11-30", "2023-12-12")),
    ("du 30 novembre au 2 décembre", "future", ("2023-11-30", "2023-12-02")),
    ("le 3 mars 2024", "present", ("2024-03-03",)),
    ("les 6 et 7 juin", "future", ("2024-06-06", "2024-06-07")),
    ("en 2025", "future", ("2025",)),
    ("lundi", "past", ("2023-10-30",)),
    ("vendredi", "future", ("2023-11-03",)),
])
def test_resolved(text, tense, expected):
    found = find_dates(text, PUB, tense)
    assert found and found[0].values == expected


def test_no_publication_date_leaves_relative_dates_out():
    assert find_dates("mercredi", None) == []
    assert find_dates("le 3 mars 2024", None)[0].values == ("2024-03-03",)


def test_bare_month_name_is_not_a_date():
    # « mars » alone is too ambiguous (the planet, the word)
    assert find_dates("la mission vers mars", PUB) == []


def test_offsets_point_into_text():
    text = "Le sommet aura lieu le 3 mars 2024 à Paris."
    d = find_dates(text, PUB)[0]
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize("published, text, tense, expected", [
    # known to the month: a day and month resolve (the year from the month), a weekday does not
    ("2024-11", "le 18 novembre", "present", ("2024-11-18",)),
    ("2024-11", "les 18 et 19 novembre", "past", ("2024-11-18", "2024-11-19")),
    ("2024-11", "en décembre", "past", ("2024-12",)),  # the same year, as with a full date
    ("2024-02", "en décembre", "past", ("2023-12",)),  # far ahead, in the past: last year's
    ("2024-11", "mardi", "past", None),
    ("2024-11", "lundi (18 novembre)", "past", ("2024-11-18",)),
    # known to the year: the year, no flips, no weekdays
    ("2024", "le 18 novembre", "past", ("2024-11-18",)),
    ("2024", "mercredi", "present", None),
])
def test_partial_publication_dates_resolve_as_far_as_they_allow(published, text, tense, expected):
    found = find_dates(text, published, tense)
    assert (found[0].values if found else None) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-11-06", RefDate(2024, 11, 6)),
    ("2024-11", RefDate(2024, 11)),
    ("2024", RefDate(2024)),
    ("2024-13", None),
    ("2024-02-30", None),
    ("novembre 2024", None),
    (None, None),
])
def test_parse_reference(value, expected):
    assert parse_reference(value) == expected


@pytest.mark.parametrize("published, text, expected", [
    (None, "Le sommet s'ouvre mercredi ; lundi (30 octobre), hier et aujourd’hui, puis en juin.",
     ["mercredi", "30 octobre", "hier", "aujourd’hui", "en juin"]),
    (None, "Le sommet du 3 mars 2024 s'est tenu en 2023.", []),  # dates that say it all
    (None, "Mercredi, puis mercredi encore.", ["Mercredi", "mercredi"]),
    ("2023", "mercredi, le 30 octobre, en juin", ["mercredi"]),  # the year resolves the month and the day
    ("2023-11", "mercredi, le 30 octobre, demain", ["mercredi", "demain"]),
    ("2023-11-01", "mercredi, hier, lundi (30 octobre)", []),
])
def test_unresolved_dates_are_those_the_publication_date_cannot_resolve(published, text, expected):
    assert unresolved_dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hier, les dirigeants se sont retrouvés.", [("Hier", "2023-10-31")]),
    ("avant-hier et après-demain", [("avant-hier", "2023-10-30"), ("après-demain", "2023-11-03")]),
    ("Il arrive aujourd’hui et repart demain, le 3 novembre.", [("aujourd’hui", "2023-11-01"), ("demain", "2023-11-02"),
                                                                 ("3 novembre", "2023-11-03")]),
    ("AUJOURD'HUI", [("AUJOURD'HUI", "2023-11-01")]),
    ("la hiérarchie des demandes", []),  # words that only contain « hier » or « demain »
])
def test_yesterday_today_and_tomorrow_count_from_the_publication_day(text, expected):
    assert [(d.text, d.first) for d in find_dates(text, PUB)] == expected


@pytest.mark.parametrize("published", ["2023-11", "2023", None])
def test_yesterday_needs_the_publication_day(published):
    assert find_dates("hier et demain", published) == []
    assert unresolved_dates("hier et demain", published) == ["hier", "demain"]


@pytest.mark.model
def test_an_announcement_made_yesterday_is_dated_by_it(nlp):
    from _extracted import attr, run

    ents, _rels = run(nlp, "Le ministre français Jean Dupont a annoncé hier un plan d'aide de 10 millions d'euros pour le Niger.",
                      published="2024-06-14")
    dates = [attr(e, "date") for e in ents.values() if e.type == "Announcement"]
    assert dates == ["2024-06-13"]
