"""Shared fixtures: the real plan, and one build of the real site per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PUBLISHED, SOURCE, build_with, make_root
from workplan.parse import parse_bytes


@pytest.fixture(scope="session")
def plan():
    return parse_bytes(SOURCE.read_bytes(), str(SOURCE))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real plan built once (all editions, downloads too) into a scratch root, as the Pages
    workflow builds it: SITE_URL names its public address (PUBLISHED); returns that root.  The browser
    tests serve it on a random port of 127.0.0.1, as a copy of the published site would be."""
    root = make_root(tmp_path_factory.mktemp("built"))
    build_with(root, PUBLISHED)
    return root


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory) -> Path:
    """What a plain `make site` gives a new user: SITE_URL unset."""
    return build_with(make_root(tmp_path_factory.mktemp("plain")), None)


@pytest.fixture(scope="session")
def mirror_site(site) -> Path:
    """The published build (SITE_URL names its public host), to be copied onto another host: the
    session's own build, which is built so."""
    return site
