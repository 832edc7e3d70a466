"""Validation's verdict on a request's text, kept for the next request with the same text.

The pages and dashboards send the same few dozen documents again and again, and validating one
against graphsvc's schema (with the depth and alias rules) takes longer than answering it from
the kept answers. The verdict depends only on the text and the schema with its rules, which
are fixed for one schema object, so it is kept per schema, for the ``size`` most recent texts.
The cost limit, which depends on the variables too, is still priced for every request.
"""

from __future__ import annotations

from collections.abc import Iterator

from cachetools import LRUCache
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

__all__ = ["KeptValidation", "Verdicts"]

Verdicts = LRUCache[str, list[GraphQLError]]


class KeptValidation(SchemaExtension):
    def __init__(self, verdicts: Verdicts) -> None:
        self.verdicts = verdicts

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        # Another extension (the cost limit) may have refused the request already.
        if text is None or context.pre_execution_errors is not None:
            yield
            return
        kept = self.verdicts.get(text)
        if kept is not None:
            context.pre_execution_errors = kept  # validation is then skipped
            yield
            return
        yield
        if context.pre_execution_errors is not None:
            self.verdicts[text] = context.pre_execution_errors
