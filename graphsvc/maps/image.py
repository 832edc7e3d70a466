"""A map as a slide image: PNG or SVG, 1920×1080, from the same layout as the page.

Drawn with matplotlib's object API (no pyplot, no display): the ties as one line collection,
the nodes as markers in their sector's colour and kind's shape, highlighted nodes with their
border, the names of the largest and highlighted nodes, and a legend on the right.

Names are data here too: every text is drawn with ``parse_math=False`` (a name with ``$`` signs
is not typeset as a formula), SVG keeps text as escaped ``<text>`` (``svg.fonttype: none``)
so it stays editable in a slide program, and the SVG carries no date, so the same map gives
the same file. matplotlib's settings are global, so images are drawn one at a time.
"""

from __future__ import annotations

import io
import textwrap
import threading
from collections import defaultdict
from typing import Any, Literal

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graphsvc.maps.explored import explored
from graphsvc.maps.model import MapData, MapNode
from graphsvc.maps.payload import map_title, node_label, page_payload
from graphsvc.maps.style import (
    EDGE_COLOUR,
    GAP_FILL,
    KIND_SHAPES,
    MARK_STYLES,
    MARKERS,
    NO_SECTOR_COLOUR,
    SECTOR_COLOURS,
    mark_of,
)

__all__ = ["ImageFormat", "render_image"]

ImageFormat = Literal["png", "svg"]

WIDTH, HEIGHT, DPI = 19.2, 10.8, 100  # inches at 100 dpi: 1920×1080 pixels
_LABELLED_AT_MOST = 60  # names tried besides the highlighted ones, largest first
# Text sizes in points at 100 dpi: 11 pt is 15 pixels, the least a name on a 1920×1080
# projector is read by from the back of a room.
_LABEL_PT = 11.0
_HIGHLIGHT_PT = 12.5
_FAINT_FROM = 2_000  # ties; more make each fainter
_RASTER_FROM = 5_000  # ties; more are embedded in an SVG as a bitmap
_MAP_BOX = (0.01, 0.02, 0.76, 0.86)  # left, bottom, width, height of the map, figure fractions
_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "graphsvc",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
}
_DRAWING = threading.Lock()


def render_image(m: MapData, image_format: ImageFormat, *, lang: str | None = None) -> bytes:
    """The map ``m`` as a PNG or SVG file (see the module docstring)."""
    if image_format not in ("png", "svg"):
        raise ValueError(f"no image format {image_format!r}")
    m = explored(m)  # what a saved view's legend, area and focus leave drawn
    with _DRAWING, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = _figure(m, lang or m.options.lang)
        out = io.BytesIO()
        metadata = {"Date": None} if image_format == "svg" else {"Software": "graphsvc"}
        fig.savefig(out, format=image_format, dpi=DPI, metadata=metadata)
    return out.getvalue()


def _figure(m: MapData, lang: str) -> Figure:
    """The drawn slide (call under ``_DRAWING`` and ``_RC``)."""
    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)  # measures the names, so they can be placed apart
    title = "\n".join(textwrap.wrap(map_title(m, lang), 90)[:2])
    fig.text(0.01, 0.975, title, fontsize=20, weight="bold", va="top", parse_math=False)
    _draw_map(fig, m, lang)
    _draw_legend(fig, m, lang)
    return fig


