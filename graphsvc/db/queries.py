"""Cypher lives in ``cypher/<area>/<name>.cypher``; this loads it by name.

Each file starts with a comment naming its parameters and columns. Values are always passed
as ``$parameters``. Labels are passed as parameters too and set through Cypher's dynamic
``$(...)`` form. A relationship type to MATCH or MERGE is the exception: Neo4j 5.26 plans a
dynamic type there as a scan of every relationship, so such a file names the placeholder type
`` `TIE_TYPE` ``, replaced by a member of :class:`~graphsvc.domain.TieType` (never by user text).
"""

from __future__ import annotations

from functools import cache

from neo4j import Query

from graphsvc.config import REPO_ROOT
from graphsvc.domain import TieType

__all__ = ["CYPHER_DIR", "load", "preload", "statements", "text"]

CYPHER_DIR = REPO_ROOT / "cypher"


@cache
def _text(name: str) -> str:
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents:
        raise ValueError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


_TIE_TYPE = "`TIE_TYPE`"


def text(name: str, *, tie_type: TieType | None = None) -> str:
    """The text of ``<area>/<name>``, with its placeholder tie type filled in when given."""
    cypher = _text(name)
    if tie_type is None:
        return cypher
    if not isinstance(tie_type, TieType) or _TIE_TYPE not in cypher:
        raise ValueError(f"query {name!r} takes no tie type {tie_type!r}")
    return cypher.replace(_TIE_TYPE, f"`{tie_type.value}`")


def load(name: str, *, tie_type: TieType | None = None) -> Query:
    """The query ``<area>/<name>``; its name travels as metadata into Neo4j's query log."""
    return Query(text(name, tie_type=tie_type), metadata={"graphsvc_query": name})  # type: ignore[arg-type]


def statements(name: str) -> list[str]:
    """The ``;``-separated statements of a file, comments removed (for schema files)."""
    lines = [line for line in _text(name).splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def preload() -> int:
    """Read every query once, so a missing or unreadable file shows at start-up."""
    names = [p.relative_to(CYPHER_DIR).with_suffix("").as_posix() for p in CYPHER_DIR.rglob("*.cypher")]
    for name in names:
        _text(name)
    return len(names)
