"""The HTTP surface: FastAPI with health endpoints and the GraphQL endpoint."""

from graphsvc.api.app import create_app

__all__ = ["create_app"]
