"""The one terminal object: sizes from the environment, the key encoding, closed streams."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from screener.terminal.host import NARROWEST, Terminal


class Tty(io.StringIO):
    """A stream that says it is a terminal but has no size of its own."""

    def isatty(self) -> bool:
        return True


def terminal(**environ: str) -> Terminal:
    return Terminal(io.StringIO(), Tty(), io.StringIO(), environ=environ)


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ("0", 80),
        ("1", 80),
        ("5", 80),
        ("19", 80),
        ("20", 20),
        ("132", 132),
        ("", 80),
        ("eighty", 80),
        ("-80", 80),
        ("²⁰", 80),
        ("\uff18\uff10", 80),  # fullwidth 80
    ],
)
def test_a_width_the_environment_gives_is_believed_only_from_20_columns(
    columns: str, expected: int
) -> None:
    """COLUMNS=0 (fish reading its config) showed nothing at all, not even crisis numbers;
    COLUMNS=1 to 5 split every number. Such widths fall back to the terminal's own (here
    none: 80)."""
    host = terminal(COLUMNS=columns)
    assert host.size(host.stdout)[0] == expected
    assert expected >= NARROWEST


@pytest.mark.parametrize(("lines", "expected"), [("0", 24), ("3", 24), ("10", 10), ("50", 50)])
def test_a_height_is_believed_from_10_rows(lines: str, expected: int) -> None:
    host = terminal(LINES=lines)
    assert host.size(host.stdout)[1] == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_ES.ISO-8859-1"}, "iso8859-1"),
        ({"LANG": "fr_FR.cp1252"}, "cp1252"),
        ({"LANG": "es_ES.ISO-8859-1", "LC_CTYPE": "C.UTF-8"}, "iso8859-1"),
        ({"LANG": "ru_RU.KOI8-R", "LC_ALL": "ru_RU.UTF-8"}, "utf-8"),
        ({"LANG": "de_DE.ISO-8859-15@euro"}, "iso8859-15"),
        ({"LANG": "en_GB"}, "utf-8"),
        ({"LANG": "xx_XX.NOT-A-CODESET"}, "utf-8"),
        ({}, "utf-8"),
    ],
)
def test_keys_are_decoded_in_the_codeset_the_locale_names(
    environ: dict[str, str], expected: str
) -> None:
    """A Latin-1 terminal's "Sí" was decoded as UTF-8 and refused. Python's own stand-in for a
    locale that is not installed (LC_CTYPE=C.UTF-8, PEP 538) says nothing of the terminal."""
    stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    host = Terminal(stdin, io.StringIO(), io.StringIO(), environ=environ)
    assert host.key_encoding == expected


def run_python(code: str, stdin: bytes = b"", **environ: str) -> str:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("LC_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        env={**clean, **environ},
        check=True,
    )
    return result.stdout.decode("utf-8") + result.stderr.decode("utf-8")


@pytest.mark.parametrize(("codeset", "typed"), [("ISO-8859-1", "Sí"), ("CP1252", "Sí “x”")])
def test_a_line_typed_on_a_latin_1_or_cp1252_terminal_reads_as_typed(
    codeset: str, typed: str
) -> None:
    shown = run_python(
        "from screener.terminal.host import Terminal\n"
        "import sys\n"
        "line = Terminal.from_process().stdin.readline().rstrip()\n"
        "sys.stderr.write(ascii(line))",
        typed.encode(codeset.lower()) + b"\n",
        LANG=f"es_ES.{codeset}",
    )
    assert shown == ascii(typed)


def test_a_stray_byte_reads_as_a_replacement_character_not_a_crash() -> None:
    shown = run_python(
        "from screener.terminal.host import Terminal\nimport sys\n"
        "sys.stderr.write(ascii(Terminal.from_process().stdin.readline()))",
        b"caf\xe9 \xff\n",
        LANG="en_GB.UTF-8",
    )
    assert shown == ascii("caf\ufffd \ufffd\n")


def test_closed_standard_streams_are_the_null_device_and_the_screen_is_standard_error() -> None:
    """`screener <&- >&-`: Python gives None for each; reading ends, writing goes nowhere,
    and what is meant for a person goes to standard error."""
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from screener.terminal.host import Terminal\n"
            "import sys\n"
            "t = Terminal.from_process()\n"
            "t.stdout.write('lost')\n"
            "t.screen.write(repr((t.stdin.readline(), t.stdout_closed, t.screen is t.stderr)))",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert shown.stdout == b""
    assert shown.stderr.decode() == repr(("", True, True))


def test_what_it_reads_of_the_process_is_what_the_process_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["screener", "run", "--plain"])
    monkeypatch.setenv("SCREENER_TEST_MARK", "1")
    host = Terminal.from_process()
    assert host.arguments == ("run", "--plain")
    assert host.environ["SCREENER_TEST_MARK"] == "1"
    assert host.platform == sys.platform
    assert host.windows_console is ("msvcrt" in sys.builtin_module_names)
