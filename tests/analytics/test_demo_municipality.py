"""On the small demo municipality, the analytics find the gaps planted in it."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import gap_report, network_to_graph, rank_brokers, recommend_partners

demo = pytest.importorskip("graphsvc.demo")


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return network_to_graph(demo.generate_demo(size="small", seed=demo.DEFAULT_SEED))


@pytest.fixture(scope="module")
def gaps() -> demo.DemoGaps:
    return demo.PLANTED_GAPS


def test_lone_broker_ranks_first_in_its_town(G: nx.DiGraph, gaps: demo.DemoGaps) -> None:
    ranking = rank_brokers(G, area=gaps.lone_broker_area)
    first = ranking.brokers[0]
    assert first.node == gaps.lone_broker
    # Every folkeskole there reaches the town's other leisure actors through it alone.
    assert first.share > 0.5
    assert first.sentence.startswith(f"links {first.sources_linked} school actors")


def test_missing_sector_around_the_target_group(G: nx.DiGraph, gaps: demo.DemoGaps) -> None:
    group, sector = gaps.target_group_missing_sector
    report = gap_report(G, group)
    assert sector.value in report.sectors.missing
    assert gaps.target_group_initiative in report.initiatives
    top = recommend_partners(G, report, top=5).recommendations
    # The best recruits bring the missing sector, and the first sits where members live.
    assert all(r.sector == sector.value for r in top)
    assert top[0].area == gaps.target_group_area


def test_area_and_school_without_leisure(G: nx.DiGraph, gaps: demo.DemoGaps) -> None:
    # Young people with several challenges live all over the municipality, Østermose too.
    report = gap_report(G, "tg-several-challenges")
    assert gaps.area_without_leisure in {g.area for g in report.area_gaps}
    assert gaps.school_without_leisure in {s.school for s in report.schools_without_leisure}
    codes = {(f.code, f.subjects[0]) for f in report.findings if f.subjects}
    assert ("area_gap", gaps.area_without_leisure) in codes
    assert ("school_without_leisure", gaps.school_without_leisure) in codes
