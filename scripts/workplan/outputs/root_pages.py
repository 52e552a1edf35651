"""The site root: index.html (to the first edition), 404.html (links every edition; self-contained,
workplan/not_found.py), .nojekyll (site/ stage).  From templates/root-*.html; every string comes
from the plan or editions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from .. import not_found
from ..config import TEMPLATES, site_url
from ..csp import POLICY
from ..prepare import Content


def _escape(value: object) -> str:
    """Every {{ value }} is escaped for text and double-quoted attributes, except markup marked safe
    (the 404 page's inline script and style, which must stay byte for byte as their hashes say)."""
    if isinstance(value, Markup):
        return value
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


if TYPE_CHECKING:
    import jinja2


def _env() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), finalize=_escape, keep_trailing_newline=True)


def render(content: Content) -> dict[str, str]:
    env = _env()
    title = content.docs[content.original.code].title
    names = ", ".join(e.english_name for e in content.editions)
    values = {
        "first": content.editions[0].code,
        "title": title,
        "description": f"{title} reader's edition: {names}.",
        "canonical": site_url() + content.editions[0].code + "/" if site_url() else "",
        "csp": "" if content.preview else POLICY,
        "titles": {e.code: content.docs[e.code].title for e in content.editions},
        "editions": content.editions,
        "nf": not_found.values(content),
        "script": Markup(not_found.SCRIPT),
        "style": Markup(not_found.STYLE),
    }
    return {
        "index.html": env.get_template("root-index.html").render(values),
        "404.html": env.get_template("root-404.html").render(values),
        "root.css": (TEMPLATES / "root.css").read_text(encoding="utf-8"),
        ".nojekyll": "",
    }
