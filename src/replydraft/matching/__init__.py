"""Paragraph matching: find the past paragraphs worth reusing for a title, keywords or a fragment.

`search(library, query, *, top, section, unit, since_year) -> list[Match]`. A BM25 index over
character bigrams picks a few hundred candidates; rapidfuzz rescores only those. Offsets in
`Match.spans` are characters of `entry.text`.
"""

from __future__ import annotations

from replydraft.matching.ranking import SECTIONS, Match, search

__all__ = ["SECTIONS", "Match", "search"]
