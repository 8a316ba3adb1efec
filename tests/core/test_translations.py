"""Every user-visible string has a Japanese translation, and the catalogue is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/i18n/mpwizard_ja.ts"


def test_every_message_is_translated():
    unfinished = [m.findtext("source") for m in ET.parse(TS).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_catalogue_holds_every_string_in_the_code(tmp_path):
    """lupdate on the sources finds nothing the committed catalogue lacks."""
    copy = tmp_path / "check.ts"
    copy.write_bytes(TS.read_bytes())
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = [str(p) for p in (ROOT / "wizard").rglob("*.py")]
    result = subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-no-obsolete"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "(0 new and" in result.stdout, result.stdout


def test_placeholders_survive_translation():
    import re

    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation") or ""
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", translation)), source
