"""The summary and answers as Markdown, for notes or a file the person keeps."""

from __future__ import annotations

import re

from screener.models import Bank, Result, UiStrings
from screener.safetext import printable
from screener.summary import Section

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Bank text is text: Markdown characters in it must not become formatting."""
    return _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def render_markdown(bank: Bank, result: Result, sections: list[Section], strings: UiStrings) -> str:
    lines = [f"# {escape(bank.title)}", ""]
    for section in sections:
        lines += [f"## {escape(section.title)}", ""]
        for paragraph in section.paragraphs:
            lines += [escape(paragraph), ""]
        if section.entries:
            if section.entries_heading:
                lines += [f"**{escape(section.entries_heading)}**", ""]
            for entry in section.entries:
                term = f"**{escape(entry.term)}**: " if entry.term else ""
                lines.append(f"- {term}{escape(entry.text)}")
            lines.append("")
    lines += _answers(bank, result, strings)
    reference = result.bank
    lines += [
        "---",
        "",
        f"Bank `{reference.id}` {reference.version} ({reference.language}), "
        f"sha256 `{reference.sha256}`; screener {result.screener_version}.",
        "",
    ]
    return "\n".join(lines)


def _answers(bank: Bank, result: Result, strings: UiStrings) -> list[str]:
    lines = [f"## {escape(strings.answers_heading)}", ""]
    for item in bank.items:
        answer = result.answers.get(item.id)
        if answer is None:
            continue
        lines.append(f"- {escape(item.text)} **{escape(strings.answer_labels.of(answer))}**")
    return [*lines, ""]
