"""The rules a bank's answer scales keep (docs/answer-scales.md): options, their keys, and
every answer a condition, a gate or an example names, each as (key path, message)."""

from __future__ import annotations

from screener.errors import KeyPath
from screener.files import bundled
from screener.files.wording import load_strings
from screener.models.bank import Bank, Condition, Item
from screener.models.options import RESERVED_CODES, option_words
from screener.models.wording import UiStrings

Finding = tuple[KeyPath, str]

QUICK_EXIT_KEY = "x"
"""terminal/keys.py's quick exit, in every language (tests/files/test_bank_options.py)."""

MIN_OPTIONS = 2


def command_keys(language: str, strings: UiStrings | None = None) -> dict[str, str]:
    """Every word a person types for a command in this language, to what it does: an
    option's key must be none of them. Read only when a bank declares options."""
    strings = strings or load_strings(language if bundled.strings_file(language) else "en")
    words = strings.command_words
    keys = {QUICK_EXIT_KEY: "quick exit"}
    for command in ("back", "help", "quit"):
        for word in getattr(words, command):
            keys.setdefault(word, command)
    return keys


def check_options(bank: Bank) -> list[Finding]:
    """Each item's options: only on gate and health items, at least two, codes and keys
    unique, no key a command's, points on all or none; `unsure` only beside options."""
    findings: list[Finding] = []
    strings: UiStrings | None = None
    commands: dict[str, str] = {}
    for index, item in enumerate(bank.items):
        at: KeyPath = ("items", index)
        if not item.options:
            if item.unsure is not None:
                findings.append(
                    (
                        (*at, "unsure"),
                        "only a question with options says unsure; yes/no questions always "
                        "offer not sure",
                    )
                )
            continue
        if item.kind == "criterion":
            findings.append(
                (
                    (*at, "options"),
                    "a criterion is answered yes, no or not sure: give its options to a "
                    "health or gate question",
                )
            )
            continue
        if len(item.options) < MIN_OPTIONS:
            findings.append(((*at, "options"), "a scale needs at least two options"))
        if strings is None:  # read once, and only for a bank that declares options
            strings = load_strings(bank.language)
            commands = command_keys(bank.language, strings)
        unsure_words = set(strings.answer_words.unsure) if item.unsure else set()
        codes: dict[str, int] = {}
        keys: dict[str, int] = {}
        findings += _option_words(item, strings, at, commands)
        for number, option in enumerate(item.options):
            where: KeyPath = (*at, "options", number)
            if option.code in RESERVED_CODES:
                findings.append(
                    (
                        (*where, "code"),
                        f"'{option.code}' is a default answer's code; give the option its own",
                    )
                )
            elif option.code in codes:
                findings.append(
                    (
                        (*where, "code"),
                        f"code '{option.code}' is used twice (also options[{codes[option.code]}])",
                    )
                )
            codes.setdefault(option.code, number)
            key = option.key.lower()  # the prompt reads a key typed in any case
            if key in keys:
                findings.append(
                    (
                        (*where, "key"),
                        f"key '{option.key}' is used twice (also options[{keys[key]}])",
                    )
                )
            elif key in commands:
                findings.append(
                    (
                        (*where, "key"),
                        f"key '{option.key}' is the {commands[key]} command's; choose another",
                    )
                )
            elif key in unsure_words:
                findings.append(
                    ((*where, "key"), f"key '{option.key}' means not sure; choose another")
                )
            keys.setdefault(key, number)
        scored = [option.points is not None for option in item.options]
        if any(scored) and not all(scored):
            number = scored.index(not scored[0])
            findings.append(
                (
                    (*at, "options", number),
                    f"item '{item.id}': points on some options only; give every option "
                    "points, or none",
                )
            )
    return findings


