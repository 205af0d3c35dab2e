"""The site an article came from, when its page names no outlet: the host of its URL, or a file named after one.

A page dump often starts at the headline, with no masthead, title line or
copyright line to name its outlet; its URL (a JSONL record's `url`, an HTML
page's canonical link, a fetched page's address, a WARC record's target) does.
Users who save pages by hand often name the file after the site
("nhk.or.jp.txt", "03_sputnikglobe.com.txt"): a file name that is a host name
(a leading number and separator dropped) counts as one.

The site is given as its host without "www." ("latimes.com"), not as the
outlet's own name ("Los Angeles Times"): a host maps to a name only through a
list of outlets, and none is kept here.

A name counts as a host only when it ends in a public suffix (the `tld`
package's copy of the Public Suffix List): "notes.v2.txt" is no site.

Limits: a file whose name happens to end in one of the many new top-level
domains ("report.final.txt") is taken for a site; a host that serves several
outlets (a blog platform) names the platform.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from tld import get_tld

# A host name: labels of letters, digits and hyphens, at least one dot, a top-level label of letters.
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
# A number some saved pages are prefixed with ("01_", "7-").
NUMBER_PREFIX = re.compile(r"^\d{1,4}[_\-. ]+")
# Extensions of files newsprism reads: never a top-level domain in a file name.
FILE_EXTENSIONS = {"txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "json", "jsonl", "ndjson", "gz", "warc"}


def site_of_url(url: str | None) -> str | None:
    """'latimes.com' from 'https://www.latimes.com/california/story/...'; None without an http(s) URL."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    host = host[4:] if host.startswith("www.") else host
    return host if is_host(host) else None


def site_of_name(source: str) -> str | None:
    """'sputnikglobe.com' from '.../03_sputnikglobe.com.txt'; None when the file's name is not a host name."""
    name = PurePosixPath(source.replace("\\", "/")).name.lower()
    while "." in name and name.rsplit(".", 1)[1] in FILE_EXTENSIONS:
        name = name.rsplit(".", 1)[0]
    name = NUMBER_PREFIX.sub("", name)
    name = name[4:] if name.startswith("www.") else name
    return name if name.rsplit(".", 1)[-1] not in FILE_EXTENSIONS and is_host(name) else None


def is_host(name: str) -> bool:
    """A host name under a public suffix ("en.tass.ru", "mb.com.ph"), not an address or a bare word."""
    return bool(HOST.match(name)) and get_tld(name, fix_protocol=True, fail_silently=True) is not None


__all__ = ["site_of_name", "site_of_url"]
