"""``graphsvc analyze`` against the test Neo4j: every job in every format, on the small demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from graphsvc.cli import app
from graphsvc.demo import PLANTED_GAPS
from tests.cli.conftest import runner

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]

GROUP = PLANTED_GAPS.target_group_missing_sector[0]


def analyze(*args: str) -> str:
    result = runner.invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_metrics(small_demo: str) -> None:
    base = ("metrics", "--tenant", small_demo, "--kind", "MunicipalUnit", "--top", "5")
    data = json.loads(analyze(*base, "--format", "json"))
    assert data["betweenness_exact"] is True and len(data["nodes"]) == 5
    assert set(data["nodes"][0]) == {"node", "name", "kind", "sector", "metrics"}
    assert set(data["nodes"][0]["metrics"]) == {
        "degree",
        "betweenness",
        "closeness",
        "eigenvector",
        "constraint",
        "effective_size",
    }
    report = analyze(*base)
    assert report.startswith("# Node metrics") and data["nodes"][0]["name"] in report
    rows = table(analyze(*base, "--format", "csv"))
    assert [r["node"] for r in rows] == [n["node"] for n in data["nodes"]]


def test_brokers(small_demo: str) -> None:
    base = ("brokers", "--tenant", small_demo, "--area", PLANTED_GAPS.lone_broker_area)
    data = json.loads(analyze(*base, "--format", "json"))
    first = data["brokers"][0]
    assert (data["source_arena"], data["target_arena"]) == ("school", "leisure")
    assert first["node"] == PLANTED_GAPS.lone_broker and first["rank"] == 1
    assert set(first["roles"]) == {"coordinator", "itinerant", "representative", "gatekeeper", "liaison"}
    report = analyze(*base)
    assert report.startswith("# Brokers from school to leisure")
    assert f"1. **{first['name']}**" in report and first["sentence"] in report
    rows = table(analyze(*base, "--format", "csv"))
    assert rows[0]["node"] == PLANTED_GAPS.lone_broker and float(rows[0]["share"]) > 0.5
    reverse = json.loads(
        analyze("brokers", "--tenant", small_demo, "--from", "leisure", "--to", "school", "--format", "json")
    )
    assert (reverse["source_arena"], reverse["target_arena"]) == ("leisure", "school")


def test_gaps(small_demo: str) -> None:
    base = ("gaps", "--tenant", small_demo, "--target-group", GROUP)
    data = json.loads(analyze(*base, "--format", "json"))
    assert "business" in data["sectors"]["missing"]
    assert data["findings"][0] == {
        "code": "missing_sector",
        "severity": "high",
        "sentence": data["findings"][0]["sentence"],
        "subjects": ["business"],
        "values": data["findings"][0]["values"],
    }
    report = analyze(*base)
    assert report.startswith("# Gap report: ") and "## Findings" in report
    assert f"**HIGH** {data['findings'][0]['sentence']}" in report
    rows = table(analyze(*base, "--format", "csv"))
    assert rows[0] == {
        "severity": "high",
        "code": "missing_sector",
        "sentence": data["findings"][0]["sentence"],
        "subjects": "business",
    }
    only = json.loads(analyze(*base, "--expected-sector", "public", "--format", "json"))
    assert only["sectors"]["expected"] == ["public"] and only["sectors"]["missing"] == []


def test_recommendations(small_demo: str, tmp_path: Path) -> None:
    base = ("recommendations", "--tenant", small_demo, "--target-group", GROUP, "--top", "5")
    data = json.loads(analyze(*base, "--format", "json"))
    first = data["recommendations"][0]
    assert first["rank"] == 1 and first["sector"] == "business"
    assert {"reasons", "contacts", "introduction_path", "score", "sentence"} <= set(first)
    report = analyze(*base)
    assert report.startswith(f"# Partners to recruit for {GROUP}")
    assert f"1. **{first['name']}**" in report and "Introduction: " in report

    danish = analyze(*base, "--format", "csv")
    rows = list(csv.reader(io.StringIO(danish), delimiter=";"))
    assert rows[0][:2] == ["Nr.", "Aktør"] and rows[1][1] == first["name"] and len(rows) == 6

    workbook = tmp_path / "rekruttering.xlsx"
    result = runner.invoke(
        app, ["analyze", *base, "--format", "xlsx", "--lang", "en", "--output", str(workbook)]
    )
    assert result.exit_code == 0 and "Wrote" in result.output
    rows_x = list(load_workbook(workbook).active.iter_rows(values_only=True))
    assert rows_x[0][:2] == ("Rank", "Actor") and rows_x[1][1] == first["name"]


def test_communities(small_demo: str, tmp_path: Path) -> None:
    base = ("communities", "--tenant", small_demo, "--seed", "7", "--actors-only")
    data = json.loads(analyze(*base, "--format", "json"))
    assert data["seed"] == 7 and data["include_young_people"] is False
    assert data["modularity"] > 0.3
    report = analyze(*base)
    assert report.startswith("# Communities") and f"{data['modularity']:.3f}" in report
    out = tmp_path / "communities.csv"
    assert runner.invoke(app, ["analyze", *base, "--format", "csv", "-o", str(out)]).exit_code == 0
    rows = table(out.read_text(encoding="utf-8"))
    assert len(rows) == len(data["communities"])
    assert rows[0]["label"] == data["communities"][0]["label"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gaps", "--target-group", "tg-nobody"), "error: there is no target group with id 'tg-nobody'"),
        (("gaps", "--target-group", GROUP, "--hops", "7"), "error: hops: 1 to 4, not 7"),
        (
            ("recommendations", "--target-group", GROUP, "--format", "xlsx"),
            "error: --format xlsx writes a workbook: name the file with --output",
        ),
        (("brokers", "--area", "area-atlantis"), "error: there is no area with id 'area-atlantis'"),
    ],
)
def test_plain_errors(small_demo: str, args: tuple[str, ...], message: str) -> None:
    result = runner.invoke(app, ["analyze", *args, "--tenant", small_demo])
    output = " ".join(result.output.split())
    assert result.exit_code == 1 and message in output and "Traceback" not in output


# The JSON field names the README documents as stable: (path to a record, its fields).
DOCUMENTED = {
    "metrics": [
        (
            "",
            "nodes betweenness_exact betweenness_sources betweenness_error sentence "
            "include_young_people engine",
        ),
        ("nodes.0", "node name kind sector metrics"),
        ("nodes.0.metrics", "degree betweenness closeness eigenvector constraint effective_size"),
    ],
    "brokers": [
        (
            "",
            "source_arena target_arena area include_young_people group_by sources targets "
            "pairs connected_pairs engine brokers sentence",
        ),
        (
            "brokers.0",
            "rank node name kind sector arenas area share sources_linked "
            "targets_linked constraint effective_size roles main_role main_role_group "
            "sentence",
        ),
        ("brokers.0.roles", "coordinator itinerant representative gatekeeper liaison"),
    ],
    "gaps": [
        (
            "",
            "target_group name members reach initiatives support sectors area_gaps "
            "schools_without_leisure single_points_of_failure members_with_leisure_access "
            "silos ei_support ei_tenant findings focus_arena hops seed",
        ),
        ("members", "target_group members matched explicit"),
        ("reach", "focus_arena overall by_area by_age_band members_without_focus members_one_arena"),
        ("reach.overall", "group label members without_focus one_arena no_ties"),
        ("support", "hops actors ids"),
        ("support.actors.0", "node name kind sector arenas area hops initiatives"),
        ("sectors", "expected under_ratio sectors missing under_represented"),
        (
            "sectors.sectors.0",
            "sector support_actors support_share registry_actors registry_share ratio status",
        ),
        ("schools_without_leisure.0", "school name hops members_attending young_people_attending"),
        ("single_points_of_failure.0", "node name kind sector members_cut_off members_with_access"),
        ("ei_support", "external internal index"),
        ("findings.0", "code severity sentence subjects values"),
    ],
    "recommendations": [
        ("", "target_group weights candidates recommendations"),
        (
            "weights",
            "missing_sector under_represented_sector focus_arena gap_area members_area "
            "warmth_per_contact warmth_cap",
        ),
        (
            "recommendations.0",
            "rank node name kind sector arenas area area_name score reasons "
            "warmth contacts introduction_path sentence",
        ),
        ("recommendations.0.reasons.0", "code points sentence values"),
        ("recommendations.0.contacts.0", "node name role email phone relation"),
        ("recommendations.0.introduction_path.0", "node name kind"),
    ],
    "communities": [
        ("", "communities modularity seed resolution engine include_young_people"),
        (
            "communities.0",
            "index label size actors young_people sectors arenas internal_ties external_ties bridges nodes",
        ),
        ("communities.0.bridges.0", "other ties actors"),
    ],
}


def _at(value: object, path: str) -> dict[str, object]:
    for step in filter(None, path.split(".")):
        value = value[int(step)] if isinstance(value, list) else value[step]  # type: ignore[index]
    assert isinstance(value, dict), path
    return value


def test_json_field_names_are_the_documented_ones(small_demo: str) -> None:
    found = {
        "metrics": analyze("metrics", "--tenant", small_demo, "--top", "3", "-f", "json"),
        "brokers": analyze("brokers", "--tenant", small_demo, "--top", "3", "-f", "json"),
        "gaps": analyze("gaps", "--tenant", small_demo, "-g", GROUP, "-f", "json"),
        "recommendations": analyze(
            "recommendations", "--tenant", small_demo, "-g", GROUP, "--top", "3", "-f", "json"
        ),
        "communities": analyze("communities", "--tenant", small_demo, "-f", "json"),
    }
    for job, records in DOCUMENTED.items():
        data = json.loads(found[job])
        for path, fields in records:
            assert sorted(_at(data, path)) == sorted(fields.split()), (job, path)
