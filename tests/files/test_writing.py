"""--output files: whole or nothing, 0600, never clobbered without --force, never via a link."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from screener.errors import DataError
from screener.files.writing import check_target, write_private
from tests.helpers import GOOD


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
def test_unusable_targets(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    target = make(tmp_path)
    with pytest.raises(DataError, match=message):
        check_target(target, force=False)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere"
)
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(DataError, match="not writable"):
        check_target(folder / "r.json", force=False)


# --- whole or nothing: a failure at any point leaves neither the file nor a temporary ----


def fail_with(error: BaseException) -> Callable[[int], None]:
    def fsync(descriptor: int) -> None:
        raise error

    return fsync


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    target = tmp_path / "result.json"
    monkeypatch.setattr(os, "fsync", fail_with(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    with pytest.raises(DataError) as caught:
        write_private(target, "{}\n" * 1000, force=force)
    assert str(caught.value) == f"{target}: cannot be written: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_a_failed_replacement_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "result.json"
    target.write_text("the old result")
    monkeypatch.setattr(os, "fsync", fail_with(OSError(errno.EIO, os.strerror(errno.EIO))))
    with pytest.raises(DataError, match="cannot be written: Input/output error"):
        write_private(target, "the new result", force=True)
    assert target.read_text() == "the old result"
    assert [path.name for path in tmp_path.iterdir()] == ["result.json"]


def test_an_interrupted_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "result.json"
    monkeypatch.setattr(os, "fsync", fail_with(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_private(target, "{}\n", force=False)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_the_system_refuses_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where even root cannot write (a read-only mount), mkstemp fails: one line, no traceback."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(DataError) as caught:
        write_private(tmp_path / "result.json", "{}\n", force=False)
    assert (
        str(caught.value) == f"{tmp_path / 'result.json'}: cannot be written: Read-only file system"
    )
    assert list(tmp_path.iterdir()) == []


def test_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        write_private(tmp_path / "result.json", "{}\n", force=False)
    finally:
        os.umask(previous)
    assert mode(tmp_path / "result.json") == 0o600


@pytest.mark.parametrize("force", [False, True])
def test_a_symlink_planted_after_the_check_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    """Between the check and the move, someone plants a link: it is replaced or refused."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("untouched")
    target = tmp_path / "result.json"
    real_mkstemp = tempfile.mkstemp

    def plant_then_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if kwargs.get("prefix") == f".{target.name}.":  # the record's, not the preflight's
            target.symlink_to(elsewhere)
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", plant_then_mkstemp)
    if force:
        write_private(target, "the result", force=True)
        assert not target.is_symlink() and target.read_text() == "the result"
    else:
        with pytest.raises(DataError, match="already exists"):
            write_private(target, "the result", force=False)
    assert elsewhere.read_text() == "untouched"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["elsewhere.txt", "result.json"]


def test_a_failed_write_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from screener.cli import app

    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD)
    target = tmp_path / "result.json"
    monkeypatch.setattr(os, "fsync", fail_with(OSError(errno.EIO, os.strerror(errno.EIO))))
    result = CliRunner().invoke(app, ["run", "--answers", str(answers), "-o", str(target)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {target}: cannot be written: Input/output error\n"
    assert [path.name for path in tmp_path.iterdir()] == ["answers.yaml"]


def test_ctrl_c_while_writing_exits_130_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from screener.cli import app

    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD)
    target = tmp_path / "result.json"
    monkeypatch.setattr(os, "fsync", fail_with(KeyboardInterrupt()))
    result = CliRunner().invoke(app, ["run", "--answers", str(answers), "-o", str(target)])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "\n")
    assert [path.name for path in tmp_path.iterdir()] == ["answers.yaml"]


# --- file systems without hard links (FAT, exFAT, SMB): the same promises without os.link ----


def refuse_links(code: int, before: Callable[[], object] = lambda: None) -> Callable[..., None]:
    def link(*arguments: object, **keywords: object) -> None:
        before()
        raise OSError(code, os.strerror(code))

    return link


@pytest.mark.parametrize(
    "code", [errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EINVAL]
)
def test_saved_where_hard_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    monkeypatch.setattr(os, "link", refuse_links(code))
    target = tmp_path / "result.json"
    write_private(target, "{}\n", force=False)
    assert target.read_bytes() == b"{}\n"
    assert mode(target) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["result.json"]
    with pytest.raises(DataError, match="already exists; add --force"):
        write_private(target, "new", force=False)
    assert target.read_text() == "{}\n"


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EXDEV])
def test_without_hard_links_a_file_that_appeared_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    target = tmp_path / "result.json"
    monkeypatch.setattr(os, "link", refuse_links(code, lambda: target.write_text("theirs")))
    with pytest.raises(DataError, match="already exists; add --force"):
        write_private(target, "ours", force=False)
    assert target.read_text() == "theirs"
    assert [path.name for path in tmp_path.iterdir()] == ["result.json"]


def test_without_hard_links_a_failed_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", refuse_links(errno.EPERM))
    real_fsync = os.fsync
    calls: list[int] = []

    def fsync_then_fail(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 2:  # the temporary is fine; the final file's write fails
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync_then_fail)
    with pytest.raises(DataError, match="No space left on device"):
        write_private(tmp_path / "result.json", "{}\n", force=False)
    assert list(tmp_path.iterdir()) == []


def test_other_link_failures_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "link", refuse_links(errno.EIO))
    with pytest.raises(DataError, match="cannot be written: Input/output error"):
        write_private(tmp_path / "result.json", "{}\n", force=False)
    assert list(tmp_path.iterdir()) == []


def test_the_preflight_really_tries_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.access says yes on Windows and to root: only creating a file tells the truth."""
    monkeypatch.setattr(os, "access", lambda *arguments, **keywords: True)

    def refuse(*arguments: object, **keywords: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(DataError, match=f"folder {tmp_path} is not writable"):
        check_target(tmp_path / "r.json", force=False)


def test_the_preflight_leaves_nothing_behind(tmp_path: Path) -> None:
    check_target(tmp_path / "r.json", force=False)
    assert list(tmp_path.iterdir()) == []


def test_a_stale_temporary_of_ours_is_removed_at_the_next_save(tmp_path: Path) -> None:
    """A power cut mid-save leaves a hidden copy of a whole record beside it: the next save to
    that folder removes it. A young one may be another save in progress, and another
    program's files are never touched."""
    import os

    from screener.files.writing import STALE_AFTER_SECONDS, TEMPORARY_SUFFIX

    stale = tmp_path / f".old.json.abcd1234{TEMPORARY_SUFFIX}"
    young = tmp_path / f".other.json.efgh5678{TEMPORARY_SUFFIX}"
    theirs = tmp_path / ".editor-swap.tmp"
    for path in (stale, young, theirs):
        path.write_text("answers", encoding="utf-8")
    long_ago = stale.stat().st_mtime - STALE_AFTER_SECONDS - 1
    os.utime(stale, (long_ago, long_ago))
    os.utime(theirs, (long_ago, long_ago))
    write_private(tmp_path / "result.json", "{}", force=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["result.json", young.name, theirs.name]
    )
