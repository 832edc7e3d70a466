"""``graphsvc import`` with spreadsheets: a dry run, the import, the report table, plain errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Area, Network
from tests.cli.conftest import run

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]

FILES = Path(__file__).parent.parent / "io" / "files"


def test_dry_run_then_import_then_nothing_changes(tenant: str, tmp_path: Path) -> None:
    actors = tmp_path / "aktører.csv"
    actors.write_bytes(
        "navn;sektor;arenaer\nHvalsø Klatreklub;civilsamfund;fritid\nLejre Bank;erhverv;arbejde\n".encode(
            "cp1252"
        )
    )
    code, out = run("import", str(actors), "--tenant", tenant, "--dry-run")
    assert code == 0, out
    assert "Windows-1252" in out and "would import 2 new, 0 changed, 0 unchanged" in out
    code, out = run("import", str(actors), "--tenant", tenant)
    assert code == 0 and "Imported aktører.csv: 2 new, 0 changed, 0 unchanged." in out, out
    code, out = run("import", str(actors), "--tenant", tenant)
    assert code == 0 and "0 new, 0 changed, 2 unchanged" in out, out


def test_errors_are_listed_by_row_and_nothing_is_written(tenant: str, tmp_path: Path) -> None:
    actors = tmp_path / "a.csv"
    actors.write_text("Forening;sektor\nHvalsø FDF;civilsamfun\n", encoding="utf-8")
    code, out = run("import", str(actors), "--tenant", tenant, "--map", "Forening=name")
    assert code == 1
    assert "'civilsamfun' is not a sector" in out and "did you mean 'civil_society'?" in out
    assert "Nothing written from a.csv: 1 errors" in out
    code, out = run("import", str(actors), "--tenant", tenant, "--map", "Forening=name", "--skip-invalid")
    assert code == 0 and "0 new" in out, out


def test_a_file_that_is_no_workbook_and_a_kind_that_is_none(tenant: str) -> None:
    code, out = run("import", str(FILES / "ikke_en_projektmappe.xlsx"), "--tenant", tenant)
    assert code == 1 and "is not an Excel workbook" in out
    code, out = run(
        "import", str(FILES / "aktoerer_libreoffice.xlsx"), "--tenant", tenant, "--kind", "aktører"
    )
    assert code == 0 and "areas the tenant does not have yet are created: 'Hvalsø'" in out, out
    code, out = run(
        "import", str(FILES / "aktoerer_libreoffice.xlsx"), "--tenant", tenant, "--kind", "nonsense"
    )
    assert code == 1 and "--kind 'nonsense'" in out


def test_a_partner_survey_from_the_command_line(tenant: str, settings: Settings) -> None:
    async def with_area() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(
                Network(
                    tenant=tenant, nodes=(Area(id="hvalsoe", tenant=tenant, name="Hvalsø", area_type="town"),)
                )
            )

    asyncio.run(with_area())
    code, out = run("import", str(FILES / "aktoerer_libreoffice.csv"), "--tenant", tenant)
    assert code == 0, out
    survey = str(FILES / "partnerundersoegelse_libreoffice.xlsx")
    code, out = run("import", survey, "--tenant", tenant, "--survey", "Partnerundersøgelse 2026", "--dry-run")
    assert code == 0 and "2 of 4 invited organisations answered" in out, out
    code, out = run("import", survey, "--tenant", tenant, "--survey", "Partnerundersøgelse 2026")
    assert code == 0 and "3 new" in out, out
    code, out = run("import", survey, "--tenant", tenant, "--survey", "Partnerundersøgelse 2026")
    assert code == 0 and "0 new, 0 changed" in out, out
