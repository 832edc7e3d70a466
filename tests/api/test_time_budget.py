"""The time budget per request: a request that runs past it is stopped and answered with a 503
naming the budget; a quick one, an upload and a file download are left alone."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import Receive, Scope, Send

from graphsvc.api.time_budget import TimeBudget


def _app(seconds: float) -> TimeBudget:
    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        await asyncio.sleep(seconds)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"done"})

    return TimeBudget(slow, seconds=0.2)


async def _get(app: TimeBudget, path: str = "/graphql", **kwargs: object) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        return await client.post(path, **kwargs)  # type: ignore[arg-type]


async def test_a_request_past_the_budget_is_stopped_and_named() -> None:
    response = await _get(_app(5), json={"query": "{ __typename }"})
    assert response.status_code == 503
    assert "GRAPHSVC_REQUEST_TIME_BUDGET" in response.json()["detail"]
    assert "0.2 s" in response.json()["detail"]


async def test_a_quick_request_is_answered() -> None:
    response = await _get(_app(0), json={"query": "{ __typename }"})
    assert response.status_code == 200 and response.text == "done"


async def test_uploads_and_file_downloads_are_measured_by_size_not_time() -> None:
    upload = await _get(_app(0.4), files={"file": ("a.csv", b"name\nx\n")})
    assert upload.status_code == 200
    download = await _get(_app(0.4), "/exports/network.graphml")
    assert download.status_code == 200
