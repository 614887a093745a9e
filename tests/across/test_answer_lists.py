"""Every list of answers drawn in columns keeps each entry's lines under that entry.

A tester answered "Daily or almost daily" at 40 columns: the person's "Your answers" made its
answer column as wide as that answer, and each question's label wrapped back to the left edge,
under the numbers. The counsellor's review cut its labels ("prescri…") at 40 columns and lost
its numbers at 28; the what-if's list wrapped under its "Q3". The property, for the person's
check, the counsellor's review and the what-if's list, in both languages, rich and plain, with
each scale's widest answer: a line that goes on an entry never starts left of the entry's
text (the number's column stays clear), a label that starts beside its answer goes on exactly
where it started (never under the answer's column), and every answer, label and note is there
with its words whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest
from rich.console import Console

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings, load_trainer_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.labels import answer_label
from screener.rules.review import Change, ReviewRow, item_label
from screener.terminal.answer_review import ReviewingAsker
from screener.terminal.counsellor import CounsellorConsoleAsker
from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup
from screener.terminal.whatif_screen import list_answers

Golden = Callable[[str, str], None]
WIDTHS = [28, 40, 60, 80]
LANGUAGES = ["en", "es"]
NOTE = "three times a week, more at weekends"
"""A counsellor's note on one answer: it hangs with the label."""


def bank_in(language: str) -> LoadedBank:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


def widest_answers(loaded: LoadedBank, language: str) -> dict[str, Code]:
    """Each scale question at its widest answer in words, "not sure" to the rest (wider than
    yes or no), and a yes to the gate so that every question is asked."""
    strings = load_strings(language)
    answers: dict[str, Code] = {
        item.id: max(item.codes, key=lambda code: len(answer_label(item, code, strings)))
        if item.options
        else "unsure"
        for item in loaded.bank.items
    }
    answers[loaded.bank.items[0].id] = "yes"
    return answers


def console_at(width: int) -> tuple[Console, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    console.input = lambda *_, **__: "1"  # type: ignore[method-assign]
    return console, output


def rows_of(loaded: LoadedBank, language: str, *, noted: bool) -> list[ReviewRow]:
    strings = load_strings(language)
    answers = widest_answers(loaded, language)
    return [
        ReviewRow(
            number,
            item,
            answers[item.id],
            NOTE if noted and number == 3 else None,
            item_label(loaded.bank, item, strings),
        )
        for number, item in enumerate(loaded.bank.items, start=1)
    ]


class Drawn:
    """A list as drawn, with what each entry must show whole."""

    def __init__(self, text: str, entries: list[list[str]]) -> None:
        self.lines = [line.rstrip() for line in text.split("\n")]
        self.entries = entries
        """Per entry in order: its number, then each text it shows (answer, label, note)."""


def drawn(kind: str, language: str, width: int, *, plain: bool) -> Drawn:
    loaded = bank_in(language)
    strings = load_strings(language)
    region = contacts_to_show(
        choose_region(load_contacts(bundled.contacts_file()), "uk", {}), None, language
    )
    console, output = console_at(width)
    if kind == "whatif":
        setup = TrainerSetup(loaded, strings, load_trainer_strings(language), region)
        screen = TrainerScreen(console, setup, plain=plain)
        answers = widest_answers(loaded, language)
        list_answers(screen, answers)
        entries = [
            [f"Q{number}", item.name, screen.label(item, answers[item.id])]
            for number, item in enumerate(loaded.bank.items, start=1)
        ]
        return Drawn(output.getvalue(), entries)
    rows = rows_of(loaded, language, noted=kind == "intake")
    if kind == "self":
        asker: ReviewingAsker | CounsellorConsoleAsker = ReviewingAsker(
            console, strings, region, plain=plain
        )
        said = [[row.item.plain_name] for row in rows]
    else:
        asker = CounsellorConsoleAsker(console, strings, region, loaded.bank, plain=plain)
        said = [
            [row.heading, *([strings.intake.note_line.format(note=row.note)] * bool(row.note))]
            for row in rows
        ]
    assert asker.review(rows) == Change(1)
    entries = [
        [str(row.number), answer_label(row.item, row.answer, strings), *texts]
        for row, texts in zip(rows, said, strict=True)
    ]
    text = output.getvalue()
    listed = text[: text.rindex("\n\n")]  # up to the prompt below the list
    return Drawn(listed, entries)


FIELD = re.compile(r"\S+(?: \S+)*")
"""A run of words one space apart: a number, an answer or a label on an entry's first line."""


def entry_lines(shown: Drawn) -> Iterator[tuple[str, list[str]]]:
    """Each entry's number and its lines: from the line that starts with the number to the
    line before the next entry's (or the blank line that ends the list)."""
    numbers = [entry[0] for entry in shown.entries]
    starts = []
    at = 0
    for number in numbers:
        pattern = re.compile(rf"\s*{re.escape(number)}(\s|$)")
        while not pattern.match(shown.lines[at]):
            at += 1
        starts.append(at)
        at += 1
    ends = [*starts[1:], None]
    for number, start, end in zip(numbers, starts, ends, strict=True):
        lines = shown.lines[start:end]
        if end is None:
            lines = lines[: lines.index("")] if "" in lines else lines
        yield number, lines


def in_two_columns(shown: Drawn) -> bool:
    """The what-if's two columns, drawn only where every line fits whole."""
    return any(len(re.findall(r"(?:^|\s{2})Q\d+ ", line)) == 2 for line in shown.lines)


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["self", "intake", "whatif"])
def test_every_line_of_an_entry_stays_under_that_entry(
    kind: str, language: str, width: int, plain: bool
) -> None:
    shown = drawn(kind, language, width, plain=plain)
    assert all(len(line) <= width for line in shown.lines), shown.lines
    assert "…" not in "\n".join(shown.lines)  # nothing cut short
    if in_two_columns(shown):
        listed = [line for line in shown.lines if line.strip()]
        assert all(not line.startswith(" ") for line in listed), listed  # nothing wrapped
        together = " ".join(listed)
        assert all(" ".join(entry) in together.replace(":", "") for entry in shown.entries)
        return
    by_number = {entry[0]: entry for entry in shown.entries}
    for number, lines in entry_lines(shown):
        first, *more = lines
        fields = [found.start() for found in FIELD.finditer(first)]
        text_at = fields[1] if len(fields) > 1 else first.index(" ", first.index(number)) + 1
        indents = [len(line) - len(line.lstrip()) for line in more if line.strip()]
        # the number's column stays clear: nothing goes on left of the entry's text
        assert all(indent >= text_at for indent in indents), (number, lines)
        if kind != "whatif" and len(fields) == 3:
            # the label began beside the answer: it goes on where it began, not under the answer
            assert all(indent == fields[2] for indent in indents), (number, lines)
        together = " ".join(" ".join(lines).split())
        for said in by_number[number][1:]:  # every answer, label and note, its words whole
            assert " ".join(said.split()) in together, (number, said, lines)


@pytest.mark.parametrize(
    ("kind", "language", "width"),
    [
        ("self", "en", 28),
        ("self", "en", 40),
        ("self", "es", 28),
        ("self", "es", 40),
        ("intake", "es", 28),
        ("whatif", "es", 28),
    ],
)
def test_the_answer_lists_golden(golden: Golden, kind: str, language: str, width: int) -> None:
    """As a person reads them where the columns do not fit: each answer beside its number,
    its question indented below it."""
    golden(
        f"answers.{kind}.{language}.{width}.txt",
        "\n".join(drawn(kind, language, width, plain=False).lines),
    )
