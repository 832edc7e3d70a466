"""A partner-survey round answered all at once: how fast each answer is stored, over HTTP.

    .venv/bin/python bench/survey_bench.py [--size small] [--respondents 200] [--concurrency 20]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality of the given size, serves the API in a process of its own on a free port (as
`graphsvc run` does: the respondents' requests come from elsewhere), and starts a round for the
first ``--respondents`` actors (by id) through GraphQL as a coordinator. A server that has just
started is slow while Neo4j compiles its queries: so a warm-up round of as many other actors is
answered first, twice (timed apart, its first answer alone), as a server that has run a while
would have. Then every respondent of the round opens its questionnaire (as its page does) and
answers through its own link, ``--concurrency`` at a time: 3-8 partners drawn (seed 2635) from
the municipality's actors with frequency, trust and value, one in five also an organisation not
on the list. Half of them come back and change their answers. Prints p50/p95/max per answer
for the first answers and the changes, the errors, and the answers stored in Neo4j against those
sent (no answer may be lost, and every tie between two respondents that named each other must say
so), with the machine's load average, since the figures are wall-clock times on shared cores.
The aim: p95 < 500 ms, no error, no lost answer.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

SEED = 2635
ROUND = "Partnerundersøgelse (benchmark)"
WARM_UP = "Opvarmning (benchmark)"
AIM_P95_S = 0.5
FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly", "rarely"]
START = """mutation($input: SurveyRoundInput!) { startSurveyRound(input: $input) { __typename
  ... on NewSurveyRound { invitations { organisation { id } token } } ... on Error { message } } }"""
ACTORS = """query($after: String) { actors(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id } } } }"""


def _answers(rng: random.Random, respondent: str, pool: list[str]) -> dict[str, Any]:
    partners = rng.sample([a for a in pool if a != respondent], rng.randint(3, 8))
    body: dict[str, Any] = {
        "respondent": respondent,
        "partners": [
            {
                "partner": p,
                "frequency": rng.choice(FREQUENCIES),
                "trust": rng.randint(1, 4),
                "value": rng.randint(1, 4),
            }
            for p in partners
        ],
        "newPartners": [],
    }
    if rng.random() < 0.2:
        body["newPartners"].append(
            {"name": f"Ny forening {rng.randint(1, 40)}", "frequency": "monthly", "trust": 3, "value": 3}
        )
    return body


async def _answer_all(
    base: str,
    bodies: dict[str, dict[str, Any]],
    tokens: dict[str, str],
    concurrency: int,
    *,
    read: bool = False,
) -> tuple[list[float], list[str]]:
    """POST each respondent's answers (or with ``read``, GET its questionnaire, as its page does
    when opened), ``concurrency`` at a time; the time of each request and the errors."""
    gate = asyncio.Semaphore(concurrency)
    samples: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def one(respondent: str) -> None:
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.post(
                        f"/respond/{tokens[respondent]}/answers", json=bodies[respondent]
                    )
                except httpx.HTTPError as e:
                    errors.append(f"{respondent}: {e!r}")
                    return
                samples.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors.append(f"{respondent}: {response.status_code} {response.text[:200]}")

        await asyncio.gather(*(one(r) for r in bodies))
    return samples, errors


def _serve_api(settings: Settings) -> tuple[subprocess.Popen[bytes], str]:
    """The API in a process of its own, pointed at the benchmark's Neo4j."""
    port = free_port()
    env = {**os.environ, "NEO4J_URI": settings.bolt_uri}
    env.pop("NEO4J_PASSWORD", None)
    command = [sys.executable, "-m", "uvicorn", "--factory", "graphsvc.api.app:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    api = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz").status_code == 200:
                return api, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    api.terminate()
    raise SystemExit("the API did not start")


