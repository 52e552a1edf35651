"""The 404 pages: the site root's (templates/root-404.html, outputs/root_pages.py) and each edition's
(overrides/404.html, fed through config.extra.not_found by outputs/configs.py).

A host serves a 404 page for a missing address at any depth and under any path, where no relative
or root-absolute URL is right.  So the page is self-contained: its styles inline, no asset fetched,
and one small inline script (templates/not-found.js) that finds the site root from the address's
edition segment and sets the links to the editions.  Both are allowed by their hashes in the page's
own Content-Security-Policy (the site's policy otherwise).  Without JavaScript the links name the
public address (SITE_URL) when it is set, and nothing otherwise.
"""

from __future__ import annotations

import base64
import hashlib

from .config import TEMPLATES, site_path, site_url
from .csp import POLICY

SCRIPT = (TEMPLATES / "not-found.js").read_text(encoding="utf-8")
STYLE = (TEMPLATES / "not-found.css").read_text(encoding="utf-8")


def source_hash(text: str) -> str:
    """A CSP hash source of an inline script or style, exactly as it stands between its tags."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy() -> str:
    """The site's policy, with the page's one inline script and one inline style allowed by hash."""
    directives = dict(d.split(" ", 1) for d in POLICY.split("; "))
    directives["script-src"] = source_hash(SCRIPT)
    directives["style-src"] = source_hash(STYLE)
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def values(content) -> dict:
    """What both 404 templates print: the policy (none in make serve's preview), the inline script
    and style, the public address and its path, and every edition's link text and message."""
    return {
        "csp": "" if content.preview else policy(),
        "script": SCRIPT,
        "style": STYLE,
        "public": site_url(),
        "path": site_path() if site_url() else "",
        "codes": " ".join(e.code for e in content.editions),
        "editions": [
            {"code": e.code, "label": e.label, "title": content.docs[e.code].title, "message": e.ui["not_found"]}
            for e in content.editions
        ],
    }
