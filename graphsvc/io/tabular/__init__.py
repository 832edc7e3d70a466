"""Spreadsheets in: actors, contact persons, young people, ties and partner surveys from CSV or
XLSX files, with Danish or English headings.

The way through, one module each:

* :mod:`~graphsvc.io.tabular.reading` tells CSV from XLSX by content and gives a table of text
  cells (:mod:`~graphsvc.io.tabular.text_files` finds a CSV's encoding and separator,
  :mod:`~graphsvc.io.tabular.workbooks` reads a workbook's first sheet with content);
* :mod:`~graphsvc.io.tabular.columns` says which columns each kind of file has, and
  :mod:`~graphsvc.io.tabular.headings` matches a file's headings (and the user's mapping) to them;
* :mod:`~graphsvc.io.tabular.node_rows`, :mod:`~graphsvc.io.tabular.tie_rows` and
  :mod:`~graphsvc.io.tabular.survey` turn rows into records, finding nodes by id or name
  (:mod:`~graphsvc.io.tabular.references`) and reading values in English or Danish
  (:mod:`~graphsvc.io.tabular.values`);
* :mod:`~graphsvc.io.tabular.changes` compares the records with what the tenant holds;
* :mod:`~graphsvc.io.tabular.report` collects every finding by row and column;
* :mod:`~graphsvc.io.tabular.templates` writes the empty files to fill in.

The database steps and the write are in :mod:`graphsvc.services.imports`.
"""

from graphsvc.io.tabular.columns import COLUMNS, Column, ImportKind, detect_kind, parse_kind
from graphsvc.io.tabular.headings import parse_mapping
from graphsvc.io.tabular.report import Counts, Entry, ImportReport, Severity
from graphsvc.io.tabular.templates import template_csv, template_file_name, template_xlsx

__all__ = [
    "COLUMNS",
    "Column",
    "Counts",
    "Entry",
    "ImportKind",
    "ImportReport",
    "Severity",
    "detect_kind",
    "parse_kind",
    "parse_mapping",
    "template_csv",
    "template_file_name",
    "template_xlsx",
]
