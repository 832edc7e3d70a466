"""Who is asking: a user of a tenant with a role, or a share link for one saved map view.

Roles are ordered: a viewer sees actors, ties and aggregates but never an individual young
person; a coordinator also sees pseudonymous young people (with their challenges) and edits; an
admin also manages users, tokens, share links and erasure.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graphsvc.errors import Forbidden

__all__ = ["Principal", "Role"]


class Role(StrEnum):
    VIEWER = "viewer"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


_RANKS = {Role.VIEWER: 0, Role.COORDINATOR: 1, Role.ADMIN: 2}

_WHAT_NEEDS = {
    Role.COORDINATOR: "a coordinator or admin",
    Role.ADMIN: "an admin",
}


@dataclass(frozen=True)
class Principal:
    """The caller of one request. ``view_id`` is set for a share link, which may read exactly
    that saved map view and nothing else."""

    name: str
    role: Role
    tenant: str
    view_id: str | None = None

    @property
    def sees_young_people(self) -> bool:
        """Individual (pseudonymous) young people and their challenges."""
        return self.view_id is None and self.role.allows(Role.COORDINATOR)

    def require(self, needed: Role) -> Principal:
        """Raise ``Forbidden`` unless this caller has at least ``needed``."""
        if self.view_id is not None:
            raise Forbidden("a share link can only show its own map")
        if not self.role.allows(needed):
            raise Forbidden(f"this needs {_WHAT_NEEDS[needed]}; {self.name} is a {self.role}")
        return self

    def require_tenant(self, tenant: str | None) -> str:
        """The tenant of this caller; asking for any other one is refused without saying
        whether it exists."""
        if tenant is not None and tenant != self.tenant:
            raise Forbidden(f"this token is for tenant {self.tenant!r} and cannot reach another tenant")
        return self.tenant
