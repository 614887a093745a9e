"""screener demo and the what-if loop: every persona played through, paced without sleeping,
flips that change the result and say so, and run --answers FILE --trainer."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.files.bank import load_bank
from screener.files.bundled import bank_file
from screener.files.examples import find_example
from screener.files.wording import load_strings
from screener.models.bank import Example, LoadedBank
from screener.models.base import Answer
from screener.rules.labels import answer_label
from screener.rules.scoring import asked_items, score
from screener.terminal.host import Terminal
from tests.helpers import DATA, GOOD, QUESTIONS, SCALE_ANSWERS

runner = CliRunner()
ENV = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
Golden = Callable[[str, str], None]
PERSONAS = ["sam", "priya", "jordan", "alex", "chris", "morgan", "taylor", "dana", "robin"]


def _numbers() -> dict[str, int]:
    path = bank_file("ketamine", "en")
    assert path is not None
    return {item.id: number for number, item in enumerate(load_bank(path).bank.items, start=1)}


Q = _numbers()
"""Each question's number in the bundled bank, by id: a new question moves no number here."""


def invoke(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, env=ENV)


def flat(text: str) -> str:
    return " ".join(text.split())


def persona(ketamine: LoadedBank, example_id: str) -> Example:
    example = find_example(ketamine.bank, example_id)
    assert example is not None
    return example


def enters(example: Example) -> str:
    """Enter before each question, before the summary, the counsellor's view and what-if."""
    return "\n" * (len(example.answers) + 3)


def test_the_personas_are_the_banks(ketamine: LoadedBank) -> None:
    assert [example.id for example in ketamine.bank.examples] == PERSONAS


def test_without_a_name_it_lists_the_personas(golden: Golden) -> None:
    result = invoke("demo")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Worked examples in the ketamine bank"
    assert (
        lines[2]
        == "sam: Sam, expected band none. Sam uses ketamine with friends at a few festivals"
    )
    golden("demo_personas.plain.txt", result.stdout)


