"""The map of a what-if: the support network of a target group as it would be after a change.

It is the gaps map (:mod:`graphsvc.maps.build`) drawn on the changed copy of the projection
with the gap report after the change, plus two highlights: the actors that would be recruited
and the actors that would get a new tie, each with a note naming whom they would work with.
Removed actors and ties are simply not there. Young people are drawn as groups, as for anyone
on a gaps map who has not asked for individuals; nothing is written anywhere.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from graphsvc.analytics import Scenario, WhatIf
from graphsvc.analytics.whatif import changed_graph
from graphsvc.maps import Highlight, MapData, MapInputs, build_map, map_options, render_page
from graphsvc.maps.words import WORDS
from graphsvc.services import whatif
from graphsvc.services.projection import projection
from graphsvc.services.scope import Scope

__all__ = ["whatif_map_page"]


async def whatif_map_page(
    scope: Scope, target_group: str, scenario: Scenario, *, hops: int = 2, lang: str = "da"
) -> str:
    """The self-contained page of the map of ``scenario`` for ``target_group`` in ``lang``."""
    result = await whatif.what_if(scope, target_group, scenario, hops=hops, brokers=False)
    graph = (await projection(scope)).graph
    title = WORDS[lang if lang in WORDS else "da"]["whatif"].format(subject=result.name)[:200]
    options = map_options(
        "gaps", {"target_group": target_group, "hops": str(hops), "lang": lang, "title": title}
    )
    individuals = scope.audience.young_people

    def draw() -> str:  # laying a municipality out takes a second: off the event loop
        changed = changed_graph(graph, result.plan)
        data = build_map(
            changed, options, individuals_allowed=individuals, inputs=MapInputs(report=result.after)
        )
        return render_page(_marked(data, result))

    return await asyncio.to_thread(draw)


def _marked(data: MapData, result: WhatIf) -> MapData:
    """``data`` with the recruits and the ends of new ties highlighted, first of their marks."""
    partners: dict[str, list[str]] = defaultdict(list)
    names = {n.id: n.name for n in data.nodes}
    for a, b in result.plan.ties_added:
        partners[a].append(names.get(b, b))
        partners[b].append(names.get(a, a))
    # A recruit with no tie of its own would still join the group's initiative: name that.
    joins = {r.node: r.initiative_name or "–" for r in result.recruits}

    def marks(node_id: str, existing: Iterable[Highlight]) -> tuple[Highlight, ...]:
        added = []
        with_whom = ", ".join(sorted(partners.get(node_id, [])))
        if node_id in joins:
            added.append(Highlight("recruited", {"partners": with_whom or joins[node_id]}))
        elif node_id in partners:
            added.append(Highlight("new_tie", {"partners": with_whom}))
        return (*added, *existing)

    return dataclasses.replace(
        data, nodes=tuple(dataclasses.replace(n, highlights=marks(n.id, n.highlights)) for n in data.nodes)
    )
