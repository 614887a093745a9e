"""Banks: every shipped one loads; every broken one fails with its exact located message."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from screener.commands.banks import validate_files
from screener.errors import DataError
from screener.files import bundled, schema
from screener.files.bank import load_bank
from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook
from tests.helpers import BROKEN, DATA

# Each broken bank is minimal.yaml with one thing wrong, and the one line it must produce
# after its file name. Line numbers count the label comment on line 1.
BROKEN_BANKS = {
    "adaptation_not_criterion": ":51:21: scoring.adaptations[0].not_counted[0]: 'mood' is not a criterion item",
    "alias": ":5:8: anchors and aliases (& and *) are not allowed; write the value out",
    "ask_if_later_item": ":25:14: items[1].ask_if.item: 'mood' must be asked before this item",
    "ask_if_unknown_item": ":25:14: items[1].ask_if.item: no item with id 'usd'",
    "bad_id": ":2:1: id: expected an id: lower-case letters, digits, underscores",
    "bad_version": ":3:1: version: expected a version like 1.0.0",
    "band_beyond_criteria": ":49:26: scoring.bands[1].max: max 3 is above the 2 criteria",
    "band_gap": ":49:18: scoring.bands[1].min: no band covers a count of 1",
    "band_overlap": ":49:18: scoring.bands[1].min: band 'some' overlaps band 'none' at 1",
    "flag_unsure_undeclared": ":53:29: flags[0].when_any[0].answers: flag 'crisis': what does \"not sure\" to 'mood' do? add \"unsure\" to the answers, or give the flag if_unsure: raise or ignore",
    "bidi_override": ":26:5: items[1].text: contains the control character U+202E; remove it",
    "check_adaptation_unknown_item": ":46:14: scoring.adaptations[0].when.item: no item with id 'usd'",
    "check_unsure_after_declared": ":59:29: flags[1].when_any[0].answers: flag 'crisis': what does \"not sure\" to 'mood' do? add \"unsure\" to the answers, or give the flag if_unsure: raise or ignore",
    "check_hide_if_unknown": ":59:15: next_steps[0].hide_if.item: no item with id 'nothing'",
    "check_band_id_twice": ":49:8: scoring.bands[1].id: band id 'none' is used twice (also bands[0])",
    "check_band_min_above_max": ":49:18: scoring.bands[1].min: min 2 is above max 1",
    "check_bands_cover_only_zero": ":47:3: scoring.bands: no band covers counts 1-2",
    "check_cluster_id_twice": ":14:5: clusters[1].id: id 'control' is used twice (also clusters[0])",
    "check_criterion_1_missing": ":39:3: scoring.criteria: 2 criteria declared, but no item for: 1",
    "check_criterion_without_number": ":21:5: items[1]: a criterion item needs a criterion number",
    "check_criteria_3_and_4_missing": ":41:3: scoring.criteria: 4 criteria declared, but no item for: 3, 4",
    "check_flag_id_twice": ":56:5: flags[1].id: id 'crisis' is used twice (also flags[0])",
    "check_flag_second_condition_unknown": ":53:59: flags[0].when_any[1].item: no item with id 'usd'",
    "check_gate_unknown_item": ":44:5: scoring.gate.item: no item with id 'usd'",
    "check_next_step_unknown_item": ":59:15: next_steps[0].show_if.item: no item with id 'usd'",
    "cluster_on_health_item": ":38:5: items[3].cluster: only criterion items have a cluster",
    "control_character": ":5:1: title: contains the control character U+001B; remove it",
    "band_path_unknown_item": ":56:18: scoring.bands[1].advice_on_path[0].when.item: no item with id 'prescribed'",
    "on_path_unknown_item": ":57:16: flags[0].on_path[0].when.item: no item with id 'prescribed'",
    "crisis_on_path": ":56:5: flags[0].on_path: flag 'crisis' is a crisis flag: the crisis screen shows its main advice on every path, so give it no on_path; say what differs on a path in its advice",
    "criterion_item_without_cluster": ":28:5: items[2]: a criterion item needs a cluster",
    "criterion_missing": ":41:3: scoring.criteria: 3 criteria declared, but no item for: 3",
    "criterion_out_of_range": ":30:5: items[2].criterion: criterion 3 is out of range 1-2",
    "criterion_repeated": ":30:5: items[2].criterion: criterion 1 is repeated (also items[1])",
    "duplicate_id": ":28:5: items[2].id: id 'first' is used twice (also items[1])",
    "duplicate_key": ":38:5: duplicate key 'text' (first at line 37)",
    "empty": ": is empty",
    "example_wrong_band": ":66:7: examples[0].expect.band: Riley: expected band 'none', but the answers give 'some' (1 of 2 criteria met)",
    "empty_list": ":56:1: next_steps: needs at least one entry",
    "flag_unknown_item": ":53:17: flags[0].when_any[0].item: no item with id 'mod'",
    "gate_not_a_gate": ":44:5: scoring.gate.item: 'mood' is not a gate item",
    "missing_field": ":35:5: items[3].help: missing required key 'help'",
    "not_utf8": ":5:13: is not UTF-8 text; save it as UTF-8",
    "only_comments": ": holds no data, only comments",
    "tab_indent": ":20:1: invalid YAML: found a tab character that violates indentation (indent with spaces, not tabs)",
    "top_level_list": ": a bank is a mapping of keys (id, version, items, ...), not a list",
    "unclosed_quote": ":25:37: invalid YAML: did not find expected key (is a quote left open on line 3?)",
    "unknown_cluster": ":31:5: items[2].cluster: no cluster 'bdy' (clusters: body, control)",
    "unknown_key": ":27:5: items[1].hlep: unknown key 'hlep'; did you mean 'help'?",
    "wrong_kind": ":36:5: items[3].kind: 'healthy' is not allowed here; expected one of: gate, criterion, health",
    "wrong_level": ":52:5: flags[0].level: 'panic' is not allowed here; expected one of: info, medical, urgent, crisis",
    "wrong_type": ":23:5: items[1].criterion: expected a whole number, got text",
    "menu_next_step_id_twice": ":85:5: next_steps[1].id: id 'talk' is used twice (also next_steps[0])",
    "menu_says_nothing": ":96:5: menu[1]: this entry changes nothing: give it `first` (next step ids), a `closing` sentence, or both",
    "menu_step_listed_twice": ":94:19: menu[0].first[1]: 'help' is listed twice (also first[0])",
    "menu_unknown_step": ":94:19: menu[0].first[1]: no next step with id 'phone' (next steps: talk, harm, help)",
    "menu_when_unknown_code": ":96:34: menu[1].when.answers[0]: 'calm' is not allowed here; expected one of: not_worried, cut_down, stop",
    "menu_when_unknown_item": ":93:12: menu[0].when.item: no item with id 'fel'",
    "scale_code_reserved": ":42:10: items[3].options[0].code: 'no' is a default answer's code; give the option its own",
    "scale_code_twice": ":43:10: items[3].options[1].code: code 'never' is used twice (also options[0])",
    "scale_condition_unknown_code": ":77:50: flags[1].when_any[0].answers[1]: 'hourly' is not allowed here; expected one of: never, monthly, weekly, daily, unsure",
    "scale_key_is_a_command": ":57:44: items[5].options[2].key: key 'q' is the quit command's; choose another",
    "scale_key_a_digit": ":44:38: items[3].options[2].key: expected one to three letters, such as w; not digits: typing a number already picks an option by its place (1, 2, 3...)",
    "scale_key_means_not_sure": ":45:52: items[3].options[3].key: key 'u' means not sure; choose another",
    "scale_key_twice": ":44:38: items[3].options[2].key: key 'm' is used twice (also options[1])",
    "scale_on_a_criterion": ":34:5: items[2].options: a criterion is answered yes, no or not sure: give its options to a health or gate question",
    "scale_one_option": ":54:5: items[5].options: a scale needs at least two options",
    "scale_points_on_some": ":44:9: items[3].options[2]: item 'often': points on some options only; give every option points, or none",
    "scale_show_if_unknown_code": ":86:37: next_steps[1].show_if.answers[0]: 'quit_now' is not allowed here; expected one of: not_worried, cut_down, stop",
    "scale_text_means_not_sure": ":45:23: items[3].options[3].text: options[3] (daily) reads 'not sure' when typed: one of the words for not sure, which this question also offers; give the option other words",
    "scale_text_a_command": ":44:24: items[3].options[2].text: options[2] (weekly) reads 'help' when typed: the help command's word, which is read first; give the option other words",
    "scale_text_another_key": ":44:24: items[3].options[2].text: options[2] (weekly) reads 'd' when typed: the key of options[3] (daily); give the option other words",
    "scale_text_twice": ":44:24: items[3].options[2].text: options[1] (monthly) and options[2] (weekly) both read 'weekly' when typed (case and spaces aside); give each option words of its own",
    "scale_unsure_on_yes_no": ":49:5: items[4].unsure: only a question with options says unsure; yes/no questions always offer not sure",
    "yes_no_trap": ':25:36: items[1].ask_if.answers[0]: expected text, got true or false; YAML reads a bare yes as true/false, so write "yes"',
    "yes_no_trap_text": ':19:5: items[0].text: expected text, got true or false; YAML reads a bare no as true/false, so write "no"',
}


def test_the_corpus_and_the_table_agree() -> None:
    assert sorted(path.stem for path in BROKEN.glob("*.yaml")) == sorted(BROKEN_BANKS)


@pytest.mark.parametrize("name", sorted(BROKEN_BANKS))
def test_broken_bank_gives_its_exact_message(name: str) -> None:
    path = BROKEN / f"{name}.yaml"
    lines, ok = validate_files([path])
    assert not ok
    assert lines == [f"{path}{BROKEN_BANKS[name]}"]  # that one problem, and no other


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_every_shipped_bank_validates(path: Path) -> None:
    lines, ok = validate_files([path])
    assert ok, lines


def test_the_bank_of_other_shapes_is_valid() -> None:
    path = DATA / "check_shapes.yaml"
    assert validate_files([path]) == ([f"{path}: ok, bank shapes 1.0.0 (en), 5 items"], True)


def test_a_loaded_bank_names_its_file_as_given(tmp_path: Path) -> None:
    path = DATA / "minimal.yaml"
    assert load_bank(path).file == str(path)
    assert load_bank(path, "the minimal bank").file == "the minimal bank"


def test_the_minimal_bank_is_valid() -> None:
    assert load_bank(DATA / "minimal.yaml").bank.id == "mini"


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    text = (DATA / "minimal.yaml").read_text()
    text = text.replace("cluster: body", "cluster: bdy").replace("criterion: 2", "criterion: 7")
    path = tmp_path / "two.yaml"
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        load_bank(path)
    messages = [problem.message for problem in caught.value.problems]
    assert messages == [
        "criterion 7 is out of range 1-2",
        "no cluster 'bdy' (clusters: body, control)",
    ]
    assert str(caught.value).endswith("(and 1 more)")


def test_validate_checks_a_contacts_file_too(contacts: ContactBook) -> None:
    """On the day the file says it was reviewed, not today: a contact checked 18 months
    before today warns, so a test on today's date would expire (tests/README.md)."""
    path = bundled.contacts_file()
    assert contacts.reviewed is not None
    lines, ok = validate_files([path], today=contacts.reviewed)
    assert (lines, ok) == ([f"{path}: ok, contacts for {len(contacts.regions)} regions"], True)


