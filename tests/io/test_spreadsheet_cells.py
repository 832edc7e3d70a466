"""Which texts a spreadsheet would run as a formula: guarded always after ``=``, ``@``, a tab or
a carriage return; after ``+`` or ``-`` only when the text is not a plain number or phone
number."""

from __future__ import annotations

import doctest

import pytest

from graphsvc.io import spreadsheet_cells
from graphsvc.io.spreadsheet_cells import guarded, runs_as_formula


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Phone numbers and numbers stay as they are.
        ("+45 04 25 67 20", "+45 04 25 67 20"),
        ("+45 (0) 46 46 46 46", "+45 (0) 46 46 46 46"),
        ("-12.5", "-12.5"),
        ("+4512345678", "+4512345678"),
        ("-(1)", "-(1)"),
        # What a spreadsheet would run, or could: guarded.
        ("=SUM(A1)", "'=SUM(A1)"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+45 04 25 67 20 =1", "'+45 04 25 67 20 =1"),
        ("+DIG", "'+DIG"),
        ("-", "'-"),  # no digit: not a number
        ("=", "'="),
        # Text that starts otherwise is never touched.
        ("Hvalsø Klatreklub", "Hvalsø Klatreklub"),
        ("45 + 3", "45 + 3"),
        ("", ""),
    ],
)
def test_only_what_a_spreadsheet_would_run_gets_an_apostrophe(text: str, expected: str) -> None:
    assert guarded(text) == expected
    assert runs_as_formula(text) == (expected != text)


def test_the_examples_in_the_docstrings_hold() -> None:
    result = doctest.testmod(spreadsheet_cells)
    assert result.attempted >= 3 and result.failed == 0
