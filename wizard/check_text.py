"""How a certification check reads in the UI language: in Japanese, its Japanese name with the
certification tool's English name beside it (reviewers match that one), its description, what it
found and requires with the words translated (values from the VM stay as they are), and guidance
in Japanese above the exact commands of the remediation.

The texts are data (resources/i18n/checks-<lang>.json, values-<lang>.json); a check without an
entry shows as the core reports it. Tests check that every Linux and Windows case has one.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from .core.resources import resource_path
from .i18n import current_language


@cache
def _table(lang: str) -> dict[str, list[str]]:
    path = resource_path("i18n", f"checks-{lang}.json")
    try:
        table = json.loads(path.read_text(encoding="utf-8"))["checks"]
    except (OSError, ValueError, KeyError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {str(k): [str(line) for line in v] for k, v in table.items() if isinstance(v, list)}


def check_name(check_id: str, english: str, lang: str | None = None) -> str:
    entry = _table(lang or current_language()).get(check_id)
    if not entry or entry[0] == english:
        return english
    return f"{entry[0]} ({english})"


def check_description(check_id: str, english: str, lang: str | None = None) -> str:
    entry = _table(lang or current_language()).get(check_id)
    return entry[1] if entry else english


@cache
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    path = resource_path("i18n", f"values-{lang}.json")
    try:
        return tuple((re.compile(pattern), replacement) for pattern, replacement in
                     json.loads(path.read_text(encoding="utf-8"))["patterns"])
    except (OSError, ValueError, KeyError, re.error):
        return ()


def check_value(value: str, lang: str | None = None) -> str:
    """A found or required value with its words in the UI language (the first pattern that matches
    the whole value); anything else as it came from the check."""
    return _translated_value(value, lang or current_language())


@lru_cache(maxsize=4096)  # the results table asks for each cell at every paint
def _translated_value(value: str, lang: str) -> str:
    for pattern, replacement in _patterns(lang):
        if pattern.fullmatch(value):
            return pattern.sub(replacement, value)
    return value


def check_remediation(check_id: str, english: str, lang: str | None = None) -> str:
    """Guidance in the UI language, then the check's own text with its exact commands."""
    entry = _table(lang or current_language()).get(check_id)
    if not english or not entry or len(entry) < 3:
        return english
    return f"{entry[2]}\n\n{english}"
