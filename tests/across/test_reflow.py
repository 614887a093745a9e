"""Reflow: lines of a readable length on a wide terminal, tables that turn into lists where
they do not fit, and what a person reads at 28, 40 and 80 columns as golden files.

The Northern Ireland textphone, written digit by digit in plain mode, is 34 columns wide: at
28 it breaks between its digit groups, never inside one (tests/render/test_keep_whole.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from screener.cli import app
from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.bundled import contacts_file
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.rules.contacts import choose_region, contacts_to_show
from screener.terminal.host import READABLE_WIDTH
from tests.helpers import SCREENER, Session, terminal_env

runner = CliRunner()
ENV = {"LANG": "en_GB.UTF-8", "COLUMNS": "250"}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# begin, used ketamine, not prescribed, then n to every other question asked (on the two
# scales, n is never and not worried)
A_WHOLE_RUN = "\n" + "y\n" + "n\n" * 22

WIDE = [
    (["run", "--region", "uk", "--plain"], {}, A_WHOLE_RUN),
    (["run", "--region", "uk"], {"FORCE_COLOR": "1"}, A_WHOLE_RUN),
    (["explain"], {}, ""),
    (["explain"], {"FORCE_COLOR": "1"}, ""),
    (["demo", "jordan", "--pace", "0"], {"FORCE_COLOR": "1"}, "q\n"),
]


@pytest.mark.parametrize(("args", "env", "typed"), WIDE, ids=lambda value: repr(value)[:40])
def test_lines_stay_readable_on_a_very_wide_terminal(
    args: list[str], env: dict[str, str], typed: str
) -> None:
    """At 250 columns the summary, questions and explanations ran 220 characters a line:
    they wrap at about 100, as --projector's did, whatever the mode."""
    result = runner.invoke(app, args, env={**ENV, **env}, input=typed)
    assert result.exit_code == 0, result.output
    lengths = [len(line) for line in ANSI.sub("", result.stdout).splitlines()]
    assert max(lengths) <= READABLE_WIDTH
    assert max(lengths) > READABLE_WIDTH - 15  # the width is used up to the limit


@pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener console script")
@pytest.mark.parametrize("plain", [False, True])
def test_the_contacts_stay_readable_on_a_very_wide_terminal(tmp_path: Path, plain: bool) -> None:
    """`resources` wraps its own lines on a terminal (into a pipe a field stays one line)."""
    pytest.importorskip("pexpect", reason="pexpect is a test dependency")
    args = ["resources", "--region", "uk", *(["--plain"] if plain else [])]
    session = Session(args, terminal_env(tmp_path), columns=250)
    assert session.end() == 0
    lines = ANSI.sub("", session.text).splitlines()
    lengths = [len(line) for line in lines if len(line.split()) > 1]  # an address stays whole
    assert READABLE_WIDTH - 15 < max(lengths) <= READABLE_WIDTH


# --- tables: a table where every word fits, else a list ---------------------------------------


def explained(width: int, *, plain: bool, language: str = "en") -> str:
    from screener.files.wording import load_trainer_strings
    from screener.render.explain import print_handout
    from screener.reports.explain import explain
    from screener.reports.handout import handout

    strings = load_strings(language)
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    document = handout(
        explain(load_bank(path)),
        load_trainer_strings(language),
        strings.answer_labels,
        strings.intake.kind_labels,
        unsure_key=strings.answer_words.unsure[0],
    )
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    print_handout(console, document, plain=plain)
    return "\n".join(line.rstrip() for line in output.getvalue().split("\n"))


def personas(width: int, language: str) -> str:
    from screener.files.wording import load_trainer_strings
    from screener.terminal.demo import list_personas
    from screener.terminal.trainer_screen import TrainerSetup

    strings = load_strings(language)
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    region = contacts_to_show(choose_region(load_contacts(contacts_file()), "uk", {}), None, "en")
    setup = TrainerSetup(load_bank(path), strings, load_trainer_strings(language), region)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    list_personas(setup, console, plain=False)
    return output.getvalue()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", [20, 28, 32, 40, 50, 60, 64, 66, 68, 70, 76, 80, 90, 100])
