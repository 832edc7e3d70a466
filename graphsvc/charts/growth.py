"""The growth chart: how a tenant's network has developed over its snapshots, for a funder's
report, as PNG or SVG, with Danish (default) or English words.

Seven small panels share the snapshots as their x axis, oldest first, each point labelled
with its value: partners and ties between them; components and isolated actors; density;
degree centralisation; cross-sector tie share; E-I index; and, across the bottom, each target
group's reach. A note under the chart says what the measures are measured on. The figure is
drawn with matplotlib's object API and the Agg canvas, so nothing needs a display or fetches
anything; fonts are matplotlib's own (DejaVu Sans, with æ, ø and å).
"""

from __future__ import annotations

import io
import textwrap
import threading
from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from graphsvc.charts.wording import WORDS, date_text, number_text, percent_text
from graphsvc.db.snapshots import Snapshot

__all__ = ["MAX_GROUPS", "growth_chart"]

Language = Literal["da", "en"]
# More target-group lines than this are not readable; the largest groups are drawn.
MAX_GROUPS = 8
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_GREY = "#555555"
# matplotlib's font and text machinery is shared by the whole process.
_DRAWING = threading.Lock()


def growth_chart(
    snapshots: Sequence[Snapshot],
    *,
    tenant: str,
    file_format: Literal["png", "svg"] = "png",
    language: Language = "da",
) -> bytes:
    """The chart of ``snapshots`` (in the order given) as PNG or SVG bytes."""
    if not snapshots:
        raise ValueError("a growth chart needs at least one snapshot")
    words = WORDS[language]
    with _DRAWING:
        # Three rows of panels, then a strip for the target groups' legend (a row of names per
        # three groups) and one for the note.
        legend_rows = max(1, -(-min(_groups_in(snapshots), MAX_GROUPS) // 3))
        figure = Figure(figsize=(12, 9.6 + 0.22 * legend_rows), dpi=150, layout="constrained")
        FigureCanvasAgg(figure)
        grid = figure.add_gridspec(5, 3, height_ratios=(1, 1, 1.15, 0.08 * legend_rows, 0.2))
        x = list(range(len(snapshots)))
        crowded = len(snapshots) > 6
        # The small panels name each snapshot by its day; the wide one below by name and day.
        days = [date_text(s.taken_on, language) for s in snapshots]
        labels = [_tick(s, language, crowded=crowded) for s in snapshots]
        measures = [s.measures for s in snapshots]

        def panel(row: int, column: int, title: str) -> Axes:
            axes = figure.add_subplot(grid[row, column])
            _style(axes, title, x, days if row == 1 else None)
            return axes

        counts = panel(0, 0, words["partners_and_ties"])
        _line(counts, x, [m.actors for m in measures], words["partners"], _COLOURS[0], language)
        _line(counts, x, [m.actor_ties for m in measures], words["ties"], _COLOURS[1], language)
        _counts_axis(counts, language)
        counts.legend(loc="best", fontsize=8, frameon=False)

        parts = panel(0, 1, words["components_title"])
        _line(parts, x, [m.components for m in measures], words["components"], _COLOURS[2], language)
        _line(
            parts, x, [m.isolated_actors for m in measures], words["isolated"], _GREY, language, dashed=True
        )
        _counts_axis(parts, language)
        parts.legend(loc="best", fontsize=8, frameon=False)

        dense = panel(0, 2, words["density"])
        _line(dense, x, [m.density for m in measures], None, _COLOURS[0], language, share=True)
        _share_axis(dense, language, top=None)

        central = panel(1, 0, words["centralisation"])
        _line(
            central, x, [m.degree_centralisation for m in measures], None, _COLOURS[5], language, decimals=2
        )
        central.set_ylim(0, 1.05)
        central.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_text(v, language, decimals=1)))

        cross = panel(1, 1, words["cross_sector"])
        _line(cross, x, [m.cross_sector_tie_share for m in measures], None, _COLOURS[3], language, share=True)
        _share_axis(cross, language, top=1.05)

        ei = panel(1, 2, words["ei"])
        _line(ei, x, [m.ei_index for m in measures], None, _COLOURS[4], language, decimals=2)
        ei.set_ylim(-1.1, 1.1)
        ei.set_yticks([-1, -0.5, 0, 0.5, 1])
        ei.axhline(0, color=_GREY, linewidth=0.8)
        ei.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_text(v, language, decimals=1)))

        reach = figure.add_subplot(grid[2, :])
        _style(reach, words["reach"], x, labels)
        _reach_lines(reach, x, snapshots, language)
        _share_axis(reach, language, top=1.05)

        legend, note = figure.add_subplot(grid[3, :]), figure.add_subplot(grid[4, :])
        legend.axis("off")
        note.axis("off")
        handles, names = reach.get_legend_handles_labels()
        if handles:  # groups with the same reach draw over each other: the legend names all
            legend.legend(
                handles, names, loc="center", ncols=min(3, len(handles)), fontsize=8.5, frameon=False
            )
        note.text(
            0.5,
            0.5,
            "\n".join(textwrap.wrap(words["note"], width=170)),
            transform=note.transAxes,
            ha="center",
            va="center",
            fontsize=8.5,
            color=_GREY,
        )
        figure.suptitle(f"{words['title']} – {tenant}", fontsize=15, fontweight="bold")
        out = io.BytesIO()
        if file_format == "svg":
            figure.savefig(
                out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "graphsvc"}
            )
        else:
            figure.savefig(out, format="png", bbox_inches="tight", metadata={"Software": "graphsvc"})
        return out.getvalue()


