"""--output files: whole or nothing, 0600, never clobbered without --force, never via a link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from screener.errors import DataError
from screener.output import check_target, write_private


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_written_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    write_private(target, "{}\n", force=False)
    assert target.read_text() == "{}\n"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]  # no temporary left


def test_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("keep me")
    with pytest.raises(DataError, match="already exists; add --force"):
        write_private(target, "new", force=False)
    assert target.read_text() == "keep me"
    write_private(target, "new", force=True)
    assert target.read_text() == "new" and mode(target) == 0o600


def test_never_written_through_a_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("untouched")
    link = tmp_path / "result.json"
    link.symlink_to(elsewhere)
    for force in (False, True):
        with pytest.raises(DataError, match="symbolic link"):
            write_private(link, "data", force=force)
    assert elsewhere.read_text() == "untouched"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda base: base / "missing" / "r.json", "no folder"),
        (lambda base: base, "is a folder"),
    ],
)
def test_unusable_targets(tmp_path: Path, make: object, message: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(DataError, match=message):
        check_target(target, force=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(DataError, match="not writable"):
        check_target(folder / "r.json", force=False)