def _actor_ids(client: httpx.Client) -> list[str]:
    actors: list[str] = []
    after = None
    while True:
        page = client.post("/graphql", json={"query": ACTORS, "variables": {"after": after}}).json()
        found = page["data"]["actors"]
        actors += [e["node"]["id"] for e in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            return actors
        after = found["pageInfo"]["endCursor"]


def _start(client: httpx.Client, name: str, respondents: list[str]) -> tuple[dict[str, str], float]:
    """A round started for ``respondents``: each one's token, and how long starting took."""
    closes = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    started = time.perf_counter()
    variables = {"input": {"name": name, "closesOn": closes, "respondentIds": respondents}}
    made = client.post("/graphql", json={"query": START, "variables": variables}).json()
    elapsed = time.perf_counter() - started
    found = made["data"]["startSurveyRound"]
    if found["__typename"] != "NewSurveyRound":
        raise SystemExit(f"the round did not start: {found}")
    return {i["organisation"]["id"]: i["token"] for i in found["invitations"]}, elapsed


def _figures(samples: list[float]) -> str:
    if len(samples) < 2:
        return "no samples"
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {q[49] * 1000:6.1f} ms   p95 {q[94] * 1000:6.1f} ms   max {max(samples) * 1000:6.1f} ms"


async def _stored(settings: Settings, tenant: str) -> tuple[int, int, int]:
    """Answers stored as ties of the round, of those how many are reciprocated, and how many
    pairs of respondents name each other."""
    async with opened(settings) as store:
        records = await store.query("surveys/survey_ties", tenant=tenant, survey=ROUND)
    named = {(r["source"], r["target"]) for r in records}
    mutual = sum(1 for s, t in named if (t, s) in named)
    reciprocated = sum(1 for r in records if r["reciprocated"] is True)
    return len(records), reciprocated, mutual


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="small", choices=["small", "medium", "large"])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    tenant = f"survey-bench-{args.size}"
    rng = random.Random(SEED)

    settings = Settings()
    server = None
    if settings.uses_local_neo4j:
        server = start_child(
            settings, data_dir=Path(tempfile.mkdtemp(prefix="graphsvc-bench-")), port=free_port()
        )
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:

        async def prepare() -> str:
            async with opened(settings) as store:
                await apply_schema(store)
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=SEED)
                return (await add_user(store, tenant, "bench-coordinator", "coordinator")).secret

        token = asyncio.run(prepare())
        api, url = _serve_api(settings)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=url, timeout=120, headers=headers) as client:
            actors = _actor_ids(client)
            if len(actors) < 2 * args.respondents:
                raise SystemExit(f"{len(actors)} actors: too few for two rounds of {args.respondents}")
            respondents = sorted(actors)[: args.respondents]
            warmers = sorted(actors)[args.respondents : 2 * args.respondents]
            warm_tokens, _ = _start(client, WARM_UP, warmers)
            tokens, start_s = _start(client, ROUND, respondents)
        # The warm-up round's organisations name only each other: none of its answers is ever
        # the earlier answer that would make one of the measured round's reciprocated.
        warm = {r: _answers(rng, r, warmers) for r in warmers}
        first = {r: _answers(rng, r, actors) for r in respondents}
        changed = {r: _answers(rng, r, actors) for r in respondents[::2]}
        final = {**first, **changed}
        alone = warmers[0]
        cold, cold_errors = asyncio.run(_answer_all(url, {alone: warm.pop(alone)}, warm_tokens, 1))
        warm_samples, warm_errors = asyncio.run(_answer_all(url, warm, warm_tokens, args.concurrency))
        rewarm = {r: _answers(rng, r, warmers) for r in warm}  # and all of them once more
        rewarm_samples, rewarm_errors = asyncio.run(_answer_all(url, rewarm, warm_tokens, args.concurrency))
        load_before = os.getloadavg()[0]
        opened_samples, opened_errors = asyncio.run(
            _answer_all(url, first, tokens, args.concurrency, read=True)
        )
        first_samples, first_errors = asyncio.run(_answer_all(url, first, tokens, args.concurrency))
        change_samples, change_errors = asyncio.run(_answer_all(url, changed, tokens, args.concurrency))
        load_after = os.getloadavg()[0]
        stored, reciprocated, mutual = asyncio.run(_stored(settings, tenant))
        api.terminate()
        api.wait(timeout=10)
        sent = sum(len(b["partners"]) for b in final.values())
        named = {(r, p["partner"]) for r, b in final.items() for p in b["partners"]}
        expected_mutual = sum(1 for s, t in named if (t, s) in named)
        errors = cold_errors + warm_errors + rewarm_errors + opened_errors + first_errors + change_errors
        every = first_samples + change_samples
        p95 = statistics.quantiles(every, n=100, method="inclusive")[94]
        ok = p95 < AIM_P95_S and not errors and stored == sent and reciprocated == expected_mutual
        n = args.concurrency
        lines = [
            f"demo municipality '{args.size}': {len(actors):,} actors; a round of {len(respondents)} "
            f"started in {start_s:.2f} s",
            f"the API's first answer after start-up, alone: {cold[0] * 1000:.0f} ms",
            f"warm-up round ({len(warm)} other organisations, {n} at a time, as Neo4j compiles its "
            f"queries): {_figures(warm_samples)}; all of them again: {_figures(rewarm_samples)}",
            f"questionnaires opened ({len(first)}, {n} at a time): {_figures(opened_samples)}",
            f"first answers ({len(first)}, {n} at a time):   {_figures(first_samples)}",
            f"changed answers ({len(changed)}, {n} at a time): {_figures(change_samples)}",
            f"every answer of the round ({len(every)}): {_figures(every)}   errors: {len(errors)}",
            f"answers stored: {stored} of {sent} sent (lost: {sent - stored}); ties saying they are "
            f"returned: {reciprocated} of {expected_mutual} expected ({mutual} stored both ways)",
            f"load average of the machine (1 min) before / after the round: {load_before:.1f} / "
            f"{load_after:.1f} on {os.cpu_count()} cores",
            f"aim p95 < {AIM_P95_S * 1000:.0f} ms, no error, no lost answer: {'met' if ok else 'NOT met'}",
        ]
        print("\n".join(lines))
        for line in errors[:5]:
            print(f"  {line}")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
