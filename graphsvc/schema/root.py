"""The root schema, composed from one class per area, with limits from the settings."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from cachetools import LRUCache
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
)

from graphsvc.config import Settings
from graphsvc.errors import GraphsvcError
from graphsvc.schema.access import AccessMutation
from graphsvc.schema.analytics import AnalyticsQuery
from graphsvc.schema.audit import AuditQuery
from graphsvc.schema.cached_reads import CachedReads, ReadCache
from graphsvc.schema.cost import QueryCostLimiter
from graphsvc.schema.imports import ImportMutation
from graphsvc.schema.kept_validation import KeptValidation, Verdicts
from graphsvc.schema.maps import MapViewMutation, MapViewQuery
from graphsvc.schema.mutations import Mutation
from graphsvc.schema.neighbourhood import NeighbourhoodQuery
from graphsvc.schema.overview import OverviewQuery
from graphsvc.schema.permissions import EditorsOnlyForMutations
from graphsvc.schema.presentations import PresentationMutation, PresentationQuery
from graphsvc.schema.privacy import PrivacyMutation, PrivacyQuery
from graphsvc.schema.queries import NodeQuery
from graphsvc.schema.snapshots import SnapshotMutation, SnapshotQuery
from graphsvc.schema.surveys import SurveyMutation, SurveyQuery
from graphsvc.schema.tie_batches import TieBatchMutation
from graphsvc.schema.tie_rules import TieRuleQuery
from graphsvc.schema.types import NODE_TYPES
from graphsvc.schema.unavailable import ServiceUnavailableStatus
from graphsvc.schema.users import UserMutation, UserQuery
from graphsvc.schema.weaving import WeavingMutation, WeavingQuery
from graphsvc.schema.whatif import WhatIfQuery

__all__ = ["build_schema", "schema"]

log = logging.getLogger("graphsvc.api")


def _is_unexpected(error: GraphQLError) -> bool:
    """Mask everything but our own expected errors and GraphQL's messages about the request
    itself (syntax, validation, variable coercion: those have no path); log the masked ones in
    full for the operator."""
    original = error.original_error
    if original is None or error.path is None:
        return False
    if isinstance(original, GraphsvcError | GraphQLError):
        return False
    log.error("unexpected error in %s", error.path, exc_info=original)
    return True


@strawberry.type(description="Read the network of a tenant, and analyse it.")
class Query(
    OverviewQuery,
    TieRuleQuery,
    NodeQuery,
    NeighbourhoodQuery,
    AnalyticsQuery,
    PrivacyQuery,
    AuditQuery,
    UserQuery,
    SnapshotQuery,
    MapViewQuery,
    PresentationQuery,
    SurveyQuery,
    WhatIfQuery,
    WeavingQuery,
):
    pass


@strawberry.type(name="Mutation", description="Change the network of a tenant, and manage it.")
class RootMutation(
    Mutation,
    PrivacyMutation,
    UserMutation,
    AccessMutation,
    ImportMutation,
    SnapshotMutation,
    MapViewMutation,
    PresentationMutation,
    SurveyMutation,
    TieBatchMutation,
    WeavingMutation,
):
    pass


class _Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Log nothing here: unexpected errors are logged in full where they are masked, and the
        expected ones are the user's business — their messages may quote names of people, which
        have no place in the application's log."""


_KEPT_DOCUMENTS = 512


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    read_cache = ReadCache(settings.response_cache_mb * 1_000_000)  # one per API worker
    verdicts: Verdicts = LRUCache(maxsize=_KEPT_DOCUMENTS)
    return _Schema(
        query=Query,
        mutation=RootMutation,
        types=NODE_TYPES,
        extensions=[
            # First: it prices fragments once each, before the depth check expands them.
            lambda: QueryCostLimiter(
                max_cost=settings.max_query_cost,
                caps={"first": settings.max_page_size, "maxNodes": settings.max_neighbourhood_nodes},
            ),
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            # Parsed documents and validation verdicts of the texts sent most recently.
            lambda: ParserCache(maxsize=_KEPT_DOCUMENTS),
            lambda: KeptValidation(verdicts),
            EditorsOnlyForMutations,
            lambda: MaskErrors(
                should_mask_error=_is_unexpected,
                error_message="Something went wrong on the server; it has been logged.",
            ),
            ServiceUnavailableStatus,  # after MaskErrors: sees the causes before masking
            lambda: CachedReads(read_cache),
        ],
    )


# The schema with default limits: what schema.graphql shows.
schema = build_schema()
