"""How fast a big map appears in a browser, and how big its offline file is.

    .venv/bin/python bench/map_bench.py [--size medium] [--runs 5]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality of the given size, serves the API on a free port and opens maps in headless
Chromium (Debian's /usr/bin/chromium, every request off 127.0.0.1 blocked), as a viewer would
see them: the whole municipality (young people as groups) and the ego network two steps around
SSP. For each it prints

* the first request, on the server alone: for the first map this includes reading the
  tenant's graph from Neo4j (the projection the analytics share), then the layout;
* the median of ``--runs`` navigations in the browser to the map drawn
  (``html[data-graphsvc-ready]``), the server having the layout (what every viewer gets until
  the data change), and the browser's own figure (``graphsvcMapInfo.drawnMs``);
* the size of the self-contained HTML file (``/maps/views/{id}/download.html``).

Aims: a drawn map within 3 s and a file under 3 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from in_browser import CHROMIUM, CHROMIUM_ARGS, local_only, serve
from playwright.sync_api import Page, sync_playwright

from graphsvc.api import create_app
from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

AIM_SECONDS, AIM_MB = 3.0, 3.0  # from navigation to a drawn map; the offline file
MAPS = [("the whole municipality", "network", {}), ("SSP two steps out", "ego", {"actor": "ssp", "depth": 2})]
SAVE = """mutation($v: MapViewInput!) { saveMapView(input: $v) {
    ... on MapView { id downloads { html } } ... on Error { message } } }"""


def _drawn(page: Page, url: str) -> tuple[float, dict[str, Any]]:
    """Seconds from navigation to the map drawn, and what the page reports."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    # A selector, not wait_for_function: the map's policy forbids the eval() that needs.
    page.wait_for_selector("html[data-graphsvc-ready=true]", state="attached", timeout=120_000)
    elapsed = time.perf_counter() - started
    return elapsed, page.evaluate("window.graphsvcMapInfo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tenant = f"bench-{args.size}"

    settings = Settings()
    server = None
    if settings.uses_local_neo4j:
        data = Path(tempfile.mkdtemp(prefix="graphsvc-bench-"))
        server = start_child(settings, data_dir=data, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:

        async def prepare() -> tuple[float, str, str]:
            async with opened(settings) as store:
                await apply_schema(store)
                started = time.perf_counter()
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=2635)
                loaded = time.perf_counter() - started
                viewer = await add_user(store, tenant, "bench-viewer", "viewer")
                coordinator = await add_user(store, tenant, "bench-coordinator", "coordinator")
                return loaded, viewer.secret, coordinator.secret

        load_s, viewer, coordinator = asyncio.run(prepare())
        api = serve(create_app(settings))
        base = api.url
        print(f"demo municipality '{args.size}' loaded in {load_s:.1f} s")
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport={"width": 1920, "height": 1080},
                extra_http_headers={"Authorization": f"Bearer {viewer}"},
            )
            context.route("**/*", local_only)
            page = context.new_page()
            for name, kind, options in MAPS:
                query = "&".join(f"{k}={v}" for k, v in options.items())
                url = f"{base}/maps/{kind}.html" + (f"?{query}" if query else "")
                started = time.perf_counter()
                httpx.get(url, timeout=300, headers={"Authorization": f"Bearer {viewer}"}).raise_for_status()
                first = time.perf_counter() - started
                runs = [_drawn(page, url) for _ in range(args.runs)]
                info = runs[-1][1]
                drawn = statistics.median(r[0] for r in runs)
                in_page = statistics.median(r[1]["drawnMs"] for r in runs) / 1000
                print(f"{name} ({kind}): {info['nodes']:,} nodes, {info['edges']:,} ties")
                print(f"  first request, server only:          {first:5.2f} s")
                print(
                    f"  navigation to the drawn map:         {drawn:5.2f} s"
                    f" median of {args.runs} (in the page: {in_page:.2f} s),"
                    f" {drawn / AIM_SECONDS:.0%} of the {AIM_SECONDS:g} s aim"
                )
                saved = httpx.post(
                    f"{base}/graphql",
                    timeout=120,
                    json={"query": SAVE, "variables": {"v": {"kind": kind.upper(), **options}}},
                    headers={"Authorization": f"Bearer {coordinator}"},
                ).json()
                if "errors" in saved or "id" not in (saved["data"]["saveMapView"] or {}):
                    raise SystemExit(f"the view could not be saved: {saved}")
                view = saved["data"]["saveMapView"]
                file = httpx.get(
                    base + view["downloads"]["html"],
                    timeout=120,
                    headers={"Authorization": f"Bearer {viewer}"},
                )
                file.raise_for_status()
                size = len(file.content) / 1e6
                print(
                    f"  self-contained HTML file:            {size:5.2f} MB,"
                    f" {size / AIM_MB:.0%} of the {AIM_MB:g} MB aim"
                )
            browser.close()
        api.stop()
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
