"""Spreadsheet and partner-survey imports into the real Neo4j, from files a spreadsheet program
saved in a Danish locale (tests/io/files, made by make_files.py) and from hand-made bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.domain import (
    Actor,
    Area,
    Arena,
    Frequency,
    Kind,
    Network,
    Sector,
    SurveyStatus,
    TieType,
)
from graphsvc.io.tabular import ImportKind, ImportReport
from graphsvc.services.imports import ImportOptions, import_file
from tests.conftest import scope_for

pytestmark = pytest.mark.neo4j

FILES = Path(__file__).parent / "files"


async def _with_area(store: GraphStore, tenant: str) -> None:
    await NetworkRepository(store).write(
        Network(tenant=tenant, nodes=(Area(id="hvalsoe", tenant=tenant, name="Hvalsø", area_type="town"),))
    )


async def _import(
    store: GraphStore, tenant: str, name: str, data: bytes | None = None, **options: object
) -> ImportReport:
    content = data if data is not None else (FILES / name).read_bytes()
    return await import_file(
        scope_for(store, tenant), content, file_name=name, options=ImportOptions(**options)
    )  # type: ignore[arg-type]


def _errors(report: ImportReport) -> list[str]:
    return [str(e) for e in report.errors]


async def _actors(store: GraphStore, tenant: str) -> dict[str, Actor]:
    network = await NetworkRepository(store).read(tenant)
    return {n.name: n for n in network.nodes if isinstance(n, Actor)}


async def test_danish_csv_from_libreoffice_dry_run_then_import_then_again(
    store: GraphStore, tenant: str
) -> None:
    await _with_area(store, tenant)
    version = await data_version(store, tenant)

    dry = await _import(store, tenant, "aktoerer_libreoffice.csv", dry_run=True)
    assert dry.valid, _errors(dry)
    assert (dry.encoding, dry.delimiter, dry.kind) == ("Windows-1252", ";", "actors")
    assert dry.counts["actors"].new == 5 and not dry.written
    assert any(e.row == 4 and "empty" in e.problem for e in dry.entries)
    assert any(e.column == "Noter" and e.severity == "warning" for e in dry.entries)
    assert await data_version(store, tenant) == version  # a dry run writes nothing

    report = await _import(store, tenant, "aktoerer_libreoffice.csv")
    assert report.written and report.counts["actors"].new == 5
    actors = await _actors(store, tenant)
    assert actors["Hvalsø Skole"].kind is Kind.MUNICIPAL_UNIT
    assert actors["Hvalsø Skole"].area == "hvalsoe"
    assert actors["Hvalsø Klatreklub"].sector is Sector.CIVIL_SOCIETY
    school = actors["Lejre Ungdomsskole"]
    assert school.id == "lejre-ungdomsskole" and school.kind is Kind.MUNICIPAL_UNIT  # from sector
    assert school.arenas == {Arena.LEISURE, Arena.SCHOOL}
    fund = actors["Ærø & Åbo Fond"]
    assert (fund.id, fund.kind, fund.sector) == ("aeroe-aabo-fond", Kind.ORGANISATION, Sector.PHILANTHROPY)

    version = await data_version(store, tenant)
    again = await _import(store, tenant, "aktoerer_libreoffice.csv")
    assert again.written and again.valid
    assert (again.counts["actors"].new, again.counts["actors"].changed, again.counts["actors"].unchanged) == (
        0,
        0,
        5,
    )
    assert await data_version(store, tenant) == version  # nothing was written


async def test_the_xlsx_saved_by_libreoffice_gives_what_the_csv_gives(store: GraphStore, tenant: str) -> None:
    other = tenant + "-csv"
    for name in (tenant, other):
        await _with_area(store, name)
    from_xlsx = await _import(store, tenant, "aktoerer_libreoffice.xlsx")
    from_csv = await _import(store, other, "aktoerer_libreoffice.csv")
    assert from_xlsx.written and from_csv.written, _errors(from_xlsx)
    assert from_xlsx.sheet == "Aktører" and from_xlsx.file_format == "xlsx"

    def plain(actors: dict[str, Actor]) -> dict[str, tuple[object, ...]]:
        return {name: (a.id, a.kind, a.sector, a.arenas, a.category, a.area) for name, a in actors.items()}

    assert plain(await _actors(store, tenant)) == plain(await _actors(store, other))


async def test_an_updated_file_changes_exactly_what_changed(store: GraphStore, tenant: str) -> None:
    await _with_area(store, tenant)
    assert (await _import(store, tenant, "aktoerer_libreoffice.csv")).written
    before = await _actors(store, tenant)
    text = (FILES / "aktoerer_libreoffice.csv").read_bytes().decode("cp1252")
    changed = text.replace('"Dagligvarebutik"', '"Supermarked"')
    report = await _import(store, tenant, "aktoerer.csv", changed.encode("cp1252"))
    counts = report.counts["actors"]
    assert (counts.new, counts.changed, counts.unchanged) == (0, 1, 4)
    assert any("category 'Dagligvarebutik' → 'Supermarked'" in e.problem for e in report.entries)
    after = await _actors(store, tenant)
    assert after["Brugsen i Hvalsø"].category == "Supermarked"
    assert after["Brugsen i Hvalsø"].updated_at != before["Brugsen i Hvalsø"].updated_at
    assert after["Hvalsø Skole"].updated_at == before["Hvalsø Skole"].updated_at


@pytest.mark.parametrize(
    "survey_file", ["partnerundersoegelse_libreoffice.xlsx", "partnerundersoegelse_libreoffice.csv"]
)
async def test_partner_survey_becomes_collaborations_with_reciprocity_and_status(
    store: GraphStore, tenant: str, survey_file: str
) -> None:
    await _with_area(store, tenant)
    assert (await _import(store, tenant, "aktoerer_libreoffice.csv")).written
    report = await _import(store, tenant, survey_file, survey="Partnerundersøgelse 2026")
    assert report.written and report.kind == "survey", _errors(report)
    assert report.counts["ties"].new == 3
    assert report.respondents_answered == ["hvalsoe-klatreklub", "hvalsoe-skole"]
    assert report.respondents_not_answered == ["brugsen-i-hvalsoe", "lejre-ungdomsskole"]
    assert any("2 of 4 invited organisations answered" in e.problem for e in report.entries)

    network = await NetworkRepository(store).read(tenant)
    ties = {(t.source, t.target): t for t in network.ties if t.type is TieType.COLLABORATES_WITH}
    there = ties["hvalsoe-skole", "hvalsoe-klatreklub"]
    back = ties["hvalsoe-klatreklub", "hvalsoe-skole"]
    assert (there.frequency, there.trust, there.value, there.reciprocated) == (Frequency.MONTHLY, 3, 4, True)
    assert (back.frequency, back.trust, back.value, back.reciprocated) == (Frequency.QUARTERLY, 2, 3, True)
    assert there.survey == back.survey == "Partnerundersøgelse 2026"
    # The youth school did not answer: whether it would name the school back is unknown.
    assert ties["hvalsoe-skole", "lejre-ungdomsskole"].reciprocated is None
    status = {n.id: n.survey_status for n in network.nodes if isinstance(n, Actor)}
    assert status["hvalsoe-skole"] is SurveyStatus.ANSWERED
    assert status["brugsen-i-hvalsoe"] is SurveyStatus.NOT_ANSWERED
    assert status["aeroe-aabo-fond"] is None  # not invited

    again = await _import(store, tenant, survey_file, survey="Partnerundersøgelse 2026")
    assert again.total().new == again.total().changed == 0


async def test_bad_files_are_refused_with_a_plain_reason(store: GraphStore, tenant: str) -> None:
    cases = {
        "ikke_en_projektmappe.xlsx": "is not an Excel workbook",
        "gammel_excel_libreoffice.xls": "Excel 97-2003 workbook (.xls)",
        "dos_kodeside_865.csv": "another code page",
    }
    for name, expected in cases.items():
        report = await _import(store, tenant, name)
        assert not report.written
        assert any(expected in e for e in _errors(report)), (name, _errors(report))
    assert await data_version(store, tenant) is None


async def test_a_50_mb_file_is_refused_before_reading(store: GraphStore, tenant: str, tmp_path: Path) -> None:
    big = tmp_path / "stor.csv"
    with big.open("wb") as out:
        out.write(b"navn;sektor\n")
        row = b"Forening med et langt navn;civilsamfund\n"
        out.write(row * (50 * 1024 * 1024 // len(row) + 1))
    report = await _import(store, tenant, "stor.csv", big.read_bytes())
    assert not report.written and report.rows == 0
    assert _errors(report) == [
        "the file is 52.4 MB; an import takes at most 25.0 MB "
        "(GRAPHSVC_IMPORT_MAX_BYTES) (split it into several files, e.g. "
        "by area or by kind)"
    ]


BAD_ACTORS = """id,navn,sektor,område
a1,Hvalsø FDF,civilsamfun,Hvalsø
a1,Hvalsø Spejdere,civilsamfund,Hvalsø
,Lejre Bibliotek,offentlig,Hvalsoe By
,Lejre Bibliotek,offentlig,
a4,Kirke Hyllinge IF,civilsamfund,
"""


async def test_row_problems_name_row_column_and_a_suggestion(store: GraphStore, tenant: str) -> None:
    await _with_area(store, tenant)
    report = await _import(store, tenant, "a.csv", BAD_ACTORS.encode())
    assert not report.written
    found = {(e.row, e.column): e for e in report.errors}
    assert found[2, "sektor"].suggestion == "did you mean 'civil_society'?"
    assert "also on row 2" in found[3, "id"].problem
    assert "no area called 'Hvalsoe By'" in found[4, "område"].problem
    assert found[4, "område"].suggestion == "did you mean 'Hvalsø'?"
    assert "also on row 4" in found[5, "navn"].problem
    assert await _actors(store, tenant) == {}

    skipped = await _import(store, tenant, "a.csv", BAD_ACTORS.encode(), skip_invalid_rows=True)
    assert skipped.written and skipped.skipped_rows == [2, 3, 4, 5]
    assert set(await _actors(store, tenant)) == {"Kirke Hyllinge IF"}


async def test_a_mapping_names_other_headings(store: GraphStore, tenant: str) -> None:
    data = "Forening;Sektor;Noter\nHvalsø Klatreklub;civilsamfund;ring til Søren\n".encode()
    refused = await _import(store, tenant, "f.csv", data, kind=ImportKind.ACTORS)
    assert "the file has no 'name' column" in _errors(refused)[0]
    report = await _import(
        store, tenant, "f.csv", data, kind=ImportKind.ACTORS, mapping={"Forening": "name", "Noter": ""}
    )
    assert report.written and report.columns == {"Forening": "name", "Sektor": "sector"}
    assert not [e for e in report.entries if e.severity == "warning"]


async def test_contacts_young_people_and_ties_by_name(store: GraphStore, tenant: str, small_town) -> None:  # type: ignore[no-untyped-def]
    await NetworkRepository(store).write(small_town(tenant))
    contacts = (
        "navn;rolle;e-mail;organisation;tilknytning\n"
        "Søren Holm;Træner;soren@example.dk;Hvalsø Klatreklub;frivillig\n"
    )
    report = await _import(store, tenant, "kontakter.csv", contacts.encode())
    assert report.written and report.kind == "contacts", _errors(report)
    young = (
        "pseudonym;alder;udfordringer;område;skole;foreninger\n"
        "Grøn Ugle;13;ensomhed;Hvalsø;Hvalsø Skole;Hvalsø Klatreklub\n"
        "Rød Ræv;16;;;Hvalsø Skole;\n"
    )
    report = await _import(store, tenant, "unge.csv", young.encode())
    assert report.written and report.counts["ties"].new == 3, _errors(report)
    ties = (
        "fra;type;til;styrke;hyppighed\n"
        "Helsefonden;finansierer;Hvalsø Klatreklub;;\n"
        "Hvalsø Skole;samarbejder med;Hvalsø Klatreklub;4;ugentligt\n"
    )
    report = await _import(store, tenant, "relationer.csv", ties.encode())
    assert report.written, _errors(report)
    assert (report.counts["ties"].new, report.counts["ties"].changed) == (1, 1)
    network = await NetworkRepository(store).read(tenant)
    by_key = {(t.source, t.type, t.target): t for t in network.ties}
    assert ("person-soeren-holm", TieType.VOLUNTEERS_AT, "club") in by_key
    assert ("yp-groen-ugle", TieType.MEMBER_OF, "club") in by_key
    collaboration = by_key["school", TieType.COLLABORATES_WITH, "club"]
    assert (collaboration.strength, collaboration.frequency, collaboration.since) == (
        4,
        Frequency.WEEKLY,
        2025,
    )  # since was not in the file: kept
    ugle = next(n for n in network.nodes if n.id == "yp-groen-ugle")
    assert ugle.age_band == "12-14" and ugle.area == "hvalsoe"  # type: ignore[union-attr]


async def test_ties_to_unknown_names_and_cpr_numbers_are_errors(
    store: GraphStore, tenant: str, small_town
) -> None:  # type: ignore[no-untyped-def]
    await NetworkRepository(store).write(small_town(tenant))
    version = await data_version(store, tenant)
    ties = "fra;type;til\nHvalsø Skolen;samarbejder med;Hvalsø Klatreklub\n"
    report = await _import(store, tenant, "r.csv", ties.encode())
    (error,) = report.errors
    assert (error.row, error.column) == (2, "fra")
    assert error.suggestion and error.suggestion.startswith("did you mean 'Hvalsø Skole'")
    young = "pseudonym;fødselsår\n010203-1234;2010\n"
    report = await _import(store, tenant, "u.csv", young.encode())
    assert any("CPR" in e for e in _errors(report))
    assert await data_version(store, tenant) == version


async def test_english_utf8_file_with_byte_order_mark(store: GraphStore, tenant: str) -> None:
    await _with_area(store, tenant)
    report = await _import(store, tenant, "actors_en_utf8_bom.csv")
    assert report.written and report.encoding == "UTF-8 (with byte order mark)", _errors(report)
    actors = await _actors(store, tenant)
    assert actors["Hvalsø Climbing Club"].arenas == {Arena.LEISURE, Arena.SCHOOL}
