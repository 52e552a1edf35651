"""The Makefile's Python: the newest supported python3.x that RUNS (pyenv shims exist and fail when run),
PYTHON=... when given, a reason when nothing qualifies, and .venv made again when the interpreter changes.

Each test runs the real Makefile with a PATH holding only a scratch bin/ directory: real interpreters
linked in under their names, and shims that exist and fail when run, like pyenv's for inactive versions.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

MAKE = shutil.which("make")
MAKEFILE = ROOT / "Makefile"
SUPPORTED_MINORS = (13, 12, 11)  # newest first, as the Makefile tries them
PROBE = "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)"

pytestmark = pytest.mark.skipif(MAKE is None, reason="GNU make is not installed")


def _probe(exe: str) -> tuple[tuple[int, int, int], str] | None:
    try:
        out = subprocess.run([exe, "-I", "-S", "-c", PROBE], capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return None
    if out.returncode != 0:
        return None
    version, executable = out.stdout.split("\n")[:2]
    return tuple(int(p) for p in version.split(".")), executable


def real_pythons() -> dict[int, tuple[str, str]]:
    """Supported interpreters that run on this machine, by minor version: {minor: (executable, version)}.

    The interpreter running the tests, whatever python3.x on PATH runs, pyenv's installs and the
    GitHub runner's tool cache; shims are run, so only interpreters that work are kept."""
    candidates = [getattr(sys, "_base_executable", sys.executable), sys.executable]
    candidates += [shutil.which(f"python3.{m}") for m in SUPPORTED_MINORS]
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for m in SUPPORTED_MINORS:
        candidates += sorted(glob.glob(f"{pyenv_root}/versions/3.{m}.*/bin/python3.{m}"))
        candidates += sorted(glob.glob(f"/opt/hostedtoolcache/Python/3.{m}.*/x64/bin/python3.{m}"))
    found: dict[int, tuple[str, str]] = {}
    for exe in filter(None, candidates):
        probed = _probe(exe)
        if probed is None:
            continue
        version, executable = probed
        if (3, 11, 5) <= version < (3, 14) and version[1] not in found:
            found[version[1]] = (executable, ".".join(map(str, version)))
    return found


REAL = real_pythons()


def failing_shim(path: Path) -> Path:
    """What pyenv puts on PATH for an inactive version: it exists, and running it fails."""
    path.write_text(f'#!/bin/sh\necho "pyenv: {path.name}: command not found" >&2\nexit 127\n')
    path.chmod(0o755)
    return path


