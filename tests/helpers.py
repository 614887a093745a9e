"""Data and helpers shared by test modules: no test module imports another."""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import strategies as st

from screener.files.bank import load_bank
from screener.files.bundled import bank_file, contacts_file
from screener.files.contacts import load_contacts
from screener.models.bank import Bank, Flag, Item, LoadedBank
from screener.models.base import Answer, Code
from screener.models.contacts import Region
from screener.models.result import Result
from screener.rules.result import build_result
from screener.rules.scoring import asked_items, score
from screener.rules.walk import Navigation, Note, Response, Step

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
BROKEN = DATA / "broken"

FUZZ_CASES: Counter[str] = Counter()
"""How many generated cases each fuzz test ran (tests/across/test_fuzz.py), printed at the end."""

# --- the shipped ketamine bank --------------------------------------------------------------


def _bundled_items() -> list[Item]:
    found = bank_file("ketamine", "en")
    assert found is not None
    return list(load_bank(found).bank.items)


_ITEMS = _bundled_items()

CRITERION_IDS = [item.id for item in _ITEMS if item.kind == "criterion"]
"""The bank's criterion items in order, from the bank: a new question changes no test code."""
HEALTH_IDS = [item.id for item in _ITEMS if item.kind == "health" and not item.options]
"""The health questions answered yes / no / not sure (the scales are SCALE_ANSWERS)."""
SCALE_ANSWERS: dict[str, Code] = {"how_often": "monthly", "feeling_about_use": "rather_not_say"}
"""The bundled bank's scale questions, answered as in the paths written before they existed:
monthly use raises no advice of its own, and "rather not say" keeps the next steps in the
bank's order with no closing sentence. "how often" is asked after any use in the past year;
"how you feel" only off the prescribed path."""
assert sorted(SCALE_ANSWERS) == sorted(item.id for item in _ITEMS if item.options)
OPEN_GATE_ONLY = {item.id for item in _ITEMS if item.kind == "health" and item.ask_if is not None}
"""Health questions asked only of people who used in the past year."""
CLOSED_GATE_HEALTH_IDS = [item_id for item_id in HEALTH_IDS if item_id not in OPEN_GATE_ONLY]


def full_answers(criteria: dict[str, Answer], prescribed: Answer = "no") -> dict[str, Code]:
    answers: dict[str, Code] = {"used_past_year": "yes", "prescribed_only": prescribed}
    answers.update(criteria)
    answers.update(dict.fromkeys(HEALTH_IDS, "no"))
    answers.update(scale_answers(prescribed))
    return answers


def scale_answers(prescribed: Answer = "no") -> dict[str, Code]:
    """SCALE_ANSWERS for a person who used in the past year: how they feel is not asked on
    the prescribed path."""
    if prescribed == "yes":
        return {"how_often": SCALE_ANSWERS["how_often"]}
    return dict(SCALE_ANSWERS)


GOOD = (
    "\n".join(
        ["bank: ketamine", "answers:", "  used_past_year: yes", "  prescribed_only: no"]
        + [
            f"  {item.id}: {SCALE_ANSWERS.get(item.id, 'no')}"
            for item in _ITEMS
            if item.kind != "gate"
        ]
    )
    + "\n"
)

INTAKE_YES = dict.fromkeys(("more_than_meant", "cut_down", "bladder_symptoms"), "yes")
INTAKE_ANSWERS = (
    "\n".join(
        [
            "bank: ketamine",
            "client: K-0142",
            "answers:",
            "  used_past_year: yes",
            "  prescribed_only: no",
            *(
                f"  {item.id}: {INTAKE_YES.get(item.id, SCALE_ANSWERS.get(item.id, 'no'))}"
                for item in _ITEMS
                if item.kind != "gate"
            ),
            "notes:",
            "  more_than_meant: mostly weekends, since March",
            "  bladder_symptoms: GP appointment booked for next week",
        ]
    ).replace("  craving: no", "  craving: not sure")
    + "\n"
)


