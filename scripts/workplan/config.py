"""What the outputs need from the configuration: paths, the public address.  The bottom module:
it imports nothing of the pipeline, so every stage and output can import it."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT / "source" / "cnipa-2022-work-plan.zh-Hans.txt"
GLOSSARY = ROOT / "glossary" / "terms.yml"
SCHEMA = ROOT / "glossary" / "schema.json"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def site_url() -> str:
    """The one place the public base URL comes from: SITE_URL (set by the Pages workflow), or "".

    Unset (the default for local builds), the site names no public address: no canonical URL, no
    Open Graph URL, empty sitemaps, and so no absolute URL to the build machine anywhere.  Set, it
    appears only in text that names the site (canonical, hreflang in the sitemaps, Open Graph,
    citations), never in anything a browser fetches."""
    url = os.environ.get("SITE_URL", "").strip()
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def site_path() -> str:
    """The path part of SITE_URL ("/" when unset): where a root 404 page, served at any depth,
    finds the editions.  A path, never an origin."""
    from urllib.parse import urlsplit

    return urlsplit(site_url()).path or "/"


def translation_path(source: Path) -> Path:
    """source/x.zh-Hans.txt -> source/x.en.yml (x.txt -> x.en.yml)."""
    stem = source.name.removesuffix(".txt").removesuffix(".zh-Hans")
    return source.with_name(stem + ".en.yml")


def provenance_path(source: Path) -> Path:
    """source/x.zh-Hans.txt -> source/x.provenance.yml: the record of where the text comes from."""
    stem = source.name.removesuffix(".txt").removesuffix(".zh-Hans")
    return source.with_name(stem + ".provenance.yml")
