"""Where the bundled banks, contacts and UI strings live: installed, in a checkout, or in the
folder SCREENER_DATA names (a copy of questions/ to try a new question, region or language)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent

DATA_VARIABLE = "SCREENER_DATA"
"""The environment variable naming a folder to read instead of the bundled questions/."""

_chosen: list[Path] = []
"""The folder SCREENER_DATA names, if any: set for each run by cli_running.run_app()."""


def use_data_dir(folder: str | Path | None) -> None:
    """Read the data from `folder` from now on; None or "" goes back to the bundled data."""
    _chosen.clear()
    if folder:
        _chosen.append(Path(folder))


def data_dir() -> Path:
    """questions/ ships inside the wheel as screener/questions; a checkout has it beside."""
    if _chosen:
        return _chosen[0]
    installed = _PACKAGE / "questions"
    return installed if installed.is_dir() else _PACKAGE.parent / "questions"


def bank_files() -> list[Path]:
    """Bundled banks are named <bank id>.<language>.yaml."""
    return sorted(
        path
        for path in data_dir().glob("*.*.yaml")
        if not path.name.startswith(("ui.", "contacts."))
    )


def bank_file(bank_id: str, language: str) -> Path | None:
    path = data_dir() / f"{bank_id}.{language}.yaml"
    return path if path.is_file() else None


def bank_languages(bank_id: str) -> list[str]:
    return sorted(path.name.split(".")[1] for path in data_dir().glob(f"{bank_id}.*.yaml"))


def contacts_file() -> Path:
    return data_dir() / "contacts.yaml"


def strings_file(language: str) -> Path | None:
    path = data_dir() / f"ui.{language}.yaml"
    return path if path.is_file() else None
