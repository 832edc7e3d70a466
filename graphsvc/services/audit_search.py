"""The audit log as an admin searches it: changes about a node (found by its id or by words of
its name), made by one user, within a range of days, a page at a time, newest first; each entry
with the names of the nodes it is about as they are now, so it can be read as a sentence.

Days are Danish days (Europe/Copenhagen), as the admin reading the log means them. A node that
was deleted is no longer found by its name, only by its id; an erased person by neither (their
entries keep who did what when, and nothing of them).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from graphsvc.audit import AuditEntry
from graphsvc.auth import Role
from graphsvc.db.mapping import kind_from_labels
from graphsvc.db.nodes import lucene_query
from graphsvc.domain import Kind
from graphsvc.errors import InvalidInput
from graphsvc.services.scope import Scope

__all__ = ["MAX_PAGE", "AuditFilter", "AuditPage", "FoundEntry", "Subject", "search"]

MAX_PAGE = 100
DANISH_TIME = ZoneInfo("Europe/Copenhagen")
_CURSOR = "audit:"
_MAX_MATCHES = 20  # nodes whose names match the words; more means the words are too vague
_USER = "user:"


@dataclass(frozen=True)
class AuditFilter:
    about: str | None = None  # a node's id or words of its name
    user: str | None = None  # who made the changes: a user's name, or "command line"
    since: date | None = None  # the first day
    until: date | None = None  # the last day (included)


@dataclass(frozen=True)
class Subject:
    """A node (or user) an entry is about: ``name`` and ``kind`` as it is now (None: deleted
    or erased, or not a node)."""

    id: str
    name: str | None
    kind: Kind | None


@dataclass(frozen=True)
class FoundEntry:
    entry: AuditEntry
    subjects: tuple[Subject, ...]


@dataclass(frozen=True)
class AuditPage:
    entries: list[FoundEntry]
    has_more: bool
    end_cursor: str | None
    matched: list[Subject]  # the nodes ``about`` found (empty: no such filter, or none found)


def _cursor(entry: AuditEntry) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR}{entry.at.isoformat()}|{entry.id}".encode()).decode()


def _after(cursor: str | None) -> tuple[datetime | None, str | None]:
    if cursor is None:
        return None, None
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
        at, _, entry_id = text.removeprefix(_CURSOR).partition("|")
        if not text.startswith(_CURSOR) or not entry_id:
            raise ValueError(text)
        return datetime.fromisoformat(at), entry_id
    except (binascii.Error, UnicodeError, ValueError):
        raise InvalidInput("after: this is not a cursor given out by the audit log") from None


def _day_start(day: date) -> datetime:
    """Midnight at the start of a Danish day, as a UTC time (as the log's times are kept)."""
    return datetime.combine(day, time(0), tzinfo=DANISH_TIME).astimezone(UTC)


def _checked(f: AuditFilter, first: int) -> None:
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(f"first: a page of the audit log holds 1 to {MAX_PAGE} entries, not {first}")
    if f.since and f.until and f.since > f.until:
        raise InvalidInput(f"the first day ({f.since}) comes after the last day ({f.until})")
    for name, value in (("about", f.about), ("user", f.user)):
        if value is not None and len(value) > 200:
            raise InvalidInput(f"{name}: at most 200 characters")


async def _names(scope: Scope, ids: list[str]) -> dict[str, Subject]:
    nodes = [i for i in ids if not i.startswith(_USER)]
    records = await scope.store.query("audit/subject_names", tenant=scope.tenant, ids=nodes) if nodes else []
    found = {r["id"]: Subject(r["id"], r["name"], kind_from_labels(r["labels"])) for r in records}
    for i in ids:
        if i.startswith(_USER):
            found[i] = Subject(i, i.removeprefix(_USER), None)
    return found


async def _about(scope: Scope, text: str) -> tuple[list[str], list[Subject]]:
    """The subjects an ``about`` filter stands for: the text as an id (of a node or a user)
    and the nodes whose names hold its words; with the nodes found."""
    ids = [text, f"{_USER}{text}"]
    query = lucene_query(text)
    if query is not None:
        records = await scope.store.query(
            "nodes/search_names", tenant=scope.tenant, query=query, limit=_MAX_MATCHES
        )
        ids += [r["id"] for r in records if r["id"] != text]
    names = await _names(scope, [i for i in ids if not i.startswith(_USER)])
    return ids, [names[i] for i in ids if i in names]


def _entry(r: Any) -> AuditEntry:
    return AuditEntry(
        id=r["id"],
        at=r["at"].to_native(),
        actor=r["actor"],
        action=r["action"],
        target=r["target"],
        before=json.loads(r["before"]) if r["before"] else None,
        after=json.loads(r["after"]) if r["after"] else None,
        redacted=r["redacted"],
    )


async def search(
    scope: Scope, f: AuditFilter = AuditFilter(), *, first: int = 50, after: str | None = None
) -> AuditPage:
    """A page of the tenant's audit log that matches every filter given, newest first."""
    scope.require(Role.ADMIN)
    _checked(f, first)
    after_at, after_id = _after(after)
    about = (f.about or "").strip()
    subjects, matched = await _about(scope, about) if about else (None, [])
    user = (f.user or "").strip() or None
    records = await scope.store.query(
        "audit/search",
        tenant=scope.tenant,
        subjects=subjects,
        actor=user,
        since=_day_start(f.since) if f.since else None,
        until=_day_start(f.until + timedelta(days=1)) if f.until else None,
        after_at=after_at,
        after_id=after_id,
        limit=first + 1,  # one more tells whether another page follows
    )
    page = records[:first]
    names = await _names(scope, sorted({s for r in page for s in r["subjects"] or []}))
    entries = [
        FoundEntry(
            entry=_entry(r),
            subjects=tuple(names.get(s) or Subject(s, None, None) for s in r["subjects"] or []),
        )
        for r in page
    ]
    return AuditPage(
        entries=entries,
        has_more=len(records) > first,
        end_cursor=_cursor(entries[-1].entry) if entries else None,
        matched=matched,
    )
