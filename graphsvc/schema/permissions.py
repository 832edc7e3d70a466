"""Who may run what: every mutation needs at least a coordinator (admin-only ones check for
more themselves). Checked once per operation, before any resolver runs, so a viewer's or a
share link's attempt to change something changes nothing and costs nothing."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graphsvc.auth import Role

__all__ = ["EditorsOnlyForMutations"]


class EditorsOnlyForMutations(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        if execution.operation_type is OperationType.MUTATION:
            execution.context.require(Role.COORDINATOR)
        yield