@pytest.mark.parametrize("example_id", PERSONAS)
def test_every_persona_plays_through_to_what_it_declares(
    ketamine: LoadedBank, example_id: str
) -> None:
    example = persona(ketamine, example_id)
    result = invoke("demo", example_id, input=enters(example) + "q\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    expect = example.expect
    scored = score(ketamine.bank, example.answers)

    # Each question asked, in order, with the persona's answer.
    strings = load_strings("en")
    position = 0
    for number, item in enumerate(ketamine.bank.items, start=1):
        if item.id not in example.answers:
            assert f"\nQ{number}. " not in out
            continue
        position = out.index(f"\nQ{number}. ", position)
        said = answer_label(item, example.answers[item.id], strings)
        answered = f"{example.name} answers: {said}\n"
        position = out.index(answered, position)
    asked = [item.id for item in asked_items(ketamine.bank, example.answers)]
    assert asked == list(example.answers)

    # The person's summary, then the counsellor's view, then what-if: all agree with expect.
    person = out.index(f"What {example.name} would see")
    professional = out.index("Screening result (professional view)")
    whatif = out.index("What if?")
    assert position < person < professional < whatif
    assert "This is a self-check, not a diagnosis." in out[person:professional]
    view = flat(out[professional : out.index("As the bank declares")])
    if expect.band is None:  # a closed gate: the criteria were not assessed, so no band
        assert "Severity band: not assessed" in view
    else:
        assert f"Severity band: {expect.band} (" in view
    if expect.criteria_met is not None:
        assert f"Criteria met: {expect.criteria_met} of 10" in view or scored.gate_closed
    flags = view[view.index("Flags ") :]
    titles = {flag.id: flag.title for flag in ketamine.bank.flags}
    assert all(f"{titles[flag_id]}" in flags for flag_id in expect.flags)
    assert flags.count("- ") == max(1, len(expect.flags))  # "- No flags raised." for none
    pattern = r"Criteria met: (\d+) of (\d+) applicable \(10 in all\)\. Band: (\w+)"
    state = re.search(pattern, out[whatif:])
    if expect.band is None:
        assert state is None and "Criteria not assessed" in out[whatif:]
    else:
        assert state is not None
        assert (int(state[1]), state[3]) == (scored.criteria_met, expect.band)
    levels = load_strings("en").intake.level_labels
    flagged = ", ".join(f"{levels.of(f.level)}: {f.title}" for f in scored.flags) or "none"
    assert f"Flags: {flagged}" in flat(out)
    assert "Traceback" not in out


def test_the_demo_transcript_in_plain_text(ketamine: LoadedBank, golden: Golden) -> None:
    """Priya, whole: the adaptation as it happens, then flipping question 2 back to no."""
    priya = persona(ketamine, "priya")
    result = invoke("demo", "priya", input=enters(priya) + "2\nq\n")
    assert result.exit_code == 0
    golden("demo_priya.plain.txt", result.stdout)


def test_the_crisis_screen_comes_at_once_and_the_persona_carries_on(
    ketamine: LoadedBank,
) -> None:
    chris = persona(ketamine, "chris")
    out = invoke("demo", "chris", input=enters(chris) + "q\n").stdout
    crisis = out.index("Help is there for you right now")
    self_harm = out.index(f"\nQ{Q['self_harm_thoughts']}. ")
    assert out.index("Chris answers: yes", self_harm) < crisis
    assert "Samaritans: call 116 123" in out[crisis : crisis + 2000]
    assert "Here the person sees crisis contacts at once" in flat(out[crisis:])
    assert crisis < out.index("What Chris would see")


def test_the_gate_is_shown_as_it_closes(ketamine: LoadedBank) -> None:
    morgan = persona(ketamine, "morgan")
    out = invoke("demo", "morgan", input=enters(morgan) + "q\n").stdout
    gate = out.index("The gate closes here")
    assert out.index("Morgan answers: no") < gate < out.index(f"\nQ{Q['bladder_symptoms']}. ")
    assert f"\nQ{Q['more_than_meant']}. " not in out


def test_pace_steps_on_without_keys_and_without_sleeping(
    ketamine: LoadedBank, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    result = invoke("demo", "sam", "--pace", "2.5", input="q\n")
    assert result.exit_code == 0, result.output
    assert slept == [2.5] * (QUESTIONS + 3)
    assert "Enter: next" not in result.stdout
    assert "A new answer every 2.5 seconds." in result.stdout


@pytest.mark.parametrize(
    ("typed", "finished", "shown"),
    [
        ("q\n", False, "Demo stopped."),  # q with --pace stops, as without it
        ("\n", True, "Enter: next, b: back, q: stop"),  # Enter pauses until the next Enter
    ],
)
def test_pace_listens_for_q_and_for_a_pause(
    monkeypatch: pytest.MonkeyPatch, typed: str, finished: bool, shown: str
) -> None:
    from screener.commands import trainer

    heard = iter([None, None, typed])
    stream = io.StringIO()
    keyboard = io.StringIO("\n" * 30 + "q\n")
    terminal = Terminal(keyboard, stream, io.StringIO(), environ={"LANG": "en_GB.UTF-8"})
    done = trainer.demo(
        "sam",
        pace=2,
        bank=None,
        region="uk",
        plain=True,
        terminal=terminal,
        line_within=lambda seconds: next(heard, None),
    )
    assert done is finished
    assert shown in stream.getvalue()
    assert "Q2. " in stream.getvalue()
    assert ("Q3. " in stream.getvalue()) is finished  # q stopped before the third question


def test_b_at_a_step_goes_back_one_question() -> None:
    """Q3 on screen, b: Q2 again (not Q3 redrawn), with the tally as it was at Q2."""
    result = invoke("demo", "alex", "--plain", input="\n\n\nb\n" + "\n" * 40 + "q\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    second = "Q2. Gate question (prescribed_only)"
    third = "Q3. Health question (how_often)"
    assert out.count(second) == 2 and out.count(third) == 2
    assert out.index(third) < out.rindex(second) < out.rindex(third)
    assert out.count("Q4. Criterion 1") == 1


def test_b_twice_goes_back_two_questions_and_stops_at_the_first() -> None:
    result = invoke("demo", "alex", "--plain", input="\n\n\nb\nb\nb\n" + "\n" * 40 + "q\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    first = "Q1. Gate question (used_past_year)"
    assert out.count(first) == 2  # shown, then gone back to; a third b there does nothing
    assert out.count("Q4. Criterion 1") == 1


def test_what_if_resets_to_the_persona_and_shows_the_summary_again(ketamine: LoadedBank) -> None:
    keys = enters(persona(ketamine, "alex")) + f"{Q['more_than_meant']}\n" + "r\n" + "s\n" + "q\n"
    result = invoke("demo", "alex", "--plain", input=keys)
    assert result.exit_code == 0, result.output
    said = whatif_part(result.stdout)
    assert "Back to the answers you started from." in said
    assert said.index("Back to the answers") < said.rindex("What you could do next")


def test_q_at_a_step_stops_the_demo() -> None:
    result = invoke("demo", "alex", input="\n\nq\n")
    assert result.exit_code == 130
    assert result.stdout.rstrip().endswith("Demo stopped.")
    assert "\nQ2. " in result.stdout and "\nQ3. " not in result.stdout
    assert "would see" not in result.stdout


def test_end_of_input_stops_the_demo() -> None:
    result = invoke("demo", "alex", input="\n")
    assert result.exit_code == 130
    assert "would see" not in result.stdout


def test_a_persona_is_found_whatever_its_case() -> None:
    result = invoke("demo", "Jordan", "--plain", input="\n" * 40 + "q\n")
    assert result.exit_code == 0, result.output
    assert "Jordan" in result.stdout


def test_an_unknown_persona_is_a_usage_error() -> None:
    result = invoke("demo", "nobody")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: no persona 'nobody' in bank 'ketamine'; "
        "personas: sam, priya, jordan, alex, chris, morgan, taylor, dana, robin\n"
    )


def test_a_bank_without_examples_says_so() -> None:
    result = invoke("demo", "--bank", str(DATA / "minimal.yaml"))
    assert (result.exit_code, result.stdout) == (0, "The mini bank has no worked examples.\n")


# --- what-if ------------------------------------------------------------------------------


def whatif_part(out: str) -> str:
    return out[out.index("What if?") :]


def test_flipping_jordans_not_sure_answers_moves_the_band_and_says_so(
    ketamine: LoadedBank,
) -> None:
    jordan = persona(ketamine, "jordan")
    relationships, cut_down = Q["relationships"], Q["cut_down"]
    result = invoke(
        "demo", "jordan", input=enters(jordan) + f"{relationships}\n{cut_down} yes\nq\n"
    )
    assert result.exit_code == 0
    said = flat(whatif_part(result.stdout))
    # Not sure counts how Jordan feels about their use too: 4 not sure answers to begin with.
    assert f"Q{relationships} (Use despite social problems): not sure -> yes" in said
    assert (
        "What changed: criteria met: 2 -> 3; social impairment: 0 of 3 (1 not sure) -> 1 of 3; "
        "not sure: 4 -> 3." in said
    )
    assert f"Q{cut_down} (Unable to cut down): not sure -> yes" in said
    assert (
        "What changed: band: mild -> moderate; criteria met: 3 -> 4; "
        "impaired control: 2 of 4 (1 not sure) -> 3 of 4; not sure: 3 -> 2." in said
    )
    assert said.endswith(
        "Criteria met: 4 of 10 applicable (10 in all). Band: moderate (4-5). "
        "Tally: impaired control 3 of 4; social impairment 1 of 3; risky use 0 of 2; "
        "pharmacological 0 of 1; total 4 of 10. "
        "Flags: Medical: Bladder symptoms, Medical: Using ketamine often What if:"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            f"{Q['more_than_meant']}",
            f"Q{Q['more_than_meant']} (More or longer than intended) is skipped with these "
            "answers: it is asked only when Q1 (Used in the past 12 months) is yes or not sure.",
        ),
        (
            f"{QUESTIONS + 1}",
            f"There is no question {QUESTIONS + 1}; the questions are 1 to {QUESTIONS}.",
        ),
        (
            "maybe",
            "Sorry, I didn't catch that. Type a question number, a number and an "
            "answer (5 yes), l to list, or q to finish.",
        ),
        (f"{Q['dissociation']} no", "The result did not change."),
        ("l", f"Q{Q['more_than_meant']} More or longer than intended: skipped"),
        (
            "1",
            "Q1 (Used in the past 12 months): no -> yes What changed: gate: closed -> open; "
            "band: not assessed -> none; next step hidden: Staying stopped; next step shown: "
            "Ways to reduce harm if you keep using. Now asked, with no answer yet: "
            f"Q2-Q{Q['tolerance']}, Q{Q['mixing_sedatives']}. Flip them to answer.",
        ),
    ],
)
def test_what_if_answers_every_command(ketamine: LoadedBank, typed: str, said: str) -> None:
    morgan = persona(ketamine, "morgan")
    result = invoke("demo", "morgan", input=enters(morgan) + f"{typed}\nq\n")
    assert result.exit_code == 0
    after = whatif_part(result.stdout).split("What if:", 1)[1]
    assert said in flat(after)


def test_opening_the_gate_leaves_the_criteria_to_answer(ketamine: LoadedBank) -> None:
    morgan = persona(ketamine, "morgan")
    first = Q["more_than_meant"]
    keys = f"1 yes\nl\n2 no\n{first} yes\nq\n"
    result = invoke("demo", "morgan", input=enters(morgan) + keys)
    said = flat(whatif_part(result.stdout))
    assert f"Q{first} More or longer than intended: no answer" in said
    assert f"Q{first} (More or longer than intended): no answer -> yes" in said


def test_the_rich_state_highlights_what_changed(ketamine: LoadedBank) -> None:
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings, load_trainer_strings
    from screener.rules.whatif import diff
    from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup

    region = load_contacts(contacts_file()).regions[0]
    setup = TrainerSetup(ketamine, load_strings("en"), load_trainer_strings("en"), region)
    output = io.StringIO()
    console = Console(file=output, width=80, color_system="standard", force_terminal=True)
    jordan = persona(ketamine, "jordan")
    before = score(ketamine.bank, jordan.answers)
    after = score(ketamine.bank, {**jordan.answers, "cut_down": "yes", "relationships": "yes"})
    TrainerScreen(console, setup, plain=False).state(after, diff(before, after), before)
    text = output.getvalue()
    assert "\x1b[1;7mCriteria met: 4 of 10 applicable (10 in all). Band: moderate (4-5)." in text
    cells = re.findall(r"(\x1b\[[0-9;]*m)*\s*(\d of \d+)", text)
    styled = {cell: codes for codes, cell in cells}
    assert "7" in styled["3 of 4"] and "7" in styled["1 of 3"]
    assert "7" not in styled.get("0 of 2", "")


# --- run --answers FILE --trainer ---------------------------------------------------------


def test_run_with_trainer_flips_a_replayed_answer(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD.replace("  more_than_meant: no", "  more_than_meant: yes"))
    cut_down = Q["cut_down"]
    typed = f"{cut_down} u\nQ{cut_down}\nq\n"
    result = invoke("run", "--answers", str(path), "--trainer", input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("What you could do next") < out.index("Screening result (professional view)")
    # One numbering: the professional view's and the what-if's.
    assert f"- Q{cut_down}. Unable to cut down (criterion 2, impaired control): no" in out
    said = flat(whatif_part(out))
    assert f"Q{cut_down} (Unable to cut down): no -> not sure" in said
    assert (
        "What changed: impaired control: 1 of 4 -> 1 of 4 (1 not sure); not sure: 0 -> 1; "
        "the band's words now read: \"Your answers didn't give a clear picture" in said
    )
    assert f"Q{cut_down} (Unable to cut down): not sure -> yes" in said
    assert "What changed: band: none -> mild; criteria met: 1 -> 2;" in said


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["run", "--trainer"], "--trainer needs --answers FILE when input is not a terminal"),
        (
            ["run", "--trainer", "--answers", "a.yaml", "--format", "json"],
            "--trainer shows the result on screen: it needs text and no --output",
        ),
        (
            ["run", "--trainer", "--answers", "a.yaml", "--output", "r.txt"],
            "--trainer shows the result on screen: it needs text and no --output",
        ),
        (
            ["run", "--trainer", "--output", "r.txt"],
            "--trainer shows the result on screen: it needs text and no --output",
        ),
    ],
)
def test_trainer_needs_a_result_shown_as_text_and_someone_to_answer(
    args: list[str], error: str
) -> None:
    """Piped input cannot answer the questions the what-if would start from: --answers then."""
    result = invoke(*args, input="\n")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {error}\n"
    assert result.stdout == ""


