"""Kumu projects in: the XLSX workbook Kumu imports and exports (sheets ``Elements`` and
``Connections``) and a project's JSON export, as the node and tie tables of
:mod:`graphsvc.io.network_tables`.

Kumu's columns are read like any spreadsheet's: ``Label`` is the name, ``Type`` the kind of
actor (a word such as "Skole" or "Fond" also gives sector and arenas), ``Tags`` arenas or
category, ``From``/``To`` the ends (``|`` between several), ``Direction`` directed, undirected
or mutual. A workbook graphsvc wrote has an ``ID`` column, so it comes back with its ids. In
JSON, elements are named by Kumu's ``_id``, which connections refer to.
"""

from __future__ import annotations

import json
from typing import Any

from graphsvc.io.network_tables import NetworkTables
from graphsvc.io.tabular.reading import Row, Table, table_of
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.workbooks import read_sheets

__all__ = ["read_kumu_json", "read_kumu_xlsx"]

ELEMENTS, CONNECTIONS = "Elements", "Connections"


def read_kumu_xlsx(data: bytes, report: ImportReport, *, max_bytes: int) -> NetworkTables | None:
    sheets = read_sheets(data, report, max_bytes=max_bytes, names=(ELEMENTS, CONNECTIONS))
    if sheets is None:
        return None
    report.sheet = f"{ELEMENTS}, {CONNECTIONS}"
    with report.in_sheet(ELEMENTS):
        elements = table_of(sheets.get(ELEMENTS, []), report)
        count = report.rows
    if elements is None:
        return None
    connections = None
    if any(any(c.strip() for c in row) for row in sheets.get(CONNECTIONS, [])):
        with report.in_sheet(CONNECTIONS):
            connections = table_of(sheets[CONNECTIONS], report)
    report.rows = count + (len(connections.rows) if connections else 0)
    return NetworkTables(elements, connections, node_sheet=ELEMENTS, tie_sheet=CONNECTIONS)


def read_kumu_json(data: bytes, report: ImportReport) -> NetworkTables | None:
    try:
        project = json.loads(data)
    except (ValueError, RecursionError):
        report.error("the Kumu JSON cannot be read as JSON", suggestion="export it from Kumu again")
        return None
    elements = [e for e in project.get("elements", []) if isinstance(e, dict)]
    connections = [c for c in project.get("connections", []) if isinstance(c, dict)]
    element_rows = [_fields(e) for e in elements]
    keys = {row: str(e.get("_id") or e.get("id") or "") for row, e in enumerate(elements, start=2)}
    headings = _headings(element_rows, first=("label",))
    nodes = Table(
        tuple(headings),
        1,
        tuple(
            Row(n, tuple(fields.get(h, "") for h in headings))
            for n, fields in enumerate(element_rows, start=2)
        ),
    )
    connection_rows = [
        {"from": _text(c.get("from")), "to": _text(c.get("to")), **_fields(c)} for c in connections
    ]
    tie_headings = _headings(connection_rows, first=("from", "to"))
    ties = Table(
        tuple(tie_headings),
        1,
        tuple(
            Row(n, tuple(fields.get(h, "") for h in tie_headings))
            for n, fields in enumerate(connection_rows, start=2)
        ),
    )
    report.rows = len(elements) + len(connections)
    return NetworkTables(
        nodes,
        ties if connections else None,
        keys={row: key for row, key in keys.items() if key},
        node_sheet="elements",
        tie_sheet="connections",
    )


def _fields(item: dict[str, Any]) -> dict[str, str]:
    """An element's or connection's values by heading: its attributes, and the top-level
    values Kumu keeps beside them (label, type, direction)."""
    values = {k: v for k, v in item.items() if k not in ("_id", "id", "from", "to", "attributes")}
    attributes = item.get("attributes")
    if isinstance(attributes, dict):
        values.update(attributes)
    return {str(k): _text(v) for k, v in values.items() if _text(v)}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_text(v) for v in value if _text(v))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return ""  # Kumu's layout and style objects
    return str(value).strip()


def _headings(rows: list[dict[str, str]], *, first: tuple[str, ...]) -> list[str]:
    seen = dict.fromkeys(first)
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)
