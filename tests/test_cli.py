"""The command line, as a person or a script uses it: exit codes and whole outputs."""

from __future__ import annotations

import datetime
import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from screener import __version__
from screener.cli import app
from screener.cli_conventions import with_default_command
from screener.files.contacts import load_service
from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook
from tests.helpers import ALL_NO, DATA, GOOD, QUESTIONS, unbroken

runner = CliRunner()
UK = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, env=env or UK)


def flat(text: str) -> str:
    """Text with its wrapping undone, to look for a sentence wherever lines broke."""
    return " ".join(text.split())


def answers_file(tmp_path: Path, text: str = GOOD) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return path


# --- interactive ------------------------------------------------------------------------


def test_a_whole_screening_through_the_keyboard() -> None:
    result = invoke("run", input=ALL_NO)
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"Question 1 of {QUESTIONS}." in out and f"Question {QUESTIONS} of {QUESTIONS}." in out
    order = [
        "What your answers show",
        "touched 0 of the 10 areas",
        "No pattern of concern showed",
        "What you could do next",
        "Who you can contact (United Kingdom)",
        "FRANK",
        "This is a self-check, not a diagnosis.",
        "Your answers were not saved or sent anywhere.",
    ]
    short = ["In short", "touched 0 of the 10 areas", "FRANK", "The full text, in 4 parts"]
    assert [out.index(text) for text in short] == sorted(out.index(text) for text in short)
    out = out[out.index("Part 1 of 4") :]
    positions = [out.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Please read this first" not in out
    flat = " ".join(out.split())
    assert "does not make ketamine use safe." in flat
    assert "safe." not in flat.replace("does not make ketamine use safe.", "")


def test_back_and_help_while_answering() -> None:
    # n answers the scales too: never; not worried.
    keys = "\n" + "y\n" + "?\n" + "b\n" + "\n" + "n\n" + "n\n" * 11 + "n\n" * 10
    result = invoke("run", input=keys)
    assert result.exit_code == 0, result.output
    assert "About this question: Answer yes only if all your ketamine use" in flat(result.output)
    assert "Earlier you said: yes. Press Enter to keep it." in flat(result.output)


def test_quit_saves_nothing_and_exits_130(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = invoke("run", "--output", str(target), input="\ny\nq\n")
    assert result.exit_code == 130
    last = flat(result.output.split("Your answer:")[-1])
    assert last == (
        "You stopped the check. Nothing was saved. This check is not a diagnosis. "
        "If you want to talk to someone: Samaritans (1 1 6 1 2 3)."
    )
    assert not target.exists()


def test_end_of_input_is_like_ctrl_d(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = invoke("run", "--output", str(target), input="\ny\n")
    assert result.exit_code == 130
    assert flat(result.output.split("Your answer:")[-1]) == (
        "Stopped. Nothing was saved. This check is not a diagnosis. "
        "If you want to talk to someone: Samaritans (1 1 6 1 2 3)."
    )
    assert "Traceback" not in result.output
    assert not target.exists()


def test_crisis_help_at_once_then_carry_on() -> None:
    keys = "\n" + "n\n" + "n\n" * 6 + "y\n" + "y\n"
    result = invoke("run", input=keys)
    assert result.exit_code == 0, result.output
    out = result.output
    crisis = out.index("Help is there for you right now")
    assert crisis < out.index("Samaritans") < out.index("Would you like to carry on")
    summary = out.index("In short")
    assert crisis < summary
    assert out.index("Samaritans", summary) < out.index("The full text")
    # The crisis block just heard is referred to, not said again (issue 23).
    assert out.count("You deserve support") == 1
    assert out.index("The full text") < out.index("You saw this help a moment ago")


def test_crisis_help_then_stop() -> None:
    result = invoke("run", input="\n" + "n\n" + "n\n" * 6 + "y\n" + "n\n")
    assert result.exit_code == 130
    assert "You chose to stop here" in result.output
    assert "What your answers show" not in result.output


def test_no_use_in_the_past_year_explains_the_skip() -> None:
    result = invoke("run", input="\n" + "n\n" + "n\n" * 7)
    assert result.exit_code == 0, result.output
    assert "Question 2 of 8." in result.output
    assert "questions about using ketamine in the past 12 months don't apply" in result.output
    assert "support exists for staying stopped" in " ".join(result.output.split())
    assert "Staying stopped" in result.output
    assert "Ways to reduce harm" not in result.output


def test_interactive_json_keeps_stdout_for_the_record() -> None:
    result = runner.invoke(app, ["run", "--format", "json"], input=ALL_NO, env=UK)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["band"]["id"] == "none"
    assert f"Question 1 of {QUESTIONS}." in result.stderr


def test_interactive_with_output_file(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    result = invoke("run", "--format", "markdown", "--output", str(target), input=ALL_NO)
    assert result.exit_code == 0, result.output
    assert unbroken(f"Your answers were saved to {target}.") in unbroken(result.output)
    assert "only by you" not in result.output  # untrue on Windows, USB sticks and shares
    assert target.read_text().startswith("# Ketamine use: a private self-check")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_bad_output_path_fails_before_any_question(tmp_path: Path) -> None:
    result = invoke("run", "--output", str(tmp_path / "no" / "r.json"), input=ALL_NO)
    assert result.exit_code == 1
    assert "Question" not in result.output
    assert result.stderr.startswith("Error: ") and "no folder" in result.stderr


# --- replays and formats ----------------------------------------------------------------


def test_replay_as_json_has_the_documented_keys(tmp_path: Path) -> None:
    result = invoke("run", "--answers", str(answers_file(tmp_path)), "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    for key in (
        "bank",
        "answers",
        "criteria_met",
        "criteria_applicable",
        "unsure",
        "band",
        "clusters",
        "flags",
        "resources",
        "disclaimer",
        "screener_version",
    ):
        assert key in record
    assert set(record["bank"]) >= {"id", "version", "sha256"}
    assert record["band"]["id"] == "none" and record["screener_version"] == __version__
    assert record["resources"]["region"] == "uk"
    assert (record["mode"], record["client"], record["notes"]) == ("self", None, {})
    assert record["resources"]["service"] is None


def test_a_record_says_when_it_was_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    from screener.rules import result as record

    moment = datetime.datetime(2026, 11, 21, 10, 15, 7, 999, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(record, "now", lambda: moment)
    result = invoke("run", "--answers", str(answers_file(tmp_path)), "--format", "json")
    assert json.loads(result.stdout)["recorded_at"] == "2026-11-21T10:15:07+00:00"


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_every_format_replays(tmp_path: Path, output_format: str, ketamine: LoadedBank) -> None:
    text = GOOD.replace("craving: no", "craving: yes").replace("duties: no", "duties: yes")
    result = invoke("run", "--answers", str(answers_file(tmp_path, text)), "-f", output_format)
    assert result.exit_code == 0, result.output
    if output_format == "json":
        record = json.loads(result.stdout)
        assert (record["criteria_met"], record["band"]["id"]) == (2, "mild")
        return
    mild = next(band for band in ketamine.bank.scoring.bands if band.id == "mild")
    shown = flat(result.stdout)
    assert "Your answers touched 2 of the 10 areas" in shown
    assert flat(mild.message) in shown


def test_output_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("keep")
    args = ["run", "--answers", str(answers_file(tmp_path)), "-f", "json", "-o", str(target)]
    refused = invoke(*args)
    assert refused.exit_code == 1 and target.read_text() == "keep"
    assert refused.stderr == f"Error: {target}: already exists; add --force to replace it\n"
    replaced = invoke(*args, "--force")
    assert replaced.exit_code == 0
    assert json.loads(target.read_text())["bank"]["id"] == "ketamine"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert replaced.stdout == ""


def test_bad_answers_are_one_line_and_exit_1(tmp_path: Path) -> None:
    path = answers_file(tmp_path, GOOD.replace("craving: no", "craving: maybe"))
    result = invoke("run", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:9:3: answers.craving: 'maybe' is not an answer; use yes, no or unsure\n"
    )
    assert result.stdout == ""


def test_a_broken_bank_is_one_line_and_exit_1() -> None:
    path = DATA / "broken" / "band_gap.yaml"
    result = invoke("run", "--bank", str(path), input=ALL_NO)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no band covers a count of 1" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["run", "--region", "mars"],
            "unknown region 'mars'; choose one of: uk, us, ca, au, ie, nz, es, mx, other",
        ),
        (["run", "--lang", "fr"], "the 'ketamine' bank has no 'fr' version; available: en, es"),
        (["run", "--bank", "alcohol"], "no bundled bank 'alcohol'; bundled banks: ketamine"),
        (["run", "--format", "pdf"], "'pdf' is not a format; choose text, markdown, json or fhir"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"{message}\n")


# --- the other commands -----------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, f"screener {__version__}")


def test_banks() -> None:
    result = invoke("banks")
    assert result.stdout == (
        f"ketamine  2.3.1  en  {QUESTIONS} items  Ketamine use: a private self-check\n"
        f"ketamine  2.3.1  es  {QUESTIONS} items  Consumo de ketamina: una autoevaluación privada\n"
    )


def test_validate_reports_every_file(tmp_path: Path) -> None:
    good, bad = DATA / "minimal.yaml", DATA / "broken" / "duplicate_key.yaml"
    result = invoke("validate", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok, bank mini 1.0.0 (en), 4 items",
        f"{bad}:38:5: duplicate key 'text' (first at line 37)",
    ]


def test_resources_for_a_region(contacts: ContactBook) -> None:
    result = invoke("resources", "--region", "nz")
    assert result.exit_code == 0
    assert result.stdout.startswith("Help contacts: New Zealand (nz)")
    # The dates come from contacts.yaml, whenever it was last re-checked.
    nz = next(region for region in contacts.regions if region.id == "nz")
    checked = [line.strip() for line in result.stdout.splitlines() if "checked" in line]
    assert sorted(checked) == sorted(
        f"checked {contact.checked.isoformat()}: {contact.source}" for contact in nz.contacts
    )


def real_commands() -> list[str]:
    """The app's own command list, not a copy that could fall behind it."""
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["", *real_commands()])
def test_every_command_has_help_in_words(command: str) -> None:
    """Metavars say what to type: no <str>, <path>, {files}..., [x>=0], --no-force, and no
    description cut off with '...' in the list of commands."""
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert len(result.stdout.strip().splitlines()) > 3
    for placeholder in ("<", "{", "--no-", "x>=", "[default:"):
        assert placeholder not in result.stdout, placeholder
    listed = result.stdout.partition("Commands:")[2].splitlines()
    assert [line for line in listed if line.endswith("...")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["intak"], "No such command 'intak'. Did you mean 'intake'?"),
        (["explian"], "Did you mean 'explain'?"),
        (["run", "--format", "xml"], "'xml' is not a format; choose text, markdown, json or fhir"),
        (["demo", "--pace", "-1"], "'-1' is not a number of seconds"),
    ],
)
def test_a_mistake_on_the_command_line_is_named_in_words(args: list[str], message: str) -> None:
    result = runner.invoke(app, with_default_command(args))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Value error" not in result.stderr and "unexpected extra" not in result.stderr


@pytest.mark.parametrize("command", real_commands())
def test_only_the_self_check_says_it_asks_for_the_region(command: str) -> None:
    """Only `run` asks where the person is; the others fall back to 'other', and said 'asked'."""
    shown = " ".join(runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout.split())
    if "--region" not in shown:
        return
    assert ("else asked" in shown) == (command == "run")
    assert ("else other (contacts that work anywhere)" in shown) == (command != "run")


def test_resources_without_a_region_is_for_anywhere_as_its_help_says() -> None:
    result = runner.invoke(app, ["resources"], env={"LANG": "C", "LC_ALL": "", "COLUMNS": "80"})
    assert result.stdout.startswith("Help contacts: Anywhere else (other)")


def test_help_is_a_word_too() -> None:
    assert with_default_command(["help"]) == ["--help"]
    assert with_default_command(["help", "intake"]) == ["intake", "--help"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["run"]),
        (["--plain"], ["run", "--plain"]),
        (["--answers", "a.yaml"], ["run", "--answers", "a.yaml"]),
        (["banks"], ["banks"]),
        (["--help"], ["--help"]),
        (["--version"], ["--version"]),
        (["intak"], ["intak"]),
    ],
)
def test_no_command_means_run(args: list[str], expected: list[str]) -> None:
    assert with_default_command(args) == expected