class Keys(io.StringIO):
    """A terminal's screen (or keyboard): isatty() is true."""

    def isatty(self) -> bool:
        return True


def live_trainer(
    typed: str, region: str | None = "uk", lang: str = "en_GB.UTF-8"
) -> tuple[int, str]:
    """`run --trainer` asked at a terminal 80 columns wide: the exit code and the screen, its
    styling taken out (typed lines at the prompts: the keys of a real one need termios)."""
    from screener.commands import outcome
    from screener.commands.session import Session, Who
    from screener.commands.setup import Options, prepare
    from tests.helpers import ANSI

    options = Options(region=region)
    environ = {"LANG": lang, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "400"}
    screen, errors = Keys(), io.StringIO()
    terminal = Terminal(io.StringIO(typed), screen, errors, environ=environ)
    session = Session(Who.SELF, terminal, options)
    code = outcome.self_check(prepare(options, terminal), session, trainer=True)
    assert errors.getvalue() == ""
    shown = ANSI.sub("", screen.getvalue())
    return code, "\n".join(line.rstrip() for line in shown.splitlines()) + "\n"


def test_the_what_if_starts_from_the_answers_just_given(
    ketamine: LoadedBank, golden: Golden
) -> None:
    """Yes to Q1 and to criterion 1, no to the rest (a scale: the answer SCALE_ANSWERS gives,
    by its key); then criterion 2 flipped to yes: the band changes."""
    typed = [
        "y" if item.id in ("used_past_year", "more_than_meant") else "n"
        for item in ketamine.bank.items
    ]
    for number, item in enumerate(ketamine.bank.items):
        if item.id in SCALE_ANSWERS:
            option = item.option(SCALE_ANSWERS[item.id])
            assert option is not None
            typed[number] = option.key
    first, second = Q["more_than_meant"], Q["cut_down"]
    code, screen = live_trainer("\n" + "".join(f"{key}\n" for key in typed) + f"{second}\nq\n")
    assert code == 0
    person = screen.index("What your answers show")
    professional = screen.index("Screening result (professional view)")
    assert person < professional < screen.index("What if?")
    said = flat(screen[professional:])
    assert f"Q{first} More or longer than intended: yes" in said  # the answers just given
    assert f"Q{second} (Unable to cut down): no -> yes" in said
    assert "What changed: band: none -> mild; criteria met: 1 -> 2;" in said
    assert max(len(line) for line in screen.splitlines()) <= 80
    golden("whatif_live.txt", screen[professional:])


