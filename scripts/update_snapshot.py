"""Record the SHA-256 of every file of the pages build in tests/golden/site-sha256.txt.

    python scripts/update_snapshot.py      (make snapshot)

tests/test_snapshot.py builds the same way and compares: a refactor must leave the output
byte-identical, and a change that means to alter the output shows, file by file, in the diff of
that list when it is re-recorded.  The build: the real plan, the pages only (no downloads),
SOURCE_DATE_EPOCH and SITE_URL fixed (the gzipped sitemaps carry the build date)."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "golden" / "site-sha256.txt"
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": "https://example.org/cnipa-2022/"}


def snapshot(root: Path) -> str:
    """Build into `root` (with mkdocs.yml and overrides/ linked in) and list every file's digest."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from workplan.config import DEFAULT_SOURCE
    from workplan.pipeline import build

    for name in ("mkdocs.yml", "overrides"):
        if not (root / name).exists():
            os.symlink(ROOT / name, root / name)
    saved = {k: os.environ.get(k) for k in ENV}
    os.environ.update(ENV)
    try:
        build(DEFAULT_SOURCE, root=root, make_downloads=False)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    site = root / "site"
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(site).as_posix()}"
        for p in sorted(site.rglob("*"))
        if p.is_file()
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        SNAPSHOT.write_text(snapshot(Path(tmp)), encoding="utf-8")
    print(f"recorded {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
