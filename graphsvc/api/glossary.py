"""The glossary as JSON (``/glossary.json``) for the glossary page and the "?" beside a measure.

The words are no secret: anyone may read them, signed in or not, and a browser may keep them an
hour.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from graphsvc.glossary import as_json

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/glossary.json")
async def glossary() -> JSONResponse:
    return JSONResponse(as_json(), headers={"Cache-Control": "public, max-age=3600"})
