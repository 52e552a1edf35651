"""The one static server of the tests and benchmarks: the built site as a reader gets it from a host,
text compressed with gzip when the browser asks for it, as GitHub Pages and every common static
host do (Python's own http.server sends every file as it is, which triples what Lighthouse's
simulated slow 4G has to carry), on a port the OS gives, optionally under a sub-path, with the
nearest 404.html for a missing file.

    from static_server import serve
    server, base = serve(site_dir)                      # http://127.0.0.1:<free port>/
    server, base = serve(site_dir, path="/course/plan/")  # the same tree under a sub-path
    server.close()                                      # when done

    python scripts/static_server.py site/ [--path /course/plan/] [--port 8001]

free_port(): a port the OS has just given, for a server another process starts (make serve)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import os
import socket
import sys
import threading
from pathlib import Path
from typing import ClassVar

COMPRESSED = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    mount = "/"  # the URL path the tree is served under (set per server by serve())

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".js": "application/javascript",
    }

    def log_message(self, *args):
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return os.path.join(self.directory, ".outside-the-mount")  # no such file: 404
        return super().translate_path("/" + path[len(self.mount) :])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if (
            not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not self.guess_type(path).startswith(COMPRESSED)
        ):
            return super().send_head()  # directories without a slash (redirect), 404s, images
        body = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        """A missing file gets the nearest 404.html above it in the tree (an edition's, else the root's),
        as static hosts serve their error pages, with status 404."""
        page = self._not_found_page() if code == 404 and self.command == "GET" else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory).resolve()
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.mount):
            return None
        folder = (root / path[len(self.mount) :]).parent if not path.endswith("/") else root / path[len(self.mount) :]
        for candidate in [folder, *folder.parents]:
            if (candidate == root or root in candidate.parents) and (candidate / "404.html").is_file():
                return candidate / "404.html"
            if candidate == root:
                break
        return None


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def close(self) -> None:
        self.shutdown()
        self.server_close()


def serve(directory: Path, port: int = 0, path: str = "/") -> tuple[Server, str]:
    """Serve `directory` at http://127.0.0.1:<port><path> (port 0: one the OS gives) in a thread."""
    mount = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    handler = type("Handler", (GzipHandler,), {"mount": mount})
    server = Server(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--path", default="/")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server, base = serve(args.directory, args.port, args.path)
    print(f"Serving {args.directory} at {base} (Ctrl-C to stop)", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        threading.Event().wait()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
