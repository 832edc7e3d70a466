"""Saved map views and the share links that show them to people without an account.

* A coordinator saves a view (which map, its options, metric, title, language); anyone of the
  tenant can list and open saved views.
* A coordinator makes a share link to a view: a random token (256 bits, shown once, stored
  only as its SHA-256), tenant-scoped, expiring after the chosen number of days (or never),
  revocable by the coordinator who made it or an admin.
* A share link opens exactly its view, read-only, with a viewer's rights: young people as
  groups only, whatever the view asks for.
"""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from graphsvc.analytics.projection import ACTOR_KINDS_STR
from graphsvc.auth import Principal, Role
from graphsvc.auth.tokens import SHARE_PREFIX, hash_token, new_secret, token_id
from graphsvc.db.driver import GraphStore
from graphsvc.db.map_views import MapViewRepository, SavedView
from graphsvc.domain import StoredLink
from graphsvc.errors import Forbidden, InvalidInput, NotFound
from graphsvc.maps import MapKind, MapOptions
from graphsvc.maps.options import checked_title
from graphsvc.services.projection import projection
from graphsvc.services.scope import Scope

__all__ = [
    "MAX_LINK_DAYS",
    "NewShareLink",
    "ShareLinkGone",
    "ShareLinkUnknown",
    "View",
    "create_share_link",
    "delete_view",
    "open_share_link",
    "rename_view",
    "revoke_share_link",
    "save_view",
    "share_links",
    "view",
    "views",
]

MAX_LINK_DAYS = 3650


class ShareLinkUnknown(NotFound):
    """No share link has this token."""


class ShareLinkGone(NotFound):
    """The share link existed but no longer works: ``reason`` is revoked, expired or deleted
    (its view was deleted)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class View:
    """A saved view with its options read back."""

    saved: SavedView
    options: MapOptions
    problem: str | None = None  # why it cannot be drawn now (its actor was deleted, say)

    @property
    def id(self) -> str:
        return self.saved.id


@dataclass(frozen=True)
class NewShareLink:
    """A share link as made: ``token`` is shown once and never stored."""

    token: str
    link: StoredLink


def _view(saved: SavedView) -> View:
    return View(saved=saved, options=MapOptions.from_json(saved.options))


async def save_view(scope: Scope, options: MapOptions) -> View:
    """Save ``options`` as a view of the caller's tenant, after checking that the target
    group, actor and area it names exist there."""
    scope.require(Role.COORDINATOR)
    await _check_subjects(scope, options)
    saved = await MapViewRepository(scope.store).save(
        scope.tenant, f"view-{secrets.token_hex(6)}", options.to_json(), scope.caller.name
    )
    return _view(saved)


async def views(scope: Scope) -> list[View]:
    """The tenant's saved views, each with what is wrong with it now (a deleted actor)."""
    saved = [_view(s) for s in await MapViewRepository(scope.store).all(scope.tenant)]
    return [await _with_problem(scope, v) for v in saved]


async def rename_view(scope: Scope, view_id: str, title: str | None) -> View:
    """Give a view another title (None: the map writes its own)."""
    scope.require(Role.COORDINATOR)
    found = await view(scope, view_id)
    options = replace(found.options, title=checked_title(title))
    saved = await MapViewRepository(scope.store).update_options(scope.tenant, view_id, options.to_json())
    return await _with_problem(scope, _view(saved))


async def delete_view(scope: Scope, view_id: str) -> int:
    """Delete a view; its share links stop working (they say the map was deleted)."""
    scope.require(Role.COORDINATOR)
    return await MapViewRepository(scope.store).delete(scope.tenant, view_id)


async def _with_problem(scope: Scope, found: View) -> View:
    try:
        await _check_subjects(scope, found.options)
    except NotFound as e:
        return dataclasses.replace(found, problem=f"{e}: it was deleted after the map was saved")
    return found