def test_every_item_id_is_in_the_good_answers_file(ketamine: LoadedBank) -> None:
    answers = yaml.safe_load(GOOD)["answers"]
    assert list(answers) == [item.id for item in ketamine.bank.items]


@pytest.mark.parametrize("key", ["x", "X", "\x1b", "y\x1b"])
def test_quick_exit_leaves_at_once_with_nothing_written(tmp_path: Path, key: str) -> None:
    target = tmp_path / "r.json"
    result = invoke("run", "--output", str(target), input=f"\ny\n{key}\n")
    assert result.exit_code == 130
    assert f"Question 2 of {QUESTIONS}." in result.output
    assert "Stopped" not in result.output and "Question 3" not in result.output
    assert not target.exists()


def test_the_intro_says_how_to_leave_at_once() -> None:
    result = invoke("run", input="q\n")
    assert "To leave at once and clear the screen, press Esc or x." in flat(result.output)


# --- a service's own contacts -------------------------------------------------------------


def test_resources_lists_the_services_contacts_first() -> None:
    service = DATA / "service.yaml"
    result = invoke("resources", "--region", "uk", "--resources", str(service))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Help contacts: United Kingdom (uk)",
        "Northside Drug and Alcohol Service: its own contacts (2) come first among their kind "
        f"(from {service}).",
        "",
        "Northside out-of-hours line [crisis]",
    ]
    names = [line for line in lines[3:] if line and not line.startswith(" ")]
    assert names == [
        "Northside out-of-hours line [crisis]",
        "Samaritans [crisis]",
        "NHS 111, mental health option (England) [crisis]",
        "Lifeline (Northern Ireland) [crisis]",
        "Shout [crisis]",
        "Emergency services [emergency]",
        "NHS 111 [health]",
        "Northside duty worker [drugs]",
        "FRANK [drugs]",
    ]


