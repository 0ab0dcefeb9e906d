"""A page that holds its reply twice (the print view appended to the page view).

The second copy would put a whole title, salutation, body and signature after the first
reply's signature, so the signature is not found at the end and the first copy's signature,
date and contacts read as body. Evidence: a run of consecutive paragraphs that repeats, in the
same order, paragraphs met earlier. The later run is dropped; what stands around it is kept,
so a page that first shows a summary (title, salutation, first paragraph) and then the whole
reply still reads as one reply. Linear: each paragraph is compared with the paragraph after the
most recent earlier copy of the previous one.
"""

from __future__ import annotations

_RUN_MIN = 3
"""Paragraphs in a run before it counts as a copy (a repeated title or date alone does not)."""
_RUN_CHARS = 40
"""Characters in a run before it counts (three short furniture lines do not)."""


def drop_repeated_runs(lines: list[str]) -> list[str]:
    """`lines` without any run of ≥ 3 consecutive paragraphs repeating an earlier run."""
    out: list[str] = []
    last_at: dict[str, int] = {}
    n = 0
    while n < len(lines):
        earlier = last_at.get(lines[n])
        run = 0
        if earlier is not None:
            # out[earlier + run] is an earlier kept paragraph; the copy must follow it in order
            while (
                n + run < len(lines)
                and earlier + run < len(out)
                and out[earlier + run] == lines[n + run]
            ):
                run += 1
        if run >= _RUN_MIN and sum(len(line) for line in lines[n : n + run]) >= _RUN_CHARS:
            n += run
            continue
        last_at[lines[n]] = len(out)
        out.append(lines[n])
        n += 1
    return out
