"""Network-health measures and comparisons on tiny hand-built networks with known answers.

::

    before:  school (public, school) -- club (public, leisure) -- fodbold (civil society, leisure)
             brugsen (business, work): no tie
             yp-1 ATTENDS school, yp-2 MEMBER_OF fodbold, yp-3 WORKS_AT brugsen, yp-4: no tie
             tg-all (every young person) TARGETS <- init; club PARTICIPATES_IN init
             tg-none (12-14: nobody)
    after:   fodbold gone; spejder (civil society, leisure) new, tied to club;
             brugsen now COLLABORATES_WITH club; school also REFERS_TO club
"""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import network_to_graph
from graphsvc.analytics.comparison import compare_networks
from graphsvc.analytics.health import (
    degree_centralisation,
    density,
    network_health,
    target_group_reach,
)
from graphsvc.domain import (
    Actor,
    AgeBand,
    Arena,
    Initiative,
    Kind,
    Network,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)

T = "health"
C = TieType.COLLABORATES_WITH


def _actor(id_: str, kind: Kind, sector: Sector, arena: Arena) -> Actor:
    return Actor(kind=kind, id=id_, tenant=T, name=id_.title(), sector=sector, arenas={arena})


def _before() -> Network:
    nodes = [
        _actor("school", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, Arena.SCHOOL),
        _actor("club", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, Arena.LEISURE),
        _actor("fodbold", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE),
        _actor("brugsen", Kind.BUSINESS, Sector.BUSINESS, Arena.WORK),
        *(YoungPerson(id=f"yp-{i}", tenant=T, name=f"Ung {i}", age_band=AgeBand.B15_17) for i in range(1, 5)),
        TargetGroup(id="tg-all", tenant=T, name="Alle unge"),
        TargetGroup(id="tg-none", tenant=T, name="Ingen", criteria_age_bands={AgeBand.B12_14}),
        Initiative(id="init", tenant=T, name="Fællesskaber"),
    ]
    ties = [
        Tie(type=C, source="school", target="club"),
        Tie(type=C, source="club", target="fodbold", strength=4),
        Tie(type=TieType.ATTENDS, source="yp-1", target="school"),
        Tie(type=TieType.MEMBER_OF, source="yp-2", target="fodbold"),
        Tie(type=TieType.WORKS_AT, source="yp-3", target="brugsen"),
        Tie(type=TieType.TARGETS, source="init", target="tg-all"),
        Tie(type=TieType.PARTICIPATES_IN, source="club", target="init"),
    ]
    return Network(tenant=T, nodes=tuple(nodes), ties=tuple(ties))


def _after() -> Network:
    before = _before()
    nodes = [n for n in before.nodes if n.id not in ("fodbold", "yp-2")]
    nodes.append(_actor("spejder", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, Arena.LEISURE))
    ties = [t for t in before.ties if "fodbold" not in (t.source, t.target)]
    ties += [
        Tie(type=C, source="club", target="spejder"),
        Tie(type=C, source="brugsen", target="club"),
        Tie(type=TieType.REFERS_TO, source="school", target="club"),
    ]
    return Network(tenant=T, nodes=tuple(nodes), ties=tuple(ties))


def test_density_and_centralisation_of_known_graphs() -> None:
    assert density(nx.complete_graph(5)) == 1.0
    assert density(nx.empty_graph(4)) == 0.0
    assert density(nx.empty_graph(1)) is None
    assert degree_centralisation(nx.star_graph(5)) == 1.0
    assert degree_centralisation(nx.complete_graph(4)) == 0.0
    # Path a-b-c-d: degrees 1, 2, 2, 1; (1 + 0 + 0 + 1) / (3 * 2).
    assert degree_centralisation(nx.path_graph(4)) == pytest.approx(1 / 3)
    assert degree_centralisation(nx.path_graph(2)) is None


def test_health_of_the_hand_built_network() -> None:
    health = network_health(network_to_graph(_before()))
    assert (health.actors, health.actor_ties) == (4, 2)
    assert health.density == pytest.approx(2 / 6)
    # school-club-fodbold, and brugsen alone.
    assert (health.components, health.isolated_actors) == (2, 1)
    # school-club stays in the public sector, club-fodbold crosses: E = I = 1.
    assert (health.external_ties, health.internal_ties) == (1, 1)
    assert health.cross_sector_tie_share == 0.5
    assert health.ei_index == 0.0
    # Degrees 1, 2, 1, 0 (club the most): (1 + 0 + 1 + 2) / (3 * 2).
    assert health.degree_centralisation == pytest.approx(2 / 3)
    assert health.actors_by_sector == {"business": 1, "civil_society": 1, "public": 2}
    assert health.actors_by_arena == {"leisure": 2, "school": 1, "work": 1}


