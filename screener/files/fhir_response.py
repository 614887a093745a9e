"""A FHIR QuestionnaireResponse (screener's own or another filler's) read back as answers."""

from __future__ import annotations

from screener.errors import DataError, KeyPath, Problem
from screener.files.answer_values import as_written, wrong_answer
from screener.files.documents import Document, kind_of
from screener.files.fhir_checks import (
    authored,
    check_questionnaire,
    check_status,
    duplicate_link_ids,
    written_by_screener,
)
from screener.files.replay import Replay
from screener.models.bank import Bank, Item
from screener.models.base import Code
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADAPTATIONS,
    ANSWER_SYSTEM,
    BAND,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    FLAGS,
    INTAKE_SUFFIX,
    NOTE_SUFFIX,
    RESULT_PREFIX,
    scale_system,
)
from screener.rules.review import MAX_CLIENT_REFERENCE, one_safe_line_within
from screener.rules.scoring import asked_items, score


def replay_from_response(
    document: Document,
    bank: Bank,
    *,
    intake: bool,
    sha256: str | None = None,
    rescore: bool = False,
) -> Replay:
    """The answers, refused with file:line:col when they are not this bank's to re-score."""
    data = document.data
    assert isinstance(data, dict)
    problems, told = check_questionnaire(
        document, data.get("questionnaire"), bank, sha256, rescore=rescore
    )
    refused, partial = check_status(document, data)
    problems += refused
    items = data.get("item")
    if not isinstance(items, list):
        problems.append(document.problem(("item",) if "item" in data else (), "no answers"))
        raise DataError(problems)
    problems += duplicate_link_ids(document, items)
    if problems:
        raise DataError(problems)
    answers: dict[str, Code] = {}
    notes: dict[str, str] = {}
    stated: dict[str, object] = {}
    where: dict[str, KeyPath] = {}
    known = {item.id: item for item in bank.items}
    for index, item in enumerate(items):
        at: KeyPath = ("item", index)
        link_id = item.get("linkId") if isinstance(item, dict) else None
        if not isinstance(link_id, str):
            problems.append(document.problem(at, "an item needs a linkId"))
            continue
        assert isinstance(item, dict)
        if link_id.startswith(RESULT_PREFIX):
            stated[link_id] = item.get("answer")
            continue
        if link_id not in known:
            problems.append(
                document.problem((*at, "linkId"), f"no question '{link_id}' in bank '{bank.id}'")
            )
            continue
        answer, note, problem = _answer(document, item, at, bank.id, known[link_id])
        if problem is not None:
            problems.append(problem)
            continue
        assert answer is not None
        answers[link_id] = answer
        where[link_id] = at
        if note:
            notes[link_id] = note
    if problems:
        raise DataError(problems)
    dropped = "" if written_by_screener(data) else _drop_skipped(document, bank, answers, where)
    problems = _coverage(document, bank, answers, where)
    if problems:
        raise DataError(problems)
    notes = {key: note for key, note in notes.items() if key in answers}
    warnings = (*told, *filter(None, (partial, dropped)))
    warnings += _differences(document, bank, answers, stated)
    client = _client(document, data) if intake else None
    reference = str(data.get("questionnaire", ""))
    when = authored(document, data.get("authored"))
    return Replay(
        dict(answers),
        client,
        notes if intake else {},
        when.moment,
        # The Questionnaire answered says the mode, so a self-check's response stays one.
        mode="intake" if reference.partition("|")[0].endswith(INTAKE_SUFFIX) else "self",
        counsellor=_counsellor(data) if intake else None,
        warnings=warnings,
        recorded_as=when.date_only,
    )


