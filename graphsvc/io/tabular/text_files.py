"""CSV files as spreadsheet programs write them: the encoding and the column separator are
found, never assumed.

Encodings, tried in this order: a byte order mark (UTF-8, or UTF-16 as Excel's "Unicode text"
writes it), then UTF-8, then Windows-1252 (what Danish Excel writes for "CSV
(semikolonsepareret)"). Bytes that fit neither are an error. A file read as Windows-1252 whose
letters look like another code page (DOS 850/865, Mac Roman: "Tr‘ning" for "Træning") is an
error too, and UTF-8 text that was converted twice ("HvalsÃ¸") gets a warning: a wrong guess
must not pass silently.

Separators: ``;`` (Danish Excel), ``,``, tab and ``|``; the one that splits the first rows into
the most equal number of columns wins. Excel's ``sep=;`` first line is honoured.
"""

from __future__ import annotations

import codecs
import csv
import io
import re

from graphsvc.io.tabular.report import ImportReport

__all__ = ["decode", "parse_csv"]

_DELIMITERS = (";", ",", "\t", "|")
# Punctuation that Windows-1252 gives for the bytes of æ, ø, å in other code pages; between
# two letters it betrays a wrong encoding.
_FOREIGN = re.compile(r"[^\W\d_][†‡‰‹›‘“”•¾¿Œ›][^\W\d_]")
_TWICE = re.compile(r"Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02dc\u2013-\u203a]")
_WORD_WITH_LETTER = re.compile(r"\w*[^\x00-\x7f]\w*")


def decode(data: bytes, report: ImportReport) -> str | None:
    """The text of a CSV file, with how it was read in the report; ``None`` (and an error in
    the report) when it cannot be read safely."""
    if data.startswith(codecs.BOM_UTF8):
        return _finish(data[3:], "utf-8", "UTF-8 (with byte order mark)", report)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _finish(data, "utf-16", "UTF-16", report)
    if b"\x00" in data[:4096]:
        report.error("the file holds binary data, not text: save it as CSV or XLSX")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        report.encoding = "UTF-8"
        _warn_if_converted_twice(text, report)
        return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        report.error(
            f"the file is neither UTF-8 nor Windows-1252 text (byte 0x{data[e.start]:02X} on line {line})",
            suggestion="save it again as 'CSV UTF-8' or 'CSV (semikolonsepareret)'",
        )
        return None
    report.encoding = "Windows-1252"
    foreign = _FOREIGN.search(text)
    if foreign:
        word = _word_around(text, foreign.start() + 1)
        report.error(
            f"the file is not UTF-8, and as Windows-1252 it reads {word!r}: it seems to "
            "be saved in another code page (DOS or Mac)",
            suggestion="save it again as 'CSV UTF-8' or 'CSV (semikolonsepareret)'",
        )
        return None
    example = _WORD_WITH_LETTER.search(text)
    shown = f", e.g. {example.group()!r}" if example else ""
    report.info(f"the file is not UTF-8: read it as Windows-1252, as Danish Excel saves CSV{shown}")
    return text


def _finish(data: bytes, codec: str, name: str, report: ImportReport) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        report.error(
            f"the file starts as {name} but byte {e.start} is not {name}",
            suggestion="save it again as 'CSV UTF-8'",
        )
        return None
    report.encoding = name
    _warn_if_converted_twice(text, report)
    return text.removeprefix("\ufeff")


def _warn_if_converted_twice(text: str, report: ImportReport) -> None:
    match = _TWICE.search(text)
    if match is None:
        return
    word = _word_around(text, match.start())
    try:
        fixed = word.encode("cp1252").decode("utf-8")
    except UnicodeError:
        fixed = None
    report.warning(
        f"{word!r} looks like text converted to UTF-8 twice",
        row=text[: match.start()].count("\n") + 1,
        suggestion=f"it probably means {fixed!r}; fix the file and import it again"
        if fixed
        else "fix the file and import it again",
    )


def _word_around(text: str, position: int) -> str:
    start = position
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ';,\t"':
        start -= 1
    end = position
    while end < len(text) and not text[end].isspace() and text[end] not in ';,\t"':
        end += 1
    return text[start:end]


def parse_csv(text: str, report: ImportReport) -> list[list[str]] | None:
    """The rows of a CSV text (each a list of cells); the separator is found and reported."""
    delimiter: str | None = None
    first, _, rest = text.partition("\n")
    directive = re.fullmatch(r"\s*sep=(.)\s*", first)
    if directive:
        delimiter = directive.group(1)
        text = rest
        report.info(f"the first line 'sep={delimiter}' sets the column separator")
    if delimiter is None:
        delimiter = _sniff(text)
    report.delimiter = delimiter
    if delimiter == ";":
        report.info("columns are separated by ';' (as Danish Excel saves CSV)")
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as e:
        report.error(f"the CSV cannot be read: {e}", suggestion="check the quotes on that line")
        return None


def _sniff(text: str) -> str:
    """The separator that splits the first rows into the most consistent number of columns."""
    sample = "\n".join(text.splitlines()[:50])
    best, best_score = ",", (-1.0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [
                r
                for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if any(cell.strip() for cell in r)
            ]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agreeing = sum(1 for r in rows[1:] if len(r) == width) / max(len(rows) - 1, 1)
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