QUESTIONS = len(_ITEMS)
"""How many questions the bundled bank asks when every one is asked: from the bank, so adding
a question changes no count in a test (golden files show it as a person reads it)."""

REGION_IDS = [region.id for region in load_contacts(contacts_file()).regions]
"""Every bundled region, from the contacts file: a new region is tested without a test change."""

ALL_NO = "\n" + "y\n" + "n\n" * (QUESTIONS - 1)
"""Typed at `screener run`: begin, used ketamine, then no to the rest (not prescribed, ...)."""


def criteria_yes(count: int) -> dict[str, Answer]:
    return {
        item_id: "yes" if index < count else "no" for index, item_id in enumerate(CRITERION_IDS)
    }


PATHS: dict[str, tuple[dict[str, Code], str]] = {
    "none": (full_answers(criteria_yes(1)), "uk"),
    "mild_prescribed": (
        full_answers({**criteria_yes(3), "tolerance": "yes", "craving": "unsure"}, "yes"),
        "us",
    ),
    "moderate": (full_answers(criteria_yes(5)), "au"),
    "severe_with_flags": (
        full_answers(criteria_yes(8)) | dict.fromkeys(HEALTH_IDS, "yes"),
        "ie",
    ),
    "gate_closed": (
        {"used_past_year": "no", **dict.fromkeys(CLOSED_GATE_HEALTH_IDS, "no")},
        "other",
    ),
    "unclear_with_urgent_flag": (
        full_answers(dict.fromkeys(CRITERION_IDS, "unsure")) | {"blood_in_urine": "yes"},
        "uk",
    ),
}


NOWHERE = Region(id="x", name="X", contacts=())


def result_for(
    ketamine: LoadedBank, answers: Mapping[str, Code], notes: dict[str, str] | None = None
) -> Result:
    return build_result(
        ketamine,
        score(ketamine.bank, answers),
        NOWHERE,
        mode="intake",
        client="K-0142",
        notes=notes,
        recorded_at=datetime.datetime(2026, 11, 21, 10, 15, tzinfo=datetime.timezone.utc),
        counsellor="JS",
    )


# --- the minimal bank with a worked example ---------------------------------------------------

# minimal.yaml plus one example: Riley answers yes to criterion 1 only (1 of 2: band 'some').
RILEY = """examples:
  - id: riley
    name: Riley
    story: Riley answers yes to the first criterion only.
    answers: {used: "yes", first: "yes", second: "no", mood: "no"}
    expect:
      band: some
      flags: []
"""


def bank_with_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    example = RILEY.replace(old, new, 1) if old else RILEY
    assert example != RILEY or not old, f"{old!r} is not in the example"
    path = tmp_path / "bank.yaml"
    path.write_text((DATA / "minimal.yaml").read_text() + example)
    return path


# --- the installed screener in a pseudo-terminal ----------------------------------------------

SCREENER = Path(sys.executable).with_name("screener")
TIMEOUT = 20  # seconds for any one expected text; a start-up takes a fraction of one
# Prompts without their last space: at 40 columns Rich ends a full line there instead.
ANSWER = "Your answer:"
BEGIN = "Press Enter to begin, or type q to stop:"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def signals_as_at_a_terminal() -> None:
    """Run in each pseudo-terminal child before it starts: Ctrl-C and Ctrl-\\ do what they do
    for a program started at a terminal. A shell that starts pytest as a background job
    (`pytest &` in a script) has it ignore SIGINT and SIGQUIT; a child inherits that, so the
    Ctrl-C the test types would do nothing, and the program is right to keep it ignored."""
    import signal

    for number in (signal.SIGINT, signal.SIGQUIT):
        signal.signal(number, signal.SIG_DFL)


