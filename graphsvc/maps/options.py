"""What a map shows: its kind, its subject, its metric, its title and language.

A :class:`MapOptions` is what a saved map view stores and what the query string of
``/maps/{kind}.html`` carries. :func:`map_options` checks every option at once and reports
each problem by the name the caller used (``target_group``, ``depth``, ...), so a bad request
names all its mistakes and nothing is drawn.

=================  =========================================================================
kind               options (default)
=================  =========================================================================
``network``        ``area`` (whole tenant)
``target-group``   ``target_group`` (required), ``hops`` (2)
``ego``            ``actor`` (required), ``depth`` (1; 1 or 2)
``brokers``        ``from`` (school), ``to`` (leisure), ``area``, ``top`` (10 highlighted)
``gaps``           ``target_group`` (required), ``hops`` (2)
=================  =========================================================================

Every kind also takes ``metric`` (``degree``, ``betweenness`` or ``broker``: what node size
shows; ``broker`` on a brokers map by default, else ``degree``), ``title`` and ``lang`` (``da``
or ``en``); every kind but ``brokers`` takes ``young`` (``groups``, ``individuals`` or
``none``; default ``groups``). ``from``/``to`` are also taken by any map sized by
``metric=broker``.

What the page shows of the map, as the coordinator left it when exploring (every kind; none
of these changes the nodes or their places, only which are drawn):

=================  =========================================================================
``hide_sectors``   sectors not drawn, comma-separated (``business,public``)
``hide_kinds``     kinds not drawn (``Business,YoungPeopleGroup``)
``hide_ties``      tie types not drawn (:class:`TieClass`: ``referral,youth``)
``only_area``      the id of the one area whose nodes are drawn
``focus``          the id of the actor the map is focused on: only it and the nodes within
                   ``focus_steps`` ties of it (1-3, default 1) are drawn
=================  =========================================================================
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from graphsvc.domain import Arena, Sector
from graphsvc.errors import InvalidInput, Problem
from graphsvc.maps.style import KIND_SHAPES

__all__ = [
    "EXPLORE_OPTIONS",
    "MAX_TITLE",
    "MapKind",
    "MapOptions",
    "Metric",
    "TieClass",
    "YoungPeople",
    "checked_title",
    "map_options",
]

MAX_TITLE = 200
MAX_HOPS = 4
MAX_TOP = 50
MAX_FOCUS_STEPS = 3
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]")


class MapKind(StrEnum):
    NETWORK = "network"
    TARGET_GROUP = "target-group"
    EGO = "ego"
    BROKERS = "brokers"
    GAPS = "gaps"


class Metric(StrEnum):
    """What a node's size shows."""

    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKER = "broker"


class YoungPeople(StrEnum):
    """How young people are drawn. ``individuals`` only for callers who may see them; for
    anyone else the map shows groups."""

    GROUPS = "groups"
    INDIVIDUALS = "individuals"
    NONE = "none"


class TieClass(StrEnum):
    """What a drawn tie is: the tie types of the legend, which a coordinator can hide."""

    COLLABORATION = "collaboration"  # COLLABORATES_WITH
    REFERRAL = "referral"  # REFERS_TO
    FUNDING = "funding"  # FUNDS, to an actor or an initiative
    PARTICIPATION = "participation"  # PARTICIPATES_IN an initiative
    YOUTH = "youth"  # young people's ATTENDS, MEMBER_OF, WORKS_AT, USES
    RESIDENCE = "residence"  # young people living in a gap area


