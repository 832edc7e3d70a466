"""The local Neo4j: Neo4j Community embedded in a small Java program (``neo4j-local/``),
built with Maven and serving Bolt on 127.0.0.1. Used when ``NEO4J_URI`` is not set."""

from graphsvc.local_neo4j.build import build, ensure_built, is_built
from graphsvc.local_neo4j.server import (
    LocalServer,
    ServerStatus,
    free_port,
    start_background,
    start_child,
    status,
    stop_background,
)

__all__ = [
    "LocalServer",
    "ServerStatus",
    "build",
    "ensure_built",
    "free_port",
    "is_built",
    "start_background",
    "start_child",
    "status",
    "stop_background",
]
