"""Record every published URL and anchor in tests/url-manifest.txt (additions only).

    make manifest        (builds the site first)

A published URL is a contract: this script only ever adds lines.  A URL or anchor that
disappears from the site makes tests/test_build.py fail; the fix is to bring it back
(or, for a real move, to keep a redirect page at the old URL), never to delete the line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from workplan.editions import EDITIONS  # noqa: E402

MANIFEST = ROOT / "tests" / "url-manifest.txt"
HEADER = (
    "# Every published URL and anchor, relative to the site root. "
    "Lines are only ever added (scripts/update_manifest.py).\n"
)


def published(site: Path) -> set[str]:
    urls = set()
    for edition in EDITIONS:
        for page in sorted((site / edition.code).rglob("index.html")):
            rel = page.parent.relative_to(site).as_posix() + "/"
            if "/search/" in rel or "/assets/" in rel:
                continue
            urls.add(rel)
            article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
            for tag in article.find_all(id=True) if article else []:
                urls.add(f"{rel}#{tag['id']}")
    return urls


def main() -> None:
    site = ROOT / "site"
    old = set()
    if MANIFEST.exists():
        old = {
            line.strip()
            for line in MANIFEST.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
    now = published(site)
    merged = sorted(old | now)
    MANIFEST.write_text(HEADER + "\n".join(merged) + "\n", encoding="utf-8")
    print(
        f"{MANIFEST.relative_to(ROOT)}: {len(merged)} URLs and anchors ({len(now - old)} new, "
        f"{len(old - now)} recorded but not in this build)"
    )


if __name__ == "__main__":
    main()