class Session:
    """One screener in a pseudo-terminal, and everything it has shown so far."""

    def __init__(self, args: list[str], env: dict[str, str], columns: int) -> None:
        self.transcript = io.StringIO()
        import pexpect  # a test dependency; only the pseudo-terminal suites need it

        self.child = pexpect.spawn(
            str(SCREENER),
            args,
            env={"PAGER": "cat", **env},  # the pager has its own test
            dimensions=(50, columns),
            encoding="utf-8",
            codec_errors="replace",
            timeout=TIMEOUT,
            preexec_fn=signals_as_at_a_terminal,
        )
        self.child.logfile_read = self.transcript
        self.child.delaybeforesend = None  # each line is typed after its prompt shows anyway

    def wait_for(self, text: str) -> None:
        self.child.expect_exact(text)

    def finish_self_check(
        self,
        shown: str = "What your answers show",
        *,
        review: str = "A number to change",
        copy: str = "Keep a copy?",
    ) -> None:
        """After a self-check's last answer at a keyboard: Enter at the check of the answers,
        `shown` in the summary, then Enter at the copy offered (docs/endings.md)."""
        self.answer("", prompt=review)
        self.wait_for(shown)
        self.answer("", prompt=copy)

    def answer(self, typed: str, prompt: str = ANSWER) -> None:
        """Wait for the prompt, then type a line: never type ahead of the program."""
        self.wait_for(prompt)
        self.child.sendline(typed)

    def end(self) -> int:
        """Wait for the program to exit; its exit code."""
        import pexpect

        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.signalstatus is None, f"killed by signal {self.child.signalstatus}"
        status = self.child.exitstatus
        assert isinstance(status, int)
        return status

    @property
    def text(self) -> str:
        """What the terminal showed, line ends as \\n."""
        return self.transcript.getvalue().replace("\r\n", "\n")

    @property
    def words(self) -> str:
        """What the terminal showed, without styling, as one line of words."""
        return " ".join(ANSI.sub("", self.text).split())


def terminal_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: none of NO_COLOR, FORCE_COLOR, ACCESSIBLE from the caller's."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "en_GB.UTF-8",
        "TERM": "xterm-256color",
        **extra,
    }


Starter = Callable[..., Session]


# --- a scripted walk ---------------------------------------------------------------------------


@dataclass
class ScriptedAsker:
    """Plays a fixed list of responses and records what it was shown.

    A test that leaves scripted responses unused fails (every_scripted_response_is_used in
    conftest.py): its walk ended before what it meant to test.

    A scripted "no" to one of the bundled bank's scale questions answers it with its
    SCALE_ANSWERS code (monthly; rather not say): "nothing of note", as "no" is elsewhere.
    Any other answer to a scale is played as written.
    """

    responses: list[Response]
    keep_going_after_crisis: bool = True
    crisis_choices: list[bool | Navigation] = field(default_factory=list)
    """Played at crisis help first, in order; keep_going_after_crisis once they run out."""
    steps: list[Step] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        SCRIPTED.append(self)

    def ask(self, step: Step) -> Response:
        self.steps.append(step)
        response = self.responses.pop(0)
        if response == "no" and step.item.options and step.item.id in SCALE_ANSWERS:
            return SCALE_ANSWERS[step.item.id]
        return response

    def at_first_question(self) -> None:
        self.events.append("first")

    def gate_closed(self) -> None:
        self.events.append("gate")

    def crisis(self, flag: Flag) -> bool | Navigation:
        self.events.append(f"crisis:{flag.id}:after-question-{len(self.steps)}")
        if self.crisis_choices:
            return self.crisis_choices.pop(0)
        return self.keep_going_after_crisis


SCRIPTED: list[ScriptedAsker] = []


def asked_ids(asker: ScriptedAsker) -> list[str]:
    return [step.item.id for step in asker.steps]


def script(*responses: Response | Iterable[Response]) -> list[Response]:
    flat: list[Response] = []
    for response in responses:
        if isinstance(response, (str, Navigation, Note)):
            flat.append(response)
        else:
            flat.extend(response)
    return flat