@pytest.mark.parametrize("width", [76, 80, 84, 90, 100])
@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_the_what_if_lists_each_answer_on_its_own_line(
    ketamine: LoadedBank, width: int, answer: Answer
) -> None:
    """At 80 columns with a yes to Q3 the two columns were 81 wide: Q20's answer wrapped onto
    a line of its own. Two columns only where both fit whole; else one."""
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_trainer_strings
    from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup
    from screener.terminal.whatif_screen import list_answers

    region = load_contacts(contacts_file()).regions[0]
    strings = load_strings("en")
    setup = TrainerSetup(ketamine, strings, load_trainer_strings("en"), region)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False)
    # A scale question takes only its own options: its widest words, the hardest to fit.
    answers: dict[str, str] = {
        item.id: max(item.options, key=lambda option: len(option.text)).code
        if item.options
        else answer
        for item in ketamine.bank.items
    }
    answers.update(used_past_year="yes", prescribed_only="no")
    assert all(answers[item.id] in item.codes for item in ketamine.bank.items)
    list_answers(TrainerScreen(console, setup, plain=False), answers)
    lines = output.getvalue().splitlines()
    listed = [line for line in lines if re.match(r"\s*Q\d+ ", line)]
    words = {answer_label(item, answers[item.id], strings) for item in ketamine.bank.items}
    scales = [item for item in ketamine.bank.items if item.options]
    assert scales
    assert all(
        answer_label(item, answers[item.id], strings) in output.getvalue() for item in scales
    )
    assert len(listed) >= (len(ketamine.bank.items) + 1) // 2
    assert all(line.rstrip().endswith(tuple(words)) for line in listed), listed
    assert max(len(line) for line in lines) <= width


