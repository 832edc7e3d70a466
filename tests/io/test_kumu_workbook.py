"""The Kumu workbook read back by openpyxl: the sheets and headings Kumu imports, Danish words
that graphsvc's spreadsheet import reads, and cells that never become formulas."""

from __future__ import annotations

import io
from collections.abc import Callable
from enum import Enum
from typing import Any

import pytest
from openpyxl import load_workbook

from graphsvc.domain import (
    ACTOR_KINDS,
    Actor,
    Arena,
    Challenge,
    Frequency,
    Kind,
    Network,
    ParticipationRole,
    Person,
    Sector,
    SurveyStatus,
    Tie,
    TieType,
)
from graphsvc.errors import InvalidInput
from graphsvc.io import kumu_workbook
from graphsvc.io.audience import for_audience
from graphsvc.io.kumu_words import (
    ARENA_WORDS,
    CHALLENGE_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    ROLE_WORDS,
    SECTOR_WORDS,
    SURVEY_STATUS_WORDS,
    TIE_WORDS,
)
from graphsvc.io.kumu_workbook import network_to_kumu_bytes
from graphsvc.io.network_csv import network_csv_files
from graphsvc.io.tabular.values import read_enum

T = "kumu"
PHONE = "+45 04 25 67 20"


@pytest.fixture
def town(small_town: Callable[[str], Network]) -> Network:
    """The small town, plus a shop whose texts a spreadsheet would run, a surveyed tie, and
    a phone number for the contact person."""
    network = small_town(T)
    shop = Actor(
        kind=Kind.BUSINESS,
        id="shop",
        tenant=T,
        name="Hvalsø Klatreklub",  # the same name as the club: the IDs keep them apart
        sector=Sector.BUSINESS,
        arenas={Arena.WORK, Arena.COMMUNITY},
        category='=HYPERLINK("http://x","y")',
        description="#N/A",
        area="hvalsoe",
        survey_status=SurveyStatus.ANSWERED,
    )
    nodes = tuple(
        n.model_copy(update={"phone": PHONE}) if isinstance(n, Person) else n for n in network.nodes
    )
    survey = Tie(
        type=TieType.COLLABORATES_WITH,
        source="shop",
        target="club",
        trust=3,
        value=4,
        reciprocated=True,
        survey="Partnerundersøgelse 2026",
    )
    return network.model_copy(update={"nodes": (*nodes, shop), "ties": (*network.ties, survey)})


def _sheets(network: Network) -> dict[str, list[dict[str, Any]]]:
    book = load_workbook(io.BytesIO(network_to_kumu_bytes(network)))
    assert book.sheetnames == ["Elements", "Connections"]  # the names Kumu reads
    tables = {}
    for sheet in book:
        headings, *rows = sheet.iter_rows(values_only=True)
        tables[sheet.title] = [dict(zip(headings, row, strict=True)) for row in rows]
    return tables


def _headings(network: Network, sheet: str) -> list[str]:
    book = load_workbook(io.BytesIO(network_to_kumu_bytes(network)))
    return [cell.value for cell in book[sheet][1]]


