"""Read YAML/JSON files safely into typed models, with errors that point at file:line:col."""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from screener.errors import DataError, KeyPath, Problem, format_key_path
from screener.files.yaml_problems import check_nodes, reader_problem, yaml_problem

MAX_BYTES = 1024 * 1024
"""Banks and answers files are small; anything larger is a mistake or an attack."""


MAX_DEPTH = 64
"""Banks nest six levels deep; a file nested far deeper is built to exhaust the parser's stack."""


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


def _compose_node_within_depth(self: Any, parent: Node | None, index: int) -> Node | None:
    """PyYAML's composer, counting its depth: libyaml's own recurses in C and crashes."""
    if self.depth >= MAX_DEPTH:
        raise _TooDeep(self.peek_event().start_mark)
    self.depth += 1
    try:
        return Composer.compose_node(self, parent, index)
    finally:
        self.depth -= 1


class _PythonLoader(yaml.SafeLoader):
    depth = 0
    compose_node = _compose_node_within_depth


_Loader: type[Any] = _PythonLoader


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser  # what yaml.cyaml's loaders are made of

    class _FastLoader(CParser, Composer, SafeConstructor, Resolver):
        """libyaml's parser (fast, not recursive), with the depth-counting composer."""

        depth = 0
        compose_node = _compose_node_within_depth
        get_single_node = Composer.get_single_node

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _Loader = _FastLoader


T = TypeVar("T")


# Plain scalars that YAML 1.1 reads as booleans, although a person meant a word.
YAML_BOOLEAN_WORDS = frozenset(
    word
    for base in ("yes", "no", "on", "off", "true", "false")
    for word in (base, base.capitalize(), base.upper())
)


@dataclass(frozen=True)
class Document:
    """A parsed file: its data, its node tree (for locating keys) and its raw bytes."""

    file: str
    data: object
    root: Node | None
    raw: bytes

    def node_at(self, path: KeyPath) -> tuple[Node | None, Node | None]:
        """The (key node, value node) at a key path, as far down as the path exists."""
        key_node: Node | None = None
        node = self.root
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = next((pair for pair in node.value if pair[0].value == part), None)
                if found is None:
                    break
                key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                key_node, node = None, node.value[part]
            else:
                break
        return key_node, node

    def problem(self, path: KeyPath, message: str) -> Problem:
        """A problem located at the key (or, failing that, the value) behind a path."""
        key_node, node = self.node_at(path)
        located = key_node or node
        if located is None:
            return Problem(self.file, message, key=format_key_path(path) or None)
        mark = located.start_mark
        return Problem(
            self.file, message, mark.line + 1, mark.column + 1, format_key_path(path) or None
        )


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """The file's bytes, or a DataError saying plainly why they cannot be had."""
    name = display or str(path)
    try:
        if path.is_dir():
            raise DataError.single(name, "is a folder, not a file")
        # Unix: not blocking on open, or a named pipe nobody writes to would wait for ever (once
        # open, reads may wait). Windows: binary, or CRLF reads as LF and a Ctrl-Z ends the file.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as handle:
            if flags & getattr(os, "O_NONBLOCK", 0):
                os.set_blocking(descriptor, True)
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError.single(name, "no such file") from None
    except PermissionError:
        raise DataError.single(name, "cannot be read: permission denied") from None
    except OSError as error:
        raise DataError.single(name, f"cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise DataError.single(name, "is larger than 1 MiB; this cannot be a bank or answers file")
    return raw


def parse(raw: bytes, file: str) -> Document:
    """Parse YAML (JSON is a subset) with no aliases, no duplicate keys, and one document."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError.single(
            file, "is not UTF-8 text; save it as UTF-8", line=line, column=column
        ) from None
    if not text.strip():
        raise DataError.single(file, "is empty")
    try:
        loader = _Loader(text)  # PyYAML's own reader checks every character here
    except yaml.reader.ReaderError as error:
        raise reader_problem(error, file, text) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise DataError.single(file, "holds no data, only comments")
        check_nodes(root, file)
        data = loader.construct_document(root)
    except _TooDeep as too_deep:
        raise DataError.single(
            file,
            f"nests deeper than {MAX_DEPTH} levels; no bank or answers file needs that",
            line=too_deep.mark.line + 1,
            column=too_deep.mark.column + 1,
        ) from None
    except yaml.MarkedYAMLError as error:
        raise yaml_problem(error, file, text) from None
    except yaml.reader.ReaderError as error:
        raise reader_problem(error, file, text) from None
    except yaml.YAMLError as error:  # pragma: no cover - every YAMLError is one of the above
        raise DataError.single(file, f"is not valid YAML: {' '.join(str(error).split())}") from None
    finally:
        loader.dispose()
    return Document(file, data, root, raw)


def load(path: Path, display: str | None = None) -> Document:
    """Read and parse a file."""
    name = display or str(path)
    return parse(read_bytes(path, name), name)


def kind_of(value: object) -> str:
    """What a parsed value is, in a person's words: "a list", "text", "a number"..."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "null"
    return "a date" if hasattr(value, "isoformat") else type(value).__name__


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
