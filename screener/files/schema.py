"""Generate the JSON Schemas editors use to check the files screener reads as they are typed
(banks, contacts, the UI strings, answers files) and that describe what it writes (the JSON
record, docs/result-json.md). Each is generated from the msgspec model the file is read into;
an answers file, read by hand for its located messages, has its shape declared here.

Run `python -m screener.files.schema` after changing models.py; a test fails while they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Union

import msgspec
from msgspec import Meta

from screener.files import bundled
from screener.models.bank import Bank
from screener.models.base import ANSWERS, Identifier
from screener.models.contacts import ContactBook, ServiceContacts
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.rules.review import MAX_CLIENT_REFERENCE, MAX_NOTE


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


AnswerAsTyped = Union[
    bool,
    Annotated[
        str,
        Meta(
            pattern=r"^\s*(" + "|".join(map(_any_case, [*ANSWERS, "not sure"])) + r")\s*$",
            description="yes, no or not sure (YAML's bare yes and no are read as typed).",
        ),
    ],
    Annotated[
        str,
        Meta(
            pattern=r"^\s*[A-Za-z][A-Za-z0-9_]*\s*$",
            description="A scale question's option, by its code in any case, e.g. weekly "
            "(questions/README.md); which codes a question takes is the bank's to say.",
        ),
    ],
]


class AnswersFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An answers file for --answers (files/answers_file.py reads it): the bank and each
    question's answer; an intake's file may add the client, notes and counsellor. A saved JSON
    record is read too: record.schema.json describes it."""

    answers: Annotated[dict[Identifier, AnswerAsTyped], Meta(description="Question id: answer.")]
    bank: Union[Identifier, None] = None
    """The bank's id."""
    client: Union[Annotated[str, Meta(max_length=MAX_CLIENT_REFERENCE)], None] = None
    """Intake only: the client's reference, a short code."""
    notes: Annotated[
        Union[dict[Identifier, Annotated[str, Meta(max_length=MAX_NOTE)]], None],
        Meta(description="Intake only: question id to the counsellor's one-line note."),
    ] = None
    counsellor: Union[Annotated[str, Meta(max_length=MAX_CLIENT_REFERENCE)], None] = None
    """Intake only: the counsellor's initials."""


SCHEMAS: dict[str, type[msgspec.Struct]] = {
    "bank.schema.json": Bank,
    "contacts.schema.json": ContactBook,
    "service-contacts.schema.json": ServiceContacts,
    "ui.schema.json": UiStrings,
    "answers.schema.json": AnswersFile,
    "record.schema.json": Result,
}


def schema_text(model: type[msgspec.Struct]) -> str:
    schema = msgspec.json.schema(model)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, default=str) + "\n"


def main(folder: Path | None = None) -> None:
    target = folder or bundled.data_dir()
    for name, model in SCHEMAS.items():
        (target / name).write_text(schema_text(model), encoding="utf-8")
        print(f"wrote {target / name}")


if __name__ == "__main__":
    main()