def test_validate_warns_of_contacts_checked_long_before_the_day_given(
    contacts: ContactBook,
) -> None:
    """The day is passed on to the checks: long after the review, the oldest contacts warn
    and the file still passes."""
    path = bundled.contacts_file()
    oldest = min(contact.checked for region in contacts.regions for contact in region.contacts)
    lines, ok = validate_files([path], today=oldest + datetime.timedelta(days=549))
    assert ok
    assert lines[-1] == f"{path}: ok, contacts for {len(contacts.regions)} regions"
    assert lines[:-1] and all(
        ": warning: " in line
        and f"last checked {oldest.isoformat()}, more than 18 months ago" in line
        for line in lines[:-1]
    )


def test_sha256_is_of_the_exact_file(ketamine: LoadedBank) -> None:
    import hashlib

    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    assert ketamine.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("x" * 41, "expected str of length <= 40"),
        ("two\\nlines", "expected one line of text"),
    ],
)
def test_a_label_is_one_short_line(tmp_path: Path, label: str, message: str) -> None:
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "labelled.yaml"
    path.write_text(text.replace("    kind: gate\n", f'    kind: gate\n    label: "{label}"\n', 1))
    lines, ok = validate_files([path])
    assert not ok
    assert lines == [f"{path}:18:5: items[0].label: {message}"]


