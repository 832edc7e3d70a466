"""The root schema, composed from one class per area."""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from graphsvc.errors import GraphsvcError
from graphsvc.schema.overview import OverviewQuery

__all__ = ["schema"]

log = logging.getLogger("graphsvc.api")


def _is_unexpected(error: GraphQLError) -> bool:
    """Mask everything but our own expected errors and GraphQL's validation messages; log the
    masked ones in full for the operator."""
    original = error.original_error
    if original is None or isinstance(original, GraphsvcError):
        return False
    log.error("unexpected error in %s", error.path, exc_info=original)
    return True


@strawberry.type(description="Read the network of a tenant.")
class Query(OverviewQuery):
    pass


schema = strawberry.Schema(
    query=Query,
    extensions=[
        lambda: MaskErrors(
            should_mask_error=_is_unexpected,
            error_message="Something went wrong on the server; it has been logged.",
        )
    ],
)
