"""Starting, watching and stopping the local Neo4j process.

Two ways to run it:

* as a **child** of the current process (``graphsvc run``, the test suite): its stdin is a pipe
  that only we hold, so it stops by itself when we exit, even on ``kill -9``;
* in the **background** (``graphsvc db start``): detached, with a pid file in the data folder,
  stopped by ``graphsvc db stop`` (SIGTERM, which closes the store cleanly).

Either way it prints ``READY <uri>`` or ``ERROR <sentence>`` once; we wait for that line in its
log file (``<data>/launcher.log``).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from graphsvc.config import Settings
from graphsvc.errors import SetupError
from graphsvc.local_neo4j.build import ensure_built, java_command

__all__ = [
    "LocalServer",
    "ServerStatus",
    "free_port",
    "start_background",
    "start_child",
    "status",
    "stop_background",
]

START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0


@dataclass
class LocalServer:
    """A running local Neo4j; ``stop()`` shuts it down cleanly (for a child) and waits."""

    process: subprocess.Popen[bytes]
    uri: str
    data_dir: Path
    log_path: Path
    _stdin: IO[bytes] | None = None

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        if self.process.poll() is not None:
            return
        if self._stdin is not None:
            # Closing the pipe is the child's signal to shut down (see LocalNeo4j.java).
            with contextlib.suppress(OSError):
                self._stdin.close()
        else:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    port: int | None
    data_dir: Path

    def describe(self) -> str:
        if self.running:
            return f"running (pid {self.pid}) on bolt://127.0.0.1:{self.port}, data in {self.data_dir}"
        return f"not running (data in {self.data_dir})"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _launch(settings: Settings, *, data_dir: Path, port: int, child: bool) -> LocalServer:
    ensure_built()
    if _port_in_use(port):
        raise SetupError(
            f"port {port} on 127.0.0.1 is already in use: stop what uses it "
            f"(`graphsvc db status` tells whether it is graphsvc's own Neo4j) "
            f"or choose another port with NEO4J_LOCAL_PORT"
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / "launcher.log"
    env = dict(os.environ)
    env.pop("NEO4J_LOCAL_PASSWORD", None)
    if settings.auth is not None:
        env["NEO4J_LOCAL_PASSWORD"] = settings.auth[1]
    command = java_command(
        data_dir=data_dir,
        port=port,
        heap=settings.local_heap,
        pagecache_mb=settings.local_pagecache_mb,
        watch_stdin=child,
    )
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if child else subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=not child,
            env=env,
        )
    server = LocalServer(
        process=process,
        uri=f"bolt://127.0.0.1:{port}",
        data_dir=data_dir,
        log_path=log_path,
        _stdin=process.stdin if child else None,
    )
    try:
        _wait_ready(server)
    except BaseException:
        server.stop(timeout=10)
        raise
    return server


def _wait_ready(server: LocalServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        for line in server.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("READY "):
                return
            if line.startswith("ERROR "):
                raise SetupError(f"the local Neo4j did not start: {line.removeprefix('ERROR ')}")
        if server.process.poll() is not None:
            raise SetupError(
                f"the local Neo4j stopped during start-up (exit code {server.process.returncode});"
                f" see {server.log_path}"
            )
        time.sleep(0.2)
    raise SetupError(f"the local Neo4j was not ready within {START_TIMEOUT_S:.0f} s; see {server.log_path}")


def start_child(settings: Settings, *, data_dir: Path | None = None, port: int | None = None) -> LocalServer:
    """Start Neo4j as a child that stops when this process ends."""
    return _launch(
        settings,
        data_dir=data_dir or settings.data_dir,
        port=port or settings.local_port,
        child=True,
    )


def _pid_file(data_dir: Path) -> Path:
    return data_dir / "neo4j.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status(settings: Settings) -> ServerStatus:
    """Whether the background Neo4j for ``settings.data_dir`` runs."""
    data_dir = settings.data_dir
    try:
        info = json.loads(_pid_file(data_dir).read_text(encoding="utf-8"))
        pid, port = int(info["pid"]), int(info["port"])
    except (OSError, ValueError, KeyError):
        return ServerStatus(False, None, None, data_dir)
    if not _alive(pid):
        return ServerStatus(False, None, None, data_dir)
    return ServerStatus(True, pid, port, data_dir)


def start_background(settings: Settings) -> ServerStatus:
    """Start a detached Neo4j (``graphsvc db start``); a running one is left as it is."""
    current = status(settings)
    if current.running:
        return current
    server = _launch(settings, data_dir=settings.data_dir, port=settings.local_port, child=False)
    _pid_file(settings.data_dir).write_text(
        json.dumps({"pid": server.process.pid, "port": settings.local_port}), encoding="utf-8"
    )
    return status(settings)


def stop_background(settings: Settings) -> bool:
    """Stop the detached Neo4j cleanly; False when none was running."""
    current = status(settings)
    if not current.running or current.pid is None:
        _pid_file(settings.data_dir).unlink(missing_ok=True)
        return False
    os.kill(current.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _alive(current.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(current.pid, os.WNOHANG)
    if _alive(current.pid):
        os.kill(current.pid, signal.SIGKILL)
    _pid_file(settings.data_dir).unlink(missing_ok=True)
    return True
