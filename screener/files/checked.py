"""A parsed Document into a checked model: msgspec's mismatches as located problems in a
person's words, and the one skeleton every checked file (a bank, the contacts, a service's
contacts) is loaded by."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
from yaml.nodes import MappingNode, ScalarNode

from screener.errors import DataError, KeyPath, Problem, format_key_path
from screener.files.documents import YAML_BOOLEAN_WORDS, Document, kind_of
from screener.safetext import find_unsafe_text

T = TypeVar("T")

Finding = tuple[KeyPath, str]
"""A problem a model's own rules found, at a key path the document locates."""


def checked(
    document: Document,
    model: type[T],
    not_a_mapping: str,
    rules: Callable[[T], list[Finding]] | None = None,
) -> T:
    """The one way a checked file is loaded: a mapping (else `not_a_mapping`, which may name
    what was found as {kind}), no text that could act on a terminal, the model's types, then
    its own `rules`. Each step's problems are all raised at once, located in the file."""
    if not isinstance(document.data, dict):
        raise DataError.single(document.file, not_a_mapping.format(kind=kind_of(document.data)))
    unsafe = find_unsafe_text(document.data)
    if unsafe:
        raise DataError([document.problem(path, message) for path, message in unsafe])
    value = convert(document, model)
    findings = rules(value) if rules is not None else []
    if findings:
        raise DataError([document.problem(path, message) for path, message in findings])
    return value


def convert(document: Document, model: type[T], data: object | None = None) -> T:
    """Decode a document's data into a model; a mismatch becomes one located problem."""
    try:
        return msgspec.convert(document.data if data is None else data, model)
    except msgspec.ValidationError as error:
        raise DataError([_validation_problem(document, model, str(error))]) from None


_AT = re.compile(
    r"^(?P<message>.*?)(?: - at (?P<in_key>`key` in )?`\$(?P<path>[^`]*)`)?$", re.DOTALL
)


