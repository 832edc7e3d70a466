"""Cypher lives in ``cypher/<area>/<name>.cypher``; this loads it by name.

Each file starts with a comment naming its parameters and columns. Values are always passed
as ``$parameters``; labels and relationship types are passed as parameters too and used through
Cypher's dynamic ``$(...)`` form, after the caller checked them against the domain's enums.
"""

from __future__ import annotations

from functools import cache

from neo4j import Query

from graphsvc.config import REPO_ROOT

__all__ = ["CYPHER_DIR", "load", "preload", "statements", "text"]

CYPHER_DIR = REPO_ROOT / "cypher"


@cache
def _text(name: str) -> str:
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents:
        raise ValueError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def text(name: str) -> str:
    """The text of ``<area>/<name>`` (inside transaction functions, which take no ``Query``)."""
    return _text(name)


def load(name: str) -> Query:
    """The query ``<area>/<name>``; its name travels as metadata into Neo4j's query log."""
    return Query(_text(name), metadata={"graphsvc_query": name})  # type: ignore[arg-type]


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
