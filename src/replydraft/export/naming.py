"""Export file names: the suffix each format writes, and the format a file name asks for.

Shared by the CLI (which reads the format from `-o`'s suffix) and the export dialog (which
proposes a file name for the chosen format and swaps its suffix when the format changes).
"""

from __future__ import annotations

from pathlib import Path

SUFFIX_OF = {"docx": ".docx", "txt": ".txt", "md": ".md", "body": ".body.txt"}
"""The suffix an export of each format is written with."""

FORMAT_OF_SUFFIX = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx"}
"""The format a file's suffix asks for when no format is given (`export -o reply.docx`)."""


def export_path(stem: Path, fmt: str) -> Path:
    """`stem` with the suffix of `fmt` (stem carries no suffix)."""
    return stem.with_name(stem.name + SUFFIX_OF[fmt])


def stem_of(path: Path) -> Path:
    """`path` without any export suffix we know."""
    name = path.name
    for suffix in sorted(SUFFIX_OF.values(), key=len, reverse=True):
        if name.endswith(suffix):
            return path.with_name(name[: -len(suffix)])
    return path.with_suffix("")
