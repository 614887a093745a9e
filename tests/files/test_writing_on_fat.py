"""Saving to a real FAT file system (a USB stick's), mounted with fusefat where it is installed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.errors import DataError
from screener.files.writing import write_private

TOOLS = ("mkfs.vfat", "fusefat", "fusermount")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS),
    reason="needs dosfstools and fusefat (apt-get install dosfstools fusefat)",
)


@pytest.fixture
def usb_stick(tmp_path: Path) -> Iterator[Path]:
    image, folder = tmp_path / "stick.img", tmp_path / "stick"
    folder.mkdir()
    with image.open("wb") as handle:
        handle.truncate(8 * 1024 * 1024)
    subprocess.run(["mkfs.vfat", str(image)], check=True, capture_output=True)
    mounted = subprocess.run(
        ["fusefat", "-o", "rw+", str(image), str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"fusefat could not mount here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["fusermount", "-u", str(folder)], check=False, capture_output=True)


def test_fat_refuses_hard_links(usb_stick: Path) -> None:
    """What this file is about: os.link fails there, as on a real USB stick."""
    (usb_stick / "a").write_text("a")
    with pytest.raises(OSError):
        (usb_stick / "b").hardlink_to(usb_stick / "a")


def test_a_record_is_saved_to_fat_and_never_overwritten(usb_stick: Path) -> None:
    target = usb_stick / "record.json"
    write_private(target, '{"sí": 1}\n', force=False)
    assert target.read_bytes() == '{"sí": 1}\n'.encode()
    with pytest.raises(DataError, match="already exists; add --force"):
        write_private(target, "new", force=False)
    assert target.read_text(encoding="utf-8") == '{"sí": 1}\n'
    write_private(target, "replaced\n", force=True)
    assert target.read_text(encoding="utf-8") == "replaced\n"
    assert sorted(path.name for path in usb_stick.iterdir()) == ["record.json"]
