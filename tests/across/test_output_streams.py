"""Standard output on any console: code pages without a character, a full disk, a closed
pipe, and file names that hold control characters (issue 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from tests.helpers import CRITERION_IDS, HEALTH_IDS, SCALE_ANSWERS, SCREENER

pytestmark = pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener script")

ALL_NO = "\n".join(
    ["bank: ketamine", "answers:", '  used_past_year: "yes"', '  prescribed_only: "no"']
    + [f'  {item_id}: "no"' for item_id in CRITERION_IDS + HEALTH_IDS]
    + [f"  {item_id}: {code}" for item_id, code in SCALE_ANSWERS.items()]
)


def screener(
    tmp_path: Path, *args: str, stdout: int | IO[str] = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[bytes]:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ALL_NO + "\n", encoding="utf-8")
    return subprocess.run(
        [str(SCREENER), "--region", "uk", "--answers", str(answers), *args],
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), **env},
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "iso8859-5"])
def test_a_summary_on_a_console_without_the_bullet_draws_ascii(
    tmp_path: Path, encoding: str
) -> None:
    done = screener(tmp_path, PYTHONIOENCODING=encoding, FORCE_COLOR="1", NO_COLOR="1")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    shown = done.stdout.decode(encoding)
    assert "What your answers show" in shown
    assert "* Control over use: 0 of 4" in shown  # the bullet as an asterisk


@pytest.mark.parametrize("encoding", ["cp1251", "shift_jis", "euc_kr", "latin-1"])
def test_a_record_is_utf8_whatever_the_locale(tmp_path: Path, encoding: str) -> None:
    done = screener(tmp_path, "--format", "json", PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    record = json.loads(done.stdout.decode("utf-8"))
    assert record["bank"]["language"] == "en"
    # The contacts file's Spanish is not part of an English record (docs/result-json.md).
    assert all("translations" not in contact for contact in record["resources"]["contacts"])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_full_disk_is_one_line_and_exit_1(tmp_path: Path, output_format: str) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path to build
        done = screener(tmp_path, "--format", output_format, stdout=full)
    assert done.returncode == 1
    error = done.stderr.decode()
    assert error == "Error: could not write the output: No space left on device\n"


def test_a_closed_pipe_stays_quiet(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ALL_NO + "\n", encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails with EPIPE
    with os.fdopen(writer, "w") as closed:
        done = subprocess.run(
            [str(SCREENER), "--answers", str(answers), "--format", "json"],
            stdout=closed,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert done.stderr == b""


# --- every saved file name is shown as one safe line ------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="ESC in a file name is POSIX")
@pytest.mark.parametrize("command", ["intake", "export-fhir", "run"])
def test_a_saved_file_name_with_an_escape_is_shown_safely(tmp_path: Path, command: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ALL_NO + "\n", encoding="utf-8")
    target = tmp_path / "rec\x1b]0;owned\x07.txt"
    args = [] if command == "export-fhir" else ["--answers", str(answers)]
    done = subprocess.run(
        [str(SCREENER), command, *args, "-o", str(target)],
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert target.exists()
    assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr
    assert done.stderr.startswith(b"Saved to ")


def test_a_record_redirected_into_a_file_is_owner_only(tmp_path: Path) -> None:
    """`screener --format json > record.json`, as the README shows: the shell makes 0644."""
    record = tmp_path / "record.json"
    with record.open("w") as redirected:
        record.chmod(0o644)
        done = screener(tmp_path, "--format", "json", stdout=redirected)
    assert done.returncode == 0, done.stderr
    assert record.stat().st_mode & 0o777 == 0o600
    assert json.loads(record.read_text(encoding="utf-8"))["mode"] == "self"
