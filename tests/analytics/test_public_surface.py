"""The analytics package's public surface, and the layers it must not reach into."""

from __future__ import annotations

import ast
import dataclasses
import json
from pathlib import Path

import networkx as nx

import graphsvc.analytics as analytics

PACKAGE = Path(analytics.__file__).parent
FORBIDDEN = (
    "neo4j",
    "strawberry",
    "fastapi",
    "graphsvc.config",
    "graphsvc.db",
    "graphsvc.schema",
    "graphsvc.services",
)


def test_every_exported_name_exists() -> None:
    assert sorted(analytics.__all__) == sorted(set(analytics.__all__))
    for name in analytics.__all__:
        assert hasattr(analytics, name), name


def test_results_are_frozen_dataclasses() -> None:
    for name in analytics.__all__:
        value = getattr(analytics, name)
        if dataclasses.is_dataclass(value):
            assert value.__dataclass_params__.frozen, name  # type: ignore[attr-defined]


def test_no_database_web_or_settings_imports() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_every_module_declares_its_surface() -> None:
    for path in PACKAGE.glob("*.py"):
        if path.name != "__init__.py":
            assert "__all__" in path.read_text(encoding="utf-8"), path.name


def test_results_serialise_to_json(tiny: nx.DiGraph) -> None:
    report = analytics.gap_report(tiny, "tg-lonely", engine="networkx")
    data = json.loads(json.dumps(analytics.as_dict(report)))
    assert data["members"]["explicit"] == ["yp-6"]
    assert data["findings"][0]["severity"] == "high"
    ranking = json.loads(json.dumps(analytics.as_dict(analytics.rank_brokers(tiny))))
    assert ranking["brokers"][0]["roles"]["gatekeeper"] == 4
