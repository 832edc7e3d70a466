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


def test_what_the_page_hides_and_focuses_on_is_checked_and_kept_in_canonical_order() -> None:
    o = map_options(
        "network",
        {
            "hide_sectors": "business, PUBLIC",
            "hide_kinds": ["youngpeoplegroup", "Association"],
            "hide_ties": "youth,referral",
            "only_area": "area-by",
            "focus": "club-by",
            "focus_steps": "3",
        },
    )
    assert (o.hide_sectors, o.hide_kinds, o.hide_ties) == (
        ("public", "business"),
        ("Association", "YoungPeopleGroup"),
        ("referral", "youth"),
    )
    assert (o.only_area, o.focus, o.focus_steps) == ("area-by", "club-by", 3)
    assert o.query() == {
        "hide_sectors": "public,business",
        "hide_kinds": "Association,YoungPeopleGroup",
        "hide_ties": "referral,youth",
        "only_area": "area-by",
        "focus": "club-by",
        "focus_steps": "3",
    }
    assert MapOptions.from_json(o.to_json()) == o  # a saved view keeps all of it
    # Nothing of it changes the nodes or their places: the kept map serves every state.
    assert o.layout_key() == map_options("network", {}).layout_key()


def test_every_explore_option_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as caught:
        map_options(
            "brokers",
            {
                "hide_sectors": "business,pirates",
                "hide_kinds": "Castle",
                "hide_ties": "friendship",
                "only_area": "not an id!",
                "focus": "<img src=x>",
                "focus_steps": "4",
            },
        )
    problems = {p.record: p.problem for p in caught.value.problems}
    assert set(problems) == {"hide_sectors", "hide_kinds", "hide_ties", "only_area", "focus", "focus_steps"}
    assert problems["hide_sectors"].startswith("there is no sector 'pirates': use public, civil_society")
    assert problems["hide_kinds"].startswith("there is no kind 'Castle': use Association")
    assert problems["hide_ties"] == (
        "there is no tie type 'friendship': use collaboration, referral, funding, participation, "
        "youth, residence"
    )
    assert problems["focus_steps"] == "1 to 3, not '4'"


@pytest.mark.parametrize(
    ("params", "record", "problem"),
    [
        ({"focus_steps": "2"}, "focus_steps", "only with focus (the actor to focus on)"),
        ({"hide_kinds": 3}, "hide_kinds", "a list of kind names, not '3'"),
        ({"focus": "club-by", "focus_steps": "0"}, "focus_steps", "1 to 3, not '0'"),
    ],
)
def test_bad_explore_options(params: dict[str, object], record: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        map_options("network", params)
    assert (record, problem) in {(p.record, p.problem) for p in caught.value.problems}