def _answer(
    document: Document, item: dict[object, object], at: KeyPath, bank_id: str, question: Item
) -> tuple[Code | None, str | None, Problem | None]:
    given = item.get("answer")
    if not isinstance(given, list) or len(given) != 1 or not isinstance(given[0], dict):
        return None, None, document.problem((*at, "answer"), "expected one answer")
    problem = _not_a_coding(document, given[0], (*at, "answer", 0), question)
    if problem is not None:
        return None, None, problem
    coding = given[0]["valueCoding"]
    code = coding.get("code")
    # A coding without a system is read as screener's yes/no/unsure, as it always was.
    system = coding.get("system", ANSWER_SYSTEM)
    if not isinstance(code, str) or (system, code) not in _codings(bank_id, question):
        path = (*at, "answer", 0, "valueCoding")
        foreign = f" of {system}" if isinstance(code, str) and code in question.codes else ""
        wrong = (
            "a valueCoding with no code is not an answer"
            if code is None
            else f"'{code}'{foreign} is not an answer"
            if foreign
            else wrong_answer(document, (*path, "code"), code)
        )
        return (
            None,
            None,
            document.problem(
                path,
                f"{wrong} to '{question.id}'; use one of: " + ", ".join(question.codes),
            ),
        )
    note = None
    for child in given[0].get("item", []) or []:
        if isinstance(child, dict) and str(child.get("linkId", "")).endswith(NOTE_SUFFIX):
            values = child.get("answer") or [{}]
            text = values[0].get("valueString") if isinstance(values[0], dict) else None
            note = " ".join(str(text).split()) if text else None
    return code, note, None


def _not_a_coding(
    document: Document, answer: dict[object, object], at: KeyPath, question: Item
) -> Problem | None:
    """Why an answer holds no coding to read (no value, two values, a valueString...), as the
    file holds it; None when its one value is a valueCoding mapping."""
    allowed = (
        f"use a valueCoding of one of{' its options' if question.options else ''}: "
        + ", ".join(question.codes)
    )
    values = [key for key in answer if isinstance(key, str) and key.startswith("value")]
    if not values:
        return document.problem(at, f"no value given for '{question.id}'; {allowed}")
    if len(values) > 1:
        named = ", ".join(values[:-1]) + f" and {values[-1]}"
        return document.problem(at, f"an answer holds one value, not {named}; {allowed}")
    (key,) = values
    value = answer[key]
    if key == "valueCoding" and isinstance(value, dict):
        return None
    written = as_written(document, (*at, key), value)
    if value is None:
        said = f"an empty {key} is not an answer to '{question.id}'"
    elif key == "valueCoding":
        shown = f"'{written}'" if written is not None else f"holding {kind_of(value)}"
        said = f"valueCoding {shown} is not a coding (a mapping of system and code)"
    elif written is None:
        said = f"{key} holding {kind_of(value)} is not an answer to '{question.id}'"
    else:
        said = f"{key} '{written}' is not an answer to '{question.id}'"
    return document.problem((*at, key), f"{said}; {allowed}")


def _codings(bank_id: str, question: Item) -> set[tuple[str, str]]:
    """The (system, code) pairs a question takes: a scale's options in the bank's own system,
    yes, no and not sure in screener's answer system (docs/fhir.md)."""
    system = scale_system(bank_id, question.id)
    return {(system if question.option(code) else ANSWER_SYSTEM, code) for code in question.codes}


def _drop_skipped(
    document: Document, bank: Bank, answers: dict[str, Code], where: dict[str, KeyPath]
) -> str:
    """Another filler may keep an answer to a question the earlier answers now skip (Smart
    Forms after an edit, through a chain of skips): dropped, and named in one warning line."""
    asked = {item.id for item in asked_items(bank, answers)}
    skipped = [item for item in bank.items if item.id in answers and item.id not in asked]
    if not skipped:
        return ""
    first = where[skipped[0].id]
    for item in skipped:
        del answers[item.id]
    named = ", ".join(f"{item.id} ({_words(item)})" for item in skipped)
    return str(
        document.problem(
            first,
            f"the earlier answers skip these questions, so their answers are not used: {named}",
        )
    )


def _words(item: Item) -> str:
    """The question in the few words a person reads where answers are listed."""
    return " ".join((item.short or item.label or item.text).split())


