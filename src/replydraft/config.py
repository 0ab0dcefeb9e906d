"""The officer's settings: set once, used as defaults by every skeleton.

The file is YAML at `locations.config_file()` (or under `REPLYDRAFT_HOME`), read with
`safe_load`, written atomically. Keys this version does not know are kept as they are, so a
newer replydraft's settings survive an older one's save.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from replydraft.errors import ReplydraftError
from replydraft.files import locations, validate
from replydraft.files.atomic import clean_stale_temps
from replydraft.files.guard import MAX_SETTINGS_BYTES, read_regular
from replydraft.files.saving import save_file
from replydraft.files.yaml import dump_yaml, load_yaml_text
from replydraft.messages import msg

CONFIG_FORMAT = 1
"""A config may say `format: N`; a newer one is refused (never rewritten by an older version)."""

DEFAULT_WORK_PHRASE = "科技工作"
"""Kept for old imports; the work phrase now follows the unit (`replydraft.compose.voice`)."""


@dataclass
class Config:
    """Defaults for the signature and wording of every reply, plus key bindings."""

    unit: str | None = None
    """The responding unit as signed, e.g. 余姚市科学技术局."""
    leader: str | None = None
    """The leader in charge (分管领导) who signs replies off."""
    handler: str | None = None
    """The handling officer (承办人)."""
    phone: str | None = None
    """The handler's phone (联系电话)."""
    work_phrase: str | None = None
    """How the unit names its work in thanks and closing: 感谢您对我们{work_phrase}的关心和支持.
    None: derived from `unit` by the voice table (`replydraft.compose.voice`)."""
    level_ref: str | None = None
    """How the unit names its place (我县, 我市…); None: derived from `unit`."""
    unit_ref: str | None = None
    """How the unit names itself (我局, 我委, 我镇…); None: derived from `unit`."""
    former_units: list[str] = field(default_factory=list)
    """Former names of the unit (县交通局 before it became 县交通运输局): its replies are its own."""
    phrases: dict[str, str] = field(default_factory=dict)
    """Set phrases the officer pinned as the unit's, by part kind (acknowledgement, thanks,
    handling, closing, contact, header): used instead of those taken from past replies."""
    voice: dict[str, Any] = field(default_factory=dict)
    """Rows overriding the shipped voice table, by section (levels, units, work)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Terminal UI key bindings by binding id, e.g. {"save": "ctrl+s"}."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know, kept unchanged on save."""


_STRUCTURED = ("keymap", "extra", "former_units", "phrases", "voice")
SETTABLE = tuple(f.name for f in fields(Config) if f.name not in _STRUCTURED)
"""Keys `replydraft config set KEY VALUE` accepts (plus `keymap.<binding id>`)."""


def _path(path: str | Path | None) -> Path:
    return Path(path) if path is not None else locations.config_file()


def load_config(path: str | Path | None = None) -> Config:
    """The settings at `path` (default: the user's config file); a missing file gives defaults.

    Checked by `replydraft.files.validate`: a wrong type names the line and the key.
    """
    target = _path(path)
    if not target.exists() and not target.is_symlink():
        return Config()
    clean_stale_temps(target)
    raw = read_regular(target, MAX_SETTINGS_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReplydraftError(msg("error.not_utf8", byte=exc.start), target) from None
    data = load_yaml_text(text, target)
    if data is None:
        return Config()
    return validate.run(_config_from_data, data, text, target)


def _config_from_data(data: object) -> Config:
    if not isinstance(data, dict):
        raise validate.Invalid(msg("error.config_mapping"), ())
    validate.format_version(data, CONFIG_FORMAT, msg("error.what_config"))
    config = Config()
    for key, value in data.items():
        if key == "keymap":
            keymap = validate.mapping(value, ("keymap",), "keymap ")
            config.keymap = {
                str(k): validate.text(v, ("keymap", k), optional=False) or ""
                for k, v in keymap.items()
            }
        elif key == "former_units":
            config.former_units = validate.text_list(value, (key,))
        elif key in ("phrases", "voice"):
            rows = validate.mapping(value, (key,), f"{key} ")
            setattr(config, key, {str(k): v for k, v in rows.items()})
        elif key in SETTABLE:
            setattr(config, key, validate.text(value, (key,), numbers=True))
        else:
            config.extra[key] = value
    return config


def config_to_dict(config: Config) -> dict[str, Any]:
    """The YAML mapping of `config`: set values only, known keys first."""
    data: dict[str, Any] = {key: getattr(config, key) for key in SETTABLE}
    data = {key: value for key, value in data.items() if value not in (None, "")}
    if config.keymap:
        data["keymap"] = dict(config.keymap)
    for key in ("former_units", "phrases", "voice"):
        if getattr(config, key):
            data[key] = getattr(config, key)
    data.update(config.extra)
    return data


def save_config(config: Config, path: str | Path | None = None) -> Path:
    """Write `config` atomically; returns the file written."""
    target = _path(path)
    document = config_to_dict(config)
    if validate.find_surrogates(document):
        raise ReplydraftError(msg("error.config_garbled"), target)
    data = dump_yaml(document).encode("utf-8")
    save_file(target, data)
    return target


def set_value(config: Config, key: str, value: str | None) -> None:
    """Set (or with None, clear) one setting: a field name or `keymap.<binding id>`."""
    if value is not None:
        validate.refuse_surrogates(value, msg("error.setting_value", key=key))
    if key.startswith("keymap."):
        binding = key.removeprefix("keymap.")
        if not binding:
            raise ReplydraftError(msg("error.keymap_needs_id"))
        if value is None:
            config.keymap.pop(binding, None)
        else:
            config.keymap[binding] = value
        return
    if key not in SETTABLE:
        known = "、".join([*SETTABLE, "keymap.<编号>"])
        raise ReplydraftError(msg("error.unknown_setting", key=key, known=known))
    setattr(config, key, value or None)
