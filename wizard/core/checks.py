"""What every certification check shares, Linux and Windows alike: the result of one check, the
version comparison the rules use, and the certification tool's record of a run (REFERENCE.md §5).

The cases themselves live in linux_checks and windows_checks; the result words, marks and the
judge wrapper in verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .records import record
from .verdicts import BLOCKING


@record
class CheckResult:
    """One check's verdict, with what it found, what it requires, the fix and the evidence."""

    id: str
    test_id: str
    name: str
    description: str
    result: str  # Passed | Warning | Failed | Error | Skipped
    actual: str
    required: str
    remediation: str
    evidence: str


def profile_version(text: str) -> tuple[int, ...]:
    """A version a profile requires ("2.2.41"): always whole, or the profile file is broken."""
    version = version_tuple(text)
    if version is None:
        raise ValueError(f"the profile's version {text!r} is not a version number")
    return version


# Linear on any text: the digit runs are bounded and a match may not start inside a run of digits, so the
# search does not retry a long run of digits from each of its positions (which took minutes on VM text).
_VERSION = re.compile(r"(?<![0-9])([0-9]{1,9}(?:\.[0-9]{1,9}){1,7})")


def version_tuple(text: str) -> tuple[int, ...] | None:
    """The first dotted version number in `text` ("OpenSSL 3.0.11 19 Sep 2023" → (3, 0, 11))."""
    m = _VERSION.search(text)
    return tuple(int(x) for x in m.group(1).split(".")) if m else None


def tool_record(results: Sequence[Any], system: dict[str, str], profile_id: str, created: str,
                inline_evidence: bool = False) -> dict[str, Any]:
    """The certification tool's JSON record (REFERENCE.md §5), plus id and Remediation per test.

    `results` are CheckResults or stored CheckRecords (same attribute names). In a report the
    evidence lives in logs/<id>.txt (LogFile); `inline_evidence` puts it in the record instead.
    """
    failed = any(r.result in BLOCKING for r in results)
    return {
        "SchemaVersion": 1,
        "AppCertificationCategory": "Microsoft Single VM Certification",
        "ProviderID": "",
        **{key: system.get(key, "") for key in ("OSName", "OSDistro", "KernelVersion", "KernelFullVersion", "OSVersion")},
        "CreatedDate": created,
        "TestResult": "Fail" if failed else "Pass",
        "APIVersion": "mpwizard",
        "Profile": profile_id,
        "Tests": [{"TestID": r.test_id, "TestCaseName": r.name, "Description": r.description, "Result": r.result,
                   "ActualValue": r.actual, "RequiredValue": r.required, "id": r.id, "Remediation": r.remediation,
                   **({"Evidence": r.evidence} if inline_evidence else {"LogFile": f"logs/{r.id}.txt"})} for r in results],
    }