def _coverage(
    document: Document, bank: Bank, answers: dict[str, Code], where: dict[str, KeyPath]
) -> list[Problem]:
    asked = {item.id for item in asked_items(bank, answers)}
    problems = [
        document.problem(
            where[item_id],
            f"'{item_id}' is answered, but the earlier answers disable (skip) it; remove it",
        )
        for item_id in answers
        if item_id not in asked
    ]
    missing = [item.id for item in bank.items if item.id in asked and item.id not in answers]
    if missing:
        problems.append(document.problem(("item",), f"no answer for: {', '.join(missing)}"))
    return problems


def _differences(
    document: Document, bank: Bank, answers: dict[str, Code], stated: dict[str, object]
) -> tuple[str, ...]:
    """result.* items are ignored, but a reader is told when they disagree with the re-score."""
    scored = score(bank, answers)
    own: dict[str, list[object]] = {
        CRITERIA_MET: [scored.criteria_met],
        CRITERIA_COUNTED: [scored.criteria_applicable],
        BAND: [scored.band.id] if scored.band else [],
        FLAGS: [flag.id for flag in scored.flags],
        ADAPTATIONS: [adaptation.id for adaptation in scored.adaptations],
    }
    items = document.data["item"] if isinstance(document.data, dict) else []
    warnings = []
    for link_id, given in _one_list_each(stated).items():
        if link_id not in own:
            continue
        values = [str(_value(answer)) for answer in given] if isinstance(given, list) else []
        again = [str(value) for value in own[link_id]]
        if sorted(values) == sorted(again):
            continue
        index = next(
            i
            for i, item in enumerate(items)
            if isinstance(item, dict)
            and str(item.get("linkId")).split(".")[:2] == link_id.split(".")
        )
        problem = document.problem(
            ("item", index),
            f"{link_id} says {', '.join(values) or 'nothing'}; screener re-scores these answers "
            f"as {', '.join(again) or 'nothing'} (the re-score is used)",
        )
        warnings.append(str(problem))
    return tuple(warnings)


def _one_list_each(stated: dict[str, object]) -> dict[str, object]:
    """The export has an item per flag and per adaptation (result.flags.<id>: a filler sets
    one answer per calculated item); read them as the one list of codes each, as scored."""
    folded = {
        link_id: given
        for link_id, given in stated.items()
        if not link_id.startswith((FLAG_PREFIX, ADAPTATION_PREFIX))
    }
    for prefix, name in ((FLAG_PREFIX, FLAGS), (ADAPTATION_PREFIX, ADAPTATIONS)):
        parts = [given for link_id, given in stated.items() if link_id.startswith(prefix)]
        if parts:
            folded[name] = [one for part in parts if isinstance(part, list) for one in part]
    return folded


def _value(answer: object) -> object:
    if not isinstance(answer, dict):
        return answer
    if "valueCoding" in answer and isinstance(answer["valueCoding"], dict):
        return answer["valueCoding"].get("code")
    return answer.get("valueInteger", answer)


def _client(document: Document, data: dict[object, object]) -> str | None:
    """The subject's identifier value, held to the same limits as a typed client reference."""
    subject = data.get("subject")
    identifier = subject.get("identifier") if isinstance(subject, dict) else None
    value = identifier.get("value") if isinstance(identifier, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not one_safe_line_within(value, MAX_CLIENT_REFERENCE):
        raise DataError(
            [
                document.problem(
                    ("subject", "identifier", "value"),
                    f"a client reference is one line of text, at most {MAX_CLIENT_REFERENCE} "
                    "characters, such as K-0142",
                )
            ]
        )
    return " ".join(value.split()) or None


def _counsellor(data: dict[object, object]) -> str | None:
    """The author's identifier: the counsellor's initials, as screener writes them."""
    author = data.get("author")
    identifier = author.get("identifier") if isinstance(author, dict) else None
    value = identifier.get("value") if isinstance(identifier, dict) else None
    return " ".join(value.split())[:40] or None if isinstance(value, str) else None
