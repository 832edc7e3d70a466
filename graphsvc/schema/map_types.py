"""GraphQL types of saved map views and share links."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any
from urllib.parse import urlencode

import strawberry

from graphsvc.domain import StoredLink
from graphsvc.schema import enums
from graphsvc.services.map_views import View

__all__ = [
    "MapDownloads",
    "MapKind",
    "MapLanguage",
    "MapMetric",
    "MapView",
    "MapYoungPeople",
    "NewShareLink",
    "ShareLink",
    "ShareLinkStatus",
]


@strawberry.enum(
    description="Which map: the whole tenant, a target group's support network, "
    "an actor's ego network, the brokers between two arenas, or a target group's "
    "gaps."
)
class MapKind(Enum):
    NETWORK = "network"
    TARGET_GROUP = "target-group"
    EGO = "ego"
    BROKERS = "brokers"
    GAPS = "gaps"


@strawberry.enum(description="What a node's size shows.")
class MapMetric(Enum):
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKER = "broker"


@strawberry.enum(
    description="How young people are drawn. INDIVIDUALS only for coordinators and "
    "admins; anyone else, and every share link, sees GROUPS."
)
class MapYoungPeople(Enum):
    GROUPS = "groups"
    INDIVIDUALS = "individuals"
    NONE = "none"


@strawberry.enum(description="The language of a map's words.")
class MapLanguage(Enum):
    DA = "da"
    EN = "en"


@strawberry.type(description="Where a saved view can be downloaded (paths on this server).")
class MapDownloads:
    html: str = strawberry.field(description="The self-contained page, which works offline.")
    png: str = strawberry.field(description="A 1920×1080 PNG for slides.")
    svg: str = strawberry.field(description="The same as SVG.")


def downloads(base: str) -> MapDownloads:
    return MapDownloads(html=f"{base}/download.html", png=f"{base}/download.png", svg=f"{base}/download.svg")


@strawberry.type(description="A saved map: which map, its options, its title and language.")
class MapView:
    id: strawberry.ID = strawberry.field(description="The view's id (`view-…`).")
    kind: MapKind = strawberry.field(description="Which map.")
    metric: MapMetric = strawberry.field(description="What a node's size shows.")
    young_people: MapYoungPeople = strawberry.field(
        description="How young people are drawn for those allowed to see individuals."
    )
    title: str | None = strawberry.field(description="The title given; null: the map writes its own.")
    lang: MapLanguage = strawberry.field(description="The language of the map's words.")
    target_group: strawberry.ID | None = strawberry.field(
        description="Target-group and gaps maps: the target group."
    )
    actor: strawberry.ID | None = strawberry.field(description="Ego maps: the centre actor.")
    depth: int = strawberry.field(description="Ego maps: how many ties out from the actor.")
    hops: int = strawberry.field(description="Target-group and gaps maps: the radius of the support network.")
    area: strawberry.ID | None = strawberry.field(
        description="Network and brokers maps: only this area; null: the whole tenant."
    )
    from_arena: enums.Arena = strawberry.field(  # type: ignore[valid-type]
        description="Brokers maps and BROKER size: paths from this arena."
    )
    to_arena: enums.Arena = strawberry.field(  # type: ignore[valid-type]
        description="Brokers maps and BROKER size: paths to this arena."
    )
    top: int = strawberry.field(description="Brokers maps: how many brokers are highlighted.")
    hide_sectors: list[str] = strawberry.field(description="Sectors the map opens with hidden.")
    hide_kinds: list[str] = strawberry.field(description="Kinds the map opens with hidden.")
    hide_ties: list[str] = strawberry.field(description="Tie types the map opens with hidden.")
    only_area: strawberry.ID | None = strawberry.field(
        description="The map opens showing only this area's nodes; null: every area."
    )
    focus: strawberry.ID | None = strawberry.field(description="The map opens focused on this actor.")
    focus_steps: int = strawberry.field(description="How many ties out from the focused actor.")
    url: str = strawberry.field(description="The view as a live map (a path on this server).")
    live_url: str = strawberry.field(
        description="The same map with its options in the query string (GET /maps/{kind}.html)."
    )
    downloads: MapDownloads = strawberry.field(description="The view as files.")
    created_by: str = strawberry.field(description="The user who saved it.")
    created_at: datetime.datetime = strawberry.field(description="When it was saved.")

    problem: str | None = strawberry.field(
        default=None,
        description="Why the view cannot be drawn now (the actor it is centred on was deleted, "
        "say); null when it can. Such a view can still be renamed or deleted.",
    )

    @classmethod
    def from_view(cls, found: View) -> MapView:
        o = found.options
        base = f"/maps/views/{found.id}"
        query = urlencode(o.query())
        values: dict[str, Any] = {
            "id": strawberry.ID(found.id),
            "kind": MapKind(o.kind.value),
            "metric": MapMetric(o.metric.value),
            "young_people": MapYoungPeople(o.young.value),
            "title": o.title,
            "lang": MapLanguage(o.lang),
            "target_group": o.target_group,
            "actor": o.actor,
            "depth": o.depth,
            "hops": o.hops,
            "area": o.area,
            "from_arena": enums.Arena(o.source_arena.value),
            "to_arena": enums.Arena(o.target_arena.value),
            "top": o.top,
            "hide_sectors": list(o.hide_sectors),
            "hide_kinds": list(o.hide_kinds),
            "hide_ties": list(o.hide_ties),
            "only_area": o.only_area,
            "focus": o.focus,
            "focus_steps": o.focus_steps,
            "url": f"{base}.html",
            "live_url": f"/maps/{o.kind.value}.html" + (f"?{query}" if query else ""),
            "downloads": downloads(base),
            "created_by": found.saved.created_by,
            "created_at": found.saved.created_at,
            "problem": found.problem,
        }
        return cls(**values)


@strawberry.enum(description="Whether a share link still works.")
class ShareLinkStatus(Enum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


@strawberry.type(
    description="A read-only link to one saved view, for people without an "
    "account. Its token is shown only when the link is made."
)
class ShareLink:
    id: strawberry.ID = strawberry.field(description="The link's id (not its token).")
    view_id: strawberry.ID = strawberry.field(description="The saved view it shows.")
    status: ShareLinkStatus = strawberry.field(description="Whether it still works.")
    created_by: str = strawberry.field(description="The user who made it.")
    created_at: datetime.datetime = strawberry.field(description="When it was made.")
    expires_at: datetime.datetime | None = strawberry.field(description="Null: never expires.")
    revoked_at: datetime.datetime | None = strawberry.field(
        description="When it was revoked; null: it was not."
    )
    last_used_at: datetime.datetime | None = strawberry.field(
        default=None,
        description="When it was last opened (noted at most once a minute); null: never, or "
        "before graphsvc noted it.",
    )

    @classmethod
    def from_stored(cls, link: StoredLink) -> ShareLink:
        now = datetime.datetime.now(datetime.UTC)
        status = (
            ShareLinkStatus.REVOKED
            if link.revoked_at is not None
            else ShareLinkStatus.EXPIRED
            if link.expires_at is not None and link.expires_at <= now
            else ShareLinkStatus.ACTIVE
        )
        return cls(
            id=strawberry.ID(link.id),
            view_id=strawberry.ID(link.view_id),
            status=status,
            created_by=link.created_by,
            created_at=link.created_at,
            expires_at=link.expires_at,
            revoked_at=link.revoked_at,
            last_used_at=link.last_used_at,
        )


@strawberry.type(
    description="A share link as made. Keep the token or the URL now: only a hash "
    "of the token is stored, so it cannot be shown again."
)
class NewShareLink:
    token: str = strawberry.field(description="The secret (`gsv_…`): shown this once.")
    url: str = strawberry.field(description="The map for anyone with the link (absolute URL).")
    iframe: str = strawberry.field(description="An <iframe> to paste into a slide or web page.")
    expires_at: datetime.datetime | None = strawberry.field(description="Null: never expires.")
    downloads: MapDownloads = strawberry.field(description="The shared map as files (absolute URLs).")
    link: ShareLink = strawberry.field(description="The link as listed and revoked later.")
