"""Developer tool: update the Japanese catalogue and fill new messages from a JSON table.

    .venv/bin/python tools/i18n_fill.py TABLE.json     # {"English source": "日本語", ...}

Runs pyside6-lupdate over wizard/ (dropping obsolete messages; no source locations, so branches merge cleanly), fills every unfinished
message whose source is in the table, marks unfinished messages that already carry a
translation as finished, compiles the .qm (commit both files) and prints what is left.
"""

import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources/i18n/mpwizard_ja.ts"
BIN = Path(sys.executable).parent


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace('"', "&quot;")


def main() -> int:
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")) if len(sys.argv) > 1 else {}
    sources = sorted(str(p) for p in (ROOT / "wizard").rglob("*.py"))
    r = subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete", "-locations", "none"],
                       capture_output=True, text=True)
    print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr)
    text = TS.read_text(encoding="utf-8")
    left: list[str] = []

    def fill(m: re.Match[str]) -> str:
        src = html.unescape(m.group(1))
        if src in table:
            return f"<source>{m.group(1)}</source>{m.group(2)}<translation>{_esc(table[src])}</translation>"
        left.append(src)
        return m.group(0)

    text = re.sub(r'<source>([^<]*)</source>(\s*(?:<comment>[^<]*</comment>\s*)?)'
                  r'<translation type="unfinished">\s*</translation>', fill, text, flags=re.S)
    text = re.sub(r'<translation type="unfinished">([^<]+)</translation>', r'<translation>\1</translation>', text)
    TS.write_text(text, encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for s in left:
        print("LEFT:", json.dumps(s, ensure_ascii=False))
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
