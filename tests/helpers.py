"""Helpers shared by the tests (imported as `helpers`; fixtures live in conftest.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from workplan.pipeline import DEFAULT_SOURCE, build

ROOT = Path(__file__).resolve().parents[1]
SOURCE = DEFAULT_SOURCE
# The public address (SITE_URL) of the session's build of the real plan (the `built`, `site` and
# `mirror_site` fixtures): fixed, so that its downloads are cached between sessions, with a path, as
# on GitHub Pages (https://OWNER.github.io/REPO/), and never where the tests serve it.
PUBLISHED = "https://owner.example.org/published/"


def need(path_or_cmd, what: str):
    """Skip (with the reason) when a checker is missing, or fail under CI=true (.ci/run installs it)."""
    found = Path(path_or_cmd).exists() if os.sep in str(path_or_cmd) else shutil.which(str(path_or_cmd))
    if not found:
        reason = f"{what} is not installed ({path_or_cmd}); .ci/run installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)


def make_root(path: Path) -> Path:
    """A scratch project root: the shared MkDocs config and theme overrides, nothing built."""
    path.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides"):
        target = path / name
        if not target.exists():
            os.symlink(ROOT / name, target)
    # The downloads cache (keyed by a hash of each download's inputs) is shared with the project's
    # own builds, so that test builds reuse PDFs and EPUBs whose inputs have not changed.
    cache = ROOT / ".cache"
    cache.mkdir(exist_ok=True)
    if not (path / ".cache").exists():
        os.symlink(cache, path / ".cache")
    return path


def build_with(root: Path, site_url: str | None, source: Path = SOURCE, downloads: bool = True) -> Path:
    """Build `source` into `root` with SITE_URL set to `site_url` (None: unset); returns site/.
    downloads=False: as `make pages` (no PDF, EPUB or zip made), for tests that look at no download."""
    old = os.environ.pop("SITE_URL", None)
    if site_url:
        os.environ["SITE_URL"] = site_url
    try:
        build(source, root=root, make_downloads=downloads)
    finally:
        os.environ.pop("SITE_URL", None)
        if old is not None:
            os.environ["SITE_URL"] = old
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def item_text(div) -> str:
    """The text of an item as a reader sees it, without its permalink and the other-language text."""
    first = div.find("p")
    for tag in first.select("a.wp-ref, .wp-untranslated"):
        tag.decompose()
    return first.get_text().strip()


def rendered_lines(site: Path, code: str, plan) -> list[str]:
    """A Chinese edition's text laid out as the source lines: title, preamble, one line a section, source."""
    home = soup(site / code / "index.html")
    shown = [home.find("h1").get_text().strip()]
    shown += [p.get_text().strip() for p in home.select("h2#preamble ~ p")][: len(plan.preamble)]
    for s in plan.sections:
        page = soup(site / code / "sections" / str(s.number) / "index.html")
        heading = page.find("h1").get_text().strip()
        items = [item_text(div) for div in page.select("div.wp-item")]
        assert len(items) == len(s.items)
        shown.append(heading + ("" if heading.endswith("。") else "。") + "".join(items))
    if plan.source_line:
        shown.append(home.select_one("p.wp-source").get_text().strip())
    return shown