@pytest.mark.parametrize("name", sorted(schema.SCHEMAS))
def test_the_committed_json_schema_matches_the_models(name: str) -> None:
    committed = (bundled.data_dir() / name).read_text(encoding="utf-8")
    assert committed == schema.schema_text(schema.SCHEMAS[name]), (
        "stale schema: run python -m screener.files.schema"
    )


def test_the_ketamine_bank_follows_the_phencyclidine_criteria(ketamine: LoadedBank) -> None:
    """10 criteria, not 11: no withdrawal; bands 2-3 / 4-5 / 6+."""
    bank = ketamine.bank
    criteria = [item for item in bank.items if item.kind == "criterion"]
    assert sorted(item.criterion or 0 for item in criteria) == list(range(1, 11))
    assert not any("withdraw" in item.id for item in bank.items)
    assert bank.scoring.criteria == 10
    bands = {band.id: (band.min, band.max) for band in bank.scoring.bands}
    assert bands == {"none": (0, 1), "mild": (2, 3), "moderate": (4, 5), "severe": (6, 10)}
    clusters = {item.cluster for item in criteria}
    assert clusters == {"impaired_control", "social_impairment", "risky_use", "pharmacological"}
    levels = {flag.id: flag.level for flag in bank.flags}
    assert levels["self_harm"] == "crisis" and levels["blood_in_urine"] == "urgent"


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_bank(tmp_path / "nothing.yaml")
