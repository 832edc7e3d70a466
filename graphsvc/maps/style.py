"""How a map looks: colour by sector, shape by kind, size by metric, marks for highlights.

One table serves the browser (vis-network shape names) and the slide images (matplotlib
markers), so the interactive map, the PNG and the SVG agree. Colours are the Okabe–Ito
palette, which stays distinguishable for colour-blind readers and on a washed-out projector;
red is kept for gaps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from graphsvc.maps.words import GROUP_KIND

__all__ = [
    "CHANGE_COLOUR",
    "EDGE_COLOUR",
    "GAP_COLOUR",
    "GAP_FILL",
    "HIGHLIGHT_COLOUR",
    "KIND_SHAPES",
    "MARKERS",
    "MARK_STYLES",
    "NO_SECTOR_COLOUR",
    "SECTOR_COLOURS",
    "MarkStyle",
    "mark_of",
    "node_sizes",
]

SECTOR_COLOURS: dict[str, str] = {
    "public": "#0072B2",
    "civil_society": "#009E73",
    "business": "#E69F00",
    "philanthropy": "#CC79A7",
    "knowledge": "#56B4E9",
    "citizens": "#8C8C8C",
}
NO_SECTOR_COLOUR = "#B9B9B9"  # initiatives and areas have no sector
EDGE_COLOUR = "#9AA5B1"
HIGHLIGHT_COLOUR = "#1A1A1A"  # brokers and the centre of an ego map: a thick dark border
GAP_COLOUR = "#D62728"  # gaps: a red dashed border
GAP_FILL = "#F6C4C4"  # a gap area's own node
CHANGE_COLOUR = "#0072B2"  # what a what-if would add: Okabe–Ito blue, as a tie gained

# Kind -> vis-network shape. Shapes whose label is drawn below them (not boxes), so the size
# of a node is its metric and not the length of its name.
KIND_SHAPES: dict[str, str] = {
    "Association": "dot",
    "Business": "square",
    "MunicipalUnit": "triangle",
    "Organisation": "diamond",
    "YoungPerson": "dot",
    GROUP_KIND: "hexagon",
    "Initiative": "star",
    "Area": "triangleDown",
}
# vis-network shape -> matplotlib marker, for the slide images.
MARKERS: dict[str, str] = {
    "dot": "o",
    "square": "s",
    "triangle": "^",
    "diamond": "D",
    "hexagon": "h",
    "star": "*",
    "triangleDown": "v",
}

MIN_SIZE = 8.0
MAX_SIZE = 40.0
YOUNG_PERSON_SIZE = 6.0


def node_sizes(
    values: Mapping[str, float], *, low: float = MIN_SIZE, high: float = MAX_SIZE
) -> dict[str, float]:
    """Sizes from ``low`` to ``high`` by the square root of each value over the largest, so
    the drawn area grows with the value. All ``low`` when every value is zero."""
    top = max(values.values(), default=0.0)
    if top <= 0:
        return dict.fromkeys(values, low)
    return {node: round(low + (high - low) * math.sqrt(max(v, 0.0) / top), 1) for node, v in values.items()}


class MarkStyle(NamedTuple):
    """The border a highlighted node gets."""

    colour: str
    width: float
    dashed: bool


# Highlight code -> border, strongest first: a node with several highlights shows the first.
MARK_STYLES: dict[str, MarkStyle] = {
    # A what-if map (graphsvc.services.whatif_maps): what the change would add, first of all.
    "recruited": MarkStyle(CHANGE_COLOUR, 5.0, False),
    "new_tie": MarkStyle(CHANGE_COLOUR, 4.0, True),
    "spof": MarkStyle(GAP_COLOUR, 5.0, False),
    "gap_area": MarkStyle(GAP_COLOUR, 4.0, True),
    "school_gap": MarkStyle(GAP_COLOUR, 4.0, True),
    "group_gap": MarkStyle(GAP_COLOUR, 3.0, True),
    "broker": MarkStyle(HIGHLIGHT_COLOUR, 5.0, False),
    "centre": MarkStyle(HIGHLIGHT_COLOUR, 5.0, False),
}


def mark_of(codes: Iterable[str]) -> str | None:
    """The highlight whose border a node shows, of the codes it has."""
    present = set(codes)
    return next((code for code in MARK_STYLES if code in present), None)
