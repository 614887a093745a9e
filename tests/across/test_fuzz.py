"""Fuzzing: whatever a bank, an answers file or a keyboard gives, only the project's own errors.

Each test counts the cases it ran in FUZZ_CASES; pytest prints the counts at the end of a run.
Inputs are bounded (a few KiB, a few dozen typed lines), so a case that never ends is a hang,
and a module-wide alarm turns one into a failure instead of a stuck run.
"""

from __future__ import annotations

import copy
import io
import json
import os
import signal
from collections.abc import Iterator, Mapping
from types import FrameType

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from screener.commands import questions
from screener.commands.rendering import render
from screener.commands.scored import result_of
from screener.commands.setup import Setup
from screener.commands.summary_screen import show_summary
from screener.errors import DataError
from screener.files import bundled, documents
from screener.files.answers import answers_from_document
from screener.files.bank import bank_from_document, load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS, Answer, Code
from screener.render import Format
from screener.rules.scoring import asked_items, effective_answers, missing_answers, raised_flags
from screener.rules.walk import Ending, State
from screener.safetext import first_unsafe_character, one_line
from screener.terminal.keyboard import QuickExit
from tests.helpers import DATA, FUZZ_CASES, GOOD

# SCREENER_FUZZ_EXAMPLES=20000 python -m pytest tests/across/test_fuzz.py for a longer hunt.
EXAMPLES = int(os.environ.get("SCREENER_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the alarm below catches a hang; a slow CI machine is not one
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MINIMAL_TEXT = (DATA / "minimal.yaml").read_text(encoding="utf-8")
MINIMAL = yaml.safe_load(MINIMAL_TEXT)
GOOD_ANSWERS = yaml.safe_load(GOOD)
# Loaded once here rather than as fixtures, so that a failing case's report shows its input only.
KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
KETAMINE = load_bank(KETAMINE_FILE)
STRINGS = load_strings("en")
CONTACTS = load_contacts(bundled.contacts_file())
SECONDS_FOR_THE_MODULE = 600 + EXAMPLES // 10  # 300 examples take seconds, not minutes


@pytest.fixture(scope="module", autouse=True)
def no_hang() -> Iterator[None]:
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"fuzzing ran for over {SECONDS_FOR_THE_MODULE} s: a hang")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(SECONDS_FOR_THE_MODULE)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --- strategies -------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=24)
    | st.sampled_from(["yes", "no", "unsure", "gate", "criterion", "crisis", "used", "mood"])
    | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.integers(), children, max_size=3)
    ),
    max_leaves=8,
)
# Characters that mean something to YAML, and some that mean something to a terminal.
SIGNIFICANT = st.sampled_from(
    [*list(":-[]{}\"'&*!|>#%@,?\t\n "), "\x1b", "\x07", "\r", "\u202e", "\x00", "\ufeff", "é"]
)


