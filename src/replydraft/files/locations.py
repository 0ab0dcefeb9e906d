"""Per-user paths (config, library, templates, cache, autosave) from platformdirs, in one place.

`REPLYDRAFT_HOME` overrides them all with one folder (tests and portable installs use it).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "replydraft"


def _home() -> Path | None:
    value = os.environ.get("REPLYDRAFT_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP))


def config_file() -> Path:
    """The officer's settings (unit, leader, handler, phone, wording, key bindings)."""
    return config_dir() / "config.yaml"


def user_library() -> Path:
    """The officer's own paragraph library, used unless `--library` says otherwise."""
    return data_dir() / "library.yaml"


def user_templates_dir() -> Path:
    """Templates here override the shipped ones of the same name."""
    return config_dir() / "templates"


def user_synonyms() -> Path:
    """Officer additions to the shipped synonym table."""
    return config_dir() / "synonyms.yaml"


def recovery_dir() -> Path:
    """Autosaved drafts, offered again after a crash."""
    return data_dir() / "recovery"