def test_the_what_if_uses_the_region_the_person_chose(ketamine: LoadedBank) -> None:
    """Nothing said where: the region is asked first, and the what-if's summary (s) gives that
    region's contacts, not those it started with."""
    rest = "n\n" * (len(ketamine.bank.items) - 1)
    code, screen = live_trainer("6\n\ny\n" + rest + "s\nq\n", region=None, lang="C")
    assert code == 0
    again = flat(screen[screen.index("What if?") :])
    assert "Who you can contact (New Zealand)" in again
    assert "Anywhere else" not in again


def test_a_crisis_stop_leaves_no_what_if(ketamine: LoadedBank) -> None:
    """Used, not in the past year: the gate closes; yes to harming yourself, then stop."""
    unconditional = [item for item in ketamine.bank.items if item.ask_if is None]
    typed = ["y" if item.id == "self_harm_thoughts" else "n" for item in unconditional]
    code, screen = live_trainer("\n" + "\n".join(typed) + "\nn\n")
    assert code == 130
    assert "You chose to stop here" in screen
    assert "What if" not in screen and "professional view" not in screen


def test_the_screen_never_prints_control_characters(ketamine: LoadedBank) -> None:
    from rich.text import Text

    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings, load_trainer_strings
    from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup

    region = load_contacts(contacts_file()).regions[0]
    setup = TrainerSetup(ketamine, load_strings("en"), load_trainer_strings("en"), region)
    for plain in (True, False):
        output = io.StringIO()
        console = Console(file=output, width=80, color_system=None, markup=False)
        screen = TrainerScreen(console, setup, plain=plain)
        screen.say(Text("Sam\x1b[2J answers", style="bold"))
        screen.say("Sam\x1b]0;title\x07 answers")
        assert "\x1b" not in output.getvalue() and "\x07" not in output.getvalue()
        assert output.getvalue().count("\ufffd") == 3


