"""One network, every export format: GraphML, GEXF, JSON, CSV (two files, or both in a ZIP) and
the Kumu workbook.

=========== ================================= ===============================================
format      file                              for
=========== ================================= ===============================================
``graphml`` ``.graphml`` (:mod:`graphml`)     Gephi, yEd, NetworkX; imports back into graphsvc
``gexf``    ``.gexf`` (:mod:`gexf_write`)     Gephi's own format, coloured by sector
``json``    ``.json`` (:mod:`network_json`)   developers and scripts
``csv``     ``NAME-noder.csv`` and            spreadsheets (Danish Excel by default)
            ``NAME-relationer.csv``
            (:mod:`network_csv`)
``zip``     ``.zip`` with both CSV files      one download of the spreadsheets
``kumu``    ``.xlsx`` (:mod:`kumu_workbook`)  Kumu (kumu.io): sheets Elements and Connections,
                                              in Danish words
=========== ================================= ===============================================

A file's extension names its format, except ``.xlsx``, which is the Kumu workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from graphsvc.domain import Network
from graphsvc.errors import InvalidInput
from graphsvc.io.gexf_write import network_to_gexf_bytes, write_gexf
from graphsvc.io.graphml import network_to_graphml_bytes, write_graphml
from graphsvc.io.kumu_workbook import network_to_kumu_bytes, write_kumu
from graphsvc.io.network_csv import network_csv_files, network_csv_zip
from graphsvc.io.network_json import network_to_json

__all__ = [
    "CONTENT_TYPES",
    "EXTENSIONS",
    "FORMATS",
    "ExportFormat",
    "export_bytes",
    "format_of",
    "write_export",
]

ExportFormat = Literal["graphml", "gexf", "json", "csv", "zip", "kumu"]
Language = Literal["da", "en"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
CONTENT_TYPES: dict[str, str] = {
    "graphml": "application/graphml+xml; charset=utf-8",
    "gexf": "application/gexf+xml; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
    "kumu": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The extension of each format's file (CSV: of each of its two files).
EXTENSIONS: dict[str, str] = {name: name for name in FORMATS} | {"kumu": "xlsx"}
_BY_EXTENSION = {extension: name for name, extension in EXTENSIONS.items()}


def format_of(path: Path, explicit: str | None = None) -> ExportFormat:
    """The format named by ``explicit``, else by ``path``'s extension (``.xlsx``: Kumu)."""
    name = (explicit or path.suffix.lstrip(".")).lower()
    name = name if name in FORMATS else _BY_EXTENSION.get(name, name)
    if name not in FORMATS:
        given = f"format {explicit!r}" if explicit else f"the extension of {path.name!r}"
        raise InvalidInput(
            f"{given} names no export format: use .graphml, .gexf, .json, .zip, .csv "
            "or .xlsx (Kumu) (or --format graphml|gexf|json|csv|zip|kumu)"
        )
    return name  # type: ignore[return-value]


def export_bytes(network: Network, file_format: ExportFormat, *, language: Language = "da") -> bytes:
    """``network`` as one file of ``file_format`` (CSV: the ZIP of both tables)."""
    if file_format == "graphml":
        return network_to_graphml_bytes(network)
    if file_format == "gexf":
        return network_to_gexf_bytes(network)
    if file_format == "json":
        return network_to_json(network)
    if file_format in ("csv", "zip"):
        return network_csv_zip(network, language=language)
    if file_format == "kumu":
        return network_to_kumu_bytes(network)
    raise InvalidInput(f"format: one of {', '.join(FORMATS)}, not {file_format!r}")


def write_export(
    network: Network, path: Path, file_format: ExportFormat, *, language: Language = "da"
) -> list[Path]:
    """Write ``network`` to ``path`` and return the files written. CSV writes two files next
    to ``path``: ``<stem>-noder.csv`` and ``<stem>-relationer.csv`` (English: ``-nodes``,
    ``-ties``). GraphML, GEXF and the Kumu workbook are streamed to the file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"there is no folder {str(folder)!r} to write {path.name!r} in")
    if file_format == "graphml":
        write_graphml(network, path)
        return [path]
    if file_format == "gexf":
        write_gexf(network, path)
        return [path]
    if file_format == "kumu":
        write_kumu(network, path)
        return [path]
    if file_format == "csv":
        written = []
        for name, content in network_csv_files(network, language=language).items():
            target = path.with_name(f"{path.stem}-{name}")
            target.write_bytes(content)
            written.append(target)
        return written
    path.write_bytes(export_bytes(network, file_format, language=language))
    return [path]