def test_reach_counts_members_within_two_hops_of_a_partner() -> None:
    G = network_to_graph(_before())
    reach = target_group_reach(G, "tg-all")
    # The club is the partner: yp-1 via the school, yp-2 via fodbold; yp-3 works at an
    # untied business, yp-4 has no tie.
    assert (reach.partners, reach.members, reach.reached, reach.share) == (1, 4, 2, 0.5)
    assert target_group_reach(G, "tg-all", hops=1).reached == 0
    assert target_group_reach(G, "tg-all", hops=3).reached == 2
    nobody = target_group_reach(G, "tg-none")
    assert (nobody.members, nobody.share, nobody.partners) == (0, None, 0)


def test_reach_is_zero_without_an_initiative_targeting_the_group() -> None:
    network = _before()
    ties = tuple(t for t in network.ties if t.type is not TieType.TARGETS)
    reach = target_group_reach(network_to_graph(network.model_copy(update={"ties": ties})), "tg-all")
    assert (reach.partners, reach.members, reach.reached, reach.share) == (0, 4, 0, 0.0)


def test_comparison_of_known_before_and_after() -> None:
    before, after = _before(), _after()
    m_before = network_health(network_to_graph(before))
    m_after = network_health(network_to_graph(after))
    diff = compare_networks(before, after, measures_before=m_before, measures_after=m_after)
    assert [p.node for p in diff.partners_gained] == ["spejder"]
    assert [p.node for p in diff.partners_lost] == ["fodbold"]
    assert diff.partners_lost[0].sector == "civil_society"
    gained = {(t.source, t.type, t.target): t for t in diff.ties_gained}
    assert set(gained) == {
        ("brugsen", "COLLABORATES_WITH", "club"),
        ("club", "COLLABORATES_WITH", "spejder"),
        ("school", "REFERS_TO", "club"),
    }
    assert gained["brugsen", "COLLABORATES_WITH", "club"].cross_sector is True
    assert gained["school", "REFERS_TO", "club"].cross_sector is False
    assert gained["brugsen", "COLLABORATES_WITH", "club"].source_name == "Brugsen"
    assert [(t.source, t.target) for t in diff.ties_lost] == [("club", "fodbold")]

    sectors = {g.group: g for g in diff.by_sector}
    assert set(sectors) == {"public", "civil_society", "business"}
    civil = sectors["civil_society"]
    assert (
        civil.actors_before,
        civil.actors_after,
        civil.partners_gained,
        civil.partners_lost,
        civil.ties_gained,
        civil.ties_lost,
    ) == (1, 1, 1, 1, 1, 1)
    public = sectors["public"]
    # Every gained and lost tie touches the club (public); within-sector ties count once.
    assert (public.ties_gained, public.ties_lost, public.partners_gained) == (3, 1, 0)
    assert (sectors["business"].ties_gained, sectors["business"].ties_lost) == (1, 0)
    arenas = {g.group: g for g in diff.by_arena}
    assert (arenas["leisure"].partners_gained, arenas["leisure"].partners_lost) == (1, 1)
    assert (arenas["work"].ties_gained, arenas["school"].ties_gained) == (1, 1)

    measures = {m.measure: m for m in diff.measures}
    # After: 4 actors, ties school-club, club-spejder, brugsen-club (the referral runs along
    # an existing pair): a star around the club, one component.
    assert (measures["actor_ties"].before, measures["actor_ties"].after, measures["actor_ties"].change) == (
        2,
        3,
        1,
    )
    assert (measures["components"].before, measures["components"].after) == (2, 1)
    assert measures["density"].change == pytest.approx(3 / 6 - 2 / 6)
    assert measures["degree_centralisation"].after == 1.0
    # Crossing ties: club-spejder and brugsen-club of 3: E-I = (2 - 1) / 3.
    assert measures["ei_index"].after == pytest.approx(1 / 3)
    assert measures["cross_sector_tie_share"].change == pytest.approx(2 / 3 - 1 / 2)
    reach = {r.target_group: r for r in diff.reach}
    # yp-2 is gone; yp-3 is reached now through brugsen, yp-1 still through the school.
    assert (reach["tg-all"].reached_before, reach["tg-all"].reached_after) == (2, 2)
    assert (reach["tg-all"].share_before, reach["tg-all"].share_after) == (0.5, 2 / 3)
    assert reach["tg-none"].change is None


def test_comparing_a_network_with_itself_finds_no_change() -> None:
    network = _before()
    measures = network_health(network_to_graph(network))
    diff = compare_networks(network, network, measures_before=measures, measures_after=measures)
    assert not (diff.partners_gained or diff.partners_lost or diff.ties_gained or diff.ties_lost)
    assert all(m.change in (0, None) for m in diff.measures)
    assert all(g.partners_gained == g.ties_gained == 0 for g in diff.by_sector)
