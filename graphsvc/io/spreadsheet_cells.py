"""Text cells that a spreadsheet would run as a formula, and how exports guard them.

Names, categories and contact details are typed in by people, and an exported file is opened
in Excel or LibreOffice by others. A cell whose text a spreadsheet reads as a formula
(``=HYPERLINK(...)``, ``@SUM(...)``, ``+cmd|...``) could fetch or run something there: the
attack known as CSV or formula injection (OWASP). The usual guard is a leading apostrophe,
which spreadsheets read as "this is text" and most show without it.

The rule, :func:`runs_as_formula`:

* a text starting with ``=``, ``@``, a tab or a carriage return is always guarded;
* a text starting with ``+`` or ``-`` is guarded unless it is a plain number or phone number
  (digits, spaces and ``+ - ( ) .`` only, at least one digit): arithmetic on constants calls
  nothing, while a visible apostrophe in every ``+45 ...`` phone number is a nuisance.

The CSV exports put the apostrophe into the cell (:func:`guarded`). Workbooks store every text
as a string cell, which no spreadsheet runs; the Kumu workbook also marks the cells this rule
names as "typed with an apostrophe" (Excel's ``quotePrefix``), so they stay text when edited.
"""

from __future__ import annotations

import re

__all__ = ["guarded", "runs_as_formula"]

_ALWAYS = ("=", "@", "\t", "\r")
_SIGNS = ("+", "-")
_PLAIN_NUMBER = re.compile(r"[0-9 +\-().]*[0-9][0-9 +\-().]*")


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (module docstring).

    >>> [runs_as_formula(t) for t in ["=SUM(A1)", "@evil", "\\tx", "+45 04 25 67 20", "-3.5"]]
    [True, True, True, False, False]
    >>> [runs_as_formula(t) for t in ["+cmd|' /C calc'!A0", "-2+3+cmd|x", "- ", "+DIG", "Søn & Co"]]
    [True, True, True, True, False]
    """
    if text.startswith(_ALWAYS):
        return True
    return text.startswith(_SIGNS) and not _PLAIN_NUMBER.fullmatch(text)


def guarded(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula.

    >>> guarded("=SUM(A1)"), guarded("+45 04 25 67 20"), guarded("+DIG")
    ("'=SUM(A1)", '+45 04 25 67 20', "'+DIG")
    """
    return "'" + text if runs_as_formula(text) else text
