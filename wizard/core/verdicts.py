"""The five results a certification check can have, and how every view shows them.

One place for the words, marks and colours, so the results table, the questionnaire's
exception list and the report agree; and one conversion from a fresh check result to
the record the project keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .model import CheckRecord

PASSED, WARNING, FAILED, ERROR, SKIPPED = "Passed", "Warning", "Failed", "Error", "Skipped"
# What a check's judge returns: (result, actual value, required value, remediation).
Verdict = tuple[str, str, str, str]
BLOCKING = (FAILED, ERROR)  # any of these and the image is not certified
NEEDS_NOTE = (FAILED, ERROR, WARNING)  # what an exception request would explain

# Colour helps; the mark and the word carry the meaning on their own.
MARKS = {PASSED: "✓", WARNING: "⚠", FAILED: "✗", ERROR: "!", SKIPPED: "–"}
COLOURS = {PASSED: "#1b7f3b", WARNING: "#9a6700", FAILED: "#b00020", ERROR: "#b00020", SKIPPED: "#666666"}
ORDER = {FAILED: 0, ERROR: 1, WARNING: 2, SKIPPED: 3, PASSED: 4}  # problems first


def as_records(results: Iterable[Any]) -> list[CheckRecord]:
    """CheckResults (or anything with the same attributes) → the records a test run stores."""
    return [CheckRecord(r.id, r.test_id, r.name, r.description, r.result, r.actual, r.required, r.remediation,
                        r.evidence) for r in results]


# The verdict of a check whose evidence never arrived whole.
NOT_FINISHED = (ERROR, "the probe did not finish (connection dropped?)", "", "")


def judged_safely(judge: Callable[..., Verdict], *args: Any, **kwargs: Any) -> Verdict:
    """Run one check's judge; an odd system that breaks it gives an Error, not a stopped run."""
    try:
        return judge(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - one odd image must not stop the run
        return (ERROR, f"could not be determined: {exc}", "", "")

# A VHD check's or a SAS check's verdict and its findings' severities (vhdcheck, sas): lower case,
# as the project file and the --json output spell them.
DISK_PASS, DISK_INFO, DISK_WARNING, DISK_FAIL = "pass", "info", "warning", "fail"
