"""Old Word (.doc), WPS (.wps) and RTF files, converted to .docx by LibreOffice when installed.

No maintained pure-Python reader handles these binary formats well, and LibreOffice does; it is
run headless with its own throw-away profile (so an open LibreOffice window does not block it),
on a copy of the file in a temporary folder, with a timeout. The .docx it writes is read like
any other. Without LibreOffice the officer gets one line naming what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.messages import msg, os_reason

TIMEOUT_S = 120
"""Longest a conversion may take; LibreOffice's first start alone can take 20 s."""

_KNOWN_PLACES = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

MISSING = (
    "旧版 Word（.doc）、WPS（.wps）和 RTF 文件需要先安装 LibreOffice 才能读取"
    "（https://zh-cn.libreoffice.org/ ，或 apt install libreoffice-writer），"
    "也可以在 Word 或 WPS 中另存为 .docx 后再试"
)


def find_soffice() -> str | None:
    """The LibreOffice program (`soffice`), from PATH or its usual install places."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _KNOWN_PLACES:
        if os.path.isfile(place) and os.access(place, os.X_OK):
            return place
    return None


def legacy_word_text(path: str | os.PathLike[str]) -> str:
    """The text of an old Word, WPS or RTF file, through a LibreOffice conversion to .docx."""
    from replydraft.files.decoding import read_docx

    source = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise ReplydraftError(MISSING, source)
    with tempfile.TemporaryDirectory(prefix="replydraft-convert-") as temp:
        work = Path(temp)
        # An ASCII copy: LibreOffice mishandles some non-ASCII paths, and its lock file then
        # lands in the temporary folder, not beside the officer's file.
        copy = work / f"input{source.suffix.lower() or '.doc'}"
        shutil.copyfile(source, copy)
        out_dir = work / "out"
        out_dir.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(out_dir),
            str(copy),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReplydraftError(
                msg("error.convert_timeout", seconds=TIMEOUT_S),
                source,
            ) from None
        except OSError as exc:
            raise ReplydraftError(
                msg("error.convert_cannot_run", reason=os_reason(exc)), source
            ) from None
        converted = out_dir / "input.docx"
        if not converted.is_file():
            raise ReplydraftError(msg("error.convert_failed"), source)
        return read_docx(converted, shown_as=source)
