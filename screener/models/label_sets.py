"""A word per value of a closed set (answers, flag levels, kinds of contact, endings), in one
language; a language lacking one is refused when its strings load."""

from __future__ import annotations

from screener.models.base import Model, Prose


class Labels(Model, frozen=True, kw_only=True):
    """A word per value of a closed set (answers, levels): a language lacking one is refused."""

    def of(self, value: str) -> str:
        return str(getattr(self, value))


class AnswerLabels(Labels, frozen=True, kw_only=True):
    """How each answer is written back to the person."""

    yes: Prose
    no: Prose
    unsure: Prose


class ContactKindLabels(Labels, frozen=True, kw_only=True):
    """What each kind of contact is called where it is named (`screener resources`)."""

    drugs: Prose
    crisis: Prose
    health: Prose
    emergency: Prose
    directory: Prose


class LevelLabels(Labels, frozen=True, kw_only=True):
    """What each level of flag is called in a record and in FHIR ("Crisis: ...")."""

    crisis: Prose
    urgent: Prose
    medical: Prose
    info: Prose


class IncompleteReasons(Labels, frozen=True, kw_only=True):
    """A record filed before its end says how it ended (rules.endings.Stop)."""

    crisis_stop: Prose
    quick_exit: Prose
    interrupted: Prose
    end_of_input: Prose
    hang_up: Prose
    terminated: Prose


class WriteProblems(Labels, frozen=True, kw_only=True):
    """Why a record could not be saved, said at a save prompt in the person's language: one
    per `errors.WriteReason`. {path} is the file, {folder} its folder; `failed` has the
    system's own words in {detail}."""

    symlink: Prose
    folder: Prose
    exists: Prose
    not_a_folder: Prose
    no_folder: Prose
    not_writable: Prose
    failed: Prose
