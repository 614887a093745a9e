"""screener intake: a counsellor and a client, notes, the review screen, the record."""

from __future__ import annotations

import datetime
import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.rules import result as record
from tests.helpers import ALL_NO, DATA, INTAKE_ANSWERS, QUESTIONS, unbroken

runner = CliRunner()
UK = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
MOMENT = datetime.datetime(
    2026, 11, 21, 10, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
)
Golden = Callable[[str, str], None]

# In an intake, + is for a note and n is no, as everywhere. Enter begins, Enter at the review
# finishes. Gate yes, not only prescribed; how often: 3, monthly; criterion 1 yes with a note;
# the rest no, but how the client feels: 4, rather not say.
WITH_NOTE = (
    "\n"
    + "y\n"
    + "2\n"
    + "3\n"
    + "+\nmostly weekends, since March\n"
    + "1\n"
    + "2\n" * 9
    + "2\n" * 8
    + "4\n"
    + "2\n"
)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record, "now", lambda: MOMENT)


def invoke(*args: str, input: str | None = None) -> Result:
    """An intake; the counsellor's initials given unless a test gives its own."""
    given = [] if "--counsellor" in args else ["--counsellor", "JS"]
    return runner.invoke(app, ["intake", *given, *args], input=input, env=UK)


def flat(text: str) -> str:
    return " ".join(text.split())


def between(text: str, start: str, end: str) -> str:
    """The part of a transcript from `start` up to (not including) the next `end`."""
    first = text.index(start)
    return text[first : text.index(end, first)]


REVIEW_ALL_BUT_ONE_NO = """\
Review before the result

Every answer, with its criterion and note. Type a question's number to change
its answer or note, c to change the client reference, i to change your initials,
or press Enter to see the result. q stops without saving (you are asked first).

Client reference: K-0142
Counsellor: JS

 1  yes                 Used in the past 12 months (gate)
 2  no                  All use as prescribed (gate)
 3  Monthly             Frequency of use, past 3 months (health)
 4  yes                 More or longer than intended (criterion 1, impaired
                        control)
                        Note: mostly weekends, since March
 5  no                  Unable to cut down (criterion 2, impaired control)
 6  no                  Much time spent on use (criterion 3, impaired control)
 7  no                  Craving (criterion 4, impaired control)
 8  no                  Failed major duties (criterion 5, social impairment)
 9  no                  Use despite social problems (criterion 6, social
                        impairment)
10  no                  Gave up activities (criterion 7, social impairment)
11  no                  Use in hazardous situations (criterion 8, risky use)
12  no                  Use despite health problems (criterion 9, risky use)
13  no                  Tolerance (criterion 10, pharmacological)
14  no                  Bladder or kidney symptoms (health)
15  no                  Blood in urine (health)
16  no                  Cramping abdominal pain (health)
17  no                  Use with alcohol or sedatives (health)
18  no                  Injecting ketamine (health)
19  no                  Low mood, two weeks or more (health)
20  no                  Memory or concentration problems (health)
21  no                  Dissociation or psychosis for days (health)
22  I'd rather not say  Readiness to change (own view) (health)
23  no                  Thoughts of suicide or self-harm (health)

"""


