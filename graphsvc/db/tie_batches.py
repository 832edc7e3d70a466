"""Many ties in one transaction: all of them are stored, or none.

Each tie is checked as in a single ``connect`` (both ends in the tenant, the type fits their
kinds) and written in turn; a problem anywhere in the batch rolls back the ties written before
it. Every problem of the batch is reported at once, so one correction round is enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import kind_from_labels
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Kind, Tie, TieType
from graphsvc.errors import InvalidInput, Problem

__all__ = ["BatchResult", "connect_all"]


@dataclass(frozen=True)
class BatchResult:
    created: int
    updated: int


def _describe(number: int, tie: Tie) -> str:
    return f"tie {number} ({tie.source} -{tie.type.value}-> {tie.target})"


def _problem(tie: Tie, kinds: dict[str, Kind]) -> str | None:
    if tie.type is TieType.LOCATED_IN:
        return "set a node's area to place it in an area"
    if tie.source == tie.target:
        return "a node cannot have a tie to itself"
    missing = [end for end in (tie.source, tie.target) if end not in kinds]
    if missing:
        return f"there is no node with id {missing[0]!r}"
    try:
        tie.check_fits(kinds[tie.source], kinds[tie.target])
    except ValueError as e:
        return str(e)
    return None


async def connect_all(store: GraphStore, tenant: str, ties: Sequence[Tie]) -> BatchResult:
    """Create each tie, or replace the properties of the existing one; InvalidInput naming
    every tie that cannot be stored, and then nothing is stored."""

    async def work(tx: AsyncManagedTransaction) -> BatchResult:
        ids = sorted({end for tie in ties for end in (tie.source, tie.target)})
        records = await run(tx, "nodes/kinds_of", tenant=tenant, ids=ids)
        kinds = {r["id"]: kind_from_labels(r["labels"]) for r in records}
        problems: list[Problem] = []
        created = 0
        for number, tie in enumerate(ties, start=1):
            problem = _problem(tie, kinds)
            if problem is not None:
                problems.append(Problem(_describe(number, tie), problem))
            if problems:
                continue  # the batch is lost: check the rest, write nothing more
            result = await run(
                tx,
                "ties/connect",
                tie_type=tie.type,
                tenant=tenant,
                source=tie.source,
                target=tie.target,
                props=tie.properties(),
            )
            was_created = bool(result[0]["created"])
            created += was_created
            await audit.record(
                tx,
                tenant,
                "connect" if was_created else "update tie",
                f"{tie.source} -{tie.type.value}-> {tie.target}",
                subjects=(tie.source, tie.target),
                after=tie,
            )
        if problems:
            # Raised inside the transaction function: the ties written so far are rolled back.
            raise InvalidInput(f"none of the {len(ties)} ties was saved", problems)
        await bump_version(tx, tenant)
        return BatchResult(created=created, updated=len(ties) - created)

    return await store.write(work)
