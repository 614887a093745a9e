"""What the browser tests share: the LHC-Forms page driver and the reason a missing piece
skips or fails (the fixtures that serve the pages and start Chromium are in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from screener.models.base import Code

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LFORMS = Path(os.environ.get("SCREENER_LFORMS_DIR", REPO / ".cache" / "lforms"))
"""The lforms package's dist/lforms folder (webcomponent/ and fhir/)."""
SMART_FORMS = Path(
    os.environ.get("SCREENER_SMARTFORMS_DIR", REPO / ".cache" / "smartforms" / "site")
)
"""The built Smart Forms page: smartforms.js, its CSS and fonts (.ci/run builds it)."""
CHROMIUM = os.environ.get("SCREENER_CHROMIUM", "/usr/bin/chromium")
Json = dict[str, Any]


def missing(reason: str) -> None:
    """Skip, saying why; fail instead with SCREENER_REQUIRE_BROWSER=1 (as in CI)."""
    if os.environ.get("SCREENER_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


class LhcFormsFiller:
    """One LHC-Forms page: show a form, click answers, read what it computed."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.offered: dict[str, list[str]] = {}

    def show(self, form: Json, response: Json | None = None) -> None:
        self.page.evaluate("([q, r]) => showForm(q, r)", [form, response])
        self.page.wait_for_selector("input[type=radio]")
        self.offered = {
            item["linkId"]: [option["valueCoding"]["code"] for option in item["answerOption"]]
            for item in form["item"]
            if "answerOption" in item and not item.get("readOnly")
        }

    def answer(self, item_id: str, answer: Code) -> None:
        """Clicks the answer where the form offers it: any question's own answerOption list,
        yes / no / not sure or a scale's options, in the order the form gives them."""
        radios = self.page.locator(f'input[name="radiogroup_{item_id}/1"]')
        assert radios.count() == len(self.offered[item_id]), item_id
        # The ant-design input is invisible: a person clicks its label, and so does this.
        radios.nth(self.offered[item_id].index(answer)).locator("xpath=ancestor::label[1]").click()

    def shown(self, item_id: str) -> bool:
        return bool(self.page.locator(f'input[name="radiogroup_{item_id}/1"]').count())

    def questions_shown(self) -> set[str]:
        """The linkIds of every question showing its answers, in one look at the page."""
        names: list[str] = self.page.evaluate(
            "() => [...document.querySelectorAll('input[type=radio]')].map(e => e.name)"
        )
        prefix, suffix = "radiogroup_", "/1"
        return {
            name[len(prefix) : -len(suffix)]
            for name in names
            if name.startswith(prefix) and name.endswith(suffix)
        }

    def response(self) -> Json:
        found: Json = self.page.evaluate("() => formResponse()")
        return found

    def text(self) -> str:
        found: str = self.page.inner_text("#form")
        return found