def test_elements_in_kumus_layout_with_graphsvcs_fields(town: Network) -> None:
    assert _headings(town, "Elements") == [
        "Label",
        "Type",
        "ID",
        "Description",
        "Tags",
        "Sector",
        "Arenas",
        "Category",
        "Area",
        "Survey status",
        "Area type",
        "Criteria age bands",
        "Criteria areas",
        "Criteria challenges",
        "Age band",
        "Birth year",
        "Challenges",
        "Role",
        "Email",
        "Phone",
    ]
    elements = {row["ID"]: row for row in _sheets(town)["Elements"]}
    assert set(elements) == {n.id for n in town.nodes}
    club, shop = elements["club"], elements["shop"]
    assert (club["Label"], club["Type"], club["Sector"], club["Arenas"], club["Area"]) == (
        "Hvalsø Klatreklub",
        "Forening",
        "Civilsamfundet",
        "Fritid",
        "Hvalsø",  # the area's name, not its id
    )
    assert shop["Label"] == club["Label"] and shop["Type"] == "Virksomhed"
    assert shop["Arenas"] == shop["Tags"] == "Arbejde|Lokalsamfund"
    assert shop["Survey status"] == "Besvaret" and club["Survey status"] is None
    assert elements["school"]["Type"] == "Kommunal enhed"
    assert elements["fund"]["Sector"] == "Fonde"
    assert [elements[i]["Type"] for i in ("hvalsoe", "tg", "plusdig", "yp-1", "p-1")] == [
        "Område",
        "Målgruppe",
        "Indsats",
        "Ung",
        "Kontaktperson",
    ]
    assert elements["hvalsoe"]["Area type"] == "town"
    tg = elements["tg"]
    assert (tg["Criteria age bands"], tg["Criteria areas"], tg["Criteria challenges"]) == (
        "12-14|15-17",
        "Hvalsø",
        "Ensomhed",
    )
    young = elements["yp-1"]
    assert (young["Age band"], young["Challenges"], young["Area"]) == ("12-14", "Ensomhed", "Hvalsø")
    assert (elements["p-1"]["Role"], elements["p-1"]["Phone"]) == ("Formand", PHONE)


def test_connections_name_their_ends_by_id(town: Network) -> None:
    assert _headings(town, "Connections") == [
        "From",
        "To",
        "Type",
        "Direction",
        "Strength",
        "Since",
        "Frequency",
        "Role",
        "Trust",
        "Value",
        "Reciprocated",
        "Survey",
    ]
    connections = _sheets(town)["Connections"]
    assert len(connections) == len(town.ties)
    assert {row["Direction"] for row in connections} == {"directed"}
    by_ends = {(c["From"], c["Type"], c["To"]): c for c in connections}
    collaborates = by_ends["school", "Samarbejder med", "club"]
    assert (collaborates["Strength"], collaborates["Since"], collaborates["Frequency"]) == (
        3,
        2025,
        "Månedligt",
    )
    assert ("school", "Henviser til", "club") in by_ends
    assert by_ends["club", "Deltager i", "plusdig"]["Role"] == "Samarbejdspartner"
    survey = by_ends["shop", "Samarbejder med", "club"]
    assert (survey["Trust"], survey["Value"], survey["Reciprocated"], survey["Survey"]) == (
        3,
        4,
        "Ja",
        "Partnerundersøgelse 2026",
    )


def test_a_location_is_the_area_column_not_a_connection(town: Network) -> None:
    located = Tie(type=TieType.LOCATED_IN, source="fund", target="hvalsoe")
    network = town.model_copy(update={"ties": (*town.ties, located)})
    connections = _sheets(network)["Connections"]
    assert len(connections) == len(town.ties)
    assert not {"Ligger i", "LOCATED_IN"} & {c["Type"] for c in connections}


def test_texts_never_become_formulas_and_stay_as_typed(town: Network) -> None:
    sheet = load_workbook(io.BytesIO(network_to_kumu_bytes(town)))["Elements"]
    headings = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headings.index("ID")].value == "shop")
    category = row[headings.index("Category")]
    assert category.value == '=HYPERLINK("http://x","y")' and category.data_type == "s"
    assert category.quotePrefix  # stays text when edited in Excel
    description = row[headings.index("Description")]
    assert (description.value, description.data_type) == ("#N/A", "s")  # not an error value
    label = row[headings.index("Label")]
    assert not label.quotePrefix
    initiative = next(r for r in sheet.iter_rows(min_row=2) if r[headings.index("ID")].value == "plusdig")
    assert initiative[0].value == "+DIG" and initiative[0].quotePrefix


