"""Import files over plain HTTP: the empty templates to fill in, and an upload for scripts.

``GET /imports/templates/{kind}.csv`` (or ``.xlsx``) with ``lang=da`` (the default) or ``en``:
the headings of ``actors``, ``contacts``, ``young_people``, ``ties`` or ``survey``. Templates
hold no data, so they need no sign-in.

``POST /imports`` (multipart, the file in ``file``, any format graphsvc reads) with ``kind``,
``dry_run``, ``skip_invalid_rows``, ``map`` (repeatable, ``Forening=name``), ``default``
(repeatable, ``sector=civil_society``), ``type`` (repeatable, ``Bibliotek=municipal_unit,
public``), ``survey`` and ``tenant``:
the import report as JSON. Needs a coordinator of the tenant, like ``importFile`` in GraphQL.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from graphsvc.api.scope import RequestScope
from graphsvc.auth import Role
from graphsvc.errors import InvalidInput
from graphsvc.io.tabular import ImportKind, parse_mapping
from graphsvc.io.tabular.templates import template_csv, template_file_name, template_xlsx
from graphsvc.services.imports import ImportOptions, import_file

__all__ = ["router"]

router = APIRouter(prefix="/imports", tags=["imports"])

_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
Lang = Annotated[Literal["da", "en"], Query(description="Headings in Danish or English.")]


def _template(kind: ImportKind, file_format: Literal["csv", "xlsx"], lang: Literal["da", "en"]) -> Response:
    content = template_csv(kind, lang) if file_format == "csv" else template_xlsx(kind, lang)
    name = template_file_name(kind, lang, file_format)
    return Response(
        content=content,
        media_type=_TYPES[file_format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/templates/{kind}.csv", summary="An empty import file as CSV", response_class=Response)
async def template_as_csv(kind: ImportKind, lang: Lang = "da") -> Response:
    """The headings to fill in (Danish: ';' between columns, as Danish Excel expects)."""
    return _template(kind, "csv", lang)


@router.get("/templates/{kind}.xlsx", summary="An empty import file as XLSX", response_class=Response)
async def template_as_xlsx(kind: ImportKind, lang: Lang = "da") -> Response:
    """The headings to fill in, with a help sheet on what each column takes."""
    return _template(kind, "xlsx", lang)


@router.post(
    "",
    summary="Import a file of any format graphsvc reads (or check it with dry_run): CSV, XLSX, "
    "Kumu XLSX or JSON, GraphML, GEXF, graphsvc's JSON",
)
async def upload(
    request: Request,
    scope: RequestScope,
    file: UploadFile,
    kind: Annotated[ImportKind | None, Query(description="Told from the headings if left out.")] = None,
    dry_run: bool = False,
    skip_invalid_rows: bool = False,
    map: Annotated[list[str] | None, Query(description="HEADING=FIELD, e.g. Forening=name.")] = None,
    default: Annotated[
        list[str] | None, Query(description="FIELD=VALUE for rows that give none, e.g. sector=civil_society.")
    ] = None,
    type: Annotated[
        list[str] | None,
        Query(
            description="WORD=TYPE, your own actor type, e.g. 'Bibliotek=municipal_unit, public, community'."
        ),
    ] = None,
    survey: str | None = None,
) -> JSONResponse:
    scope.require(Role.COORDINATOR)  # before the upload is read
    try:
        mapping = parse_mapping(map or [])
        defaults = parse_mapping(
            default or [], what="default", form="FIELD=VALUE", example="sector=civil_society"
        )
        types = parse_mapping(
            type or [],
            what="type word",
            form="WORD=KIND, SECTOR, ARENA",
            example="Bibliotek=municipal_unit, public",
        )
    except ValueError as e:
        raise InvalidInput(str(e)) from None
    limit = request.app.state.settings.import_max_bytes
    data = await file.read(limit + 1)
    options = ImportOptions(
        kind=kind,
        dry_run=dry_run,
        mapping=mapping,
        defaults=defaults,
        types=types,
        skip_invalid_rows=skip_invalid_rows,
        survey=survey,
        max_bytes=limit,
    )
    report = await import_file(scope, data, file_name=file.filename or "", size=file.size, options=options)
    body: dict[str, Any] = dataclasses.asdict(report)
    body.pop("current_sheet", None)
    body["summary"] = report.summary()
    body["errors"] = len(report.errors)
    # A dry run did what was asked, whatever it found; an import that wrote nothing did not.
    ok = report.valid or report.written or options.dry_run
    return JSONResponse(body, status_code=200 if ok else 422)
