"""Assemble the record of a screening: the score plus which bank, where, and what it means."""

from __future__ import annotations

from screener import __version__
from screener.bank import LoadedBank
from screener.models import BankReference, Region, ResourcesResult, Result, Score


def build_result(loaded: LoadedBank, score: Score, region: Region) -> Result:
    bank = loaded.bank
    return Result(
        screener_version=__version__,
        bank=BankReference(
            id=bank.id,
            version=bank.version,
            language=bank.language,
            title=bank.title,
            sha256=loaded.sha256,
        ),
        answers=score.answers,
        criteria_met=score.criteria_met,
        criteria_applicable=score.criteria_applicable,
        criteria_total=score.criteria_total,
        unsure=score.unsure,
        gate_closed=score.gate_closed,
        gate_message=(
            bank.scoring.gate.message if score.gate_closed and bank.scoring.gate else None
        ),
        band=score.band,
        clusters=score.clusters,
        criteria=score.criteria,
        adaptations=score.adaptations,
        flags=score.flags,
        resources=ResourcesResult(region=region.id, name=region.name, contacts=region.contacts),
        disclaimer=bank.disclaimer,
    )
