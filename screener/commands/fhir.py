"""`screener export-fhir`: a bank as an HL7 FHIR R4 Questionnaire."""

from __future__ import annotations

from collections.abc import Mapping

from screener.files.bank import load_bank


def export_questionnaire(
    requested: str | None, language: str | None, environ: Mapping[str, str]
) -> str:
    """The bank as an HL7 FHIR R4 Questionnaire, as JSON text."""
    from screener.commands.screening import find_bank
    from screener.files.wording import load_strings
    from screener.render.fhir import questionnaire, to_json

    bank = load_bank(find_bank(requested, language, environ)).bank
    return to_json(questionnaire(bank, load_strings(bank.language)))
