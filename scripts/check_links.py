"""Every link and anchor of a built site, checked in the files themselves (no server, no crawler).

    python scripts/check_links.py site/ [--site-url https://example.org/plan/]

Each HTML file's `href` and `src` (and `srcset`) is resolved against the file's own place in the
tree, as a browser resolves it under any host and path: the target must be a file of the tree (a
folder: its index.html), and a `#fragment` must be an `id` (or an `<a name>`) of the target page.
Links to other hosts are not followed: the site makes no request to them, and this checks the
site, not the web.  The site's own public address (`--site-url`, the build's SITE_URL) is mapped
onto the tree.  A root-absolute link (`/x`) is broken in a build with no public address: it
leaves the copy when the site is served under a sub-path or opened from a file.
"""

from __future__ import annotations

import argparse
import html.parser
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src", "srcset"}
NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:", "blob:")


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, url)


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in LINK_ATTRS and not (tag == "link" and ("rel", "canonical") in attrs):
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.page.links.extend((line, url.strip()) for url in urls)

    handle_startendtag = handle_starttag


def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def check(site: Path, site_url: str | None = None) -> list[str]:
    """The broken links of the tree `site`, one line each: `file:line: url: why`."""
    site = site.resolve()
    public = urlsplit(site_url) if site_url else None
    pages: dict[str, Page] = {}

    def page(rel: str) -> Page:
        if rel not in pages:
            pages[rel] = read(site / rel)
        return pages[rel]

    def target(rel: str) -> str | None:
        """The file of the tree a path names (a folder: its index.html), or None."""
        path = site / rel
        if rel.endswith("/") or path.is_dir():
            path = path / "index.html"
        return path.relative_to(site).as_posix() if path.is_file() else None

    problems: list[str] = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        for line, url in page(rel).links:
            if not url or url.startswith(NOT_FETCHED):
                continue
            parts = urlsplit(url)
            where = f"{rel}:{line}: {url}"
            if parts.scheme or parts.netloc:
                if not (
                    public
                    and parts.scheme in ("http", "https", "")
                    and parts.netloc == public.netloc
                    and parts.path.startswith(public.path)
                ):
                    continue  # another host: not a request of the site
                path = "/" + parts.path[len(public.path) :]
            elif parts.path.startswith("/"):
                if not public:
                    problems.append(f"{where}: root-absolute, leaves a copy served under a sub-path or from a file")
                    continue
                if not parts.path.startswith(public.path):
                    problems.append(f"{where}: outside the site's path {public.path}")
                    continue
                path = "/" + parts.path[len(public.path) :]
            else:
                path = posixpath.join("/" + posixpath.dirname(rel), parts.path) if parts.path else "/" + rel
            normal = posixpath.normpath(unquote(path))
            if normal.startswith("/.."):
                problems.append(f"{where}: leaves the site's folder")
                continue
            found = target(normal.lstrip("/") + ("/" if path.endswith("/") and normal != "/" else ""))
            if found is None:
                problems.append(f"{where}: no such file")
            elif parts.fragment and found.endswith(".html") and unquote(parts.fragment) not in page(found).ids:
                problems.append(f"{where}: no id {unquote(parts.fragment)!r} in {found}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--site-url", help="the build's public address (SITE_URL), mapped onto the tree")
    args = parser.parse_args(argv)
    problems = check(args.site, args.site_url)
    for line in problems:
        print(line)
    print(f"{len(problems)} broken link(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