_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[(['\"])(.*?)\3\]")


_ID_MEANING = "expected an id: lower-case letters, digits, underscores"


_PATTERN_MEANINGS = {
    "version": "expected a version like 1.0.0",
    "language": "expected a two-letter language code like en",
    "label": "expected one line of text",
    # An option's key (models/options.py): letters only, as a number picks an option by place.
    "key": "expected one to three letters, such as w; not digits: typing a number already "
    "picks an option by its place (1, 2, 3...)",
}


_TYPE_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "object": "a mapping of keys",
    "array": "a list",
    "null": "nothing",
    "date": "a date (YYYY-MM-DD)",
}


def _key_path(text: str) -> KeyPath:
    parts: list[str | int] = []
    for match in _PATH_PART.finditer(text):
        name, index, _, quoted = match.groups()
        if name is not None:
            parts.append(name)
        elif index is not None:
            parts.append(int(index))
        else:
            parts.append(quoted)
    return tuple(parts)


def _validation_problem(document: Document, model: type[Any], raw_message: str) -> Problem:
    match = _AT.match(raw_message)
    assert match is not None  # the pattern matches any string
    message, path = match["message"], _key_path(match["path"] or "")
    if (match["path"] or "").endswith("[...]"):  # a value in a mapping: msgspec omits its key
        path = _dict_value_path(document, path, message)
    if match["in_key"]:
        _, node = document.node_at(path)
        if isinstance(node, MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value in YAML_BOOLEAN_WORDS:
                    return document.problem(
                        (*path, key_node.value),
                        f"YAML reads the bare key {key_node.value} as true/false; "
                        f'write "{key_node.value}"',
                    )
            for key_node, _ in node.value:
                if not (isinstance(key_node, ScalarNode) and key_node.tag.endswith(":str")):
                    mark = key_node.start_mark
                    return Problem(
                        document.file,
                        "every key here must be text",
                        mark.line + 1,
                        mark.column + 1,
                        format_key_path(path) or None,
                    )
        return document.problem(path, "every key here must be text")

    if unknown := re.match(r"Object contains unknown field `(.+)`", message):
        field = unknown[1]
        known = _field_names(model, path)
        hint = difflib.get_close_matches(field, known, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        listing = f" (known keys: {', '.join(known)})" if known and not hint else ""
        return document.problem((*path, field), f"unknown key '{field}'{suggestion}{listing}")
    if missing := re.match(r"Object missing required field `(.+)`", message):
        where = document.problem(path, f"missing required key '{missing[1]}'")
        key = format_key_path((*path, missing[1]))
        return Problem(where.file, where.message, where.line, where.column, key)
    if expected := re.match(r"Expected `([^`]+)`, got `(\w+)`", message):
        want, got = expected.groups()
        wanted = " or ".join(
            _TYPE_NAMES.get(name, name) for name in want.split(" | ") if name != "null"
        )
        text = f"expected {wanted}, got {_TYPE_NAMES.get(got, got)}"
        _, node = document.node_at(path)
        if got == "bool" and isinstance(node, ScalarNode) and node.value in YAML_BOOLEAN_WORDS:
            text += f'; YAML reads a bare {node.value} as true/false, so write "{node.value}"'
        return document.problem(path, text)
    if "matching regex" in message and path:
        return document.problem(path, _PATTERN_MEANINGS.get(str(path[-1]), _ID_MEANING))
    if bound := re.match(r"Expected `(int|float)` (>=|<=|>|<) (\S+)$", message):
        kind, comparison, limit = bound.groups()
        words = {">=": "of at least", "<=": "of at most", ">": "above", "<": "below"}
        return document.problem(path, f"expected {_TYPE_NAMES[kind]} {words[comparison]} {limit}")
    if re.match(r"Expected `str` of length >= 1", message):
        return document.problem(path, "must not be empty")
    if re.match(r"Expected `array` of length >= 1", message):
        return document.problem(path, "needs at least one entry")
    if enum := re.match(r"Invalid enum value (.+)", message):
        choices = _literal_choices(model, path)
        listed = f"; expected one of: {', '.join(choices)}" if choices else ""
        value = enum[1]
        _, node = document.node_at(path)
        if isinstance(node, ScalarNode) and node.value in YAML_BOOLEAN_WORDS:
            value = node.value
        return document.problem(path, f"{value} is not allowed here{listed}")
    text = message[0].lower() + message[1:] if message else "is not valid"
    text = text.replace("`", "")
    return document.problem(path, text)


def _dict_value_path(document: Document, path: KeyPath, message: str) -> KeyPath:
    """The key path of the value a mapping-value error is about, found by what it says."""
    _, node = document.node_at(path)
    if not isinstance(node, MappingNode):
        return path
    enum = re.match(r"Invalid enum value '(.*)'", message)
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or not isinstance(value_node, ScalarNode):
            continue
        if enum is not None and value_node.value == enum[1]:
            return (*path, key_node.value)
        plain = not value_node.style  # '' (libyaml) or None (pure Python): not quoted
        if "got `bool`" in message and plain and value_node.value in YAML_BOOLEAN_WORDS:
            return (*path, key_node.value)
    return path


def _type_at(model: object, path: KeyPath) -> object:
    """The declared type at a key path, seen through Optional, tuples and dicts."""
    current: object = model
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, msgspec.Struct):
            if not isinstance(part, str):
                return None
            hints = typing.get_type_hints(current, include_extras=True)
            current = hints.get(part)
        elif typing.get_origin(current) in (tuple, list):
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def _unwrap(kind: object) -> object:
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
            if len(options) != 1:
                return kind
            kind = options[0]
        else:
            return kind


def _field_names(model: object, path: KeyPath) -> list[str]:
    kind = _type_at(model, path)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return list(kind.__struct_fields__)
    return []


def _literal_choices(model: object, path: KeyPath) -> list[str]:
    kind = _type_at(model, path)
    if typing.get_origin(kind) is typing.Literal:
        return [str(choice) for choice in typing.get_args(kind)]
    return []
