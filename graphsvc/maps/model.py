"""A map as data: placed, sized nodes and their ties, in no particular language.

:func:`~graphsvc.maps.build.build_map` makes a :class:`MapData` from a projection and the
analytics results; :mod:`~graphsvc.maps.payload` turns it into the words and numbers of one
page, and :mod:`~graphsvc.maps.image` into a slide image. Names are kept as the data give
them: they are escaped where they are written out, never here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from graphsvc.maps.options import MapOptions, YoungPeople

__all__ = ["Highlight", "MapData", "MapEdge", "MapNode"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Highlight:
    """Why a node stands out: ``code`` is ``broker``, ``spof`` (single point of failure),
    ``school_gap``, ``gap_area``, ``group_gap``, ``centre``, or on a what-if map
    ``recruited`` and ``new_tie``; ``values`` are the numbers and names its note is written
    from."""

    code: str
    values: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, hash=False)


@dataclass(frozen=True)
class MapNode:
    """One node as drawn.

    Attributes
    ----------
    id : str
        The graphsvc id; for a group of young people ``young-group/<area>/<band>`` (``/``
        never occurs in a graphsvc id).
    name : str
        The name, or for a group the empty string (its label is written per language).
    kind : str
        A domain kind (``"Association"``...) or ``"YoungPeopleGroup"``.
    sector, area, age_band : str | None
        Its sector, the id of the area it is located in, a group's age band.
    arenas : tuple[str, ...]
        Its arenas, sorted.
    count : int | None
        Young people in a group.
    metrics : Mapping[str, float]
        ``degree``, ``betweenness`` and ``broker`` where known.
    size : float
        Drawn radius, from the map's metric (groups: from their count).
    x, y : float
        Place, in pixels of the layout.
    highlights : tuple[Highlight, ...]
        Why it stands out, if it does.
    """

    id: str
    name: str
    kind: str
    sector: str | None
    arenas: tuple[str, ...] = ()
    area: str | None = None
    age_band: str | None = None
    count: int | None = None
    metrics: Mapping[str, float] = field(default_factory=lambda: _EMPTY, hash=False)
    size: float = 10.0
    x: float = 0.0
    y: float = 0.0
    highlights: tuple[Highlight, ...] = ()


@dataclass(frozen=True)
class MapEdge:
    """A tie between two drawn nodes; ``weight`` is the number of young people a group's
    tie stands for, or the tie's strength (1 when not recorded); ``tie`` is what it is (a
    :class:`~graphsvc.maps.options.TieClass` value; two actors who both collaborate and refer
    are drawn as collaborating)."""

    source: str
    target: str
    weight: int = 1
    tie: str = "collaboration"


@dataclass(frozen=True)
class MapData:
    """A complete map: what it shows (``options``), its nodes and ties, and the facts its
    legend states.

    ``subject`` is the name of the target group, the centre actor or the area the map is
    about; ``areas`` names every area a node refers to; ``facts`` holds ``missing`` and
    ``under_represented`` sectors for gap maps. ``young`` is how young people were drawn
    (groups when the caller may not see individuals, whatever was asked).
    """

    options: MapOptions
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    young: YoungPeople
    subject: str | None = None
    areas: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False)
    facts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY, hash=False)
