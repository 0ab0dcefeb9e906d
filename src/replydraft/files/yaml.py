"""YAML for people: block scalars for multi-line text, Chinese kept readable, stable key order.

Everything is read with `yaml.safe_load`; a file that does not parse raises `ReplydraftError`
naming the file and the line. Anchors and aliases are bounded (`MAX_ALIASES`, and `MAX_NODES`
nodes once aliases are expanded), so a "billion laughs" file fails fast instead of expanding
into gigabytes when it is walked. A string that a block scalar cannot carry exactly (trailing
spaces, `\x85`, `\u2028`, carriage returns) is written double-quoted, so save/load is exact.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from replydraft.messages import msg


class _HumanDumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line strings as `|` block scalars."""


_NOT_IN_BLOCK = re.compile(r"[ \t]\n|[ \t]$|[\r\x85\u2028\u2029\ufeff]")
"""What a `|` block scalar would change on reading back: trailing blanks on a line, and
characters YAML reads as line breaks (or strips), so such strings are written quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value and not _NOT_IN_BLOCK.search(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_HumanDumper.add_representer(str, _represent_str)


class _FastHumanDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The same representation with libyaml's C emitter (about 4x faster), for big files."""


_FastHumanDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, *, fast: bool = False) -> str:
    """Serialise `data` for people: `allow_unicode`, no key sorting, block scalars, wide lines.

    `fast=True` uses libyaml's emitter when installed (the paragraph library); its output differs
    only in rare corners, e.g. it escapes characters outside the Basic Multilingual Plane.
    """
    return yaml.dump(
        data,
        Dumper=_FastHumanDumper if fast else _HumanDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
    )


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """An unquoted date; one that does not exist (`2026-02-30`) stays text, for the
    validation layer to name its line and field instead of a crash inside the parser."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """safe_load's loader (libyaml's when installed), with lenient timestamps."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
_SAFE_LOADER = _Loader
SAFE_LOADER = _Loader
"""The loader every replydraft file is read with (when it defines no anchors)."""

MAX_ALIASES = 1000
"""Aliases (`*name`) in one document; files replydraft writes have none."""
MAX_NODES = 5_000_000
"""Nodes of a document with its aliases expanded (a 100,000-entry library has about 2M)."""

_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")


def may_have_anchors(text: str) -> bool:
    """Whether `text` may define an anchor (then it is read by the bounded loader)."""
    return "&" in text and _ANCHOR.search(text) is not None


class YamlTooLarge(Exception):
    """A document whose aliases expand beyond the limits."""


class _BoundedLoader(yaml.SafeLoader):
    """safe_load's loader, counting aliases while composing (pure Python, so only used for
    documents that define anchors)."""

    yaml_constructors = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:timestamp": _lenient_timestamp,
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise YamlTooLarge(f"YAML 别名（*）过多（上限 {MAX_ALIASES} 个）")
        return super().compose_node(parent, index)


def _expanded_size(node: yaml.Node | None) -> int:
    """Nodes in the document with every alias expanded, stopping once over `MAX_NODES`."""
    sizes: dict[int, int] = {}

    def size(item: yaml.Node) -> int:
        known = sizes.get(id(item))
        if known is not None:
            return known
        total = 1
        if isinstance(item, yaml.SequenceNode):
            for child in item.value:
                total += size(child)
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                total += size(key) + size(value)
        if total > MAX_NODES:
            raise YamlTooLarge(f"YAML 展开后过大（超过 {MAX_NODES} 个节点，疑似别名炸弹）")
        sizes[id(item)] = total
        return total

    return 0 if node is None else size(node)


def _bounded_load(text: str) -> Any:
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        _expanded_size(node)
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml_text(text: str, path: str | os.PathLike[str] | None = None) -> Any:
    """Parse YAML with `safe_load`; a syntax error becomes a one-line `ReplydraftError`."""
    from replydraft.errors import ReplydraftError

    try:
        if may_have_anchors(text):
            return _bounded_load(text)
        # libyaml's parser when installed: the same safe_load semantics, several times faster.
        return yaml.load(text, Loader=_SAFE_LOADER)
    except YamlTooLarge as exc:
        raise ReplydraftError(str(exc), path) from None
    except RecursionError:
        raise ReplydraftError(msg("error.yaml_too_deep"), path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = msg("error.template_line", line=mark.line + 1) if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReplydraftError(
            msg("error.invalid_yaml", where=where, problem=problem), path
        ) from None


def load_yaml_file(path: str | os.PathLike[str], max_bytes: int | None = None) -> Any:
    """Read and parse a UTF-8 YAML file; unreadable or malformed files raise `ReplydraftError`.

    Only regular files are read, and at most `max_bytes` (default: a draft's limit).
    """
    from replydraft.errors import ReplydraftError
    from replydraft.files.guard import MAX_DRAFT_BYTES, read_regular

    data = read_regular(path, MAX_DRAFT_BYTES if max_bytes is None else max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReplydraftError(msg("error.not_utf8", byte=exc.start), path) from None
    return load_yaml_text(text, path)


def line_of(text: str | None, where: tuple[Any, ...]) -> int | None:
    """1-based line of the node at `where` (keys and indexes from the top) in the YAML `text`,
    best effort: None without the text or when it does not parse. Shared by the library's and
    the hand-edited files' error messages."""
    if not text:
        return None
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line
    for step in where:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(step):
                    line, node = key_node.start_mark.line, value_node
                    break
            else:
                break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line
        else:
            break
    return line + 1
