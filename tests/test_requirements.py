"""Requirements: direct dependencies in requirements/{build,test}.in, locked with hashes in the .txt files
by `make lock`; the locks agree with the inputs and with each other, and the supported Pythons agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT

REQ = ROOT / "requirements"


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_in(path: Path) -> tuple[dict[str, str], list[str]]:
    """{name: version} of the pinned lines, and the -r includes."""
    pins, includes = {}, []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            includes.append(line[3:].strip())
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        assert match, f"{path.name}:{number}: pin it as name==version under a comment naming what it is for: {raw}"
        pins[normalise(match[1])] = match[2]
    return pins, includes


def read_lock(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """{name: (version, hashes)} of a lock written by uv pip compile --generate-hashes."""
    entries: dict[str, tuple[str, frozenset[str]]] = {}
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", block)
        if not head:
            continue
        hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
        assert hashes, f"{path.name}: {head[1]} has no hash"
        entries[normalise(head[1])] = (head[2], hashes)
    return entries


BUILD_IN, BUILD_INCLUDES = read_in(REQ / "build.in")
TEST_IN, TEST_INCLUDES = read_in(REQ / "test.in")
BUILD_LOCK = read_lock(REQ / "build.txt")
TEST_LOCK = read_lock(REQ / "test.txt")


def test_requirements_txt_is_gone():
    assert not (ROOT / "requirements.txt").exists(), (
        "requirements.txt is no longer read: move its lines into requirements/build.in or test.in, then make lock"
    )


def test_test_requirements_include_the_build_ones():
    assert BUILD_INCLUDES == [] and TEST_INCLUDES == ["build.in"]


@pytest.mark.parametrize(
    "pins, lock, lock_name",
    [
        (BUILD_IN, BUILD_LOCK, "build.txt"),
        ({**BUILD_IN, **TEST_IN}, TEST_LOCK, "test.txt"),
    ],
)
def test_every_direct_requirement_is_in_its_lock_at_its_pinned_version(pins, lock, lock_name):
    stale = {
        name: (version, lock.get(name, ("missing",))[0])
        for name, version in pins.items()
        if lock.get(name, ("",))[0] != version
    }
    assert not stale, f"requirements/{lock_name} is stale (run make lock): {stale}"


def test_locks_are_written_by_make_lock_with_hashes():
    for name in ("build.txt", "test.txt"):
        head = (REQ / name).read_text(encoding="utf-8").splitlines()[:2]
        assert head[1].strip() == "#    make lock", head
    assert len(BUILD_LOCK) >= len(BUILD_IN) and len(TEST_LOCK) > len(BUILD_LOCK)


def test_the_build_lock_is_the_test_lock_restricted_to_building():
    """make test installs test.txt over build.txt: the same version and files for every shared package."""
    differ = {
        name: (entry[0], TEST_LOCK.get(name, ("missing",))[0])
        for name, entry in BUILD_LOCK.items()
        if TEST_LOCK.get(name) != entry
    }
    assert not differ, f"run make lock: {differ}"
    assert not set(TEST_IN) & set(BUILD_IN), "a requirement is in both build.in and test.in"


def test_supported_pythons_agree_in_the_makefile_and_pyproject():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    low = re.search(r"^PYTHON_MIN := (\S+)", makefile, re.M)[1]
    below = re.search(r"^PYTHON_BELOW := (\S+)", makefile, re.M)[1]
    candidates = re.search(r"^PYTHON_CANDIDATES := (.+)$", makefile, re.M)[1].split()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={low},<{below}"' in pyproject
    assert "--python-version $(PYTHON_MIN)" in makefile  # the locks resolve for the lowest supported
    minor_low, minor_below = int(low.split(".")[1]), int(below.split(".")[1])
    assert candidates == [f"python3.{m}" for m in range(minor_below - 1, minor_low - 1, -1)] + ["python3"]


def test_the_installer_is_locked_and_new_enough_for_the_locks():
    """requirements/pip.txt: the pip the Makefile bootstraps into .venv before the locks (the pip a
    Python brings may be older than 23.3, which cannot take an extra such as fonttools[woff] with
    --require-hashes), pinned with hashes and written by make lock."""
    pins, includes = read_in(REQ / "pip.in")
    lock = read_lock(REQ / "pip.txt")
    assert set(pins) == {"pip"} and not includes
    assert lock["pip"][0] == pins["pip"], "requirements/pip.txt is stale (run make lock)"
    assert tuple(map(int, pins["pip"].split(".")[:2])) >= (23, 3)
    assert (REQ / "pip.txt").read_text(encoding="utf-8").splitlines()[1].strip() == "#    make lock"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(VENV)/.build-installed: requirements/build.txt $(VENV)/.pip-installed" in makefile
    assert "$(VENV)/.test-installed: requirements/test.txt $(VENV)/.pip-installed" in makefile
