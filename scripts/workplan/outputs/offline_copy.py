"""The offline copy: one zip of the whole site, every edition, that works opened from file://
(downloads stage: built by `make site`, skipped by `make pages`).

It is a separate portable variant of the same docs/ (the page, search-index and data outputs),
built by MkDocs with its own generated config: Material's offline plugin (use_directory_urls off,
so links name .html files, and search/search_index.js for Material's own index), no service
worker, and Web Workers through templates/offline-copy/iframe-worker-csp.js instead of the
unpkg.com shim the plugin would add.  Search runs this site's worker unchanged in a hidden frame;
its index arrives as a script file, search/workplan-index.js (no fetch under file://).  The
published site's URLs are not touched.  The zip is deterministic: sorted entries, fixed times
and permissions.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path

import yaml

from ..config import ROOT, TEMPLATES
from ..csp import POLICY
from ..prepare import Content
from ..site import mkdocs_build, write_tree

PATH = "offline/reader-edition.zip"  # relative to site/
FOLDER = "reader-edition"  # the one folder inside the zip
COPY = TEMPLATES / "offline-copy"
SHIM = "assets/javascripts/iframe-worker-csp.js"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SKIPPED = re.compile(r"(\.map|sitemap\.xml(\.gz)?)$|^[^/]+/assets/javascripts/(lunr|workers)/")


def file_location(location: str) -> str:
    """A search result's directory URL as the copy's file URL: sections/4/#x -> sections/4.html#x."""
    path, hash_, anchor = location.partition("#")
    path = "index.html" if path in ("", "./") else path.rstrip("/") + ".html" if path.endswith("/") else path
    return path + hash_ + anchor


def index_script(index_json: str) -> str:
    index = json.loads(index_json)
    for doc in index.get("docs", []):
        for key in ("l", "location"):  # the URL field ("l" in index format 2)
            if key in doc:
                doc[key] = file_location(doc[key])
    return "var __workplanIndex = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n"


def variant_config(text: str, docs: Path, site: Path) -> str:
    config = yaml.safe_load(text)
    config["INHERIT"] = str(ROOT / "mkdocs.yml")
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["use_directory_urls"] = False
    config["plugins"] = {**config.get("plugins", {}), "offline": {}}
    config["extra"] = {**config["extra"], "sw": False, "polyfills": [SHIM]}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def docs_files(content: Content) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    from . import DOCS, web_manifest

    for module in DOCS:  # every docs/ output but the web app manifest (no worker in the copy)
        if module is not web_manifest:
            files.update(module.render(content))
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(COPY), keep_trailing_newline=True)
    for edition in content.editions:
        code = edition.code
        files[f"{code}/search/workplan-index.js"] = index_script(files[f"{code}/search/workplan-index.json"])
        files[f"{code}/{SHIM}"] = (COPY / "iframe-worker-csp.js").read_text(encoding="utf-8")
        files[f"{code}/assets/javascripts/search-frame.js"] = (COPY / "search-frame.js").read_text(encoding="utf-8")
        files[f"{code}/assets/javascripts/search-frame.html"] = env.get_template("search-frame.html").render(csp=POLICY)
    return files


def root_files(content: Content) -> dict[str, str]:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(COPY), keep_trailing_newline=True, autoescape=True)
    first = content.editions[0].code
    values = {
        "first": first,
        "title": content.docs[first].title,
        "csp": POLICY,
        "editions": content.editions,
        "titles": {e.code: content.docs[e.code].title for e in content.editions},
    }
    return {
        "index.html": env.get_template("index.html").render(values),
        "root.css": (TEMPLATES / "root.css").read_text(encoding="utf-8"),
    }


def deterministic_zip(tree: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in tree.rglob("*") if p.is_file()):
            rel = path.relative_to(tree).as_posix()
            if SKIPPED.search(rel):
                continue
            info = zipfile.ZipInfo(f"{FOLDER}/{rel}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def build_copy(content: Content, work: Path) -> Path:
    """Write and build the portable variant under `work`; returns its site folder."""
    docs, site = work / "docs", work / "site"
    files = docs_files(content)
    for edition in content.editions:
        name = f"{edition.code}.yml"
        files[name] = variant_config(files[name].split("\n", 1)[1], docs / edition.code, site / edition.code)
    write_tree(docs, files)
    for edition in content.editions:
        mkdocs_build(docs / f"{edition.code}.yml", site / edition.code)
    write_tree(site, root_files(content))
    return site


def fingerprint(content: Content) -> str:
    """The zip's inputs: the docs it is built from, the theme and shim files, the policy."""
    digest = hashlib.sha256()
    for rel, text in sorted(docs_files(content).items()):
        digest.update(rel.encode() + b"\0" + (text if isinstance(text, bytes) else text.encode()) + b"\0")
    for path in sorted((ROOT / "overrides").rglob("*")) + sorted(TEMPLATES.rglob("*")) + [ROOT / "mkdocs.yml"]:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def render(content: Content) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory(prefix="workplan-offline-") as work:
        site = build_copy(content, Path(work))
        return {PATH: deterministic_zip(site)}
