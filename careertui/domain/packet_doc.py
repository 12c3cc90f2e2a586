"""A packet as a list of blocks, written out as Markdown or as one self-contained HTML page.

The packets (review, week, month) are built as blocks of plain text: headings, paragraphs, list
items (nested by depth, with an optional web link) and continuation paragraphs of a list item.
Markdown is written for people, not parsers: no tables, no emphasis, so it reads the same
rendered or pasted as plain text. HTML is one page with its style inline, nothing fetched from
anywhere, every piece of text escaped, and a print style, for pasting into a review tool.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

HEADINGS = ("h1", "h2", "h3")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    """h1, h2, h3, p (a paragraph), li (a list item), more (a paragraph of the list item
    before it)."""
    text: str
    depth: int = 0
    """List items: 0 for the top level, 1 for an item under it."""
    href: str = ""
    """List items: a web address the HTML page links the text to."""


def h1(text: str) -> Block:
    return Block("h1", text)


def h2(text: str) -> Block:
    return Block("h2", text)


def h3(text: str) -> Block:
    return Block("h3", text)


def p(text: str) -> Block:
    return Block("p", text)


def li(text: str, depth: int = 0, href: str = "") -> Block:
    return Block("li", text, depth, href)


def more(text: str, depth: int = 0) -> Block:
    return Block("more", text, depth)


def render_markdown(blocks: Sequence[Block]) -> str:
    """Headings and paragraphs followed by a blank line, list items one a line (two spaces of
    indent per depth) with a blank line after the list; ends with one newline."""
    lines: list[str] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind in HEADINGS:
            lines += ["#" * int(block.kind[1]) + " " + block.text, ""]
        elif block.kind == "p":
            lines += [block.text, ""]
        else:
            indent = "  " * (block.depth + (1 if block.kind == "more" else 0))
            lines.append(indent + ("- " if block.kind == "li" else "") + block.text)
            if following is None or following.kind not in ("li", "more"):
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
  max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
ul { padding-left: 1.3em; margin: .3em 0 .8em; }
li { margin: .2em 0; }
li p { margin: .2em 0; color: #333; }
a { color: #0b57d0; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  h2, h3 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: #000; }
  a::after { content: " <" attr(href) ">"; font-size: .85em; }
}
"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(blocks: Sequence[Block], title: str) -> str:
    """One HTML page: no script, no remote asset, text and links escaped."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    open_lists = 0
    """Lists open: one more than the depth of the item whose <li> is still open."""
    for block in blocks:
        if block.kind == "more":
            out.append(f"<p>{_escape(block.text)}</p>")
            continue
        if block.kind != "li":
            out.append("</li></ul>" * open_lists)
            open_lists = 0
            tag = "p" if block.kind == "p" else block.kind
            out.append(f"<{tag}>{_escape(block.text)}</{tag}>")
            continue
        wanted = block.depth + 1
        if open_lists >= wanted:
            out.append("</li></ul>" * (open_lists - wanted) + "</li>")
        else:
            out.append("<ul>" * (wanted - open_lists))
        open_lists = wanted
        text = _escape(block.text)
        if block.href:
            text = f'<a href="{_escape(block.href)}" rel="noreferrer">{text}</a>'
        out.append(f"<li>{text}")
    out.append("</li></ul>" * open_lists)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