def key_paths(data: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every path to a value inside parsed data: ("items", 1, "ask_if", "item"), ..."""
    if prefix:
        yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from key_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from key_paths(value, (*prefix, index))


@st.composite
def mutated(draw: st.DrawFn, original: object) -> object:
    """The data with one to three values replaced, keys removed, or unknown keys added."""
    data = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(key_paths(data))
        if not paths:
            return draw(VALUES)
        path = draw(st.sampled_from(paths))
        parent: object = data
        for part in path[:-1]:
            parent = parent[part]  # type: ignore[index]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[last] = draw(VALUES)  # type: ignore[index]
        elif action == "remove":
            del parent[last]  # type: ignore[attr-defined]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8) | st.integers())] = draw(VALUES)
        elif isinstance(parent, list):
            parent.append(draw(VALUES))
    return data


@st.composite
def serialised(draw: st.DrawFn, data: object) -> bytes:
    """Data written as YAML (block or flow) or JSON, as a person or a tool might."""
    style = draw(st.sampled_from(["block", "flow", "json"]))
    if style == "json":
        try:
            return json.dumps(data, default=str).encode()
        except ValueError:
            style = "block"
    text = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=draw(st.booleans()), default_flow_style=style == "flow"
    )
    return text.encode("utf-8")


@st.composite
def edited_text(draw: st.DrawFn, text: str) -> bytes:
    """The text with a few characters inserted, deleted or replaced at random places."""
    characters = list(text)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(characters)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        new = draw(SIGNIFICANT | st.characters(codec="utf-8"))
        if action == "insert" or where == len(characters):
            characters.insert(where, new)
        elif action == "delete":
            del characters[where]
        else:
            characters[where] = new
    return "".join(characters).encode("utf-8")


TRICKY_TEXT = st.sampled_from(
    [
        "[red]red[/red]",
        "[link=https://example.org]a link[/link]",
        "[bold",
        "\x1b]52;c;ZWNobyBoaQ==\x07",
        "\x1b[2J\x1b[H",
        "line\rover",
        "bell\x07",
        ":emoji: ${x} {0} %s",
        "\u202eevil",
    ]
)
PROSE_KEYS = {"title", "text", "help", "message", "advice", "label", "window", "disclaimer"}


@st.composite
def retexted(draw: st.DrawFn, original: object) -> object:
    """The data with some of its prose replaced by any text: markup, escapes, anything."""
    data = copy.deepcopy(original)
    prose = [
        path
        for path in key_paths(data)
        if path[-1] in PROSE_KEYS or (len(path) == 2 and path[0] == "intro")
    ]
    for path in draw(st.lists(st.sampled_from(prose), min_size=1, max_size=4)):
        parent: object = data
        for part in path[:-1]:
            parent = parent[part]  # type: ignore[index]
        parent[path[-1]] = draw(TRICKY_TEXT | st.text(min_size=1, max_size=40))  # type: ignore[index]
    return data


def documents_like(valid_data: object, valid_text: str) -> st.SearchStrategy[bytes]:
    return (
        mutated(valid_data).flatmap(serialised)
        | edited_text(valid_text)
        | st.binary(max_size=600)
        | st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass"))
    )


# --- what must hold ---------------------------------------------------------------------


def assert_one_clean_line(error: DataError) -> None:
    """What the CLI prints of an error is one line, and nothing in it can steer the terminal."""
    for text in (str(error), *map(str, error.problems)):
        shown = one_line(text)
        assert "\n" not in shown and first_unsafe_character(shown) is None, text


def show_everything(loaded: LoadedBank, answers: Mapping[str, Code]) -> str:
    """Score, then render every format and the terminal summary; the terminal text is returned."""
    setup = Setup(loaded, STRINGS, CONTACTS.regions[0])
    result = result_of(setup, answers)
    for output_format in Format:
        assert render(result, setup, output_format)
    shown = io.StringIO()
    for plain in (True, False):
        console = Console(file=shown, width=50, color_system=None, markup=False)
        show_summary(console, setup, result, plain=plain, saved_to=None)
    return shown.getvalue()


# --- banks ------------------------------------------------------------------------------


@FUZZ
@given(raw=documents_like(MINIMAL, MINIMAL_TEXT) | retexted(MINIMAL).flatmap(serialised))
def test_any_bank_document_loads_or_fails_cleanly(raw: bytes) -> None:
    FUZZ_CASES["bank documents"] += 1
    try:
        loaded = bank_from_document(documents.parse(raw, "fuzz.yaml"))
    except DataError as error:
        assert_one_clean_line(error)
        return
    FUZZ_CASES["bank documents that loaded, then shown"] += 1
    everyone_says_yes: dict[str, Answer] = {item.id: "yes" for item in loaded.bank.items}
    asked = asked_items(loaded.bank, everyone_says_yes)
    answers: dict[str, Answer] = {item.id: "yes" for item in asked}
    shown = show_everything(loaded, answers)
    assert first_unsafe_character(shown) is None


# --- answers files ----------------------------------------------------------------------


WRITTEN: dict[Answer, list[object]] = {
    "yes": ["yes", "Yes", True],
    "no": ["no", " NO ", False],
    "unsure": ["unsure", "not sure", "Not Sure"],
}


@st.composite
def plausible_answers(draw: st.DrawFn) -> bytes:
    """A whole answers file for the ketamine bank: every question that applies, written freely."""
    meant: dict[str, Answer] = {
        item.id: draw(st.sampled_from(ANSWERS)) for item in KETAMINE.bank.items
    }
    asked = [item.id for item in asked_items(KETAMINE.bank, meant)]
    written = {key: draw(st.sampled_from(WRITTEN[meant[key]])) for key in asked}
    data = {"bank": "ketamine", "answers": written}
    return draw(serialised(data))


@FUZZ
@given(raw=documents_like(GOOD_ANSWERS, GOOD) | plausible_answers())
def test_any_answers_file_loads_or_fails_cleanly(raw: bytes) -> None:
    FUZZ_CASES["answers files"] += 1
    try:
        answers = answers_from_document(documents.parse(raw, "answers.yaml"), KETAMINE.bank)
    except DataError as error:
        assert_one_clean_line(error)
        return
    FUZZ_CASES["answers files that loaded, then shown"] += 1
    show_everything(KETAMINE, answers)


# --- typed answers ----------------------------------------------------------------------

KEYS = st.sampled_from(
    ["y", "n", "u", "1", "2", "3", "?", "b", "q", "", " ", "yes", "Not sure", "back", "help"]
)
ANY_LINE = st.text(max_size=20).filter(lambda line: "\n" not in line)
# Anything at all; or a person mostly answering, now and then asking, going back or mistyping.
# And a whole valid session (begin, then answers enough for any path, the crisis prompt among
# them), so that many runs reach the end and the result, not only Ctrl-D or a quick exit.
WHOLE = st.lists(
    st.sampled_from(["y", "n", "1", "2", "3", "yes", "no", "Not sure"]), min_size=30, max_size=40
).map(lambda answers: ["", *answers])
LINES = (
    st.lists(KEYS | ANY_LINE, max_size=60)
    | st.lists(
        st.sampled_from(["y", "n", "u", "1", "2", "3", "yes", "No."] * 6 + ["?", "b", "", "x"]),
        min_size=10,
        max_size=60,
    )
    | WHOLE
)


@FUZZ
@given(lines=LINES, plain=st.booleans(), width=st.sampled_from([20, 40, 80]))
def test_any_typing_walks_or_ends_cleanly(lines: list[str], plain: bool, width: int) -> None:
    FUZZ_CASES["typed sessions"] += 1
    FUZZ_CASES["typed lines"] += len(lines)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    typed = iter(lines)

    def keyboard(prompt: object = "", *, password: bool = False, stream: object = None) -> str:
        console.print(prompt, end="")
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None  # the keyboard is done: Ctrl-D

    console.input = keyboard  # type: ignore[method-assign, assignment]
    setup = Setup(KETAMINE, STRINGS, CONTACTS.regions[0])
    try:
        walked = questions.ask(setup, console, plain=plain, state=State())
    except EOFError:
        FUZZ_CASES["typed sessions ended by Ctrl-D"] += 1
    except QuickExit:
        FUZZ_CASES["typed sessions ended by the quick-exit key"] += 1
    else:
        bank = KETAMINE.bank
        # However it ended, the walk hands on only answers to questions that apply; complete
        # ones when it completed, and a raised crisis flag when it stopped after crisis help.
        assert walked.answers == effective_answers(bank, walked.answers)
        if walked.ending is Ending.COMPLETED:
            assert missing_answers(bank, walked.answers) == []
            FUZZ_CASES["typed sessions completed"] += 1
        elif walked.ending is Ending.STOPPED_AFTER_CRISIS:
            levels = [flag.level for flag in raised_flags(bank, walked.answers)]
            assert "crisis" in levels
    assert first_unsafe_character(output.getvalue()) is None
