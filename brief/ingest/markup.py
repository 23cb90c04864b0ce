"""HTML fragments (feed summaries, CMS and API exports) to plain text, with the standard library's parser.

A fragment is not a page: all of its text is kept (no main-text extraction), one paragraph per block element.
"""
from __future__ import annotations

import re
from html.entities import html5
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tr ul".split()
)
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template", "title"))
_INLINE_TAGS = frozenset(
    "a abbr b big cite code del em font i img ins kbd mark q s small span strike strong sub sup td th time u".split()
)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_ENTITY = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z][a-zA-Z0-9]*;)")


def has_markup(text: str) -> bool:
    """True when the text holds an HTML tag (`<p>`, `</em>`, `<br/>`) or entity (`&amp;`); "3 < 5" does not."""
    tags = (match.group(1).lower() for match in _TAG.finditer(text))
    if any(tag in _BLOCK_TAGS or tag in _HIDDEN_TAGS or tag in _INLINE_TAGS for tag in tags):
        return True
    return any(ref.startswith("#") or ref in html5 for ref in _ENTITY.findall(text))


class _TextCollector(HTMLParser):
    """Text of the fragment, with a blank line at each block element and none of the hidden elements' content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.has_blocks = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def _break(self) -> None:
        self.has_blocks = True
        self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line, entities decoded.

    With block elements, a line break in the source is only a space; without any (inline markup in plain text),
    each line stays a paragraph of its own, as in a .txt file.
    """
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    breaks = r"\n\s*\n" if parser.has_blocks else r"\n"
    paragraphs = (" ".join(part.split()) for part in re.split(breaks, text))
    return "\n\n".join(part for part in paragraphs if part)
