"""Maps as the API serves them: the tenant's cached projection and the analytics results a
map needs, turned into a page or an image for one caller.

What the caller may see decides what is drawn: individual young people only for an audience
that may see them (:mod:`graphsvc.services.audience`; never a share link), no contact person
for one that may not, and no map ever carries ``challenges``. A map's data (nodes, places,
highlights) are kept with the projection, keyed by the options that decide them, until the
tenant's data change; the page or image is written from them for each request, in the
caller's language and title.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from graphsvc.errors import NotFound
from graphsvc.maps import (
    MapData,
    MapInputs,
    MapKind,
    MapOptions,
    Metric,
    build_map,
    render_page,
    young_people_shown,
)
from graphsvc.maps.image import ImageFormat, render_image
from graphsvc.maps.words import default_title
from graphsvc.services import analytics
from graphsvc.services.projection import memoised, projection
from graphsvc.services.scope import Scope

__all__ = ["map_data", "map_image", "map_page", "map_title_for"]


async def map_data(scope: Scope, options: MapOptions) -> MapData:
    """The map ``options`` describes, in the scope's tenant, as its caller may see it."""
    individuals = scope.audience.young_people
    p = await projection(scope)
    _hide_subjects(scope, p.graph, options)
    inputs = await _inputs(scope, options)
    young = young_people_shown(options, individuals_allowed=individuals)
    key = ("map", options.layout_key(), young)
    return await memoised(
        p, key, lambda G: build_map(G, options, individuals_allowed=individuals, inputs=inputs)
    )


async def map_page(scope: Scope, options: MapOptions) -> str:
    """The self-contained HTML page of the map (see :mod:`graphsvc.maps.page`). The page is
    kept with the projection like the map's data: thirty phones opening one share link cost
    one drawing, until the tenant's data change."""
    p = await projection(scope)
    data = await map_data(scope, options)
    young = young_people_shown(options, individuals_allowed=scope.audience.young_people)
    key = ("page", options.to_json(), young)
    return await memoised(p, key, lambda _: render_page(_with_words(data, options)))


async def map_image(scope: Scope, options: MapOptions, image_format: ImageFormat) -> bytes:
    """The map as a 1920×1080 PNG or SVG for slides."""
    data = await map_data(scope, options)
    return await asyncio.to_thread(render_image, _with_words(data, options), image_format)


async def map_title_for(scope: Scope, options: MapOptions) -> str:
    """The title the map of ``options`` shows, without drawing it (for an iframe's title)."""
    if options.title:
        return options.title
    p = await projection(scope)
    subject_id = options.target_group or options.actor or options.area
    node: dict[str, Any] | None = p.graph.nodes.get(subject_id) if subject_id else None
    if node is not None and node["kind"] in {k.value for k in scope.audience.hidden_kinds}:
        node = None
    name = node["name"] if node else None
    return default_title(
        options.kind.value,
        options.lang,
        subject=name,
        area=name if options.area else None,
        source=options.source_arena.value,
        target=options.target_arena.value,
        depth=options.depth,
    )


def _hide_subjects(scope: Scope, graph: Any, options: MapOptions) -> None:
    """A map centred on, or about, a node the caller may not see is refused exactly as one
    about an id that does not exist (the words of :mod:`graphsvc.maps.select`), so that no
    answer tells which ids are young people. A target group is checked by the gap report."""
    hidden = {k.value for k in scope.audience.hidden_kinds}
    for node_id, what in ((options.actor, "actor"), (options.area, "area")):
        if node_id is not None and graph.nodes.get(node_id, {}).get("kind") in hidden:
            raise NotFound(f"there is no {what} with id {node_id!r} in this tenant")


def _with_words(data: MapData, options: MapOptions) -> MapData:
    """The kept map with this request's title and language (the only options that may
    differ: the rest are its key)."""
    return data if data.options == options else replace(data, options=options)


async def _inputs(scope: Scope, options: MapOptions) -> MapInputs:
    """The analytics results this map uses, from the analytics jobs (memoised there)."""
    betweenness = ranking = report = None
    if options.metric is Metric.BETWEENNESS:
        # Betweenness among actors, as a viewer's figures are computed: the same sizes for
        # every caller of a saved view.
        result = await analytics.metrics(scope, include_young_people=False)
        betweenness = {n.node: n.metrics.betweenness for n in result.nodes}
    if options.kind is MapKind.BROKERS or options.metric is Metric.BROKER:
        ranking = await analytics.brokers(
            scope,
            source_arena=options.source_arena,
            target_arena=options.target_arena,
            area=options.area if options.kind is MapKind.BROKERS else None,
            top=analytics.MAX_TOP,
        )
    if options.kind in (MapKind.TARGET_GROUP, MapKind.GAPS):
        if options.target_group is None:  # map_options() makes sure of it
            raise NotFound("this map needs a target group")
        report = await analytics.gaps(scope, options.target_group, hops=options.hops)
    return MapInputs(betweenness=betweenness, ranking=ranking, report=report)
