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
# The public address when SITE_URL is not set (local builds): used only in text that names
# the site (canonical, hreflang in the sitemaps, Open Graph, citations), never fetched.
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def site_url() -> str:
    """The one place the public base URL comes from (SITE_URL, set by the Pages workflow)."""
    url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def translation_path(source: Path) -> Path:
    """source/x.zh-Hans.txt -> source/x.en.yml (x.txt -> x.en.yml)."""
    stem = source.name.removesuffix(".txt").removesuffix(".zh-Hans")
    return source.with_name(stem + ".en.yml")
