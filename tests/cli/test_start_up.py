"""`graphsvc --help` answers at once: starting the command line loads none of the heavy
libraries (each command imports what it needs when it runs). Checked by what is loaded, not
by a time, so the test holds on a busy machine; ``bench/cli_bench.py`` measures the times."""

from __future__ import annotations

import json
import subprocess
import sys

# Each takes from a tenth of a second to a second to import.
HEAVY = ("igraph", "networkx", "strawberry", "fastapi", "neo4j", "openpyxl", "uvicorn")

_REPORT = f"""
import json, sys
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {set(HEAVY)!r})))
"""


def _heavy_modules_after(prepare: str) -> list[str]:
    """The heavy modules loaded in a fresh interpreter after running ``prepare``."""
    code = prepare + _REPORT
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    assert _heavy_modules_after("import graphsvc.cli") == []


def test_help_of_every_command_group_loads_no_heavy_library() -> None:
    # Typer reads every command's options and help texts to print the help.
    prepare = """
from graphsvc.cli import app
for args in (["--help"], ["analyze", "--help"], ["analyze", "metrics", "--help"],
             ["snapshot", "compare", "--help"], ["import", "--help"], ["users", "add", "--help"]):
    try:
        app(args, prog_name="graphsvc")
    except SystemExit as e:
        assert e.code == 0, (args, e.code)
"""
    assert _heavy_modules_after(prepare) == []


def test_the_help_texts_are_kept() -> None:
    from typer.testing import CliRunner

    from graphsvc.cli import app

    out = " ".join(
        CliRunner().invoke(app, ["analyze", "metrics", "--help"], env={"COLUMNS": "200"}).output.split()
    )
    assert "highest betweenness first" in out
    out = " ".join(
        CliRunner().invoke(app, ["snapshot", "compare", "--help"], env={"COLUMNS": "200"}).output.split()
    )
    assert "[default: now]" in out


def test_the_snapshot_command_says_now_as_the_service_reads_it() -> None:
    from graphsvc.cli import snapshot
    from graphsvc.services import snapshots

    assert snapshot.NOW == snapshots.NOW
