"""The notebook in notebooks/ runs against a real output folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_explore_notebook_runs_on_a_dataset(tmp_path):
    out = tmp_path / "out"
    corpus = ROOT / "corpus" / "hungyen-sgddt-kh05-cai-cach-hanh-chinh-2022.txt"
    subprocess.run(
        [sys.executable, "-m", "extract.cli", "extract", str(corpus), "--out", str(out), "--quiet"],
        check=True,
        cwd=ROOT,
    )
    nb = json.loads((ROOT / "notebooks" / "explore_dataset.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    code = code.replace("Path('../outputs')", f"Path({str(out)!r})")
    exec(compile(code, "explore_dataset.ipynb", "exec"), {})
