"""Several ties in one change (a club's new members, an initiative's partners): all or none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from graphsvc.auth import Role
from graphsvc.db import tie_batches
from graphsvc.domain import Tie
from graphsvc.errors import InvalidInput, Problem
from graphsvc.network_check import problems_from_validation
from graphsvc.services.scope import Scope

__all__ = ["MAX_TIES", "connect_all"]

MAX_TIES = 500


async def connect_all(scope: Scope, fields: Sequence[dict[str, Any]]) -> tie_batches.BatchResult:
    """Check every tie, then store them all in one transaction; InvalidInput listing every
    problem (and nothing stored) otherwise."""
    scope.require(Role.COORDINATOR)
    if not 1 <= len(fields) <= MAX_TIES:
        raise InvalidInput(f"send 1 to {MAX_TIES} ties at a time, not {len(fields)}")
    ties: list[Tie] = []
    problems: list[Problem] = []
    for number, raw in enumerate(fields, start=1):
        record = f"tie {number} ({raw.get('source')} -{raw.get('type')}-> {raw.get('target')})"
        try:
            ties.append(Tie.model_validate(raw))
        except ValidationError as e:
            problems += problems_from_validation(record, e)
    if problems:
        raise InvalidInput(f"none of the {len(fields)} ties was saved", problems)
    return await tie_batches.connect_all(scope.store, scope.tenant, ties)
