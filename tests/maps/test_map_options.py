"""Map options: defaults, every problem named at once, and the round trip of a saved view."""

from __future__ import annotations

import pytest

from graphsvc.domain import Arena
from graphsvc.errors import InvalidInput
from graphsvc.maps import MapKind, MapOptions, Metric, YoungPeople, map_options


def test_defaults_per_kind() -> None:
    network = map_options("network", {})
    assert (network.kind, network.metric, network.young, network.lang, network.title) == (
        MapKind.NETWORK,
        Metric.DEGREE,
        YoungPeople.GROUPS,
        "da",
        None,
    )
    assert map_options("brokers", {}).metric is Metric.BROKER
    ego = map_options("ego", {"actor": "school-by"})
    assert (ego.actor, ego.depth) == ("school-by", 1)
    gaps = map_options("gaps", {"target_group": "tg-lonely", "lang": "EN"})
    assert (gaps.target_group, gaps.hops, gaps.lang) == ("tg-lonely", 2, "en")


def test_query_string_values_are_parsed() -> None:
    o = map_options(
        "brokers",
        {"from": "health", "to": "work", "top": "5", "metric": "degree", "title": "  Sundhed   og arbejde "},
    )
    assert (o.source_arena, o.target_arena, o.top, o.metric) == (Arena.HEALTH, Arena.WORK, 5, Metric.DEGREE)
    assert o.title == "Sundhed og arbejde"  # runs of white space become one space
    assert map_options("network", {"title": "a\u2028b\tc"}).title == "a b c"


def test_every_problem_is_named_and_nothing_is_made() -> None:
    with pytest.raises(InvalidInput) as caught:
        map_options("ego", {"depth": "3", "metric": "size", "lang": "de", "hops": "2", "colour": "red"})
    records = {p.record for p in caught.value.problems}
    assert records == {"depth", "metric", "lang", "hops", "colour", "actor"}
    message = str(caught.value)
    assert "depth: 1 to 2, not '3'" in message
    assert "hops: not an option of an ego map" in message
    assert "colour: not an option of any map" in message
    assert "actor: an ego map needs the id of the actor at its centre" in message


@pytest.mark.parametrize(
    ("kind", "params", "record"),
    [
        ("gaps", {}, "target_group"),
        ("target-group", {"target_group": "bad id!"}, "target_group"),
        ("network", {"from": "school"}, "from"),  # only with metric=broker or on a brokers map
        ("brokers", {"from": "school", "to": "school"}, "to"),
        ("brokers", {"top": "0"}, "top"),
        ("brokers", {"young": "individuals"}, "young"),  # brokers maps never show young people
        ("network", {"title": "x" * 201}, "title"),
        ("network", {"title": "a\x07b"}, "title"),
        ("network", {"young": "all"}, "young"),
    ],
)
def test_bad_options(kind: str, params: dict[str, str], record: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        map_options(kind, params)
    assert record in {p.record for p in caught.value.problems}


def test_unknown_kind() -> None:
    with pytest.raises(
        InvalidInput, match="there is no map kind 'world': use network, target-group, ego, brokers, gaps"
    ):
        map_options("world", {})


def test_broker_metric_takes_arenas_on_any_map() -> None:
    o = map_options("network", {"metric": "broker", "from": "health"})
    assert o.source_arena is Arena.HEALTH


def test_saved_options_round_trip_and_query_leaves_out_defaults() -> None:
    o = map_options(
        "gaps", {"target_group": "tg-lonely", "hops": "3", "title": "Huller", "young": "individuals"}
    )
    assert MapOptions.from_json(o.to_json()) == o
    assert o.query() == {"target_group": "tg-lonely", "hops": "3", "title": "Huller", "young": "individuals"}
    assert map_options("brokers", {}).query() == {}


def test_layout_key_ignores_words_only() -> None:
    a = map_options("network", {"title": "A", "lang": "en"})
    b = map_options("network", {"title": "B"})
    assert a.layout_key() == b.layout_key()
    assert a.layout_key() != map_options("network", {"metric": "betweenness"}).layout_key()
