"""explain and the handout of a bank with scale items: each option in order with its key and
points, that the item is no criterion, and what each option changes; en and es, text and
Markdown (issue 22, part D)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.files.bank import load_bank
from screener.files.bundled import data_dir
from tests.helpers import DATA

runner = CliRunner()
Golden = Callable[[str, str], None]
BANKS = {"en": DATA / "scales_trainer.yaml", "es": DATA / "scales_trainer.es.yaml"}


def explain(language: str, *args: str, columns: int = 80) -> str:
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": str(columns)}
    result = runner.invoke(app, ["explain", str(BANKS[language]), *args], env=env)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_scale_lists_its_options_in_order_with_keys_points_and_what_each_changes() -> None:
    out = flat(explain("en", "--plain"))
    often = out.index("Q4. Health question (often)")
    assert out.index("Its answers, in order:", often) > often
    assert "It is not a criterion: never counted toward the criteria or the band." in out[often:]
    options = [
        "1 or n: Never (code never, 0 points): no rule names it.",
        "2 or m: Monthly (code monthly, 3 points): no rule names it.",
        "3 or w: Weekly (code weekly, 4 points): raises the flag Frequent use.",
        "4 or d: Daily or almost daily (code daily, 6 points): raises the flag Frequent use.",
        "5 or u: Not sure (code unsure): no rule names it.",
    ]
    positions = [out.index(option, often) for option in options]
    assert positions == sorted(positions)
    feel = out.index("Q6. Health question (feel)")
    assert "1 or n: Not worried (code not_worried): no rule names it." in out[feel:]
    assert (
        '3 or s: I want to stop (code stop): shows the next step "Ways to stop"; hides the '
        'next step "Harm reduction"; in the some band, the advice reads "Help is there when '
        'you want it."' in out[feel:]
    )


def test_conditions_on_a_scale_are_worded_by_its_options_never_its_codes() -> None:
    out = flat(explain("en", "--plain"))
    assert "Raised when Q4 (often) is Weekly or Daily or almost daily." in out
    assert "Shown only when Q6 (feel) is I want to stop." in out
    assert "Hidden when Q6 (feel) is I want to stop." in out
    assert "When Q6 (feel) is I want to stop, the last part reads instead" in out


def test_a_yes_no_item_has_no_list_of_answers() -> None:
    out = flat(explain("en", "--plain"))
    mood = out.index("Q5. Health question (mood)")
    assert "Its answers" not in out[mood : out.index("Q6.", mood)]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("columns", [80, 28])
def test_the_plain_handout_is_the_golden_one(golden: Golden, language: str, columns: int) -> None:
    out = explain(language, "--plain", columns=columns)
    assert all(len(line) <= columns for line in out.splitlines() if " " in line.strip())
    golden(f"explain_scales_trainer.{language}.{columns}.plain.txt", out)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_markdown_handout_is_the_golden_one(golden: Golden, language: str) -> None:
    out = explain(language, "--format", "markdown")
    assert "- 3 or w: Weekly" in out or "- 3 o s: Cada semana" in out
    golden(f"explain_scales_trainer.{language}.md", out)


def test_spanish_words_its_options_in_spanish() -> None:
    out = flat(explain("es", "--plain"))
    assert "Sus respuestas, en orden" in out
    assert "3 o s: Cada semana (código weekly, 4 puntos): activa el aviso Consumo frecuente." in out
    assert "Se activa cuando la respuesta a Q4 (often) es Cada semana o A diario o casi." in out
    for english in ("Weekly", "Not worried", "not sure"):
        assert english not in out


def test_json_carries_each_option_and_the_next_steps() -> None:
    data = json.loads(explain("en", "--format", "json"))
    often = next(item for item in data["items"] if item["id"] == "often")
    assert [option["code"] for option in often["options"]] == [
        "never",
        "monthly",
        "weekly",
        "daily",
    ]
    assert often["options"][2] == {
        "number": 3,
        "code": "weekly",
        "text": "Weekly",
        "key": "w",
        "points": 4,
    }
    assert often["unsure"] is True
    assert [step["title"] for step in data["next_steps"]] == [
        "Talk",
        "Ways to stop",
        "Harm reduction",
    ]
    assert data["next_steps"][2]["hide_if"] == {"item": "feel", "number": 6, "answers": ["stop"]}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_handout_says_what_each_feeling_puts_first_and_its_closing_words(
    language: str,
) -> None:
    """The bundled bank's `menu`: how the person feels orders the next steps and picks one
    closing sentence; a trainer reads both beside the answer, never "no rule names it"."""
    bank = load_bank(data_dir() / f"ketamine.{language}.yaml").bank
    titles = {step.id: step.title for step in bank.next_steps}
    result = runner.invoke(
        app, ["explain", "--lang", language, "--plain"], env={"LANG": "C.UTF-8", "COLUMNS": "0"}
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    feeling = next(item for item in bank.items if item.id == "feeling_about_use")
    part = text[text.index("(feeling_about_use)") :]
    part = part[: part.index("(self_harm_thoughts)")]
    numbers = {option.code: n for n, option in enumerate(feeling.options, start=1)}
    numbers["unsure"] = len(feeling.options) + 1
    for order in bank.menu:
        (code,) = order.when.answers
        line = part[part.index(f"- {numbers[code]}") :]
        line = line[: line.index(" - ", 2)] if " - " in line[2:] else line
        assert ", ".join(titles[step] for step in order.first) in line
        assert order.closing is not None and " ".join(order.closing.split()) in line


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_handout_names_each_answer_as_the_prompt_offers_it(language: str) -> None:
    """A trainer reads the same number, key and words the person is offered, not sure
    included (the handout once listed it with no key and in lower case)."""
    from screener.files.bundled import bank_file
    from screener.files.wording import load_strings, load_trainer_strings
    from screener.reports.explain import explain as explanation_of
    from screener.reports.handout import handout
    from screener.terminal.scale_prompt import choices_of

    strings = load_strings(language)
    trainer = load_trainer_strings(language)
    bundled = bank_file("ketamine", language)
    assert bundled is not None
    for bank in (load_bank(BANKS[language]), load_bank(bundled)):
        document = handout(
            explanation_of(bank),
            trainer,
            strings.answer_labels,
            unsure_key=strings.answer_words.unsure[0],
        )
        listed = {
            question.heading: question.answers
            for part in document.parts
            for question in part.questions
        }
        scales = [item for item in bank.bank.items if item.options]
        assert scales
        for item in scales:
            (answers,) = [
                lines
                for heading, lines in listed.items()
                if f"({item.id})" in heading or f"`{item.id}`" in heading
            ]
            offered = choices_of(item, strings)
            assert len(answers) == len(offered)
            for line, choice in zip(answers, offered, strict=True):
                said = trainer.scales.option_entry.split("{key}")[0].format(number=choice.number)
                assert line.startswith(f"{said}{choice.key}: {choice.text} ("), (line, choice)
