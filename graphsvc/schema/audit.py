"""The admins' search of the audit log: by node (id or name), by user, by days, a page at a
time, each entry with the names of what it is about."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.schema.enums import NodeKind, to_graphql
from graphsvc.schema.privacy import AuditEntry
from graphsvc.services import audit_search

__all__ = ["AuditQuery"]


@strawberry.input(description="Which changes to find; every filter left out matches all.")
class AuditLogFilter:
    about: str | None = strawberry.field(
        default=None,
        description="A node's id, or words of its name (as it is now): changes to it and its ties.",
    )
    user: str | None = strawberry.field(
        default=None, description='Changes made by this user (or "command line"), in any role.'
    )
    from_day: datetime.date | None = strawberry.field(
        default=None, name="from", description="From this day (Danish time)."
    )
    to_day: datetime.date | None = strawberry.field(
        default=None, name="to", description="To this day, included (Danish time)."
    )


@strawberry.type(description="A node (or user) an audit entry is about.")
class AuditSubject:
    id: strawberry.ID = strawberry.field(description='Its id ("user:<name>" for a user).')
    name: str | None = strawberry.field(
        description="Its name now; null when it was deleted or erased since, or is no node."
    )
    kind: NodeKind | None = strawberry.field(description="What it is; null as for the name.")  # type: ignore[valid-type]

    @classmethod
    def from_domain(cls, s: audit_search.Subject) -> AuditSubject:
        return cls(id=strawberry.ID(s.id), name=s.name, kind=to_graphql(s.kind, NodeKind))


@strawberry.type(description="One change, with what it is about.")
class AuditLogEntry(AuditEntry):
    subjects: list[AuditSubject] = strawberry.field(
        description="The nodes (or user) it is about, with their names now."
    )


@strawberry.type(description="A page of the audit log, newest first.")
class AuditLogPage:
    entries: list[AuditLogEntry] = strawberry.field(description="The entries of this page.")
    has_next_page: bool = strawberry.field(description="Whether older entries follow.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")
    matched_nodes: list[AuditSubject] = strawberry.field(
        description="The nodes the `about` filter found by id or name (empty: none, or no such filter)."
    )


def _entry(found: audit_search.FoundEntry) -> AuditLogEntry:
    base = AuditEntry.from_domain(found.entry)
    return AuditLogEntry(
        id=base.id,
        at=base.at,
        actor=base.actor,
        action=base.action,
        target=base.target,
        before=base.before,
        after=base.after,
        redacted=base.redacted,
        subjects=[AuditSubject.from_domain(s) for s in found.subjects],
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Admins: find changes in the audit log — about a node, by a user, within "
        "days — a page at a time, newest first."
    )
    async def audit_entries(
        self,
        info: Info[Context, None],
        filter: AuditLogFilter | None = None,
        first: Annotated[int, strawberry.argument(description=f"How many, 1-{audit_search.MAX_PAGE}.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the page before.")
        ] = None,
        tenant: Annotated[str | None, strawberry.argument(description="The tenant.")] = None,
    ) -> AuditLogPage:
        f = filter or AuditLogFilter()
        page = await audit_search.search(
            info.context.scope(tenant),
            audit_search.AuditFilter(about=f.about, user=f.user, since=f.from_day, until=f.to_day),
            first=first,
            after=after,
        )
        return AuditLogPage(
            entries=[_entry(e) for e in page.entries],
            has_next_page=page.has_more,
            end_cursor=page.end_cursor,
            matched_nodes=[AuditSubject.from_domain(s) for s in page.matched],
        )
