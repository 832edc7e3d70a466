"""Network files written by the real Gephi, for tests of what graphsvc reads from Gephi users.

The small Java program in ``tests/tools/gephi`` (see its README) drives the Gephi Toolkit 0.10.1,
the library inside the Gephi desktop application: it opens a GEXF or GraphML file as Gephi's
"File > Open" does, can run Gephi's statistics, and exports GraphML and GEXF with Gephi's
default settings; or it draws a small coordinator's network of its own. Maven builds it the
first time a test asks for it and again whenever its sources change (offline first, from the
local Maven repository; online from Maven Central if that fails), one build at a time even with
several pytest workers.

    .venv/bin/python -m tests.tools.gephi

writes the Gephi files committed in ``tests/io/files`` again.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["PROJECT_DIR", "GephiError", "convert", "ensure_built", "gephi_jar_ready", "sample"]

PROJECT_DIR = Path(__file__).resolve().parent / "gephi"
MAIN_CLASS = "graphsvc.testtools.GephiFiles"
_TARGET = PROJECT_DIR / "target"
_TOOLKIT = _TARGET / "lib" / "gephi-toolkit-0.10.1-all.jar"
_STAMP = _TARGET / "graphsvc-build.stamp"
_LOCK = _TARGET / "build.lock"
BUILD_TIMEOUT = 900.0  # seconds; the first online build downloads the 83 MB toolkit
RUN_TIMEOUT = 120.0


class GephiError(RuntimeError):
    """The program could not be built, or Gephi failed (the message holds Maven's or Java's
    output)."""


def _sources() -> list[Path]:
    return [PROJECT_DIR / "pom.xml", *sorted((PROJECT_DIR / "src").rglob("*.*"))]


def _is_built() -> bool:
    if not _STAMP.exists() or not _TOOLKIT.exists():
        return False
    built_at = _STAMP.stat().st_mtime
    return all(path.stat().st_mtime <= built_at for path in _sources())


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _build(mvn: str) -> None:
    failures = []
    for offline in (["-o"], []):
        command = [mvn, "-q", "-B", *offline, "-f", str(PROJECT_DIR / "pom.xml"), "package", "-DskipTests"]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, check=False, timeout=BUILD_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            failures.append(f"{' '.join(command)}: no result after {BUILD_TIMEOUT:.0f} s")
            continue
        if result.returncode == 0:
            _STAMP.touch()
            return
        failures.append(f"{' '.join(command)}:\n{_tail(result.stdout + result.stderr)}")
    raise GephiError("the Maven build of tests/tools/gephi failed:\n" + "\n\n".join(failures))


def ensure_built() -> bool:
    """Build the program unless it is up to date; True when a build ran. Raises
    :class:`GephiError` when Java or Maven is missing or the build fails."""
    if _is_built():
        return False
    if shutil.which("java") is None:
        raise GephiError(
            "java was not found: install Java 17 (Debian: apt-get install openjdk-17-jdk-headless)"
        )
    mvn = shutil.which("mvn")
    if mvn is None:
        raise GephiError("mvn was not found: install Maven (Debian: apt-get install maven)")
    _TARGET.mkdir(parents=True, exist_ok=True)
    with _LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if _is_built():  # another process built it while this one waited
            return False
        _build(mvn)
        return True


def gephi_jar_ready() -> bool:
    """True when the program is built (building it if need be); False when Java or Maven is not
    installed, so that tests can skip. A failing build raises :class:`GephiError`."""
    if not _is_built() and (shutil.which("java") is None or shutil.which("mvn") is None):
        return False
    ensure_built()
    return True


def _run(*args: str) -> None:
    ensure_built()
    java = shutil.which("java") or "java"
    command = [
        java,
        "-Djava.awt.headless=true",
        "-Xmx512m",
        "-cp",
        f"{_TARGET / 'classes'}:{_TARGET / 'lib'}/*",
        MAIN_CLASS,
        *args,
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired as timeout:
        raise GephiError(f"Gephi gave no result after {RUN_TIMEOUT:.0f} s: {' '.join(args)}") from timeout
    if result.returncode != 0:
        raise GephiError(
            f"Gephi failed (exit status {result.returncode}): {' '.join(args)}\n{_tail(result.stderr, 40)}"
        )


def convert(src: Path, out_dir: Path, *, statistics: bool) -> tuple[Path, Path]:
    """Open ``src`` (.gexf or .graphml) in Gephi, run its statistics if asked, and export it:
    ``out_dir/<src's stem>.graphml`` and ``.gexf`` (returned in that order). ``src`` may itself
    be in ``out_dir`` with one of those names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    graphml, gexf = out_dir / f"{src.stem}.graphml", out_dir / f"{src.stem}.gexf"
    if src.resolve() in (graphml.resolve(), gexf.resolve()):
        graphml, gexf = out_dir / f"{src.stem}_gephi.graphml", out_dir / f"{src.stem}_gephi.gexf"
    _run("convert", str(src), str(graphml), str(gexf), *(["--statistics"] if statistics else []))
    return graphml, gexf


def sample(out_dir: Path) -> tuple[Path, Path]:
    """A small coordinator's network drawn in Gephi (labels, a "Type" column, weighted undirected
    edges, statistics): ``out_dir/gephi_sample.graphml`` and ``.gexf``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    graphml, gexf = out_dir / "gephi_sample.graphml", out_dir / "gephi_sample.gexf"
    _run("sample", str(graphml), str(gexf))
    return graphml, gexf


def write_fixture_files(files: Path) -> list[Path]:
    """The Gephi files in ``tests/io/files``: Gephi's sample network, and the small test town
    (``small_town`` in tests/conftest.py) exported by graphsvc as GEXF, opened in Gephi,
    with statistics, exported again."""
    import tempfile

    from graphsvc.io.gexf_write import network_to_gexf_bytes
    from tests.conftest import _small_town

    written = list(sample(files))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "gephi_from_graphsvc.gexf"
        source.write_bytes(network_to_gexf_bytes(_small_town("gephi")))
        written += convert(source, files, statistics=True)
    return written


if __name__ == "__main__":
    for path in write_fixture_files(Path(__file__).resolve().parents[1] / "io" / "files"):
        print(path, file=sys.stdout)
