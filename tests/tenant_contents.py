"""What a tenant holds, in a form two tenants (or one tenant at two moments) can be compared
by: every node with its labels and typed properties, every relationship between them with its
type and typed properties."""

from __future__ import annotations

from collections import Counter
from typing import Any

from graphsvc.db.driver import GraphStore

# Each property as [key, Neo4j type, value, Cypher's text of a zoned datetime]: the type tells
# an integer from a float and a list's element type; the text tells "Z" from "[UTC]".
# ``last_used_at`` is left out: signing in and opening a share link note it (at most once a
# minute) whatever the request then does, so it is no part of what a request changes.
_PROPS = """[k IN keys({x}) WHERE NOT k IN ['tenant', 'last_used_at'] | [k, valueType({x}[k]), {x}[k],
   CASE WHEN valueType({x}[k]) STARTS WITH 'LIST<ZONED DATETIME' THEN [v IN {x}[k] | toString(v)]
        WHEN valueType({x}[k]) STARTS WITH 'ZONED DATETIME' THEN toString({x}[k]) END]]"""
NODES = f"""MATCH (n) WHERE n.tenant = $tenant AND NOT n:TenantState
RETURN elementId(n) AS element, labels(n) AS labels, {_PROPS.format(x="n")} AS props"""
RELATIONSHIPS = f"""MATCH (a)-[r]->(b)
WHERE a.tenant = $tenant AND b.tenant = $tenant AND NOT a:TenantState AND NOT b:TenantState
RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, {_PROPS.format(x="r")} AS props"""

Contents = tuple[Counter[Any], Counter[Any]]


def _canonical(props: list[list[Any]]) -> tuple[Any, ...]:
    # repr keeps the Python type (and a DateTime's time zone); sorting makes key order irrelevant.
    return tuple(sorted((k, t, repr(v), repr(z)) for k, t, v, z in props))


async def read_contents(store: GraphStore, tenant: str) -> Contents:
    async with store.driver.session(database=store.database) as session:
        nodes = await (await session.run(NODES, tenant=tenant)).data()
        ties = await (await session.run(RELATIONSHIPS, tenant=tenant)).data()
    canonical = {n["element"]: (tuple(sorted(n["labels"])), _canonical(n["props"])) for n in nodes}
    return (
        Counter(canonical.values()),
        Counter((canonical[t["a"]], t["type"], canonical[t["b"]], _canonical(t["props"])) for t in ties),
    )
