"""demo and what-if on a bank with scale items (issue 22, part D): a persona's scale answers in
words, never codes; what-if sets a scale item to any of its options by number or key, recomputes
and says what changed, in both languages, rich and plain, at 80, 28 and COLUMNS=0."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.files import bundled
from screener.files.bank import load_bank
from tests.helpers import DATA

runner = CliRunner()
BANKS = {"en": DATA / "scales_trainer.yaml", "es": DATA / "scales_trainer.es.yaml"}
CODES = ("not_worried", "cut_down", "daily", "weekly", "monthly", "yes_no")


def demo(language: str, persona: str, typed: str, *args: str, columns: str = "80") -> Result:
    """Enter at each pause (questions, summary, counsellor's view), then `typed` at what-if."""
    answers = load_bank(BANKS[language]).bank.examples
    count = len(next(example for example in answers if example.id == persona).answers)
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": columns}
    result = runner.invoke(
        app,
        ["demo", persona, "--bank", str(BANKS[language]), *args],
        input="\n" * (count + 3) + typed,
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("plain", [(), ("--plain",)])
def test_a_persona_answers_a_scale_in_words(plain: tuple[str, ...]) -> None:
    out = flat(demo("en", "dani", "q\n", *plain).stdout)
    assert "Dani answers: Daily or almost daily" in out
    assert "Dani answers: I want to cut down" in out
    assert "Q4 often: Daily or almost daily" in out  # what-if's list of answers
    for code in CODES:  # an answer's code, where its words belong
        assert f": {code}" not in out and f"-> {code}" not in out


def test_a_persona_answers_a_scale_in_spanish() -> None:
    out = flat(demo("es", "rio", "q\n", "--plain").stdout)
    assert "Río responde: Cada semana" in out
    assert "Río responde: Quiero dejarlo" in out
    for english in ("Weekly", "I want to stop"):
        assert english not in out
    for code in CODES:
        assert f": {code}" not in out


@pytest.mark.parametrize("plain", [(), ("--plain",)])
@pytest.mark.parametrize("columns", ["80", "28", "0"])
def test_what_if_sets_a_scale_by_key_or_number_and_says_what_changed(
    plain: tuple[str, ...], columns: str
) -> None:
    out = flat(demo("en", "dani", "4 m\n4 3\n4 5\n6 s\nq\n", *plain, columns=columns).stdout)
    assert "Q4 (often): Daily or almost daily -> Monthly" in out
    assert "flag cleared: Information: Frequent use" in out
    assert "Q4 (often): Monthly -> Weekly" in out
    assert "flag raised: Information: Frequent use" in out
    assert "Q4 (often): Weekly -> not sure" in out
    assert "Q6 (feel): I want to cut down -> I want to stop" in out


def test_what_if_on_a_scale_in_spanish_uses_its_keys() -> None:
    out = flat(demo("es", "dani", "4 m\n6 d\nq\n", "--plain").stdout)
    assert "Q4 (often): A diario o casi -> Cada mes" in out
    assert "aviso retirado: Información: Consumo frecuente" in out
    assert "Q6 (feel): Quiero consumir menos -> Quiero dejarlo" in out


def test_an_answer_a_scale_lacks_names_the_ones_it_takes() -> None:
    out = flat(demo("en", "dani", "6 4\n6 not sure\n4 x\nq\n", "--plain").stdout)
    takes = "Q6 (feel) takes: 1 or n Not worried, 2 or c I want to cut down, 3 or s I want to stop."
    assert out.count(takes) == 2
    assert "Q4 (often) takes: 1 or n Never, 2 or m Monthly, 3 or w Weekly, " in out
    assert "4 or d Daily or almost daily, 5 not sure." in out


def test_flipping_a_scale_without_an_answer_steps_to_the_next_option() -> None:
    out = flat(demo("en", "dani", "6\n6\nq\n", "--plain").stdout)
    assert "Q6 (feel): I want to cut down -> I want to stop" in out
    assert "Q6 (feel): I want to stop -> Not worried" in out


def test_closing_the_gate_says_which_questions_are_now_skipped_and_asked() -> None:
    out = flat(demo("en", "dani", "1 no\n1 yes\nq\n", "--plain").stdout)
    assert "Now skipped: Q2-Q4." in out
    assert "Now asked: Q2-Q4." in out


def test_validate_scores_personas_with_scale_answers(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    for bank in BANKS.values():
        ran = runner.invoke(app, ["validate", str(bank)])
        assert ran.exit_code == 0 and "2 examples scored" in ran.stdout, ran.output
    wrong = tmp_path / "scales_wrong.yaml"
    text = BANKS["en"].read_text(encoding="utf-8")
    wrong.write_text(
        text.replace("expect: {band: none, flags: [frequent]}", "expect: {band: none, flags: []}")
    )
    ran = runner.invoke(app, ["validate", str(wrong)])
    assert ran.exit_code != 0
    assert "frequent" in ran.output and "scales_wrong.yaml:" in ran.output


@pytest.mark.parametrize("language", ["en", "es"])
def test_how_the_person_feels_changes_the_menu_and_the_words_and_what_if_says_so(
    language: str,
) -> None:
    out = flat(demo(language, "rio", "6 1\n6 3\nq\n", "--plain").stdout)
    said = {
        "en": (
            "next step hidden: Ways to stop",
            "next step shown: Harm reduction",
            'the band\'s words now read: "Some showed. Think about talking it over."',
            'the band\'s words now read: "Some showed. Help is there when you want it."',
        ),
        "es": (
            "siguiente paso oculto: Formas de dejarlo",
            "siguiente paso mostrado: Reducir daños",
            'las palabras del rango dicen ahora: "Se vio algo. Piensa en hablarlo."',
            'las palabras del rango dicen ahora: "Se vio algo. Hay ayuda cuando la quieras."',
        ),
    }[language]
    for words in said:
        assert words in out
    assert out.count("The result did not change.") == 0


@pytest.mark.parametrize(
    ("language", "closing"),
    [("en", "Wanting to stop is a real start."), ("es", "Querer dejarlo ya es empezar.")],
)
def test_what_if_on_how_the_person_feels_says_the_new_closing_words(
    language: str, closing: str
) -> None:
    """The bundled bank's menu: 'I'd like to stop' puts the ways to get help first and picks
    its own closing sentence; a trainer flipping the answer hears both change."""
    bank = load_bank(Path(bundled.data_dir() / f"ketamine.{language}.yaml")).bank
    dana = next(example for example in bank.examples if example.id == "dana")
    number = 1 + [item.id for item in bank.items].index("feeling_about_use")
    stop = 1 + [option.code for option in bank.items[number - 1].options].index("stop")
    result = runner.invoke(
        app,
        ["demo", "dana", "--lang", language, "--plain"],
        input="\n" * (len(dana.answers) + 3) + f"{number} {stop}\nq\n",
        env={"LANG": "en_GB.UTF-8", "COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert closing in out.split("->", 1)[1]


@pytest.mark.parametrize(
    ("language", "gone"), [("en", "no closing words now."), ("es", "ya sin palabras del final.")]
)
def test_what_if_says_when_the_closing_words_go_and_ends_each_sentence_once(
    language: str, gone: str
) -> None:
    """Dana (not worried) to "I'd like to stop" picks new closing words, quoted; then to
    "rather not say", which has none: the trainer hears that they went (once, nothing was
    said). No change is ended with two full stops."""
    bank = load_bank(Path(bundled.data_dir() / f"ketamine.{language}.yaml")).bank
    dana = next(example for example in bank.examples if example.id == "dana")
    number = 1 + [item.id for item in bank.items].index("feeling_about_use")
    codes = [option.code for option in bank.items[number - 1].options]
    stop, silent = 1 + codes.index("stop"), 1 + codes.index("rather_not_say")
    result = runner.invoke(
        app,
        ["demo", "dana", "--lang", language, "--plain"],
        input="\n" * (len(dana.answers) + 3) + f"{number} {stop}\n{number} {silent}\nq\n",
        env={"LANG": "en_GB.UTF-8", "COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    changed = out.split("->")[1:]
    assert len(changed) == 2
    assert '"' in changed[0] and gone not in changed[0]
    assert gone in changed[1]
    assert not re.search(r'(?<!\.)\.\.(?!\.)|\."\.', out)  # an ellipsis is no double stop
