"""The gap report on the tiny municipality, where every gap was planted by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import GapReport, Severity, gap_report, network_to_graph
from graphsvc.analytics.support import ei_index, sector_coverage
from graphsvc.domain import Challenge, Network, TargetGroup
from graphsvc.errors import NotFound

from .conftest import T, tiny_network


@pytest.fixture(scope="module")
def report(tiny: nx.DiGraph) -> GapReport:
    return gap_report(tiny, "tg-lonely", engine="networkx")


def _finding(report: GapReport, code: str, subject: str | None = None):  # type: ignore[no-untyped-def]
    found = [f for f in report.findings if f.code == code and (subject is None or subject in f.subjects)]
    assert len(found) == 1, f"expected one {code} finding, got {found}"
    return found[0]


def test_arena_reach(report: GapReport) -> None:
    overall = report.reach.overall
    # yp-2 and yp-3 only attend a school; yp-5 only the club; yp-1 and yp-6 reach both.
    assert (overall.members, overall.without_focus, overall.one_arena, overall.no_ties) == (5, 2, 3, 0)
    assert report.reach.members_without_focus == {"yp-2", "yp-3"}
    by_area = {c.group: c for c in report.reach.by_area}
    assert (by_area["area-by"].members, by_area["area-by"].without_focus) == (4, 1)
    assert (by_area["area-landsby"].members, by_area["area-landsby"].without_focus) == (1, 1)
    by_band = {c.group: c.members for c in report.reach.by_age_band}
    assert by_band == {"12-14": 4, "15-17": 1}
    # 2 of 5 = 40 %: medium (>= 20 %); 3 of 5 = 60 %: high (>= 50 %).
    assert _finding(report, "members_without_focus").severity is Severity.MEDIUM
    one = _finding(report, "members_one_arena")
    assert one.severity is Severity.HIGH and one.sentence.startswith("3 of 5 members (60%)")


def test_support_network(report: GapReport) -> None:
    hops = {a.node: a.hops for a in report.support.actors}
    assert hops == {
        "school-by": 1,
        "school-by-2": 1,
        "school-landsby": 1,
        "club-by": 1,
        "assoc-fodbold": 1,
        "assoc-spejder": 1,
        "unit-ppr": 2,
        "org-fond": None,
    }  # the foundation is there through the initiative only
    assert report.initiatives == ("init-venner",)


def test_missing_sectors(report: GapReport) -> None:
    assert report.sectors.missing == ("business", "knowledge")
    assert report.sectors.under_represented == ()
    business = _finding(report, "missing_sector", "business")
    assert business.severity is Severity.HIGH
    assert business.values["registry_actors"] == 2
    assert "none to recruit" in _finding(report, "missing_sector", "knowledge").sentence


def test_under_represented_is_relative_to_the_registry(tiny: nx.DiGraph) -> None:
    # Registry: public 5, civil society 2, business 2, philanthropy 1 (10 actors).
    support = [
        "school-by",
        "school-by-2",
        "club-by",
        "unit-ppr",
        "school-landsby",
        "assoc-fodbold",
        "assoc-spejder",
        "biz-brugsen",
    ]
    expected = ["public", "civil_society", "business", "knowledge"]
    coverage = sector_coverage(tiny, support, expected=expected, under_ratio=0.7)
    shares = {s.sector: s for s in coverage.sectors}
    # Business: 1 of 8 = 12.5 % around the group against 2 of 10 = 20 %: ratio 0.625.
    business = shares["business"]
    assert (business.support_share, business.registry_share) == (0.125, 0.2)
    assert business.ratio == pytest.approx(0.625)
    assert coverage.under_represented == ("business",)
    assert shares["public"].status == shares["civil_society"].status == "covered"
    assert shares["philanthropy"].status == "not_expected"
    assert coverage.missing == ("knowledge",)
    # At the default ratio of 0.5 business is covered: 0.625 >= 0.5.
    assert sector_coverage(tiny, support, expected=expected).under_represented == ()


def test_area_gap(report: GapReport) -> None:
    [gap] = report.area_gaps
    assert (gap.area, gap.members, gap.young_people) == ("area-landsby", 1, 1)
    finding = _finding(report, "area_gap")
    assert finding.severity is Severity.LOW  # fewer than 3 members live there
    assert finding.sentence == ("1 member lives in Landsby, where no leisure actor reaches any young person.")


def test_school_without_leisure(report: GapReport) -> None:
    # unit-ppr reaches the club in two hops through school-by; school-landsby does not.
    assert [(s.school, s.members_attending) for s in report.schools_without_leisure] == [
        ("school-landsby", 1)
    ]
    assert _finding(report, "school_without_leisure").severity is Severity.HIGH


def test_single_points_of_failure(report: GapReport) -> None:
    # With access: yp-1, yp-2, yp-5, yp-6 (yp-3 has none). yp-5's only route is the club;
    # yp-2's only route is school-by -> club. yp-1 and yp-6 have two independent routes.
    assert report.members_with_leisure_access == 4
    assert [(s.node, s.members_cut_off) for s in report.single_points_of_failure] == [
        ("club-by", 2),
        ("school-by", 1),
    ]
    assert _finding(report, "single_point_of_failure", "club-by").severity is Severity.HIGH


def test_silo(report: GapReport) -> None:
    [silo] = report.silos
    assert silo.school_actors == ("school-landsby", "unit-ppr")
    assert (silo.actors, silo.members) == (2, 1)


def test_ei_index(tiny: nx.DiGraph, report: GapReport) -> None:
    # Actor ties among the support network: 4 within the public sector, 2 from the club to
    # the two associations.
    assert (report.ei_support.internal, report.ei_support.external) == (4, 2)
    assert report.ei_support.index == pytest.approx(-1 / 3)
    assert _finding(report, "ei_index").severity is Severity.LOW
    assert ei_index(tiny, ["biz-brugsen"]).index is None


def test_findings_are_ordered_by_severity(report: GapReport) -> None:
    ranks = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
    order = [ranks[f.severity] for f in report.findings]
    assert order == sorted(order)
    assert all(f.sentence and f.values for f in report.findings if f.code != "ei_index")


def test_unknown_target_group(tiny: nx.DiGraph) -> None:
    with pytest.raises(NotFound):
        gap_report(tiny, "tg-nobody")
    with pytest.raises(NotFound):
        gap_report(tiny, "club-by")


def test_under_represented_severity(tiny: nx.DiGraph) -> None:
    # Every present sector is 1.25 times as common around the group as in the registry.
    low = gap_report(tiny, "tg-lonely", under_ratio=2.0, engine="networkx")
    assert {f.severity for f in low.findings if f.code == "under_represented_sector"} == {
        Severity.LOW
    }  # 1.25 is not below 2.0 / 2
    medium = gap_report(tiny, "tg-lonely", under_ratio=3.0, engine="networkx")
    found = [f for f in medium.findings if f.code == "under_represented_sector"]
    assert {f.subjects[0] for f in found} == {"public", "civil_society", "philanthropy"}
    assert {f.severity for f in found} == {Severity.MEDIUM}


def test_a_group_without_members() -> None:
    net = tiny_network()
    nobody = TargetGroup(
        id="tg-nobody", tenant=T, name="Nobody", criteria_challenges=frozenset({Challenge.CRIME})
    )
    G = network_to_graph(Network(tenant=T, nodes=(*net.nodes, nobody), ties=net.ties))
    report = gap_report(G, "tg-nobody")
    assert report.members.members == frozenset() and report.support.actors == ()
    assert [(f.code, f.severity) for f in report.findings] == [("no_members", Severity.HIGH)]
