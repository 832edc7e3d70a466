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
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

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
_LABELLED = 30  # names drawn on big maps: the highlighted nodes and the largest others
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
    language = lang or m.options.lang
    with _DRAWING, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, facecolor="white")
        title = "\n".join(textwrap.wrap(map_title(m, language), 90)[:2])
        fig.text(0.01, 0.975, title, fontsize=20, weight="bold", va="top", parse_math=False)
        _draw_map(fig, m, language)
        _draw_legend(fig, m, language)
        out = io.BytesIO()
        metadata = {"Date": None} if image_format == "svg" else {"Software": "graphsvc"}
        fig.savefig(out, format=image_format, dpi=DPI, metadata=metadata)
    return out.getvalue()


def _draw_map(fig: Figure, m: MapData, lang: str) -> None:
    ax = fig.add_axes(_MAP_BOX)
    ax.set_axis_off()
    if not m.nodes:
        return
    xs = [n.x for n in m.nodes]
    ys = [n.y for n in m.nodes]
    pad = 40.0
    left, right, top, bottom = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
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
    labelled = sorted(m.nodes, key=lambda n: (not n.highlights, -n.size, n.id))
    for n in labelled[: len(m.nodes) if len(m.nodes) <= 60 else _LABELLED]:
        # A light box rather than a stroke effect: effects turn SVG text into outlines.
        ax.text(
            n.x,
            n.y + n.size + 6,
            node_label(n, m, lang),
            fontsize=9 if n.highlights else 8,
            ha="center",
            va="top",
            zorder=4,
            parse_math=False,
            clip_on=True,
            bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.6},
        )


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
