"""A local web site for the fetch tests: a real HTTP server on 127.0.0.1 (stdlib
`ThreadingHTTPServer` in a thread) serving invented news pages and feeds from a table, and
keeping the headers of every request it got."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STRIKE_PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Militants shell army post near Kirkuk | Invented Daily</title>
<meta property="og:title" content="Militants shell army post near Kirkuk">
<meta name="author" content="Dana Invented">
<meta property="article:published_time" content="2023-03-02T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article>
<h1>Militants shell army post near Kirkuk</h1>
<p>KIRKUK, Iraq, March 1 (Invented Daily) - Islamic State militants fired mortar rounds at
an Iraqi army post near Kirkuk on Wednesday, killing two soldiers, Iraqi security officials
said.</p>
<p>The officials said the attack came hours after a patrol was ambushed on a road south of
the city. No group has claimed responsibility for the shelling.</p>
<p>This page is invented for the tests of conflict-kg.</p>
</article>
<footer>Copyright Invented Daily. Cookie settings. Newsletter sign-up.</footer>
</body></html>
"""
SECOND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Rockets hit base in Erbil</title>
<meta name="date" content="2023-03-04">
</head><body><main><article>
<h1>Rockets hit base in Erbil</h1>
<p>ERBIL, Iraq, March 3 (Invented Daily) - Three rockets struck a military base near Erbil
on Friday, wounding four soldiers, Kurdish officials said.</p>
<p>This page is invented for the tests of conflict-kg.</p>
</article></main></body></html>
"""
EMPTY_PAGE = (
    "<!doctype html><html><head><title>Sections</title></head><body><nav><a href=/>Home</a> | "
    "<a href=/world>World</a></nav><footer>Copyright</footer></body></html>"
)


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Invented Daily: Iraq</title><link>{base}/</link>
<item><title>Rockets hit base in Erbil</title><link>{base}/erbil.html</link>
  <guid>invented-2</guid></item>
<item><title>Militants shell army post near Kirkuk</title><link>/kirkuk.html</link>
  <guid>invented-1</guid></item>
</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Daily</title>
<entry><title>Rockets hit base in Erbil</title><id>urn:invented:2</id>
  <link rel="alternate" href="{base}/erbil.html"/></entry>
<entry><title>No link</title><id>urn:invented:0</id></entry>
</feed>"""


@dataclass
class Site:
    base: str
    pages: dict[str, tuple[int, str, bytes, dict[str, str]]]
    requests: list[dict[str, str]] = field(default_factory=list)

    def add(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (status, content_type, data, headers or {})
        return self.base + path

    def requested(self, path: str) -> int:
        return sum(1 for r in self.requests if r["path"] == path)


@contextmanager
def serving_site() -> Iterator[Site]:
    """The site, with its standard pages, on a free port; stopped after."""
    site = Site("", {})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append({"path": self.path, **{k: v for k, v in self.headers.items()}})
            status, content_type, body, headers = site.pages.get(
                self.path, (404, "text/plain", b"not found", {})
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.add("/kirkuk.html", STRIKE_PAGE)
    site.add("/erbil.html", SECOND_PAGE)
    site.add("/empty.html", EMPTY_PAGE)
    site.add("/plain.txt", "Gunmen attacked a checkpoint in Mosul on Monday.", "text/plain")
    site.add("/feed.rss", rss(site.base), "application/rss+xml")
    site.add("/feed.atom", atom(site.base), "application/atom+xml")
    site.add("/to-file", b"", status=302, headers={"Location": "file:///etc/passwd"})
    site.add("/to-ftp", b"", status=302, headers={"Location": "ftp://127.0.0.1/x.html"})
    site.add("/moved", b"", status=301, headers={"Location": f"{site.base}/kirkuk.html"})
    site.add("/image.png", b"\x89PNG\r\n\x1a\n", "image/png")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
