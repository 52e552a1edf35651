"""Content-hashed URLs for the project's own theme assets (docs/ stage), as Material does for its own:
overrides/assets/x/name.js is also written as {edition}/assets/x/name.<hash>.js, and the pages
name only the hashed file (the generated config's extra_css/extra_javascript, and config.extra.assets
for the templates).  A deploy that changes a file changes its URL, so no browser or cache mixes an old
script with a new page.  The lists come from mkdocs.yml (plain, and what `mkdocs serve` uses), plus the
files the templates load (head, palette, anchor target, search worker).

Each is minified (rjsmin, rcssmin: comments and spaces out, nothing renamed) before it is hashed:
the sources in overrides/ keep their comments, a reader's first load does not carry them.  The files
our scripts load on first use (LAZY_ASSETS: the reading aids, the cite menu) are minified too, under
their plain names (a file in docs/ takes the place of the theme's copy)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import rcssmin
import rjsmin
import yaml

from ..config import ROOT
from ..prepare import Content

TEMPLATE_ASSETS = (
    "assets/javascripts/workplan-head.js",
    "assets/javascripts/workplan-palette.js",
    "assets/javascripts/workplan-content.js",
    "assets/javascripts/workplan-search.js",
)

LAZY_ASSETS = (
    "assets/javascripts/workplan-reading-aids.js",
    "assets/stylesheets/workplan-reading-aids.css",
    "assets/javascripts/workplan-cite-menu.js",
    "assets/stylesheets/workplan-cite.css",
)


def minified(path: str, data: bytes) -> bytes:
    if path.endswith(".js"):
        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8")
    if path.endswith(".css"):
        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")
    return data


def shared_lists() -> tuple[list[str], list[str]]:
    css, js = _lists((ROOT / "mkdocs.yml").read_bytes())
    return list(css), list(js)


@lru_cache(maxsize=4)
def _lists(config_bytes: bytes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """mkdocs.yml's lists, read once per version of the file (every page config asks)."""
    config = yaml.load(config_bytes, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(config.get("extra_css", [])), tuple(config.get("extra_javascript", []))


def hashed_name(path: str, data: bytes) -> str:
    stem, _dot, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}.{ext}"


def hashed() -> dict[str, tuple[str, bytes]]:
    """Asset path -> (hashed path, bytes), for every own asset the pages load."""
    css, js = shared_lists()
    out = {}
    for path in (*css, *js, *TEMPLATE_ASSETS):
        source = ROOT / "overrides" / path
        if isinstance(path, str) and source.is_file():
            data = minified(path, source.read_bytes())
            out[path] = (hashed_name(path, data), data)
    return out


def config_values() -> dict:
    """What the generated edition config sets: the hashed lists and the name map for templates."""
    files = hashed()
    css, js = shared_lists()
    return {
        "extra_css": [files[p][0] if p in files else p for p in css],
        "extra_javascript": [files[p][0] if isinstance(p, str) and p in files else p for p in js],
        "assets": {p: name for p, (name, _) in files.items()},
    }


def render(content: Content) -> dict[str, bytes]:
    files = hashed()
    lazy = {path: minified(path, (ROOT / "overrides" / path).read_bytes()) for path in LAZY_ASSETS}
    return {f"{e.code}/{name}": data for e in content.editions for name, data in [*files.values(), *lazy.items()]}
