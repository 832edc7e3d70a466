"""One word per concept: the pages, maps, recruitment list and Kumu export name every measure,
broker role and sector as the glossary does, every term shown has an entry in both languages,
and words the glossary retired (the broker role "koordinator", the sector "erhverv", English
measure names such as "betweenness") stay off the Danish texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphsvc.analytics import recruitment_list, statements
from graphsvc.analytics.wording import ARENA_LABELS, KIND_LABELS, SECTOR_LABELS
from graphsvc.domain import Sector
from graphsvc.glossary import ENTRIES, SECTIONS, entry
from graphsvc.io.kumu_words import SECTOR_WORDS
from graphsvc.maps.words import WORDS

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"

# Where a page names a measure or role: dictionary key -> glossary entry.
I18N_TERMS = {
    "maps.metric.degree": "degree",
    "maps.metric.betweenness": "betweenness",
    "maps.metric.broker": "broker_share",
    "brokerage_role.coordinator": "role_coordinator",
    "brokerage_role.itinerant": "role_itinerant",
    "brokerage_role.representative": "role_representative",
    "brokerage_role.gatekeeper": "role_gatekeeper",
    "brokerage_role.liaison": "role_liaison",
    "snapshots.measure.density": "density",
    "snapshots.measure.components": "components",
    "snapshots.measure.cross_sector_tie_share": "cross_sector_ties",
    "snapshots.measure.ei_index": "ei_index",
    "snapshots.measure.degree_centralisation": "centralisation",
    "snapshots.reach_heading": "reach",
    "survey.reciprocity": "reciprocity",
    "sector.business": "business",
}
# Plain counts need no entry.
COUNTS = {"snapshots.measure.actors", "snapshots.measure.actor_ties", "snapshots.measure.isolated_actors"}
# The groups of dictionary keys that name measures or roles: each key needs an entry above.
MEASURE_GROUPS = ("maps.metric.", "brokerage_role.", "snapshots.measure.")
# Where a map names a measure: map word -> glossary entry.
MAP_TERMS = {
    "degree": "degree",
    "betweenness": "betweenness",
    "size_degree": "degree",
    "size_betweenness": "betweenness",
}
# "koordinator" is the user role and stays so; it is retired as the name of a broker role only.
USER_ROLE_WORDS = {"koordinator"}
BROKER_KEYS = ("brokerage_role.", "broker.", "brokers.", "map:")


def _dictionary(language: str) -> dict[str, str]:
    text = (WEB / "static" / "i18n" / f"{language}.js").read_text(encoding="utf-8")
    pairs = re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', text, flags=re.MULTILINE)
    return dict(pairs)


def _danish_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every Danish word the pages, maps, analytics and exports write."""
    yield from _dictionary("da").items()
    yield from ((f"map:{k}", v) for k, v in WORDS["da"].items())
    for name, table in (("sector", SECTOR_LABELS), ("arena", ARENA_LABELS), ("kind", KIND_LABELS)):
        yield from ((f"analytics.{name}:{k}", v) for k, v in table["da"].items())
    yield from ((f"statements:{k}", v) for k, v in statements._DA_SECTOR.items())
    yield from ((f"recruitment:{k}", v) for k, v in recruitment_list._DANISH_REASONS.items())
    yield from ((f"recruitment.column:{k}", da) for k, _, da in recruitment_list.COLUMNS)
    yield from ((f"kumu.sector:{k}", v) for k, v in SECTOR_WORDS.items())


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word.casefold())}(?![\w-])", text.casefold()) is not None


def test_every_entry_has_a_term_and_a_meaning_in_both_languages() -> None:
    keys = [e.key for e in ENTRIES]
    assert len(keys) == len(set(keys))
    sections = {s.key for s in SECTIONS}
    for e in ENTRIES:
        assert e.section in sections, e.key
        assert re.fullmatch(r"[a-z_]+", e.key), e.key
        for language in ("da", "en"):
            assert e.term(language).strip() and e.text(language).strip(), (e.key, language)
            assert e.text(language).endswith("."), (e.key, language)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_pages_name_each_measure_and_role_as_the_glossary_does(language: str) -> None:
    words = _dictionary(language)
    for key, glossary_key in I18N_TERMS.items():
        assert entry(glossary_key).term(language).casefold() in words[key].casefold(), (key, words[key])
    shown = {k for k in words if k.startswith(MEASURE_GROUPS)} - COUNTS
    assert shown - set(I18N_TERMS) == set(), "a measure or role on the pages has no glossary entry"


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_maps_name_each_measure_as_the_glossary_does(language: str) -> None:
    for key, glossary_key in MAP_TERMS.items():
        assert entry(glossary_key).term(language).casefold() in WORDS[language][key].casefold(), key


def test_every_question_mark_leads_to_an_entry() -> None:
    used: set[str] = set()
    for page in WEB.glob("*.html"):
        used |= set(re.findall(r'data-term="([^"]+)"', page.read_text(encoding="utf-8")))
    for script in (WEB / "static" / "js").rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        used |= set(re.findall(r'termHelp\("([a-z_]+)"\)', text))
        for table in re.findall(r"GLOSSARY_KEYS = \{(.*?)\};", text, flags=re.DOTALL):
            used |= set(re.findall(r':\s*"([a-z_]+)"', table))
    assert {"broker_share", "brokerage_role", "missing_sector", "density"} <= used
    assert used - {e.key for e in ENTRIES} == set()


def test_a_sector_has_one_word_on_pages_maps_lists_and_kumu_files() -> None:
    danish, english = _dictionary("da"), _dictionary("en")
    for sector in Sector:
        assert danish[f"sector.{sector.value}"] == SECTOR_LABELS["da"][sector.value]
        assert english[f"sector.{sector.value}"] == SECTOR_LABELS["en"][sector.value]
        word = SECTOR_LABELS["da"][sector.value]
        assert SECTOR_WORDS[sector] == word[:1].upper() + word[1:]
    assert SECTOR_LABELS["da"]["business"] == entry("business").term("da").casefold()


def test_retired_words_are_gone_from_the_danish_texts() -> None:
    retired = [(word, e.key) for e in ENTRIES for word in e.retired_da]
    assert retired, "no retired words: the glossary has lost them"
    found = []
    for where, text in _danish_texts():
        for word, key in retired:
            if word in USER_ROLE_WORDS and not where.startswith(BROKER_KEYS):
                continue
            if _has_word(text, word):
                found.append(f"{where}: {word!r} (see the glossary entry {key!r}): {text}")
    assert found == []


def test_no_english_measure_name_in_the_danish_texts() -> None:
    english = {
        e.term_en
        for e in ENTRIES
        if e.section in ("actors", "roles", "network") and e.term_en.casefold() != e.term_da.casefold()
    }
    found = [
        f"{where}: {name!r} in {text!r}"
        for where, text in _danish_texts()
        for name in english
        if _has_word(text, name)
    ]
    assert found == []
