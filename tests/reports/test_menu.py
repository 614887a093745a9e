"""The menu of next steps by how the person feels (the bank's `menu`, FRAMES): the answer puts
its steps first and adds one closing sentence; it never hides a step. The summary and both
records show the order and the sentence; a translation keeps the same ids and rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.commands.banks import validate_files
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.base import Code
from screener.render import Format, renderer_for
from screener.reports.record import Screening
from screener.reports.summary import build_summary
from screener.rules.menu import next_steps, shown_steps
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import DATA, NOWHERE, translation_beside

LOADED = load_bank(DATA / "scales_menu.yaml")
BANK = LOADED.bank
ANSWERS: dict[str, Code] = {
    "used": "yes",
    "first": "no",
    "second": "no",
    "often": "weekly",
    "mood": "no",
}


def steps_section(feel: str) -> tuple[list[str | None], tuple[str, ...]]:
    result = build_result(LOADED, score(BANK, {**ANSWERS, "feel": feel}), NOWHERE)
    strings = load_strings("en")
    section = next(
        section
        for section in build_summary(BANK, result, NOWHERE, strings)
        if section.title == strings.next_heading
    )
    return [entry.term for entry in section.entries], section.after


@pytest.mark.parametrize(
    ("feel", "titles", "closing"),
    [
        ("stop", ["Ways to stop", "Talk", "Less harm"], "It is your choice, and people do stop."),
        ("not_worried", ["Less harm", "Talk"], "It is your choice, and you can check again."),
        ("cut_down", ["Talk", "Less harm"], None),  # no menu entry: the bank's order, no words
    ],
)
def test_the_answer_orders_the_steps_and_closes_them(
    feel: str, titles: list[str], closing: str | None
) -> None:
    assert steps_section(feel) == (titles, (closing,) if closing else ())


@pytest.mark.parametrize("feel", ["stop", "not_worried", "cut_down"])
def test_the_menu_never_hides_or_adds_a_step(feel: str) -> None:
    answers = {**ANSWERS, "feel": feel}
    ordered, _ = next_steps(BANK, answers)
    assert sorted(step.title for step in ordered) == sorted(
        step.title for step in shown_steps(BANK, answers)
    )


@pytest.mark.parametrize("form", [Format.text, Format.markdown])
def test_records_keep_the_order_and_the_closing_sentence(form: Format) -> None:
    result = build_result(LOADED, score(BANK, {**ANSWERS, "feel": "stop"}), NOWHERE)
    screening = Screening(BANK, load_strings("en"), NOWHERE, result)
    record = renderer_for(form).render(screening)
    assert "It is your choice, and people do stop." in record
    assert record.index("Ways to stop") < record.index("Talk") < record.index("Less harm")


def test_a_translation_keeps_the_step_ids_and_the_menu(tmp_path: Path) -> None:
    english = (DATA / "scales_menu.yaml").read_text(encoding="utf-8")
    spanish = english.replace("language: en", "language: es")
    for wrong in [
        ("  - id: harm\n", "  - id: menos\n"),  # a step's id is not translated
        ("first: [harm]", "first: [menos]"),
        ("first: [help, talk]", "first: [talk, help]"),  # nor the order an answer gives
        ("    closing: It is your choice, and people do stop.\n", ""),  # nor a missing sentence
    ]:
        assert wrong[0] in spanish
        spanish = spanish.replace(*wrong)
    lines, ok = validate_files([translation_beside(tmp_path, DATA / "scales_menu.yaml", spanish)])
    assert not ok
    joined = "\n".join(lines)
    assert "next_steps[1] differs from the reference" in joined
    assert "menu[0] differs from the reference" in joined
    assert "menu[1] differs from the reference" in joined


def test_a_faithful_translation_of_the_menu_is_valid(tmp_path: Path) -> None:
    english = (DATA / "scales_menu.yaml").read_text(encoding="utf-8")
    spanish = english.replace("language: en", "language: es").replace(
        "It is your choice, and people do stop.", "Tú decides, y la gente lo deja."
    )
    lines, ok = validate_files([translation_beside(tmp_path, DATA / "scales_menu.yaml", spanish)])
    assert ok, lines
