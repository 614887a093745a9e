"""Module-level constants and decorated rules changed one at a time: what mutmut never changes.

    python benchmarks/constants.py [--keep]

mutmut mutates the bodies of plain functions only: not a module-level constant (the contact
order, the crisis kinds, the endings table) and not a property (where a session's record goes).
Each change listed below is applied, alone, to a copy of the checkout (.mutation/constants/),
and the tests of its module run: those [tool.screener.mutation] in pyproject.toml lists for it,
or the change's own. A change no test fails is a survivor. Before any change, each set of tests
must pass on the unchanged copy, or its changes are not counted. Prints every change, then
caught/counted; exits 2 if any survives. See docs/testing.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mutation import WORK, copy_checkout, modules  # beside this file, run as a script

COPIED_FILES = ("pyproject.toml", "README.md")
"""Beside the folders mutation.py copies: pytest's settings too (no mutmut config is written)."""


@dataclass(frozen=True)
class Change:
    """One hand-made mutant: `old`, found exactly once in `module`, becomes `new`."""

    module: str
    old: str
    new: str
    what: str
    tests: tuple[str, ...] = ()
    """Its tests, where [tool.screener.mutation] lists none for the module."""


CONTACTS = "screener/rules/contacts.py"
LOCALES = "screener/locales.py"
REVIEW = "screener/rules/review.py"
ANSWERS = "screener/files/answers_file.py"
ANSWER_VALUES = "screener/files/answer_values.py"
FHIRPATH = "screener/rules/fhirpath.py"
ENDINGS = "screener/rules/endings.py"
SESSION = "screener/commands/session.py"
SAFETEXT = ("tests/test_safetext.py",)
WHATIF = ("tests/rules/test_whatif.py",)

KINDS = '("crisis", "emergency", "health", "drugs", "directory")'
CRISIS = 'CRISIS_KINDS = ("crisis", "emergency", "directory")'
TERRITORY = 'TERRITORY_VARIABLES = ("LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LANG")'
LANGUAGE = 'LANGUAGE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")'
OPEN = r'r"24\s*(hours|horas|h\b)|24\s*/\s*7", re.IGNORECASE'
BREAKS = r'{"\n": "\\n", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"}'
LEVELS = '{"crisis": 0, "urgent": 1, "medical": 2, "info": 3}'


def rule(stop: str, exit_code: str, files: bool, goodbye: bool) -> str:
    return (
        f"Stop.{stop}: Rule(ExitCode.{exit_code}, intake_files_record={files}, "
        f"shows_goodbye={goodbye})"
    )


# The endings table as it stands: (stop, exit code, files the record, says goodbye).
ENDINGS_TABLE = (
    ("CRISIS_STOP", "ENDED_EARLY", True, False),
    ("QUICK_EXIT", "ENDED_EARLY", True, False),
    ("INTERRUPTED", "ENDED_EARLY", True, True),
    ("END_OF_INPUT", "ENDED_EARLY", True, True),
    ("HANG_UP", "HANG_UP", True, False),
    ("TERMINATED", "TERMINATED", True, True),
)


def endings_changes() -> list[Change]:
    """Every cell of the endings table changed: each flag flipped, each exit code another."""
    changes = []
    for stop, code, files, goodbye in ENDINGS_TABLE:
        now = rule(stop, code, files, goodbye)
        other = "HANG_UP" if code == "ENDED_EARLY" else "ENDED_EARLY"
        changes += [
            Change(
                ENDINGS, now, rule(stop, code, not files, goodbye), f"RULES: {stop} files: flip"
            ),
            Change(
                ENDINGS, now, rule(stop, code, files, not goodbye), f"RULES: {stop} goodbye: flip"
            ),
            Change(ENDINGS, now, rule(stop, other, files, goodbye), f"RULES: {stop} exits {other}"),
        ]
    return changes


