"""A translation keeps each scale of its reference: the same codes in the same order, the same
points and the same offer of not sure. Only the words and the keys typed may change, so the same
codes give the same result in English and Spanish (tests/data/scales.es.yaml)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from screener.commands.banks import validate_files
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.base import Code
from screener.render import Format, renderer_for
from screener.reports.record import Screening
from screener.rules.result import build_result
from screener.rules.scoring import asked_items, score
from tests.helpers import DATA, NOWHERE, translation_beside, walked


def test_a_translation_may_change_the_words_and_keys_of_a_scale(tmp_path: Path) -> None:
    english_bank = (DATA / "scales.yaml").read_text(encoding="utf-8")
    spanish = english_bank.replace("language: en", "language: es")
    for english, translated in [
        ("text: Weekly, key: w", "text: Semanal, key: s"),
        ("text: I want to stop, key: s", "text: Quiero dejarlo, key: d"),
    ]:
        assert english in spanish
        spanish = spanish.replace(english, translated)
    lines, ok = validate_files([translation_beside(tmp_path, DATA / "scales.yaml", spanish)])
    assert ok, lines


def test_a_translation_that_changes_its_scales_is_told_where(tmp_path: Path) -> None:
    broken = DATA / "broken_translation" / "scales.es.yaml"
    path = translation_beside(tmp_path, DATA / "scales.yaml", broken.read_text(encoding="utf-8"))
    lines, ok = validate_files([path])
    assert not ok
    assert [line.removeprefix(str(path)) for line in lines] == [
        ":42:5: items[3].options: 'often' offers never, weekly, monthly, daily; the reference "
        "offers never, monthly, weekly, daily (a translation keeps the codes and their order)",
        ":46:54: items[3].options[3].points: 'often' gives 'daily' 5 points; the reference "
        "gives 6 points",
        ":37:5: items[3]: 'often' does not offer not sure; the reference does (unsure: true)",
        ":55:5: items[5].options: 'feel' offers not_worried, stop; the reference offers "
        "not_worried, cut_down, stop (a translation keeps the codes and their order)",
    ]


def test_the_spanish_scales_bank_keeps_the_reference(tmp_path: Path) -> None:
    spanish = (DATA / "scales.es.yaml").read_text(encoding="utf-8")
    lines, ok = validate_files([translation_beside(tmp_path, DATA / "scales.yaml", spanish)])
    assert ok, lines


ENGLISH = load_bank(DATA / "scales.yaml")
SPANISH = load_bank(DATA / "scales.es.yaml")


@settings(max_examples=60, deadline=None)
@given(walked(ENGLISH.bank))
def test_english_and_spanish_give_the_same_result_for_the_same_codes(
    answers: dict[str, Code],
) -> None:
    """The same codes score the same in both languages; each record words a scale answer in
    its own language."""
    asked = [item.id for item in asked_items(ENGLISH.bank, answers)]
    assert [item.id for item in asked_items(SPANISH.bank, answers)] == asked
    english, spanish = score(ENGLISH.bank, answers), score(SPANISH.bank, answers)
    assert spanish.answers == english.answers
    assert spanish.criteria_met == english.criteria_met
    assert (spanish.band and spanish.band.id) == (english.band and english.band.id)
    assert [flag.id for flag in spanish.flags] == [flag.id for flag in english.flags]
    result = build_result(SPANISH, spanish, NOWHERE)
    record = renderer_for(Format.text).render(
        Screening(SPANISH.bank, load_strings("es"), NOWHERE, result)
    )
    text = " ".join(record.split())
    english_items = {item.id: item for item in ENGLISH.bank.items}
    for item in SPANISH.bank.items:
        option = item.option(answers.get(item.id, ""))
        english_option = english_items[item.id].option(answers.get(item.id, ""))
        if option is not None and english_option is not None:
            assert option.text in text and english_option.text not in text