def test_the_config_file_is_used_by_resources_and_run(
    tmp_path: Path, no_service_config: Path
) -> None:
    folder = no_service_config / "screener"
    folder.mkdir()
    (folder / "resources.yaml").write_bytes((DATA / "service.yaml").read_bytes())
    listed = invoke("resources", "--region", "uk")
    assert listed.stdout.splitlines()[3] == "Northside out-of-hours line [crisis]"
    summary = invoke("run", "--answers", str(answers_file(tmp_path)))
    out = flat(summary.stdout)
    contacts = out.index("Who you can contact (United Kingdom)")
    assert (
        contacts
        < out.index("Northside duty worker: call 0 2 0 7 9 4 6 0 0 0 0")
        < out.index("FRANK:")
    )


def test_a_record_names_the_service_and_lists_its_contacts_first(tmp_path: Path) -> None:
    result = invoke(
        "run", "--answers", str(answers_file(tmp_path)), "-f", "json",
        "--resources", str(DATA / "service.yaml"),
    )  # fmt: skip
    resources = json.loads(result.stdout)["resources"]
    assert resources["service"]["service"] == "Northside Drug and Alcohol Service"
    assert [contact["name"] for contact in resources["contacts"][:3]] == [
        "Northside out-of-hours line",
        "Samaritans",
        "NHS 111, mental health option (England)",
    ]