def _draw_map(fig: Figure, m: MapData, lang: str) -> None:
    ax = fig.add_axes(_MAP_BOX)
    ax.set_axis_off()
    if not m.nodes:
        return
    xs = [n.x for n in m.nodes]
    ys = [n.y for n in m.nodes]
    # Room for the largest node and a name beside the outermost ones.
    pad = max(n.size for n in m.nodes) + 30.0
    left, right, top, bottom = min(xs) - 2 * pad, max(xs) + 2 * pad, min(ys) - pad, max(ys) + pad
    # Widen the narrower side so the layout keeps its proportions in the map's box.
    box_points = _MAP_BOX[2] * WIDTH * 72, _MAP_BOX[3] * HEIGHT * 72
    scale = min(box_points[0] / (right - left), box_points[1] / (bottom - top))  # pt per px
    extra_x = (box_points[0] / scale - (right - left)) / 2
    extra_y = (box_points[1] / scale - (bottom - top)) / 2
    ax.set_xlim(left - extra_x, right + extra_x)
    ax.set_ylim(bottom + extra_y, top - extra_y)  # the page's y axis points down
    at = {n.id: (n.x, n.y) for n in m.nodes}
    segments = [(at[e.source], at[e.target]) for e in m.edges]
    widths = [min(2.5, 0.3 + 0.25 * e.weight**0.5) for e in m.edges]
    # Thousands of ties would paint a solid grey mass: the more there are, the fainter each.
    alpha = 0.45 * min(1.0, (_FAINT_FROM / max(len(m.edges), 1)) ** 0.5)
    # Beyond that many, ties go into the SVG as one embedded bitmap rather than a path each.
    ax.add_collection(
        LineCollection(
            segments,
            colors=EDGE_COLOUR,
            linewidths=widths,
            alpha=max(alpha, 0.08),
            zorder=1,
            rasterized=len(m.edges) > _RASTER_FROM,
        )
    )
    layers: dict[tuple[str, str | None], list[MapNode]] = defaultdict(list)
    for n in m.nodes:
        layers[KIND_SHAPES.get(n.kind, "dot"), mark_of(h.code for h in n.highlights)].append(n)
    for (shape, mark), nodes in sorted(layers.items(), key=lambda kv: (kv[0][1] is not None, kv[0])):
        style = MARK_STYLES.get(mark) if mark else None
        ax.scatter(
            [n.x for n in nodes],
            [n.y for n in nodes],
            marker=MARKERS.get(shape, "o"),
            s=[max(2.0, 2 * n.size * scale) ** 2 for n in nodes],
            c=[_fill(n, mark) for n in nodes],
            edgecolors=style.colour if style else "white",
            linewidths=style.width * 0.6 if style else 0.4,
            linestyles="dashed" if style and style.dashed else "solid",
            zorder=3 if style else 2,
        )
    _draw_labels(fig, ax, m, lang, scale)


