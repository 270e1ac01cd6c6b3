"""Build heldout2/corpus/*.txt from the hand-written drafts in heldout2/src/.

Drafts use two placeholders so that the messy bytes are easy to type:
  U+21E5 '⇥'        -> TAB (tab-separated table cells)
  '@@PAGEBREAK@@'   -> form feed (page break of a careless PDF/Word export)
One document is written with Windows (CRLF) line endings.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRLF = {"bdh-sct-bc-ket-qua-nganh-cong-thuong-2024.txt"}

def main():
    out = ROOT / "corpus"
    out.mkdir(exist_ok=True)
    for src in sorted((ROOT / "src").glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        text = text.replace("\u21e5", "\t").replace("@@PAGEBREAK@@", "\f")
        if src.name in CRLF:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        (out / src.name).write_bytes(text.encode("utf-8"))
        print(f"{src.name}: {len(text.encode('utf-8'))} bytes")

if __name__ == "__main__":
    main()