def test_quitting_points_to_the_services_own_contact() -> None:
    result = invoke("run", "--resources", str(DATA / "service.yaml"), input="\nq\n")
    assert result.exit_code == 130
    assert flat(result.output.split("Your answer:")[-1]) == (
        "You stopped the check. Nothing was saved. This check is not a diagnosis. "
        "If you want to talk to someone: Northside out-of-hours line (0 2 0 7 9 4 6 0 9 9 9)."
    )


def test_a_broken_service_file_stops_before_any_question(tmp_path: Path) -> None:
    path = tmp_path / "resources.yaml"
    path.write_text("service: Northside\ncontacts: []\n")
    result = invoke("run", "--resources", str(path), input=ALL_NO)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:2:1: contacts: needs at least one entry\n"
    assert "Question" not in result.stdout


def test_validate_checks_a_service_file(validate_on: Callable[[datetime.date], None]) -> None:
    # On the day its contacts were last checked (from the file, not the clock): no stale warning.
    path = DATA / "service.yaml"
    validate_on(max(contact.checked for contact in load_service(path).contacts))
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:17:5: warning: contacts[1].hours: 'Northside out-of-hours "
        "line' is a crisis contact but does not say it is open 24 hours; someone in danger at "
        "night needs one that is",
        f"{path}: ok, 2 contacts of Northside Drug and Alcohol Service, listed first of their kind",
    ]


