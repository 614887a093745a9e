"""The summary and answers as Markdown, for notes or a file the person keeps."""

from __future__ import annotations

import re

from screener.models.bank import Bank
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.summary import Section
from screener.safetext import printable

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
"""'1. ' at the start would begin a numbered list."""


def escape(text: str) -> str:
    """Bank text is text: Markdown characters in it must not become formatting."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))
    return _NUMBERED.sub(r"\1\\\2", escaped)


def render_markdown(bank: Bank, result: Result, sections: list[Section], strings: UiStrings) -> str:
    lines = [f"# {escape(bank.title)}", ""]
    for section in sections:
        lines += _section(section)
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


def _section(section: Section) -> list[str]:
    lines = [f"## {escape(section.title)}", ""]
    for paragraph in section.paragraphs:
        lines += [escape(paragraph), ""]
    if section.entries:
        if section.entries_heading:
            lines += [f"**{escape(section.entries_heading)}**", ""]
        for entry in section.entries:
            term = f"**{escape(entry.term)}**: " if entry.term else ""
            lines.append(f"- {term}{escape(entry.text)}")
        lines.append("")
    return lines


def render_intake_markdown(bank: Bank, result: Result, strings: UiStrings) -> str:
    """An intake's record for case notes: facts, the professional view, answers, contacts."""
    from screener.reports.intake import answered_rows, build_intake_summary, record_facts

    intake = strings.intake
    lines = [f"# {escape(intake.record_title.format(title=bank.title))}", ""]
    reference = result.bank
    for key, (label, value) in record_facts(result, strings).items():
        if key == "bank":  # ids and digests read best as code
            value = (
                f"`{reference.id}` {escape(reference.version)} ({reference.language}), "
                f"sha256 `{reference.sha256}`"
            )
        elif key == "recorded_at":
            value = f"`{value}`"
        else:
            value = escape(value)
        lines.append(f"- **{escape(label)}**: {value}")
    lines.append("")
    summary = build_intake_summary(bank, result, strings)
    *professional, contacts, _saved = summary  # a file says nothing about where it was saved
    for section in professional:
        lines += _section(section)
    lines += [f"## {escape(intake.record_answers_heading)}", ""]
    for row in answered_rows(bank, result, strings):
        answer = escape(strings.answer_labels.of(row.answer))
        lines.append(
            f"{row.number}. **{answer}**: {escape(row.item.text)} "
            f"(`{row.item.id}`, {escape(row.label)})"
        )
        if row.note:
            lines.append(f"   - {escape(intake.note_line.format(note=row.note))}")
    lines.append("")
    lines += _section(contacts)
    return "\n".join(lines)
