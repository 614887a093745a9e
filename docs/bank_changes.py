"""Write docs/bank-changes-<version>.md: every changed text of the bundled banks, one line each.

    python docs/bank_changes.py <git revision of the previous version> "<issues>"

Each bank is flattened to key paths: a list of mappings is keyed by each entry's `id`
(`code` for options; `title` for sources and next steps, as earlier files were), other lists
by position. Each path whose text differs is NEW, CHANGED or REMOVED, English then Spanish.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BANKS = ("ketamine.en.yaml", "ketamine.es.yaml")
BY_TITLE = ("sources", "next_steps")


def flatten(value: Any, path: str, section: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            flatten(inner, f"{path}.{key}" if path else str(key), section or str(key), out)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            name: Any = index
            if isinstance(inner, dict):
                name = (
                    inner.get("title")
                    if section in BY_TITLE and path == section
                    else inner.get("id", inner.get("code", index))
                )
            flatten(inner, f"{path}[{name}]", section, out)
    else:
        out[path] = " ".join(str(value).split())


def lines(old: dict[str, str], new: dict[str, str]) -> list[str]:
    found = []
    for key in new:
        if key not in old:
            found.append(f"- NEW `{key}`: {new[key]}")
        elif old[key] != new[key]:
            found.append(f"- CHANGED `{key}`: {new[key]}")
    found += [f"- REMOVED `{key}`: {old[key]}" for key in old if key not in new]
    return found


def git_show(revision: str, name: str) -> str:
    command = ["git", "show", f"{revision}:questions/{name}"]
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def main(revision: str, issues: str) -> None:
    texts = []
    version = ""
    for name in BANKS:
        before = git_show(revision, name)
        now = yaml.safe_load((ROOT / "questions" / name).read_text(encoding="utf-8"))
        version = now["version"]
        old: dict[str, str] = {}
        new: dict[str, str] = {}
        flatten(yaml.safe_load(before), "", "", old)
        flatten(now, "", "", new)
        texts.append(f"\n## {name}\n\n" + "\n".join(lines(old, new)) + "\n")
    previous = yaml.safe_load(git_show(revision, BANKS[0]))["version"]
    title = (
        f"# Ketamine bank {version}: every changed text ({issues}), against {previous} as it "
        f"stood at {revision}\n"
    )
    (ROOT / "docs" / f"bank-changes-{version}.md").write_text(title + "".join(texts))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
