"""Admin fields for people's rights and accountability: erasure, access export, audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from graphsvc.schema.context import Context
from graphsvc.schema.enums import NodeKind
from graphsvc.schema.errors import InvalidInputError, NotFoundError, attempt
from graphsvc.services import audit_log, privacy

__all__ = ["PrivacyMutation", "PrivacyQuery"]

Id = Annotated[strawberry.ID, strawberry.argument(description="The person's id.")]
Tenant = Annotated[str | None, strawberry.argument(description="The tenant.")]


@strawberry.type(
    description="A person was erased: their record and ties are gone, and the "
    "audit log keeps only who changed what when."
)
class Erased:
    id: strawberry.ID = strawberry.field(description="The erased person's id.")
    kind: NodeKind = strawberry.field(description="Young person or contact person.")  # type: ignore[valid-type]
    ties_removed: int = strawberry.field(description="How many ties went with them.")
    audit_entries_redacted: int = strawberry.field(
        description="Audit entries whose copies of the record were blanked."
    )


EraseResult = Annotated[
    Erased | NotFoundError | InvalidInputError,
    strawberry.union("EraseResult", description="The erasure, or why nothing was erased."),
]


@strawberry.type(description="How many ties of one type.")
class TieCount:
    type: str = strawberry.field(description='The tie type ("ATTENDS").')
    count: int = strawberry.field(description="How many.")


@strawberry.type(
    description="What erasing a person would remove, told before anything is done. Saved map "
    "views and snapshots never hold an individual person, so an erasure leaves them as they are."
)
class ErasurePlan:
    id: strawberry.ID = strawberry.field(description="The person's id.")
    name: str = strawberry.field(description="Their pseudonym or name.")
    kind: NodeKind = strawberry.field(description="Young person or contact person.")  # type: ignore[valid-type]
    tie_count: int = strawberry.field(description="How many ties would go with them.")
    ties: list[TieCount] = strawberry.field(description="Those ties by type.")
    audit_entries: int = strawberry.field(
        description="Audit entries about them whose copies of their record would be blanked "
        "(who changed what when is kept)."
    )


@strawberry.type(description="One change: who, when, what, and the record before and after.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="The entry's id.")
    at: datetime = strawberry.field(description="When.")
    actor: str = strawberry.field(description="Who (user and role, or the command line).")
    action: str = strawberry.field(description='What was done ("update association").')
    target: str = strawberry.field(description="The node or tie changed.")
    before: JSON | None = strawberry.field(description="The record before (null: none, or erased).")
    after: JSON | None = strawberry.field(description="The record after (null: none, or erased).")
    redacted: bool = strawberry.field(description="The person was erased since.")

    @classmethod
    def from_domain(cls, e: audit_log.AuditEntry) -> AuditEntry:
        return cls(
            id=strawberry.ID(e.id),
            at=e.at,
            actor=e.actor,
            action=e.action,
            target=e.target,
            before=JSON(e.before) if e.before is not None else None,
            after=JSON(e.after) if e.after is not None else None,
            redacted=e.redacted,
        )


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="Admins: the tenant's audit log, newest first, optionally about one node only."
    )
    async def audit_log(
        self,
        info: Info[Context, None],
        node_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only changes to this node (or its ties).")
        ] = None,
        before: Annotated[
            datetime | None,
            strawberry.argument(
                description="Only changes before this time (the `at` of the last entry you have)."
            ),
        ] = None,
        first: Annotated[int, strawberry.argument(description="How many, at most 500.")] = 50,
        tenant: Tenant = None,
    ) -> list[AuditEntry]:
        found = await audit_log.entries(
            info.context.scope(tenant), subject=node_id, before_at=before, limit=min(first, 500)
        )
        return [AuditEntry.from_domain(e) for e in found]

    @strawberry.field(
        description="Admins: what erasing one young person or contact person would remove; "
        "nothing is changed."
    )
    async def erasure_plan(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> ErasurePlan:
        plan = await privacy.erasure_plan(info.context.scope(tenant), id)
        return ErasurePlan(
            id=strawberry.ID(plan.id),
            name=plan.name,
            kind=NodeKind(plan.kind.value),
            tie_count=plan.tie_count,
            ties=[TieCount(type=t, count=n) for t, n in sorted(plan.ties.items())],
            audit_entries=plan.audit_entries,
        )

    @strawberry.field(
        description="Admins: everything held about one young person or contact "
        "person, as JSON (the right of access)."
    )
    async def personal_data(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> JSON:
        data: Any = await privacy.personal_data(info.context.scope(tenant), id)
        return data


@strawberry.type
class PrivacyMutation:
    @strawberry.mutation(
        description="Admins: erase a young person or contact person with all "
        "their ties, everywhere graphsvc holds them."
    )
    async def erase_person(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> EraseResult:
        async def erase() -> Erased:
            done = await privacy.erase_person(info.context.scope(tenant), id)
            return Erased(
                id=strawberry.ID(done.id),
                kind=NodeKind(done.kind.value),
                ties_removed=done.ties_removed,
                audit_entries_redacted=done.audit_entries_redacted,
            )

        return await attempt(erase())
