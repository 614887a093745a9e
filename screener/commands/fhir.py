"""`screener export-fhir`: a bank as an HL7 FHIR R4 Questionnaire."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.commands.contacts import contacts_for, find_place
from screener.commands.setup import find_bank
from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.fhir_names import Mode
from screener.render import FhirExport
from screener.render.fhir.common import to_json
from screener.render.fhir.questionnaire import questionnaire

if TYPE_CHECKING:
    from screener.terminal.host import Terminal

MODES: tuple[Mode, ...] = ("self", "intake")


def export_questionnaire(
    requested: str | None,
    language: str | None,
    terminal: Terminal,
    form: FhirExport = FhirExport.self,
    region: str | None = None,
) -> str:
    """The bank as JSON text: the self-check's or the intake's Questionnaire, or a transaction
    Bundle of both with their CodeSystems; `region` adds its crisis lines to the advice, in
    the order and language every other screen shows them (the one assembly, with a service's
    own from the config file)."""
    loaded = load_bank(find_bank(requested, language, terminal.environ))
    bank = loaded.bank
    strings = load_strings(bank.language)
    chosen = None
    if region is not None:
        place = find_place(region, terminal.environ)
        chosen = contacts_for(place.region, None, bank.language, terminal).region
    if form is not FhirExport.bundle:
        mode: Mode = "intake" if form is FhirExport.intake else "self"
        return to_json(questionnaire(loaded, strings, mode=mode, region=chosen))
    from screener.render.fhir.terminology import bundle  # only --form bundle needs the codes

    forms = [questionnaire(loaded, strings, mode=mode, region=chosen) for mode in MODES]
    translations = {bank.language: (bank, strings)}
    for other in bundled.bank_languages(bank.id):
        path = bundled.bank_file(bank.id, other)
        if other in translations or path is None:
            continue
        translated = load_bank(path).bank
        if translated.version == bank.version:  # the same questions, in another language
            translations[other] = (translated, load_strings(other))
    return to_json(bundle(forms, loaded, translations))
