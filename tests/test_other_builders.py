"""The generated docs/ builds with MkDocs 1.6, ProperDocs and Zensical (workplan.other_builders):
every page and every item anchor of every edition is there.

The builders come from requirements.txt (nothing is installed here); one that is missing
is skipped with its reason, and is a failure under CI=true.  The MkDocs build is the
session's own (`built`, what `make site` runs); the others run as `python -m {builder}`,
one process an edition, from a copy of that build's docs/.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, make_root, soup
from workplan import other_builders as builders
from workplan.editions import EDITIONS
from workplan.outputs import zensical as zs

MANIFEST = ROOT / "tests" / "url-manifest.txt"
CODES = [e.code for e in EDITIONS]


def need(builder: builders.Builder) -> None:
    if not builder.available():
        reason = f"{builder.name} is not installed in {sys.prefix} (pip install -r requirements.txt)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}: the builder smoke test cannot be skipped in CI")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def docs_copy(built, tmp_path_factory) -> Path:
    """A scratch root with the session build's docs/ (the builders write beside or into it)."""
    root = make_root(tmp_path_factory.mktemp("builders"))
    shutil.copytree(built / "docs", root / "docs")
    return root


_sites: dict[str, Path] = {}


def site_of(name: str, built: Path, docs_copy: Path) -> Path:
    """The site one builder made of docs/ (built once per run); {code}/ under it."""
    if name == "mkdocs":
        return built / "site"
    builder = builders.BUILDERS[name]
    need(builder)
    if name not in _sites:
        started = time.perf_counter()
        times = builders.build(builder, docs_copy)
        print(
            f"\n{name}: {time.perf_counter() - started:.1f} s ({', '.join(f'{c} {t:.1f}' for c, t in times.items())})"
        )
        _sites[name] = docs_copy / builder.site
    return _sites[name]