def test_no_table_is_cut_short_at_any_width(width: int, language: str) -> None:
    """'explain' at 40 columns cut its table with 49 ellipses ('Questi…', 'impair…'), and the
    personas' table did the same: below the width a table needs, it is a list."""
    for shown in (explained(width, plain=False, language=language), personas(width, language)):
        assert "…" not in shown
        assert all(len(line.rstrip()) <= width for line in shown.splitlines() if " " in line)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_table_that_does_not_fit_is_a_list_of_blocks(language: str) -> None:
    """Each row a block: its label, then each field that says something, named."""
    narrow = explained(40, plain=False, language=language)
    wide = explained(100, plain=False, language=language)
    column = "Question" if language == "en" else "Pregunta"
    assert f"\nQ1\n  {column}: " in narrow and f"\nQ1\n  {column}: " not in wide
    assert re.search(rf"\n *Q +{column} +", wide)  # the table's header row
    assert "\nsam\n  " in personas(40, language) and "\nsam\n" not in personas(100, language)


def number(item_id: str) -> int:
    """A question's number in the bundled bank (from 1, in bank order), found by its id: a new
    question moves no number here."""
    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    return [item.id for item in load_bank(path).bank.items].index(item_id) + 1


@pytest.mark.parametrize("width", [28, 80, 100])
def test_explain_in_plain_mode_is_always_a_list(width: int) -> None:
    """Heard in a line, 'Q4  More or longer than intended  1  impaired control
    more_than_meant' runs its columns together: each field is named instead."""
    shown = explained(width, plain=True)
    more = number("more_than_meant")
    assert f"\nQ{more}\n  Question: More or longer" in shown
    words = " ".join(shown.split())
    assert (
        f"Q{more} Question: More or longer than intended Criterion: 1 Cluster: impaired control"
        in words
    )
    assert "Q1 Question: Used in the past 12 months Criterion: gate Id: used_past_year" in words


# --- golden files: what a person reads at 28, 40 and 80 columns -------------------------------
# 80 columns of the summary and of explain are summary_moderate.plain.txt, explain_ketamine.txt
# and explain_ketamine.plain.txt (tests/render, tests/reports). Regenerate: --update-golden.

Golden = Callable[[str, str], None]


def crisis_screen(width: int, *, plain: bool, region_id: str, language: str) -> str:
    """The crisis screen as it is drawn during the questions, carried on from with 'y', on a
    screen 24 rows high (so the reminder shows where the numbers scroll away)."""
    from screener.terminal.prompt import ConsoleAsker

    strings = load_strings(language)
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    flag = next(flag for flag in load_bank(path).bank.flags if flag.level == "crisis")
    contacts = load_contacts(contacts_file())
    region = contacts_to_show(choose_region(contacts, region_id, {}), None, language)
    output = io.StringIO()
    console = Console(
        file=output, width=width, height=24, color_system=None, markup=False, highlight=False
    )
    console.input = lambda *args, **kwargs: "y"  # type: ignore[method-assign]
    assert ConsoleAsker(console, strings, region, plain=plain).crisis(flag) is True
    return "\n".join(line.rstrip() for line in output.getvalue().split("\n"))


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("width", [28, 40, 80])
def test_the_crisis_screen_golden(golden: Golden, width: int, plain: bool) -> None:
    shown = crisis_screen(width, plain=plain, region_id="uk", language="en")
    assert all(len(line) <= width for line in shown.splitlines())
    golden(f"crisis_uk.{width}{'.plain' if plain else ''}.txt", shown)


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
def test_the_spanish_crisis_screen_golden_at_28(golden: Golden, plain: bool) -> None:
    shown = crisis_screen(28, plain=plain, region_id="es", language="es")
    assert all(len(line) <= 28 for line in shown.splitlines())
    golden(f"crisis_es.28{'.plain' if plain else ''}.txt", shown)


@pytest.mark.parametrize("width", [28, 40])
def test_the_plain_summary_golden(golden: Golden, width: int) -> None:
    from screener.render.text import print_sections
    from screener.reports.summary import build_summary
    from screener.rules.contacts import for_listening
    from screener.rules.result import build_result
    from screener.rules.scoring import score
    from tests.helpers import PATHS

    answers, region_id = PATHS["moderate"]
    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    ketamine = load_bank(path)
    written = contacts_to_show(
        choose_region(load_contacts(contacts_file()), region_id, {}), None, "en"
    )
    result = build_result(ketamine, score(ketamine.bank, answers), written)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    summary = build_summary(ketamine.bank, result, for_listening(written, True), load_strings("en"))
    print_sections(console, summary, plain=True)
    shown = output.getvalue()
    assert all(len(line) <= width for line in shown.splitlines() if " " in line)
    golden(f"summary_moderate.{width}.plain.txt", shown)


@pytest.mark.parametrize("plain", [False, True], ids=["rich", "plain"])
@pytest.mark.parametrize("width", [28, 40])
def test_explain_golden(golden: Golden, width: int, plain: bool) -> None:
    golden(
        f"explain_ketamine.{width}{'.plain' if plain else ''}.txt", explained(width, plain=plain)
    )
