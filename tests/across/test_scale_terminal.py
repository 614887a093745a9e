"""A scale question in a real terminal (issue 22): `screener run --bank tests/data/scales.yaml`
and its Spanish twin, as a person (rich and plain), going back and asking for help, changing a
scale answer at the check of answers, and as a counsellor changing one at the review. A
pseudo-terminal each (pexpect), keys typed only once their prompt shows."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import ANSI, DATA, SCREENER, Session, scales_asked_on_options_file, terminal_env

SCALES = DATA / "scales.yaml"
SCALES_ES = DATA / "scales.es.yaml"
REVIEW = "A number to change an answer, or Enter for your result"
INTAKE_REVIEW = "Number to change, c for the client, i for initials, or Enter for the result"
Golden = Callable[[str, str], None]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., Session]]:
    if not SCREENER.exists():
        pytest.skip(f"no installed screener console script beside {SCREENER.parent}")
    sessions: list[Session] = []

    def starter(*args: str, columns: int = 80, **env: str) -> Session:
        session = Session(list(args), terminal_env(tmp_path, **env), columns)
        sessions.append(session)
        return session

    yield starter
    for session in sessions:  # a failed test must not leave a screener waiting for input
        if session.child.isalive():
            session.child.terminate(force=True)


def gated_bank(tmp_path: Path) -> Path:
    """tests/data/scales.yaml with a question asked only after weekly or daily use."""
    return scales_asked_on_options_file(tmp_path)


def expect_words(session: Session, text: str) -> None:
    """Wait for the words of `text` in order, whatever styling or spacing comes between."""
    between = r"(?:\x1b\[[0-9;]*m|\s)+"
    session.child.expect(between.join(re.escape(word) for word in text.split()))


def begin(session: Session, prompt: str = "Press Enter to begin") -> None:
    session.answer("", prompt=prompt)


def test_a_person_answers_scales_by_key_and_number_and_changes_one_at_the_check(
    spawn: Callable[..., Session],
) -> None:
    session = spawn("run", "--bank", str(SCALES), "--region", "uk")
    begin(session)
    for typed in ("y", "y", "n"):
        session.answer(typed)
    expect_words(session, "4  d  Daily or almost daily")
    session.answer("y")  # a yes is no answer to how often
    expect_words(session, "one of these letters:")
    session.answer("W")
    session.answer("n")
    expect_words(session, "3  s  I want to stop")
    session.answer("3")
    expect_words(session, "Weekly often")
    session.answer("4", prompt=REVIEW)  # change how often at the check of answers
    expect_words(session, "Earlier you said: Weekly. Press Enter to keep it.")
    session.answer("1")
    expect_words(session, "Never often")
    session.finish_self_check()
    assert session.end() == 0
    assert "Frequent use" not in session.words.split("Never often")[1]


def test_plain_mode_reads_the_options_and_takes_numbers(spawn: Callable[..., Session]) -> None:
    session = spawn("run", "--bank", str(SCALES), "--region", "uk", "--plain")
    begin(session)
    for typed in ("1", "1", "2"):
        session.answer(typed)
    expect_words(
        session, "5. Not sure (u)\r\nType the number of your answer, or the letter after it."
    )
    session.answer("5")
    session.answer("2")
    expect_words(session, "3. I want to stop (s)\r\n1 to 3, or the letter; x leaves.")
    session.answer("1")
    session.finish_self_check()
    assert session.end() == 0
    assert "4 not sure often" in session.words


def test_in_spanish_the_banks_keys_and_the_languages_not_sure(
    spawn: Callable[..., Session],
) -> None:
    session = spawn("run", "--bank", str(SCALES_ES), "--region", "es", "--lang", "es")
    begin(session, "Presiona Enter")
    for typed in ("s", "s", "n"):
        session.answer(typed, prompt="Respuesta:")
    expect_words(session, "5  ns  No lo sé")
    session.answer("w", prompt="Respuesta:")  # the English key means nothing here
    expect_words(session, "letras: n, m, s, d, ns.")
    session.answer("S", prompt="Respuesta:")
    session.answer("n", prompt="Respuesta:")
    expect_words(session, "3  d  Quiero dejarlo")
    session.answer("d", prompt="Respuesta:")
    expect_words(session, "Cada semana")
    session.finish_self_check(
        "Lo que muestran tus respuestas",
        review="Un número para cambiar",
        copy="¿Guardar una copia?",
    )
    assert session.end() == 0


def test_back_help_and_a_changed_scale_answer_rewalk_what_it_gates(
    spawn: Callable[..., Session], tmp_path: Path
) -> None:
    session = spawn("run", "--bank", str(gated_bank(tmp_path)), "--region", "uk")
    begin(session)
    for typed in ("y", "n", "n"):
        session.answer(typed)
    expect_words(session, "How often?")
    session.answer("?")
    expect_words(session, "In the past 3 months.")
    session.answer("d")
    expect_words(session, "Bladder pain?")  # asked after daily use
    session.answer("b")
    expect_words(session, "Earlier you said: Daily or almost daily. Press Enter to keep it.")
    session.answer("m")  # monthly: the bladder question no longer applies
    expect_words(session, "Mood?")
    session.answer("n")
    session.answer("1")
    session.finish_self_check()
    assert session.end() == 0
    listed = session.words.split("Here is what you answered.")[1].split(REVIEW)[0]
    assert "Monthly often" in listed
    assert "bladder" not in listed


def test_a_counsellor_changes_a_scale_answer_at_the_review_and_the_record_holds_its_code(
    spawn: Callable[..., Session], tmp_path: Path
) -> None:
    record = tmp_path / "intake.json"
    session = spawn(
        "intake",
        "--bank",
        str(SCALES),
        "--region",
        "uk",
        "--client",
        "K-1",
        "--counsellor",
        "AB",
        "-o",
        str(record),
    )
    begin(session)
    for typed in ("1", "1", "2"):
        session.answer(typed)
    expect_words(session, "+ (plus) note")
    session.answer("w")
    session.answer("2")
    session.answer("n")
    session.answer("4", prompt=INTAKE_REVIEW)
    expect_words(session, "Earlier you said: Weekly.")
    session.answer("+")
    session.answer("daily now", prompt="Note (one line")
    session.answer("D")
    expect_words(session, "Daily or almost daily often (health)")
    expect_words(session, "Note: daily now")
    session.answer("", prompt=INTAKE_REVIEW)
    session.answer("", prompt="Enter to leave it out")
    assert session.end() == 0
    saved = json.loads(record.read_text(encoding="utf-8"))
    assert saved["answers"]["often"] == "daily"
    assert saved["answers"]["feel"] == "not_worried"
    assert saved["notes"]["often"] == "daily now"


@pytest.mark.parametrize("key", ["x", "\x1b"], ids=["x", "esc"])
@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
def test_the_quick_exit_leaves_from_a_scale_question_with_no_enter(
    spawn: Callable[..., Session], key: str, plain: bool
) -> None:
    from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK

    session = spawn("run", "--bank", str(SCALES), "--region", "uk", *(["--plain"] * plain))
    begin(session)
    for typed in ("y", "y", "n"):
        session.answer(typed)
    expect_words(session, "Daily or almost daily")
    session.wait_for("Your answer:")
    session.child.send(key)  # no Enter
    assert session.end() == 130
    after = session.text.rsplit(CLEAR_SCREEN_AND_SCROLLBACK, 1)
    assert len(after) == 2 and "How often?" not in after[1]


# --- golden files: a width the environment gives as 0 is the terminal's own (80) ----------


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_scale_prompt_at_columns_0_golden(
    spawn: Callable[..., Session], golden: Golden, language: str, plain: bool
) -> None:
    bank, prompt = (SCALES, "Your answer:") if language == "en" else (SCALES_ES, "Respuesta:")
    args = ["run", "--bank", str(bank), "--region", "uk", "--lang", language]
    session = spawn(*args, *(["--plain"] if plain else []), COLUMNS="0")
    begin(session, "Enter")
    for typed in ("1", "1", "2", "9", "2", "b", ""):
        session.answer(typed, prompt=prompt)
    session.answer("x", prompt=prompt)  # the quick exit
    assert session.end() == 130
    text = ANSI.sub("", session.text)
    shown = re.search(r"\n[^\n]*4 [^\n]*6\.?\n.*(?=\n[^\n]*5 [^\n]*6\.?\n)", text, re.S)
    assert shown is not None, text
    block = "\n".join(line.rstrip() for line in shown.group(0).split("\n"))
    assert max(len(line) for line in block.splitlines()) <= 80
    golden(f"scale_prompt.{language}.columns0{'.plain' if plain else ''}.txt", block + "\n")
