"""What the benchmarks that drive a browser share: Debian's Chromium as the tests start it,
every request off 127.0.0.1 blocked, and the API served in a thread of the benchmark."""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Route

from graphsvc.local_neo4j import free_port

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Served", "local_only", "serve"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the benchmark owns the signals
        pass


def local_only(route: Route) -> None:
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        print(f"blocked a request off 127.0.0.1: {route.request.url}")
        route.abort("blockedbyclient")


class Served:
    """``app`` served on a free port in a thread of its own, from its start to ``stop()``."""

    def __init__(self, app: FastAPI) -> None:
        self.server = _Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.server.config.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve(app: FastAPI) -> Served:
    return Served(app)
