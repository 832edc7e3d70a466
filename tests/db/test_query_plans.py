"""Every Cypher file is planned without whole-graph scans: a query that scans every node or
every relationship works on the test data and collapses on a municipality."""

from __future__ import annotations

from typing import Any

import pytest

from graphsvc.db import queries
from graphsvc.db.driver import GraphStore
from graphsvc.domain import TieType

pytestmark = pytest.mark.neo4j

# Operators that touch every node (of a label) or every relationship of the database, whatever
# the tenant. (A CartesianProduct of two unique-index seeks is one row by one row: fine.)
WHOLE_GRAPH = (
    "AllNodesScan",
    "NodeByLabelScan",
    "AllRelationshipsScan",
    "DirectedAllRelationshipsScan",
    "UndirectedAllRelationshipsScan",
)
NAMES = sorted(
    p.relative_to(queries.CYPHER_DIR).with_suffix("").as_posix()
    for p in queries.CYPHER_DIR.rglob("*.cypher")
    if p.parent.name != "schema"
)
# Deliberate: DETACH DELETE of a whole tenant runs in batches outside a transaction.
# Backup and restore find a tenant's nodes whatever their labels (so that no label, present or
# added later, is left out): a scan of every node, run rarely and by an operator.
PLANNED_ELSEWHERE = {
    "networks/delete_tenant",
    "backup/read_nodes",
    "backup/read_relationships",
    "backup/count_tenant_nodes",
    "backup/delete_tenant_nodes",
}


def _operators(plan: dict[str, Any]) -> list[str]:
    found = [plan["operatorType"].split("@")[0]]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


@pytest.mark.parametrize("name", [n for n in NAMES if n not in PLANNED_ELSEWHERE])
async def test_query_plan_has_no_whole_graph_scan(store: GraphStore, name: str) -> None:
    text = queries.text(name)
    tie_type = TieType.COLLABORATES_WITH if "`TIE_TYPE`" in text else None
    async with store.driver.session(database=store.database) as session:
        result = await session.run("EXPLAIN " + queries.text(name, tie_type=tie_type))  # type: ignore[arg-type]
        summary = await result.consume()
    assert summary.plan is not None
    operators = _operators(summary.plan)
    assert not [op for op in operators if op in WHOLE_GRAPH], (name, operators)
