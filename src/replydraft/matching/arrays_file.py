"""One file of named numpy arrays and a JSON header, memory-mapped on load (no copy).

The search index is saved this way: opening it costs a header parse, and pages of the arrays
are read only as queries touch them, so a 100,000-paragraph library is searchable at once and
its untouched postings and texts never enter memory.

Layout: a magic line, the header's length (8 bytes, little-endian), the JSON header
(`{"meta": ..., "arrays": {name: {dtype, size, offset}}}`), then each array 64-byte aligned.
"""

from __future__ import annotations

import json
import mmap
from pathlib import Path
from typing import Any

import numpy as np

from replydraft.files.atomic import atomic_write_bytes

_ALIGN = 64


def _aligned(offset: int) -> int:
    return -(-offset // _ALIGN) * _ALIGN


def write_arrays(path: Path, magic: bytes, arrays: dict[str, np.ndarray], meta: dict) -> None:
    """Write `arrays` and `meta` atomically (written beside, then renamed)."""
    contiguous = {name: np.ascontiguousarray(array) for name, array in arrays.items()}
    layout: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, array in contiguous.items():
        offset = _aligned(offset)
        layout[name] = {"dtype": array.dtype.str, "size": int(array.size), "offset": offset}
        offset += array.nbytes
    header = json.dumps({"meta": meta, "arrays": layout}, ensure_ascii=False).encode("utf-8")
    start = _aligned(len(magic) + 8 + len(header))
    body = bytearray(start + offset)
    body[: len(magic)] = magic
    body[len(magic) : len(magic) + 8] = len(header).to_bytes(8, "little")
    body[len(magic) + 8 : len(magic) + 8 + len(header)] = header
    for name, array in contiguous.items():
        at = start + layout[name]["offset"]
        body[at : at + array.nbytes] = array.tobytes()
    atomic_write_bytes(path, bytes(body))


def map_arrays(path: Path, magic: bytes) -> tuple[dict[str, np.ndarray], dict] | None:
    """The arrays (read-only views of the mapped file) and meta of a saved file; None if it is
    missing, unreadable, damaged or not of this `magic`."""
    try:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if mapped[: len(magic)] != magic:
            return None
        size = int.from_bytes(mapped[len(magic) : len(magic) + 8], "little")
        header = json.loads(mapped[len(magic) + 8 : len(magic) + 8 + size])
        start = _aligned(len(magic) + 8 + size)
        arrays = {}
        for name, spec in header["arrays"].items():
            dtype = np.dtype(spec["dtype"])
            count = int(spec["size"])
            if start + int(spec["offset"]) + count * dtype.itemsize > len(mapped):
                return None
            arrays[name] = (
                np.frombuffer(mapped, dtype=dtype, count=count, offset=start + int(spec["offset"]))
                if count
                else np.zeros(0, dtype=dtype)
            )
        meta = header["meta"]
        if not isinstance(meta, dict):
            return None
        return arrays, meta
    except (OSError, ValueError, KeyError, TypeError):
        return None
