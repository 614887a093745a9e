"""Generate the JSON Schemas editors use to check banks and contacts files as they are typed.

Run `python -m screener.files.schema` after changing models.py; a test fails while they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from screener.files import bundled
from screener.models.bank import Bank
from screener.models.contacts import ContactBook, ServiceContacts

SCHEMAS: dict[str, type[msgspec.Struct]] = {
    "bank.schema.json": Bank,
    "contacts.schema.json": ContactBook,
    "service-contacts.schema.json": ServiceContacts,
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
