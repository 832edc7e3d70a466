"""Type-tagged property values: what goes in comes out with the same type; anything else is a
ValueError that says what is wrong. (Round trips through Neo4j itself: test_backup_roundtrip.)"""

from __future__ import annotations

import datetime
import json
import math
from typing import Any

import pytest
import pytz
from neo4j.spatial import CartesianPoint, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

from graphsvc.backup.values import decode_value, encode_value

VALUES: list[Any] = [
    'Hvalsø ↔ "klub"',
    0,
    -(2**63),
    2**63 - 1,
    1.5,
    2.0,
    True,
    False,
    bytearray(b"\x00\xff"),
    Date(2025, 3, 1),
    Time(10, 15, 0, 123456789),
    Time(10, 15, 0, 0, tzinfo=pytz.FixedOffset(60)),
    DateTime(2025, 3, 1, 10, 15, 0, 1),
    Duration(months=14, days=3, seconds=5, nanoseconds=7),
    CartesianPoint((1.0, 2.0)),
    WGS84Point((12.5, 55.6, 3.0)),
    ["a", "b"],
    [1, 2],
    [0.5],
    [],
    [Date(2025, 1, 1)],
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_comes_back_with_its_type(value: Any) -> None:
    tagged = json.loads(json.dumps(encode_value(value), allow_nan=False))
    back = decode_value(tagged)
    assert back == value
    assert type(back) is type(value) or isinstance(value, bytes | bytearray)
    if isinstance(value, list) and value:
        assert [type(v) for v in back] == [type(v) for v in value]


def test_floats_that_json_cannot_hold_are_written_as_words() -> None:
    for value, word in ((math.inf, "Infinity"), (-math.inf, "-Infinity")):
        assert encode_value(value) == ["float", word]
        assert decode_value(["float", word]) == value
    assert encode_value(math.nan) == ["float", "NaN"]
    assert math.isnan(decode_value(["float", "NaN"]))
    assert decode_value(["float", 2]) == 2.0 and isinstance(decode_value(["float", 2]), float)


@pytest.mark.parametrize(
    ("text", "offset", "zone"),
    [
        ("2025-03-01T10:15:30.123456789Z", datetime.timedelta(0), None),
        ("2025-03-01T10:15:30-03:30", datetime.timedelta(hours=-3, minutes=-30), None),
        ("2025-03-01T10:15:30Z[UTC]", datetime.timedelta(0), "UTC"),
        # The hour the clock is turned back happens twice; the offset says which one.
        ("2024-10-27T02:30:00+02:00[Europe/Copenhagen]", datetime.timedelta(hours=2), "Europe/Copenhagen"),
        ("2024-10-27T02:30:00+01:00[Europe/Copenhagen]", datetime.timedelta(hours=1), "Europe/Copenhagen"),
    ],
)
def test_a_zoned_datetime_keeps_its_offset_or_zone(
    text: str, offset: datetime.timedelta, zone: str | None
) -> None:
    value = decode_value(["datetime", text])
    assert value.utcoffset() == offset
    assert getattr(value.tzinfo, "zone", None) == zone
    assert encode_value(value, zoned=text) == ["datetime", text]


@pytest.mark.parametrize(
    ("tagged", "message"),
    [
        ("text", "a value must be [type, value]"),
        (["int", "12"], "'12' is not a valid int value"),
        (["int", True], "'True' is not a valid int value"),
        (["str", 12], "'12' is not a valid str value"),
        (["bool", 1], "'1' is not a valid bool value"),
        (["colour", "red"], "'red' is not a valid colour value"),
        (["datetime", "2025-03-01T10:15:30"], "it is not a datetime with an offset"),
        (["datetime", "2025-03-01T10:15:30+01:00[Mars/Olympus]"], "unknown time zone 'Mars/Olympus'"),
        (["datetime", "2025-07-01T10:15:30+01:00[Europe/Copenhagen]"], "does not fit the time zone"),
        (["time", "10:15:30"], "'10:15:30': it has no offset"),
        (["bytes", "not base64!"], "'not base64!': not a valid bytes value"),
        (["point", {"srid": 1, "coords": [1, 2]}], "unknown spatial reference 1"),
        (["point", {"srid": 7203, "coords": [1, 2, 3]}], "srid 7203 does not fit 3 coordinates"),
        (["list", [None, [1]]], "a list without an element type must be empty"),
        (["list", ["list", [[]]]], "Neo4j stores no lists of lists"),
        (["list", ["int", [1, "2"]]], "'2' is not a valid int value"),
    ],
)
def test_a_bad_value_is_named(tagged: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(")):
        decode_value(tagged)


def test_a_list_of_mixed_types_is_refused() -> None:
    with pytest.raises(ValueError, match="mixes types"):
        encode_value([1, "a"])
