"""The end of a person's self-check at a keyboard: the answers to check, then a copy to keep."""

from __future__ import annotations

import datetime
import io
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from screener.commands import outcome
from screener.commands.session import Session, Who
from screener.commands.setup import Options, prepare
from screener.rules import result as record
from screener.terminal.host import Terminal

Golden = Callable[[str, str], None]
MOMENT = datetime.datetime(
    2026, 11, 21, 10, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
)
# Begin; used, not only prescribed; how often: 3 (monthly); criterion 1 not sure, the rest
# no; how the person feels: 4 (rather not say). Numbers, so English and Spanish alike.
ANSWERS = "\n" + "y\n" + "n\n" + "3\n" + "u\n" + "n\n" * 17 + "4\n" + "n\n"


class Keyboard(io.StringIO):
    """Typed lines, from what says it is a terminal: someone is at the keyboard."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record, "now", lambda: MOMENT)


def self_check(
    keys: str, language: str = "en", output: Path | None = None
) -> tuple[int, str, Keyboard]:
    """A self-check at a keyboard that reads lines (no termios), 80 columns, plain."""
    keyboard = Keyboard(keys)
    screen = io.StringIO()
    environ = {"COLUMNS": "80", "LINES": "24", "LANG": "en_GB.UTF-8"}
    terminal = Terminal(keyboard, screen, io.StringIO(), environ=environ, has_termios=False)
    options = Options(region="uk", language=language, output=output)
    setup = prepare(options, terminal)
    code = outcome.self_check(setup, Session(Who.SELF, terminal, options), trainer=False)
    return code, screen.getvalue(), keyboard


def test_the_answers_to_check_then_a_copy_kept_golden(
    tmp_path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a person reads from the last answer to the end, at 80 columns: a number changes
    an answer, Enter shows the result; y keeps a copy under the suggested name, owner-only."""
    monkeypatch.chdir(tmp_path)
    code, shown, keyboard = self_check(ANSWERS + "5\n" + "y\n" + "\n" + "y\n")
    assert code == 0
    assert keyboard.read() == ""  # every line typed was read
    start = shown.index("Your answers\n")
    golden("self_review.txt", shown[start : shown.index("What your answers show")])
    golden("self_save_offer.txt", shown[shown.index("Your answers were not saved") :])
    copy = tmp_path / "screener-2026-11-21.md"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert "Your answers touched 1 of the 10 areas" in " ".join(copy.read_text().split())


def test_enter_skips_both_and_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, shown, keyboard = self_check(ANSWERS + "\n" + "\n")
    assert (code, keyboard.read()) == (0, "")
    assert "Not saved. Nothing was stored." in shown
    assert list(tmp_path.iterdir()) == []


def test_the_summary_names_what_was_not_sure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _, shown, _ = self_check(ANSWERS + "\n" + "\n")
    assert "Not sure: Used more, or for longer, than meant." in shown  # plain words


def test_q_at_the_check_stops_and_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, shown, _ = self_check(ANSWERS + "q\n")
    assert code == 130
    assert "You stopped the check. Nothing was saved." in shown
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("language", "yes"), [("en", "y"), ("es", "s")])
def test_the_suggested_name_is_taken_with_yes_in_the_screen_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, yes: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, keyboard = self_check(ANSWERS + "\n" + f"{yes}\n", language)
    assert (code, keyboard.read()) == (0, "")
    assert (tmp_path / "screener-2026-11-21.md").exists()


@pytest.mark.parametrize(("language", "yes"), [("en", "y"), ("es", "s")])
def test_a_second_copy_on_one_day_is_offered_a_free_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, yes: str
) -> None:
    """The day's name is taken: the offer names the next free one, and yes takes it (it
    once offered the taken name again, after an English refusal)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "screener-2026-11-21.md").write_text("the first copy")
    code, shown, keyboard = self_check(ANSWERS + "\n" + f"{yes}\n", language)
    assert (code, keyboard.read()) == (0, "")
    assert "screener-2026-11-21-2.md" in shown
    assert (tmp_path / "screener-2026-11-21.md").read_text() == "the first copy"
    assert (tmp_path / "screener-2026-11-21-2.md").exists()


TAKEN = {
    "en": "already exists, and screener never replaces a file.",
    "es": "ya existe, y screener nunca reemplaza un archivo.",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_name_that_is_taken_is_refused_in_the_screen_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.md").write_text("keep me")
    code, shown, keyboard = self_check(ANSWERS + "\n" + "mine.md\n" + "\n", language)
    assert (code, keyboard.read()) == (0, "")
    assert f"mine.md {TAKEN[language]}" in " ".join(shown.split())
    assert "add --force" not in shown and "type another name" not in shown
    assert (tmp_path / "mine.md").read_text() == "keep me"


NO_FOLDER = {
    "en": "Your answers could not be saved: there is no folder",
    "es": "No se han podido guardar tus respuestas: no existe la carpeta",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_output_folder_gone_by_the_end_is_said_in_the_screen_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """-o names a folder that is removed during the questions: the summary still shows, the
    crisis numbers with it, and why nothing was saved is said in the person's language."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "records"
    folder.mkdir()
    keyboard_keys = ANSWERS + "\n" + "\n"  # Enter: the result; Enter: no other file
    folder.rmdir()  # gone before the save (checked at the start, gone by the end)
    code, shown, keyboard = self_check(keyboard_keys, language, output=folder / "r.md")
    assert (code, keyboard.read()) == (1, "")
    flat = " ".join(shown.split())
    assert f"{NO_FOLDER[language]} {folder}." in flat
    assert "cannot be written" not in flat
    assert "Samaritans" in flat and "1 1 6 1 2 3" in flat  # shown whatever the save did
