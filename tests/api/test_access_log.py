"""The access log never holds a share link's token: it is the credential itself."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest
import uvicorn

from graphsvc.api import create_app
from graphsvc.api.access_log import ACCESS_LOGGER, redact
from graphsvc.config import Settings
from graphsvc.local_neo4j import free_port
from tests.api.conftest import _Server

pytestmark = pytest.mark.neo4j

TOKEN = "gsv_" + "S3cret" * 7


def test_paths_lose_their_secrets() -> None:
    assert redact(f"/share/{TOKEN}") == "/share/…"
    assert redact(f"/share/{TOKEN}/download.png?lang=en") == "/share/…/download.png?lang=en"
    assert redact("/sign-in?token=gs_abc&lang=da") == "/sign-in?token=…&lang=da"
    assert redact("/maps/views/view-1.html?lang=en") == "/maps/views/view-1.html?lang=en"


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_uvicorns_access_log_shows_no_share_token(settings: Settings) -> None:
    # An app of its own: the shared one's store would be closed when this server stops.
    port = free_port()
    server = _Server(
        uvicorn.Config(
            create_app(settings),
            host="127.0.0.1",
            port=port,
            log_level="info",
            access_log=True,
            lifespan="on",
        )
    )
    lines = _Lines()
    logging.getLogger(ACCESS_LOGGER).addHandler(lines)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the API did not start"
            time.sleep(0.05)
        for path in (f"/share/{TOKEN}", f"/share/{TOKEN}/download.svg"):
            assert httpx.get(f"http://127.0.0.1:{port}{path}").status_code == 404
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        logging.getLogger(ACCESS_LOGGER).removeHandler(lines)
    logged = [line for line in lines.lines if "/share/" in line]
    assert len(logged) == 2, lines.lines
    assert not [line for line in logged if "S3cret" in line], logged
