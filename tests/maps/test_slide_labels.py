"""The demo's gaps map as a 1920×1080 slide: names stay apart, stay on the slide, and do not
hide the nodes of the dense middle (only a highlighted name that fits nowhere else may)."""

from __future__ import annotations

from typing import Any

import matplotlib
import networkx as nx
import pytest

from graphsvc.analytics import gap_report, network_to_graph
from graphsvc.demo.generator import generate_demo
from graphsvc.maps import MapData, MapInputs, build_map, map_options
from graphsvc.maps.image import _RC, _figure


@pytest.fixture(scope="module")
def gaps_map() -> MapData:
    G: nx.DiGraph = network_to_graph(generate_demo(tenant="demo", size="small"))
    return build_map(
        G,
        map_options("gaps", {"target_group": "tg-loneliness"}),
        individuals_allowed=False,
        inputs=MapInputs(report=gap_report(G, "tg-loneliness")),
    )


def _drawn(m: MapData) -> dict[str, Any]:
    """The name boxes, node discs (pixels) and map frame of the drawn slide."""
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = _figure(m, "da")
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        per_unit = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
        return {
            "names": [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts],
            "discs": [(*ax.transData.transform((n.x, n.y)), n.size * per_unit) for n in m.nodes],
            "frame": ax.get_window_extent(renderer),
            "highlighted": {n.name for n in m.nodes if n.highlights},
        }


def _crosses(a: Any, b: Any) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1


def _hides(box: Any, x: float, y: float, r: float) -> bool:
    nearest = min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)
    return ((x - nearest[0]) ** 2 + (y - nearest[1]) ** 2) ** 0.5 < r - 1


def test_names_on_the_gaps_slide_leave_each_other_and_the_nodes_free(gaps_map: MapData) -> None:
    drawn = _drawn(gaps_map)
    names, frame = drawn["names"], drawn["frame"]
    assert len(names) >= 40, "the slide names its larger nodes, not only the highlighted ones"
    crossing = {
        i for i, (_, a) in enumerate(names) for j, (_, b) in enumerate(names) if i != j and _crosses(a, b)
    }
    hiding = [text for text, box in names if any(_hides(box, *disc) for disc in drawn["discs"])]
    outside = [
        t
        for t, b in names
        if b.x0 < frame.x0 - 0.5 or b.x1 > frame.x1 + 0.5 or b.y0 < frame.y0 - 0.5 or b.y1 > frame.y1 + 0.5
    ]
    share = len(crossing) / len(names), len(hiding) / len(names)
    print(f"{len(names)} names, {share[0]:.0%} crossing, {share[1]:.0%} on a node")
    assert len(crossing) / len(names) < 0.05
    assert outside == []
    assert set(hiding) <= drawn["highlighted"], "a name hides a node though it could have been left out"
    assert len(hiding) / len(names) < 0.05
