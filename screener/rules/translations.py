"""A translated bank must ask, count and flag exactly as its reference: only the words differ."""

from __future__ import annotations

import string
from collections.abc import Iterator

from screener.errors import KeyPath
from screener.models.bank import Band, Bank, Flag
from screener.models.wording import UiStrings

REFERENCE_LANGUAGE = "en"

Finding = tuple[KeyPath, str]


def check_translation(reference: Bank, translation: Bank) -> list[Finding]:
    """Every structural difference between a translation and its reference, located in the
    translation: ids, kinds, criteria, clusters, conditions, scoring, bands, flags, steps."""
    findings: list[Finding] = []
    if translation.id != reference.id:
        findings.append(
            (("id",), f"'{translation.id}' should be '{reference.id}' as in the reference")
        )
    if translation.version != reference.version:
        findings.append(
            (
                ("version",),
                f"version {translation.version} differs from the reference's {reference.version}",
            )
        )
    findings += _compare_lists(
        "clusters",
        [cluster.id for cluster in reference.clusters],
        [cluster.id for cluster in translation.clusters],
    )
    findings += _compare_lists(
        "items",
        [_item_shape(item) for item in reference.items],
        [_item_shape(item) for item in translation.items],
        names=[item.id for item in translation.items],
    )
    findings += _scale_findings(reference, translation)
    reference_scoring, scoring = reference.scoring, translation.scoring
    if (reference_scoring.method, reference_scoring.criteria) != (scoring.method, scoring.criteria):
        findings.append((("scoring",), "the scoring method or number of criteria differs"))
    if _gate_shape(reference) != _gate_shape(translation):
        findings.append((("scoring", "gate"), "the gate differs from the reference"))
    findings += _compare_lists(
        "scoring.adaptations",
        [
            (a.id, a.when, a.not_counted, _has(a.unsure_message))
            for a in reference_scoring.adaptations
        ],
        [(a.id, a.when, a.not_counted, _has(a.unsure_message)) for a in scoring.adaptations],
        path=("scoring", "adaptations"),
    )
    findings += _compare_lists(
        "scoring.bands",
        [_band_shape(band) for band in reference_scoring.bands],
        [_band_shape(band) for band in scoring.bands],
        path=("scoring", "bands"),
    )
    findings += _compare_lists(
        "flags",
        [_flag_shape(flag) for flag in reference.flags],
        [_flag_shape(flag) for flag in translation.flags],
    )
    findings += _compare_lists(
        "next_steps",
        [(step.id, step.show_if, step.hide_if) for step in reference.next_steps],
        [(step.id, step.show_if, step.hide_if) for step in translation.next_steps],
    )
    findings += _compare_lists(
        "menu",
        [(order.when, order.first, _has(order.closing)) for order in reference.menu],
        [(order.when, order.first, _has(order.closing)) for order in translation.menu],
    )
    findings += _compare_lists(
        "examples",
        [(example.id, example.answers, example.expect) for example in reference.examples],
        [(example.id, example.answers, example.expect) for example in translation.examples],
        names=[example.id for example in translation.examples],
    )
    findings += _missing_notes(reference, translation)
    if len(translation.intro) != len(reference.intro):
        findings.append(
            (
                ("intro",),
                f"{len(translation.intro)} paragraphs; the reference has {len(reference.intro)}",
            )
        )
    return findings


def _missing_notes(reference: Bank, translation: Bank) -> list[Finding]:
    """Optional texts the reference has must be translated too: labels, trainer notes, lessons."""
    findings: list[Finding] = []
    for index, (want, have) in enumerate(zip(reference.items, translation.items, strict=False)):
        if want.why is not None and have.why is None:
            findings.append((("items", index), f"'{have.id}' has no 'why'; the reference has one"))
        if want.label is not None and have.label is None:
            findings.append(
                (("items", index), f"'{have.id}' has no 'label'; the reference has one")
            )
    for index, (want_example, have_example) in enumerate(
        zip(reference.examples, translation.examples, strict=False)
    ):
        if want_example.teaches is not None and have_example.teaches is None:
            findings.append(
                (
                    ("examples", index),
                    f"'{have_example.id}' has no 'teaches'; the reference has one",
                )
            )
    return findings


