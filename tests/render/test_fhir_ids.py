"""Every logical id screener writes into FHIR is a valid FHIR id (R4 datatypes: letters,
digits, '-' and '.', 1 to 64), although screener's own ids take '_' (a bank's, a question's):
the bundled bank's `how_often` once made a CodeSystem id FHIR refuses."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from screener.cli import app
from screener.models.fhir_names import resource_id

FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
DATA = Path(__file__).resolve().parents[1] / "data"


def ids_in(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("resourceType"), str) and "id" in node:
            yield str(node["id"])
        for value in node.values():
            yield from ids_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from ids_in(value)


@pytest.mark.parametrize("form", ["self", "intake", "bundle"])
@pytest.mark.parametrize(
    "bank", ["ketamine", str(DATA / "scales.yaml"), str(DATA / "scales.es.yaml")]
)
def test_every_resource_id_screener_exports_is_a_fhir_id(bank: str, form: str) -> None:
    made = CliRunner().invoke(app, ["export-fhir", "--bank", bank, "--form", form])
    assert made.exit_code == 0, made.output
    found = list(ids_in(json.loads(made.stdout)))
    assert found
    assert [each for each in found if not FHIR_ID.match(each)] == []


@given(st.from_regex(r"[a-z][a-z0-9_]{0,80}", fullmatch=True))
def test_a_name_becomes_a_fhir_id(name: str) -> None:
    assert FHIR_ID.match(resource_id(name))


def test_two_names_never_meet_as_ids() -> None:
    long = "a" * 70
    assert resource_id("ketamine-how_often-answer") == "ketamine-how-often-answer"
    assert resource_id(long + "_x") != resource_id(long + "_y")
