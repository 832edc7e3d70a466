"""The GraphQL schema (Strawberry): types, queries and mutations per area, thin resolvers."""

from graphsvc.schema.root import build_schema, schema

__all__ = ["build_schema", "schema"]
