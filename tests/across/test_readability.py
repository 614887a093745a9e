"""Issue 21: the advice a person acts on reads easily, in every language the bank ships in.

Every band message (and its variants and could-be sentence), every flag's advice (for "not
sure" and for each path too) and every next step: Flesch-Kincaid grade 8 or below in English;
in Spanish, a Fernández Huerta index of 65 or more (Fernández Huerta recalibrates Flesch's
reading ease for Spanish; a reading ease of about 65 is grade 8 at the sentence lengths we
write). The mixing advice, the most important text, leads with its two shortest sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.models.bank import Bank

GRADE_AT_MOST = 8.0
"""English: Flesch-Kincaid grade."""
FERNANDEZ_HUERTA_AT_LEAST = 65.0
"""Spanish: Fernández Huerta reading ease (higher is easier)."""


def bank_files() -> list[Path]:
    return bundled.bank_files()


def advice_texts(bank: Bank) -> Iterator[tuple[str, str]]:
    """(where, text) for every band message, flag advice, next step and closing sentence a
    person may read."""
    for band in bank.scoring.bands:
        for key in ("message", "message_if_unclear", "message_if_flagged", "message_if_one"):
            text = getattr(band, key)
            if text:
                yield f"bands[{band.id}].{key}", text
        if band.could_be:
            yield f"bands[{band.id}].could_be", band.could_be
        if band.advice:
            yield f"bands[{band.id}].advice", band.advice
        for number, band_path in enumerate(band.advice_on_path):
            yield f"bands[{band.id}].advice_on_path[{number}]", band_path.advice
    for flag in bank.flags:
        yield f"flags[{flag.id}].advice", flag.advice
        if flag.unsure_advice:
            yield f"flags[{flag.id}].unsure_advice", flag.unsure_advice
        for number, path in enumerate(flag.on_path):
            yield f"flags[{flag.id}].on_path[{number}].advice", path.advice
            if path.unsure_advice:
                yield f"flags[{flag.id}].on_path[{number}].unsure_advice", path.unsure_advice
    for step in bank.next_steps:
        yield f"next_steps[{step.title}]", step.text
    for number, order in enumerate(bank.menu):
        if order.closing:
            yield f"menu[{number}].closing", order.closing


def spanish() -> Any:
    """A textstat of its own for Spanish: the module's shared one stays in English for the
    other tests (set_lang is global)."""
    from textstat.textstat import textstatistics  # type: ignore[import-untyped]

    reader = textstatistics()
    reader.set_lang("es")
    return reader


def too_hard(bank: Bank) -> list[str]:
    import textstat  # type: ignore[import-untyped]

    found = []
    if bank.language == "en":
        for where, text in advice_texts(bank):
            grade = textstat.flesch_kincaid_grade(text)
            if grade > GRADE_AT_MOST:
                found.append(f"{where}: grade {grade:.1f}")
    elif bank.language == "es":
        reader = spanish()
        for where, text in advice_texts(bank):
            ease = reader.fernandez_huerta(text)
            if ease < FERNANDEZ_HUERTA_AT_LEAST:
                found.append(f"{where}: Fernández Huerta {ease:.1f}")
    else:
        pytest.fail(f"no readability index chosen for {bank.language}")
    return found


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.name)
def test_every_advice_band_message_and_next_step_reads_at_grade_8_or_below(path: Path) -> None:
    assert too_hard(load_bank(path).bank) == []


def test_the_check_can_fail() -> None:
    """A long clinical sentence is caught in both languages."""
    import textstat

    hard = (
        "Concomitant administration of ketamine with benzodiazepines, opioids or ethanol "
        "potentiates respiratory depression, necessitating comprehensive cardiorespiratory "
        "monitoring and individualised pharmacological management."
    )
    assert textstat.flesch_kincaid_grade(hard) > GRADE_AT_MOST
    duro = (
        "La administración concomitante de ketamina con benzodiacepinas, opioides o etanol "
        "potencia la depresión respiratoria, lo que hace necesaria una monitorización "
        "cardiorrespiratoria exhaustiva y un tratamiento farmacológico individualizado."
    )
    assert spanish().fernandez_huerta(duro) < FERNANDEZ_HUERTA_AT_LEAST


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if part]


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.name)
def test_the_mixing_advice_leads_with_its_two_shortest_sentences(path: Path) -> None:
    bank = load_bank(path).bank
    mixing = next(flag for flag in bank.flags if flag.id == "mixing")
    texts = [mixing.advice, mixing.unsure_advice or ""]
    texts += [text for path in mixing.on_path for text in (path.advice, path.unsure_advice) if text]
    for text in texts:
        lengths = [len(sentence.split()) for sentence in sentences(text)]
        assert len(lengths) > 2
        assert max(lengths[:2]) <= min(lengths[2:]), (lengths, text)
