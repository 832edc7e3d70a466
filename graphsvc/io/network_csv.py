"""A network as two CSV tables, nodes and ties, for spreadsheets.

``nodes.csv`` has one row per node: ``id``, ``kind`` and the attributes of the GraphML format
(:data:`~graphsvc.io.graphml_format.NODE_ATTRIBUTES`), in the same order and with the same
values: sectors, arenas, kinds and tie types as their codes (``civil_society``,
``school|leisure``), lists ``|``-separated, times in ISO 8601. ``ties.csv`` has one row per tie:
``source``, ``source_name``, ``type``, ``target``, ``target_name``, ``strength``, ``since``,
``frequency``, ``role``; a node's area is its ``area`` column, not a tie.

Headings are Danish (``navn``, ``sektor``, ``område`` ...) or English (the attribute names).
The Danish files are what Danish Excel opens with a double click: ``;`` between columns. Both
start with a UTF-8 byte order mark, so Excel reads æ, ø and å, and end lines with CRLF. Names
are data typed in by people, so a text a spreadsheet would run as a formula (``=``, ``@``, a
tab or a carriage return first, or ``+``/``-`` before anything but a number) gets a leading
apostrophe; a phone number ``+45 04 25 67 20`` is written as it is
(:mod:`graphsvc.io.spreadsheet_cells`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import Enum
from typing import Any, Literal

from graphsvc.domain import Network, Node, Tie
from graphsvc.io.graphml_format import EDGE_ATTRIBUTES, LIST_SEPARATOR, NODE_ATTRIBUTES
from graphsvc.io.spreadsheet_cells import guarded

__all__ = ["FILE_NAMES", "NODE_HEADINGS", "TIE_HEADINGS", "network_csv_files", "network_csv_zip"]

Language = Literal["da", "en"]

NODE_HEADINGS: dict[str, str] = {  # attribute -> Danish heading
    "id": "id",
    "kind": "type",
    "name": "navn",
    "sector": "sektor",
    "arenas": "arenaer",
    "category": "kategori",
    "description": "beskrivelse",
    "area": "område",
    "age_band": "aldersgruppe",
    "birth_year": "fødselsår",
    "challenges": "udfordringer",
    "role": "rolle",
    "email": "e-mail",
    "phone": "telefon",
    "area_type": "områdetype",
    "criteria_age_bands": "kriterie_aldersgrupper",
    "criteria_areas": "kriterie_områder",
    "criteria_challenges": "kriterie_udfordringer",
    "survey_status": "undersøgelsesstatus",
    "created_at": "oprettet",
    "updated_at": "opdateret",
}
TIE_HEADINGS: dict[str, str] = {
    "source": "fra",
    "source_name": "fra_navn",
    "type": "type",
    "target": "til",
    "target_name": "til_navn",
    "strength": "styrke",
    "since": "siden",
    "frequency": "hyppighed",
    "role": "rolle",
    "trust": "tillid",
    "value": "værdi",
    "reciprocated": "gensidig",
    "survey": "undersøgelse",
}
_NODE_COLUMNS = ("id", *NODE_ATTRIBUTES)
_TIE_COLUMNS = (
    "source",
    "source_name",
    "type",
    "target",
    "target_name",
    *(a for a in EDGE_ATTRIBUTES if a != "type"),
)
FILE_NAMES = {"da": ("noder.csv", "relationer.csv"), "en": ("nodes.csv", "ties.csv")}


def network_csv_files(network: Network, *, language: Language = "da") -> dict[str, bytes]:
    """The two tables of ``network``: ``{"nodes.csv": ..., "ties.csv": ...}`` (Danish file
    names ``noder.csv`` and ``relationer.csv``)."""
    if language not in ("da", "en"):
        raise ValueError("language must be 'da' or 'en'")
    names = {node.id: node.name for node in network.nodes}
    node_rows = (_node_row(node) for node in sorted(network.nodes, key=lambda n: n.id))
    ties = sorted(network.ties, key=lambda t: (t.source, t.type.value, t.target))
    tie_rows = (_tie_row(tie, names) for tie in ties)
    nodes_file, ties_file = FILE_NAMES[language]
    return {
        nodes_file: _table(_NODE_COLUMNS, NODE_HEADINGS, node_rows, language),
        ties_file: _table(_TIE_COLUMNS, TIE_HEADINGS, tie_rows, language),
    }


def network_csv_zip(network: Network, *, language: Language = "da") -> bytes:
    """Both tables in one ZIP file (for a single download)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in network_csv_files(network, language=language).items():
            # A fixed time stamp: the same network always gives the same bytes.
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


def _table(
    columns: Sequence[str], danish: dict[str, str], rows: Iterable[dict[str, Any]], language: Language
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "da" else ",", lineterminator="\r\n")
    # An attribute without a Danish heading yet keeps its own name.
    writer.writerow([danish.get(c, c) if language == "da" else c for c in columns])
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8-sig")


def _node_row(node: Node) -> dict[str, Any]:
    fields = type(node).model_fields
    row = {name: getattr(node, name) for name in NODE_ATTRIBUTES if name in fields}
    row["id"] = node.id
    return row


def _tie_row(tie: Tie, names: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(tie, name) for name in EDGE_ATTRIBUTES}
    row.update(
        source=tie.source,
        target=tie.target,
        source_name=names.get(tie.source, ""),
        target_name=names.get(tie.target, ""),
    )
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, frozenset | set):
        # Enum members in their declared order (school|leisure), other values sorted.
        items = sorted(value, key=lambda v: (_position(v), str(v)))
        return LIST_SEPARATOR.join(_cell(v) for v in items)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return guarded(str(value))


def _position(value: Any) -> int:
    return list(type(value)).index(value) if isinstance(value, Enum) else 0
