"""Read YAML/JSON files safely into a Document: bounded size and depth, no Python tags, every
node kept so a problem points at file:line:col. files/checked.py turns one into a model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode
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


class Document(msgspec.Struct, frozen=True):
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
