"""The right help for the right place, through the command line: regions, order, languages,
and a broken service file that never keeps help from anyone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.files import bundled
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.terminal.host import Terminal
from tests.helpers import DATA, GOOD

runner = CliRunner()


def invoke(*args: str, env: dict[str, str], input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, env={"COLUMNS": "80", **env})


def flat(text: str) -> str:
    return " ".join(text.split())


def test_resources_in_spain_lists_024_and_112_in_spanish() -> None:
    result = invoke("resources", env={"LANG": "es_ES.UTF-8"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Contactos de ayuda: España (es)")
    assert "teléfono: 024" in out and "teléfono: 112" in out
    assert "horario: 24 horas, todos los días" in out


def test_resources_in_mexico_lists_linea_de_la_vida_and_911() -> None:
    result = invoke("resources", env={"LANG": "es_MX.UTF-8"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Contactos de ayuda: México (mx)")
    assert "teléfono: 800 911 2000" in result.stdout and "teléfono: 911" in result.stdout


def test_region_es_and_mx_are_accepted_and_speak_spanish_by_default() -> None:
    for region, number in (("es", "024"), ("mx", "800 911 2000")):
        result = invoke("resources", "--region", region, env={"LANG": "C"})
        assert result.exit_code == 0, result.output
        assert f"teléfono: {number}" in result.stdout
        assert "24 horas" in result.stdout


def test_resources_takes_a_language() -> None:
    result = invoke("resources", "--region", "mx", "--lang", "en", env={"LANG": "es_MX.UTF-8"})
    assert result.stdout.startswith("Help contacts: Mexico (mx)")
    assert "hours: 24 hours, every day" in result.stdout


def test_a_person_in_germany_reading_english_is_not_given_us_lines() -> None:
    result = invoke("resources", env={"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"})
    assert result.stdout.startswith("Help contacts: Anywhere else (other)")


def test_english_language_with_uk_formats_gives_uk_lines() -> None:
    env = {"LANG": "en_US.UTF-8", "LC_TELEPHONE": "en_GB.UTF-8", "LC_ADDRESS": "en_GB.UTF-8"}
    assert invoke("resources", env=env).stdout.startswith("Help contacts: United Kingdom (uk)")


def test_the_us_crisis_screen_puts_988_and_911_before_the_directory() -> None:
    keys = "\n" + "n\n" + "n\n" * 6 + "y\n" + "n\n"  # no use, 6 health questions, then yes
    out = invoke("run", env={"LANG": "en_US.UTF-8"}, input=keys).output
    screen = out[out.index("Help is there for you right now") : out.index("Would you like")]
    assert (
        screen.index("988 Suicide & Crisis Lifeline:")
        < screen.index("Emergency services:")
        < screen.index("FindTreatment.gov:")
    )
    assert "If you are in danger now, call 9 1 1." in flat(screen)
    assert "Contacts for: United States." in flat(screen)
    assert "screener resources" in flat(screen)


def test_the_intro_names_the_region() -> None:
    out = invoke("run", env={"LANG": "en_IE.UTF-8"}, input="q\n").output
    assert "Contacts for: Ireland. Somewhere else?" in flat(out)


def test_a_severe_summary_shows_crisis_contacts_before_any_other_flag(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        GOOD.replace("self_harm_thoughts: no", "self_harm_thoughts: yes").replace(
            "blood_in_urine: no", "blood_in_urine: yes"
        )
    )
    out = flat(invoke("run", "--answers", str(answers), env={"LANG": "en_GB.UTF-8"}).stdout)
    assert "You deserve support" in out, "a replay showed no crisis screen: said in full"
    assert out.index("call 1 1 6 1 2 3") < out.index("Blood in your urine")
    assert out.index("call 9 9 9") < out.index("Blood in your urine")


def test_a_broken_config_file_warns_and_the_summary_still_comes(
    tmp_path: Path, no_service_config: Path
) -> None:
    folder = no_service_config / "screener"
    folder.mkdir()
    (folder / "resources.yaml").write_text("service: Northside\ncontacts: []\n")
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD)
    result = invoke("run", "--answers", str(answers), env={"LANG": "en_GB.UTF-8"})
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("screener: warning: the service contacts file is not usable")
    assert "contacts: needs at least one entry" in result.stderr
    assert "Who you can contact (United Kingdom)" in result.stdout
    listed = invoke("resources", env={"LANG": "en_GB.UTF-8"})
    assert listed.exit_code == 0 and "Samaritans" in listed.stdout


def test_a_broken_file_named_with_resources_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "resources.yaml"
    path.write_text("service: Northside\ncontacts: []\n")
    result = invoke("resources", "--resources", str(path), env={"LANG": "en_GB.UTF-8"})
    assert result.exit_code == 1
    assert "contacts: needs at least one entry" in result.stderr


def test_a_spanish_demo_shows_spanish_contacts() -> None:
    for region in ("uk", "es"):
        args = ("demo", "chris", "--pace", "0", "--region", region)
        out = flat(invoke(*args, env={"LANG": "es_ES.UTF-8"}, input="q\n").stdout)
        assert "24 horas, todos los días" in out, region
        assert "24 hours, every day" not in out, region
    assert "llama al 024" in out


def test_a_demo_shows_the_services_own_contacts(no_service_config: Path) -> None:
    folder = no_service_config / "screener"
    folder.mkdir()
    (folder / "resources.yaml").write_bytes((DATA / "service.yaml").read_bytes())
    out = invoke("demo", "chris", "--pace", "0", env={"LANG": "en_GB.UTF-8"}, input="q\n").stdout
    assert "Northside out-of-hours line" in out


def test_explain_and_demo_take_a_language() -> None:
    explained = invoke("explain", "--lang", "es", env={"LANG": "en_GB.UTF-8"})
    assert explained.exit_code == 0, explained.output
    assert "Últimamente" in explained.stdout
    listed = invoke("demo", "--lang", "es", env={"LANG": "en_GB.UTF-8"})
    assert listed.exit_code == 0, listed.output


def test_when_the_region_cannot_be_told_it_asks_once_before_the_questions() -> None:
    out = flat(invoke("run", env={"LANG": "C"}, input="8\nq\n").output)
    assert out.index("Where are you?") < out.index("Contacts for: Mexico.")
    assert "1. United Kingdom" in out and "9. Somewhere else" in out
    assert out.count("Where are you?") == 1
    assert "Please type one of the numbers" not in out
    # Nothing is asked before the person knows what this is and how to leave at once,
    # and the welcome is not shown twice.
    assert out.index("It is not a diagnosis") < out.index("Where are you?")
    assert out.index("press Esc") < out.index("Where are you?")
    assert out.count("It is not a diagnosis") == 1
    assert out.endswith("If you want to talk to someone: Línea de la Vida (8 0 0 9 1 1 2 0 0 0).")


def test_a_wrong_number_asks_again_and_enter_means_somewhere_else() -> None:
    out = flat(invoke("run", env={"LANG": "de_DE.UTF-8"}, input="42\n\nq\n").output)
    assert "Please type one of the numbers, or press Enter." in out
    assert "Contacts for: Anywhere else." in out
    assert out.endswith("If you want to talk to someone: Find A Helpline (findahelpline.com).")


@pytest.mark.parametrize(
    ("lang", "typed", "line", "told_to_start_again"),
    [
        ("de_DE.UTF-8", "\n", "Contacts for: Anywhere else.", "Somewhere else? Start again"),
        ("de_DE.UTF-8", "9\n", "Contacts for: Anywhere else.", "Somewhere else? Start again"),
        ("de_DE.UTF-8", "8\n", "Contacts for: Mexico.", "Somewhere else? Start again"),
        ("es", "\n", "Contactos para: En cualquier otro lugar.", "¿Estás en otro lugar?"),
    ],
)
def test_after_choosing_where_they_are_the_intro_only_names_it(
    lang: str, typed: str, line: str, told_to_start_again: str
) -> None:
    """Issue 21: "Contacts for: Anywhere else. Somewhere else? Start again with --region"
    right after the person chose "Somewhere else" asked again what they had just answered."""
    args = ["run", "--lang", "es"] if lang == "es" else ["run"]
    env = {"LANG": "C" if lang == "es" else lang}
    out = flat(invoke(*args, env=env, input=typed + "q\n").output)
    assert line in out
    assert told_to_start_again not in out
    # Without a question, the line still says how to change the region.
    told = flat(invoke("run", "--region", "other", env={"LANG": "C"}, input="q\n").output)
    assert "Contacts for: Anywhere else. Somewhere else? Start again with --region" in told


def test_region_or_a_known_locale_never_asks(tmp_path: Path) -> None:
    assert "Where are you?" not in invoke("run", "--region", "ie", env={}, input="q\n").output
    assert "Where are you?" not in invoke("run", env={"LANG": "es_MX"}, input="q\n").output
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD)
    replayed = invoke("run", "--answers", str(answers), env={"LANG": "C"})
    assert replayed.exit_code == 0 and "Where are you?" not in replayed.output


def test_spain_and_mexico_run_in_spanish_when_the_locale_names_no_language() -> None:
    for region in ("es", "mx"):
        out = flat(invoke("run", "--region", region, env={"LANG": "C"}, input="q\n").output)
        assert "Autoevaluación" in out or "autoevaluación" in out, region
    english = flat(invoke("run", "--region", "mx", env={"LANG": "en_GB.UTF-8"}, input="q\n").output)
    assert "Contacts for: Mexico." in english


@pytest.mark.parametrize(
    "language", [code for code in bundled.bank_languages("ketamine") if code != "en"]
)
def test_resources_have_no_english_labels_in_another_language(language: str) -> None:
    """'phone:', 'hours:', '[emergency]' and 'checked' were English in a Spanish list."""
    english, own = load_strings("en").resources, load_strings(language).resources
    result = invoke("resources", "--region", "uk", "--lang", language, env={"LANG": "C"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(own.heading.format(region="", id="").split(":")[0] + ":")
    for english_label, label in (
        (english.phone, own.phone),
        (english.text, own.text),
        (english.hours, own.hours),
    ):
        assert f"\n  {label}: " in out and (
            label == english_label or f"  {english_label}: " not in out
        )
    for kind in ("crisis", "emergency", "health"):
        assert f"[{own.kinds.of(kind)}]" in out
        assert (
            own.kinds.of(kind) == english.kinds.of(kind) or f"[{english.kinds.of(kind)}]" not in out
        )
    assert own.checked.split("{")[0] in out and english.checked.split("{")[0] not in out


def translated_contacts() -> list[tuple[str, str, int]]:
    """(language, region id, contact index) for every contact the bundled file translates."""
    book = load_contacts(bundled.contacts_file())
    return [
        (language, region.id, number)
        for region in book.regions
        for number, contact in enumerate(region.contacts)
        for language in contact.translations
    ]


@pytest.mark.parametrize(("language", "region", "number"), translated_contacts())
def test_a_translated_contact_says_in_that_language_where_it_was_checked(
    language: str, region: str, number: int
) -> None:
    """Issue 21: the source notes were English in a Spanish list of contacts."""
    book = load_contacts(bundled.contacts_file())
    contact = next(r for r in book.regions if r.id == region).contacts[number]
    translated = contact.translations[language]
    if all("://" in word or word == ";" for word in contact.source.split()):
        assert translated.source is None  # addresses alone: nothing to translate
        return
    assert translated.source is not None, contact.name
    assert translated.source != contact.source
    english_addresses = [word for word in contact.source.split() if "://" in word]
    assert [word for word in english_addresses if word not in translated.source] == []
    result = invoke("resources", "--region", region, "--lang", language, env={"LANG": "C"})
    assert result.exit_code == 0, result.output
    assert flat(translated.source) in flat(result.stdout)


@pytest.mark.parametrize("width", [28, 40, 80])
@pytest.mark.parametrize("region", ["uk", "us", "au", "es", "other"])
def test_resources_on_a_terminal_wrap_at_spaces_never_inside_a_word(
    region: str, width: int
) -> None:
    """At 28 columns the terminal cut 'United Kingdo / m (uk)' and 'someone els / e'."""
    from screener.commands.resources import describe_resources

    terminal = Terminal(io.StringIO(), io.StringIO(), io.StringIO(), environ={"LANG": "C"})
    whole = describe_resources(region, terminal)
    wrapped = describe_resources(region, terminal, width=width)
    assert wrapped.split() == whole.split()
    too_long = [line for line in wrapped.splitlines() if len(line) > width]
    assert all(len(line.split()) == 1 for line in too_long), too_long  # one long address
    for number in ("116 123", "13 11 14", "0477 13 11 14", "717 003 717"):
        assert (number in whole) == (number in wrapped)


def test_the_crisis_screen_does_not_ask_again_where_the_person_is() -> None:
    """After "Somewhere else" at the region question, the crisis screen's line under the
    contacts said "Somewhere else? Start again with --region" too."""
    from screener.files.bank import load_bank

    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    unconditional = sum(item.ask_if is None for item in load_bank(path).bank.items)
    keys = "\n" + "\n" + "n\n" * (unconditional - 1) + "y\n" + "n\n"  # elsewhere, begin, ..., stop
    out = flat(invoke("run", env={"LANG": "C"}, input=keys).output)
    assert "Help is there for you right now" in out
    assert "Contacts for: Anywhere else." in out
    assert "Somewhere else? Start again" not in out
