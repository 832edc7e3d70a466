"""How big a presentation's offline file is, and how fast the growth story's steps appear.

    .venv/bin/python bench/story_bench.py [--size medium]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality of the given size and serves the API on a free port. Then it prints

* a presentation of five saved views (the whole municipality, SSP two steps out, the brokers,
  a target group's support network and its gaps) as one offline HTML file: the time to make
  it on the server and its size (aim: under 5 MB);
* the growth story of five snapshots (the kick-off, then new partners and ties between
  each) and now, opened as a viewer in headless Chromium (Debian's /usr/bin/chromium, every
  request off 127.0.0.1 blocked): the server's time for the page, its size, and for each
  step the time from the key press to its map drawn (aim: under 3 s a step).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import random
import tempfile
import time
from pathlib import Path

import httpx
from in_browser import CHROMIUM, CHROMIUM_ARGS, local_only, serve
from playwright.sync_api import Page, sync_playwright

from graphsvc.api import create_app
from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.schema import apply_schema
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.projection import projection
from graphsvc.services.scope import command_line_caller, open_scope
from graphsvc.services.snapshots import create_snapshot

AIM_MB, AIM_SECONDS = 5.0, 3.0
SNAPSHOTS = 5
SAVE = """mutation($v: MapViewInput!) { saveMapView(input: $v) {
    ... on MapView { id } ... on Error { message } } }"""
CREATE = """mutation($i: PresentationInput!) { createPresentation(input: $i) {
    ... on Presentation { id download } ... on Error { message } } }"""
GROUPS = "{ targetGroups(first: 1) { edges { node { id } } } }"


def _post(base: str, token: str, query: str, **variables: object) -> dict:  # type: ignore[type-arg]
    answer = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
        timeout=600,
    ).json()
    if "errors" in answer:
        raise SystemExit(f"{query[:40]}…: {answer['errors']}")
    return answer["data"]  # type: ignore[no-any-return]


def _step_drawn(page: Page, n: int) -> None:
    page.wait_for_selector(f"iframe[name=deck-step-{n}]", state="attached", timeout=120_000)
    frame = page.frame(name=f"deck-step-{n}")
    assert frame is not None
    frame.wait_for_selector("html[data-graphsvc-ready=true]", state="attached", timeout=120_000)


def _growth(tenant: str, actors: list[str], round_: int, rng: random.Random) -> Network:
    """Twenty new businesses, each tied to two partners already there."""
    nodes, ties = [], []
    for k in range(20):
        node = f"bench-new-{round_}-{k}"
        nodes.append(
            Actor(
                kind=Kind.BUSINESS,
                id=node,
                tenant=tenant,
                name=f"Ny partner {round_}.{k}",
                sector=Sector.BUSINESS,
                arenas=frozenset({Arena.WORK}),
            )
        )
        ties += [Tie(type=TieType.COLLABORATES_WITH, source=node, target=t) for t in rng.sample(actors, 2)]
    return Network(tenant=tenant, nodes=tuple(nodes), ties=tuple(ties))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    args = parser.parse_args()
    tenant = f"story-{args.size}"
    settings = Settings()
    server = None
    if settings.uses_local_neo4j:
        server = start_child(
            settings, data_dir=Path(tempfile.mkdtemp(prefix="graphsvc-bench-")), port=free_port()
        )
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:

        async def prepare() -> tuple[str, str]:
            async with opened(settings) as store:
                await apply_schema(store)
                scope = open_scope(store, command_line_caller(tenant))
                await load_demo(scope, size=args.size, seed=2635)
                graph = (await projection(scope)).graph
                actors = sorted(
                    n for n, d in graph.nodes(data=True) if d["kind"] in ("Association", "MunicipalUnit")
                )
                rng = random.Random(7)
                for n in range(SNAPSHOTS):
                    if n:
                        await NetworkRepository(store).write(_growth(tenant, actors, n, rng))
                    await create_snapshot(scope, f"Runde {n + 1}", taken_on=datetime.date(2026, 2 * n + 1, 1))
                viewer = await add_user(store, tenant, "bench-viewer", "viewer")
                coordinator = await add_user(store, tenant, "bench-coordinator", "coordinator")
                return viewer.secret, coordinator.secret

        viewer, coordinator = asyncio.run(prepare())
        api = serve(create_app(settings))
        base = api.url
        print(f"demo municipality '{args.size}', {SNAPSHOTS} snapshots taken")

        group = _post(base, coordinator, GROUPS)["targetGroups"]["edges"][0]["node"]["id"]
        views = [
            {"kind": "NETWORK"},
            {"kind": "EGO", "actor": "ssp", "depth": 2},
            {"kind": "BROKERS"},
            {"kind": "TARGET_GROUP", "targetGroup": group},
            {"kind": "GAPS", "targetGroup": group},
        ]
        ids = [_post(base, coordinator, SAVE, v=v)["saveMapView"]["id"] for v in views]
        steps = [{"viewId": i, "heading": f"Kort {n}", "text": "Om kortet"} for n, i in enumerate(ids, 1)]
        made = _post(base, coordinator, CREATE, i={"title": "Benchmark", "steps": steps})[
            "createPresentation"
        ]
        started = time.perf_counter()
        file = httpx.get(base + made["download"], headers={"Authorization": f"Bearer {viewer}"}, timeout=600)
        file.raise_for_status()
        took = time.perf_counter() - started
        size = len(file.content) / 1e6
        print(
            f"presentation of 5 views as one file:  {size:5.2f} MB"
            f" ({size / AIM_MB:.0%} of the {AIM_MB:g} MB aim),"
            f" made in {took:.2f} s"
        )

        headers = {"Authorization": f"Bearer {viewer}"}
        started = time.perf_counter()
        story = httpx.get(f"{base}/snapshots/story.html", headers=headers, timeout=600)
        story.raise_for_status()
        print(
            f"growth story page, server:            {time.perf_counter() - started:5.2f} s,"
            f" {len(story.content) / 1e6:.2f} MB"
        )
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport={"width": 1920, "height": 1080}, extra_http_headers=headers
            )
            context.route("**/*", local_only)
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"{base}/snapshots/story.html", wait_until="commit")
            _step_drawn(page, 0)
            times = [time.perf_counter() - started]
            total = int(page.evaluate("window.graphsvcDeck.total"))
            for n in range(1, total):
                started = time.perf_counter()
                page.keyboard.press("ArrowRight")
                _step_drawn(page, n)
                times.append(time.perf_counter() - started)
            for n, seconds in enumerate(times, 1):
                frame = page.frame(name=f"deck-step-{n - 1}")
                info = frame.evaluate("window.graphsvcMapInfo") if frame else {}
                what = "(with the page's navigation)" if n == 1 else ""
                print(
                    f"  step {n} of {total}: {info.get('nodes', 0):,} nodes, {info.get('edges', 0):,} ties,"
                    f" drawn in {seconds:5.2f} s"
                    f" ({seconds / AIM_SECONDS:.0%} of the {AIM_SECONDS:g} s aim) {what}"
                )
            browser.close()
        api.stop()
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
