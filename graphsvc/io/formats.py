"""Which format an import file is in, told from its content: a file's name only has to agree.

graphsvc reads spreadsheets (CSV, XLSX), Kumu projects (its XLSX with the sheets Elements and
Connections, and its JSON export), GraphML, GEXF 1.2/1.3 (Gephi) and its own JSON export. Other
formats a coordinator may hold are named as such, with what to do instead, rather than read as
something they are not.

>>> sniff(b'<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3">', "net.gexf")
<FileFormat.GEXF: 'gexf'>
>>> sniff(b"navn;sektor\\nHvals\\xf8 Skole;offentlig", "a.csv")
<FileFormat.CSV: 'csv'>
>>> sniff(b"*Vertices 3", "net.net")
Traceback (most recent call last):
...
graphsvc.io.formats.UnreadableFormat: the file is a Pajek network, which graphsvc does not read
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from enum import StrEnum
from pathlib import PurePath

__all__ = ["FileFormat", "UnreadableFormat", "sniff"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_GRAPH_FILES = "export it from Gephi, yEd or Kumu as GEXF, GraphML or XLSX, or save it as CSV"


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    KUMU_XLSX = "kumu_xlsx"
    KUMU_JSON = "kumu_json"
    GRAPHML = "graphml"
    GEXF = "gexf"
    JSON = "json"  # graphsvc's own export

    @property
    def is_network(self) -> bool:
        """Holds nodes and ties together, rather than one table of one kind."""
        return self not in (FileFormat.CSV, FileFormat.XLSX)


class UnreadableFormat(ValueError):
    def __init__(self, problem: str, suggestion: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.suggestion = suggestion


def sniff(data: bytes, file_name: str) -> FileFormat:
    """The format of ``data``; raises :class:`UnreadableFormat` for one graphsvc cannot read."""
    if data.startswith(_ZIP):
        return _zip_format(data, file_name)
    if data.startswith(_OLE):
        raise UnreadableFormat(
            "the file is an Excel 97-2003 workbook (.xls) or a password-protected workbook, "
            "which cannot be read",
            "remove the password and save it as .xlsx (Excel-projektmappe) or as CSV",
        )
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return _xml_format(head)
    if head[:1] in (b"{", b"["):
        return _json_format(data)
    text = head[:200].decode("latin-1").casefold()
    for start, name in (("*vertices", "a Pajek network"), ("*network", "a Pajek network")):
        if text.startswith(start):
            raise UnreadableFormat(f"the file is {name}, which graphsvc does not read", _GRAPH_FILES)
    if re.match(r"(strict\s+)?(di)?graph\s*[\w\"]*\s*\{", text):
        raise UnreadableFormat("the file is a Graphviz DOT graph, which graphsvc does not read", _GRAPH_FILES)
    if re.match(r"(creator\s+\"[^\"]*\"\s+)?graph\s*\[", text):
        raise UnreadableFormat("the file is a GML graph, which graphsvc does not read", _GRAPH_FILES)
    return FileFormat.CSV


def _zip_format(data: bytes, file_name: str) -> FileFormat:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
            raise UnreadableFormat(
                "the file is an OpenDocument spreadsheet (.ods)",
                "save it as .xlsx (Excel) or as CSV in LibreOffice: Filer > Gem som",
            )
        if "xl/workbook.xml" not in names:
            inside = ", ".join(sorted(names)[:3])
            raise UnreadableFormat(
                f"the file is a ZIP archive ({inside} ...), not a workbook",
                "unpack it and import the files in it one at a time",
            )
        sheets = set(re.findall(rb'<sheet [^>]*name="([^"]*)"', archive.read("xl/workbook.xml")))
    except zipfile.BadZipFile:
        return FileFormat.XLSX  # the workbook reader says what is wrong with it
    if {b"Elements", b"Connections"} <= sheets:
        return FileFormat.KUMU_XLSX
    return FileFormat.XLSX


def _xml_format(head: bytes) -> FileFormat:
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S).lstrip()
    if body.startswith(b"<!DOCTYPE"):
        raise UnreadableFormat(
            "the file has a <!DOCTYPE> declaration, which graphsvc refuses so that no XML "
            "entities can be declared",
            "remove the <!DOCTYPE ...> line; GraphML and GEXF need none",
        )
    match = _ROOT.match(body)
    root = match.group(1).decode().casefold() if match else ""
    if root == "graphml":
        return FileFormat.GRAPHML
    if root == "gexf":
        return FileFormat.GEXF
    raise UnreadableFormat(
        f"the file is XML with the root element <{root or '?'}>, neither GraphML nor GEXF",
        _GRAPH_FILES,
    )


def _json_format(data: bytes) -> FileFormat:
    try:
        content = json.loads(data)
    except (ValueError, RecursionError):
        raise UnreadableFormat(
            "the file looks like JSON but cannot be read as JSON",
            "export it again from graphsvc or Kumu; a JSON file must not be edited by hand",
        ) from None
    if isinstance(content, dict) and content.get("format") == "graphsvc-network":
        return FileFormat.JSON
    if isinstance(content, dict) and isinstance(content.get("elements"), list):
        return FileFormat.KUMU_JSON
    raise UnreadableFormat(
        "the file is JSON, but neither a graphsvc network export nor a Kumu project",
        "in Kumu: Project > Export > JSON; or use GEXF, GraphML, XLSX or CSV",
    )


def suffix_of(file_name: str) -> str:
    return PurePath(file_name).suffix.casefold()