def unbroken(text: str) -> str:
    """Text with every space and line break taken out: a long path is folded at the screen's
    width wherever it falls (before its last dot, say), so words are compared, not wrapping."""
    return "".join(text.split())


class Spawned(Session):
    """A Session of any program at any size: a shell line, say, where the shell decides where
    standard output goes (`exec screener ... > FILE`, `screener ... | cat > FILE`) while
    standard input and standard error stay the pseudo-terminal."""

    def __init__(  # the same Session, spawned otherwise
        self,
        program: str,
        args: list[str],
        env: dict[str, str],
        columns: int = 80,
        rows: int = 50,
    ) -> None:
        import pexpect

        self.transcript = io.StringIO()
        self.child = pexpect.spawn(
            program,
            args,
            env={"PAGER": "cat", **env},
            dimensions=(rows, columns),
            encoding="utf-8",
            codec_errors="replace",
            timeout=TIMEOUT,
            preexec_fn=signals_as_at_a_terminal,
        )
        self.child.logfile_read = self.transcript
        self.child.delaybeforesend = None


def shell_quoted(words: Iterable[str | Path]) -> str:
    """Words as one POSIX shell line, each quoted."""
    import shlex

    return " ".join(shlex.quote(str(word)) for word in words)


SCALE_FOLLOW_UP = {
    "en": "    text: Bladder pain?\n    help: Pain when you pass water.\n",
    "es": "    text: ¿Dolor de vejiga?\n    help: Dolor al orinar.\n",
}


def scales_asked_on_options_file(folder: Path, language: str = "en") -> Path:
    """tests/data/scales.yaml (or .es) with 'bladder' (yes / no / not sure) asked only when
    'often' is weekly or daily, between 'often' and 'mood': skip logic on a scale's options,
    which the test bank itself does not have."""
    suffix = "" if language == "en" else f".{language}"
    text = (DATA / f"scales{suffix}.yaml").read_text(encoding="utf-8")
    before = "  - id: mood\n"
    assert text.count(before) == 1
    question = (
        "  - id: bladder\n    kind: health\n"
        '    ask_if: {item: often, answers: ["weekly", "daily"]}\n' + SCALE_FOLLOW_UP[language]
    )
    path = folder / f"scales_on_options{suffix}.yaml"
    path.write_text(text.replace(before, question + before), encoding="utf-8")
    return path


# Output paths that cannot be written: each makes its case under `base` and returns the path
# a record would be written to (test_bad_input.py, test_write_problems.py).


def read_only_folder(base: Path) -> Path:
    folder = base / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):
        pytest.skip("running as root: a read-only folder does not stop root writing")
    return folder / "result.json"


def existing_file(base: Path) -> Path:
    (base / "result.json").write_text("keep me")
    return base / "result.json"


def symlink_to_elsewhere(base: Path) -> Path:
    (base / "elsewhere.json").write_text("keep me")
    (base / "result.json").symlink_to(base / "elsewhere.json")
    return base / "result.json"


def inside_a_file(base: Path, name: str = "result.json") -> Path:
    (base / "notes.txt").write_text("not a folder")
    return base / "notes.txt" / name


def translation_beside(folder: Path, english: Path, translation: str) -> Path:
    """A bank as <stem>.en.yaml in `folder` beside the given Spanish text as <stem>.es.yaml
    (the pair a translation check reads); the Spanish file's path."""
    shutil.copy(english, folder / "scales.en.yaml")
    path = folder / "scales.es.yaml"
    path.write_text(translation, encoding="utf-8")
    return path


@st.composite
def walked(draw: st.DrawFn, bank: Bank) -> dict[str, Code]:
    """Any answers a person could give to `bank`, question by question, to the questions
    asked, by code (a scale's options, or yes / no / unsure)."""
    answers: dict[str, Code] = {}
    while ahead := [item for item in asked_items(bank, answers) if item.id not in answers]:
        answers[ahead[0].id] = draw(st.sampled_from(ahead[0].codes), label=ahead[0].id)
    return answers
