"""Bad input, measured: each broken file or path through the CLI, with its exact line and exit code.

Every case is written out here (or in tests/data/broken/, which tests/files/test_bank.py also holds
to its messages), run through `screener` as a person would, and must give one exact line: on
stdout for `screener validate`, as "Error: ..." on stderr for `screener run`, exit code 1.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.commands.banks import validate_files
from tests.helpers import (
    BROKEN,
    DATA,
    GOOD,
    existing_file,
    inside_a_file,
    read_only_folder,
    symlink_to_elsewhere,
)

runner = CliRunner()
ENV = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), env=ENV)


def edit(old: str, new: str, text: str = MINIMAL) -> bytes:
    """The text with one exact edit, which must apply."""
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def billion_laughs() -> bytes:
    """The classic: nine levels of ten aliases each, a billion "lol"s once expanded."""
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        aliases = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return ("\n".join(lines) + "\n").encode()


# --- bank files: `screener validate FILE` and `screener run --bank FILE` ------------------

# name: (the file's bytes, the message after "FILE") for broken inputs not in tests/data/broken.
BAD_BANKS: dict[str, tuple[bytes, str]] = {
    "tab_before_top_key": (
        edit("title: Mini", "\ttitle: Mini"),
        ":4:1: invalid YAML: found a tab character that violates indentation (indent with spaces, not tabs)",
    ),
    "tab_before_a_list_entry": (
        edit("items:\n  - id: used\n", "items:\n\t- id: used\n"),
        ":16:1: invalid YAML: found character that cannot start any token (indent with spaces, not tabs)",
    ),
    "unclosed_single_quote": (
        edit("title: Mini bank", "title: 'Mini bank"),
        ":4:8: invalid YAML: this quote is never closed",
    ),
    "unclosed_flow_list": (
        edit('closed_when: ["no"]', 'closed_when: ["no"'),
        ":45:5: invalid YAML: did not find expected ',' or ']' (is the [ on line 44 closed?)",
    ),
    "duplicate_top_key": (
        edit("language: en", "language: en\nid: other"),
        ":4:1: duplicate key 'id' (first at line 1)",
    ),
    "unknown_top_key": (
        edit("title: Mini bank", "titel: Mini bank"),
        ":4:1: titel: unknown key 'titel'; did you mean 'title'?",
    ),
    "missing_disclaimer": (
        edit("disclaimer: Not a diagnosis.\n", ""),
        ":1:1: disclaimer: missing required key 'disclaimer'",
    ),
    "clusters_a_mapping": (
        edit(
            "clusters:\n  - id: control\n    title: Control\n  - id: body\n    title: Body",
            "clusters:\n  control: Control\n  body: Body",
        ),
        ":10:1: clusters: expected a list, got a mapping of keys",
    ),
    "empty_text": (edit("help: Any use.", 'help: ""'), ":19:5: items[0].help: must not be empty"),
    "criteria_as_words": (
        edit("criteria: 2", "criteria: two"),
        ":40:3: scoring.criteria: expected a whole number, got text",
    ),
    "criteria_negative": (
        edit("criteria: 2", "criteria: -1"),
        ":40:3: scoring.criteria: expected a whole number of at least 1",
    ),
    "intro_as_text": (
        edit("intro:\n  - An introduction.", "intro: An introduction."),
        ":8:1: intro: expected a list, got text",
    ),
    "key_a_number": (
        edit("language: en", "language: en\n7: seven"),
        ":4:1: every key here must be text",
    ),
    "whitespace_only": (b"  \n\n\t\n", ": is empty"),
    "null_document": (b"~\n", ": a bank is a mapping of keys (id, version, items, ...), not null"),
    "text_document": (
        b"just some words\n",
        ": a bank is a mapping of keys (id, version, items, ...), not text",
    ),
    "utf16": (MINIMAL.encode("utf-16"), ":1:1: is not UTF-8 text; save it as UTF-8"),
    "latin1_text": (
        MINIMAL.replace("Mini bank", "Café").encode("latin-1"),
        ":4:11: is not UTF-8 text; save it as UTF-8",
    ),
    "over_one_mebibyte": (
        MINIMAL.encode() + b"#" * (1024 * 1024),
        ": is larger than 1 MiB; this cannot be a bank or answers file",
    ),
    "billion_laughs": (
        billion_laughs(),
        ":1:7: anchors and aliases (& and *) are not allowed; write the value out",
    ),
    "raw_escape_byte": (
        edit("text: First?", "text: First\x1b[2J?"),
        ":25:16: contains the control character U+001B, which YAML does not allow; remove it",
    ),
    "raw_nul_byte": (
        edit("text: Mood?", "text: Mood\x00?"),
        ":36:15: contains the control character U+0000, which YAML does not allow; remove it",
    ),
    "osc52_clipboard_escaped": (
        edit("text: Second?", 'text: "Second?\\e]52;c;cm0gLXJmIH4=\\a"'),
        ":32:5: items[2].text: contains the control character U+001B; remove it",
    ),
    "bell_escaped": (
        edit("help: Mood help.", 'help: "Mood help.\\a"'),
        ":37:5: items[3].help: contains the control character U+0007; remove it",
    ),
    "carriage_return_escaped": (
        edit("title: Mini bank", 'title: "Safe\\rMini bank"'),
        ":4:1: title: contains the control character U+000D; remove it",
    ),
    "nested_too_deep": (
        edit("intro:\n  - An introduction.", "intro: " + "[" * 100),
        ":8:71: nests deeper than 64 levels; no bank or answers file needs that",
    ),
    "two_documents": (
        MINIMAL.encode() + b"---\nid: again\n",
        ":59:1: invalid YAML: a second document starts here; a file holds one (remove the '---')",
    ),
    "json_trailing_garbage": (
        b'{"id": "mini"} }\n',
        ":1:16: invalid YAML: something follows the end of the data",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_BANKS))
def test_bad_bank_through_validate_and_run(tmp_path: Path, name: str) -> None:
    content, message = BAD_BANKS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    checked = invoke("validate", str(path))
    assert (checked.exit_code, checked.stdout) == (1, f"{path}{message}\n")
    ran = invoke("run", "--bank", str(path))
    assert (ran.exit_code, ran.stdout, ran.stderr) == (1, "", f"Error: {path}{message}\n")


# A wrong worked example is the trainer's concern: validate, explain and demo refuse it, but a
# person's screening never fails because of one (see tests/files/test_examples.py).
BROKEN_BANKS = sorted(path.stem for path in BROKEN.glob("*.yaml"))
EXAMPLE_ONLY = {name for name in BROKEN_BANKS if name.startswith("example_")}


@pytest.mark.parametrize("name", sorted(set(BROKEN_BANKS) - EXAMPLE_ONLY))
def test_each_broken_bank_file_is_one_line_from_run(name: str) -> None:
    """The same one line as validate (whose exact text tests/files/test_bank.py pins)."""
    path = BROKEN / f"{name}.yaml"
    lines, ok = validate_files([path])
    ran = invoke("run", "--bank", str(path))
    assert (ran.exit_code, ran.stdout, ok) == (1, "", False)
    assert ran.stderr == f"Error: {lines[0]}\n"


# --- answers files: `screener run --answers FILE` against the bundled ketamine bank -------


def good_with(old: str, new: str) -> bytes:
    return edit(old, new, GOOD)


def record_of_another_bank() -> bytes:
    """A saved JSON record, as `--format json` writes it, but from some other bank."""
    record = {
        "screener_version": "0.1.0",
        "bank": {"id": "alcohol", "version": "1.0.0", "language": "en", "sha256": "0" * 64},
        "answers": {"used_past_year": "no"},
    }
    return json.dumps(record, indent=2).encode()


BAD_ANSWERS: dict[str, tuple[bytes, str]] = {
    "unknown_id": (
        good_with("  craving: no", "  cravings: no"),
        ":9:3: answers.cravings: no question 'cravings' in bank 'ketamine'; did you mean 'craving'?",
    ),
    "unknown_id_far_off": (
        good_with("  craving: no", "  colour: no"),
        ":9:3: answers.colour: no question 'colour' in bank 'ketamine'",
    ),
    "word_not_an_answer": (
        good_with("  craving: no", "  craving: maybe"),
        ":9:3: answers.craving: 'maybe' is not an answer; use yes, no or unsure",
    ),
    "number_not_an_answer": (
        good_with("  craving: no", "  craving: 2"),
        ":9:3: answers.craving: '2' is not an answer; use yes, no or unsure",
    ),
    "list_not_an_answer": (
        good_with("  craving: no", "  craving: [yes, no]"),
        ":9:3: answers.craving: a list is not an answer; use yes, no or unsure",
    ),
    "no_answer_given": (
        good_with("  craving: no", "  craving:"),
        ":9:3: answers.craving: no answer given; use yes, no or unsure",
    ),
    "wrong_bank": (
        good_with("bank: ketamine", "bank: alcohol"),
        ":1:1: bank: these answers are for bank 'alcohol', not 'ketamine'",
    ),
    "record_of_another_bank": (
        record_of_another_bank(),
        ":3:3: bank: these answers are for bank 'alcohol', not 'ketamine'",
    ),
    "no_bank": (
        good_with("bank: ketamine\n", ""),
        ":1:1: missing required key 'bank' (this bank is 'ketamine')",
    ),
    "no_answers_key": (b"bank: ketamine\n", ":1:1: missing required key 'answers'"),
    "answers_empty": (
        b"bank: ketamine\nanswers:\n",
        ":2:1: answers: is empty; answer every question",
    ),
    "answers_a_list": (
        b"bank: ketamine\nanswers: [yes, no]\n",
        ":2:1: answers: expected a mapping of question id to answer",
    ),
    "file_a_list": (
        b"- yes\n- no\n",
        ": an answers file is a mapping with 'bank' and 'answers', not a list",
    ),
    "file_a_number": (
        b"42\n",
        ": an answers file is a mapping with 'bank' and 'answers', not a number",
    ),
    "unknown_top_key": (
        good_with("bank: ketamine", "bank: ketamine\nname: me"),
        ":2:1: name: unknown key 'name' (the keys are bank and answers)",
    ),
    "missing_answer": (good_with("  craving: no\n", ""), ":2:1: answers: no answer for: craving"),
    "skipped_question_answered": (
        good_with("used_past_year: yes", "used_past_year: no"),
        ":4:3: answers.prescribed_only: this question is skipped by the earlier answers; remove it (and 14 more)",
    ),
    "duplicate_answer": (
        good_with("  craving: no", "  craving: no\n  craving: yes"),
        ":10:3: duplicate key 'craving' (first at line 9)",
    ),
    "empty_file": (b"", ": is empty"),
    "only_a_comment": (b"# my answers\n", ": holds no data, only comments"),
    "not_utf8": (
        GOOD.replace("bank: ketamine", "bank: k\xe9tamine").encode("latin-1"),
        ":1:8: is not UTF-8 text; save it as UTF-8",
    ),
    "over_one_mebibyte": (
        GOOD.encode() + b"#" * (1024 * 1024),
        ": is larger than 1 MiB; this cannot be a bank or answers file",
    ),
    "alias": (
        good_with("  craving: no", "  craving: &same no\n  duties2: *same"),
        ":9:12: anchors and aliases (& and *) are not allowed; write the value out",
    ),
    "tab_indent": (
        good_with("  craving: no", "\tcraving: no"),
        ":9:1: invalid YAML: found a tab character that violates indentation (indent with spaces, not tabs)",
    ),
    "unclosed_quote": (
        good_with("  craving: no", '  craving: "no'),
        ":9:12: invalid YAML: this quote is never closed",
    ),
    "escape_in_key": (
        good_with("  craving: no", '  "crav\\e[2Jing": no'),
        ":9:3: answers.crav�[2Jing: no question 'crav�[2Jing' in bank 'ketamine'; did you mean 'craving'?",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_ANSWERS))
def test_bad_answers_file(tmp_path: Path, name: str) -> None:
    content, message = BAD_ANSWERS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    ran = invoke("run", "--answers", str(path), "--format", "json")
    assert (ran.exit_code, ran.stdout, ran.stderr) == (1, "", f"Error: {path}{message}\n")


# --- paths that are not readable files --------------------------------------------------


def unreadable(tmp_path: Path) -> Path:
    """A file with no read permission; skipped where that stops no one (running as root)."""
    path = tmp_path / "locked.yaml"
    path.write_text(MINIMAL)
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: chmod 000 does not stop root reading a file")
    return path


def named_pipe(tmp_path: Path) -> Path:
    """A FIFO nobody writes to: opening it for reading would wait for ever if done naively."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("Windows has no named pipes in the file system")
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


