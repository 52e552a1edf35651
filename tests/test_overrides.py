"""The theme overrides are made from the installed Material's originals (overrides/README.md).

A Material (or MkDocs) upgrade that changes a template we replaced, a block we copied, the markup
our hook changes, or the version our scripts' Material internals were read from fails here, naming
the template, so the change can be re-applied to the new original."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from pathlib import Path

import material
import mkdocs
import pytest

from helpers import ROOT, soup

OVERRIDES = ROOT / "overrides"
README = (OVERRIDES / "README.md").read_text(encoding="utf-8")
THEMES = {
    "material": Path(material.__file__).parent / "templates",
    "mkdocs": Path(mkdocs.__file__).parent / "templates",
}


def table(heading: str) -> list[list[str]]:
    """The rows of the table under `## heading`, cells stripped of their backticks."""
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    return [
        [cell.strip().strip("`").replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[1:]
    ]


def short_hash(text: str | bytes) -> str:
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()[:16]


def block(template: str, name: str) -> str:
    match = re.search(r"\{% block " + name + r" %\}(.*?)\{% endblock %\}", template, re.S)
    assert match, f"material:base.html has no block {name!r} any more: see overrides/README.md"
    return match.group(1)


REPLACED = table("Templates that replace a theme file")
BLOCKS = table("Blocks of Material's `base.html`")
HOOKED = table("Changes no block reaches (`mkdocs_hooks.py`)")
BASE = (THEMES["material"] / "base.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("override, original, recorded, why", REPLACED, ids=[r[0] for r in REPLACED])
def test_each_replaced_template_was_made_from_the_installed_original(override, original, recorded, why):
    theme, path = original.split(":", 1)
    assert (OVERRIDES / override).is_file(), f"overrides/{override} is listed but missing"
    installed = short_hash((THEMES[theme] / path).read_bytes())
    assert installed == recorded, (
        f"{original} differs from the original overrides/{override} was made from ({recorded}, now {installed}): "
        f"re-apply our change ({why}) to the new original, then record its hash in overrides/README.md"
    )


def test_every_template_in_overrides_is_listed():
    listed = {row[0] for row in REPLACED} | {row[0] for row in table("Templates of our own")}
    found = {
        p.relative_to(OVERRIDES).as_posix()
        for p in OVERRIDES.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml")
    }
    assert found <= listed, f"not listed in overrides/README.md: {sorted(found - listed)}"


@pytest.mark.parametrize("name, recorded, how, why", BLOCKS, ids=[r[0] for r in BLOCKS])
def test_each_copied_block_was_made_from_the_installed_original(name, recorded, how, why):
    original = block(BASE, name)
    if recorded != "-":
        assert short_hash(original) == recorded, (
            f"material:base.html's block {name!r} differs from the one overrides/main.html copies ({recorded}, now "
            f"{short_hash(original)}): re-apply our change ({why}) to the new block, then record its hash"
        )
    assert f"{{% block {name} %}}" in (OVERRIDES / "main.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("markup, change, why", HOOKED, ids=[r[0][:30] for r in HOOKED])
def test_the_markup_the_hook_changes_is_still_in_materials_base_template(markup, change, why):
    assert markup in BASE, (
        f"material:base.html no longer has {markup!r}: scripts/workplan/mkdocs_hooks.py cannot "
        f"make its change ({change}); see overrides/README.md"
    )


def test_our_scripts_were_checked_against_the_installed_material():
    recorded = re.search(r"Read from mkdocs-material \*\*([\d.]+)\*\*", README).group(1)
    installed = importlib.metadata.version("mkdocs-material")
    scripts = ", ".join(row[0] for row in table("Material internals our scripts speak"))
    assert installed == recorded, (
        f"mkdocs-material {installed} is installed; {scripts} speak Material {recorded}'s internals (its __md_* "
        "globals and search-worker messages, overrides/README.md): check them against the new bundle, then record it"
    )


def test_the_hook_made_its_changes_in_the_built_pages(site):
    page = soup(site / "en" / "full" / "index.html")
    assert not page.find_all("link", hreflang=True)
    assert all(not toggle.has_attr("autocomplete") for toggle in page.select("input.md-toggle"))
    assert "wp-long" in page.select_one("article.md-content__inner")["class"]
    section = soup(site / "en" / "sections" / "4" / "index.html")
    assert "wp-long" not in section.select_one("article.md-content__inner")["class"]
    missing = soup(site / "en" / "404.html")
    assert not missing.find_all("link", hreflang=True) and not missing.select("input.md-toggle[autocomplete]")
