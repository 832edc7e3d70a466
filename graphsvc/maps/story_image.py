"""The growth story as slide images: one 1920×1080 PNG per step, all drawn in the same frame
(the bounds of every step's places), so that flipping through them shows the network grow in
place. The map's look is the difference map's (:mod:`graphsvc.maps.difference_payload`): ties
gained solid blue, lost dashed vermillion, unchanged grey; partners that joined with a blue
border, those that left grey. The step's heading, sentence and measures stand on the right.

Names are data: every text is drawn with ``parse_math=False``.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from collections.abc import Sequence

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from graphsvc.maps.deck import DeckStep
from graphsvc.maps.difference_payload import CHANGE_STYLES
from graphsvc.maps.image import _DRAWING, _RC, DPI, HEIGHT, WIDTH  # one drawing at a time, one look
from graphsvc.maps.story import StoryStep
from graphsvc.maps.style import KIND_SHAPES, MARKERS, NO_SECTOR_COLOUR, SECTOR_COLOURS

__all__ = ["story_images_zip", "story_png"]

_MAP_BOX = (0.01, 0.02, 0.70, 0.96)
_LOST_FILL = "#D9D9D9"
_LABELS_AT_MOST = 40  # names written on a slide


def _frame(steps: Sequence[StoryStep]) -> tuple[float, float, float, float]:
    xs = [n.x for s in steps for n in s.drawn.nodes] or [0.0]
    ys = [n.y for s in steps for n in s.drawn.nodes] or [0.0]
    pad = 40.0
    left, right, top, bottom = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    box_w, box_h = _MAP_BOX[2] * WIDTH, _MAP_BOX[3] * HEIGHT
    scale = min(box_w / (right - left), box_h / (bottom - top))
    extra_x = (box_w / scale - (right - left)) / 2
    extra_y = (box_h / scale - (bottom - top)) / 2
    return left - extra_x, right + extra_x, top - extra_y, bottom + extra_y


def story_png(step: StoryStep, words: DeckStep, frame: tuple[float, float, float, float]) -> bytes:
    """One step as a PNG: its map in ``frame`` (left, right, top, bottom), its words beside."""
    with _DRAWING, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, facecolor="white")
        FigureCanvasAgg(fig)
        ax = fig.add_axes(_MAP_BOX)
        ax.set_axis_off()
        left, right, top, bottom = frame
        ax.set_xlim(left, right)
        ax.set_ylim(bottom, top)  # the page's y axis points down
        at = {n.id: (n.x, n.y) for n in step.drawn.nodes}
        for change in ("unchanged", "lost", "gained"):
            style = CHANGE_STYLES[change]  # type: ignore[index]
            lines = [(at[t.source], at[t.target]) for t in step.drawn.ties if t.change == change]
            if lines:
                ax.add_collection(
                    LineCollection(
                        lines,
                        colors=style.colour,
                        linewidths=style.width * 0.6,
                        linestyles="dashed" if style.dashed else "solid",
                        alpha=0.55 if change == "unchanged" else 0.95,
                        zorder=2 if change != "unchanged" else 1,
                    )
                )
        for node in step.drawn.nodes:
            fill = (
                _LOST_FILL
                if node.status == "lost"
                else SECTOR_COLOURS.get(node.sector or "", NO_SECTOR_COLOUR)
            )
            edge = CHANGE_STYLES["gained"].colour if node.status == "gained" else "white"
            ax.scatter(
                [node.x],
                [node.y],
                marker=MARKERS.get(KIND_SHAPES.get(node.kind, "dot"), "o"),
                s=(node.size * 1.2) ** 2,
                c=fill,
                edgecolors=edge,
                linewidths=2.5 if node.status == "gained" else 0.5,
                zorder=3,
            )
        # The new partners' names first, then the best connected, as many as stay readable.
        named = sorted(step.drawn.nodes, key=lambda n: (n.status != "gained", -n.degree, n.name))
        for node in named[:_LABELS_AT_MOST]:
            ax.annotate(
                node.name,
                (node.x, node.y),
                xytext=(8, 4),
                textcoords="offset points",
                fontsize=10,
                weight="bold" if node.status == "gained" else "normal",
                parse_math=False,
                zorder=4,
            )
        _words(fig, words)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=DPI, metadata={"Software": "graphsvc"})
    return out.getvalue()


def _words(fig: Figure, words: DeckStep) -> None:
    x = _MAP_BOX[0] + _MAP_BOX[2] + 0.02
    heading = "\n".join(textwrap.wrap(words.heading, 28)[:3])
    fig.text(x, 0.96, heading, fontsize=22, weight="bold", va="top", parse_math=False)
    y = 0.96 - 0.05 * (heading.count("\n") + 1) - 0.01
    text = "\n".join(textwrap.wrap(words.text, 42)[:8])
    fig.text(x, y, text, fontsize=13, va="top", parse_math=False, linespacing=1.4)
    y -= 0.032 * (text.count("\n") + 1) + 0.03
    for label, value in words.measures:
        fig.text(x, y, label, fontsize=12, color="#555555", va="top", parse_math=False)
        fig.text(x, y - 0.026, value, fontsize=17, weight="bold", va="top", parse_math=False)
        y -= 0.07


def story_images_zip(steps: Sequence[StoryStep], words: Sequence[DeckStep], *, stem: str) -> bytes:
    """Every step as ``<stem>-01.png``, ``<stem>-02.png``… in one ZIP file."""
    frame = _frame(steps)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for n, (step, deck_step) in enumerate(zip(steps, words, strict=True), start=1):
            archive.writestr(f"{stem}-{n:02d}.png", story_png(step, deck_step, frame))
    return out.getvalue()