def url_of(md: str) -> str:
    """MkDocs' directory URL of a page: index.md -> '', a/index.md and a.md -> a/."""
    path = md.removesuffix(".md")
    path = path.removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def manifest() -> list[str]:
    return [
        line.strip()
        for line in MANIFEST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def ids(page: Path) -> set[str]:
    return {tag["id"] for tag in soup(page).find_all(id=True)}


@pytest.mark.parametrize("name", sorted(builders.BUILDERS))
def test_every_page_and_item_anchor_of_every_edition(name, built, docs_copy, plan):
    site = site_of(name, built, docs_copy)
    for code in CODES:
        # every page the pipeline wrote for the edition ...
        pages = sorted(
            url_of(p.relative_to(docs_copy / "docs" / code).as_posix())
            for p in (docs_copy / "docs" / code).rglob("*.md")
        )
        assert len(pages) >= len(plan.sections) + 3, (name, code, pages)
        # ... and every published page and anchor of it (the URL contract)
        recorded = [u.removeprefix(f"{code}/") for u in manifest() if u.startswith(f"{code}/")]
        pages += [u for u in recorded if "#" not in u]
        found: dict[str, set[str]] = {}
        for url in sorted(set(pages)):
            html = site / code / url / "index.html"
            assert html.is_file(), f"{name}: {code}/{url} is missing"
            found[url] = ids(html)
        wanted = {(f"sections/{s.number}/", item.anchor) for s in plan.sections for item in s.items}
        wanted |= {("full/", item.anchor) for s in plan.sections for item in s.items}
        # item anchors (ranges such as #item-4-3-to-4-5 are read by the page's script, not element ids)
        wanted |= {tuple(u.split("#", 1)) for u in recorded if "#item-" in u and "-to-" not in u}
        missing = sorted(f"{url}#{anchor}" for url, anchor in wanted if anchor not in found.get(url, set()))
        assert not missing, f"{name}, {code}: item anchors missing: {missing[:10]} ({len(missing)})"
        assert all(re.fullmatch(r"item-\d+-\d+", a) for _, a in wanted)


def unzipped(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def test_properdocs_builds_what_mkdocs_builds(built, docs_copy):
    """ProperDocs, from the same configs: the same files, byte for byte, but the generator tag."""
    site = site_of("properdocs", built, docs_copy)
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')

    def after_mkdocs(rel: Path) -> bool:  # written into site/ after MkDocs: downloads, the service worker
        return rel.parts[0] in ("downloads", "offline") or rel.name == "sw.js"

    for code in CODES:
        mine = {p.relative_to(built / "site" / code) for p in (built / "site" / code).rglob("*") if p.is_file()}
        mine = {rel for rel in mine if not after_mkdocs(rel)}
        theirs = {p.relative_to(site / code) for p in (site / code).rglob("*") if p.is_file()}
        assert mine == theirs, (code, sorted(mine ^ theirs)[:10])
        for rel in sorted(mine):
            a, b = unzipped(built / "site" / code / rel), unzipped(site / code / rel)
            assert generator.sub(b"", a) == generator.sub(b"", b), f"{code}/{rel} differs"


def test_zensical_build_has_its_own_theme_and_search(built, docs_copy):
    """What differs in the Zensical build: its own theme and search index, none of overrides/."""
    site = site_of("zensical", built, docs_copy)
    for code in CODES:
        zc = yaml.safe_load((docs_copy / "docs" / f"{code}.zensical.yml").read_text(encoding="utf-8"))
        html = (site / code / "sections" / "4" / "index.html").read_text(encoding="utf-8")
        index = json.loads((site / code / "search.json").read_text(encoding="utf-8"))  # Zensical's own
        assert index["config"]["lang"] == [zc["theme"]["language"]]
        assert f'<html lang="{zc["theme"]["language"]}"' in html
        assert "workplan.js" not in html and "workplan.css" not in html
        assert 'class="wp-item"' in html  # the pages' own markup is all there
        assert not re.search(
            r'(?:src|href)="https?://(?!127\.0\.0\.1)[^"]*\.(?:js|css)', html
        )  # nothing fetched elsewhere


def test_zensical_config_is_the_mkdocs_config_inside_its_project_root(docs_copy):
    docs = docs_copy / "docs"
    shared = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for edition in EDITIONS:
        mk = yaml.safe_load((docs / f"{edition.code}.yml").read_text(encoding="utf-8"))
        text = (docs / f"{edition.code}.zensical.yml").read_text(encoding="utf-8")
        zc = yaml.safe_load(text)
        assert zc == json.loads("".join(line for line in text.splitlines(True) if not line.startswith("#")))
        assert "INHERIT" not in zc and "custom_dir" not in zc["theme"]
        for key in ("docs_dir", "site_dir"):  # Zensical's rule: inside the config's folder
            assert (docs / zc[key]).resolve().is_relative_to(docs.resolve())
        assert zc["docs_dir"] == mk["docs_dir"] == edition.code
        for key in ("site_name", "site_url", "nav", "markdown_extensions", "validation", "strict"):
            assert zc[key] == (mk[key] if key in mk else shared[key]), key
        assert zc["extra"] == {**shared.get("extra", {}), **mk["extra"]}  # INHERIT merges mappings
        assert zc["plugins"] == {"search": {}}
        assert "extra_css" not in zc and "extra_javascript" not in zc


def test_zensical_config_keeps_what_is_not_in_the_overrides(tmp_path):
    """The rule, not the example: only what lives in the theme's custom_dir is left out."""
    theme_dir = tmp_path / "overrides"
    (theme_dir / "partials" / "languages").mkdir(parents=True)
    (theme_dir / "partials" / "languages" / "pt-BR.html").write_text("")
    (theme_dir / "ours.css").write_text("")
    shared = {
        "site_name": "x",
        "theme": {
            "name": "material",
            "custom_dir": "overrides",
            "language": "de",
            "palette": [{"primary": "indigo", "accent": "custom"}],
        },
        "plugins": {"search": {"lang": "de", "separator": "[ ]"}, "tags": {}},
        "extra_css": ["ours.css", "docs-own.css"],
        "extra_javascript": ["ours.css"],
    }
    edition = {
        "INHERIT": "../mkdocs.yml",
        "docs_dir": "pt",
        "site_dir": "../site/pt",
        "theme": {"language": "pt-BR"},
        "plugins": {"search": {"lang": "pt"}},
    }
    cfg = zs.zensical_config(shared, edition, theme_dir)
    assert cfg["site_dir"] == f"{zs.SITE_DIR}/pt" and cfg["docs_dir"] == "pt"
    assert cfg["theme"] == {"name": "material", "language": "pt", "palette": [{"primary": "indigo"}]}
    assert cfg["plugins"] == {"search": {"separator": "[ ]"}, "tags": {}}
    assert cfg["extra_css"] == ["docs-own.css"] and "extra_javascript" not in cfg
    edition["theme"]["language"] = "de"  # a language the stock theme has: kept as it is
    assert zs.zensical_config(shared, edition, theme_dir)["theme"]["language"] == "de"
    assert shared["theme"]["custom_dir"] == "overrides"  # inputs untouched
    shared["theme"]["palette"] = {"scheme": "slate", "primary": "custom"}  # one scheme, not a list
    assert zs.zensical_config(shared, edition, theme_dir)["theme"]["palette"] == {"scheme": "slate"}


def test_a_missing_docs_tree_is_one_line(tmp_path):
    with pytest.raises(builders.BuildFailed, match="make docs"):
        builders.build(builders.BUILDERS["zensical"], tmp_path)
