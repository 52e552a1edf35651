"""Shared fixtures: the real plan, and one build of the real site per test session."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from helpers import MIRRORED, SOURCE, build_with, make_root
from workplan.build import build
from workplan.parse import parse_bytes


@pytest.fixture(scope="session")
def plan():
    return parse_bytes(SOURCE.read_bytes(), str(SOURCE))


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the browser tests serve the site on, known before the build (it sets site_url)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def built(tmp_path_factory, site_port) -> Path:
    """The real plan built once (all editions) into a scratch root, with its site_url being
    where the browser tests serve it (as on GitHub Pages); returns that root."""
    root = make_root(tmp_path_factory.mktemp("built"))
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{site_port}/"
    try:
        build(SOURCE, root=root)
    finally:
        if old is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = old
    return root


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory) -> Path:
    """What a plain `make site` gives a new user: SITE_URL unset."""
    return build_with(make_root(tmp_path_factory.mktemp("plain")), None)




@pytest.fixture(scope="session")
def mirror_site(tmp_path_factory) -> Path:
    """The published build (SITE_URL names its public host), to be copied onto another host."""
    return build_with(make_root(tmp_path_factory.mktemp("mirror")), MIRRORED)