# Options each kind takes besides the common ones (names as in the query string).
_OWN_OPTIONS: dict[MapKind, frozenset[str]] = {
    MapKind.NETWORK: frozenset({"area", "young"}),
    MapKind.TARGET_GROUP: frozenset({"target_group", "hops", "young"}),
    MapKind.EGO: frozenset({"actor", "depth", "young"}),
    MapKind.BROKERS: frozenset({"from", "to", "area", "top"}),  # never young people
    MapKind.GAPS: frozenset({"target_group", "hops", "young"}),
}
# What the page shows of the map: the legend's hidden entries, the area filter, the focus.
EXPLORE_OPTIONS = ("hide_sectors", "hide_kinds", "hide_ties", "only_area", "focus", "focus_steps")
_COMMON = frozenset({"metric", "title", "lang", *EXPLORE_OPTIONS})
_SECTORS = tuple(s.value for s in Sector)
_KINDS = tuple(KIND_SHAPES)
_TIES = tuple(t.value for t in TieClass)
_ALL = frozenset().union(*_OWN_OPTIONS.values(), _COMMON)
# Field name -> query-string name, where they differ.
_PARAM = {"source_arena": "from", "target_arena": "to"}


@dataclass(frozen=True)
class MapOptions:
    """One map, fully specified (every default filled in)."""

    kind: MapKind
    metric: Metric = Metric.DEGREE
    young: YoungPeople = YoungPeople.GROUPS
    title: str | None = None
    lang: str = "da"
    target_group: str | None = None
    actor: str | None = None
    depth: int = 1
    hops: int = 2
    area: str | None = None
    source_arena: Arena = Arena.SCHOOL
    target_arena: Arena = Arena.LEISURE
    top: int = 10
    hide_sectors: tuple[str, ...] = ()
    hide_kinds: tuple[str, ...] = ()
    hide_ties: tuple[str, ...] = ()
    only_area: str | None = None
    focus: str | None = None
    focus_steps: int = 1

    def layout_key(self) -> tuple[Any, ...]:
        """Everything that decides the nodes, their sizes and their places: not the title
        or the language, which only change the words, nor what the page hides of them."""
        skip = ("title", "lang", *EXPLORE_OPTIONS)
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in skip)

    def query(self) -> dict[str, str]:
        """The options as query-string parameters of ``/maps/{kind}.html`` (defaults left
        out), so a saved view can be opened as a live map."""
        default = MapOptions(kind=self.kind, metric=_default_metric(self.kind))
        params: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "kind" or value is None or value == getattr(default, f.name):
                continue
            text = ",".join(value) if isinstance(value, tuple) else str(value)
            params[_PARAM.get(f.name, f.name)] = text
        return params

    def to_json(self) -> str:
        """The options as stored with a saved view: the kind and :meth:`query`."""
        return json.dumps({"kind": self.kind.value, **self.query()}, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> MapOptions:
        raw = json.loads(text)
        return map_options(raw.pop("kind"), raw)


def _default_metric(kind: MapKind) -> Metric:
    return Metric.BROKER if kind is MapKind.BROKERS else Metric.DEGREE


def map_options(kind: str, params: Mapping[str, Any]) -> MapOptions:
    """Checked options for a map of ``kind`` from query-string style ``params`` (strings or
    plain values; ``None`` and ``""`` mean "not given"). Raises :class:`InvalidInput` with
    every problem."""
    problems: list[Problem] = []
    given = {k: v for k, v in params.items() if v is not None and v != ""}
    try:
        map_kind = MapKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in MapKind)
        raise InvalidInput(f"there is no map kind {str(kind)[:40]!r}: use {choices}") from None

    metric = _choice(given, "metric", Metric, _default_metric(map_kind), problems)
    allowed = _OWN_OPTIONS[map_kind] | _COMMON
    if metric is Metric.BROKER:
        allowed |= {"from", "to"}
    for name in sorted(set(given) - allowed):
        article = "an" if map_kind.value[0] in "aeiou" else "a"
        where = "any map" if name not in _ALL else f"{article} {map_kind.value} map"
        problems.append(Problem(name, f"not an option of {where}"))

    options = MapOptions(
        kind=map_kind,
        metric=metric,
        young=_choice(given, "young", YoungPeople, YoungPeople.GROUPS, problems),
        title=_title(given.get("title"), problems),
        lang=_lang(given.get("lang", "da"), problems),
        target_group=_id(given, "target_group", problems),
        actor=_id(given, "actor", problems),
        depth=_int(given, "depth", 1, 1, 2, problems),
        hops=_int(given, "hops", 2, 1, MAX_HOPS, problems),
        area=_id(given, "area", problems),
        source_arena=_choice(given, "from", Arena, Arena.SCHOOL, problems),
        target_arena=_choice(given, "to", Arena, Arena.LEISURE, problems),
        top=_int(given, "top", 10, 1, MAX_TOP, problems),
        hide_sectors=_names(given, "hide_sectors", _SECTORS, "sector", problems),
        hide_kinds=_names(given, "hide_kinds", _KINDS, "kind", problems),
        hide_ties=_names(given, "hide_ties", _TIES, "tie type", problems),
        only_area=_id(given, "only_area", problems),
        focus=_id(given, "focus", problems),
        focus_steps=_int(given, "focus_steps", 1, 1, MAX_FOCUS_STEPS, problems),
    )
    if "focus_steps" in given and "focus" not in given:
        problems.append(Problem("focus_steps", "only with focus (the actor to focus on)"))
    if (
        map_kind in (MapKind.TARGET_GROUP, MapKind.GAPS)
        and options.target_group is None
        and "target_group" not in {p.record for p in problems}
    ):
        problems.append(Problem("target_group", f"a {map_kind.value} map needs a target group"))
    if map_kind is MapKind.EGO and options.actor is None and "actor" not in {p.record for p in problems}:
        problems.append(Problem("actor", "an ego map needs the id of the actor at its centre"))
    if options.source_arena == options.target_arena and {"from", "to"} & set(given):
        problems.append(Problem("to", "choose two different arenas"))
    if problems:
        raise InvalidInput("the map cannot be drawn", problems)
    return options


