"""The command line against the test Neo4j: demo load, import, export, status, plain errors."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphsvc.config import get_settings
from tests.cli.conftest import run

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]


def test_status_names_the_neo4j_that_answers() -> None:
    code, out = run("db", "status")
    assert code == 0
    assert "Neo4j Kernel 5.26" in out and "community" in out


def test_demo_load_once_then_kept(tenant: str) -> None:
    code, out = run("demo", "load", "--size", "small", "--tenant", tenant)
    assert code == 0, out
    assert "Loaded the small demo municipality" in out
    code, out = run("demo", "load", "--size", "small", "--tenant", tenant)
    assert code == 0 and "already holds 2,099 nodes; nothing loaded" in out


def test_export_import_export_loses_nothing(tenant: str, tmp_path: Path) -> None:
    assert run("demo", "load", "--size", "small", "--tenant", tenant)[0] == 0
    first, second = tmp_path / "first.graphml", tmp_path / "second.graphml"
    code, out = run("export", "--tenant", tenant, str(first))
    assert code == 0, out
    copy = tenant + "-copy"
    code, out = run("import", str(first), "--tenant", copy)
    assert code == 0 and "Imported" in out, out
    assert run("export", "--tenant", copy, str(second))[0] == 0
    a, b = nx.read_graphml(first), nx.read_graphml(second)
    assert a.number_of_nodes() == b.number_of_nodes() == 2_099
    assert a.number_of_edges() == b.number_of_edges()
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    # importing the same file again changes nothing
    assert run("import", str(first), "--tenant", copy)[0] == 0
    third = tmp_path / "third.graphml"
    assert run("export", "--tenant", copy, str(third))[0] == 0
    assert third.read_bytes() == second.read_bytes()


def test_bad_file_is_a_plain_error_and_writes_nothing(tenant: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_text(
        """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="sector" for="node" attr.name="sector" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="club-1"><data key="kind">Association</data><data key="name">Klubben</data>
      <data key="sector">civil_society</data></node>
    <node id="club-2"><data key="kind">Association</data><data key="name">Kirken</data>
      <data key="sector">church</data></node>
  </graph>
</graphml>""",
        encoding="utf-8",
    )
    code, out = run("import", str(bad), "--tenant", tenant)
    assert code == 1
    assert "node club-2" in out and "church" in out and "Nothing written from bad.graphml: 1 errors" in out
    assert "Traceback" not in out
    code, out = run("export", "--tenant", tenant, str(tmp_path / "empty.graphml"))
    assert "0 nodes" in out
    code, out = run("import", str(tmp_path / "missing.graphml"), "--tenant", tenant)
    assert code == 1 and "there is no file" in out


def test_unreachable_neo4j_is_one_sentence(monkeypatch: pytest.MonkeyPatch, tenant: str) -> None:
    from graphsvc.local_neo4j import free_port

    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    get_settings.cache_clear()
    code, out = run("demo", "load", "--tenant", tenant)
    assert code == 1
    assert "Neo4j is not reachable at bolt://127.0.0.1:" in out and "Traceback" not in out
