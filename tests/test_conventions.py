"""The conventions people expect of a command (issue 27): --version, -V, the top-level help,
and the shell completing option values from the data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener import __version__
from screener.cli import app
from screener.cli_conventions import with_default_command
from screener.commands.about import bank_version
from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.models.fhir_names import canonical_version
from screener.rules.endings import ExitCode

runner = CliRunner()


def _bank_lines() -> list[str]:
    """Each bundled bank as a FHIR record names it: its id, language and canonical version."""
    lines = []
    for path in bundled.bank_files():
        loaded = load_bank(path)
        bank = loaded.bank
        version = canonical_version(bank.version, loaded.sha256)
        lines.append(f"  {bank.id} ({bank.language}) {version}")
    return lines


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version_names_python_platform_and_every_bundled_bank(option: str) -> None:
    result = runner.invoke(app, [option])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"screener {__version__}"
    assert lines[1].startswith(f"Python {sys.version_info.major}.{sys.version_info.minor}.")
    assert " on " in lines[1]
    assert lines[3:] == _bank_lines() and len(lines[3:]) == len(bundled.bank_files()) > 0


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_versions_quick_reading_of_a_bank_agrees_with_the_loader(path: Path) -> None:
    loaded = load_bank(path)
    expected = (loaded.bank.id, loaded.bank.language)
    assert bank_version(path) == (*expected, canonical_version(loaded.bank.version, loaded.sha256))


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version_before_the_cli_loads_says_the_same(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    from screener import launch

    monkeypatch.setattr(sys, "argv", ["screener", option])
    monkeypatch.setitem(sys.modules, "screener.cli", None)  # importing it would now fail
    launch.main()
    monkeypatch.delitem(sys.modules, "screener.cli")
    assert capsys.readouterr().out == runner.invoke(app, [option]).stdout


def test_short_version_is_top_level_not_an_option_of_run() -> None:
    assert with_default_command(["-V"]) == ["-V"]


def test_top_level_help_names_exit_codes_config_files_and_environment() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    listed = out.split("Exit codes:")[1].split("\n\n")[0].split()
    assert [word for word in listed if word.isdigit()] == [str(int(code)) for code in ExitCode]
    for name in ("resources.yaml", "counsellor.yaml", "~/.config/screener/", "XDG_CONFIG_DIRS"):
        assert name in out
    variables = (
        "NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "PAGER", "LANG", "LC_ALL", "LC_MESSAGES",
        "ACCESSIBLE", "SCREENER_COUNSELLOR", "SCREENER_REGION", "SCREENER_RECORDS",
        "SCREENER_DATA",
    )  # fmt: skip
    for variable in variables:
        assert variable in out.split("Environment:")[1]


@pytest.mark.parametrize("command", ["run", "intake"])
def test_answers_help_says_it_takes_a_fhir_response(command: str) -> None:
    out = " ".join(runner.invoke(app, [command, "--help"]).stdout.split())
    assert "FHIR QuestionnaireResponse" in out


# --- the shell completes option values from the data ---------------------------------------


def _completed(words: str) -> list[str]:
    environment = {
        "_SCREENER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    return CliRunner().invoke(app, [], env=environment, prog_name="screener").stdout.split()


REGIONS = [region.id for region in load_contacts(bundled.contacts_file()).regions]
LANGUAGES = sorted({path.name.split(".")[1] for path in bundled.bank_files()})
BANKS = sorted({path.name.split(".")[0] for path in bundled.bank_files()})
PERSONAS = [example.id for example in load_bank(bundled.bank_files()[0]).bank.examples]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        *[(f"screener {command} --region ", REGIONS) for command in ("run", "intake", "demo")],
        ("screener resources ", REGIONS),
        ("screener export-fhir --region ", REGIONS),
        *[(f"screener {command} --lang ", LANGUAGES) for command in ("run", "explain", "compare")],
        *[(f"screener {command} --bank ", BANKS) for command in ("run", "intake", "export-fhir")],
        ("screener explain ", BANKS),
        ("screener demo ", PERSONAS),
        ("screener demo --bank ketamine ", PERSONAS),
    ],
)
def test_option_values_complete_from_the_data(words: str, expected: list[str]) -> None:
    assert expected and _completed(words) == expected


def test_a_value_completes_from_what_is_typed() -> None:
    assert _completed("screener run --region u") == [r for r in REGIONS if r.startswith("u")]
    assert _completed(f"screener demo {PERSONAS[0][:2]}") == [
        persona for persona in PERSONAS if persona.startswith(PERSONAS[0][:2])
    ]


# --- CLICOLOR_FORCE, as uv honours it --------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "coloured"),
    [
        ({"CLICOLOR_FORCE": "1"}, True),
        ({"CLICOLOR_FORCE": "yes"}, True),
        ({"CLICOLOR_FORCE": "0"}, False),
        ({"CLICOLOR_FORCE": ""}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({}, False),
    ],
)
def test_clicolor_force_draws_in_colour_on_a_pipe(
    environment: dict[str, str], coloured: bool
) -> None:
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": "80", "TERM": "xterm-256color", **environment}
    shown = runner.invoke(app, ["explain"], env=env)
    assert shown.exit_code == 0, shown.output
    assert ("\x1b[" in shown.stdout) is coloured


def test_no_color_wins_over_clicolor_force_and_keeps_the_layout() -> None:
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": "80", "TERM": "xterm-256color"}
    forced = runner.invoke(app, ["explain"], env=env | {"CLICOLOR_FORCE": "1"}).stdout
    both = runner.invoke(app, ["explain"], env=env | {"CLICOLOR_FORCE": "1", "NO_COLOR": "1"})
    assert "\x1b[3" not in both.stdout and "\x1b[38" not in both.stdout
    plain = runner.invoke(app, ["explain"], env=env).stdout
    assert both.stdout != plain and len(forced) > len(both.stdout)


# --- a system-wide config from XDG_CONFIG_DIRS; the user's own wins ------------------------


USER, MAC = "/h/.config/screener", "/U/Library/Application Support/screener"


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/h"}, [USER, "/etc/xdg/screener"]),
        ("linux", {"HOME": "/h", "XDG_CONFIG_DIRS": ""}, [USER, "/etc/xdg/screener"]),
        (
            "linux",
            {"HOME": "/h", "XDG_CONFIG_DIRS": "/a:relative:/b/"},
            [USER, "/a/screener", "/b/screener"],
        ),
        ("freebsd14", {"XDG_CONFIG_DIRS": "/a"}, ["/a/screener"]),
        ("darwin", {"HOME": "/U", "XDG_CONFIG_DIRS": "/a"}, [MAC]),
        ("win32", {"APPDATA": "C:/R", "XDG_CONFIG_DIRS": "/a"}, ["C:/R/screener"]),
    ],
)  # fmt: skip
def test_config_folders_are_the_users_then_the_systems(
    platform: str, environ: dict[str, str], expected: list[str]
) -> None:
    from screener.files.contacts import config_folders

    assert [folder.as_posix() for folder in config_folders(environ, platform)] == expected


SERVICE = Path(__file__).resolve().parent / "data" / "service.yaml"


def _system_config(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    system = tmp_path / "system"
    (system / "screener").mkdir(parents=True)
    (system / "screener" / name).write_text(text, encoding="utf-8")
    return {"XDG_CONFIG_DIRS": f"{tmp_path / 'none'}:{system}", "LANG": "en_GB.UTF-8"}


def test_a_system_wide_service_file_is_read_when_the_user_has_none(
    tmp_path: Path, no_service_config: Path
) -> None:
    env = _system_config(tmp_path, "resources.yaml", SERVICE.read_text(encoding="utf-8"))
    listed = runner.invoke(app, ["resources", "uk"], env=env)
    assert "Northside out-of-hours line" in listed.stdout
    own = no_service_config / "screener"
    own.mkdir()
    (own / "resources.yaml").write_text(
        SERVICE.read_text(encoding="utf-8").replace("Northside", "Southside"), encoding="utf-8"
    )
    listed = runner.invoke(app, ["resources", "uk"], env=env)
    assert "Southside out-of-hours line" in listed.stdout and "Northside" not in listed.stdout


def test_a_system_wide_counsellor_file_is_read_and_the_users_wins(
    tmp_path: Path, no_service_config: Path
) -> None:
    from screener.files.counsellor import counsellor_settings

    env = _system_config(tmp_path, "counsellor.yaml", "region: ie\nrecords: /srv/records\n")
    env["XDG_CONFIG_HOME"] = str(no_service_config)
    assert counsellor_settings(env, "linux").region == "ie"
    (no_service_config / "screener").mkdir()
    (no_service_config / "screener" / "counsellor.yaml").write_text("region: nz\n")
    settings = counsellor_settings(env, "linux")
    assert (settings.region, settings.records) == ("nz", None)  # whole files, not merged
