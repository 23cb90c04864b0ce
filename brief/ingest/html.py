"""A web page to an Article: main text through trafilatura, metadata from the page's own tags."""
from __future__ import annotations

import logging

from brief.ingest.dates import parse_published
from brief.ingest.errors import UnusableInput
from brief.text import normalize_whitespace
from brief.types import Article

_MAX_TREE_SIZE = 200_000  # elements; a page beyond this is hostile or broken, not an article
_MIN_WORDS = 5
_PUBLISHED_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
                   "date", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "twitter:site")


def _page_metadata(tree) -> dict[str, str]:
    """The page's own title, outlet, canonical URL and publication time, where it states them."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if not name or not content:
            continue
        if name in (m.lower() for m in _PUBLISHED_META):
            found.setdefault("published", content)
        elif name in _OUTLET_META:
            found.setdefault("outlet", content.lstrip("@"))
        elif name in ("og:title", "twitter:title"):
            found.setdefault("title", content)
        elif name == "og:url":
            found.setdefault("og_url", content)
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found.setdefault("url", link.get("href").strip())
    for time in tree.iter("time"):
        if time.get("datetime"):
            found.setdefault("published", time.get("datetime").strip())
            break
    return found


def article_from_html(data: bytes, *, key: str, path: str | None = None, url: str | None = None) -> Article:
    """Extract the article in an HTML page; raise UnusableInput when the page holds no article text."""
    import lxml.html
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError) as err:
        raise UnusableInput(f"not a readable HTML page ({err})") from None
    if sum(1 for _ in tree.iter()) > _MAX_TREE_SIZE:
        raise UnusableInput(f"HTML page has more than {_MAX_TREE_SIZE:,} elements")
    meta = _page_metadata(tree)
    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False,
    )
    text = normalize_whitespace(getattr(document, "text", None) or "").strip() if document else ""
    if len(text.split()) < _MIN_WORDS:  # a menu or a cookie banner is all trafilatura could find
        raise UnusableInput("no article text found in the HTML page")
    title = meta.get("title") or getattr(document, "title", None) or ""
    published = parse_published(meta.get("published")) or parse_published(getattr(document, "date", None))
    return Article(
        key=key,
        path=path,
        text=text,
        title=" ".join(title.split()),
        outlet=meta.get("outlet") or getattr(document, "sitename", None) or getattr(document, "hostname", None),
        url=meta.get("url") or meta.get("og_url") or url or getattr(document, "url", None),
        published=published,
    )
