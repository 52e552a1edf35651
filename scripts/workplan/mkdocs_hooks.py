"""MkDocs hooks of every edition's build.  outputs/configs.py copies this file into docs/ beside
the editions' configs, which name it (`hooks:`), so every MkDocs-compatible builder that reads
them (MkDocs, ProperDocs) makes the same pages.

on_env: Jinja's own file cache of compiled templates.  MkDocs makes a new Jinja environment for
every build, so without it every edition, every build process and every preview rebuild compiles
Material's templates again.  Jinja checks each entry against its template's source and the
Python version, so an edited template is compiled anew.

on_post_page: the changes to Material's base.html that no template block reaches
(overrides/README.md lists every override).
"""

from __future__ import annotations

import re

import jinja2

_CACHE = jinja2.FileSystemBytecodeCache()  # Jinja's default: a folder of this user's in the temp dir

# The drawer and search toggles: the Nu HTML Checker rejects autocomplete on a checkbox.
_TOGGLE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__\w+") '
    r'autocomplete="off">'
)
# Material's <link rel=alternate hreflang> in the head: its language script fetches sitemap.xml beside
# each, which with absolute URLs leaves the serving origin.  hreflang is in the sitemaps (sitemap.xml).
_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
# The long pages' article is marked for their layout rules (workplan.css: boxes skipped off screen).
_ARTICLE = '<article class="md-content__inner md-typeset">'


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env


def _base_changes(output: str) -> str:
    head, sep, body = output.partition("</head>")
    return _ALTERNATE.sub("", head) + sep + _TOGGLE.sub(r"\1>", body)


def on_post_page(output: str, page, config) -> str:
    output = _base_changes(output)
    if page.meta.get("long_page"):
        output = output.replace(_ARTICLE, _ARTICLE[:-2] + ' wp-long">', 1)
    return output


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The static templates Material renders through base.html (404.html)."""
    return _base_changes(output_content) if template_name.endswith(".html") else output_content
