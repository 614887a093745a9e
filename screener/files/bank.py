"""load_bank(): a YAML file in, a checked Bank out, or every problem with its file:line:col."""

from __future__ import annotations

import hashlib
from pathlib import Path

from screener.errors import KeyPath
from screener.files import documents
from screener.files.bank_menu import check_menu
from screener.files.bank_options import check_answer_codes, check_options
from screener.files.checked import checked
from screener.files.documents import Document
from screener.models.bank import Bank, Condition, LoadedBank

Finding = tuple[KeyPath, str]


def load_bank(path: Path, display: str | None = None) -> LoadedBank:
    """Read, parse and check a bank file; raise DataError listing every problem found."""
    return bank_from_document(documents.load(path, display))


def bank_from_document(document: Document) -> LoadedBank:
    bank = checked(
        document,
        Bank,
        "a bank is a mapping of keys (id, version, items, ...), not {kind}",
        check_bank,
    )
    return LoadedBank(bank, document.file, hashlib.sha256(document.raw).hexdigest())


def check_bank(bank: Bank) -> list[Finding]:
    """The rules a bank must keep beyond its types, each as (key path, message)."""
    return [
        *_check_unique_ids(bank),
        *_check_items(bank),
        *check_options(bank),
        *_check_conditions(bank),
        *check_answer_codes(bank),
        *_check_unsure_declared(bank),
        *_check_scoring(bank),
        *check_menu(bank),
    ]


def _check_unsure_declared(bank: Bank) -> list[Finding]:
    """Every flag says what "not sure" does, so a new flag cannot silently drop advice."""
    findings: list[Finding] = []
    takes_unsure = {item.id for item in bank.items if "unsure" in item.codes}
    for index, flag in enumerate(bank.flags):
        if flag.if_unsure is not None:
            continue
        for number, condition in enumerate(flag.when_any):
            # A scale without 'not sure' cannot be answered so: nothing to declare.
            if condition.item in takes_unsure and "unsure" not in condition.answers:
                findings.append(
                    (
                        ("flags", index, "when_any", number, "answers"),
                        f"flag '{flag.id}': what does \"not sure\" to '{condition.item}' do? "
                        'add "unsure" to the answers, or give the flag if_unsure: raise or ignore',
                    )
                )
    return findings


def _check_unique_ids(bank: Bank) -> list[Finding]:
    findings: list[Finding] = []
    for section, ids in (
        ("items", [item.id for item in bank.items]),
        ("clusters", [cluster.id for cluster in bank.clusters]),
        ("flags", [flag.id for flag in bank.flags]),
    ):
        seen: dict[str, int] = {}
        for index, entry_id in enumerate(ids):
            if entry_id in seen:
                findings.append(
                    (
                        (section, index, "id"),
                        f"id '{entry_id}' is used twice (also {section}[{seen[entry_id]}])",
                    )
                )
            seen.setdefault(entry_id, index)
    return findings


def _check_items(bank: Bank) -> list[Finding]:
    findings: list[Finding] = []
    cluster_ids = {cluster.id for cluster in bank.clusters}
    total = bank.scoring.criteria
    numbered: dict[int, int] = {}
    for index, item in enumerate(bank.items):
        if item.kind != "criterion":
            for key in ("criterion", "cluster"):
                if getattr(item, key) is not None:
                    findings.append(((("items", index, key)), f"only criterion items have a {key}"))
            continue
        if item.criterion is None:
            findings.append((("items", index), "a criterion item needs a criterion number"))
        elif not 1 <= item.criterion <= total:
            findings.append(
                (
                    ("items", index, "criterion"),
                    f"criterion {item.criterion} is out of range 1-{total}",
                )
            )
        elif item.criterion in numbered:
            findings.append(
                (
                    ("items", index, "criterion"),
                    f"criterion {item.criterion} is repeated "
                    f"(also items[{numbered[item.criterion]}])",
                )
            )
        else:
            numbered[item.criterion] = index
        if item.cluster is None:
            findings.append((("items", index), "a criterion item needs a cluster"))
        elif item.cluster not in cluster_ids:
            findings.append(
                (
                    ("items", index, "cluster"),
                    f"no cluster '{item.cluster}' (clusters: {', '.join(sorted(cluster_ids))})",
                )
            )
    missing = [number for number in range(1, total + 1) if number not in numbered]
    if missing and not findings:
        listed = ", ".join(str(number) for number in missing)
        findings.append(
            (("scoring", "criteria"), f"{total} criteria declared, but no item for: {listed}")
        )
    return findings