@pytest.mark.parametrize(("width", "table"), [(40, False), (75, False), (76, True), (120, True)])
def test_a_narrow_terminal_gets_the_tally_as_a_sentence(
    ketamine: LoadedBank, width: int, table: bool
) -> None:
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings, load_trainer_strings
    from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup

    region = load_contacts(contacts_file()).regions[0]
    setup = TrainerSetup(ketamine, load_strings("en"), load_trainer_strings("en"), region)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False)
    TrainerScreen(console, setup, plain=False).tally(
        score(ketamine.bank, persona(ketamine, "jordan").answers)
    )
    text = output.getvalue()
    assert ("─" in text) is table
    assert text.startswith("Tally: ") is not table
    assert all(len(line) <= width for line in text.splitlines())


@pytest.mark.parametrize("projector", [False, True])
def test_the_projector_style_draws_nothing_faint_and_keeps_lines_readable(
    projector: bool,
) -> None:
    """Key hints and 'not sure' tallies were dim; on a 250-column screen text ran its width
    (now no screen's lines run past 100: tests/across/test_reflow.py)."""
    args = ["demo", "jordan", "--pace", "0", *(["--projector"] if projector else [])]
    env = {**ENV, "FORCE_COLOR": "1", "COLUMNS": "250"}
    result = runner.invoke(app, args, env=env, input="q\n")
    assert result.exit_code == 0, result.output
    faint = re.compile(r"\x1b\[(?:[0-9;]*;)?2(?:;[0-9;]*)?m")
    plain_lines = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()
    assert not faint.search(result.stdout)  # nothing is faint anywhere now (contrast)
    assert max(len(line) for line in plain_lines) <= 100


