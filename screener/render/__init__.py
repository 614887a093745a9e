"""The output formats: one Renderer module per record `Format` (`renderer_for` picks one; a
file's extension names one in `EXTENSIONS`), and the formats of export-fhir, explain and compare."""

from __future__ import annotations

import enum
from pathlib import PurePath
from typing import TYPE_CHECKING, NoReturn, Protocol

if TYPE_CHECKING:
    from screener.reports.record import Screening


class Format(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    fhir = "fhir"


class FhirExport(str, enum.Enum):
    """What 'screener export-fhir' writes: one Questionnaire, or both with their codes."""

    self = "self"
    intake = "intake"
    bundle = "bundle"


class ExplainFormat(str, enum.Enum):
    """The formats of 'screener explain': text on screen, a Markdown handout, JSON for tools."""

    text = "text"
    markdown = "markdown"
    json = "json"


class CompareFormat(str, enum.Enum):
    """The formats of 'screener compare': text on screen, Markdown for case notes, JSON."""

    text = "text"
    markdown = "markdown"
    json = "json"


EXTENSIONS = {
    ".fhir.json": Format.fhir,
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".txt": Format.text,
    ".text": Format.text,
}
"""File name endings that say a format; longest first, so record.fhir.json is FHIR."""


def in_words(names: list[str]) -> str:
    """'text, markdown, json or fhir': a list of choices as help reads them."""
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else "".join(names)


FORMAT_CHOICES = in_words([member.value for member in Format])
"""What --format accepts, in help: from the enum, so a new format is listed by adding it."""

KNOWN_EXTENSIONS = ", ".join(
    next(end for end, found in EXTENSIONS.items() if found is member) for member in Format
)
"""One file name ending a format, each in Format's order: '.txt, .md, .json, .fhir.json'."""


def format_for_path(path: PurePath) -> Format | None:
    """The format a file name asks for by its extension, or None when it names none."""
    name = path.name.lower()
    return next((found for end, found in EXTENSIONS.items() if name.endswith(end)), None)


class Renderer(Protocol):
    """One output format: a whole screening (a self-check or an intake) as one string."""

    def render(self, screening: Screening) -> str: ...


def renderer_for(output_format: Format) -> Renderer:  # noqa: RET503 - ends in assert_never
    """The one place a format is chosen; each module loads only when its format is asked."""
    match output_format:
        case Format.text:
            # start-up: a renderer loads only for its format
            from screener.render.text import TextRenderer

            return TextRenderer()
        case Format.markdown:
            # start-up: a renderer loads only for its format
            from screener.render.markdown import MarkdownRenderer

            return MarkdownRenderer()
        case Format.json:
            # start-up: a renderer loads only for its format
            from screener.render.json import JsonRenderer

            return JsonRenderer()
        case Format.fhir:
            # start-up: a renderer loads only for its format
            from screener.render.fhir.response import FhirRenderer

            return FhirRenderer()
        case _:  # pragma: no cover - mypy proves every Format is handled above
            assert_never(output_format)


def assert_never(value: NoReturn) -> NoReturn:  # typing.assert_never is Python 3.11+
    raise AssertionError(f"unhandled value: {value!r}")
