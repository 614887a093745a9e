"""Shared fixtures: the bundled bank, strings and contacts, and golden-file comparison."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import Phase, settings

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook
from screener.models.wording import UiStrings
from tests.helpers import FUZZ_CASES, GOLDEN, SCRIPTED

# SCREENER_HYPOTHESIS_PROFILE sets how hard every property test looks (docs/testing.md): unset,
# Hypothesis's 100 examples a test; "quick" 20, while editing; "thorough" 2,000, for a hunt.
# Mutation runs (benchmarks/mutation.py) replay the same examples for every mutant: a kill must
# come from the mutant, not from a luckier draw, and no deadline may fail a slowed-down mutant.
# Nor do they shrink: a failure is a kill, and shrinking one FHIRPath walk took minutes.
settings.register_profile("quick", max_examples=20)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.register_profile(
    "mutation",
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
)
settings.load_profile(os.environ.get("SCREENER_HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from the output."
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZ_CASES:
        terminalreporter.section("fuzz cases")
        for name, count in FUZZ_CASES.items():
            terminalreporter.write_line(f"{count:7d}  {name}")


@pytest.fixture(scope="session")
def ketamine() -> LoadedBank:
    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    return load_bank(path)


@pytest.fixture(scope="session")
def strings() -> UiStrings:
    return load_strings("en")


@pytest.fixture(scope="session")
def contacts() -> ContactBook:
    return load_contacts(bundled.contacts_file())


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; --update-golden rewrites it instead."""
    update = bool(request.config.getoption("--update-golden"))

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {name}; run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden/{name}"

    return compare


@pytest.fixture(autouse=True)
def no_service_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads the real user's config folder, or the system's: both point at empty ones."""
    empty = tmp_path_factory.mktemp("config")
    for name in ("XDG_CONFIG_HOME", "APPDATA", "HOME"):
        monkeypatch.setenv(name, str(empty))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(empty / "system"))
    return empty


@pytest.fixture(autouse=True)
def every_scripted_response_is_used() -> Iterator[None]:
    SCRIPTED.clear()
    yield
    unused = [
        [*asker.responses, *asker.crisis_choices]
        for asker in SCRIPTED
        if asker.responses or asker.crisis_choices
    ]
    assert unused == [], "the walk ended before these scripted responses were used"


@pytest.fixture
def validate_on(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime.date], None]:
    """Sets the day `screener validate` checks contacts against, as `today=` does for
    validate_files: a test through the command line reads no clock either
    (test_architecture.py)."""
    from screener.commands import banks

    def on(day: datetime.date) -> None:
        class Day(datetime.date):
            @classmethod
            def today(cls) -> Day:
                return cls.fromordinal(day.toordinal())

        monkeypatch.setattr(banks, "datetime", SimpleNamespace(date=Day))

    return on