def symlink_loop(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    return tmp_path / "a.yaml"


def dangling_symlink(tmp_path: Path) -> Path:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    return tmp_path / "link.yaml"


BAD_PATHS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda base: base / "nowhere.yaml", ": no such file"),
    "folder": (lambda base: base, ": is a folder, not a file"),
    "unreadable": (unreadable, ": cannot be read: permission denied"),
    "named_pipe": (named_pipe, ": is empty"),
    "symlink_loop": (symlink_loop, ": cannot be read: Too many levels of symbolic links"),
    "dangling_symlink": (dangling_symlink, ": no such file"),
    "inside_a_file": (
        lambda base: inside_a_file(base, "bank.yaml"),
        ": cannot be read: Not a directory",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_PATHS))
@pytest.mark.parametrize("command", ["validate", "run --bank", "run --answers"])
def test_bad_path(tmp_path: Path, name: str, command: str) -> None:
    make, message = BAD_PATHS[name]
    path = make(tmp_path)
    result = invoke(*command.split(), str(path))
    assert result.exit_code == 1
    if command == "validate":
        assert (result.stdout, result.stderr) == (f"{path}{message}\n", "")
    else:
        assert (result.stdout, result.stderr) == ("", f"Error: {path}{message}\n")


@pytest.mark.parametrize("command", ["validate", "run --bank", "run --answers"])
def test_permission_denied_as_the_system_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The unreadable case above cannot run as root, so here the system's refusal is simulated."""
    path = tmp_path / "locked.yaml"
    path.write_text(MINIMAL)
    real_open = os.open

    def refuse(file: object, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(str(file)) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = invoke(*command.split(), str(path))
    assert result.exit_code == 1
    line = f"{path}: cannot be read: permission denied"
    assert (result.stdout or result.stderr) == (
        line if command == "validate" else f"Error: {line}"
    ) + "\n"


# --- --output paths that cannot be written ----------------------------------------------


BAD_OUTPUTS: dict[str, tuple[Callable[[Path], Path], Callable[[Path], str]]] = {
    "missing_folder": (
        lambda base: base / "no" / "result.json",
        lambda base: f"cannot be written: no folder {base / 'no'}",
    ),
    "read_only_folder": (
        read_only_folder,
        lambda base: f"cannot be written: folder {base / 'locked'} is not writable",
    ),
    "folder_given": (lambda base: base, lambda base: "is a folder; give a file name"),
    "inside_a_file": (
        inside_a_file,
        lambda base: f"cannot be written: {base / 'notes.txt'} is a file, not a folder",
    ),
    "existing_file": (existing_file, lambda base: "already exists; add --force to replace it"),
    "symlink": (
        symlink_to_elsewhere,
        lambda base: "is a symbolic link; screener will not write through it",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_OUTPUTS))
@pytest.mark.parametrize("how", ["replay", "interactive"])
def test_bad_output_path(tmp_path: Path, name: str, how: str) -> None:
    make, message = BAD_OUTPUTS[name]
    target = make(tmp_path)
    before = sorted(path.name for path in tmp_path.rglob("*"))
    if how == "replay":
        answers = tmp_path / "answers.yaml"
        answers.write_text(GOOD)
        before.append(answers.name)
        result = invoke("run", "--answers", str(answers), "-f", "json", "-o", str(target))
    else:  # refused before the first question: nothing is asked, nothing is typed
        result = invoke("run", "-f", "json", "-o", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {target}: {message(tmp_path)}\n"
    assert sorted(path.name for path in tmp_path.rglob("*")) == sorted(before)
    if name in ("existing_file", "symlink"):
        assert (
            tmp_path / ("result.json" if name == "existing_file" else "elsewhere.json")
        ).read_text() == "keep me"


def test_the_corpus_holds_at_least_40_broken_inputs() -> None:
    """The issue asks for 40; each entry is a different broken file or path."""
    total = (
        len(BAD_BANKS) + len(BROKEN_BANKS) + len(BAD_ANSWERS) + len(BAD_PATHS) + len(BAD_OUTPUTS)
    )
    assert total >= 40, total


# --- typed bytes that are not text --------------------------------------------------------


def test_typed_bytes_that_are_not_utf8_are_not_understood_not_a_crash() -> None:
    """A stray byte at the keyboard (a terminal set to Latin-1) is one more unknown answer."""
    typed = b"\n" + b"caf\xe9\n" + b"\xff\xfe\n" + b"q\n"
    result = runner.invoke(app, ["run", "--region", "uk"], input=typed, env=ENV)
    assert result.exit_code == 130, result.output
    assert result.output.count("Sorry, I didn't catch that.") == 2
    assert "Traceback" not in result.output


# --- without libyaml, the same limits ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["billion_laughs", "nested_too_deep", "raw_escape_byte", "raw_nul_byte", "two_documents"],
)
def test_without_libyaml_the_same_limits_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """PyYAML without its C extension (pure Python) must refuse these files just the same."""
    from screener.files import documents

    monkeypatch.setattr(documents, "_Loader", documents._PythonLoader)
    content, message = BAD_BANKS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    checked = invoke("validate", str(path))
    assert (checked.exit_code, checked.stdout) == (1, f"{path}{message}\n")
    good = invoke("validate", str(DATA / "minimal.yaml"))
    assert good.exit_code == 0, good.stdout
