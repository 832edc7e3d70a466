"""The FastAPI application: ``/graphql`` (with the GraphiQL IDE), ``/exports/...`` (file
downloads), ``/healthz``, ``/readyz``, and the web pages (``/``, ``/sign-in``, ``/explorer``, …)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graphsvc import __version__
from graphsvc.api import (
    access,
    docs_pages,
    exports,
    growth_story,
    imports,
    invitations,
    maps,
    network_exports,
    presentations,
    respondents,
    snapshot_maps,
    whatif_maps,
)
from graphsvc.api.access_log import redact_access_log
from graphsvc.api.cross_site import CrossSiteGuard
from graphsvc.api.errors import install_error_handlers
from graphsvc.api.graphql_requests import GraphQLRouter
from graphsvc.api.json_bodies import JsonBodyCheck
from graphsvc.api.limits import BodySizeLimit
from graphsvc.api.pages import install_pages
from graphsvc.api.time_budget import TimeBudget
from graphsvc.api.unavailable import install_unavailable_handlers
from graphsvc.api.visitor_pages import install_not_found_page
from graphsvc.config import Settings, get_settings
from graphsvc.errors import GraphStoreUnavailable
from graphsvc.schema import build_schema
from graphsvc.schema.context import get_context
from graphsvc.services.store import UNAVAILABLE, GraphStore, apply_schema, preload_queries, schema_ready

__all__ = ["create_app"]

log = logging.getLogger("graphsvc.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    redact_access_log()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        preload_queries()
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
        # Served from graphsvc's own copies instead (graphsvc.api.docs_pages).
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.include_router(
        # Multipart requests carry importFile's upload. They are "simple" requests a foreign
        # page could send, but the session cookie is SameSite=Strict and tokens travel in a
        # header, so such a request arrives signed out and is refused.
        GraphQLRouter(
            build_schema(settings),
            context_getter=get_context,
            graphql_ide="graphiql",
            multipart_uploads_enabled=True,
        ),
        prefix="/graphql",
    )
    app.include_router(docs_pages.router)
    app.include_router(exports.router)
    app.include_router(network_exports.router)
    app.include_router(imports.router)
    app.include_router(access.router)
    app.include_router(invitations.router)
    # Before the maps: /maps/whatif.html would otherwise be read as /maps/{kind}.html.
    app.include_router(whatif_maps.router)
    app.include_router(maps.router)
    app.include_router(respondents.router)
    app.include_router(snapshot_maps.router)
    app.include_router(growth_story.router)
    app.include_router(presentations.router)
    install_error_handlers(app)
    install_unavailable_handlers(app)
    # The last added runs first: the cross-site guard, then the size limit, then the JSON check
    # (which holds a body while it looks at it, so it must not see one past the limit).
    app.add_middleware(JsonBodyCheck)
    # Uploads may be as large as an import may be.
    app.add_middleware(
        BodySizeLimit, default=settings.max_request_bytes, file_limit=settings.import_max_bytes
    )
    app.add_middleware(CrossSiteGuard)
    # Outermost: the budget counts everything the request makes the server do.
    app.add_middleware(TimeBudget, seconds=settings.request_time_budget)
    install_pages(app)
    install_not_found_page(app)

    @app.get("/healthz", summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="Neo4j is reachable and the schema is applied")
    async def readyz(request: Request) -> JSONResponse:
        store: GraphStore = request.app.state.store
        # One connection attempt, no retries: a probe must answer within its own timeout.
        if not await store.reachable():
            return JSONResponse({"status": "unavailable", "neo4j": UNAVAILABLE}, status_code=503)
        try:
            ready = await schema_ready(store)
            if not ready:
                await apply_schema(store)  # Neo4j may have come up after us
                ready = await schema_ready(store)
        except GraphStoreUnavailable:
            return JSONResponse({"status": "unavailable", "neo4j": UNAVAILABLE}, status_code=503)
        if not ready:
            return JSONResponse({"status": "starting", "neo4j": "schema not online yet"}, 503)
        return JSONResponse({"status": "ready", "neo4j": store.uri})

    return app
