"""The Markdown story report: sources, brief, conflicts, fact-by-outlet matrix, quotes, timeline, coverage, framing, labels, entities.

Article text is untrusted, and Markdown renderers pass raw HTML through, so
every piece of text taken from the story goes through `inline()`: `&`, `<` and
`>` become character references (no tag, comment or autolink can form), line
breaks become spaces (no text can start a heading, list, quote block or link
definition of its own), and the characters that make emphasis, code, links
and table cells (`\\ * _ ` [ ] |`) are backslash-escaped. The brief's own
citation markers ("[2]", "[1, 3]") are the one thing put back unescaped.
"""

from __future__ import annotations

import re

from newsprism.model import Story
from newsprism.render.report import MatrixRow, Report, count, story_report

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ORDERED = re.compile(r"(\d+)[.)]")
# A marker put back must not become a link: never "[1](url)" nor a definition "[1]: url" (and with no
# definition anywhere, "[1][2]" stays plain text).
_ESCAPED_CITATION = re.compile(r"\\\[(\d+(?:\s*,\s*\d+)*)\\\](?![:(])")


def inline(text: str | None) -> str:
    """Untrusted text as inert inline Markdown (see the module docstring)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    text = _SPECIAL.sub(r"\\\1", text)
    text = "".join(_REFERENCES.get(char, char) for char in text)
    # What would open a block (heading, list, rule) if the text begins a line.
    if text[0] in "#+-=":
        text = "\\" + text
    elif ordered := _ORDERED.match(text):
        text = ordered.group(1) + "\\" + text[ordered.end(1) :]
    return text


def story_markdown(story: Story) -> str:
    """The story as a Markdown report (GitHub-flavoured tables); every section is present, empty ones say so."""
    report = story_report(story, with_bodies=False)
    out: list[str] = [f"# {report.title}", "", inline(report.summary), ""]
    section(out, "Sources", sources(report), "No articles.")
    section(out, "Brief", brief(report), "No brief yet.")
    section(out, "Conflicts", conflicts(report), "No conflicting numbers, dates, times or participants found.")
    section(out, "Facts by outlet", matrix(report), "No fact reported by two or more outlets.")
    section(out, "Quotes by speaker", quotes(report), "No quotes.")
    section(out, "Timeline", timeline(report), "No dated events.")
    section(out, "Coverage per outlet", coverage(report), "No coverage analysis.")
    section(out, "Framing by outlet", framing(report), "No framing analysis.")
    section(out, "Labels for the key actors", labels(report), "No person named by two or more outlets.")
    section(out, "Entities", entities(report), "No entities.")
    section(out, "Who is named with whom", graph(report), "No two entities named together.")
    return "\n".join(out).rstrip() + "\n"


def section(out: list[str], heading: str, lines: list[str], empty: str) -> None:
    out += [f"## {heading}", ""]
    out += lines if lines else [f"*{empty}*"]
    out.append("")


def sources(report: Report) -> list[str]:
    lines = []
    for source in report.sources:
        parts = [f"**{inline(source.outlet)}**", inline(source.headline), inline(source.shown_date)]
        if source.byline:
            parts.append("by " + inline(", ".join(source.byline)))
        if source.date_inferred and source.date_note:
            parts.append("date: " + inline(source.date_note))
        parts.append(f"source: {inline(source.source)}")
        lines.append(f"- [{source.number}] " + " — ".join(parts))
    return lines


def brief(report: Report) -> list[str]:
    sentences = [_ESCAPED_CITATION.sub(r"[\1]", inline(sentence)) for sentence in report.brief]
    return [" ".join(sentences)] if sentences else []


def conflicts(report: Report) -> list[str]:
    lines = []
    for conflict in report.conflicts:
        update = " (an update, not a contradiction: each page dated later gives a higher count)" if conflict.update else ""
        lines.append(f"- {inline(conflict.claim)} — *{inline(conflict.what)}*{update}:")
        for entry in conflict.entries:
            dated = f" ({inline(entry.date)})" if conflict.update and entry.date else ""
            lines.append(f"  - {inline(entry.outlet)}{dated}: {inline(entry.value)}, in “{marked(*entry.sentence)}”")
    return lines


def marked(before: str, phrase: str, after: str) -> str:
    """A sentence as inert Markdown with `phrase` in bold, the spaces around it kept ("in **Five** people died")."""
    space_before = " " if before[-1:].isspace() else ""
    space_after = " " if after[:1].isspace() else ""
    return f"{inline(before)}{space_before}**{inline(phrase)}**{space_after}{inline(after)}"


def matrix(report: Report) -> list[str]:
    lines: list[str] = []
    if report.matrix:
        lines += [
            "| Claim | Outlets | " + " | ".join(inline(outlet) for outlet in report.outlets) + " |",
            "|---|---:|" + "|".join(":---:" for _ in report.outlets) + "|",
        ]
        lines += [row_line(row) for row in report.matrix]
        lines += ["", "Facts two or more outlets report. ✓ reports it; a value: what that outlet gives where they disagree; empty: not reported."]
        if report.matrix_hidden:
            lines.append(f"{count(report.matrix_hidden, 'more shared claim')} not shown (see story.json).")
    if report.single_source:
        lines += ["", "### Reported by one outlet only", ""]
        for group in report.single_source:
            total = len(group.claims) + group.hidden
            lines.append(f"- **{inline(group.outlet)}** ({count(total, 'fact')})")
            lines += [f"  - {inline(text)}" for text in group.claims]
            if group.hidden:
                lines.append(f"  - {group.hidden} more (see story.json)")
    return lines


def row_line(row: MatrixRow) -> str:
    cells = [inline(row.claim.text), str(row.claim.support)] + [inline(cell.text) for cell in row.cells]
    return "| " + " | ".join(cells) + " |"


def quotes(report: Report) -> list[str]:
    lines: list[str] = []
    for group in report.speakers:
        lines += [f"### {inline(group.name)}", ""]
        for view in group.quotes:
            line = f"- “{inline(view.quote.text)}” ({view.quote.kind}) — {inline(', '.join(view.outlets)) or 'no outlet'}"
            if view.channels:
                line += "; via " + "; ".join(f"{inline(via)} ({inline(', '.join(outlets))})" for via, outlets in view.channels)
            lines.append(line)
            lines += [f"  - also worded: “{inline(variant)}”" for variant in view.variants]
        lines.append("")
    return lines[:-1]


def timeline(report: Report) -> list[str]:
    if not report.timeline:
        return []
    lines = ["| Date | Event | Outlets |", "|---|---|---|"]
    lines += [f"| {inline(row.date)} | {inline(row.text)} | {inline(', '.join(row.outlets))} |" for row in report.timeline]
    return lines


def coverage(report: Report) -> list[str]:
    if not report.coverage:
        return []
    lines = ["| Outlet | Articles | Corroborated | Exclusive | Omitted | Voices |", "|---|---:|---:|---:|---:|---|"]
    for row in report.coverage:
        voices = ", ".join(f"{name} ({n})" for name, n in row.voices[:5])
        lines.append(
            f"| {inline(row.outlet)} | {row.articles} | {len(row.corroborated)} | {len(row.exclusive)} | {len(row.omitted)} | {inline(voices)} |"
        )
    return lines


def framing(report: Report) -> list[str]:
    if not report.framing:
        return []
    lines = [
        "Least loaded first. Score (0 to 1): over the outlet's own-voice sentences, the mean of the share with loaded wording "
        "or editorializing and the bias model's mean score.",
        "",
        "| Outlet | Score | Biased sentences | Own loaded terms | Loaded terms in quotes | Editorializing | Voices |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for row in report.framing:
        editorializing = "; ".join(f"{kind}: {text}" for kind, text in row.editorializing)
        lines.append(
            f"| {inline(row.outlet)} | {row.score} | {row.biased} | {inline(', '.join(row.loaded))} | {inline(', '.join(row.in_quotes))} "
            f"| {inline(editorializing)} | {inline('; '.join(row.voices))} |"
        )
    return lines


def labels(report: Report) -> list[str]:
    if not report.labels:
        return []
    lines = ["| Actor | " + " | ".join(inline(outlet) for outlet in report.outlets) + " |", "|---|" + "---|" * len(report.outlets)]
    lines += [f"| {inline(row.actor)} | " + " | ".join(inline(cell) for cell in row.cells) + " |" for row in report.labels]
    return lines


def graph(report: Report) -> list[str]:
    """The entity graph's strongest links as a table (the HTML report draws them too)."""
    if report.graph is None:
        return []
    lines = ["| Entity | Link | Entity | Count |", "|---|---|---|---:|"]
    for row in report.graph.rows:
        link = "named together in claims" if row.kind == "together" else "is quoted naming"
        lines.append(f"| {inline(row.source)} | {link} | {inline(row.target)} | {row.count} |")
    return lines


def entities(report: Report) -> list[str]:
    if not report.entities:
        return []
    lines = ["| Name | Type | Articles | Also called |", "|---|---|---:|---|"]
    for row in report.entities:
        entity = row.entity
        lines.append(f"| {inline(entity.name)} | {inline(entity.type)} | {row.articles} | {inline(', '.join(entity.aliases))} |")
    return lines
