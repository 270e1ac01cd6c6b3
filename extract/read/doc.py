"""Word 97-2003 .doc: converted to .docx by LibreOffice headless, then read as a .docx.

Handles, as received:
- binary Word files (OLE compound documents): ``soffice --headless --convert-to docx`` with a
  private user profile per process (no clash with a running LibreOffice or with parallel
  workers) and a time limit;
- files named .doc that are something else, as portals serve them: a .docx (zip), a web page
  saved by Word as .doc (HTML), RTF (converted like a binary .doc).

Without LibreOffice the reader fails with one line that says so.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import ReadError, ReadResult

TIMEOUT_S = 180
_PROFILE: Path | None = None


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profile() -> Path:
    """A LibreOffice user profile for this process, removed at exit."""
    global _PROFILE
    if _PROFILE is None or not _PROFILE.parent.exists():
        _PROFILE = Path(tempfile.mkdtemp(prefix=f"vnplan-lo-{os.getpid()}-")) / "profile"
        atexit.register(shutil.rmtree, _PROFILE.parent, True)
    return _PROFILE


def read_doc(path: Path, data: bytes) -> ReadResult:
    head = data[:512].lstrip().lower()
    if data.startswith(b"PK\x03\x04"):
        from .docx import read_docx

        result = read_docx(path, data)
        result.source_format = "doc"
        return result
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in data[:4096].lower():
        from .html import read_html

        result = read_html(path, data)
        result.source_format = "doc"
        return result
    soffice = soffice_path()
    if soffice is None:
        raise ReadError("cannot read .doc: LibreOffice (soffice) is not installed")
    docx_bytes = convert_to_docx(soffice, data)
    from .docx import read_docx

    result = read_docx(path, docx_bytes)
    result.source_format = "doc"
    return result


def convert_to_docx(soffice: str, data: bytes) -> bytes:
    """The bytes of a .doc (or .rtf) → the bytes of the .docx LibreOffice saves."""
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx",
            "--outdir",
            str(out_dir),
            str(src),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(
                f"cannot read .doc: LibreOffice did not convert it within {TIMEOUT_S} s"
            ) from exc
        except OSError as exc:
            raise ReadError(f"cannot read .doc: LibreOffice failed to start ({exc})") from exc
        out = out_dir / "input.docx"
        if not out.exists():
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()
            detail = detail.splitlines()[0][:120] if detail else f"exit code {proc.returncode}"
            raise ReadError(f"cannot read .doc: LibreOffice could not convert it ({detail})")
        return out.read_bytes()
