"""The difference map of two snapshots (or a snapshot and now) as a page: the partnership at
both moments drawn as one network, with the ties gained and lost marked
(:mod:`graphsvc.maps.difference`).

Any signed-in user of the tenant may see it, as they may see the comparison: snapshots, and
the partnership read now, hold actors, initiatives, target groups and their ties only — never
a young person or a contact person — so the map is the same for every role. A share link,
which opens its own map only, is refused.
"""

from __future__ import annotations

import asyncio

from graphsvc.auth import Role
from graphsvc.maps.difference import difference_map
from graphsvc.maps.difference_payload import MomentLabel, difference_payload
from graphsvc.maps.page import render_payload
from graphsvc.services.scope import Scope
from graphsvc.services.snapshots import Moment, partnership_at

__all__ = ["difference_page"]


async def difference_page(scope: Scope, before: str, after: str, *, lang: str = "da") -> str:
    """The self-contained page of the map of what changed from ``before`` to ``after``
    (snapshot ids or names, or ``"now"``), in ``lang`` (``da`` or ``en``)."""
    scope.require(Role.VIEWER)
    network_before, moment_before = await partnership_at(scope, before)
    network_after, moment_after = await partnership_at(scope, after)

    def draw() -> str:  # a municipality's layout takes a second: off the event loop
        drawn = difference_map(network_before, network_after)
        payload = difference_payload(
            drawn, before=_label(moment_before), after=_label(moment_after), lang=lang
        )
        return render_payload(payload)

    return await asyncio.to_thread(draw)


def _label(moment: Moment) -> MomentLabel:
    return MomentLabel(name=moment.name, day=moment.taken_on, is_now=moment.is_now)