def _choice(
    given: Mapping[str, Any], name: str, enum: type[StrEnum], default: Any, problems: list[Problem]
) -> Any:
    if name not in given:
        return default
    value = str(given[name]).lower()
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        problems.append(Problem(name, f"{value[:40]!r} is not one of {choices}"))
        return default


def _int(
    given: Mapping[str, Any], name: str, default: int, low: int, high: int, problems: list[Problem]
) -> int:
    if name not in given:
        return default
    value = given[name]
    try:
        number = int(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        problems.append(Problem(name, f"{low} to {high}, not {str(value)[:20]!r}"))
        return default
    return number


def _names(
    given: Mapping[str, Any], name: str, known: tuple[str, ...], what: str, problems: list[Problem]
) -> tuple[str, ...]:
    """A comma-separated list (or a list) of names from ``known``, in ``known``'s order and
    spelling (matched without regard to case); an unknown one is a problem."""
    if name not in given:
        return ()
    value = given[name]
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple | set | frozenset):
        problems.append(Problem(name, f"a list of {what} names, not {str(value)[:40]!r}"))
        return ()
    spelling = {k.lower(): k for k in known}
    wanted: set[str] = set()
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if text.lower() not in spelling:
            problems.append(Problem(name, f"there is no {what} {text[:40]!r}: use {', '.join(known)}"))
            continue
        wanted.add(spelling[text.lower()])
    return tuple(k for k in known if k in wanted)


def _id(given: Mapping[str, Any], name: str, problems: list[Problem]) -> str | None:
    if name not in given:
        return None
    value = str(given[name])
    if not _ID.fullmatch(value):
        problems.append(Problem(name, f"{value[:40]!r} is not an id"))
        return None
    return value


def checked_title(value: str | None) -> str | None:
    """A map's title as given (spaces folded; empty: None), or InvalidInput naming the fault."""
    problems: list[Problem] = []
    title = _title(value, problems)
    if problems:
        raise InvalidInput("the title cannot be used", problems)
    return title


def _title(value: Any, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_TITLE:
        problems.append(Problem("title", f"at most {MAX_TITLE} characters, not {len(text)}"))
        return None
    if _CONTROL.search(text):
        problems.append(Problem("title", "contains control characters"))
        return None
    return text or None


def _lang(value: Any, problems: list[Problem]) -> str:
    lang = str(value).lower()
    if lang not in ("da", "en"):
        problems.append(Problem("lang", f"da or en, not {lang[:10]!r}"))
        return "da"
    return lang
