"""What is shipped: the sdist carries what its own tests need, and old Pythons are named."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked_sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source distribution, built as pip would build it, then unpacked."""
    pytest.importorskip("hatchling", reason="hatchling is a test dependency")
    from hatchling.build import build_sdist

    built = tmp_path_factory.mktemp("sdist")
    previous = Path.cwd()
    os.chdir(ROOT)  # a PEP 517 backend builds the project it is started in
    try:
        name = build_sdist(str(built))
    finally:
        os.chdir(previous)
    with tarfile.open(built / name) as archive:
        archive.extractall(built, filter="data")
    return built / name.removesuffix(".tar.gz")


def test_the_sdist_carries_the_licence_and_the_safety_log(unpacked_sdist: Path) -> None:
    for name in (
        "LICENSE",
        "SAFETY.md",
        "README.md",
        "hatch_build.py",
        "questions/ketamine.es.yaml",
    ):
        assert (unpacked_sdist / name).is_file(), name
    assert "MIT License" in (unpacked_sdist / "LICENSE").read_text(encoding="utf-8")


def test_the_sdist_s_own_tests_pass(unpacked_sdist: Path) -> None:
    """A smoke test run inside the unpacked sdist, importing screener from there."""
    environment = dict(os.environ, PYTHONPATH=str(unpacked_sdist))
    where = subprocess.run(
        [sys.executable, "-c", "import screener; print(screener.__file__)"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=unpacked_sdist,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(unpacked_sdist)
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            "tests/across/test_safety.py",
            "tests/files/test_writing.py",
            "tests/test_cli.py",
            "-k",
            "not sdist",
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=unpacked_sdist,
        timeout=600,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]


@pytest.mark.parametrize(
    ("version", "problem"),
    [
        ((3, 9, 18), "screener needs Python 3.10 or newer; this is Python 3.9.18."),
        ((3, 8, 0), "screener needs Python 3.10 or newer; this is Python 3.8.0."),
        ((3, 10, 0), None),
        ((3, 13, 1), None),
    ],
)
def test_a_too_old_python_is_named(version: tuple[int, ...], problem: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import python_problem
    finally:
        sys.path.remove(str(ROOT))
    assert python_problem(version) == problem
