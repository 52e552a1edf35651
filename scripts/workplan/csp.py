"""The Content-Security-Policy of every page (a <meta http-equiv> tag; no server headers on a static host).

script-src 'self' with no 'unsafe-inline': Material's inline scripts are replaced by files
(overrides/partials/javascripts/), so a script created by script or written into the page does not run.
style-src 'self' with no 'unsafe-inline': the pipeline writes Markdown tables without alignment
colons (Python-Markdown would write style="text-align: ..."); alignment is in workplan.css.
img-src allows data: for Material's inline SVG icons.  The policy names no other origin, so it holds
wherever the copy is served.
"""

from __future__ import annotations

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
