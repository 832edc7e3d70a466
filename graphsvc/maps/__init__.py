"""Interactive network maps: a tenant's graph and the analytics results as a vis-network page,
drawn at places computed on the server, and as slide images.

Pure: no database, no web. ``options`` (what a map shows), ``select`` (which nodes), ``build``
(nodes, ties, sizes, highlights, young people grouped), ``layout`` (seeded positions),
``style`` and ``words`` (how it looks and what it says, Danish and English), ``payload`` (the
data of one page), ``page`` (the self-contained HTML and its Content-Security-Policy),
``image`` (PNG and SVG), ``assets`` (vis-network from the pyvis package, the page's files);
``difference`` and ``difference_payload``: the map of what changed between two snapshots.
"""

from graphsvc.maps.build import MAX_MAP_NODES, MapInputs, build_map, young_people_shown
from graphsvc.maps.model import Highlight, MapData, MapEdge, MapNode
from graphsvc.maps.options import MapKind, MapOptions, Metric, YoungPeople, map_options
from graphsvc.maps.page import content_security_policy, render_page, safe_json
from graphsvc.maps.payload import map_title, page_payload

__all__ = [
    "MAX_MAP_NODES",
    "Highlight",
    "MapData",
    "MapEdge",
    "MapInputs",
    "MapKind",
    "MapNode",
    "MapOptions",
    "Metric",
    "YoungPeople",
    "build_map",
    "content_security_policy",
    "map_options",
    "map_title",
    "page_payload",
    "render_page",
    "safe_json",
    "young_people_shown",
]
