"""How a certification check reads in the UI language: in Japanese, its Japanese name with the
certification tool's English name beside it (reviewers match that one), and its description.

The texts are data (resources/i18n/checks-<lang>.json); a check without an entry shows as the
core reports it. tests/test_translations.py checks that every Linux and Windows case has one.
"""

from __future__ import annotations

import json
from functools import cache

from .core.resources import resource_path
from .i18n import current_language


@cache
def _table(lang: str) -> dict[str, list[str]]:
    path = resource_path("i18n", f"checks-{lang}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))["checks"]
    except (OSError, ValueError, KeyError):
        return {}


def check_name(check_id: str, english: str, lang: str | None = None) -> str:
    entry = _table(lang or current_language()).get(check_id)
    if not entry or entry[0] == english:
        return english
    return f"{entry[0]} ({english})"


def check_description(check_id: str, english: str, lang: str | None = None) -> str:
    entry = _table(lang or current_language()).get(check_id)
    return entry[1] if entry else english
