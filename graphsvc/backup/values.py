"""Property values as type-tagged JSON, so a restore gives them back with the same Neo4j types.

JSON alone cannot tell an integer 2 from a float 2.0 to every reader, and has no dates, times,
durations, points or bytes. Every value is therefore written as ``[tag, payload]``:

========================  ==========================================================
tag                       payload
========================  ==========================================================
``str`` ``int`` ``bool``  the JSON value
``float``                 the number, or ``"NaN"``, ``"Infinity"``, ``"-Infinity"``
``bytes``                 base64
``date``                  ``2024-03-01``
``localtime``             ``10:15:00.123456789``
``time``                  ``10:15:00.123456789+01:00``
``localdatetime``         ``2024-03-01T10:15:00.123456789``
``datetime``              Neo4j's own text: ``2024-03-01T10:15:00Z``,
                          ``2024-03-01T10:15:00+01:00``,
                          ``2024-03-01T10:15:00+01:00[Europe/Copenhagen]``
``duration``              ``[months, days, seconds, nanoseconds]``
``point``                 ``{"srid": 4326, "coords": [12.5, 55.6]}``
``list``                  ``[element tag, [payloads]]`` (Neo4j lists are homogeneous;
                          an empty list has the element tag ``null``)
========================  ==========================================================

A zoned datetime is the one value the driver cannot give back exactly: it reads both the
offset ``Z`` and the zone ``[UTC]`` as the same Python time zone. Its text therefore comes from
Cypher (``toString``) and is passed in as ``zoned``.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import math
import re
from typing import Any

import pytz
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

__all__ = ["decode_value", "encode_value", "zoned_text"]

Tagged = list[Any]  # [tag, payload]

_SPECIAL_FLOATS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_POINT_TYPES: dict[int, type[Point]] = {
    7203: CartesianPoint,
    9157: CartesianPoint,
    4326: WGS84Point,
    4979: WGS84Point,
}
_ZONED = re.compile(
    r"^(?P<local>[+-]?\d{4,}-\d\d-\d\dT[0-9:.]+)(?P<offset>Z|[+-]\d\d:\d\d(?::\d\d)?)"
    r"(?:\[(?P<zone>[A-Za-z0-9_+\-/]+)\])?$"
)


class _Unfit(ValueError):
    """A text that parses but does not make a value of its type; the message says why."""


def _tag_of(value: Any) -> str:
    # bool before int: in Python a bool is an int.
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, bytes | bytearray):
        return "bytes"
    if isinstance(value, DateTime | datetime.datetime):
        return "localdatetime" if value.tzinfo is None else "datetime"
    if isinstance(value, Date | datetime.date):
        return "date"
    if isinstance(value, Time | datetime.time):
        return "localtime" if value.tzinfo is None else "time"
    if isinstance(value, Duration):
        return "duration"
    if isinstance(value, Point):
        return "point"
    raise ValueError(f"a value of type {type(value).__name__} cannot be backed up")


def _encode_one(tag: str, value: Any, zoned: str | None) -> Any:
    if tag in ("str", "int", "bool"):
        return value
    if tag == "float":
        if math.isnan(value):
            return "NaN"
        return value if math.isfinite(value) else ("Infinity" if value > 0 else "-Infinity")
    if tag == "bytes":
        return base64.b64encode(bytes(value)).decode("ascii")
    if tag == "datetime":
        if zoned is None:
            raise ValueError("a zoned datetime needs its text from Neo4j")
        return zoned
    if tag == "duration":
        return [value.months, value.days, value.seconds, value.nanoseconds]
    if tag == "point":
        return {"srid": value.srid, "coords": list(value)}
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    return value.isoformat()


def encode_value(value: Any, zoned: str | list[str] | None = None) -> Tagged:
    """``[tag, payload]`` for one property value; ``zoned`` is Cypher's text of a zoned
    datetime (or of each element of a list of them)."""
    if isinstance(value, list):
        if not value:
            return ["list", [None, []]]
        tag = _tag_of(value[0])
        texts = zoned if isinstance(zoned, list) else [None] * len(value)
        payloads = []
        for element, text in zip(value, texts, strict=True):
            if _tag_of(element) != tag:
                raise ValueError("a list mixes types, which Neo4j does not store")
            payloads.append(_encode_one(tag, element, text))
        return ["list", [tag, payloads]]
    tag = _tag_of(value)
    return [tag, _encode_one(tag, value, zoned if isinstance(zoned, str) else None)]


def _zoned_datetime(text: str) -> DateTime:
    match = _ZONED.match(text)
    if match is None:
        raise _Unfit("it is not a datetime with an offset")
    local = DateTime.from_iso_format(match["local"])
    offset_text = match["offset"]
    offset = datetime.timedelta(0)
    if offset_text != "Z":
        sign = -1 if offset_text[0] == "-" else 1
        parts = [int(p) for p in offset_text[1:].split(":")]
        offset = sign * datetime.timedelta(
            hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) > 2 else 0
        )
    zone = match["zone"]
    if zone is None:
        # A standard-library zone has no name, so the driver sends it as a plain offset.
        return local.replace(tzinfo=datetime.timezone(offset))
    try:
        tz = pytz.timezone(zone)
    except pytz.UnknownTimeZoneError:
        raise _Unfit(f"unknown time zone {zone!r}") from None
    # In the hour a clock is turned back the local time happens twice: the offset says which.
    for is_dst in (False, True):
        candidate = tz.localize(local, is_dst=is_dst)
        if candidate.utcoffset() == offset:
            return candidate  # type: ignore[no-any-return]
    raise _Unfit("the offset does not fit the time zone")


def _decode_one(tag: str, payload: Any) -> Any:
    if tag == "str" and isinstance(payload, str):
        return payload
    if tag == "int" and isinstance(payload, int) and not isinstance(payload, bool):
        return payload
    if tag == "bool" and isinstance(payload, bool):
        return payload
    if tag == "float":
        if isinstance(payload, int | float) and not isinstance(payload, bool):
            return float(payload)
        if payload in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[payload]
    if isinstance(payload, str) and tag in _FROM_TEXT:
        try:
            return _FROM_TEXT[tag](payload)
        except (ValueError, binascii.Error) as e:
            detail = str(e) if isinstance(e, _Unfit) else f"not a valid {tag} value"
            raise ValueError(f"{payload[:60]!r}: {detail}") from None
    if (
        tag == "duration"
        and isinstance(payload, list)
        and len(payload) == 4
        and all(isinstance(p, int) for p in payload)
    ):
        months, days, seconds, nanoseconds = payload
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    if tag == "point" and isinstance(payload, dict):
        return _point(payload)
    raise ValueError(f"{str(payload)[:60]!r} is not a valid {tag} value")


def _time_with_offset(text: str) -> Time:
    value = Time.from_iso_format(text)
    if value.tzinfo is None:
        raise _Unfit("it has no offset")
    return value


_FROM_TEXT = {
    "bytes": lambda text: bytearray(base64.b64decode(text, validate=True)),
    "date": Date.from_iso_format,
    "localtime": Time.from_iso_format,
    "time": _time_with_offset,
    "localdatetime": DateTime.from_iso_format,
    "datetime": lambda text: _zoned_datetime(text),
}


def _point(payload: dict[str, Any]) -> Point:
    srid, coords = payload.get("srid"), payload.get("coords")
    if not isinstance(srid, int) or not isinstance(coords, list) or not 2 <= len(coords) <= 3:
        raise ValueError("a point needs an srid and two or three coordinates")
    point_type = _POINT_TYPES.get(srid)
    if point_type is None:
        raise ValueError(f"unknown spatial reference {srid}")
    point: Point = point_type([float(c) for c in coords])
    if point.srid != srid:
        raise ValueError(f"srid {srid} does not fit {len(coords)} coordinates")
    return point


def decode_value(tagged: Any) -> Any:
    """The property value ``[tag, payload]`` stands for, with its Neo4j type; ValueError
    naming the problem when it is not one."""
    if not isinstance(tagged, list) or len(tagged) != 2 or not isinstance(tagged[0], str):
        raise ValueError("a value must be [type, value]")
    tag, payload = tagged
    if tag != "list":
        return _decode_one(tag, payload)
    if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[1], list)):
        raise ValueError('a list must be ["list", [element type, [values]]]')
    element_tag, payloads = payload
    if element_tag is None:
        if payloads:
            raise ValueError("a list without an element type must be empty")
        return []
    if element_tag == "list" or not isinstance(element_tag, str):
        raise ValueError("Neo4j stores no lists of lists")
    return [_decode_one(element_tag, p) for p in payloads]


def zoned_text(tagged: list[Any]) -> str | list[str] | None:
    """The text of a (checked) zoned datetime value or list of them, else ``None``."""
    tag, payload = tagged
    if tag == "datetime":
        return payload  # type: ignore[no-any-return]
    if tag == "list" and payload[0] == "datetime":
        return list(payload[1])
    return None
