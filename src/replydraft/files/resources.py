"""Where the shipped seeds, templates and data files are, installed or in a checkout.

A wheel carries `seeds/` and `templates/` inside the package (hatch force-include); an editable
install or a source checkout finds them at the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The `replydraft` package folder (this module sits in its `files/` package)."""
_REPO_DIR = PACKAGE_DIR.parent.parent


def _shipped(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _REPO_DIR / name


def seeds_dir() -> Path:
    """The five real replies the default library is built from."""
    return _shipped("seeds")


def templates_dir() -> Path:
    """The shipped Jinja2 skeleton templates."""
    return _shipped("templates")


def data_dir() -> Path:
    """Small data files shipped in the package (synonyms, query sets)."""
    return PACKAGE_DIR / "data"
