"""What an index page and an installer read from the wheel: its metadata, and the man page."""

from __future__ import annotations

import email
import os
import re
import zipfile
from email.message import Message
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built as pip builds it."""
    pytest.importorskip("hatchling", reason="hatchling is a test dependency")
    from hatchling.build import build_wheel

    built = tmp_path_factory.mktemp("wheel")
    previous = Path.cwd()
    os.chdir(ROOT)  # a PEP 517 backend builds the project it is started in
    try:
        name = build_wheel(str(built))
    finally:
        os.chdir(previous)
    return built / name


@pytest.fixture(scope="module")
def metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_metadata_names_the_python_the_systems_and_the_status(metadata: Message) -> None:
    assert metadata["Requires-Python"] == ">=3.10"
    classifiers = metadata.get_all("Classifier") or []
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    for system in ("POSIX :: Linux", "MacOS", "Microsoft :: Windows"):
        assert f"Operating System :: {system}" in classifiers
    assert "Programming Language :: Python :: 3.10" in classifiers
    assert "Natural Language :: Spanish" in classifiers


def test_the_description_has_no_link_that_breaks_on_an_index_page(metadata: Message) -> None:
    """An index page shows the README away from the repository: a relative link there is
    dead, so every link and picture is absolute (or is plain text naming the file)."""
    assert metadata["Description-Content-Type"] == "text/markdown"
    description = metadata.get_payload()
    assert isinstance(description, str) and "docs/architecture.md" in description
    targets = re.findall(r"\]\(([^)\s]+)", description)
    assert [target for target in targets if not target.startswith("https://")] == []


def test_the_wheel_installs_the_man_page_where_pipx_looks(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        page = [n for n in names if n.endswith(".data/data/share/man/man1/screener.1")]
        assert len(page) == 1, names
        assert archive.read(page[0]) == (ROOT / "packaging" / "screener.1").read_bytes()
