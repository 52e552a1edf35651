"""Shared fixtures: the real plan, and one build of the real site per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SOURCE, make_root
from workplan.build import build
from workplan.parse import parse_bytes


@pytest.fixture(scope="session")
def plan():
    return parse_bytes(SOURCE.read_bytes(), str(SOURCE))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real plan built once (all editions) into a scratch root; returns that root."""
    root = make_root(tmp_path_factory.mktemp("built"))
    build(SOURCE, root=root)
    return root


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built / "site"
