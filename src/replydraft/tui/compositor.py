"""Painting that keeps wide (CJK) characters whole where widgets overlap.

Textual's compositor cuts every screen line at every widget's left and right edge, and cuts
each widget's line at all of them, even where the widget is on top and nothing shows through.
A wide character straddling such a cut (the edge of a panel under a toast, say) is split into
two spaces: `已插入到「下步举措」` was painted `已插入到「下步举  」`. Here a widget's line is
cut only where it stops being the top one, so on top it stays one piece.

Uses `Compositor._render_chops` and the screen's `_compositor`, private to Textual 8.2 (pinned);
a Textual without them keeps its own compositor (the characters are then merely at risk again).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.screen import Screen

ResultT = TypeVar("ResultT")


class WholeCharCompositor(Compositor):
    """A compositor whose chops never split a wide character inside the widget on top."""

    def _render_chops(
        self, crop: Region, is_rendered_line: Callable[[int], bool]
    ) -> Sequence[Mapping[int, Strip]]:
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        for region, clip, strips in self._get_renders(crop):
            render_region = region.intersection(clip)
            render_x = render_region.x
            first_cut, last_cut = render_region.column_span
            for y, strip in zip(render_region.line_range, strips, strict=False):
                if not is_rendered_line(y):
                    continue
                line = chops[y]
                final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                # Runs of cuts still free: the strip is on top there and stays in one piece.
                runs: list[list[int]] = []
                for cut in final_cuts[:-1]:
                    free = line.get(cut, 0) is None
                    if free and runs and runs[-1][-1] == _previous(final_cuts, cut):
                        runs[-1].append(cut)
                    elif free:
                        runs.append([cut])
                for run in runs:
                    end = _next(final_cuts, run[-1])
                    line[run[0]] = strip.crop(run[0] - render_x, end - render_x)
                    for cut in run[1:]:
                        line[cut] = Strip([])
        return chops  # type: ignore[return-value]

    def render_partial_update(self) -> ChopsUpdate | None:
        """As Compositor's, with each chop ending where its strip does (a run's first chop
        holds the whole run, the others are empty), so an update writes the run whole."""
        update = super().render_partial_update()
        if update is None:
            return None
        update.chop_ends = [
            [
                end if strip is None else x + strip.cell_length
                for (x, strip), end in zip(line.items(), ends, strict=False)
            ]
            for line, ends in zip(update.chops, update.chop_ends, strict=False)
        ]
        return update


def _previous(cuts: list[int], cut: int) -> int | None:
    index = cuts.index(cut)
    return cuts[index - 1] if index else None


def _next(cuts: list[int], cut: int) -> int:
    return cuts[cuts.index(cut) + 1]


def keep_wide_chars_whole(screen: Screen) -> None:
    """Give `screen` the whole-character compositor (before it is first painted)."""
    if hasattr(screen, "_compositor") and hasattr(Compositor, "_render_chops"):
        screen._compositor = WholeCharCompositor()


class Modal(ModalScreen[ResultT]):
    """A modal screen of ours: painted with the whole-character compositor."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_wide_chars_whole(self)
