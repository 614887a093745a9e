"""A translation keeps each scale of its reference: the same codes in the same order, the same
points and the same offer of not sure. Only the words and the keys typed may change."""

from __future__ import annotations

import shutil
from pathlib import Path

from screener.commands.banks import validate_files
from tests.helpers import DATA


def pair(tmp_path: Path, translation: str) -> Path:
    """tests/data/scales.yaml as scales.en.yaml beside the given Spanish text."""
    shutil.copy(DATA / "scales.yaml", tmp_path / "scales.en.yaml")
    path = tmp_path / "scales.es.yaml"
    path.write_text(translation, encoding="utf-8")
    return path


def test_a_translation_may_change_the_words_and_keys_of_a_scale(tmp_path: Path) -> None:
    english_bank = (DATA / "scales.yaml").read_text(encoding="utf-8")
    spanish = english_bank.replace("language: en", "language: es")
    for english, translated in [
        ("text: Weekly, key: w", "text: Semanal, key: s"),
        ("text: I want to stop, key: s", "text: Quiero dejarlo, key: d"),
    ]:
        assert english in spanish
        spanish = spanish.replace(english, translated)
    lines, ok = validate_files([pair(tmp_path, spanish)])
    assert ok, lines


def test_a_translation_that_changes_its_scales_is_told_where(tmp_path: Path) -> None:
    broken = DATA / "broken_translation" / "scales.es.yaml"
    path = pair(tmp_path, broken.read_text(encoding="utf-8"))
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