def _draw_labels(fig: Figure, ax: Any, m: MapData, lang: str, scale: float) -> None:
    """Names, most important first (highlighted nodes, then the largest): each goes beside its
    node (below, above, right, left, then the corners, then a step further out), at the first
    place where it covers no name already drawn and no other node and stays inside the map's
    box; a name that fits nowhere is left out, unless its node is highlighted (then it goes
    where it covers least, shifted inside the box). In the dense middle of a map a name would
    otherwise hide the nodes it sits among."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # an Agg canvas
    frame = ax.get_window_extent(renderer)
    to_data = ax.transData.inverted()
    radius = {n.id: n.size * scale * DPI / 72 for n in m.nodes}  # in pixels
    discs = [(*ax.transData.transform((n.x, n.y)), radius[n.id]) for n in m.nodes]
    taken: list[Any] = []
    ranked = sorted(m.nodes, key=lambda n: (not n.highlights, -n.size, n.id))
    tried = 0
    for n in ranked:
        if not n.highlights:
            if tried >= _LABELLED_AT_MOST:
                break
            tried += 1
        # A light box rather than a stroke effect: effects turn SVG text into outlines.
        text = ax.text(
            n.x,
            n.y,
            node_label(n, m, lang),
            fontsize=_HIGHLIGHT_PT if n.highlights else _LABEL_PT,
            weight="bold" if n.highlights else "normal",
            zorder=4,
            parse_math=False,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
        )
        centre = ax.transData.transform((n.x, n.y))
        best: tuple[tuple[float, float, float], tuple[float, float], tuple[str, str]] | None = None
        for (dx, dy), align in _places(radius[n.id] + 3):
            point = centre[0] + dx, centre[1] + dy
            text.set_position(tuple(to_data.transform(point)))
            text.set_ha(align[0])
            text.set_va(align[1])
            box = text.get_window_extent(renderer)
            shift = _inside(box, frame)
            box = box.translated(*shift)
            # Least overlap with names first, then with nodes; of equals, the one that had to
            # move least to stay inside.
            cost = (
                sum(_overlap(box, other) for other in taken),
                sum(_covers(box, disc) for disc in discs),
                abs(shift[0]) + abs(shift[1]),
            )
            if best is None or cost < best[0]:
                best = cost, (point[0] + shift[0], point[1] + shift[1]), align
            if cost == (0.0, 0.0, 0.0):
                break
        assert best is not None
        if (best[0][0] > 0 or best[0][1] > 0) and not n.highlights:
            text.remove()
            continue
        text.set_position(tuple(to_data.transform(best[1])))
        text.set_ha(best[2][0])
        text.set_va(best[2][1])
        taken.append(text.get_window_extent(renderer))


def _places(reach: float) -> list[tuple[tuple[float, float], tuple[str, str]]]:
    """Where a name may go, best first: offsets from its node's centre (display pixels, y up)
    and the alignment that puts the name on that side, ``reach`` pixels from the centre."""
    places = []
    for step in (reach, reach + 14.0, reach + 28.0):
        corner = step * 0.75
        places += [
            ((0.0, -step), ("center", "top")),
            ((0.0, step), ("center", "bottom")),
            ((step, 0.0), ("left", "center")),
            ((-step, 0.0), ("right", "center")),
            ((corner, -corner), ("left", "top")),
            ((-corner, -corner), ("right", "top")),
            ((corner, corner), ("left", "bottom")),
            ((-corner, corner), ("right", "bottom")),
        ]
    return places


def _covers(box: Any, disc: tuple[float, float, float]) -> float:
    """How deep ``box`` reaches into a node's disc (pixels; 0 when it misses it or only grazes
    its rim by a pixel)."""
    x, y, r = disc
    nearest_x = min(max(x, box.x0), box.x1)
    nearest_y = min(max(y, box.y0), box.y1)
    depth = r - ((x - nearest_x) ** 2 + (y - nearest_y) ** 2) ** 0.5
    return float(depth) if depth > 1 else 0.0


def _inside(box: Any, frame: Any) -> tuple[float, float]:
    """How far to move ``box`` so it lies within ``frame`` (display coordinates)."""
    dx = max(frame.x0 - box.x0, 0.0) + min(frame.x1 - box.x1, 0.0)
    dy = max(frame.y0 - box.y0, 0.0) + min(frame.y1 - box.y1, 0.0)
    return float(dx), float(dy)


def _overlap(a: Any, b: Any) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return float(w * h) if w > 0 and h > 0 else 0.0


def _fill(n: MapNode, mark: str | None) -> str:
    if mark == "gap_area":
        return GAP_FILL
    return SECTOR_COLOURS.get(n.sector or "", NO_SECTOR_COLOUR)


def _draw_legend(fig: Figure, m: MapData, lang: str) -> None:
    """Swatches and sentences in the right-hand column, from the same words as the page."""
    payload = page_payload(m, lang)
    words = payload["words"]
    ax = fig.add_axes((0.79, 0.02, 0.2, 0.86))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    y = 0.98
    rows: list[tuple[str, list[tuple[Line2D, str]]]] = [
        (words["sector"], [(_swatch("o", s["colour"]), s["label"]) for s in payload["sectors"]]),
        (
            words["kind"],
            [(_swatch(MARKERS.get(k["shape"], "o"), "#777777"), k["label"]) for k in payload["kinds"]],
        ),
        (
            words["highlights"],
            [
                (_swatch("o", "white", mark["colour"], mark["dashed"]), mark["label"])
                for mark in payload["marks"]
            ],
        ),
    ]
    for heading, items in rows:
        if not items:
            continue
        ax.text(0, y, heading, fontsize=13, weight="bold", va="top", parse_math=False)
        y -= 0.04
        for swatch, text in items:
            swatch.set_data([0.03], [y - 0.012])
            ax.add_line(swatch)
            ax.text(0.08, y, text, fontsize=11, va="top", parse_math=False)
            y -= 0.032
        y -= 0.015
    for line in payload["legend"]:
        wrapped = "\n".join(textwrap.wrap(line, 40))
        ax.text(0, y, wrapped, fontsize=10.5, va="top", color="#333333", parse_math=False)
        y -= 0.03 * (wrapped.count("\n") + 1) + 0.01


def _swatch(marker: str, colour: str, edge: str = "white", dashed: bool = False) -> Line2D:
    return Line2D(
        [],
        [],
        marker=marker,
        markersize=11,
        markerfacecolor=colour,
        markeredgecolor=edge,
        markeredgewidth=2.0 if edge != "white" else 0.5,
        linestyle="none",
        fillstyle="full",
        dash_capstyle="butt" if dashed else "round",
    )
