"""Whole-network checks that single records cannot make on their own.

A network (from a file or the demo generator) is written only when every node and tie in it is
acceptable, so that an import is all-or-nothing. Each problem names its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import ValidationError

from graphsvc.domain import Kind, Network, Node, Tie, TieType, article
from graphsvc.errors import InvalidInput, Problem

__all__ = ["check_network", "problems_from_validation", "require_valid"]


def problems_from_validation(record: str, error: ValidationError) -> list[Problem]:
    """One readable problem per field pydantic rejected."""
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "value"
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(Problem(record, f"{field}: {message}"))
    return problems


def check_network(network: Network, known: Mapping[str, Kind] | None = None) -> list[Problem]:
    """Problems that stop ``network`` from being written next to the ``known`` nodes (id → kind)
    already stored in its tenant. Re-writing a known node with the same kind is an update."""
    known = known or {}
    problems: list[Problem] = []
    kinds: dict[str, Kind] = dict(known)
    seen: set[str] = set()
    for node in network.nodes:
        record = f"node {node.id}"
        if node.tenant != network.tenant:
            problems.append(Problem(record, f"belongs to tenant {node.tenant!r}, not {network.tenant!r}"))
        if node.id in seen:
            problems.append(Problem(record, "the id is used twice"))
        elif node.id in known and known[node.id] != node.kind:
            problems.append(
                Problem(record, f"the id is already used by {article(known[node.id].value)} in this tenant")
            )
        seen.add(node.id)
        kinds[node.id] = node.kind
    for node in network.nodes:
        problems.extend(_reference_problems(node, kinds))
    problems.extend(_tie_problems(network.ties, kinds))
    return problems


def require_valid(network: Network, known: Mapping[str, Kind] | None = None) -> None:
    """Raise :class:`InvalidInput` listing every problem, or return when there is none."""
    problems = check_network(network, known)
    if problems:
        raise InvalidInput(f"the network for tenant {network.tenant!r} was not written", problems)


def _reference_problems(node: Node, kinds: Mapping[str, Kind]) -> Iterable[Problem]:
    record = f"node {node.id}"
    area = getattr(node, "area", None)
    if area is not None and kinds.get(area) != Kind.AREA:
        yield Problem(record, f"area {area!r} is not an area in this tenant")
    for area in sorted(getattr(node, "criteria_areas", ())):
        if kinds.get(area) != Kind.AREA:
            yield Problem(record, f"criterion area {area!r} is not an area in this tenant")


def _tie_problems(ties: Iterable[Tie], kinds: Mapping[str, Kind]) -> Iterable[Problem]:
    seen: set[tuple[TieType, str, str]] = set()
    for tie in ties:
        record = f"tie {tie.source} -{tie.type.value}-> {tie.target}"
        if tie.type is TieType.LOCATED_IN:
            yield Problem(record, "give the location as the node's area instead of a tie")
            continue
        key = (tie.type, tie.source, tie.target)
        if key in seen:
            yield Problem(record, "the same tie is given twice")
            continue
        seen.add(key)
        missing = [end for end in (tie.source, tie.target) if end not in kinds]
        if missing:
            yield Problem(record, f"no node with id {missing[0]!r} in this tenant")
            continue
        if tie.source == tie.target:
            yield Problem(record, "a node cannot have a tie to itself")
            continue
        try:
            tie.check_fits(kinds[tie.source], kinds[tie.target])
        except ValueError as e:
            yield Problem(record, str(e))