def _tick(snapshot: Snapshot, language: Language, *, crowded: bool) -> str:
    day = date_text(snapshot.taken_on, language)
    if crowded:  # slanted, one line each
        return f"{textwrap.shorten(snapshot.name, width=24, placeholder='…')}, {day}"
    name = textwrap.shorten(snapshot.name, width=36, placeholder="…")
    return "\n".join(textwrap.wrap(name, width=18)) + "\n" + day


def _style(axes: Axes, title: str, x: list[int], labels: list[str] | None) -> None:
    axes.set_title(title, fontsize=11, loc="left")
    axes.set_xticks(x)
    crowded = len(x) > 6  # long names side by side would overlap: slant them
    axes.set_xticklabels(
        labels if labels is not None else [""] * len(x),
        fontsize=8,
        rotation=35 if crowded else 0,
        ha="right" if crowded else "center",
    )
    axes.set_xlim(-0.4, len(x) - 0.6) if len(x) > 1 else axes.set_xlim(-1, 1)
    axes.grid(axis="y", color="#dddddd", linewidth=0.7)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="y", labelsize=8)


def _line(
    axes: Axes,
    x: list[int],
    values: Sequence[float | None],
    label: str | None,
    colour: str,
    language: Language,
    *,
    share: bool = False,
    decimals: int = 0,
    dashed: bool = False,
    marker: str = "o",
) -> None:
    points = [(i, v) for i, v in zip(x, values, strict=True) if v is not None]
    if not points:
        return
    xs, ys = zip(*points, strict=True)
    axes.plot(
        xs,
        ys,
        marker=marker,
        color=colour,
        label=label,
        linewidth=2,
        linestyle="--" if dashed else "-",
        markersize=5,
    )
    text: Callable[[float], str] = (
        (lambda v: percent_text(v, language, decimals=_share_decimals(ys)))
        if share
        else (lambda v: number_text(v, language, decimals=decimals))
    )
    if len(points) <= 8:
        for i, v in points:
            axes.annotate(
                text(v),
                (i, v),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7.5,
                color=colour,
            )


def _share_decimals(values: Sequence[float]) -> int:
    # Densities of a municipality are a fraction of a percent: show them with a decimal.
    return 1 if max(values) < 0.1 else 0


def _counts_axis(axes: Axes, language: Language) -> None:
    # Room above the highest point for its value.
    axes.set_ylim(0, max(1.0, _highest(axes) * 1.18))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_text(v, language)))


def _share_axis(axes: Axes, language: Language, *, top: float | None) -> None:
    if top is None:
        top = max(_highest(axes) * 1.2, 0.001)
    axes.set_ylim(0, top)
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _: percent_text(v, language, decimals=1 if axes.get_ylim()[1] < 0.1 else 0))
    )


def _highest(axes: Axes) -> float:
    return max(
        (float(v) for line in axes.get_lines() for v in np.asarray(line.get_ydata(), dtype=float)),
        default=0.0,
    )


def _groups_in(snapshots: Sequence[Snapshot]) -> int:
    return len({r.target_group for s in snapshots for r in s.measures.reach})


def _reach_lines(axes: Axes, x: list[int], snapshots: Sequence[Snapshot], language: Language) -> None:
    groups: dict[str, tuple[str, int]] = {}  # id -> (name, largest membership)
    for s in snapshots:
        for r in s.measures.reach:
            size = max(r.members or 0, groups.get(r.target_group, ("", 0))[1])
            groups[r.target_group] = (r.name, size)
    chosen = sorted(groups, key=lambda g: (-groups[g][1], groups[g][0]))[:MAX_GROUPS]
    if not chosen:
        axes.text(
            0.5,
            0.5,
            WORDS[language]["no_groups"],
            transform=axes.transAxes,
            ha="center",
            va="center",
            color=_GREY,
        )
        return
    ordered = sorted(chosen, key=lambda g: groups[g][0])
    for colour, marker, group in zip(_COLOURS, _MARKERS, ordered, strict=False):
        shares = [
            next((r.share for r in s.measures.reach if r.target_group == group), None) for s in snapshots
        ]
        _line(
            axes,
            x,
            shares,
            textwrap.shorten(groups[group][0], width=50, placeholder="…"),
            colour,
            language,
            share=True,
            marker=marker,
        )
