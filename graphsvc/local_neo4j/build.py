"""Building the local Neo4j program with Maven, once, and the command that runs it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from graphsvc.config import REPO_ROOT
from graphsvc.errors import SetupError

__all__ = ["PROJECT_DIR", "build", "ensure_built", "is_built", "java_command"]

PROJECT_DIR = REPO_ROOT / "neo4j-local"
MAIN_CLASS = "dk.graphsvc.localneo4j.LocalNeo4j"
_CLASSES = PROJECT_DIR / "target" / "classes"
_LIB = PROJECT_DIR / "target" / "lib"
_STAMP = PROJECT_DIR / "target" / "graphsvc-build.stamp"


def _sources() -> list[Path]:
    return [PROJECT_DIR / "pom.xml", *sorted((PROJECT_DIR / "src").rglob("*.java"))]


def is_built() -> bool:
    """True when the program is built and no source changed since."""
    if not _STAMP.exists() or not any(_LIB.glob("neo4j-kernel-*.jar")):
        return False
    built_at = _STAMP.stat().st_mtime
    return all(path.stat().st_mtime <= built_at for path in _sources())


def _require(tool: str, advice: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise SetupError(f"{tool} was not found: {advice}")
    return path


def build() -> None:
    """Build with Maven (downloads Neo4j's jars from Maven Central the first time)."""
    _require("java", "install Java 17 (Debian: apt-get install openjdk-17-jdk-headless)")
    mvn = _require("mvn", "install Maven (Debian: apt-get install maven)")
    result = subprocess.run(
        [mvn, "-q", "-B", "-f", str(PROJECT_DIR / "pom.xml"), "package", "-DskipTests"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise SetupError(f"the Maven build of the local Neo4j failed:\n{tail}")
    _STAMP.touch()


def ensure_built() -> bool:
    """Build unless up to date; True when a build ran."""
    if is_built():
        return False
    build()
    return True


def jvm_options(heap: str) -> list[str]:
    """The flags in ``neo4j-local/jvm.options``, with the heap size from the settings."""
    options = []
    for line in (PROJECT_DIR / "jvm.options").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and not line.startswith("-Xmx"):
            options.append(line)
    return [*options, f"-Xmx{heap}"]


def java_command(*, data_dir: Path, port: int, heap: str, pagecache_mb: int, watch_stdin: bool) -> list[str]:
    java = _require("java", "install Java 17 (Debian: apt-get install openjdk-17-jdk-headless)")
    command = [
        java,
        *jvm_options(heap),
        "-cp",
        f"{_CLASSES}:{_LIB}/*",
        MAIN_CLASS,
        "--data",
        str(data_dir),
        "--port",
        str(port),
        "--pagecache-mb",
        str(pagecache_mb),
    ]
    if watch_stdin:
        command.append("--watch-stdin")
    return command
