"""The built single file: it starts where /tmp is noexec, and one Ctrl-C ends with the goodbye.

Runs only against a file already built (packaging/build_single_file.py), named by
SCREENER_SINGLE_FILE; CI sets it after its build. The noexec test mounts a tmpfs, so it needs
root on Linux, and says so when it skips.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import signals_as_at_a_terminal

ROOT = Path(__file__).resolve().parents[2]
SINGLE_FILE = os.environ.get("SCREENER_SINGLE_FILE", "")

pytestmark = [
    pytest.mark.skipif(not SINGLE_FILE, reason="SCREENER_SINGLE_FILE names no built single file"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX mounts and pseudo-terminals"),
]

# Starting the file unpacks ~30 MB first; generous, as CI machines are slow, never slept on.
TIMEOUT = 60

# The stock bootloader lost the goodbye about two times in five (docs/single-file.md), so
# one run that passes proves little; ten in a row would pass by luck about once in 165.
CTRL_C_RUNS = 10

JSON = ("--format", "json")


def _executable() -> Path:
    path = Path(SINGLE_FILE).resolve()
    assert path.is_file(), f"SCREENER_SINGLE_FILE={SINGLE_FILE} is not a file"
    return path


def _environment(tmpdir: Path) -> dict[str, str]:
    return dict(os.environ, TMPDIR=str(tmpdir), TERM="xterm", COLUMNS="100", LINES="40")


def _unpacked(folder: Path) -> list[Path]:
    return sorted(folder.glob("_MEI*"))


@pytest.fixture
def noexec_folder(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted noexec (as hardened servers mount /tmp), unmounted afterwards."""
    if not sys.platform.startswith("linux"):
        pytest.skip("mounting a noexec tmpfs is done the Linux way here")
    folder = tmp_path / "noexec"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "noexec,nosuid,nodev,mode=1777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a noexec tmpfs (needs root): {mounted.stderr.strip()}")
    try:
        assert os.statvfs(folder).f_flag & os.ST_NOEXEC, "the tmpfs is not noexec"
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_version_and_a_replay_run_with_tmpdir_on_a_noexec_mount(
    noexec_folder: Path, tmp_path: Path
) -> None:
    environment = _environment(noexec_folder)
    version = subprocess.run(
        [_executable(), "--version"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=TIMEOUT,
        check=False,
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("screener "), version.stdout
    replay = subprocess.run(
        [_executable(), "run", "--answers", ROOT / "benchmarks" / "answers.yaml", *JSON],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=TIMEOUT,
        check=False,
    )
    assert replay.returncode == 0, replay.stderr
    assert '"criteria_met"' in replay.stdout
    # Nothing may be left on the noexec mount either (the bootloader tried it and moved on).
    assert not _unpacked(noexec_folder)


def test_one_ctrl_c_ends_with_the_goodbye_and_leaves_no_unpacked_folder(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency")
    unpack_here = tmp_path / "tmp"
    unpack_here.mkdir()
    for run in range(CTRL_C_RUNS):
        child = pexpect.spawn(
            str(_executable()),
            ["--region", "uk"],
            env=_environment(unpack_here),
            cwd=str(tmp_path),
            encoding="utf-8",
            timeout=TIMEOUT,
            preexec_fn=signals_as_at_a_terminal,  # Ctrl-C works in a background job's child
            dimensions=(40, 100),
        )
        try:
            child.expect("Press Enter to begin")
            (unpacked,) = _unpacked(unpack_here)
            assert unpacked.stat().st_mode & 0o777 == 0o700, "the unpacked folder is not private"
            child.sendintr()
            child.expect("Nothing was saved")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
        assert (child.exitstatus, child.signalstatus) == (130, None), f"run {run + 1}"
        assert not _unpacked(unpack_here), f"run {run + 1} left its unpacked folder"
