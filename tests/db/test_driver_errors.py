"""What the driver's errors become: sentences a coordinator or operator can act on."""

from __future__ import annotations

import pytest
from neo4j.exceptions import Neo4jError

from graphsvc.db.driver import translate_errors
from graphsvc.errors import TooLargeForOneWrite


def test_a_transaction_over_neo4js_memory_limit_says_so_and_that_nothing_was_written() -> None:
    full = Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        message="The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB.",
    )
    expected = r"dbms\.memory\.transaction\.total\.max.*nothing was written"
    with pytest.raises(TooLargeForOneWrite, match=expected), translate_errors("bolt://127.0.0.1:7687"):
        raise full


def test_other_database_errors_pass_through_unchanged() -> None:
    other = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="bad")
    with pytest.raises(Neo4jError, match="bad"), translate_errors("bolt://127.0.0.1:7687"):
        raise other
