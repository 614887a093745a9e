"""A YAML parser's complaint turned into one located, plain message."""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from screener.errors import DataError

_FLOW_CONTEXTS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}


def yaml_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    message = error.problem or error.context or "is not valid YAML"
    opened = error.context_mark
    if error.context == "expected a single document in the stream":
        message = "a second document starts here; a file holds one (remove the '---')"
    elif error.context == "while scanning a quoted scalar" and opened and "end of" in message:
        mark, message = opened, "this quote is never closed"
    elif error.context in _FLOW_CONTEXTS and opened is not None:
        message += f" (is the {_FLOW_CONTEXTS[error.context]} on line {opened.line + 1} closed?)"
    elif "<document start>" in message:
        message = "something follows the end of the data"
    elif "tab" in message or _tab_at(text, mark):
        # PyYAML names the tab in some positions only; look at the character itself.
        message += " (indent with spaces, not tabs)"
    elif mark is not None and (open_line := _unclosed_quote_line(text, mark.line)):
        message += f" (is a quote left open on line {open_line}?)"
    message = f"invalid YAML: {message}"
    if mark is None:
        return DataError.single(file, message)
    return DataError.single(file, message, line=mark.line + 1, column=mark.column + 1)


def _tab_at(text: str, mark: yaml.Mark | None) -> bool:
    """Whether the error points at a tab, or at a line indented with one."""
    if mark is None:
        return False
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return False
    line = lines[mark.line]
    return line[mark.column : mark.column + 1] == "\t" or line[: mark.column + 1].strip(" ") == "\t"


def reader_problem(error: yaml.reader.ReaderError, file: str, text: str) -> DataError:
    """A character YAML refuses to read (NUL, ESC, U+FFFE...), located by line and column."""
    import unicodedata  # only for this rare error: start-up is budgeted

    character = chr(error.character) if isinstance(error.character, int) else str(error.character)
    # libyaml reports a byte offset, PyYAML a character one; the first such character is it.
    where = text.find(character)
    kind = "control character" if unicodedata.category(character) == "Cc" else "character"
    message = f"contains the {kind} U+{ord(character):04X}, which YAML does not allow; remove it"
    if where < 0:  # pragma: no cover - the reader found it in this text
        return DataError.single(file, message)
    line = text.count("\n", 0, where) + 1
    column = where - (text.rfind("\n", 0, where) + 1) + 1
    return DataError.single(file, message, line=line, column=column)


def _unclosed_quote_line(text: str, before: int) -> int | None:
    """The first line before an error with an odd number of double quotes, if any."""
    for number, line in enumerate(text.splitlines()[:before], start=1):
        code = line.split(" #", 1)[0].replace('\\"', "")
        if code.lstrip().startswith("#"):
            continue
        if code.count('"') % 2:
            return number
    return None


def check_nodes(root: Node, file: str) -> None:
    """Reject aliases (so no 'billion laughs') and duplicate keys, which YAML lets pass."""
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            raise DataError.single(
                file,
                "anchors and aliases (& and *) are not allowed; write the value out",
                line=mark.line + 1,
                column=mark.column + 1,
            )
        seen.add(id(node))
        if isinstance(node, MappingNode):
            first_seen: dict[str, Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    earlier = first_seen.get(key_node.value)
                    if earlier is not None:
                        mark = key_node.start_mark
                        raise DataError.single(
                            file,
                            f"duplicate key '{key_node.value}' "
                            f"(first at line {earlier.start_mark.line + 1})",
                            line=mark.line + 1,
                            column=mark.column + 1,
                        )
                    first_seen[key_node.value] = key_node
                stack.extend((key_node, value_node))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