def test_version_is_answered_before_the_cli_loads(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`screener --version` never imports the CLI module (its start-up budget is tight)."""
    import sys

    from screener import launch

    monkeypatch.setattr(sys, "argv", ["screener", "--version"])
    monkeypatch.setitem(sys.modules, "screener.cli", None)  # importing it would now fail
    launch.main()
    assert capsys.readouterr().out.startswith(f"screener {__version__}\n")


# --- shell completion (Typer's own) -------------------------------------------------------


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
def test_completion_options_stay_top_level(option: str) -> None:
    assert with_default_command([option]) == [option]


def test_completion_script_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shell is named, not detected: Typer otherwise asks shellingham for the shell among
    # pytest's parents, and there may be none (a background job) or only sh, which it refuses.
    # Set before invoke: Typer builds --show-completion (flag or value) when it builds the app.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="screener")
    assert result.exit_code == 0, result.output
    assert "_screener_completion" in result.stdout


@pytest.mark.parametrize(
    ("words", "expected"),
    [("screener ru", "run"), ("screener run --for", "--format"), ("screener ex", "explain")],
)
def test_the_shell_completes_commands_and_options(words: str, expected: str) -> None:
    environment = {
        "_SCREENER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = CliRunner().invoke(app, [], env=environment, prog_name="screener")
    assert expected in result.stdout.split()


@pytest.mark.parametrize("command", ["run", "intake"])
def test_a_record_from_another_bank_version_needs_rescore(tmp_path: Path, command: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    made = invoke(command, "--answers", str(answers), "--format", "json")
    assert made.exit_code == 0, made.output
    record = json.loads(made.stdout)
    today = record["bank"]["version"]
    record["bank"]["version"] = "0.9.0"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(record), encoding="utf-8")
    refused = invoke(command, "--answers", str(old), "--format", "json")
    assert refused.exit_code != 0
    assert "made with bank ketamine 0.9.0" in refused.output
    assert "--rescore" in refused.output
    rescored = invoke(command, "--answers", str(old), "--format", "json", "--rescore")
    assert rescored.exit_code == 0, rescored.output
    assert json.loads(rescored.stdout)["bank"]["version"] == today
