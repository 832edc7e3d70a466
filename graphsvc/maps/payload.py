"""A map as the data its page reads: compact columns, every word in the page's language.

The page's script (``static/map.js``) turns this into vis-network nodes and edges. Columns
(one list per field, edges as a flat list of index triples) keep a 3,000-node map with
25,000 ties near 1 MB, about a third of the same data as vis-network objects.

Every name is a JSON string here and becomes canvas text or DOM text in the page; nothing in
the payload is ever HTML.
"""

from __future__ import annotations

from typing import Any

from graphsvc.errors import InvalidInput, Problem
from graphsvc.maps.model import MapData, MapNode
from graphsvc.maps.options import TieClass
from graphsvc.maps.style import (
    EDGE_COLOUR,
    GAP_FILL,
    KIND_SHAPES,
    MARK_STYLES,
    NO_SECTOR_COLOUR,
    SECTOR_COLOURS,
    mark_of,
)
from graphsvc.maps.terms import map_terms
from graphsvc.maps.words import (
    GROUP_KIND,
    WORDS,
    arena_name,
    default_title,
    join,
    kind_name,
    note,
    percent,
    sector_name,
    thousands,
    young_group_label,
)

__all__ = ["map_title", "node_label", "page_payload"]

_PANEL_WORDS = (
    "kind",
    "sector",
    "arenas",
    "area",
    "degree",
    "betweenness",
    "count",
    "age_band",
    "search",
    "search_none",
    "pick",
    "close",
    "details",
    "size",
    "highlights",
    "isolated",
    "fit",
    "ties",
    "legend_toggle",
    "show_all",
    "only_area",
    "all_areas",
    "focus",
    "focus_pick",
    "focus_steps",
    "focus_go",
    "focus_here",
    "focus_clear",
    "focus_on",
    "shown",
)
_MARK_LEGEND = {
    "recruited": "hl_recruited",
    "new_tie": "hl_new_tie",
    "broker": "hl_broker",
    "centre": "hl_centre",
    "spof": "hl_spof",
    "school_gap": "hl_school_gap",
    "gap_area": "hl_gap_area",
    "group_gap": "hl_group_gap",
}


def map_title(m: MapData, lang: str) -> str:
    """The title the caller gave, else one written from what the map shows."""
    o = m.options
    if o.title:
        return o.title
    return default_title(
        o.kind.value,
        lang,
        subject=m.subject,
        area=m.subject if o.area else None,
        source=o.source_arena.value,
        target=o.target_arena.value,
        depth=o.depth,
    )


def node_label(node: MapNode, m: MapData, lang: str) -> str:
    if node.kind == GROUP_KIND:
        return young_group_label(node.count or 0, node.age_band, m.areas.get(node.area or ""), lang)
    rank = next((h.values["rank"] for h in node.highlights if h.code == "broker"), None)
    return f"{rank}. {node.name}" if rank is not None else node.name


