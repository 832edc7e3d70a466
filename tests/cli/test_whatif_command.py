"""``graphsvc analyze whatif``, ``analyze weaving`` and ``recommendations --order effect``
against the test Neo4j, on Holdby in miniature (tests/weaving_town.py)."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graphsvc.cli import app
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore, opened
from graphsvc.db.networks import NetworkRepository
from tests import weaving_town as town
from tests.cli.conftest import run, runner
from tests.tenant_contents import read_contents

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]


@pytest.fixture
async def holdby(store: GraphStore, tenant: str) -> str:
    await NetworkRepository(store).write(town.weaving_town(tenant))
    return tenant


def _contents(settings: Settings, tenant: str) -> Any:
    """What the tenant holds, read from a thread of its own (the commands run their own loop)."""

    async def read() -> Any:
        async with opened(settings) as store:
            return await read_contents(store, tenant)

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, read()).result()


def analyze(*args: str) -> str:
    result = runner.invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_what_if_from_the_command_line_writes_nothing(settings: Settings, holdby: str) -> None:
    before = _contents(settings, holdby)
    base = ("whatif", "--tenant", holdby, "--target-group", town.TARGET_GROUP, "--recruit", town.RECRUIT)
    report = analyze(*base)
    assert report.startswith("# Hvad nu hvis — Ensomme 12-17-årige")
    assert town.RECRUIT_SENTENCE_DA in report
    assert "| Vestby | 4 | 0 | 3 |" in report
    english = analyze(*base, "--lang", "en")
    assert town.RECRUIT_SENTENCE in english and "| Vestby | 4 | 0 | 3 |" in english
    data = json.loads(analyze(*base, "--format", "json"))
    assert data["plan"]["ties_added"] == [[town.RECRUIT, town.INTRODUCER]]
    assert data["effect"]["leisure_gained"] == 3
    assert sorted(data["leisure_gained_members"]) == sorted(
        town.REACHED
    )  # ids: the command line is an admin's
    lost = json.loads(
        analyze(
            "whatif",
            "--tenant",
            holdby,
            "-g",
            town.TARGET_GROUP,
            "--remove-actor",
            town.LONE_BROKER,
            "-f",
            "json",
        )
    )
    assert sorted(lost["leisure_lost_members"]) == sorted(town.CUT_OFF)
    assert _contents(settings, holdby) == before


def test_bad_changes_are_one_plain_sentence(holdby: str) -> None:
    base = ("analyze", "whatif", "--tenant", holdby, "--target-group", town.TARGET_GROUP)
    code, said = run(*base)
    assert code == 1 and "a what-if names 1 to 20 changes, not 0" in said
    code, said = run(*base, "--add-tie", "school-holdby", "--recruit", "<script>")
    assert code == 1 and "--add-tie: 'school-holdby' is not A,B" in said and "--recruit" in said
    code, said = run(*base, "--add-tie", "school-holdby,club-holdby")
    assert code == 1 and "are tied already" in said
    code, said = run(*base, "--remove-actor", "yp-v1")
    assert code == 1 and "there is no actor with id 'yp-v1'" in said
    assert "Traceback" not in said


def test_the_weaving_list_and_recommendations_by_effect(holdby: str) -> None:
    report = analyze("weaving", "--tenant", holdby, "--target-group", town.TARGET_GROUP, "--lang", "en")
    assert report.startswith("# Introductions to make — Ensomme 12-17-årige")
    assert "1. **Holdby Skole – Holdby Spejderne**" in report
    data = json.loads(analyze("weaving", "--tenant", holdby, "-g", town.TARGET_GROUP, "-f", "json"))
    assert data["suggestions"][0]["introducers"][0]["node"] == "club-holdby"
    by_effect = analyze("recommendations", "--tenant", holdby, "-g", town.TARGET_GROUP, "--order", "effect")
    assert by_effect.startswith("_Sorteret efter målt virkning")
    ordered = json.loads(
        analyze(
            "recommendations", "--tenant", holdby, "-g", town.TARGET_GROUP, "--order", "effect", "-f", "json"
        )
    )
    assert ordered["order"] == "effect" and ordered["measured"][0]["node"] == town.RECRUIT
    assert ordered["measured"][0]["statement"]["sentence"] == town.RECRUIT_SENTENCE
