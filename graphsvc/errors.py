"""The errors graphsvc raises on purpose, each with a message a coordinator can act on.

::

    GraphsvcError
    ├── InvalidInput          a value or record is not acceptable; ``problems`` lists each one
    │   └── TieNotAllowed     the tie type cannot join these two kinds of node
    ├── NotFound              no such node (in this tenant)
    ├── Duplicate             the id is taken
    ├── Conflict              someone else changed the record since it was read
    ├── Unauthenticated       no valid token, session or share link came with the request
    ├── InvalidRequest        the request itself is malformed (a bad tenant name)
    ├── Forbidden             the caller's role or tenant does not allow this
    ├── GraphStoreUnavailable Neo4j cannot be reached
    ├── TooLargeForOneWrite   a change does not fit in one of Neo4j's transactions
    └── SetupError            the local Neo4j cannot be built or started (Java, Maven, port)

Anything else is a bug: it is logged in full and shown to users only as a generic message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "Conflict",
    "Duplicate",
    "Forbidden",
    "GraphStoreUnavailable",
    "GraphsvcError",
    "InvalidInput",
    "InvalidRequest",
    "NotFound",
    "Problem",
    "SetupError",
    "TieNotAllowed",
    "TooLargeForOneWrite",
    "Unauthenticated",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record: ``record`` names it (a node id, an edge, a line)."""

    record: str
    problem: str

    def __str__(self) -> str:
        return f"{self.record}: {self.problem}"


class GraphsvcError(Exception):
    """Base of every expected failure; ``str(error)`` is the message for the user."""


class InvalidInput(GraphsvcError):
    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = list(problems or [])
        if self.problems:
            shown = "; ".join(str(p) for p in self.problems[:10])
            more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
            message = f"{message}: {shown}{more}"
        super().__init__(message)


class TieNotAllowed(InvalidInput):
    pass


class NotFound(GraphsvcError):
    pass


class Duplicate(GraphsvcError):
    pass


class Conflict(GraphsvcError):
    """A change was refused because someone else changed the same thing first: ``changed_by``,
    ``changed_at`` and ``changed_fields`` say who, when and what (when the audit log knows),
    ``current_version`` what to send to overwrite deliberately."""

    def __init__(
        self,
        message: str,
        *,
        changed_by: str | None = None,
        changed_at: datetime | None = None,
        changed_fields: tuple[str, ...] = (),
        current_version: int | None = None,
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.changed_fields = changed_fields
        self.current_version = current_version


class Unauthenticated(GraphsvcError):
    pass


class InvalidRequest(GraphsvcError):
    """The request itself is malformed (a bad tenant name), whichever operation it carries:
    a GraphQL error, like a refused token, never a typed member of a result."""


class Forbidden(GraphsvcError):
    pass


class GraphStoreUnavailable(GraphsvcError):
    pass


class SetupError(GraphsvcError):
    pass


class TooLargeForOneWrite(GraphsvcError):
    pass
