"""A GraphQL request that failed because Neo4j was out of reach answers HTTP 503.

GraphQL reports errors in a 200 response by default; a client, a proxy or a load balancer
should instead see at once that the service cannot answer now and may be asked again. Every
such error gets the same plain message and the code ``NEO4J_UNAVAILABLE``; the response gets
status 503 and ``Retry-After``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graphsvc.errors import GraphStoreUnavailable
from graphsvc.services.store import RETRY_AFTER_S, unavailability

__all__ = ["CODE", "ServiceUnavailableStatus"]

CODE = "NEO4J_UNAVAILABLE"
log = logging.getLogger("graphsvc.api")


class ServiceUnavailableStatus(SchemaExtension):
    """Listed after MaskErrors, so it sees each error before masking would hide its cause."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            return
        replaced, hit = [], None
        for error in errors:
            sentence = unavailability(error.original_error)
            if sentence is None:
                replaced.append(error)
                continue
            hit = hit or (sentence, error.original_error)
            replaced.append(
                GraphQLError(
                    sentence,
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    original_error=GraphStoreUnavailable(sentence),
                    extensions={"code": CODE},
                )
            )
        if hit is None:
            return
        result.errors = replaced  # type: ignore[union-attr]
        log.warning("answered 503: %s (%s)", hit[0], type(hit[1]).__name__)
        response = getattr(self.execution_context.context, "response", None)
        if response is not None:
            response.status_code = 503
            response.headers["Retry-After"] = str(RETRY_AFTER_S)
