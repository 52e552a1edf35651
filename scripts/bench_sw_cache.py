"""What each edition's service worker caches after one visit: file count, bytes, and the list.

    python scripts/bench_sw_cache.py          (serves the built site/; needs Debian's chromium)

Visits one section page per edition in a fresh browser, waits until the worker has installed its
cache, then reads the cache back (Cache Storage) and sums the bodies (handbook/testing.md, current figures)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

READ_CACHE = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      out.push([name, request.url, body.byteLength]);
    }
  }
  return out;
}"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    from static_server import serve
    from workplan.editions import EDITIONS

    server, base = serve(ROOT / "site")
    verbose = "-v" in sys.argv
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for edition in EDITIONS:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}{edition.code}/sections/4/", wait_until="load")
            page.wait_for_function("navigator.serviceWorker.ready.then(() => true)", timeout=60000)
            page.wait_for_function("caches.keys().then(k => k.length > 0)", timeout=60000)
            page.wait_for_function(
                "navigator.serviceWorker.controller !== null || "
                "navigator.serviceWorker.ready.then(r => r.active && r.active.state === 'activated')",
                timeout=60000,
            )
            rows = page.evaluate(READ_CACHE)
            names = sorted({r[0] for r in rows})
            total = sum(r[2] for r in rows)
            print(f"{edition.code:8} {len(rows)} files, {total} bytes ({total / 1024 / 1024:.2f} MB) in {names}")
            if verbose:
                prefix = f"{base}{edition.code}/"
                for _, url, size in sorted(rows, key=lambda r: r[1]):
                    print(f"    {size:9d}  {url.removeprefix(prefix) or './'}")
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
