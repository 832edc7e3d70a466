"""The difference map of two moments of a partnership: which lines are gained, lost and kept
(the same ties the comparison's tables count), how they are drawn, and that the page is as
safe and offline as every other map."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from graphsvc.analytics.comparison import compare_networks
from graphsvc.analytics.health import network_health
from graphsvc.analytics.projection import network_to_graph
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType
from graphsvc.errors import InvalidInput
from graphsvc.maps.difference import difference_map
from graphsvc.maps.difference_payload import CHANGE_STYLES, MomentLabel, difference_payload
from graphsvc.maps.page import render_payload
from tests.conftest import _small_town

KICK_OFF = MomentLabel(name="Kick-off", day=datetime.date(2026, 1, 15), is_now=False)
AUTUMN = MomentLabel(name="Efterår", day=datetime.date(2026, 10, 1), is_now=False)
NOW = MomentLabel(name="now", day=datetime.date(2026, 11, 1), is_now=True)


def _actor(node_id: str, name: str, sector: Sector = Sector.CIVIL_SOCIETY) -> Actor:
    return Actor(
        kind=Kind.ASSOCIATION if sector is Sector.CIVIL_SOCIETY else Kind.BUSINESS,
        id=node_id,
        tenant="t",
        name=name,
        sector=sector,
        arenas={Arena.LEISURE},
        area="hvalsoe",
    )


def _moments() -> tuple[Network, Network]:
    """Kick-off: the small town. Autumn: a supermarket joined and collaborates with the club,
    the school now collaborates with the climbing club only (its referral ended), and the
    foundation left, with its funding."""
    before = _small_town("t")
    shop = _actor("brugsen", "Brugsen", Sector.BUSINESS)
    after_nodes = (*(n for n in before.nodes if n.id != "fund"), shop)
    kept = (t for t in before.ties if t.type is not TieType.REFERS_TO and t.source != "fund")
    after_ties = (*kept, Tie(type=TieType.COLLABORATES_WITH, source="brugsen", target="club"))
    return before, Network(tenant="t", nodes=after_nodes, ties=after_ties)


def test_lines_are_gained_lost_and_kept_as_the_comparison_counts_them() -> None:
    before, after = _moments()
    m = difference_map(before, after)
    lines = {(t.source, t.target, t.change): t.ties for t in m.ties}
    assert lines == {
        ("brugsen", "club", "gained"): (("brugsen", "COLLABORATES_WITH", "club"),),
        ("club", "school", "lost"): (("school", "REFERS_TO", "club"),),
        ("club", "school", "unchanged"): (("school", "COLLABORATES_WITH", "club"),),
        ("club", "plusdig", "unchanged"): (("club", "PARTICIPATES_IN", "plusdig"),),
        ("fund", "plusdig", "lost"): (("fund", "FUNDS", "plusdig"),),
        ("plusdig", "tg", "unchanged"): (("plusdig", "TARGETS", "tg"),),
    }
    G_before, G_after = network_to_graph(before), network_to_graph(after)
    compared = compare_networks(
        before, after, measures_before=network_health(G_before), measures_after=network_health(G_after)
    )
    assert (m.gained, m.lost) == (len(compared.ties_gained), len(compared.ties_lost)) == (1, 2)
    assert m.unchanged == 3
    status = {n.id: n.status for n in m.nodes}
    assert status == {
        "brugsen": "gained",
        "fund": "lost",
        "club": None,
        "school": None,
        "plusdig": None,
        "tg": None,
    }
    # Areas are where actors are drawn, never nodes; people are never part of the map.
    assert {n.kind for n in m.nodes} == {"Association", "Business", "MunicipalUnit", "Organisation",
                                         "Initiative", "TargetGroup"}  # fmt: skip
    assert m.areas == {"hvalsoe": "Hvalsø"}
    club = next(n for n in m.nodes if n.id == "club")
    assert (club.ties_gained, club.ties_lost, club.degree) == (1, 1, 3)


def test_people_in_either_network_are_never_drawn() -> None:
    """Snapshots never hold them; a network that did would still not put them on the map."""
    before, after = _moments()
    m = difference_map(before, after)
    ids = {n.id for n in m.nodes} | {end for t in m.ties for end in (t.source, t.target)}
    assert ids.isdisjoint({"yp-1", "p-1"})


def test_the_same_moments_give_the_same_picture() -> None:
    before, after = _moments()
    assert difference_map(before, after) == difference_map(before, after)


def test_too_many_nodes_are_refused_with_advice() -> None:
    before, after = _moments()
    with pytest.raises(InvalidInput, match="more than the 3 a browser draws readably"):
        difference_map(before, after, max_nodes=3)


def test_the_payload_draws_changes_in_two_colour_blind_safe_styles() -> None:
    before, after = _moments()
    payload = difference_payload(difference_map(before, after), before=KICK_OFF, after=AUTUMN, lang="da")
    assert payload["title"] == "Ændringer fra Kick-off (15. januar 2026) til Efterår (1. oktober 2026)"
    classes = payload["changes"]["classes"]
    assert [(c["code"], c["colour"], c["dashed"]) for c in classes] == [
        ("gained", "#0072B2", False),
        ("lost", "#D55E00", True),
        ("unchanged", "#7D8894", False),
    ]
    assert payload["edgeColour"] == CHANGE_STYLES["unchanged"].colour
    ids = payload["nodes"]["id"]
    changed = {(ids[i], ids[j], classes[c]["code"]): text for i, j, c, text in payload["changes"]["edges"]}
    assert (
        changed[("brugsen", "club", "gained")] == "Ny forbindelse\nBrugsen samarbejder med Hvalsø Klatreklub"
    )
    assert (
        changed[("club", "school", "lost")]
        == "Mistet forbindelse\nHvalsø Skole henviser til Hvalsø Klatreklub"
    )
    # Unchanged lines are the faint canvas strokes: index triples like any map's ties.
    assert len(payload["edges"]) == 3 * 3
    assert payload["changes"]["counts"] == {"gained": 1, "lost": 2, "unchanged": 3}
    marks = [m["code"] for m in payload["marks"]]
    fund = ids.index("fund")
    assert marks[payload["nodes"]["mark"][fund]] == "lost" and payload["nodes"]["fill"][fund]
    assert payload["notes"][str(ids.index("brugsen"))][0] == "Kommet til siden Kick-off (15. januar 2026)."


def test_the_payload_speaks_english_and_names_now() -> None:
    before, after = _moments()
    payload = difference_payload(difference_map(before, after), before=KICK_OFF, after=NOW, lang="en")
    assert payload["title"] == "Changes from Kick-off (15 January 2026) to now"
    assert payload["words"]["summary"] == "1 ties gained, 2 lost, 3 unchanged"
    assert [c["label"] for c in payload["changes"]["classes"]] == ["Tie gained", "Tie lost", "Unchanged tie"]


def test_the_page_is_offline_and_names_are_data() -> None:
    before, after = _moments()
    hostile = _actor("brugsen", "</script><script>alert(1)</script>", Sector.BUSINESS)
    after = after.model_copy(update={"nodes": (*(n for n in after.nodes if n.id != "brugsen"), hostile)})
    page = render_payload(
        difference_payload(
            difference_map(before, after),
            before=MomentLabel(name="<b>Kick-off</b>", day=KICK_OFF.day, is_now=False),
            after=AUTUMN,
            lang="da",
        )
    )
    assert "<script>alert(1)" not in page and "<b>Kick-off</b>" not in page
    assert "&lt;b&gt;Kick-off&lt;/b&gt;" in page  # the title, escaped
    assert not re.search(r"""(?:src|href)=["']?https?:""", page)
    data = json.loads(re.search(r'id="graphsvc-map-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert "</script><script>alert(1)</script>" in data["nodes"]["label"]
    assert "data.changes" in page  # the page's own script draws them