def test_a_phone_number_has_no_apostrophe_in_either_spreadsheet(town: Network) -> None:
    sheet = load_workbook(io.BytesIO(network_to_kumu_bytes(town)))["Elements"]
    phones = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value == PHONE]
    assert len(phones) == 1 and not phones[0].quotePrefix
    nodes = network_csv_files(town)["noder.csv"].decode("utf-8-sig")
    assert f";{PHONE};" in nodes and f"'{PHONE}" not in nodes
    assert "'+DIG" in nodes and "'=HYPERLINK" in nodes  # what would run is still guarded


def test_a_viewers_workbook_has_no_young_person_or_contact_and_no_column_for_them(
    town: Network,
) -> None:
    viewer = for_audience(town, include_young_people=False, include_contact_persons=False)
    headings = _headings(viewer, "Elements")
    assert not {"Age band", "Birth year", "Challenges", "Role", "Email", "Phone"} & set(headings)
    tables = _sheets(viewer)
    assert {row["Type"] for row in tables["Elements"]}.isdisjoint({"Ung", "Kontaktperson"})
    assert {row["Criteria challenges"] for row in tables["Elements"]} == {None}
    ends = {c["From"] for c in tables["Connections"]} | {c["To"] for c in tables["Connections"]}
    assert ends.isdisjoint({"yp-1", "p-1"})
    coordinator = for_audience(town, include_young_people=True, include_contact_persons=True)
    assert {"Age band", "Phone"} <= set(_headings(coordinator, "Elements"))


def test_no_survey_columns_without_survey_answers(small_town: Callable[[str], Network]) -> None:
    assert _headings(small_town(T), "Connections")[-1] == "Role"


def _words() -> list[tuple[type[Enum], Enum, str]]:
    tables: list[tuple[type[Enum], dict[Any, str]]] = [
        (Kind, {k: w for k, w in KIND_WORDS.items() if k in ACTOR_KINDS}),
        (Sector, SECTOR_WORDS),
        (Arena, ARENA_WORDS),
        (TieType, TIE_WORDS),
        (Frequency, FREQUENCY_WORDS),
        (ParticipationRole, ROLE_WORDS),
        (Challenge, CHALLENGE_WORDS),
        (SurveyStatus, SURVEY_STATUS_WORDS),
    ]
    return [(enum, member, word) for enum, words in tables for member, word in words.items()]


@pytest.mark.parametrize(("enum", "member", "word"), _words(), ids=lambda v: str(getattr(v, "value", v)))
def test_each_danish_word_reads_back_as_its_value(enum: type[Enum], member: Enum, word: str) -> None:
    assert word[0].isupper()  # as a Danish user writes it
    assert read_enum(word, enum, "a value") is member


@pytest.mark.parametrize("word", ["Offentlig", "Civilsamfund", "Erhverv", "Fond", "Viden"])
def test_the_older_sector_words_of_a_workbook_are_still_read(word: str) -> None:
    assert isinstance(read_enum(word, Sector, "a value"), Sector)


def test_every_kind_and_every_tie_type_but_location_has_a_word() -> None:
    assert set(KIND_WORDS) == set(Kind)
    assert set(TIE_WORDS) == set(TieType) - {TieType.LOCATED_IN}


def test_a_character_no_workbook_can_hold_is_named(town: Network) -> None:
    # An area type is free text from a GraphML file: the one field not cleaned on the way in.
    odd = next(n for n in town.nodes if n.id == "hvalsoe").model_copy(update={"area_type": "by\x07"})
    network = town.model_copy(update={"nodes": (*(n for n in town.nodes if n.id != "hvalsoe"), odd)})
    with pytest.raises(InvalidInput, match=r"node hvalsoe: Area type: holds the character U\+0007"):
        network_to_kumu_bytes(network)


def test_a_network_too_big_for_a_sheet_is_refused_before_writing(
    town: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kumu_workbook, "_MAX_ROWS", len(town.ties))
    with pytest.raises(InvalidInput, match=r"at most .* rows below its headings.*Connections: 10 rows"):
        network_to_kumu_bytes(town)
