"""A scale question at the prompt (issue 22): its options by number and key, in both languages,
rich and plain, for the person and the counsellor; the transcripts asserted whole or as golden
files (tests/golden/scale_prompt.*). Regenerate the golden files with --update-golden."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console

from screener.files.bank import load_bank
from screener.files.bundled import contacts_file
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import Bank, Item
from screener.models.wording import UiStrings
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.walk import Navigation, Note, Step
from screener.terminal.counsellor import CounsellorConsoleAsker
from screener.terminal.prompt import ConsoleAsker, Request, interpret
from screener.terminal.scale_prompt import choices_of
from tests.helpers import DATA

Golden = Callable[[str, str], None]


def scales(language: str) -> Bank:
    name = "scales.yaml" if language == "en" else f"scales.{language}.yaml"
    return load_bank(DATA / name).bank


def item(language: str, item_id: str) -> Item:
    return next(found for found in scales(language).items if found.id == item_id)


OFTEN, FEEL = item("en", "often"), item("en", "feel")
EN = load_strings("en")
ES = load_strings("es")


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("w", "weekly"),
        ("W", "weekly"),
        (" d ", "daily"),
        ("1", "never"),
        ("4", "daily"),
        ("\uff13", "weekly"),  # a fullwidth 3 from an East Asian input method
        ("5", "unsure"),  # not sure is numbered after the options
        ("u", "unsure"),
        ("not sure", "unsure"),
        ("Weekly.", "weekly"),  # an option's words
        ("daily or almost daily", "daily"),
        ("6", None),
        ("0", None),
        ("y", None),  # yes and no are not answers to a scale
        ("yes", None),
        ("no", None),
        ("\u00b2", None),  # a superscript 2 is its own key, not a 2
        ("?", Request.HELP),
        ("help", Request.HELP),
        ("b", Navigation.BACK),
        ("q", Navigation.QUIT),
        ("", None),
    ],
)
def test_a_scale_takes_its_keys_and_numbers(typed: str, meaning: object) -> None:
    assert interpret(typed, EN, OFTEN) == meaning


@pytest.mark.parametrize(("typed", "meaning"), [("s", "stop"), ("3", "stop"), ("4", None)])
def test_not_sure_only_where_the_item_offers_it(typed: str, meaning: object) -> None:
    assert interpret(typed, EN, FEEL) == meaning
    assert interpret("u", EN, FEEL) is None
    assert interpret("not sure", EN, FEEL) is None


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("s", "weekly"),  # the Spanish bank's own key: semana
        ("S", "weekly"),
        ("n", "never"),
        ("ns", "unsure"),  # the language's not-sure key
        ("no sé", "unsure"),
        ("5", "unsure"),
        ("a", Navigation.BACK),  # atrás
        ("sí", None),
        ("w", None),  # the English bank's key is not the Spanish bank's
    ],
)
def test_a_spanish_scale_takes_the_banks_keys_and_the_languages_words(
    typed: str, meaning: object
) -> None:
    assert interpret(typed, ES, item("es", "often")) == meaning


def test_a_yes_no_question_still_reads_as_before() -> None:
    """The item passed changes nothing for a yes/no question."""
    used = item("en", "used")
    for typed, meaning in (("y", "yes"), ("n", "no"), ("3", "unsure"), ("w", None)):
        assert interpret(typed, EN, used) == meaning == interpret(typed, EN)


def make_asker(
    typed: list[str], *, plain: bool, language: str = "en", width: int = 80
) -> tuple[ConsoleAsker, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    lines = iter(typed)

    def fake_input(prompt: object = "", *, password: bool = False, stream: object = None) -> str:
        console.print(prompt, end="")
        line = next(lines)
        console.print(line)  # echo, as a terminal would
        return line

    console.input = fake_input  # type: ignore[method-assign, assignment]
    region_id = "uk" if language == "en" else "es"
    region = contacts_to_show(
        choose_region(load_contacts(contacts_file()), region_id, {}), None, language
    )
    return ConsoleAsker(console, load_strings(language), region, plain=plain), output


def shown(output: io.StringIO) -> str:
    return "\n".join(line.rstrip() for line in output.getvalue().split("\n"))


def test_a_wrong_key_says_which_answers_are_possible() -> None:
    asker, output = make_asker(["y", "w"], plain=False)
    assert asker.ask(Step(OFTEN, 4, 6, None)) == "weekly"
    assert shown(output) == (
        "\n"
        "Question 4 of 6\n"
        "How often?\n"
        "1  n  Never\n"
        "2  m  Monthly\n"
        "3  w  Weekly\n"
        "4  d  Daily or almost daily\n"
        "5  u  Not sure\n"
        "? (question mark) help   b back   q quit   x quick exit\n"
        "Your answer: y\n"
        "Sorry, I didn't catch that. Type a number from 1 to 5, or one of these letters:\n"
        "n, m, w, d, u. Type ? (question mark) for help.\n"
        "Your answer: w\n"
    )


def test_help_shows_the_items_help_and_back_leaves() -> None:
    asker, output = make_asker(["?", "b"], plain=True)
    assert asker.ask(Step(OFTEN, 4, 6, None)) is Navigation.BACK
    assert "About this question: In the past 3 months." in output.getvalue()


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
def test_the_earlier_answer_is_worded_by_its_option(plain: bool) -> None:
    asker, output = make_asker([""], plain=plain)
    assert asker.ask(Step(OFTEN, 4, 6, "daily")) == "daily"
    assert "Earlier you said: Daily or almost daily. Press Enter to keep it." in output.getvalue()
    asker, output = make_asker([""], plain=plain, language="es")
    assert asker.ask(Step(item("es", "often"), 4, 6, "unsure")) == "unsure"
    assert "Tu respuesta anterior: no lo sé." in output.getvalue()


def test_plain_mode_reads_the_options_as_a_numbered_list_then_briefly() -> None:
    """The full instructions once for scales (a yes/no question's do not explain them), then
    the brief form; the list, with each option's key, every time."""
    asker, output = make_asker(["y", "2", "9", "c"], plain=True)
    assert asker.ask(Step(item("en", "used"), 1, 6, None)) == "yes"
    assert asker.ask(Step(OFTEN, 4, 6, None)) == "monthly"
    assert asker.ask(Step(FEEL, 6, 6, None)) == "cut_down"
    assert shown(output).split("Your answer: y\n", 1)[1] == (
        "\n"
        "Question 4 of 6.\n"
        "How often?\n"
        "1. Never (n)\n"
        "2. Monthly (m)\n"
        "3. Weekly (w)\n"
        "4. Daily or almost daily (d)\n"
        "5. Not sure (u)\n"
        "Type the number of your answer, or the letter after it. You can also type help,\n"
        "back or quit. Type x to leave at once and clear the screen.\n"
        "Your answer: 2\n"
        "\n"
        "Question 6 of 6.\n"
        "How do you feel about your use?\n"
        "1. Not worried (n)\n"
        "2. I want to cut down (c)\n"
        "3. I want to stop (s)\n"
        "1 to 3, or the letter; x leaves.\n"
        "Your answer: 9\n"
        "Sorry, I didn't catch that. Type a number from 1 to 3, or one of these letters:\n"
        "n, c, s. Type ? (question mark) for help.\n"
        "Your answer: c\n"
    )


def test_the_intake_lists_the_options_and_takes_a_note_and_a_key() -> None:
    asker, output = make_asker(["+", "three times a week", "y", "3"], plain=False)
    intake = CounsellorConsoleAsker(asker.console, EN, asker.region, scales("en"), plain=False)
    step = Step(OFTEN, 4, 6, None)
    assert intake.ask(step) == Note("three times a week")
    assert intake.ask(Step(OFTEN, 4, 6, None, note="three times a week")) == "weekly"
    assert shown(output) == (
        "\n"
        "Question 4 of 6   health question: not counted, may raise a flag\n"
        "How often?\n"
        "1  n  Never\n"
        "2  m  Monthly\n"
        "3  w  Weekly\n"
        "4  d  Daily or almost daily\n"
        "5  u  Not sure\n"
        "+ (plus) note   ? (question mark) help   b back   q quit   x quick exit\n"
        "Your answer: +\n"
        "Note (one line; Enter alone removes it): three times a week\n"
        "Note kept. Now the answer.\n"
        "Your answer: y\n"
        "Sorry, I didn't catch that. Type a number from 1 to 5, or one of these letters:\n"
        "n, m, w, d, u. Type + (plus) for a note, or ? (question mark) for help.\n"
        "Your answer: 3\n"
    )


def test_the_intake_in_plain_mode_says_how_to_answer_a_scale() -> None:
    asker, output = make_asker(["d"], plain=True, language="es")
    intake = CounsellorConsoleAsker(asker.console, ES, asker.region, scales("es"), plain=True)
    assert intake.ask(Step(item("es", "often"), 4, 6, None)) == "daily"
    text = " ".join(output.getvalue().split())
    assert "1. Nunca (n) 2. Cada mes (m) 3. Cada semana (s) 4. A diario o casi (d)" in text
    assert "5. No lo sé (ns) Escribe el número de la respuesta, o la letra que la sigue, +" in text


# --- golden files: the scale prompt as a person reads it ------------------------------------


def scale_prompt(language: str, width: int, *, plain: bool) -> str:
    """A yes/no question, then the scale: a wrong key, help, an answer; back to it later
    (the brief form and the earlier answer), kept with Enter."""
    bank = scales(language)
    used, often = bank.items[0], next(found for found in bank.items if found.id == "often")
    asker, output = make_asker(["1", "y", "?", "3", ""], plain=plain, language=language)
    asker.console.width = width
    assert asker.ask(Step(used, 1, 6, None)) == "yes"
    assert asker.ask(Step(often, 4, 6, None)) == "weekly"
    assert asker.ask(Step(often, 4, 6, "weekly")) == "weekly"
    return shown(output)


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("width", [28, 80])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_scale_prompt_golden(golden: Golden, language: str, width: int, plain: bool) -> None:
    text = scale_prompt(language, width, plain=plain)
    assert all(len(line) <= width for line in text.splitlines())
    golden(f"scale_prompt.{language}.{width}{'.plain' if plain else ''}.txt", text)


def test_the_strings_name_every_placeholder_they_fill() -> None:
    for strings in (EN, ES):
        scale: UiStrings = strings
        assert "{last}" in scale.scale.choices_plain_brief
        assert "{keys}" in scale.scale.not_understood and "{last}" in scale.scale.not_understood
        assert "{keys}" in scale.scale.intake_not_understood


@pytest.mark.parametrize("language", ["en", "es"])
def test_not_sure_is_written_as_the_options_beside_it_are(language: str) -> None:
    """Each option starts with a capital ("Never", "Weekly"); "not sure" listed after them did
    not, and read as an afterthought."""
    strings = load_strings(language)
    offered = next(each for each in scales(language).items if each.options and each.unsure)
    listed = [choice.text for choice in choices_of(offered, strings)]
    assert all(text[:1].isupper() for text in listed), listed
