"""Why a save failed, at a save prompt, in the screen's language: every kind of failure the
writer knows (errors.WriteReason) is raised where it happens and worded in every language."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import get_args

import pytest

from screener.commands.records import free_name, why_not_saved
from screener.errors import WriteError, WriteReason
from screener.files.bundled import data_dir
from screener.files.wording import load_strings
from screener.files.writing import write_private
from tests.helpers import existing_file, inside_a_file, read_only_folder, symlink_to_elsewhere

TARGETS = {
    "symlink": symlink_to_elsewhere,
    "folder": lambda base: base,
    "exists": existing_file,
    "not_a_folder": inside_a_file,
    "no_folder": lambda base: base / "no" / "record.md",
    "not_writable": read_only_folder,
}


LANGUAGES = sorted(path.name.split(".")[1] for path in data_dir().glob("ui.*.yaml"))


def test_every_reason_is_found_here_or_below() -> None:
    assert set(get_args(WriteReason)) == {*TARGETS, "failed"}


@pytest.mark.parametrize("reason", sorted(TARGETS))
def test_each_bad_target_raises_its_reason(tmp_path: Path, reason: str) -> None:
    target = TARGETS[reason](tmp_path)
    with pytest.raises(WriteError) as raised:
        write_private(target, "text", force=False)
    assert raised.value.reason == reason


def test_a_disk_that_fills_raises_failed_with_the_system_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(WriteError) as raised:
        write_private(tmp_path / "record.md", "text", force=False)
    assert (raised.value.reason, raised.value.detail) == ("failed", os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reason", get_args(WriteReason))
def test_each_reason_is_worded_in_each_language(language: str, reason: WriteReason) -> None:
    strings = load_strings(language)
    error = WriteError("record.md", "the CLI's English line", reason, "/home/ana/notes")
    said = why_not_saved(error, Path("record.md"), strings)
    assert "{" not in said and "CLI" not in said
    assert ("record.md" in said) or ("/home/ana/notes" in said)
    if language != "en":
        assert said != why_not_saved(error, Path("record.md"), load_strings("en"))


def test_free_name_counts_on_from_the_taken_one(tmp_path: Path) -> None:
    first = tmp_path / "screener-2026-11-21.md"
    assert free_name(first) == first
    first.write_text("1")
    assert free_name(first) == tmp_path / "screener-2026-11-21-2.md"
    (tmp_path / "screener-2026-11-21-2.md").write_text("2")
    assert free_name(first) == tmp_path / "screener-2026-11-21-3.md"
