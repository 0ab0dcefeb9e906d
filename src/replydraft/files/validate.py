"""One validation layer for the files an officer edits by hand: drafts, config and synonyms
(the library's entries are checked by `replydraft.library.yaml_format`, with the same
format-version rule and messages).

Every check runs on the parsed YAML before a model is built, and a problem is one Chinese line
naming the file, the line (when the YAML text is known) and the field:

    draft.yaml: 第 3 行 meta.title：应为文字，不是数字（12345）

Rules shared by every file: a `format` newer than this version is refused, never rewritten;
keys this version does not know are kept (drafts, config) and written back unchanged; dates
must exist (an unquoted `2026-05-20`, which YAML reads as a date, is that date); text must not
hold lone surrogates (undecodable bytes from a terminal), which no file can store.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from typing import Any

from replydraft.errors import ReplydraftError
from replydraft.files.yaml import line_of
from replydraft.messages import msg
from replydraft.text.dates import official_date

Where = tuple[Any, ...]


class Invalid(Exception):
    """A value of the wrong shape at `where` (a path of keys and indexes from the top)."""

    def __init__(self, message: str, where: Where) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def field_name(where: Where) -> str:
    """`meta.title`, `parts[2].paragraphs[1].text`: where a value is, as the officer reads it."""
    name = ""
    for step in where:
        name += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def error(exc: Invalid, text: str | None, path: str | os.PathLike[str] | None) -> ReplydraftError:
    """The one-line error for `exc`: file, line, field and problem."""
    line = line_of(text, exc.where)
    where = f"第 {line} 行 " if line else ""
    name = field_name(exc.where)
    return ReplydraftError(f"{where}{name + '：' if name else ''}{exc.message}", path)


def run(
    check: Callable[[Any], Any], data: Any, text: str | None, path: str | os.PathLike[str] | None
) -> Any:
    """`check(data)`, with `Invalid` turned into the file's one-line `ReplydraftError`."""
    try:
        return check(data)
    except Invalid as exc:
        raise error(exc, text, path) from None


# -- values ----------------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(value: str) -> bool:
    """Whether `value` holds lone surrogates (bytes a terminal could not decode)."""
    return _SURROGATE.search(value) is not None


def find_surrogates(data: Any) -> bool:
    """Whether any text in `data` (nested lists and mappings, keys included) has surrogates."""
    if isinstance(data, str):
        return has_surrogates(data)
    if isinstance(data, dict):
        return any(find_surrogates(k) or find_surrogates(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(find_surrogates(item) for item in data)
    return False


def refuse_surrogates(value: str, what: str) -> str:
    """`value`, or `ReplydraftError` if it holds undecodable bytes (e.g. `$'\\xff局'`)."""
    if has_surrogates(value):
        shown = value.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        raise ReplydraftError(msg("error.surrogates", what=what, shown=shown))
    return value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"真假值（{str(value).lower()}）"
    if isinstance(value, (int, float)):
        return f"数字（{value}）"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"日期（{value}）"
    return type(value).__name__


def text(value: Any, where: Where, *, numbers: bool = False, optional: bool = True) -> str | None:
    """A text field; `numbers` also accepts an unquoted number (a phone), read as its digits."""
    if value is None:
        if optional:
            return None
        raise Invalid(msg("invalid.empty"), where)
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise Invalid(msg("invalid.text", value=_describe(value)), where)
    if has_surrogates(value):
        raise Invalid(msg("invalid.garbled"), where)
    return value


def text_list(value: Any, where: Where) -> list[str]:
    """A list of non-empty text items (None is an empty list)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise Invalid(msg("invalid.list", value=_describe(value)), where)
    items = []
    for index, item in enumerate(value):
        if item is None or (isinstance(item, str) and not item.strip()):
            raise Invalid(msg("invalid.empty_item"), (*where, index))
        items.append(text(item, (*where, index)))
    return [item for item in items if item is not None]


def whole_number(value: Any, where: Where) -> int | None:
    """A non-negative whole number, or digits as text."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        return int(value.strip())
    raise Invalid(msg("invalid.whole_number", value=_describe(value)), where)


def iso_date(value: Any, where: Where) -> str | None:
    """An existing date as `YYYY-MM-DD`: a YAML date, or text in that form."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        if not value.strip():
            return None
        return parse_date(value.strip(), where)
    raise Invalid(msg("invalid.date", value=_describe(value)), where)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


_OFFICIAL = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def parse_date(value: str, where: Where = ()) -> str:
    """`2026-05-20` (or `2026年5月20日`, `二〇二六年五月二十日`) checked to exist (no 2月30日);
    returned as `YYYY-MM-DD`."""
    found = _ISO.match(value)
    if not found:
        official = official_date(value)
        found = _OFFICIAL.match(official) if official else None
    if not found:
        raise Invalid(msg("invalid.date_shape", value=value), where)
    try:
        day = datetime.date(*(int(g) for g in found.groups()))
    except ValueError:
        raise Invalid(msg("invalid.no_such_date", value=value), where) from None
    return day.isoformat()


def one_of(value: Any, allowed: tuple[str, ...], where: Where, default: str | None) -> str | None:
    """One of `allowed` (None gives `default`)."""
    if value is None:
        return default
    if value not in allowed:
        shown = value if isinstance(value, str) else _describe(value)
        raise Invalid(msg("invalid.choice", value=repr(shown), allowed="、".join(allowed)), where)
    return value


def mapping(value: Any, where: Where, what: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise Invalid(msg("invalid.mapping", what=what, value=_describe(value)), where)
    return value


def format_version(data: dict[Any, Any], current: int, what: str) -> int:
    """The file's `format` (absent: `current`); a newer one is refused, never rewritten."""
    value = data.get("format", current)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(msg("invalid.format", value=_describe(value)), ("format",))
    if value > current:
        raise Invalid(
            msg("error.newer_format", what=what, format=value, current=current),
            ("format",),
        )
    return value