def _option_words(
    item: Item, strings: UiStrings, at: KeyPath, commands: dict[str, str]
) -> list[Finding]:
    """A person may type an option's words: no two options of a question read the same,
    compared as the prompt compares them, none reads as not sure where it is offered, and
    none as a command's word (help, back, quit, the intake's note: the command is read first)
    or another option's key (the prompt would take the first match)."""
    taken = {**commands, **dict.fromkeys(strings.intake.note_words, "note")}
    keys = {option.key.lower(): number for number, option in enumerate(item.options)}
    unsure = (
        {
            option_words(word)
            for word in (*strings.answer_words.unsure, strings.answer_labels.unsure)
        }
        if item.unsure
        else set()
    )
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for number, option in enumerate(item.options):
        words = option_words(option.text)
        where: KeyPath = (*at, "options", number, "text")
        if words in seen:
            first = seen[words]
            findings.append(
                (
                    where,
                    f"options[{first}] ({item.options[first].code}) and options[{number}] "
                    f"({option.code}) both read '{words}' when typed (case and spaces aside); "
                    "give each option words of its own",
                )
            )
        elif words in taken:
            findings.append(
                (
                    where,
                    f"options[{number}] ({option.code}) reads '{words}' when typed: the "
                    f"{taken[words]} command's word, which is read first; give the option "
                    "other words",
                )
            )
        elif keys.get(words, number) != number:
            other = keys[words]
            findings.append(
                (
                    where,
                    f"options[{number}] ({option.code}) reads '{words}' when typed: the key "
                    f"of options[{other}] ({item.options[other].code}); give the option other "
                    "words",
                )
            )
        elif words in unsure:
            findings.append(
                (
                    where,
                    f"options[{number}] ({option.code}) reads '{words}' when typed: one of the "
                    "words for not sure, which this question also offers; give the option "
                    "other words",
                )
            )
        seen.setdefault(words, number)
    return findings


def check_answer_codes(bank: Bank) -> list[Finding]:
    """Every answer a condition or the gate names is one its question takes."""
    by_id = {item.id: item for item in bank.items}
    findings: list[Finding] = []

    def named(condition: Condition | None, path: KeyPath) -> None:
        if condition is not None:
            findings.extend(
                _codes(by_id.get(condition.item), condition.answers, (*path, "answers"))
            )

    for index, item in enumerate(bank.items):
        named(item.ask_if, ("items", index, "ask_if"))
    for index, flag in enumerate(bank.flags):
        for number, condition in enumerate(flag.when_any):
            named(condition, ("flags", index, "when_any", number))
        for number, path in enumerate(flag.on_path):
            named(path.when, ("flags", index, "on_path", number, "when"))
    scoring = bank.scoring
    for index, band in enumerate(scoring.bands):
        for number, band_path in enumerate(band.advice_on_path):
            named(band_path.when, ("scoring", "bands", index, "advice_on_path", number, "when"))
    for index, adaptation in enumerate(scoring.adaptations):
        named(adaptation.when, ("scoring", "adaptations", index, "when"))
    for index, step in enumerate(bank.next_steps):
        named(step.show_if, ("next_steps", index, "show_if"))
        named(step.hide_if, ("next_steps", index, "hide_if"))
    for index, order in enumerate(bank.menu):
        named(order.when, ("menu", index, "when"))
    if scoring.gate is not None:
        findings += _codes(
            by_id.get(scoring.gate.item),
            scoring.gate.closed_when,
            ("scoring", "gate", "closed_when"),
        )
    return findings


def wrong_answer(item: Item, code: str) -> str | None:
    """Why `code` does not answer `item`, naming the answers it takes; None when it does."""
    if code in item.codes:
        return None
    return f"'{code}' is not allowed here; expected one of: {', '.join(item.codes)}"


def _codes(item: Item | None, answers: tuple[str, ...], at: KeyPath) -> list[Finding]:
    if item is None:  # an unknown item is reported by the condition check
        return []
    return [
        ((*at, number), message)
        for number, code in enumerate(answers)
        if (message := wrong_answer(item, code)) is not None
    ]
