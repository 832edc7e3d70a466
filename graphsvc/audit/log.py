"""Writing and reading audit entries (see the package docstring)."""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from neo4j import AsyncManagedTransaction
from pydantic import BaseModel

from graphsvc.db.driver import GraphStore, run

__all__ = ["AuditEntry", "acting_as", "current_actor", "entries", "record", "redact", "set_actor", "what"]

# Who changes things in this request or command; the command line acts as "command line".
_actor: ContextVar[str] = ContextVar("graphsvc_audit_actor", default="command line")


def what(kind: Enum) -> str:
    """A kind of node in an action's words: MunicipalUnit → "municipal unit"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", str(kind.value)).lower()


def current_actor() -> str:
    return _actor.get()


@contextlib.contextmanager
def acting_as(actor: str) -> Iterator[None]:
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


def set_actor(actor: str) -> None:
    """For a request: the whole request (its own task) acts as ``actor``."""
    _actor.set(actor)


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: datetime
    actor: str
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    redacted: bool


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.model_dump(exclude_none=True).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


async def record(
    tx: AsyncManagedTransaction,
    tenant: str,
    action: str,
    target: str,
    *,
    subjects: Sequence[str] = (),
    before: Any = None,
    after: Any = None,
) -> None:
    """Log one change inside its transaction. ``subjects`` are the node ids it is about (what an
    erasure looks for); ``before``/``after`` are the records (domain objects or dicts)."""
    await run(
        tx,
        "audit/record",
        tenant=tenant,
        id=secrets.token_hex(8),
        actor=_actor.get(),
        action=action,
        target=target,
        subjects=list(subjects) or [target],
        before=_json(before),
        after=_json(after),
    )


async def entries(
    store: GraphStore,
    tenant: str,
    *,
    subject: str | None = None,
    before_at: datetime | None = None,
    limit: int = 50,
) -> list[AuditEntry]:
    records = await store.query(
        "audit/entries", tenant=tenant, subject=subject, before_at=before_at, limit=limit
    )
    return [
        AuditEntry(
            id=r["id"],
            at=r["at"].to_native(),
            actor=r["actor"],
            action=r["action"],
            target=r["target"],
            before=json.loads(r["before"]) if r["before"] else None,
            after=json.loads(r["after"]) if r["after"] else None,
            redacted=r["redacted"],
        )
        for r in records
    ]


async def redact(tx: AsyncManagedTransaction, tenant: str, subject: str) -> int:
    records = await run(tx, "audit/redact", tenant=tenant, subject=subject)
    return int(records[0]["redacted"])
