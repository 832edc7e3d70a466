"""``graphsvc export`` in every format and ``graphsvc snapshot`` against the test Neo4j."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from graphsvc.cli import app
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore, opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.domain import Network
from tests.cli.conftest import run, runner

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Callable[[str], Network]) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


def test_export_picks_the_format_from_the_extension(town: str, tmp_path: Path) -> None:
    code, out = run("export", "--tenant", town, str(tmp_path / "net.gexf"))
    assert code == 0, out
    expected = f"Exported tenant '{town}' to {tmp_path / 'net.gexf'}: 9 nodes, 9 ties besides locations."
    assert out.replace(" ", "") == expected.replace(" ", "")  # rich may wrap inside a path
    G = nx.read_gexf(tmp_path / "net.gexf")
    assert G.nodes["yp-1"]["kind"] == "YoungPerson"  # the command line acts for the operator
    assert run("export", "--tenant", town, str(tmp_path / "net.json"))[0] == 0
    assert json.loads((tmp_path / "net.json").read_text())["tenant"] == town
    assert run("export", "--tenant", town, str(tmp_path / "net.zip"))[0] == 0
    assert sorted(zipfile.ZipFile(tmp_path / "net.zip").namelist()) == ["noder.csv", "relationer.csv"]
    assert run("export", "--tenant", town, str(tmp_path / "net.xlsx"))[0] == 0
    assert load_workbook(tmp_path / "net.xlsx").sheetnames == ["Elements", "Connections"]


def test_csv_export_writes_two_files_and_a_viewers_export_leaves_people_out(
    town: str, tmp_path: Path
) -> None:
    code, out = run("export", "--tenant", town, "--for", "viewer", str(tmp_path / "netværk.csv"))
    assert code == 0, out
    nodes, ties = tmp_path / "netværk-noder.csv", tmp_path / "netværk-relationer.csv"
    assert f"to{nodes}and{ties}:7nodes" in out.replace(" ", "")  # rich may wrap inside a path
    rows = list(csv.DictReader(io.StringIO(nodes.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r["type"] for r in rows} == {
        "Area",
        "MunicipalUnit",
        "Association",
        "Organisation",
        "TargetGroup",
        "Initiative",
    }
    code, out = run(
        "export", "--tenant", town, "--format", "csv", "--lang", "en", str(tmp_path / "network.data")
    )
    assert code == 0 and (tmp_path / "network-nodes.csv").is_file(), out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["net.txt"], "the extension of 'net.txt' names no export format"),
        (["--format", "pdf", "net.gexf"], "format 'pdf' names no export format"),
        (["missing/net.gexf"], "there is no folder"),
    ],
)
def test_export_refuses_plainly(
    town: str, tmp_path: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run("export", "--tenant", town, *args)
    assert code == 1 and message in out and "Traceback" not in out, out


def test_snapshot_create_list_compare_chart_delete(town: str, tmp_path: Path, settings: Settings) -> None:
    code, out = run("snapshot", "create", "Kick-off 2026", "--tenant", town, "--date", "2026-01-15")
    assert code == 0, out
    assert out == (
        f"Took snapshot 'kick-off-2026' (Kick-off 2026, 2026-01-15) of tenant "
        f"'{town}': 3 partners, 1 ties between them, 2 components."
    )

    async def recruit() -> None:
        async with opened(settings) as store:
            await NodeRepository(store).delete(town, "fund")

    asyncio.run(recruit())
    assert run("snapshot", "create", "Midtvejs", "--tenant", town, "--date", "2026-06-01")[0] == 0

    code, out = run("snapshot", "list", "--tenant", town)
    assert code == 0 and "| kick-off-2026 | Kick-off 2026 | 2026-01-15 | 3 | 1 |" in out, out
    listed = json.loads(runner.invoke(app, ["snapshot", "list", "--tenant", town, "--format", "json"]).output)
    assert [s["id"] for s in listed] == ["kick-off-2026", "midtvejs"]
    assert listed[0]["taken_on"] == "2026-01-15" and listed[0]["measures"]["actors"] == 3

    code, out = run("snapshot", "compare", "kick-off-2026", "Midtvejs", "--tenant", town)
    assert code == 0, out
    assert out.startswith("# Kick-off 2026 (2026-01-15) → Midtvejs (2026-06-01)")
    assert "## Partners lost (1) - Helsefonden (organisation, philanthropy)" in out
    assert "| Components | 2 | 1 | -1 |" in out
    assert "- Helsefonden —FUNDS→ +DIG" in out
    result = runner.invoke(
        app, ["snapshot", "compare", "kick-off-2026", "--tenant", town, "--format", "json"]
    )
    data = json.loads(result.output)
    assert data["after"]["is_now"] is True
    assert [p["node"] for p in data["changes"]["partners_lost"]] == ["fund"]

    chart = tmp_path / "vaekst.png"
    code, out = run("snapshot", "chart", str(chart), "--tenant", town)
    assert code == 0 and chart.read_bytes().startswith(b"\x89PNG"), out
    code, out = run("snapshot", "chart", str(tmp_path / "growth.svg"), "--tenant", town, "--lang", "en")
    assert code == 0 and "How the network has grown" in (tmp_path / "growth.svg").read_text()

    code, out = run("snapshot", "delete", "Midtvejs", "--tenant", town)
    assert code == 0 and out == f"Deleted snapshot 'midtvejs' (Midtvejs) of tenant '{town}'."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "X", "--date", "15-01-2026"], "--date: a day as YYYY-MM-DD"),
        (["create", "now"], "'now' stands for the network as it is now"),
        (["compare", "nope"], "there is no snapshot 'nope'"),
        (["chart", "growth.pdf"], "the chart is written as .png or .svg"),
        (["chart", "growth.png"], "has no snapshots yet"),
    ],
)
def test_snapshot_refuses_plainly(
    town: str, tmp_path: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run("snapshot", *args, "--tenant", town)
    assert code == 1 and message in out and "Traceback" not in out, out
    assert not (tmp_path / "growth.png").exists()