def _scale_findings(reference: Bank, translation: Bank) -> list[Finding]:
    """Each scale as its reference: the codes in order, their points, the offer of not sure.
    The options' words and keys are the language's own."""
    findings: list[Finding] = []
    for index, (want, have) in enumerate(zip(reference.items, translation.items, strict=False)):
        if want.id != have.id:
            continue  # already reported as a different item
        wanted = [option.code for option in want.options]
        offered = [option.code for option in have.options]
        if offered != wanted:
            findings.append(
                (
                    ("items", index, "options"),
                    f"'{have.id}' offers {_listed(offered)}; the reference offers "
                    f"{_listed(wanted)} (a translation keeps the codes and their order)",
                )
            )
        reference_points = {option.code: option.points for option in want.options}
        for position, option in enumerate(have.options):
            if option.code in reference_points and option.points != reference_points[option.code]:
                findings.append(
                    (
                        ("items", index, "options", position, "points"),
                        f"'{have.id}' gives '{option.code}' {_points(option.points)}; the "
                        f"reference gives {_points(reference_points[option.code])}",
                    )
                )
        if bool(want.unsure) != bool(have.unsure):
            findings.append(
                (
                    ("items", index, "unsure") if have.unsure else ("items", index),
                    f"'{have.id}' {'offers' if have.unsure else 'does not offer'} not sure; "
                    f"the reference {'does not' if have.unsure else 'does (unsure: true)'}",
                )
            )
    return findings


def _listed(codes: list[str]) -> str:
    return ", ".join(codes) or "yes, no and not sure"


def _points(points: int | None) -> str:
    return "no points" if points is None else f"{points} point{'s' if points != 1 else ''}"


def check_strings(reference: UiStrings, translation: UiStrings) -> list[Finding]:
    """The same {placeholders} in every sentence, so nothing is lost or fails to fill in."""
    findings: list[Finding] = []
    for field in reference.__struct_fields__:
        expected, actual = getattr(reference, field), getattr(translation, field)
        if isinstance(expected, str) and isinstance(actual, str):
            missing = _placeholders(expected) - _placeholders(actual)
            extra = _placeholders(actual) - _placeholders(expected)
            if missing or extra:
                wanted = ", ".join("{" + name + "}" for name in sorted(_placeholders(expected)))
                findings.append(((field,), f"needs exactly the placeholders {wanted or 'none'}"))
    return findings


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _item_shape(item: object) -> tuple[object, ...]:
    shape = tuple(getattr(item, name) for name in ("id", "kind", "criterion", "cluster", "ask_if"))
    return (*shape, _has(getattr(item, "short", None)))


def _gate_shape(bank: Bank) -> tuple[object, ...] | None:
    gate = bank.scoring.gate
    return None if gate is None else (gate.item, gate.closed_when)


def _compare_lists(
    section: str,
    expected: list[object],
    actual: list[object],
    *,
    path: KeyPath | None = None,
    names: list[str] | None = None,
) -> Iterator[Finding]:
    where = path or (section,)
    for index, (want, have) in enumerate(zip(expected, actual, strict=False)):
        if want != have:
            label = f" '{names[index]}'" if names else ""
            yield ((*where, index), f"{section}[{index}]{label} differs from the reference")
    if len(actual) > len(expected):
        for index in range(len(expected), len(actual)):
            label = f" '{names[index]}'" if names else ""
            yield ((*where, index), f"{section}[{index}]{label} is not in the reference")
    elif len(actual) < len(expected):
        yield (where, f"{len(expected) - len(actual)} missing: the reference has {len(expected)}")


def _has(text: str | None) -> bool:
    """Whether an optional text is given: a translation says what its reference says."""
    return text is not None


def _band_shape(band: Band) -> tuple[object, ...]:
    return (
        band.id,
        band.min,
        band.max,
        _has(band.message_if_unclear),
        _has(band.message_if_flagged),
        _has(band.message_if_one),
        _has(band.could_be),
        _has(band.advice),
        tuple(path.when for path in band.advice_on_path),
    )


def _flag_shape(flag: Flag) -> tuple[object, ...]:
    return (
        flag.id,
        flag.level,
        flag.when_any,
        flag.if_unsure,
        _has(flag.unsure_advice),
        tuple((path.when, _has(path.unsure_advice)) for path in flag.on_path),
    )
