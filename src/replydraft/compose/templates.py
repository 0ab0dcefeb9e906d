"""Skeleton templates: the Jinja environment, and rendering a template into a reply's parts.

A template is plain text with one `{% block <part> %}` per part of the reply (DOMAIN.md:
title, salutation, acknowledgement, thanks, handling, status, problems, next_steps, closing,
signature), in the order the parts print; each non-blank line a block renders is one
paragraph. Officers override a shipped template by putting a file of the same name in
`locations.user_templates_dir()`. Every template renders sandboxed and under StrictUndefined:
a field the template names but the skeleton does not provide is an error naming the template
file, the line and the field, never a blank in a reply.

Rendering is bounded, so a template (the officer's own, or one copied from a colleague) cannot
hang or exhaust memory: every `for` loop draws from one budget of `MAX_ITERATIONS` per
rendering, `range` stops at `MAX_RANGE`, `*`/`**` and string padding may not build anything
longer than `MAX_OUTPUT` characters, and the rendered text is cut off with an error at that
length. Every failure (`1/0`, a template not in UTF-8, …) is one line naming the template.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from replydraft.anatomy import FILER_OF, PART_KINDS, PROPOSAL_KINDS, Filer
from replydraft.errors import ReplydraftError
from replydraft.files import locations, resources
from replydraft.messages import msg
from replydraft.text.ordinals import int_to_cn
from replydraft.text.placeholders import placeholder

_REPLY_TEMPLATE: dict[Filer, str] = {
    "deputy": "suggestion_reply.txt.j2",
    "member": "proposal_reply.txt.j2",
}
TEMPLATE_FOR: dict[str, str] = {
    **{kind: _REPLY_TEMPLATE[FILER_OF[kind]] for kind in PROPOSAL_KINDS},
    "co_opinion": "co_opinion.txt.j2",
}
"""The shipped template of each document type: a reply per proposal kind (by who filed it: a
deputy's suggestion or motion, a member's proposal), or a co-handling opinion."""

_CITY_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,4}市(?=[\u4e00-\u9fff])")


def short_session(session: str) -> str:
    """`余姚市政协十四届四次会议` → `市政协十四届四次会议`: how the body names the session (seed 001)."""
    return _CITY_PREFIX.sub("市", session, count=1)


MAX_ITERATIONS = 100_000
"""Loop iterations in one rendering, all loops together (a reply needs a few hundred)."""
MAX_RANGE = 10_000
"""Largest `range()` a template may make."""
MAX_OUTPUT = 1_000_000
"""Characters a rendering (or any one string or list built in it) may reach."""


class TemplateBudget(Exception):
    """A template went over one of the limits above."""


_budget = threading.local()


def _spend(steps: int = 1) -> None:
    left = getattr(_budget, "left", MAX_ITERATIONS) - steps
    _budget.left = left
    if left < 0:
        raise TemplateBudget(f"模板循环次数过多（一次渲染上限 {MAX_ITERATIONS} 次）")


def _bounded_iter(iterable: Any) -> Iterator[Any]:
    """What every `for` loop iterates: the loop's items, each one spending the budget."""
    for item in iterable:
        _spend()
        yield item


def _bounded_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise TemplateBudget(f"range 过大（上限 {MAX_RANGE} 项）")
    return result


def _too_long(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > MAX_OUTPUT


class BoundedEnvironment(SandboxedEnvironment):
    """The sandbox with bounded loops, ranges and string/list sizes."""

    intercepted_binops = frozenset(["*", "**"])

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            call = nodes.Call(nodes.Name("_bounded_iter", "load"), [loop.iter], [], None, None)
            loop.iter = call.set_lineno(loop.lineno).set_environment(self)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _too_long(right if abs(left) > 1 else 0):
            raise TemplateBudget("模板中的乘方过大")
        if operator == "*":
            sized, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int):
                if len(sized) * max(count, 0) > MAX_OUTPUT:
                    raise TemplateBudget(f"模板生成的文字过长（上限 {MAX_OUTPUT} 字）")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(getattr(__obj, "__self__", None), str) and any(
            _too_long(a) for a in (*args, *kwargs.values())
        ):
            raise TemplateBudget(f"模板生成的文字过长（上限 {MAX_OUTPUT} 字）")
        return super().call(__context, __obj, *args, **kwargs)


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed, strict Jinja environment: the officer's templates first, then the shipped."""
    user = user_dir if user_dir is not None else locations.user_templates_dir()
    env = BoundedEnvironment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(user)), FileSystemLoader(str(resources.templates_dir()))]
        ),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cn"] = int_to_cn
    env.filters["short_session"] = short_session
    env.globals["placeholder"] = placeholder
    env.globals["_bounded_iter"] = _bounded_iter
    env.globals["range"] = _bounded_range
    return env


