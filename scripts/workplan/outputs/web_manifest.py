"""Each edition's web app manifest, manifest.webmanifest (docs/ stage): name and language from the
plan and editions.py; it makes the edition installable, with the service worker (service_worker.py)."""

from __future__ import annotations

import json

from ..edition_markdown import html_text, renderer_for
from ..prepare import Content


def web_manifest(title: str, code: str) -> str:
    data = {
        "name": title,
        "lang": code,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#ffffff",
        "icons": [{"src": "assets/images/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render(content: Content) -> dict[str, str]:
    files = {}
    for edition in content.editions:
        renderer = renderer_for(content, edition)
        files[f"{edition.code}/manifest.webmanifest"] = web_manifest(
            html_text(renderer.ts(renderer.doc.title)), edition.code
        )
    return files
