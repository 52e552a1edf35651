"""Screenshots of every edition on a phone and a desktop viewport (for review and the README).

    python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Needs Debian's chromium (/usr/bin/chromium) and a served site (make serve).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from chrome import ARGS, CHROMIUM

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
PAGES = {"home": "", "section": "sections/4/", "glossary": "glossary/"}


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "tests/artifacts/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for device, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            for edition in ("zh-Hans", "zh-Hant", "en"):
                for name, path in PAGES.items():
                    page.goto(f"{base}{edition}/{path}")
                    page.screenshot(path=str(out / f"{edition}-{name}-{device}.png"), full_page=False)
            page.close()
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
