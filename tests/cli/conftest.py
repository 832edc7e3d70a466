"""The command line run in-process (Typer's runner) against the test Neo4j."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from graphsvc.cli import app
from graphsvc.config import Settings, get_settings

runner = CliRunner()


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Commands read their settings from the environment: point them at the test Neo4j, on a
    wide terminal (rich wraps tables at the width it is given)."""
    monkeypatch.setenv("NEO4J_URI", settings.bolt_uri)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    """The exit code and the output as one line (rich wraps long lines)."""
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())