def template_name(kind: str | None, role: str) -> str:
    """The template for a document: co-handling opinion, else the reply for the proposal kind."""
    if role == "co_opinion":
        return TEMPLATE_FOR["co_opinion"]
    return TEMPLATE_FOR.get(kind or "suggestion", TEMPLATE_FOR["suggestion"])


@dataclass
class RenderedPart:
    """One part as a template rendered it: its kind and its paragraphs (non-blank lines)."""

    kind: str
    paragraphs: list[str]


def _where(env: SandboxedEnvironment, name: str) -> str:
    """The file a template name resolves to, for error messages."""
    try:
        _source, filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except (TemplateNotFound, UnicodeDecodeError):
        return name
    return filename or name


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error came from (innermost template frame)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            found = (template.filename, template.get_corresponding_lineno(tb.tb_lineno))
        tb = tb.tb_next
    return found


def _error(exc: BaseException, fallback: str) -> ReplydraftError:
    """A one-line error naming the template file, the line and the problem."""
    if isinstance(exc, TemplateSyntaxError):
        where = msg("error.template_line", line=exc.lineno) if exc.lineno else ""
        return ReplydraftError(
            msg("error.template_syntax", where=where, problem=exc.message),
            exc.filename or fallback,
        )
    filename, line = _template_line(exc)
    where = msg("error.template_line", line=line) if line else ""
    message = str(exc)
    if isinstance(exc, UndefinedError):
        field = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message)
        name = next((g for g in field.groups() if g), message) if field else message
        return ReplydraftError(
            msg("error.template_field", where=where, name=name),
            filename or fallback,
        )
    if isinstance(exc, SecurityError):
        return ReplydraftError(
            msg("error.template_forbidden", where=where, problem=message), filename or fallback
        )
    return ReplydraftError(
        msg("error.template", where=where, problem=message), filename or fallback
    )


def _block_order(env: SandboxedEnvironment, name: str, seen: tuple[str, ...] = ()) -> list[str]:
    """Part blocks in print order, taken from the root of the template's `extends` chain."""
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    tree = env.parse(source, name)
    parent = next(tree.find_all(nodes.Extends), None)
    if parent is not None and isinstance(parent.template, nodes.Const) and name not in seen:
        return _block_order(env, parent.template.value, (*seen, name))
    order: list[str] = []
    for block in tree.find_all(nodes.Block):
        if block.name not in order:
            order.append(block.name)
    return order


def _joined(chunks: Iterator[str]) -> str:
    """The rendered chunks joined, stopping with an error past `MAX_OUTPUT` characters."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateBudget(f"模板生成的文字过长（上限 {MAX_OUTPUT} 字）")
        out.append(chunk)
    return "".join(out)


def render_parts(
    name: str, context: dict[str, Any], env: SandboxedEnvironment | None = None
) -> list[RenderedPart]:
    """Render template `name` with `context` into parts, in the template's block order.

    Raises `ReplydraftError` naming the template file for a missing template, a syntax error
    (with its line), a field the context lacks, or a block that is not a part of a reply.
    """
    env = env or environment()
    path = _where(env, name)
    _budget.left = MAX_ITERATIONS
    try:
        template = env.get_template(name)
        order = _block_order(env, name)
        unknown = [block for block in order if block not in PART_KINDS]
        if unknown:
            raise ReplydraftError(
                msg("error.template_block", block=unknown[0], parts="、".join(PART_KINDS)),
                path,
            )
        ctx = template.new_context(dict(context))
        for _chunk in template.root_render_func(ctx):  # sets up inherited blocks, checks fields
            pass
        parts = []
        for block in order:
            text = _joined(ctx.blocks[block][0](ctx))
            lines = [line.strip() for line in text.split("\n")]
            parts.append(RenderedPart(block, [line for line in lines if line]))
        return parts
    except TemplateNotFound as exc:
        raise ReplydraftError(msg("error.template_not_found", name=exc.name), path) from None
    except ReplydraftError:
        raise
    except UnicodeDecodeError:
        raise ReplydraftError(msg("error.template_not_utf8"), path) from None
    except TemplateBudget as exc:
        filename, line = _template_line(exc)
        where = msg("error.template_line", line=line) if line else ""
        raise ReplydraftError(f"{where}{exc}", filename or path) from None
    except (ArithmeticError, LookupError, OverflowError, MemoryError) as exc:
        filename, line = _template_line(exc)
        where = msg("error.template_line", line=line) if line else ""
        raise ReplydraftError(
            msg("error.template_arithmetic", where=where, kind=type(exc).__name__, problem=exc),
            filename or path,
        ) from None
    except (TemplateError, SecurityError, TypeError, ValueError, AttributeError) as exc:
        raise _error(exc, path) from None
    except RecursionError:
        raise ReplydraftError(msg("error.template_recursive"), path) from None
