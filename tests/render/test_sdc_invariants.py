"""Every form screener exports keeps SDC 4.0.0's invariants, checked by the npm fhirpath engine
(R4 model), and that engine computes screener's result from the form's own expressions,
%factory included (which fhirpathpy lacks).

Needs node and the fhirpath package .ci/run installs (npm ci in .cache/smartforms, from
tests/render/smartforms/package-lock.json); without them the tests skip, and with
SCREENER_REQUIRE_BROWSER=1 (as in CI) they fail.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADAPTATIONS,
    BAND,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    FLAGS,
)
from screener.render.fhir.common import item_coding
from screener.render.fhir.questionnaire import questionnaire
from screener.rules.scoring import asked_items, score

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NODE_MODULES = Path(
    os.environ.get("SCREENER_NODE_MODULES", REPO / ".cache" / "smartforms" / "node_modules")
)
INVARIANTS = json.loads((HERE / "sdc" / "invariants.json").read_text(encoding="utf-8"))
Json = dict[str, Any]


def engine(request: Json) -> Any:
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "fhirpath").is_dir():
        reason = f"no node or no npm fhirpath at {NODE_MODULES} (run the npm step of .ci/run)"
        if os.environ.get("SCREENER_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    done = subprocess.run(
        [node, str(HERE / "sdc" / "engine.js")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
        env={"NODE_PATH": str(NODE_MODULES), "PATH": os.defpath},
    )
    return json.loads(done.stdout)


def every_bank() -> list[LoadedBank]:
    """The bundled banks in each language, and the scale banks the tests use."""
    from tests.render.scales_fhir import scales, scales_asked_on_options

    found = [load_bank(path) for path in bundled.bank_files()]
    for language in ("en", "es"):
        found.append(scales(language))
        found.append(scales_asked_on_options(Path(tempfile.mkdtemp()), language))
    return found


def test_every_exported_form_keeps_the_sdc_4_invariants() -> None:
    """Each bank, language and mode, with and without a region's crisis lines."""
    contacts = load_contacts(bundled.contacts_file())
    forms = []
    for loaded in every_bank():
        strings = load_strings(loaded.bank.language)
        for mode in ("self", "intake"):
            for region in (None, *contacts.regions):
                forms.append(questionnaire(loaded, strings, mode=mode, region=region))
    broken = engine({"check": forms, "invariants": INVARIANTS["invariants"]})
    assert len(broken) == len(forms) > 20
    assert {form["url"]: keys for form, keys in zip(forms, broken, strict=True) if keys} == {}


def test_the_invariant_check_catches_the_old_version_algorithm_url() -> None:
    """The check itself: without [x] in the URL, as screener wrote it before, sdc-2 fails."""
    loaded = every_bank()[0]
    form = questionnaire(loaded, load_strings(loaded.bank.language))
    for extension in form["extension"]:
        extension["url"] = extension["url"].replace("versionAlgorithm[x]", "versionAlgorithm")
    assert engine({"check": [form], "invariants": INVARIANTS["invariants"]}) == [["sdc-2"]]


def test_the_npm_engine_computes_screeners_result_from_the_form() -> None:
    """300 random answer patterns per bank and language, some left unfinished: the form's own
    expressions, run as a filler runs them, give screener's count, band, flags and
    adaptations (no band until every question asked is answered)."""
    checked = 0
    for loaded in every_bank():
        strings = load_strings(loaded.bank.language)
        form = questionnaire(loaded, strings)
        chooser = random.Random(loaded.bank.id + loaded.bank.language)
        patterns: list[dict[str, Code]] = []
        for _ in range(300):
            answers: dict[str, Code] = {}
            stop = chooser.random() < 0.2  # one in five left unfinished
            while True:
                ahead = [i for i in asked_items(loaded.bank, answers) if i.id not in answers]
                if not ahead or (stop and chooser.random() < 0.2):
                    break
                answers[ahead[0].id] = chooser.choice(list(ahead[0].codes))
            patterns.append(answers)
        items = {item.id: item for item in loaded.bank.items}
        responses = [
            {
                "resourceType": "QuestionnaireResponse",
                "status": "in-progress",
                "item": [
                    {
                        "linkId": key,
                        "answer": [
                            {"valueCoding": item_coding(loaded.bank.id, items[key], code, strings)}
                        ],
                    }
                    for key, code in answers.items()
                ],
            }
            for answers in patterns
        ]
        results = engine({"calculate": form, "responses": responses})
        for answers, found in zip(patterns, results, strict=True):
            assert gathered(found) == expected(loaded, answers), answers
            checked += 1
    assert checked >= 300 * 6


def gathered(found: dict[str, list[Any]]) -> Json:
    def codes(prefix: str) -> list[Any]:
        return [v["code"] for key, vs in found.items() if key.startswith(prefix) for v in vs]

    for key, values in found.items():  # every coding carries its system, as LHC-Forms needs
        assert all("system" in v for v in values if isinstance(v, dict)), key
    return {
        CRITERIA_MET: found[CRITERIA_MET],
        CRITERIA_COUNTED: found[CRITERIA_COUNTED],
        BAND: [v["code"] for v in found[BAND]],
        FLAGS: codes(FLAG_PREFIX),
        ADAPTATIONS: codes(ADAPTATION_PREFIX),
    }


def expected(loaded: LoadedBank, answers: dict[str, Code]) -> Json:
    scored = score(loaded.bank, answers)
    complete = all(item.id in answers for item in asked_items(loaded.bank, answers))
    return {
        CRITERIA_MET: [scored.criteria_met],
        CRITERIA_COUNTED: [scored.criteria_applicable],
        BAND: [scored.band.id] if scored.band and complete else [],
        FLAGS: [flag.id for flag in scored.flags],
        ADAPTATIONS: [adaptation.id for adaptation in scored.adaptations],
    }