async def view(scope: Scope, view_id: str) -> View:
    """A saved view of the caller's tenant; a share link reaches only its own."""
    if scope.caller.view_id is not None and scope.caller.view_id != view_id:
        raise Forbidden("a share link can only show its own map")
    return _view(await MapViewRepository(scope.store).get(scope.tenant, view_id))


async def create_share_link(scope: Scope, view_id: str, *, expires_in_days: int | None) -> NewShareLink:
    scope.require(Role.COORDINATOR)
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_LINK_DAYS:
        raise InvalidInput(
            f"expiresInDays: 1 to {MAX_LINK_DAYS}, or null for a link that "
            f"does not expire; not {expires_in_days}"
        )
    token = new_secret(SHARE_PREFIX)
    hashed = hash_token(token)
    expires = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    link = await MapViewRepository(scope.store).create_link(
        scope.tenant, view_id, token_id(hashed), hashed, scope.caller.name, expires
    )
    return NewShareLink(token=token, link=link)


async def share_links(scope: Scope, view_id: str | None = None) -> list[StoredLink]:
    scope.require(Role.COORDINATOR)
    return await MapViewRepository(scope.store).links(scope.tenant, view_id)


async def revoke_share_link(scope: Scope, link_id: str) -> StoredLink:
    """Revoke a link: the coordinator who made it, or an admin."""
    caller = scope.require(Role.COORDINATOR)
    repository = MapViewRepository(scope.store)
    link = await repository.link(scope.tenant, link_id)
    if caller.role is not Role.ADMIN and link.created_by != caller.name:
        raise Forbidden(f"only {link.created_by} (who made it) or an admin can revoke share link {link_id!r}")
    return await repository.revoke_link(scope.tenant, link_id)


async def open_share_link(store: GraphStore, token: str) -> tuple[Principal, View]:
    """The read-only caller a share token stands for, and its view. :class:`NotFound` for an
    unknown token, :class:`ShareLinkGone` for a revoked or expired one."""
    if not token.startswith(SHARE_PREFIX) or len(token) > 100:
        raise ShareLinkUnknown("there is no such share link")
    found = await MapViewRepository(store).find_by_hash(hash_token(token))
    if found is None:
        raise ShareLinkUnknown("there is no such share link")
    if found.options is None:
        raise ShareLinkGone("the map this share link showed has been deleted", "deleted")
    if found.revoked_at is not None:
        raise ShareLinkGone("this share link has been revoked", "revoked")
    if found.expires_at is not None and found.expires_at <= found.now:
        raise ShareLinkGone("this share link has expired", "expired")
    await MapViewRepository(store).note_use(found)  # for the admins' list of share links
    caller = Principal(
        name=f"share link {found.id}", role=Role.VIEWER, tenant=found.tenant, view_id=found.view_id
    )
    return caller, View(
        saved=SavedView(
            id=found.view_id, tenant=found.tenant, options=found.options, created_by="", created_at=found.now
        ),
        options=MapOptions.from_json(found.options),
    )


async def _check_subjects(scope: Scope, options: MapOptions) -> None:
    """NotFound unless the target group, actors and areas of ``options`` exist in the tenant
    (the focused actor and the area shown, too)."""
    tenant = scope.tenant
    graph = (await projection(scope)).graph
    wanted: list[tuple[str | None, str | None, str]] = [
        (options.target_group, "TargetGroup", "target group"),
        (options.area, "Area", "area"),
        (options.only_area, "Area", "area"),
        (options.focus, None, "actor"),
    ]
    if options.kind is MapKind.EGO:
        wanted.append((options.actor, None, "actor"))
    for node_id, kind, what in wanted:
        if node_id is None:
            continue
        data = graph.nodes.get(node_id)
        if (
            data is None
            or (kind is not None and data["kind"] != kind)
            or (kind is None and data["kind"] not in ACTOR_KINDS_STR)
        ):
            raise NotFound(f"there is no {what} with id {node_id!r} in tenant {tenant!r}")
