"""The difference map as the data its page reads, in Danish or English: the columns of every
map page (:mod:`graphsvc.maps.payload`) plus ``changes``, the lines that changed.

How it looks, for a projector and for colour-blind readers: ties gained are solid blue lines,
ties lost dashed vermillion lines (the Okabe–Ito pair that stays apart in every common form of
colour blindness; the dashes tell them apart in grey print too), and unchanged ties faint
grey strokes behind them. Partners that joined get a thick blue border; those that left a
dashed vermillion border and a grey fill. Nodes keep their kind's shape and their sector's
colour, lightened, so that the lines — the point of this map — stand out against them (the
public sector's blue is the colour of a gained tie).

Names are data: they go into the payload as JSON strings and the page shows them as canvas
text, ``textContent`` or vis-network tooltips given as strings.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from graphsvc.maps.difference import Change, DifferenceMap, DrawnNode, TieKey
from graphsvc.maps.style import KIND_SHAPES, NO_SECTOR_COLOUR, SECTOR_COLOURS
from graphsvc.maps.words import WORDS as MAP_WORDS
from graphsvc.maps.words import arena_name, kind_name, sector_name, thousands

__all__ = ["CHANGE_STYLES", "MomentLabel", "difference_payload", "difference_title", "moment_text"]


class LineStyle(NamedTuple):
    colour: str
    width: float
    dashed: bool


CHANGE_STYLES: dict[Change, LineStyle] = {
    "gained": LineStyle("#0072B2", 4.0, False),  # Okabe–Ito blue
    "lost": LineStyle("#D55E00", 4.0, True),  # Okabe–Ito vermillion
    "unchanged": LineStyle("#7D8894", 1.0, False),  # drawn faint, behind the changes
}
_NODE_MARKS: dict[str, LineStyle] = {
    "gained": LineStyle(CHANGE_STYLES["gained"].colour, 5.0, False),
    "lost": LineStyle(CHANGE_STYLES["lost"].colour, 4.0, True),
}
_LOST_FILL = "#D9D9D9"  # a partner that left is drawn greyed out
_LIGHTEN = 0.5  # how far a sector's colour is mixed with white
_KIND_ORDER = ("Association", "Business", "MunicipalUnit", "Organisation", "Initiative", "TargetGroup")
_SHAPES = KIND_SHAPES | {"TargetGroup": "hexagon"}
# What the shared page script reads from ``words`` (see graphsvc/maps/static/map.js).
_PANEL_WORDS = (
    "kind",
    "sector",
    "arenas",
    "area",
    "degree",
    "search",
    "search_none",
    "pick",
    "close",
    "details",
    "size",
    "highlights",
    "isolated",
    "fit",
)
_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip

WORDS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Ændringer fra {before} til {after}",
        "now": "nu",
        "ties": "Forbindelser",
        "gained": "Ny forbindelse",
        "lost": "Mistet forbindelse",
        "unchanged": "Uændret forbindelse",
        "node_gained": "Kommet til",
        "node_lost": "Faldet fra (grå)",
        "partners": "Partnere",
        "summary": "{gained} nye og {lost} mistede forbindelser, {unchanged} uændrede",
        "size": "Størrelse: antal forbindelser (før og efter)",
        "content": "Kortet viser partnerskabet: aktører, indsatser og målgrupper. Unge og "
        "kontaktpersoner indgår ikke i øjebliksbilleder.",
        "note_gained": "Kommet til siden {before}.",
        "note_lost": "Var med {before}, men ikke {after}.",
        "note_ties": "Nye forbindelser: {gained}. Mistede: {lost}.",
        "line_gained": "Ny forbindelse",
        "line_lost": "Mistet forbindelse",
        "line_unchanged": "Uændret",
        "COLLABORATES_WITH": "samarbejder med",
        "REFERS_TO": "henviser til",
        "FUNDS": "støtter økonomisk",
        "PARTICIPATES_IN": "deltager i",
        "TARGETS": "henvender sig til",
    },
    "en": {
        "title": "Changes from {before} to {after}",
        "now": "now",
        "ties": "Ties",
        "gained": "Tie gained",
        "lost": "Tie lost",
        "unchanged": "Unchanged tie",
        "node_gained": "Joined",
        "node_lost": "Left (grey)",
        "partners": "Partners",
        "summary": "{gained} ties gained, {lost} lost, {unchanged} unchanged",
        "size": "Size: number of ties (before and after)",
        "content": "The map shows the partnership: actors, initiatives and target groups. Young "
        "people and contact persons are never part of a snapshot.",
        "note_gained": "Joined since {before}.",
        "note_lost": "Was part of it {before}, not {after}.",
        "note_ties": "Ties gained: {gained}. Lost: {lost}.",
        "line_gained": "Tie gained",
        "line_lost": "Tie lost",
        "line_unchanged": "Unchanged",
        "COLLABORATES_WITH": "collaborates with",
        "REFERS_TO": "refers to",
        "FUNDS": "funds",
        "PARTICIPATES_IN": "takes part in",
        "TARGETS": "is aimed at",
    },
}


@dataclass(frozen=True)
class MomentLabel:
    """One end of the comparison as the map names it: a snapshot's name and day, or now."""

    name: str
    day: datetime.date
    is_now: bool


