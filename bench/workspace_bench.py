"""How fast the workspace answers a coordinator: opening an actor in the editor, saving a
change, and importing a 2,000-row spreadsheet through the page.

    .venv/bin/python bench/workspace_bench.py [--size medium] [--runs 20]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality of the given size, serves the API on a free port and drives the page in headless
Chromium (Debian's /usr/bin/chromium, every request off 127.0.0.1 blocked) as a coordinator.
It prints, with the aims of the workspace:

* the editor interactive: navigation to ``/workspace?id=…`` until the actor's form and its ties
  are shown, warm (median of ``--runs``; aim < 1 s);
* a save round trip: a changed description saved in the page until "saved" shows, the first
  one after start-up (which also has Neo4j plan the update) and then p50 and p95 of ``--runs``
  (aim p95 < 300 ms), with the server's part alone (the same change over the API);
* a 2,000-row actor import through the page: file chosen, checked (dry run), imported, until
  the page says so (aim < 5 s), and the same file's dry run alone.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
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
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

ACTOR = "school-egelunde"
AIM_OPEN_S, AIM_SAVE_P95_S, AIM_IMPORT_S = 1.0, 0.3, 5.0
ROWS = 2000


def _open(page: Page, base: str) -> float:
    started = time.perf_counter()
    page.goto(f"{base}/workspace?id={ACTOR}", wait_until="commit")
    page.wait_for_selector("#ties-heading", timeout=60_000)
    page.wait_for_selector("#tie-form", timeout=60_000)
    return time.perf_counter() - started


def _save(page: Page, text: str) -> float:
    page.fill("#field-description", text)
    started = time.perf_counter()
    page.click("#save")
    page.wait_for_selector("#messages .message.success", timeout=60_000)
    return time.perf_counter() - started


def _api_save(base: str, token: str, text: str) -> float:
    """The same change over the API alone (the server's part of a save)."""
    query = (
        f'mutation($t: String) {{ updateActor(id: "{ACTOR}", input: {{description: $t}}) {{ __typename }} }}'
    )
    started = time.perf_counter()
    httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": {"t": text}},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    ).raise_for_status()
    return time.perf_counter() - started


def _import(page: Page, base: str, file: Path, *, write: bool) -> float:
    page.goto(f"{base}/workspace?tab=import")
    page.wait_for_selector("#import-file")
    started = time.perf_counter()
    page.set_input_files("#import-file", str(file))
    page.click("#import-check")
    page.wait_for_selector("#import-summary", timeout=120_000)
    if write:
        page.click("#import-run")
        page.wait_for_selector("#import-summary.success >> text=/importeret|imported/", timeout=120_000)
    return time.perf_counter() - started


def _spreadsheet(folder: Path, name: str) -> Path:
    lines = ["id,name,kind,sector,arenas,category,description,area"]
    lines += [
        f"bench-{name}-{i},Bench {name} forening {i},association,civil_society,leisure,,,"
        for i in range(ROWS)
    ]
    path = folder / f"{name}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    tenant = f"bench-workspace-{args.size}"
    settings = Settings()
    server = None
    folder = Path(tempfile.mkdtemp(prefix="graphsvc-bench-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=folder / "neo4j", port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:

        async def prepare() -> str:
            async with opened(settings) as store:
                await apply_schema(store)
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=2635)
                return (await add_user(store, tenant, "bench-coordinator", "coordinator")).secret

        token = asyncio.run(prepare())
        api = serve(create_app(settings))
        base = api.url
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport={"width": 1366, "height": 768},
                extra_http_headers={"Authorization": f"Bearer {token}"},
            )
            context.route("**/*", local_only)
            page = context.new_page()
            cold = _open(page, base)
            opens = [_open(page, base) for _ in range(args.runs)]
            # The first save after start-up also plans the update's Cypher in Neo4j.
            first_save = _save(page, "Ændret først")
            saves = [_save(page, f"Ændret {i}") for i in range(args.runs)]
            api_saves = [_api_save(base, token, f"API {i}") for i in range(args.runs)]
            dry = _import(page, base, _spreadsheet(folder, "check"), write=False)
            whole = _import(page, base, _spreadsheet(folder, "write"), write=True)
            browser.close()
        api.stop()
        p95 = statistics.quantiles(saves, n=20)[18]
        print(f"workspace on the {args.size} demo, {args.runs} runs each")
        print(f"  editor interactive, first:      {cold:6.2f} s")
        print(
            f"  editor interactive, warm:       {statistics.median(opens):6.2f} s median"
            f"  ({statistics.median(opens) / AIM_OPEN_S:.0%} of the {AIM_OPEN_S:g} s aim)"
        )
        print(f"  save round trip, first:         {first_save * 1000:6.0f} ms")
        print(
            f"  save round trip, warm:          {statistics.median(saves) * 1000:6.0f} ms p50,"
            f" {p95 * 1000:.0f} ms p95  ({p95 / AIM_SAVE_P95_S:.0%} of the"
            f" {AIM_SAVE_P95_S * 1000:.0f} ms aim)"
        )
        api_p95 = statistics.quantiles(api_saves, n=20)[18]
        print(
            f"    of which the server (API alone): {statistics.median(api_saves) * 1000:6.0f} ms p50,"
            f" {api_p95 * 1000:.0f} ms p95"
        )
        print(f"  {ROWS:,}-row import, dry run only:  {dry:6.2f} s")
        print(
            f"  {ROWS:,}-row import, check + write: {whole:6.2f} s  ({whole / AIM_IMPORT_S:.0%} of the"
            f" {AIM_IMPORT_S:g} s aim)"
        )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