@pytest.mark.parametrize(
    ("args", "spanish"),
    [
        (
            ["explain", "--lang", "es", "--format", "markdown"],
            f"| Q{Q['gave_up_activities']} | Abandono de actividades |",
        ),
        (
            ["demo", "Jordan", "--lang", "es", "--plain"],
            f"Q{Q['gave_up_activities']} Abandono de actividades: no",
        ),
        (["resources", "--lang", "es", "--region", "mx"], "Línea de la Vida"),
    ],
)
def test_the_trainer_tools_in_spanish(args: list[str], spanish: str) -> None:
    """--lang es in use on every trainer command, labels and handout table included."""
    result = invoke(*args, input="\n" * 40 + "q\n")
    assert result.exit_code == 0, result.output
    assert spanish in result.stdout


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PERSONAS)
def test_the_trainer_screens_name_flags_and_bands_in_words_never_ids(
    ketamine: LoadedBank, language: str, name: str
) -> None:
    """Spanish trainer screens said "Aviso activado (urgent)" and "Rango: moderate": flag
    levels, flag ids and band ids reached a screen meant for a person. Every persona, its
    what-if flips of the first and the last question, in both languages."""
    example = persona(ketamine, name)
    flips = f"1\n{len(ketamine.bank.items)}\n4 yes\n"
    result = invoke("demo", name, "--lang", language, input=enters(example) + flips + "q\n")
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    flags = ketamine.bank.flags
    levels = {flag.level for flag in flags}
    # An id of several words is never prose; a one-word id (bladder) is, so only its forms.
    # The demo names each question's own id in brackets, for trainers: that is not a flag.
    items = {item.id for item in ketamine.bank.items}
    prose = re.sub(r"\((\w+)\)", lambda found: "" if found[1] in items else found[0], shown)
    named = [flag.id for flag in flags if "_" in flag.id]  # a one-word id (bladder) is prose
    assert [name for name in named if re.search(rf"\b{name}\b", prose)] == []
    forbidden = [f"{flag.level} {flag.id}" for flag in flags]
    forbidden += [f"({level})" for level in levels] + [f"flags: {flag.id}" for flag in flags]
    assert [words for words in forbidden if words in shown] == []
    ids_in_brackets = {flag.id for flag in flags if f"({flag.id})" in shown}
    assert ids_in_brackets <= {item.id for item in ketamine.bank.items}  # a question's own id
    if language == "es":  # the bands by their Spanish terms
        assert not re.search(r"\b(none|mild|moderate|severe)\b", shown), "an English band id"


@pytest.mark.parametrize("language", ["en", "es"])
def test_end_of_input_at_what_if_ends_the_line_and_the_demo_as_q_does(
    ketamine: LoadedBank, language: str
) -> None:
    """Ctrl-D at "What if:" is the end of a demo played through: exit 0, as q there (the
    trainer's row in docs/endings.md), and the shell's prompt starts on a line of its own."""
    keys = enters(persona(ketamine, "alex"))
    ended = invoke("demo", "alex", "--plain", "--lang", language, input=keys)
    quit_typed = invoke("demo", "alex", "--plain", "--lang", language, input=keys + "q\n")
    assert ended.exit_code == quit_typed.exit_code == 0, ended.output
    assert ended.stdout.endswith(": \n"), ended.stdout[-80:]
    assert ended.stdout == quit_typed.stdout + "\n"  # a typed q is echoed by the terminal


def test_a_pace_of_zero_does_not_say_every_0_seconds() -> None:
    result = invoke("demo", "sam", "--plain", "--pace", "0", input="\n" * 40 + "q\n")
    assert result.exit_code == 0, result.output
    assert "0 seconds" not in result.stdout
    assert "Each answer follows at once." in flat(result.stdout)


