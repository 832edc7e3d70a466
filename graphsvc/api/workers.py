"""How many API worker processes to run, and the app each of them builds.

Every worker is a process of its own with its own event loop, Neo4j driver and caches, so
CPU-bound work in one (a GraphQL response, a map page) never holds up another. The API keeps
no state between requests outside Neo4j: a write through one worker is seen by the next read
through any other (and any replica on another machine), because the caches are keyed by the
tenant's data version, which is read from Neo4j.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from graphsvc.config import Settings, get_settings

__all__ = ["APP_FACTORY", "app_from_environment", "worker_count"]

# What uvicorn imports in each worker process (settings come from the environment there).
APP_FACTORY = "graphsvc.api.workers:app_from_environment"


def worker_count(settings: Settings, asked: int | None = None) -> int:
    """``asked`` if given, else GRAPHSVC_WORKERS, else one per core this process may run on."""
    chosen = asked if asked is not None else settings.workers
    if chosen > 0:
        return chosen
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def app_from_environment() -> FastAPI:
    from graphsvc.api.app import create_app

    return create_app(get_settings())