def _check_conditions(bank: Bank) -> list[Finding]:
    findings: list[Finding] = []
    position = {item.id: index for index, item in enumerate(bank.items)}

    def refer(condition: Condition, path: KeyPath, before: int | None = None) -> None:
        where = position.get(condition.item)
        if where is None:
            findings.append(((*path, "item"), f"no item with id '{condition.item}'"))
        elif before is not None and where == before:
            findings.append(
                (
                    (*path, "item"),
                    f"'{condition.item}' is this item: it cannot wait for its own answer",
                )
            )
        elif before is not None and where > before:
            findings.append(((*path, "item"), f"'{condition.item}' must be asked before this item"))

    for index, item in enumerate(bank.items):
        if item.ask_if is not None:
            refer(item.ask_if, ("items", index, "ask_if"), before=index)
    for index, flag in enumerate(bank.flags):
        for number, condition in enumerate(flag.when_any):
            refer(condition, ("flags", index, "when_any", number))
        for number, path in enumerate(flag.on_path):
            refer(path.when, ("flags", index, "on_path", number, "when"))
        if flag.level == "crisis" and flag.on_path:
            # The crisis screen shows the flag's own advice, at once, on every path.
            findings.append(
                (
                    ("flags", index, "on_path"),
                    f"flag '{flag.id}' is a crisis flag: the crisis screen shows its main "
                    "advice on every path, so give it no on_path; say what differs on a path "
                    "in its advice",
                )
            )
    for index, band in enumerate(bank.scoring.bands):
        for number, band_path in enumerate(band.advice_on_path):
            refer(band_path.when, ("scoring", "bands", index, "advice_on_path", number, "when"))
    for index, step in enumerate(bank.next_steps):
        if step.show_if is not None:
            refer(step.show_if, ("next_steps", index, "show_if"))
        if step.hide_if is not None:
            refer(step.hide_if, ("next_steps", index, "hide_if"))
    for index, order in enumerate(bank.menu):
        refer(order.when, ("menu", index, "when"))
    scoring = bank.scoring
    if scoring.gate is not None:
        gate_index = position.get(scoring.gate.item)
        if gate_index is None:
            findings.append((("scoring", "gate", "item"), f"no item with id '{scoring.gate.item}'"))
        elif bank.items[gate_index].kind != "gate":
            findings.append(
                (("scoring", "gate", "item"), f"'{scoring.gate.item}' is not a gate item")
            )
    for index, adaptation in enumerate(scoring.adaptations):
        refer(adaptation.when, ("scoring", "adaptations", index, "when"))
        for number, item_id in enumerate(adaptation.not_counted):
            where = position.get(item_id)
            if where is None or bank.items[where].kind != "criterion":
                findings.append(
                    (
                        ("scoring", "adaptations", index, "not_counted", number),
                        f"'{item_id}' is not a criterion item",
                    )
                )
    return findings


def _check_scoring(bank: Bank) -> list[Finding]:
    """Bands must cover 0..criteria exactly once: no gaps, no overlaps."""
    findings: list[Finding] = []
    total = bank.scoring.criteria
    seen_ids: dict[str, int] = {}
    for index, band in enumerate(bank.scoring.bands):
        path: KeyPath = ("scoring", "bands", index)
        if band.id in seen_ids:
            findings.append(
                (
                    (*path, "id"),
                    f"band id '{band.id}' is used twice (also bands[{seen_ids[band.id]}])",
                )
            )
        seen_ids.setdefault(band.id, index)
        if band.min > band.max:
            findings.append(((*path, "min"), f"min {band.min} is above max {band.max}"))
        if band.max > total:
            findings.append(((*path, "max"), f"max {band.max} is above the {total} criteria"))
    if findings:
        return findings
    order = sorted(range(len(bank.scoring.bands)), key=lambda i: bank.scoring.bands[i].min)
    next_count = 0
    previous: str | None = None
    for index in order:
        band = bank.scoring.bands[index]
        path = ("scoring", "bands", index, "min")
        if band.min > next_count:
            findings.append((path, f"no band covers {_span(next_count, band.min - 1)}"))
        elif band.min < next_count:
            findings.append((path, f"band '{band.id}' overlaps band '{previous}' at {band.min}"))
        next_count = max(next_count, band.max + 1)
        previous = band.id
    if next_count <= total:
        findings.append((("scoring", "bands"), f"no band covers {_span(next_count, total)}"))
    return findings


def _span(low: int, high: int) -> str:
    return f"a count of {low}" if low == high else f"counts {low}-{high}"