CHANGES: tuple[Change, ...] = (
    # rules/contacts.py: who is shown which contacts, in which order; which files are refused
    Change(CONTACTS, CRISIS, CRISIS.replace(', "directory"', ""), "CRISIS_KINDS without directory"),
    Change(CONTACTS, CRISIS, CRISIS.replace(', "emergency"', ""), "CRISIS_KINDS without emergency"),
    Change(CONTACTS, CRISIS, CRISIS.replace('"crisis", ', ""), "CRISIS_KINDS without crisis"),
    Change(CONTACTS, CRISIS, CRISIS.replace('")', '", "health")'), "CRISIS_KINDS with health"),
    Change(
        CONTACTS,
        KINDS,
        '("emergency", "crisis", "health", "drugs", "directory")',
        "KIND_ORDER: emergency before crisis",
    ),
    Change(
        CONTACTS,
        KINDS,
        '("crisis", "emergency", "drugs", "health", "directory")',
        "KIND_ORDER: drugs before health",
    ),
    Change(
        CONTACTS,
        KINDS,
        '("crisis", "emergency", "health", "directory", "drugs")',
        "KIND_ORDER: directory before drugs",
    ),
    Change(CONTACTS, 'r"[a-z]{2}"', 'r"[a-zA-Z]{2}"', "LANGUAGE_CODE: any case"),
    Change(CONTACTS, 'r"[a-z]{2}"', 'r"[a-z]{2,3}"', "LANGUAGE_CODE: two or three letters"),
    Change(CONTACTS, 'r"[A-Z]{2}"', 'r"[A-Za-z]{2}"', "TERRITORY_CODE: any case"),
    Change(CONTACTS, 'r"[A-Z]{2}"', 'r"[A-Z]{2,3}"', "TERRITORY_CODE: two or three letters"),
    Change(CONTACTS, "timedelta(days=548)", "timedelta(days=547)", "STALE_AFTER: 547 days"),
    Change(CONTACTS, "timedelta(days=548)", "timedelta(days=549)", "STALE_AFTER: 549 days"),
    Change(CONTACTS, OPEN, OPEN.replace("|horas", ""), "ALWAYS_OPEN without horas"),
    Change(CONTACTS, OPEN, OPEN.replace(r"|h\b", ""), "ALWAYS_OPEN without 24h"),
    Change(CONTACTS, OPEN, OPEN.replace(r"|24\s*/\s*7", ""), "ALWAYS_OPEN without 24/7"),
    Change(CONTACTS, OPEN, OPEN.replace(", re.IGNORECASE", ""), "ALWAYS_OPEN: case-sensitive"),
    Change(
        "screener/files/contacts.py",
        '"resources.yaml"',
        '"resource.yaml"',
        "SERVICE_FILE: another name",
        ("tests/rules/test_contacts.py", "tests/files/test_contacts.py"),
    ),
    # locales.py: which locale variables say where a person is and what they read
    Change(
        LOCALES,
        TERRITORY,
        TERRITORY.replace('"LC_TELEPHONE", ', ""),
        "TERRITORY_VARIABLES without LC_TELEPHONE",
    ),
    Change(
        LOCALES,
        TERRITORY,
        TERRITORY.replace('"LC_ADDRESS", ', ""),
        "TERRITORY_VARIABLES without LC_ADDRESS",
    ),
    Change(
        LOCALES,
        TERRITORY,
        'TERRITORY_VARIABLES = ("LANG", "LC_ALL", "LC_TELEPHONE", "LC_ADDRESS")',
        "TERRITORY_VARIABLES: LANG first",
    ),
    Change(
        LOCALES,
        TERRITORY,
        TERRITORY.replace('"LANG"', '"LC_MESSAGES", "LANG"'),
        "TERRITORY_VARIABLES with LC_MESSAGES",
    ),
    Change(
        LOCALES,
        TERRITORY,
        'TERRITORY_VARIABLES = ("LC_ALL", "LC_ADDRESS", "LC_TELEPHONE", "LANG")',
        "TERRITORY_VARIABLES: LC_ADDRESS before LC_TELEPHONE",
    ),
    Change(
        LOCALES,
        LANGUAGE,
        LANGUAGE.replace('"LC_MESSAGES", ', ""),
        "LANGUAGE_VARIABLES without LC_MESSAGES",
    ),
    Change(
        LOCALES, LANGUAGE, LANGUAGE.replace('"LC_ALL", ', ""), "LANGUAGE_VARIABLES without LC_ALL"
    ),
    Change(
        LOCALES,
        LANGUAGE,
        'LANGUAGE_VARIABLES = ("LC_MESSAGES", "LC_ALL", "LANG")',
        "LANGUAGE_VARIABLES: LC_MESSAGES first",
    ),
    Change(
        LOCALES,
        LANGUAGE,
        LANGUAGE.replace('"LANG"', '"LC_TELEPHONE", "LANG"'),
        "LANGUAGE_VARIABLES with LC_TELEPHONE",
    ),
    # rules/review.py: what a counsellor may type
    Change(
        REVIEW, "MAX_CLIENT_REFERENCE = 40", "MAX_CLIENT_REFERENCE = 41", "MAX_CLIENT_REFERENCE + 1"
    ),
    Change(
        REVIEW, "MAX_CLIENT_REFERENCE = 40", "MAX_CLIENT_REFERENCE = 39", "MAX_CLIENT_REFERENCE - 1"
    ),
    Change(REVIEW, "MAX_NOTE = 200", "MAX_NOTE = 201", "MAX_NOTE + 1"),
    Change(REVIEW, "MAX_NOTE = 200", "MAX_NOTE = 199", "MAX_NOTE - 1"),
    # rules/scoring.py: flags most urgent first
    Change(
        "screener/rules/scoring.py",
        LEVELS,
        LEVELS.replace('0, "urgent": 1', '1, "urgent": 0'),
        "LEVEL_ORDER: urgent before crisis",
    ),
    Change(
        "screener/rules/scoring.py",
        LEVELS,
        LEVELS.replace('2, "info": 3', '3, "info": 2'),
        "LEVEL_ORDER: info before medical",
    ),
    # files/answers_file.py: which keys an answers file may hold;
    # files/answer_values.py: which booleans are answers
    Change(
        ANSWERS,
        'ANSWERS_KEYS = ("bank", "answers")',
        'ANSWERS_KEYS = ("answers",)',
        "ANSWERS_KEYS without bank",
    ),
    Change(
        ANSWERS,
        'INTAKE_KEYS = ("client", "notes")',
        'INTAKE_KEYS = ("notes",)',
        "INTAKE_KEYS without client",
    ),
    Change(
        ANSWERS,
        'INTAKE_KEYS = ("client", "notes")',
        'INTAKE_KEYS = ("client",)',
        "INTAKE_KEYS without notes",
    ),
    Change(
        ANSWER_VALUES,
        '{"yes", "no", "true", "false"}',
        '{"yes", "no", "false"}',
        "ANSWER_BOOLEAN_WORDS without true",
    ),
    Change(
        ANSWER_VALUES,
        '{"yes", "no", "true", "false"}',
        '{"yes", "true", "false"}',
        "ANSWER_BOOLEAN_WORDS without no",
    ),
    # rules/fhirpath.py: the variable names docs/fhir.md promises
    Change(FHIRPATH, '"gateClosed"', '"gateShut"', "GATE_CLOSED renamed"),
    Change(FHIRPATH, '"criteriaMet"', '"criteriaFound"', "CRITERIA_MET renamed"),
    Change(FHIRPATH, '"criteriaCounted"', '"criteriaApplicable"', "CRITERIA_APPLICABLE renamed"),
    # rules/whatif.py and models/base.py: what a flip turns an answer into
    Change(
        "screener/rules/whatif.py",
        '"unsure": "yes"}',
        '"unsure": "no"}',
        "CYCLE: not sure flips to no",
        WHATIF,
    ),
    Change(
        "screener/models/base.py",
        '{"1": "yes", "2": "no", "3": "unsure"}',
        '{"1": "yes", "2": "unsure", "3": "no"}',
        "NUMBERED: 2 and 3 swapped",
        WHATIF,
    ),
    # safetext.py: a name stays on its line
    Change(
        "screener/safetext.py",
        BREAKS,
        BREAKS.replace(r'"\u2028": "\\u2028", ', ""),
        "LINE_BREAKS without U+2028",
        SAFETEXT,
    ),
    Change(
        "screener/safetext.py",
        BREAKS,
        BREAKS.replace(r'"\t": "\\t", ', ""),
        "LINE_BREAKS without tab",
        SAFETEXT,
    ),
    # rules/endings.py: every cell of the endings table, and the exit codes and record values
    *endings_changes(),
    Change(ENDINGS, "HANG_UP = 129", "HANG_UP = 128", "ExitCode.HANG_UP 128"),
    Change(ENDINGS, "TERMINATED = 143", "TERMINATED = 142", "ExitCode.TERMINATED 142"),
    Change(ENDINGS, "ENDED_EARLY = 130", "ENDED_EARLY = 131", "ExitCode.ENDED_EARLY 131"),
    Change(ENDINGS, "NOT_SAVED = 1", "NOT_SAVED = 3", "ExitCode.NOT_SAVED 3"),
    Change(ENDINGS, 'QUICK_EXIT = "quick_exit"', 'QUICK_EXIT = "quick"', "Stop.QUICK_EXIT's value"),
    Change(ENDINGS, 'HANG_UP = "hang_up"', 'HANG_UP = "hangup"', "Stop.HANG_UP's value"),
    # commands/session.py: its properties (mutmut skips decorated functions)
    Change(
        SESSION,
        "if self.options.output is not None:",
        "if self.options.output is None:",
        "destination: a file when there is none",
    ),
    Change(
        SESSION,
        "if self.options.format is Format.text:",
        "if self.options.format is not Format.text:",
        "destination: the screen for a record format",
    ),
    Change(
        SESSION,
        "if self.destination is Destination.STDOUT:\n            return self.terminal.stderr",
        "if self.destination is Destination.FILE:\n            return self.terminal.stderr",
        "conversation: on standard error when writing a file",
    ),
    Change(
        SESSION,
        "return self.who is Who.INTAKE and self.destination is Destination.SCREEN",
        "return self.who is Who.INTAKE",
        "offers_save_at_end: whatever the destination",
    ),
    Change(
        SESSION,
        "return self.who is Who.INTAKE and self.destination is Destination.SCREEN",
        "return self.destination is Destination.SCREEN",
        "offers_save_at_end: a self-check too",
    ),
    Change(
        SESSION, "return self.terminal.stdin_is_terminal", "return True", "at_a_keyboard: always"
    ),
    Change(
        SESSION, "return self.terminal.stdin_is_terminal", "return False", "at_a_keyboard: never"
    ),
)


