"""The GraphQL schema (Strawberry): types, queries and mutations per area, thin resolvers."""

from graphsvc.schema.root import schema

__all__ = ["schema"]
