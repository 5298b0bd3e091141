"""One polite HTTP(S) GET: a user agent that names the tool, a timeout, a size limit read
as the body streams in (a lying or missing Content-Length cannot get past it), http and
https only (also after redirects), and every failure as one `DownloadError` line."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from conflict_kg.extract import ArticleError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "Download",
    "DownloadError",
    "download",
    "is_web_url",
]

USER_AGENT = "conflict-kg/0.1 (knowledge graph of conflict events; one request at a time)"
DEFAULT_TIMEOUT = 20.0
"""Seconds to connect, and to wait for each read."""
DEFAULT_MAX_BYTES = 5_000_000
"""A page larger than this is refused (the extractor's own limit on an article is 5 MB)."""
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)


class DownloadError(ArticleError):
    """A URL that could not be fetched: refused scheme, network error, HTTP error, too big."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status of an error answer (404, 503...); None when none came."""


@dataclass(frozen=True, slots=True)
class Download:
    url: str
    """The final URL, after redirects."""
    body: bytes
    media_type: str
    """The Content-Type without parameters, lower case ("text/html")."""
    charset: str | None


def is_web_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host: what `ingest` fetches, not a path."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) URL (never to file: or ftp:)."""

    def redirect_request(  # type: ignore[override]
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_web_url(newurl):
            raise DownloadError(f"{req.full_url}: redirected to {newurl!r}, which is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


_OPENER = urllib.request.build_opener(_HttpOnly())


def download(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> Download:
    """GET `url`; `DownloadError` says why it failed, in one line that names the URL."""
    if not is_web_url(url):
        raise DownloadError(f"{url}: only http and https URLs are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DownloadError(f"{url}: {declared} bytes, over the limit of {max_bytes}")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise DownloadError(f"{url}: more than {max_bytes} bytes, over the limit")
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except DownloadError:
        raise
    except urllib.error.HTTPError as error:
        raise DownloadError(f"{url}: HTTP {error.code} {error.reason}", error.code) from None
    except urllib.error.URLError as error:
        raise DownloadError(f"{url}: cannot fetch ({error.reason})") from None
    except TimeoutError:
        raise DownloadError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise DownloadError(f"{url}: cannot fetch ({error})") from None
    return Download(final, body, content_type.lower(), charset)
