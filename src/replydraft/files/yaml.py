"""YAML for people: block scalars for multi-line text, Chinese kept readable, stable key order.

Everything is read with `yaml.safe_load`; a file that does not parse raises `ReplydraftError`
naming the file and the line.
"""

from __future__ import annotations

import os
from typing import Any

import yaml


class _HumanDumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line strings as `|` block scalars."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        # Block scalars cannot carry trailing spaces on a line; strip them so `|` is kept.
        value = "\n".join(line.rstrip() for line in value.split("\n"))
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
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


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str, path: str | os.PathLike[str] | None = None) -> Any:
    """Parse YAML with `safe_load`; a syntax error becomes a one-line `ReplydraftError`."""
    from replydraft.errors import ReplydraftError

    try:
        # libyaml's parser when installed: the same safe_load semantics, several times faster.
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReplydraftError(f"invalid YAML: {where}{problem}", path) from None


def load_yaml_file(path: str | os.PathLike[str]) -> Any:
    """Read and parse a UTF-8 YAML file; unreadable or malformed files raise `ReplydraftError`."""
    from replydraft.errors import ReplydraftError

    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ReplydraftError("file not found", path) from None
    except UnicodeDecodeError:
        raise ReplydraftError("not a UTF-8 text file", path) from None
    except OSError as exc:
        raise ReplydraftError(f"cannot read: {exc.strerror}", path) from None
    return load_yaml_text(text, path)
