"""The FastAPI application: ``/graphql`` (with the GraphiQL IDE), ``/exports/...`` (file
downloads), ``/healthz``, ``/readyz``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from strawberry.fastapi import GraphQLRouter

from graphsvc import __version__
from graphsvc.api import exports
from graphsvc.config import Settings, get_settings
from graphsvc.db import queries
from graphsvc.db.driver import GraphStore
from graphsvc.db.schema import apply_schema, schema_ready
from graphsvc.errors import GraphStoreUnavailable
from graphsvc.schema import build_schema
from graphsvc.schema.context import get_context

__all__ = ["create_app"]

log = logging.getLogger("graphsvc.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        queries.preload()
        store = GraphStore.connect(settings)
        app.state.store = store
        try:
            await apply_schema(store)
        except GraphStoreUnavailable as e:
            # Serve anyway: /readyz reports the problem, and requests say it plainly.
            log.warning("%s", e)
        try:
            yield
        finally:
            await store.close()

    app = FastAPI(
        title="graphsvc",
        version=__version__,
        description="Stakeholder network mapping and partner recruitment for Collective Impact.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.include_router(
        GraphQLRouter(build_schema(settings), context_getter=get_context, graphql_ide="graphiql"),
        prefix="/graphql",
    )
    app.include_router(exports.router)

    @app.get("/healthz", summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="Neo4j is reachable and the schema is applied")
    async def readyz(request: Request) -> JSONResponse:
        store: GraphStore = request.app.state.store
        try:
            ready = await schema_ready(store)
            if not ready:
                await apply_schema(store)  # Neo4j may have come up after us
                ready = await schema_ready(store)
        except GraphStoreUnavailable as e:
            return JSONResponse({"status": "unavailable", "neo4j": str(e)}, status_code=503)
        if not ready:
            return JSONResponse({"status": "starting", "neo4j": "schema not online yet"}, 503)
        return JSONResponse({"status": "ready", "neo4j": store.uri})

    return app
