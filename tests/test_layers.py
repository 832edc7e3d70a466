"""The layers' promises, read from the source: imports go one way (schema, API and command line →
services → store and analytics), and a scope is opened in exactly three places, so that every
service call knows who asks and the audience rules cannot be skipped."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "graphsvc"


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py")) if layer else sorted(PACKAGE.glob("*.py"))


def imported(path: Path) -> Iterator[str]:
    """Every module ``path`` imports, with ``from graphsvc import db`` read as graphsvc.db."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _offending(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in _modules(layer)
        for name in imported(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize("layer", ["schema", "api", "cli", "maps"])
def test_outer_layers_reach_the_store_only_through_services(layer: str) -> None:
    assert not _offending(layer, ("graphsvc.db", "neo4j"))


def test_analytics_are_pure() -> None:
    assert not _offending(
        "analytics", ("neo4j", "strawberry", "fastapi", "graphsvc.config", "graphsvc.db", "graphsvc.services")
    )


def test_services_know_nothing_of_the_web() -> None:
    assert not _offending(
        "services", ("strawberry", "fastapi", "starlette", "graphsvc.schema", "graphsvc.api", "graphsvc.cli")
    )


def _calls(path: Path, name: str) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name)
    )


def test_a_scope_is_opened_in_three_places_only() -> None:
    opening = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _calls(path, "open_scope") or (_calls(path, "Scope") and path.name != "scope.py")
    }
    assert opening == {"schema/context.py", "api/scope.py", "cli/common.py"}


def test_the_guard_sees_an_import_it_forbids(tmp_path: Path) -> None:
    """The checks above can fail: a module importing the store is caught."""
    module = tmp_path / "resolver.py"
    module.write_text("from graphsvc import db\nfrom graphsvc.db.nodes import NodeRepository\n")
    assert {"graphsvc.db", "graphsvc.db.nodes"} <= set(imported(module))
