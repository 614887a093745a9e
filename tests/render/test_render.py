"""What a person reads, compared whole with golden files at 80 columns and no colour.

After a deliberate wording change: pytest --update-golden, then read the diff.
"""

from __future__ import annotations

import datetime
import io
import json
import string
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook, Region
from screener.models.wording import UiStrings
from screener.render import Format, renderer_for
from screener.render.markdown import MarkdownRenderer
from screener.render.text import print_sections
from screener.reports.record import Screening
from screener.reports.summary import build_summary
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import PATHS

Golden = Callable[[str, str], None]


def region_named(contacts: ContactBook, region_id: str) -> Region:
    """The region as every command shows it: its contacts in the one order, in English."""
    return contacts_to_show(choose_region(contacts, region_id, {}), None, "en")


def summary_text(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, path: str, *, plain: bool
) -> str:
    answers, region_id = PATHS[path]
    region = region_named(contacts, region_id)
    result = build_result(ketamine, score(ketamine.bank, answers), region)
    output = io.StringIO()
    console = Console(file=output, width=80, color_system=None, markup=False, highlight=False)
    print_sections(console, build_summary(ketamine.bank, result, region, strings), plain=plain)
    # Rich pads lines to the width; the padding is invisible, so the golden files omit it.
    return "\n".join(line.rstrip() for line in output.getvalue().split("\n"))


@pytest.mark.parametrize("path", sorted(PATHS))
def test_summary_golden(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, golden: Golden, path: str
) -> None:
    golden(f"summary_{path}.txt", summary_text(ketamine, strings, contacts, path, plain=False))


@pytest.mark.parametrize("path", sorted(PATHS))
def test_plain_summary_golden(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, golden: Golden, path: str
) -> None:
    text = summary_text(ketamine, strings, contacts, path, plain=True)
    assert all(line == line.rstrip() for line in text.splitlines())
    assert not any(character in text for character in "─│╭•")
    golden(f"summary_{path}.plain.txt", text)


@pytest.mark.parametrize("path", sorted(PATHS))
def test_every_summary_path_says_not_a_diagnosis_and_gives_a_contact(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, path: str
) -> None:
    text = " ".join(summary_text(ketamine, strings, contacts, path, plain=True).split())
    assert "This is a self-check, not a diagnosis." in text
    assert "call " in text or "findahelpline" in text
    lowered = text.lower()
    for claim in ("use disorder", "you are addicted", "diagnosis:", "addict", "abuser"):
        assert claim not in lowered


def test_markdown_golden(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, golden: Golden
) -> None:
    answers, region_id = PATHS["mild_prescribed"]
    region = region_named(contacts, region_id)
    moment = datetime.datetime(2026, 11, 21, 10, 15, tzinfo=datetime.timezone.utc)
    result = build_result(ketamine, score(ketamine.bank, answers), region, recorded_at=moment)
    text = MarkdownRenderer().render(Screening(ketamine.bank, strings, region, result))
    golden("record_mild_prescribed.md", text.replace(ketamine.sha256, "<sha256>"))


def test_markdown_escapes_bank_text(strings: UiStrings) -> None:
    from screener.render.markdown import escape

    assert escape("**bold** [link](x) <b>") == r"\*\*bold\*\* \[link\](x) \<b\>"
    assert escape("2026-11-30T13:58:08+00:00 (en)") == "2026-11-30T13:58:08+00:00 (en)"
    assert escape("a\x1b[31mred") == "a\ufffd\\[31mred"
    assert escape("1. first") == r"1\. first" and escape("a 1. b") == "a 1. b"
    assert escape("10) tenth") == r"10\) tenth"
    assert escape("1.0.0") == "1.0.0" and escape("3.") == r"3\."


def test_json_is_the_result_exactly(ketamine: LoadedBank, contacts: ContactBook) -> None:
    from screener.render.json import render_json

    answers, region_id = PATHS["severe_with_flags"]
    result = build_result(
        ketamine, score(ketamine.bank, answers), region_named(contacts, region_id)
    )
    record = json.loads(render_json(result))
    assert record["criteria_met"] == 8 and record["band"]["id"] == "severe"
    assert [flag["level"] for flag in record["flags"]][:2] == ["crisis", "urgent"]
    region = region_named(contacts, region_id)
    assert [contact["checked"] for contact in record["resources"]["contacts"]] == [
        contact.checked.isoformat() for contact in region.contacts
    ]


@pytest.mark.parametrize("path", ["mild_prescribed", "gate_closed", "severe_with_flags"])
def test_professional_summary_golden(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, golden: Golden, path: str
) -> None:
    from screener.reports.summary import build_professional_summary

    answers, region_id = PATHS[path]
    region = region_named(contacts, region_id)
    result = build_result(ketamine, score(ketamine.bank, answers), region)
    output = io.StringIO()
    console = Console(file=output, width=80, color_system=None, markup=False, highlight=False)
    print_sections(console, build_professional_summary(ketamine.bank, result, strings), plain=True)
    text = output.getvalue()
    assert "not a diagnosis" in text
    golden(f"professional_{path}.txt", text)


def test_a_time_without_a_zone_is_refused() -> None:
    import datetime

    from screener.rules.result import timestamp

    with pytest.raises(ValueError, match="time zone"):
        timestamp(datetime.datetime(2026, 11, 21, 10, 15))
    offset = datetime.timezone(datetime.timedelta(hours=-5))
    assert timestamp(datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=offset)) == (
        "2026-01-02T03:04:05-05:00"
    )


@pytest.mark.parametrize("output_format", list(Format))
def test_every_format_writes_a_self_check_with_its_date(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, output_format: Format
) -> None:
    """One dispatcher, one interface: every format renders the same Screening, and a saved
    self-check says when it was taken (text and Markdown once did not)."""
    answers, region_id = PATHS["moderate"]
    region = region_named(contacts, region_id)
    moment = datetime.datetime(2026, 11, 21, 10, 15, tzinfo=datetime.timezone.utc)
    result = build_result(ketamine, score(ketamine.bank, answers), region, recorded_at=moment)
    text = renderer_for(output_format).render(Screening(ketamine.bank, strings, region, result))
    assert "2026-11-21T10:15:00" in text.replace("\\", "")


MARKDOWN_TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + string.punctuation + " é¿",
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")


@settings(deadline=None)
@given(text=MARKDOWN_TEXT)
def test_escaped_text_reads_as_written_in_any_markdown_viewer(text: str) -> None:
    """CommonMark with GitHub's tables and strikethrough (markdown-it, which Rich installs)
    shows the text itself: '- item' was a list, '&copy;' a ©, and every + and ( carried a
    backslash a counsellor read in the raw file."""
    import html

    from markdown_it import MarkdownIt

    from screener.render.markdown import escape

    viewer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    words = " ".join(text.split())
    for written, tag in ((escape(text), "p"), ("# " + escape(text), "h1")):
        shown = viewer.render(written)
        assert shown.startswith(f"<{tag}>") and shown.endswith(f"</{tag}>\n"), (written, shown)
        assert html.unescape(shown[len(tag) + 2 : -len(tag) - 4]) == words, (written, shown)
    if "\\" not in text:  # no backslash of ours before what means nothing in a line
        assert "\\(" not in escape(text) and "\\+" not in escape(text)[1:]
