"""Expected failures as typed members of mutation results, with a message for a coordinator."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import Any, TypeVar

import strawberry

from graphsvc.errors import Conflict, Duplicate, GraphsvcError, InvalidInput, NotFound, TieNotAllowed

__all__ = [
    "ConflictError",
    "DuplicateError",
    "Error",
    "InvalidInputError",
    "NotFoundError",
    "ProblemItem",
    "TieNotAllowedError",
    "attempt",
]

T = TypeVar("T")


@strawberry.interface(description="Why a change was refused; nothing was changed.")
class Error:
    message: str = strawberry.field(description="What went wrong, in plain words.")


@strawberry.type(description="One problem with one value or record.")
class ProblemItem:
    record: str = strawberry.field(description="Which record or field.")
    problem: str = strawberry.field(description="What is wrong with it.")


@strawberry.type(description="A value is not acceptable.")
class InvalidInputError(Error):
    problems: list[ProblemItem] = strawberry.field(description="Each problem found.")


@strawberry.type(description="A tie of this type cannot join these two kinds of node.")
class TieNotAllowedError(Error):
    pass


@strawberry.type(description="No node (or tie) with this id in the tenant.")
class NotFoundError(Error):
    pass


@strawberry.type(description="The id is already used in the tenant.")
class DuplicateError(Error):
    pass


@strawberry.type(
    description="Someone else changed the record since you read it; nothing was "
    "changed. Reload it, or send `currentVersion` as `expectedVersion` to overwrite deliberately."
)
class ConflictError(Error):
    changed_by: str | None = strawberry.field(
        default=None, description="Who changed it last (user and role), when the audit log says."
    )
    changed_at: datetime | None = strawberry.field(default=None, description="When.")
    changed_fields: list[str] = strawberry.field(
        default_factory=list, description="Which fields that change touched."
    )
    current_version: int | None = strawberry.field(default=None, description="The version it has now.")


def to_error(error: GraphsvcError) -> Error | None:
    message = str(error)
    if isinstance(error, TieNotAllowed):
        return TieNotAllowedError(message=message)
    if isinstance(error, InvalidInput):
        return InvalidInputError(
            message=message,
            problems=[ProblemItem(record=p.record, problem=p.problem) for p in error.problems],
        )
    if isinstance(error, NotFound):
        return NotFoundError(message=message)
    if isinstance(error, Duplicate):
        return DuplicateError(message=message)
    if isinstance(error, Conflict):
        return ConflictError(
            message=message,
            changed_by=error.changed_by,
            changed_at=error.changed_at,
            changed_fields=list(error.changed_fields),
            current_version=error.current_version,
        )
    return None


async def attempt(work: Awaitable[T]) -> T | Any:
    """The result of ``work``, or its expected failure as a typed error. Failures that are not
    about the input (Neo4j down) stay GraphQL errors."""
    try:
        return await work
    except GraphsvcError as e:
        typed = to_error(e)
        if typed is None:
            raise
        return typed