def moment_text(moment: MomentLabel, lang: str) -> str:
    """ "Kick-off (15. januar 2026)", or "nu"."""
    if moment.is_now:
        return WORDS[lang]["now"]
    month = _MONTHS[lang][moment.day.month - 1]
    day = (
        f"{moment.day.day}. {month} {moment.day.year}"
        if lang == "da"
        else (f"{moment.day.day} {month} {moment.day.year}")
    )
    return f"{moment.name} ({day})"


def difference_title(before: MomentLabel, after: MomentLabel, lang: str) -> str:
    return WORDS[lang]["title"].format(before=moment_text(before, lang), after=moment_text(after, lang))


def difference_payload(
    m: DifferenceMap, *, before: MomentLabel, after: MomentLabel, lang: str
) -> dict[str, Any]:
    """The JSON-ready data of the difference map's page in ``lang`` (module docstring)."""
    words, map_words = WORDS[lang], MAP_WORDS[lang]
    moments = {"before": moment_text(before, lang), "after": moment_text(after, lang)}
    kinds = sorted({n.kind for n in m.nodes}, key=_KIND_ORDER.index)
    sectors = [s for s in SECTOR_COLOURS if any(n.sector == s for n in m.nodes)]
    areas = sorted(m.areas)
    index = {n.id: i for i, n in enumerate(m.nodes)}
    names = {n.id: n.name for n in m.nodes}
    marks = [code for code in _NODE_MARKS if any(n.status == code for n in m.nodes)]
    columns: dict[str, list[Any]] = {
        "id": [n.id for n in m.nodes],
        "label": [n.name for n in m.nodes],
        "kind": [kinds.index(n.kind) for n in m.nodes],
        "sector": [sectors.index(n.sector) if n.sector else -1 for n in m.nodes],
        "x": [n.x for n in m.nodes],
        "y": [n.y for n in m.nodes],
        "size": [n.size for n in m.nodes],
        "area": [areas.index(n.area) if n.area and n.area in m.areas else -1 for n in m.nodes],
        "arenas": [[arena_name(a, lang) for a in n.arenas] for n in m.nodes],
        "count": [0] * len(m.nodes),
        "band": [""] * len(m.nodes),
        "mark": [marks.index(n.status) if n.status else -1 for n in m.nodes],
        "fill": [_LOST_FILL if n.status == "lost" else "" for n in m.nodes],
        "degree": [n.degree for n in m.nodes],
    }
    notes = {str(i): _notes(n, words, moments) for i, n in enumerate(m.nodes)}
    classes: list[Change] = ["gained", "lost", "unchanged"]
    unchanged: list[int] = []
    changed: list[list[Any]] = []
    for line in m.ties:
        ends = [index[line.source], index[line.target]]
        if line.change == "unchanged":
            unchanged += (*ends, 1)
        else:
            changed.append(
                [*ends, classes.index(line.change), _tooltip(line.change, line.ties, names, words)]
            )
    return {
        "lang": lang,
        "title": difference_title(before, after, lang),
        "kind": "changes",
        "metric": "degree",
        "nodes": columns,
        "edges": unchanged,
        "notes": {k: v for k, v in notes.items() if v},
        "kinds": [{"code": k, "label": kind_name(k, lang), "shape": _SHAPES.get(k, "dot")} for k in kinds],
        "sectors": [
            {"code": s, "label": sector_name(s, lang), "colour": _lighter(SECTOR_COLOURS[s])} for s in sectors
        ],
        "noSectorColour": NO_SECTOR_COLOUR,
        "edgeColour": CHANGE_STYLES["unchanged"].colour,
        "areas": [m.areas[a] for a in areas],
        "marks": [
            {
                "code": code,
                "label": words[f"node_{code}"],
                "colour": _NODE_MARKS[code].colour,
                "width": _NODE_MARKS[code].width,
                "dashed": _NODE_MARKS[code].dashed,
            }
            for code in marks
        ],
        "legend": [words["size"], words["content"]],
        "words": {k: map_words[k] for k in _PANEL_WORDS}
        | {
            "highlights": words["partners"],
            "summary": words["summary"].format(
                gained=thousands(m.gained, lang),
                lost=thousands(m.lost, lang),
                unchanged=thousands(m.unchanged, lang),
            ),
        },
        "changes": {
            "heading": words["ties"],
            "classes": [
                {
                    "code": c,
                    "label": words[c],
                    "colour": CHANGE_STYLES[c].colour,
                    "width": CHANGE_STYLES[c].width,
                    "dashed": CHANGE_STYLES[c].dashed,
                }
                for c in classes
            ],
            "edges": changed,
            "counts": {"gained": m.gained, "lost": m.lost, "unchanged": m.unchanged},
        },
    }


def _lighter(colour: str) -> str:
    """``colour`` (#RRGGBB) mixed with white by :data:`_LIGHTEN`."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * _LIGHTEN):02X}" for c in channels)


def _notes(node: DrawnNode, words: Mapping[str, str], moments: Mapping[str, str]) -> list[str]:
    found = []
    if node.status:
        found.append(words[f"note_{node.status}"].format(**moments))
    if node.ties_gained or node.ties_lost:
        found.append(words["note_ties"].format(gained=node.ties_gained, lost=node.ties_lost))
    return found


def _tooltip(
    change: Change, ties: tuple[TieKey, ...], names: Mapping[str, str], words: Mapping[str, str]
) -> str:
    """ "Ny forbindelse" and one line per tie: "Hvalsø Skole samarbejder med Klatreklubben"."""
    lines = [f"{names[s]} {words.get(t, t.lower())} {names[o]}" for s, t, o in ties]
    return "\n".join([words[f"line_{change}"], *lines])