def scratch_bin(tmp_path: Path, real: dict[int, str]) -> Path:
    """bin/ with python3.{m} -> the real interpreter for each m in `real`, a failing shim for every other
    supported minor version and for python3."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for m in SUPPORTED_MINORS:
        if m in real:
            (bindir / f"python3.{m}").symlink_to(real[m])
        else:
            failing_shim(bindir / f"python3.{m}")
    failing_shim(bindir / "python3")
    return bindir


def make(path: list[Path], *args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {"PATH": os.pathsep.join(map(str, path)), "HOME": os.environ.get("HOME", "/tmp")}
    environment.update(env or {})
    return subprocess.run(
        [MAKE, "--no-print-directory", "-C", str(cwd), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_failing_shims_are_skipped_and_the_one_that_runs_is_picked(tmp_path):
    minor, (exe, version) = max(REAL.items())
    bindir = scratch_bin(tmp_path, {minor: exe})
    out = make([bindir], "python-info")
    assert out.returncode == 0, out.stderr
    line = out.stdout.strip()
    assert line.startswith(
        f"Python {version} ({bindir}/python3.{minor}), picked as the newest supported python3.{minor}"
    )
    newer = [f"python3.{m}" for m in SUPPORTED_MINORS if m > minor]
    if newer:
        assert re.search(r"skipped \(on PATH, but do not run or are unsupported\): " + " ".join(newer) + "$", line), (
            line
        )


def test_the_newest_of_the_supported_pythons_that_run_is_picked(tmp_path):
    if len(REAL) < 2:
        pytest.skip(f"needs two supported Pythons on this machine; found {sorted(REAL)} (3.x minor versions)")
    bindir = scratch_bin(tmp_path, {m: exe for m, (exe, _) in REAL.items()})
    newest = max(REAL)
    out = make([bindir], "python-info")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"Python {REAL[newest][1]} ({bindir}/python3.{newest}), picked as the newest"), (
        out.stdout
    )


def test_python_given_explicitly_is_used_even_when_a_newer_one_runs(tmp_path):
    bindir = scratch_bin(tmp_path, {m: exe for m, (exe, _) in REAL.items()})
    oldest = min(REAL)
    exe, version = REAL[oldest]
    out = make([bindir], "python-info", f"PYTHON={exe}")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"Python {version} ({exe}), given as PYTHON={exe}"
    by_name = make([bindir], "python-info", f"PYTHON=python3.{oldest}")  # a name is looked up on PATH
    assert by_name.returncode == 0 and f"given as PYTHON=python3.{oldest}" in by_name.stdout, by_name.stderr
    from_env = make([bindir], "python-info", env={"PYTHON": exe})  # as CI sets it
    assert from_env.returncode == 0 and f"given as PYTHON={exe}" in from_env.stdout, from_env.stderr


def test_an_explicit_python_that_fails_or_is_unsupported_is_refused_with_the_reason(tmp_path):
    bindir = scratch_bin(tmp_path, {})
    out = make([bindir], "python-info", "PYTHON=python3.13")
    assert out.returncode != 0
    assert "make: PYTHON=python3.13 does not run: use Python 3.11.5+, 3.12 or 3.13" in out.stderr
    exe, version = REAL[max(REAL)]
    too_old = make([bindir], "python-info", f"PYTHON={exe}", "PYTHON_MIN=3.99.0")  # a real interpreter, below the floor
    assert too_old.returncode != 0
    assert f"make: PYTHON={exe} is Python {version}: use Python 3.99.0+" in too_old.stderr


def test_no_supported_python_names_what_was_tried(tmp_path):
    bindir = scratch_bin(tmp_path, {})
    out = make([bindir], "python-info")
    assert out.returncode != 0
    assert (
        "no supported Python runs here (tried python3.13 python3.12 python3.11 python3; on PATH but not "
        "running or unsupported: python3.13 python3.12 python3.11 python3)" in out.stderr
    )


def scratch_project(tmp_path: Path) -> Path:
    """The real Makefile with empty locks, so `make venv` is quick and installs nothing."""
    project = tmp_path / "project"
    (project / "requirements").mkdir(parents=True)
    shutil.copy(MAKEFILE, project / "Makefile")
    for name in ("pip.txt", "build.txt", "test.txt"):
        (project / "requirements" / name).write_text("# empty lock for the test\n")
    return project


def test_venv_records_its_interpreter_and_is_made_again_when_it_changes(tmp_path):
    project = scratch_project(tmp_path)
    minor, (exe, version) = max(REAL.items())
    system = [Path("/usr/bin"), Path("/bin")]
    # The real rules; only pip is left out (the locks are empty), to keep the test quick.
    quick = ("VENV_ARGS=--without-pip", "PIP_INSTALL=echo installing")
    first = make(system, "venv", f"PYTHON={exe}", *quick, cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "installing -r requirements/build.txt" in first.stdout
    stamp = project / ".venv" / ".interpreter"
    assert stamp.read_text().strip() == f"{exe} {version}"
    made = (project / ".venv" / "pyvenv.cfg").stat().st_mtime_ns

    again = make(system, "venv", f"PYTHON={exe}", *quick, cwd=project)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "making it again" not in again.stdout and "installing" not in again.stdout, again.stdout
    assert (project / ".venv" / "pyvenv.cfg").stat().st_mtime_ns == made

    # Another interpreter: a second supported version when this machine has one, else the same one
    # under another path (what .venv records is the path and the version).
    if len(REAL) > 1:
        other, other_version = REAL[min(REAL)]
    else:
        other, other_version = str(tmp_path / f"python3.{minor}"), version
        Path(other).symlink_to(exe)
    changed = make(system, "venv", f"PYTHON={other}", *quick, cwd=project)
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert f".venv was made with {exe} {version}; making it again" in changed.stdout
    assert "installing -r requirements/build.txt" in changed.stdout  # the new venv gets the packages
    assert stamp.read_text().strip() == f"{other} {other_version}"
    cfg = (project / ".venv" / "pyvenv.cfg").read_text()
    assert f"version = {other_version}" in cfg or f"version_info = {other_version}" in cfg, cfg


def test_a_requirements_txt_brought_back_by_a_merge_is_refused_before_anything_is_made(tmp_path):
    project = scratch_project(tmp_path)
    (project / "requirements.txt").write_text("segno==1.6.1\n")
    exe, _ = REAL[max(REAL)]
    out = make([Path("/usr/bin"), Path("/bin")], "venv", f"PYTHON={exe}", cwd=project)
    assert out.returncode != 0
    assert "requirements.txt: no longer read; move its lines into requirements/build.in" in out.stderr
    assert not (project / ".venv").exists()
