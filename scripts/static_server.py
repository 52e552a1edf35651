"""A static server for measuring the built site as a reader gets it: text compressed with gzip when
the browser asks for it, as GitHub Pages and every common static host do (Python's own
http.server sends every file as it is, which triples what Lighthouse's simulated slow 4G has to carry).

    from static_server import serve
    server, base = serve(site_dir)      # http://127.0.0.1:<free port>/ ; server.shutdown() when done

Used by the Lighthouse gate (tests/browser/test_gates.py) and scripts/bench_lighthouse.py."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
              "application/manifest+json")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json", ".js": "application/javascript"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if (not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not self.guess_type(path).startswith(COMPRESSED)):
            return super().send_head()  # directories without a slash (redirect), 404s, images
        body = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
