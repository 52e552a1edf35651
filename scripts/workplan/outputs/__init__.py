"""The outputs: each a module with `render(content) -> {relative path: text or bytes}`, a pure
function of the prepared content (prepare.Content).

DOCS      written into docs/ before MkDocs runs (paths relative to docs/)
SITE      written into site/ after the MkDocs builds (paths relative to site/)
BUILT     written into site/ last, from the built tree: `render(content, site: Path)` (the service
          worker hashes what MkDocs and the other stages wrote)
DOWNLOADS the heavy downloads (PDF, EPUB, offline zip), relative to site/: built by `make site`,
          skipped by `make pages`; each module may also define `fingerprint(content) -> str`, the
          hash of its inputs, so that the downloads stage reuses what has not changed.  The
          stage's manifest (path -> size) reaches the page outputs as Content.downloads.

A new output is a new module here and one entry in a list below.
"""

from __future__ import annotations

from . import (
    assets,
    citations,
    configs,
    data,
    ebooks,
    handouts,
    offline_copy,
    pages,
    reading,
    root_pages,
    search_index,
    service_worker,
    web_manifest,
)

# DOCS in the order they are rendered
DOCS = (configs, search_index, pages, data, reading, citations, web_manifest, assets)
SITE = (root_pages,)
BUILT = (service_worker,)
DOWNLOADS: tuple = (handouts, ebooks, offline_copy)