def prepare() -> Path:
    work = WORK / "constants"
    copy_checkout(work, COPIED_FILES)
    return work


def tests_of(change: Change, table: dict[str, list[str]]) -> tuple[str, ...]:
    tests = change.tests or tuple(table.get(change.module, ()))
    if not tests:
        raise SystemExit(f"no tests for {change.module}: list them in the change or pyproject.toml")
    return tests


def passes(work: Path, tests: tuple[str, ...]) -> bool:
    """The tests, in the copy, importing screener from it, as a mutation run does."""
    environ = {
        **os.environ,
        "SCREENER_HYPOTHESIS_PROFILE": "mutation",
        "PYTHONPATH": str(work),
        "PYTHONDONTWRITEBYTECODE": "1",  # a changed module is never read from a stale .pyc
    }
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    command += ["-p", "no:randomly", *tests]
    ran = subprocess.run(command, cwd=work, env=environ, capture_output=True, check=False)
    return ran.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep .mutation/constants/")
    args = parser.parse_args()
    table = modules()
    work = prepare()
    # The copy must be the one imported: a change there that a test sees proves it.
    probe = subprocess.run(
        [sys.executable, "-c", "import screener; print(screener.__file__)"],
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(work)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()).is_relative_to(work), probe.stdout
    baseline: dict[tuple[str, ...], bool] = {}
    caught, counted, survivors, not_counted = 0, 0, [], []
    for change in CHANGES:
        path = work / change.module
        original = path.read_text(encoding="utf-8")
        if original.count(change.old) != 1:
            print(f"stale list: {change.old!r} is not in {change.module} exactly once")
            return 1
        tests = tests_of(change, table)
        if tests not in baseline:
            baseline[tests] = passes(work, tests)
            if not baseline[tests]:
                print(f"  tests fail unchanged, not counted: {' '.join(tests)}")
        if not baseline[tests]:
            not_counted.append(change)
            continue
        path.write_text(original.replace(change.old, change.new, 1), encoding="utf-8")
        try:
            failed = not passes(work, tests)
        finally:
            path.write_text(original, encoding="utf-8")
        counted += 1
        caught += failed
        if not failed:
            survivors.append(change)
        print(f"{'caught  ' if failed else 'SURVIVED'}  {change.module}: {change.what}", flush=True)
    print()
    percent = 100 * caught / counted if counted else 100.0
    print(f"{caught}/{counted} changes caught ({percent:.1f}%); {len(not_counted)} not counted")
    for change in survivors:
        print(f"    survived: {change.module}: {change.what}")
    if not args.keep:
        shutil.rmtree(work)
    return 0 if not survivors and not not_counted else 2


if __name__ == "__main__":
    raise SystemExit(main())