def page_payload(m: MapData, lang: str) -> dict[str, Any]:
    """The JSON-ready data of one map page in ``lang`` (module docstring)."""
    words = WORDS[lang]
    arenas = {
        "source": arena_name(m.options.source_arena.value, lang),
        "target": arena_name(m.options.target_arena.value, lang),
    }
    kinds = sorted({n.kind for n in m.nodes}, key=list(KIND_SHAPES).index)
    sectors = [s for s in SECTOR_COLOURS if any(n.sector == s for n in m.nodes)]
    areas = sorted(m.areas)
    index = {n.id: i for i, n in enumerate(m.nodes)}
    kind_at = {k: i for i, k in enumerate(kinds)}
    sector_at = {s: i for i, s in enumerate(sectors)}
    area_at = {a: i for i, a in enumerate(areas)}
    marks = [mark_of(h.code for h in n.highlights) for n in m.nodes]
    used_marks = [code for code in MARK_STYLES if code in set(marks)]
    metric_names = ["degree", "betweenness", "broker"]
    columns: dict[str, list[Any]] = {
        "id": [n.id for n in m.nodes],
        "label": [node_label(n, m, lang) for n in m.nodes],
        "kind": [kind_at[n.kind] for n in m.nodes],
        "sector": [sector_at.get(n.sector or "", -1) for n in m.nodes],
        "x": [n.x for n in m.nodes],
        "y": [n.y for n in m.nodes],
        "size": [n.size for n in m.nodes],
        "area": [area_at.get(n.area or "", -1) for n in m.nodes],
        "arenas": [[arena_name(a, lang) for a in n.arenas] for n in m.nodes],
        "count": [n.count or 0 for n in m.nodes],
        "band": [n.age_band or "" for n in m.nodes],
        "mark": [used_marks.index(c) if c else -1 for c in marks],
        "fill": [GAP_FILL if c == "gap_area" else "" for c in marks],
    }
    for metric in metric_names:
        if any(metric in n.metrics for n in m.nodes):
            columns[metric] = [n.metrics.get(metric) for n in m.nodes]
    notes = {
        str(i): [_note(h.code, h.values, lang, arenas) for h in n.highlights]
        for i, n in enumerate(m.nodes)
        if n.highlights
    }
    edges: list[int] = []
    for e in m.edges:
        edges += (index[e.source], index[e.target], e.weight)
    ties = [t.value for t in TieClass if any(e.tie == t for e in m.edges)]
    return {
        "lang": lang,
        "title": map_title(m, lang),
        "kind": m.options.kind.value,
        "metric": m.options.metric.value,
        "nodes": columns,
        "edges": edges,
        "edgeTies": [ties.index(e.tie) for e in m.edges],
        "ties": [{"code": t, "label": words[f"tie_{t}"]} for t in ties],
        "view": _view(m, index),
        "notes": notes,
        "kinds": [
            {
                "code": k,
                "label": kind_name(k, lang),
                "shape": KIND_SHAPES.get(k, "dot"),
                # Actors can be focused on; young people (a group or one) cannot.
                "focusable": k not in (GROUP_KIND, "YoungPerson"),
            }
            for k in kinds
        ],
        "sectors": [{"code": s, "label": sector_name(s, lang), "colour": SECTOR_COLOURS[s]} for s in sectors],
        "noSectorColour": NO_SECTOR_COLOUR,
        "edgeColour": EDGE_COLOUR,
        "areas": [m.areas[a] for a in areas],
        "areaIds": areas,
        "marks": [
            {
                "code": c,
                "label": words[_MARK_LEGEND[c]].format(top=m.options.top),
                "colour": MARK_STYLES[c].colour,
                "width": MARK_STYLES[c].width,
                "dashed": MARK_STYLES[c].dashed,
            }
            for c in used_marks
        ],
        "legend": _legend(m, lang, arenas),
        "terms": map_terms(m, lang, used_marks),
        "words": {k: words[k] for k in _PANEL_WORDS}
        | {
            "broker": words["broker"].format(**arenas),
            "summary": words["nodes"].format(
                nodes=thousands(len(m.nodes), lang), edges=thousands(len(m.edges), lang)
            ),
        },
    }


def _view(m: MapData, index: dict[str, int]) -> dict[str, Any]:
    """What the page hides and focuses on when it opens (see :mod:`~graphsvc.maps.options`).
    An area or actor that is not on this map is refused, naming it, rather than ignored:
    the page would otherwise open on something other than what was saved."""
    o = m.options
    problems: list[Problem] = []
    if o.only_area is not None and o.only_area not in m.areas:
        problems.append(Problem("only_area", f"no node of this map is in the area {o.only_area!r}"))
    if o.focus is not None and (
        o.focus not in index or m.nodes[index[o.focus]].kind in (GROUP_KIND, "YoungPerson")
    ):
        problems.append(Problem("focus", f"there is no actor {o.focus!r} on this map"))
    if problems:
        raise InvalidInput("the map cannot be drawn", problems)
    return {
        "hide_sectors": list(o.hide_sectors),
        "hide_kinds": list(o.hide_kinds),
        "hide_ties": list(o.hide_ties),
        "only_area": o.only_area,
        "focus": o.focus,
        "focus_steps": o.focus_steps,
    }


def _note(code: str, values: Any, lang: str, arenas: dict[str, str]) -> str:
    if code == "broker":
        return note(
            "broker",
            lang,
            rank=values["rank"],
            sources=values["sources"],
            targets=values["targets"],
            share=percent(values["share"], lang),
            **arenas,
        )
    return note(code, lang, **values)


def _legend(m: MapData, lang: str, arenas: dict[str, str]) -> list[str]:
    """The sentences under the legend's swatches: what size shows, how young people are
    drawn, and for gap maps the missing sectors."""
    words = WORDS[lang]
    lines = [words[f"size_{m.options.metric.value}"].format(**arenas)]
    if any(n.kind == GROUP_KIND for n in m.nodes):
        lines.append(words["size_groups"])
    lines.append(words[f"young_{m.young.value}"])
    missing = m.facts.get("missing", ())
    under = m.facts.get("under_represented", ())
    if "missing" in m.facts:
        lines.append(
            words["missing"].format(sectors=join((sector_name(s, lang).lower() for s in missing), lang))
            if missing
            else words["no_gaps"]
        )
    if under:
        lines.append(words["under"].format(sectors=join((sector_name(s, lang).lower() for s in under), lang)))
    return lines
