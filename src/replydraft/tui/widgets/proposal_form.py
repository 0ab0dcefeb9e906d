"""The proposal form: what the officer was assigned, and who signs the reply.

One compact row per field (label, a gap, then input; the label column is 4 CJK characters
plus 2 cells), so the whole form fits beside the editor at 36 rows. Any edit posts `ProposalForm.Changed`; the app debounces it and re-renders the skeleton.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Select, TextArea

from replydraft.anatomy import KIND_NAMES, PROPOSAL_KINDS
from replydraft.compose.voice import Voice, resolve_voice
from replydraft.draft.model import ProposalMeta

KIND_CHOICES: list[tuple[str, str]] = [(KIND_NAMES[kind], kind) for kind in PROPOSAL_KINDS]
ROLE_CHOICES = [("答复", "reply"), ("协办意见", "co_opinion")]
CATEGORY_CHOICES = [("A类", "A"), ("B类", "B"), ("C类", "C"), ("D类", "D")]
DISCLOSURE_CHOICES = [(name, name) for name in ("主动公开", "依申请公开", "不予公开")]
LIST_FIELDS = ("co_proposers", "cc")
"""Inputs holding a list of names, typed 、-separated (，, ; / and spaces also split)."""

TEXT_FIELDS: list[tuple[str, str, str]] = [
    ("title", "标题", "（必填）"),
    ("number", "编号", "例：107"),
    ("session", "届次", "照交办单填写"),
    ("proposer", "领衔人", "例：张三"),
    ("co_proposers", "附议人", "李四、王五"),
    ("lead_unit", "主办单位", "协办时填"),
    ("unit", "单位", "例：市科技局"),
    ("date", "日期", "例：2026-05-20"),
    ("cc", "抄送", "例：市督查局"),
    ("leader", "分管领导", ""),
    ("handler", "承办人", ""),
    ("phone", "电话", ""),
]
"""(field, label, placeholder) of the one-line inputs, in form order (selects go between).
A placeholder is at most 12 cells: the input is that wide beside the editor at 100 columns."""

VOICE_TEXT_FIELDS: list[tuple[str, str, str]] = [
    ("level_ref", "地方自称", ""),
    ("unit_ref", "单位自称", ""),
    ("work_phrase", "工作名称", ""),
]
"""The unit's voice, below the proposal text (rarely changed): left empty, each is derived
from the unit's name, and the input's placeholder shows the derived value
(`我县`, dimmed; the hint row above says so), so the officer sees what the reply will say and overrides it by typing."""

VOICE_FIELDS = tuple(name for name, _label, _hint in VOICE_TEXT_FIELDS)
ALL_TEXT_FIELDS = TEXT_FIELDS + VOICE_TEXT_FIELDS

SELECTS_BEFORE: dict[str, list[tuple[str, str, list[tuple[str, str]], str | None, bool]]] = {
    "session": [("kind", "类型", KIND_CHOICES, "suggestion", False)],
    "lead_unit": [("role", "文种", ROLE_CHOICES, "reply", False)],
    "cc": [
        ("category", "类别", CATEGORY_CHOICES, None, True),
        ("disclosure", "公开属性", DISCLOSURE_CHOICES, None, True),
    ],
}
"""Select rows, keyed by the input they go before: (field, label, choices, default, blank ok).
类型 comes after 编号, so Tab from 标题 lands on 编号 (the type is mostly inferred from the title).
类别, 公开属性 and 抄送 sit together: the three lines the Word file prints around the body."""
SELECT_FIELDS = tuple(field for rows in SELECTS_BEFORE.values() for field, *_ in rows)


def _split_names(value: str) -> list[str]:
    for sep in "，,;；/ ":
        value = value.replace(sep, "、")
    return [name for name in (part.strip() for part in value.split("、")) if name]


class FormRow(Horizontal):
    """A label and its input on one line."""

    DEFAULT_CSS = """
    FormRow { height: 1; margin-bottom: 0; }
    FormRow > Label { width: 10; color: $text-muted; }
    FormRow > Input { width: 1fr; }
    FormRow > Select { width: 1fr; }
    """


class ProposalForm(VerticalScroll):
    """Every field of `ProposalMeta` the officer fills in, plus the pasted proposal text."""

    DEFAULT_CSS = """
    ProposalForm { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    ProposalForm > #proposal_text { height: 5; margin-top: 1; }
    ProposalForm > .hint { color: $text-muted; height: auto; width: 100%; }
    """

    class Changed(Message):
        """A field changed; `field` is its name."""

        def __init__(self, form: ProposalForm, field: str) -> None:
            super().__init__()
            self.form = form
            self.field = field

    def __init__(
        self,
        meta: ProposalMeta,
        voice_of: Callable[[str | None], Voice] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self._initial = meta
        self._voice_of = voice_of or (lambda unit: resolve_voice(unit))

    def _voice_hint(self, unit: str | None, name: str) -> str:
        derived = getattr(self._voice_of(unit), name)
        return derived or ""

    def _refresh_voice_hints(self) -> None:
        unit = self.query_one("#unit", Input).value.strip() or None
        for name in VOICE_FIELDS:
            self.query_one(f"#{name}", Input).placeholder = self._voice_hint(unit, name)

    def compose(self) -> ComposeResult:
        meta = self._initial
        for name, label, placeholder in TEXT_FIELDS:
            for field, field_label, choices, default, allow_blank in SELECTS_BEFORE.get(name, []):
                value = getattr(meta, field) or default
                with FormRow():
                    yield Label(field_label)
                    yield Select(
                        choices,
                        value=value if value in [v for _, v in choices] else Select.NULL,
                        allow_blank=allow_blank,
                        prompt="（可选）",
                        compact=True,
                        id=field,
                    )
            with FormRow():
                yield Label(label)
                if name == "date":  # left empty, the reply says 【待填：日期】
                    placeholder = f"如{_dt.date.today().isoformat()}"
                yield Input(
                    self._value(meta, name),
                    placeholder=placeholder,
                    compact=True,
                    type="integer" if name == "number" else "text",
                    id=name,
                )
        yield Label("原文（可粘贴）：", classes="hint")
        area = TextArea(meta.proposal_text or "", soft_wrap=True, id="proposal_text")
        area.language = None
        yield area
        yield Label("单位的语气（留空则由单位名称推得）：", classes="hint")
        for name, label, _placeholder in VOICE_TEXT_FIELDS:
            with FormRow():
                yield Label(label)
                yield Input(
                    self._value(meta, name),
                    placeholder=self._voice_hint(meta.unit, name),
                    compact=True,
                    id=name,
                )

    @staticmethod
    def _value(meta: ProposalMeta, name: str) -> str:
        """The field as the metadata has it: an empty date stays empty (a new draft's
        metadata already carries today's date), so opening a draft is never an edit."""
        if name in LIST_FIELDS:
            return "、".join(getattr(meta, name) or [])
        value = getattr(meta, name)
        return "" if value is None else str(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "unit":
            self._refresh_voice_hints()
        self.post_message(self.Changed(self, event.input.id or ""))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.select.id or ""))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, "proposal_text"))

    def meta(self, base: ProposalMeta | None = None) -> ProposalMeta:
        """The metadata as the form shows it (fields the form lacks come from `base`)."""
        values: dict[str, object] = {}
        for name, _label, _ in ALL_TEXT_FIELDS:
            text = self.query_one(f"#{name}", Input).value.strip()
            if name in LIST_FIELDS:
                values[name] = _split_names(text)
            elif name == "number":
                values[name] = int(text) if text.isdigit() else None
            else:
                values[name] = text or None
        values["title"] = values["title"] or ""
        for name in SELECT_FIELDS:
            value = self.query_one(f"#{name}", Select).value
            values[name] = None if value is Select.NULL else value
        values["role"] = values["role"] or "reply"
        base = base or ProposalMeta()
        proposal_text = self.query_one("#proposal_text", TextArea).text.strip()
        if proposal_text == (base.proposal_text or "").strip():
            # The same text keeps its demands (and its exact form), so reopening a draft
            # saved by `replydraft skeleton --proposal-text` does not count as an edit.
            values["proposal_text"] = base.proposal_text
        else:
            values["proposal_text"] = proposal_text or None
            values["demands"] = []  # skeleton.complete_meta extracts them from the new text
        merged = {**base.__dict__, **values}
        return ProposalMeta(**merged)

    def load(self, meta: ProposalMeta) -> None:
        """Show `meta` in the form without posting change messages."""
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed, self.Changed):
            for name, _label, _ in ALL_TEXT_FIELDS:
                self.query_one(f"#{name}", Input).value = self._value(meta, name)
            self.query_one("#kind", Select).value = meta.kind or "suggestion"
            self.query_one("#role", Select).value = meta.role or "reply"
            for name, choices in (
                ("category", CATEGORY_CHOICES),
                ("disclosure", DISCLOSURE_CHOICES),
            ):
                value = getattr(meta, name)
                known = value in [v for _, v in choices]
                self.query_one(f"#{name}", Select).value = value if known else Select.NULL
            self.query_one("#proposal_text", TextArea).load_text(meta.proposal_text or "")
        self._refresh_voice_hints()

    def focus_title(self) -> None:
        self.query_one("#title", Input).focus()