@pytest.mark.parametrize(
    ("language", "pace", "said"),
    [
        ("en", "1", "A new answer every second."),
        ("en", "1.0", "A new answer every second."),
        ("en", "2", "A new answer every 2 seconds."),
        ("en", "0.5", "A new answer every 0.5 seconds."),
        ("es", "1", "Una respuesta nueva cada segundo."),
        ("es", "1.0", "Una respuesta nueva cada segundo."),
        ("es", "2", "Una respuesta nueva cada 2 segundos."),
        ("es", "0.5", "Una respuesta nueva cada 0.5 segundos."),
    ],
)
def test_the_pace_is_said_in_the_singular_and_the_plural(
    language: str, pace: str, said: str
) -> None:
    """--pace 1 said "every 1 seconds": the words have a form for one and one for more.
    The pace is heard without waiting: q at the first step stops the demo."""
    from screener.commands import trainer

    stream = io.StringIO()
    terminal = Terminal(io.StringIO(), stream, io.StringIO(), environ={"LANG": "en_GB.UTF-8"})
    done = trainer.demo(
        "sam",
        pace=float(pace),
        bank=None,
        region="uk",
        plain=True,
        terminal=terminal,
        line_within=lambda seconds: "q",
        language=language,
    )
    assert done is False
    assert said in flat(stream.getvalue())


@pytest.mark.parametrize(
    ("language", "met"), [("en", "Criteria met"), ("es", "Criterios cumplidos")]
)
def test_the_what_if_count_and_its_tally_say_the_same_of(
    ketamine: LoadedBank, language: str, met: str
) -> None:
    """Priya's prescribed use leaves 9 criteria applicable: "1 of 10" beside a tally total of
    "1 of 9" read as two counts. The state line now counts of the applicable ones too."""
    keys = enters(persona(ketamine, "priya")) + "q\n"
    shown = flat(invoke("demo", "priya", "--plain", "--lang", language, input=keys).stdout)
    state = shown[shown.rindex(met) :]
    total = "total 1 of 9" if language == "en" else "total 1 de 9"
    assert total in state
    assert (
        "1 of 9 applicable (10 in all)" if language == "en" else "1 de 9 aplicables (de 10)"
    ) in state


def test_the_spanish_what_if_at_80_columns(ketamine: LoadedBank, golden: Golden) -> None:
    # A criterion flipped (the band moves), the gate closed, a number past the last question.
    keys = enters(persona(ketamine, "priya")) + f"{Q['more_than_meant']}\n1\n{QUESTIONS + 2}\n"
    keys += "l\ns\nq\n"
    result = invoke("demo", "priya", "--plain", "--lang", "es", input=keys)
    assert result.exit_code == 0, result.output
    golden("whatif_priya.es.plain.txt", result.stdout[result.stdout.index("¿Y si...?") :])


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", [76, 80, 84, 90, 100])
def test_the_tally_table_is_never_cut_with_an_ellipsis(language: str, width: int) -> None:
    """Spanish cluster names ('control deficitario', 'consumo de riesgo') were cut to
    'control deficitar…' at 80 columns: the table fitted, but was printed without its layout.
    A heading may wrap; a count ('0 de 4') never breaks."""
    from screener.files.bank import load_bank
    from screener.files.bundled import bank_file, contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings, load_trainer_strings
    from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup

    path = bank_file("ketamine", language)
    assert path is not None
    loaded = load_bank(path)
    region = load_contacts(contacts_file()).regions[0]
    strings, trainer = load_strings(language), load_trainer_strings(language)
    setup = TrainerSetup(loaded, strings, trainer, region)
    for example in loaded.bank.examples:
        output = io.StringIO()
        console = Console(file=output, width=width, color_system=None, markup=False)
        TrainerScreen(console, setup, plain=False).tally(score(loaded.bank, example.answers))
        text = output.getvalue()
        assert "…" not in text, text
        assert all(len(line) <= width for line in text.splitlines())
        assert re.search(r"\d+ (of|de) \d+", text)
