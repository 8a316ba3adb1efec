"""Every check fed 1 MB adversarial lines (issue #18): the slowest check and pattern, in seconds.

A hostile VM controls the text the judges read. For each Linux check (every probe section set to
the same 1 MB pattern) and each Windows check (every string value of a recorded good probe output
replaced by the pattern), time the judge and print the slowest. Target: well under 1 s each (the
sudo and DHCP checks took minutes on the quadratic patterns before the fix).
"""

from __future__ import annotations

import json
import sys
import time

from common import ROOT, report

sys.path.insert(0, str(ROOT))

from wizard.core import linux_checks, windows_checks  # noqa: E402
from wizard.core.profiles import PROFILE_IDS, load_profile  # noqa: E402

MB = 1 << 20
PATTERNS = {
    "blanks": " " * MB,
    "newlines": "\n" * MB,
    "tabs-newlines": "\t\n" * (MB // 2),
    "sudo-defaults": "Defaults" + " " * (MB - 8),
    "iface": "iface " + "a " * (MB // 2 - 3),
    "bootproto": "BOOTPROTO=" + "=" * (MB - 10),
    "letters": "a" * MB,
    "digits-dots": "1." * (MB // 2),
    "colons": "C:" * (MB // 2),
    "hashes": "### " * (MB // 4),
    "quotes": '"' * MB,
}


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def linux() -> tuple[float, str]:
    slowest, where = 0.0, ""
    for profile_id in PROFILE_IDS:
        profile = load_profile(profile_id)
        cases = linux_checks.cases_for(profile)
        sections = sorted({section for case in cases for section in case.sections})
        for name, pattern in PATTERNS.items():
            evidence = {section: pattern for section in sections} | {"end": ""}
            for case in cases:
                seconds = _time(lambda case=case, evidence=evidence, profile=profile:
                                linux_checks.judge(evidence, profile, only={case.id}))
                if seconds > slowest:
                    slowest, where = seconds, f"{case.id} on {name} ({profile_id})"
    return slowest, where


def _replace_strings(node, pattern: str):
    if isinstance(node, str):
        return pattern
    if isinstance(node, list):
        return [_replace_strings(x, pattern) for x in node]
    if isinstance(node, dict):
        return {k: (v if k == "section" else _replace_strings(v, pattern)) for k, v in node.items()}
    return node


def windows() -> tuple[float, str]:
    recorded = (ROOT / "tests/fixtures/windows/good-2012r2.ndjson").read_text(encoding="utf-8")
    good = windows_checks.parse_sections(recorded)
    slowest, where = 0.0, ""
    for profile_id in PROFILE_IDS:
        profile = load_profile(profile_id)
        for name, pattern in PATTERNS.items():
            evidence = {k: _replace_strings(v, pattern) for k, v in good.items()}
            line = json.dumps(evidence.get("os", {"section": "os"}))  # the parse itself, of a 1 MB line
            parse = _time(lambda line=line: windows_checks.parse_sections(line))
            if parse > slowest:
                slowest, where = parse, f"parse_sections on {name}"
            for case in windows_checks.cases(profile):
                seconds = _time(lambda case=case, evidence=evidence, profile=profile:
                                windows_checks.judge(evidence, profile, only={case.id}))
                if seconds > slowest:
                    slowest, where = seconds, f"{case.id} on {name} ({profile_id})"
    return slowest, where


def main() -> None:
    linux_s, linux_where = linux()
    report("adversarial_linux", slowest_s=linux_s, where=linux_where, target_s=1.0, ratio_to_target=linux_s / 1.0)
    windows_s, windows_where = windows()
    report("adversarial_windows", slowest_s=windows_s, where=windows_where, target_s=1.0,
           ratio_to_target=windows_s / 1.0)


if __name__ == "__main__":
    main()