def test_a_whole_intake_with_a_note() -> None:
    result = invoke(input="K-0142\n" + WITH_NOTE + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "It never needs to be a name." in flat(out)
    assert f"Question 4 of {QUESTIONS}, criterion 1 of 10: impaired control." in out
    assert f"Question 14 of {QUESTIONS}, health question: not counted, may raise a flag." in out
    assert "Note kept. Now the answer." in out
    assert between(out, "Review before", "Number to change") == REVIEW_ALL_BUT_ONE_NO
    summary = out[out.index("Screening result (professional view)") :]
    assert summary.startswith(
        "Screening result (professional view)\n\n"
        "Criteria met: 1 of 10 (10 applicable), over the past 12 months.\n\n"
        "Severity band: none (0-1 criteria).\n\n"
        "This is a self-check, not a diagnosis."
    )
    assert "- 1. More or longer than intended (impaired control): yes\n" in summary
    assert summary.index("Flags") < summary.index("No flags raised.")
    assert summary.index("Contacts for the client (United Kingdom)") < summary.index("FRANK")
    assert summary.endswith(
        "About this check\n\nThe record has not been saved yet.\n"
        "\nSave the record? Type y to save it as K-0142-2026-11-21.md, or another file name\n"
        "(Enter to skip): Not saved.\n"
    )


def test_the_self_check_wording_is_not_touched_by_the_intake() -> None:
    self_check = runner.invoke(app, ["run"], input=ALL_NO, env=UK).output
    for counsellor_only in ("criterion 1 of 10", "+ to add a note", "Review before", "Note"):
        assert counsellor_only not in self_check
    assert "Type 1 for yes, 2 for no, 3 for not sure. You can also type" in self_check


def test_a_change_from_the_review_screen_with_its_note() -> None:
    # At the review: 8 (duties), add a note, answer yes; then 4, remove its note, keep the
    # answer with Enter; then finish.
    changes = "8\n" + "+\nlost two shifts\n" + "y\n" + "4\n" + "+\n\n" + "\n" + "\n"
    result = runner.invoke(
        app,
        ["intake", "--client", "K-0142", "--counsellor", "JS", "--format", "json"],
        input=WITH_NOTE + changes,
        env=UK,
    )
    assert result.exit_code == 0, result.output
    talk = result.stderr
    reviews = talk.split("Review before the result")
    assert len(reviews) == 4  # after the walk, after each change, once more to finish
    second = reviews[1][reviews[1].index("Number to change") :]
    assert second.startswith(
        "Number to change, c for the client, i for initials, or Enter for the result: \n"
        f"Question 8 of {QUESTIONS}, criterion 5 of 10: social impairment.\n"
    )
    assert "Earlier you said: no. Press Enter to keep it." in second
    assert (
        " 8  yes                 Failed major duties (criterion 5, social impairment)\n"
        in (reviews[2])
    )
    assert "                        Note: lost two shifts\n" in reviews[2]
    assert "Note: mostly weekends" in reviews[2] and "Note: mostly weekends" not in reviews[3]
    assert "No note. Now the answer." in reviews[2]

    written = json.loads(result.stdout)
    assert written["answers"]["duties"] == "yes" and written["answers"]["more_than_meant"] == "yes"
    assert written["notes"] == {"duties": "lost two shifts"}
    assert (written["criteria_met"], written["band"]["id"]) == (2, "mild")
    assert (written["mode"], written["client"]) == ("intake", "K-0142")
    assert written["recorded_at"] == "2026-11-21T10:15:00+01:00"


def test_a_gate_changed_at_the_review_asks_what_it_opens() -> None:
    no_use = "\n" + "2\n" + "2\n" * 7
    then = "1\n" + "y\n" + "2\n" + "3\n" + "2\n" * 10 + "2\n" * 2 + "4\n" + "\n"
    result = invoke("--client", "K-9", "-f", "json", input=no_use + then)
    assert result.exit_code == 0, result.output
    first, second = result.stderr.split("Review before the result")[1:3]
    rows, asked = first.split("Number to change")
    assert (
        "\n8  no        Thoughts of suicide or self-harm (health)\n" in rows and "\n9  " not in rows
    )
    assert "Question 1 of 8, gate question" in asked
    assert f"Question 2 of {QUESTIONS}, gate question" in asked
    assert f"Question 17 of {QUESTIONS}, health question" in asked  # mixing, only asked after use
    assert f"Question 14 of {QUESTIONS}" not in asked  # bladder was answered already
    assert "\n23  no                  Thoughts of suicide or self-harm (health)\n" in second
    assert len(json.loads(result.stdout)["answers"]) == QUESTIONS


def test_the_client_reference_can_be_left_out() -> None:
    result = invoke("-f", "json", input="\n" + WITH_NOTE + "\n")
    assert result.exit_code == 0, result.output
    assert "Client reference: not given" in result.stderr
    assert json.loads(result.stdout)["client"] is None


def test_a_long_client_reference_is_asked_again() -> None:
    result = invoke("-f", "json", input="x" * 41 + "\n" + " K-7 \n" + WITH_NOTE + "\n")
    assert result.exit_code == 0, result.output
    assert (
        "A client reference is one line of at most 40 characters, such as K-0142." in result.stderr
    )
    assert json.loads(result.stdout)["client"] == "K-7"


def test_a_long_note_says_how_much_to_cut_and_escape_codes_are_dropped() -> None:
    keys = "\n" + "y\n" + "+\n" + "x" * 201 + "\n" + "went up\x1b[A a lot\n" + "2\n"
    keys += "3\n" + "2\n" * 18 + "4\n" + "2\n" + "\n"  # how often: monthly; feel: rather not say
    result = invoke("--client", "K-1", "-f", "json", input=keys)
    assert result.exit_code == 0, result.output
    assert "A note holds at most 200 characters; that one has 201, 1 too many." in result.stderr
    assert json.loads(result.stdout)["notes"] == {"prescribed_only": "went up[A a lot"}


@pytest.mark.parametrize(
    ("value", "ok"), [("K-0142", True), ("x" * 40, True), ("x" * 41, False), ("a\x1bb", False)]
)
def test_the_client_option_is_a_short_code(value: str, ok: bool) -> None:
    result = invoke("--client", value, "-f", "json", input=WITH_NOTE + "\n")
    if ok:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["client"] == value
    else:
        assert result.exit_code == 2
        assert result.stderr == (
            "Error: --client: a client reference is one line of at most 40 characters, "
            "such as K-0142\n"
        )


def test_quitting_at_the_review_asks_first_then_saves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    result = invoke("--client", "K-1", "-o", str(target), input=WITH_NOTE + "q\nyes\n")
    assert result.exit_code == 130
    assert flat(result.output).endswith(
        "Discard this interview? Type yes to discard it, or Enter to carry on: "
        "The interview was discarded. Nothing was saved."
    )  # said to the counsellor: no "if you want to talk to someone" for the client
    assert not target.exists()


@pytest.mark.parametrize("where", ["at the review", "at a question"])
def test_q_after_the_first_answer_asks_before_discarding(tmp_path: Path, where: str) -> None:
    """One q (a slip of the finger) must not discard 21 answers, notes and a review."""
    target = tmp_path / "record.json"
    first = "\n" + "y\n" + "2\n"
    keys = (
        first + "q\n\n" + "3\n" + "+\nslipped\n" + "1\n" + "2\n" * 17 + "4\n" + "2\n" + "\n"
        if where == "at a question"
        else WITH_NOTE + "q\n" + "no\n" + "\n"
    )
    result = invoke("--client", "K-1", "-o", str(target), input=keys)
    assert result.exit_code == 0, result.output
    assert "Discard this interview?" in result.output
    assert "Nothing discarded. Carry on." in result.output
    assert len(json.loads(target.read_text())["answers"]) == QUESTIONS


def test_q_before_any_answer_still_leaves_at_once() -> None:
    result = invoke("--client", "K-1", input="\nq\n")
    assert result.exit_code == 130
    assert "Discard this interview" not in result.output


def test_input_that_runs_out_in_a_note_files_the_intake_marked_incomplete(
    tmp_path: Path,
) -> None:
    """A script's input ended: nobody can be asked "Discard this interview?", and an intake
    given -o is filed rather than lost (docs/endings.md, end of input)."""
    target = tmp_path / "record.md"
    result = invoke("--client", "K-1", "-o", str(target), input="\ny\nn\n")
    assert result.exit_code == 130
    assert f"The record, marked incomplete, was saved to {target}." in flat(result.output)
    assert "Nothing was saved" not in result.output
    record = target.read_text(encoding="utf-8")
    assert "incomplete: the input ended (Ctrl-D), with the answers given so far" in record


def test_input_that_runs_out_without_output_saves_nothing(tmp_path: Path) -> None:
    result = invoke("--client", "K-1", input="\ny\nn\n")
    assert result.exit_code == 130
    assert "Stopped. Nothing was saved." in flat(result.output)


def test_crisis_help_comes_at_once_in_an_intake_too() -> None:
    keys = "\n" + "2\n" + "2\n" * 6 + "y\n" + "y\n" + "\n"
    result = invoke("--client", "K-1", input=keys)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("Help is there for you right now") < out.index("Review before the result")
    assert "- Crisis: Thoughts of suicide or self-harm" in out


# --- the record in each format --------------------------------------------------------------


@pytest.mark.parametrize(
    ("output_format", "start"),
    [
        ("markdown", "# Intake screening record: Ketamine use: a private self-check\n"),
        ("json", "{\n"),
        ("fhir", '{\n  "resourceType": "QuestionnaireResponse",\n'),
        ("text", "Intake screening record: Ketamine use: a private self-check\n"),
    ],
)
def test_each_format_to_a_private_file(tmp_path: Path, output_format: str, start: str) -> None:
    target = tmp_path / f"record.{output_format}"
    args = ["--client", "K-0142", "-f", output_format, "-o", str(target)]
    result = invoke(*args, input=WITH_NOTE + "\n")
    assert result.exit_code == 0, result.output
    assert unbroken(f"The record was saved to {target}.") in unbroken(result.output)
    assert "only by you" not in result.output  # untrue on Windows, USB sticks and shares
    text = target.read_text()
    assert text.startswith(start)
    assert "K-0142" in text and "mostly weekends, since March" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = invoke(*args, input=WITH_NOTE + "\n")
    assert again.exit_code == 1 and "Question" not in again.output
    assert again.stderr == f"Error: {target}: already exists; add --force to replace it\n"
    assert target.read_text() == text


@pytest.mark.parametrize("output_format", ["markdown", "json", "fhir"])
def test_each_format_to_stdout_with_the_talk_on_stderr(output_format: str) -> None:
    result = invoke("--client", "K-0142", "-f", output_format, input=WITH_NOTE + "\n")
    assert result.exit_code == 0, result.output
    assert f"Question 1 of {QUESTIONS}" in result.stderr and "Question 1 of" not in result.stdout
    assert "Screening result (professional view)" in result.stderr
    assert "mostly weekends, since March" in result.stdout


def test_never_through_a_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("untouched")
    link = tmp_path / "record.md"
    link.symlink_to(elsewhere)
    result = invoke("--client", "K-1", "-o", str(link), "--force", input=WITH_NOTE + "\n")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert elsewhere.read_text() == "untouched" and link.is_symlink()


# --- replaying an intake -----------------------------------------------------------------------


def answers_file(tmp_path: Path, text: str = INTAKE_ANSWERS) -> Path:
    path = tmp_path / "intake.yaml"
    path.write_text(text)
    return path


def test_the_markdown_record_golden(tmp_path: Path, golden: Golden) -> None:
    from screener.files import bundled

    bank = bundled.bank_file("ketamine", "en")
    assert bank is not None
    service = str(DATA / "service.yaml")
    result = invoke(
        "--answers", str(answers_file(tmp_path)), "-f", "markdown", "--region", "uk",
        "--resources", service,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    import hashlib

    sha = hashlib.sha256(bank.read_bytes()).hexdigest()
    golden("intake_record.md", result.stdout.replace(sha, "<sha256>"))


def test_a_replay_regenerates_the_record_and_a_json_record_replays_as_itself(
    tmp_path: Path,
) -> None:
    first = invoke("--answers", str(answers_file(tmp_path)), "-f", "json")
    assert first.exit_code == 0, first.output
    written = json.loads(first.stdout)
    assert written["client"] == "K-0142"
    assert written["notes"] == {
        "more_than_meant": "mostly weekends, since March",
        "bladder_symptoms": "GP appointment booked for next week",
    }
    assert written["recorded_at"] == "2026-11-21T10:15:00+01:00"
    saved = tmp_path / "record.json"
    saved.write_text(first.stdout)
    later = datetime.datetime(2027, 1, 5, 9, 0, tzinfo=datetime.timezone.utc)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(record, "now", lambda: later)
        again = invoke("--answers", str(saved), "-f", "json")
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout  # the original time is kept
    markdown = invoke("--answers", str(saved), "-f", "markdown", "--client", "K-9")
    assert "- **Client reference**: K-9\n" in markdown.stdout  # --client wins


def test_a_self_check_replay_refuses_intake_keys(tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    result = runner.invoke(app, ["run", "--answers", str(path)], env=UK)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:2:1: client: 'client' belongs to an intake; replay this file with "
        "'screener intake --answers' (and 1 more)\n"
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("  bladder_symptoms: GP", "  bladder: GP"),
            ":29:3: notes.bladder: no answer to 'bladder' for this note to go with",
        ),
        (
            ("client: K-0142", "client: " + "K" * 41),
            ":2:1: client: a client reference is one line of text, at most 40 characters, "
            "such as K-0142",
        ),
        (
            ("mostly weekends, since March", "x" * 201),
            ":28:3: notes.more_than_meant: a note is one line of text, at most 200 characters",
        ),
        (("notes:\n", "notes: []\n"), ":27:1: notes: expected a mapping of question id to note"),
        (
            ("client: K-0142", "clients: K-0142"),
            ":2:1: clients: unknown key 'clients'; did you mean 'client'? "
            "(the keys are bank, answers, client, notes and counsellor)",
        ),
    ],
)  # fmt: skip
def test_bad_intake_answers_are_located(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    old, new = edit
    assert old in INTAKE_ANSWERS
    text = INTAKE_ANSWERS.replace(old, new, 1)
    if new == "notes: []\n":
        text = text.split("notes: []\n")[0] + "notes: []\n"
    path = answers_file(tmp_path, text)
    result = invoke("--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}{message}\n"


def _record_units(text: str) -> list[str]:
    """A plain text record as its paragraphs and list entries, each unwrapped onto one line."""
    units: list[str] = []
    for block in text.split("\n\n"):
        entry: list[str] = []
        for line in block.split("\n"):
            if line.startswith("- ") and entry:
                units.append(" ".join(entry))
                entry = []
            entry.append(line.removeprefix("- ").strip())
        units.append(" ".join(" ".join(entry).split()))
    return [unit for unit in units if unit]


def _unmarked(markdown: str) -> str:
    """Markdown read as words: no escapes, emphasis, code marks, headings or list marks."""
    words = markdown.replace("\\", "").replace("**", "").replace("`", "")
    return " ".join(line.lstrip("#- ").strip() for line in words.split("\n"))


def test_the_text_and_markdown_records_say_the_same_things(tmp_path: Path) -> None:
    """The record is built once: every paragraph and entry of the text record is in the
    Markdown record too, word for word (the Markdown once rebuilt it and drifted)."""
    path = str(answers_file(tmp_path))
    for name, output_format in (("record.txt", "text"), ("record.md", "markdown")):
        saved = invoke("--answers", path, "-f", output_format, "-o", str(tmp_path / name))
        assert saved.exit_code == 0, saved.output
    text = (tmp_path / "record.txt").read_text(encoding="utf-8")
    said = " ".join(_unmarked((tmp_path / "record.md").read_text(encoding="utf-8")).split())
    missing = [unit for unit in _record_units(text) if unit.rstrip(":") not in said]
    assert missing == []


# --- who, when and what next -----------------------------------------------------------------


def test_the_record_names_the_counsellor_start_duration_summary_and_contacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moments = iter([MOMENT, MOMENT + datetime.timedelta(minutes=25, seconds=10)])
    monkeypatch.setattr(record, "now", lambda: next(moments))
    target = tmp_path / "record.json"
    keys = "AB\n" + WITH_NOTE + "\n" + "GP about bladder; review in 2 weeks\n"
    result = invoke("--counsellor", "", "--client", "K-1", "-o", str(target), input=keys)
    assert result.exit_code == 0, result.output
    assert "Counsellor: your initials, for the record." in result.output
    written = json.loads(target.read_text())
    assert written["counsellor"] == "AB"
    assert written["started_at"] == "2026-11-21T10:15:00+01:00"
    assert written["recorded_at"] == "2026-11-21T10:40:10+01:00"
    assert written["duration_seconds"] == 1510
    assert written["closing_summary"] == "GP about bladder; review in 2 weeks"
    assert "FRANK" in [contact["name"] for contact in written["resources"]["contacts"]]
    # The same record as Markdown, replayed from the JSON: nothing lost on the way.
    again = invoke("--counsellor", "", "--answers", str(target), "-f", "markdown")
    assert again.exit_code == 0, again.output
    for line in (
        "- **Counsellor**: AB",
        "- **Started**: 2026-11-21T10:15:00+01:00",
        "- **Duration**: 25 min",
        "## Closing summary\n\nGP about bladder; review in 2 weeks",
        "## Contacts for the client (United Kingdom)",
    ):
        assert line in again.stdout


def test_an_intake_without_output_offers_to_save_at_the_end(tmp_path: Path) -> None:
    taken = tmp_path / "taken.md"
    taken.write_text("someone else's")
    target = tmp_path / "record.md"
    keys = WITH_NOTE + "\n" + "\n" + f"{taken}\n" + f"{target}\n"
    result = invoke("--client", "K-1", input=keys)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output
    said = unbroken(f"The record could not be saved: {taken} already exists, and screener never")
    assert said in unbroken(result.output)
    assert "replaces a file." in flat(result.output)
    assert unbroken(f"The record was saved to {target}.") in unbroken(result.output)
    assert target.read_text().startswith("# Intake screening record:")  # Markdown, by its name
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert taken.read_text() == "someone else's"


@pytest.mark.parametrize(
    ("name", "start", "note"),
    [
        ("record.json", "{\n", ""),
        ("record.fhir.json", '{\n  "resourceType": "QuestionnaireResponse"', ""),
        ("record.md", "# Intake screening record", ""),
        ("record.xml", "Intake screening record", "Writing text: '.xml' is not an extension"),
    ],
)
def test_the_output_file_name_chooses_the_format(
    tmp_path: Path, name: str, start: str, note: str
) -> None:
    target = tmp_path / name
    result = invoke("--client", "K-1", "--answers", str(answers_file(tmp_path)), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith(start)
    assert note in result.stderr


def test_the_client_reference_can_be_changed_at_the_review() -> None:
    keys = WITH_NOTE + "c\n" + "K-0200\n" + "\n"
    result = invoke("--client", "K-1", "-f", "json", input=keys)
    assert result.exit_code == 0, result.output
    assert "Client reference: K-0200" in result.stderr
    assert json.loads(result.stdout)["client"] == "K-0200"


def test_a_self_check_record_replayed_as_an_intake_stays_a_self_check(tmp_path: Path) -> None:
    saved = tmp_path / "self.json"
    made = runner.invoke(app, ["run", "-o", str(saved)], input=ALL_NO, env=UK)
    assert made.exit_code == 0, made.output
    replayed = invoke("--answers", str(saved), "-f", "json")
    assert replayed.exit_code == 0, replayed.output
    assert json.loads(replayed.stdout)["mode"] == "self"


def test_a_trainer_can_flip_the_answers_of_an_intake_file(tmp_path: Path) -> None:
    path = str(answers_file(tmp_path))
    result = runner.invoke(app, ["run", "--trainer", "--answers", path], input="q\n", env=UK)
    assert result.exit_code == 0, result.output
    assert "What if" in result.output


def test_the_review_closing_summary_and_save_offer_golden(
    tmp_path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a counsellor reads from the review to the end, at 80 columns, plain."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "k0142.json"
    keys = WITH_NOTE + "c\n" + "K-0142\n" + "\n" + "GP about bladder; review in 2 weeks\n"
    result = invoke("--client", "K-1", input=keys + "k0142.json\n")
    assert result.exit_code == 0, result.output
    golden("intake_review_to_save.txt", result.output[result.output.index("Review before") :])
    assert json.loads(target.read_text())["closing_summary"] == (
        "GP about bladder; review in 2 weeks"
    )


def test_not_saved_says_how_to_save_only_where_no_offer_follows(tmp_path: Path) -> None:
    """A replay offers nothing, so it names --output; the interactive intake offers a file
    name right after, so it says 'not saved yet' (see the whole intake above)."""
    replayed = invoke("--answers", str(answers_file(tmp_path)), "--region", "uk", "--plain")
    assert replayed.exit_code == 0, replayed.output
    assert replayed.stdout.rstrip().endswith(
        "The record was not saved. Start with --output FILE to keep one."
    )
    assert "not been saved yet" not in replayed.stdout


# --- slips a counsellor (or a client handed the keyboard) makes -----------------------------


@pytest.mark.parametrize(("language", "no"), [("en", "n"), ("es", "n")])
def test_n_is_no_in_an_intake_as_in_a_self_check(language: str, no: str) -> None:
    """A client handed the keyboard types n for no: it must not open a note."""
    keys = "\n" + "y\n" + f"{no}\n" * 22 + "\n" + "\n"  # n: never, not worried on the scales
    result = invoke("--client", "K-1", "--lang", language, "-f", "json", input=keys)
    assert result.exit_code == 0, result.output
    written = json.loads(result.stdout)
    assert written["notes"] == {}
    assert written["answers"]["prescribed_only"] == "no"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_note_key_is_never_an_answer_or_a_command(language: str) -> None:
    from screener.files.wording import load_strings

    strings = load_strings(language)
    taken = {
        word
        for words in (
            *(getattr(strings.answer_words, answer) for answer in ("yes", "no", "unsure")),
            strings.command_words.back,
            strings.command_words.help,
            strings.command_words.quit,
            ("1", "2", "3", "x"),
        )
        for word in words
    }
    assert not taken & set(strings.intake.note_words)


def test_c_then_enter_at_the_review_keeps_the_client_reference() -> None:
    result = invoke("--client", "K-0142", "-f", "json", input=WITH_NOTE + "c\n\n" + "\n\n")
    assert result.exit_code == 0, result.output
    assert "Now: K-0142. Enter alone keeps it." in result.stderr
    assert json.loads(result.stdout)["client"] == "K-0142"


def test_the_counsellors_initials_can_be_changed_at_the_review() -> None:
    result = invoke("--client", "K-1", "-f", "json", input=WITH_NOTE + "i\nAB\n" + "\n\n")
    assert result.exit_code == 0, result.output
    assert "Counsellor: JS" in result.stderr
    assert json.loads(result.stdout)["counsellor"] == "AB"


@pytest.mark.parametrize(
    ("language", "region", "named"),
    [
        ("en", "uk", "The client will be given the contacts for United Kingdom."),
        ("es", "es", "La persona atendida recibirá los contactos de España."),
    ],
)
def test_the_intake_names_the_region_before_the_first_question(
    language: str, region: str, named: str
) -> None:
    result = invoke("--client", "K-1", "--lang", language, "--region", region, input="q\n")
    assert result.exit_code == 130
    shown = flat(result.output)
    assert named in shown
    assert shown.index(named) < len(shown) - len("q")


@pytest.mark.parametrize(
    ("language", "asked"),
    [("en", "Carry on with the interview?"), ("es", "¿Seguir con la entrevista?")],
)
def test_the_crisis_question_in_an_intake_is_asked_of_the_counsellor(
    language: str, asked: str
) -> None:
    from screener.files import bundled
    from screener.files.bank import load_bank

    path = bundled.bank_file("ketamine", language)
    assert path is not None
    items = [item for item in load_bank(path).bank.items if item.ask_if is None]
    keys = "\n" + "".join("1\n" if item.id == "self_harm_thoughts" else "2\n" for item in items)
    result = invoke("--client", "K-1", "--lang", language, input=keys + "2\n")
    assert asked in flat(result.output)
    assert "Would you like to carry on?" not in result.output


def test_the_second_gate_is_labelled_for_what_it_decides() -> None:
    result = invoke("--client", "K-1", input="\n" + "y\n" + "q\nyes\n")
    assert "gate question: decides whether criterion 10 is counted" in result.output
    assert "gate question: decides whether the criteria apply" in result.output


# --- a day of intakes: the counsellor's settings ---------------------------------------------


def settings_env(tmp_path: Path, text: str | None, **extra: str) -> dict[str, str]:
    config = tmp_path / "config"
    (config / "screener").mkdir(parents=True)
    if text is not None:
        (config / "screener" / "counsellor.yaml").write_text(text, encoding="utf-8")
    return {**UK, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config), **extra}


def test_initials_region_and_records_folder_come_from_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three intakes in a day: nothing typed but the client reference and the answers; y at
    the save offer files the record under the client reference and the date."""
    monkeypatch.chdir(tmp_path)
    records = tmp_path / "records"
    records.mkdir()
    env = settings_env(tmp_path, f"initials: JS\nregion: ie\nrecords: {records}\n")
    for client in ("K-1", "K-2", "K-3"):
        keys = f"{client}\n" + WITH_NOTE + "\n\n" + "y\n"
        result = runner.invoke(app, ["intake"], input=keys, env=env)
        assert result.exit_code == 0, result.output
        assert "Counsellor's initials" not in result.output
        assert "The client will be given the contacts for Ireland." in flat(result.output)
        saved = records / f"{client}-2026-11-21.md"
        assert "- **Counsellor**: JS" in saved.read_text(encoding="utf-8")


def test_the_environment_wins_over_the_settings_file_and_an_option_over_both(
    tmp_path: Path,
) -> None:
    env = settings_env(tmp_path, "initials: JS\n", SCREENER_COUNSELLOR="MK")
    base = ["intake", "--client", "K-1", "-f", "json"]
    from_environment = runner.invoke(app, base, input=WITH_NOTE + "\n\n", env=env)
    assert json.loads(from_environment.stdout)["counsellor"] == "MK"
    given = runner.invoke(app, [*base, "--counsellor", "AB"], input=WITH_NOTE + "\n\n", env=env)
    assert json.loads(given.stdout)["counsellor"] == "AB"


def test_a_broken_settings_file_is_a_located_error(tmp_path: Path) -> None:
    env = settings_env(tmp_path, "initals: JS\n")
    result = runner.invoke(app, ["intake"], input="", env=env)
    assert result.exit_code == 1
    assert "counsellor.yaml:1:1: initals: unknown key 'initals'" in result.stderr


def test_counsellor_is_honoured_by_a_replay_as_client_is(tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    result = invoke("--counsellor", "AB", "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counsellor"] == "AB"


def test_an_answers_file_may_name_the_counsellor(tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "counsellor: MK\n", encoding="utf-8")
    result = invoke("--counsellor", "", "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counsellor"] == "MK"
