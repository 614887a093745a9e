"""How often (the bundled bank's ASSIST-style scale) is never a criterion: it never changes the
count or the band. Weekly or more raises its own advice, in street words off the prescribed
path and in the prescriber's words on it; and no summary or record of a frequent user reads
"no pattern of concern", in either language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.files.bank import load_bank
from screener.files.bundled import bank_file
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.render import Format, renderer_for
from screener.reports.essentials import short_version
from screener.reports.record import Screening
from screener.reports.summary import build_professional_summary, build_summary
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import CRITERION_IDS, NOWHERE, full_answers

LANGUAGES = ("en", "es")
OFTEN = ("never", "once_or_twice", "monthly", "weekly", "daily", "unsure")
NO_PATTERN = {"en": "no pattern of concern", "es": "no muestran un patrón preocupante"}


def ketamine(language: str) -> LoadedBank:
    path = bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


BANKS = {language: ketamine(language) for language in LANGUAGES}


def test_how_often_is_no_criterion_and_keeps_the_assist_points() -> None:
    item = next(item for item in BANKS["en"].bank.items if item.id == "how_often")
    assert item.kind == "health" and item.criterion is None
    assert [(option.code, option.points) for option in item.options] == [
        ("never", 0), ("once_or_twice", 2), ("monthly", 3), ("weekly", 4), ("daily", 6),
    ]  # fmt: skip
    assert item.unsure


@settings(max_examples=60, deadline=None)
@given(
    criteria=st.lists(st.sampled_from(("yes", "no", "unsure")), min_size=10, max_size=10),
    often=st.sampled_from(OFTEN),
    prescribed=st.sampled_from(("yes", "no", "unsure")),
    language=st.sampled_from(LANGUAGES),
)
def test_how_often_never_changes_the_count_or_the_band(
    criteria: list[Code], often: Code, prescribed: Code, language: str
) -> None:
    bank = BANKS[language].bank
    answers = full_answers(dict(zip(CRITERION_IDS, criteria, strict=True)), prescribed)  # type: ignore[arg-type]
    scores = [score(bank, {**answers, "how_often": code}) for code in OFTEN]
    assert len({_count(each) for each in scores}) == 1


def _count(scored: object) -> tuple[object, ...]:
    """What the criteria give: the count, what applied, the band and the could-be band."""
    from screener.models.result import Score

    assert isinstance(scored, Score)
    return (
        scored.criteria_met,
        scored.criteria_applicable,
        scored.criteria,
        scored.band.id if scored.band else None,
        scored.could_be.id if scored.could_be else None,
    )


def frequent(language: str, often: Code, prescribed: Code = "no") -> dict[str, Code]:
    """No criterion met, no other health answer: only how often speaks."""
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"), prescribed)  # type: ignore[arg-type]
    return {**answers, "how_often": often}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("often", "raised"), [
    ("never", False), ("once_or_twice", False), ("monthly", False),
    ("weekly", True), ("daily", True), ("unsure", True),
])  # fmt: skip
def test_weekly_or_more_raises_its_own_advice(language: str, often: Code, raised: bool) -> None:
    flags = score(BANKS[language].bank, frequent(language, often)).flags
    assert [flag.id for flag in flags] == (["frequent_use"] if raised else [])


def test_the_advice_cuts_down_off_the_prescribed_path_and_never_on_it() -> None:
    bank = BANKS["en"].bank
    street = score(bank, frequent("en", "daily")).flags[0].advice
    assert "cutting down" in street and "bladder" in street
    treated = score(bank, frequent("en", "weekly", prescribed="yes")).flags[0].advice
    assert "prescriber" in treated and "Don't stop or change your treatment" in treated
    assert "cut" not in treated.lower()
    tratado = score(BANKS["es"].bank, frequent("es", "weekly", prescribed="yes")).flags[0]
    assert "quien te receta" in tratado.advice and "menos" not in tratado.advice


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("often", ["weekly", "daily"])
@pytest.mark.parametrize("prescribed", ["no", "yes"])
def test_a_frequent_user_with_no_criteria_never_reads_no_pattern(
    language: str, often: Code, prescribed: Code
) -> None:
    loaded = BANKS[language]
    strings = load_strings(language)
    result = build_result(
        loaded, score(loaded.bank, frequent(language, often, prescribed)), NOWHERE
    )
    assert result.criteria_met == 0
    sections = [*build_summary(loaded.bank, result, NOWHERE, strings)]
    sections.append(short_version(loaded.bank, result, NOWHERE, strings))
    words = " ".join(
        [section.title for section in sections]
        + [text for section in sections for text in (*section.paragraphs, *section.after)]
        + [entry.text for section in sections for entry in section.entries]
    )
    screening = Screening(loaded.bank, strings, NOWHERE, result)
    records = [renderer_for(form).render(screening) for form in (Format.text, Format.markdown)]
    for text in (words, *records):
        assert NO_PATTERN[language] not in " ".join(text.split()).lower()
    # and the band message it reads says the count is only about the pattern of use
    assert result.band is not None
    assert result.band.message.startswith(loaded.bank.scoring.bands[0].message_if_flagged or "-")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_finds_no_pattern_where_it_is_said(language: str) -> None:
    """The test above can fail: monthly use with no criteria reads the plain band message."""
    loaded = BANKS[language]
    result = build_result(loaded, score(loaded.bank, frequent(language, "monthly")), NOWHERE)
    assert result.band is not None
    assert NO_PATTERN[language] in " ".join(result.band.message.split()).lower()


@pytest.mark.parametrize(
    ("language", "often_line", "feeling_line"),
    [
        (
            "en",
            "Frequency of use, past 3 months: Daily or almost daily (6 points)",
            "Readiness to change (own view): I'd like to stop",
        ),
        (
            "es",
            "Frecuencia de consumo, últimos 3 meses: A diario o casi a diario (6 puntos)",
            "Disposición al cambio (propia visión): Me gustaría dejarlo",
        ),
    ],
)
def test_the_professional_view_shows_both_answers_beside_the_criteria(
    language: str, often_line: str, feeling_line: str
) -> None:
    loaded = BANKS[language]
    strings = load_strings(language)
    answers = {**frequent(language, "daily"), "feeling_about_use": "stop"}
    result = build_result(loaded, score(loaded.bank, answers), NOWHERE)
    sections = build_professional_summary(loaded.bank, result, strings)
    titles = [section.title for section in sections]
    scales = sections[titles.index(strings.scale.professional_heading)]
    assert titles.index(strings.scale.professional_heading) == 1  # right after the criteria
    assert [entry.text for entry in scales.entries] == [often_line, feeling_line]


def test_the_professional_view_says_a_scale_was_not_asked() -> None:
    loaded = BANKS["en"]
    strings = load_strings("en")
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"), "yes")
    result = build_result(loaded, score(loaded.bank, answers), NOWHERE)
    scales = next(
        section
        for section in build_professional_summary(loaded.bank, result, strings)
        if section.title == strings.scale.professional_heading
    )
    assert [entry.text for entry in scales.entries][1] == (
        "Readiness to change (own view): not asked"
    )
