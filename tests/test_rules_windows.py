"""Windows branches the other tests do not reach, both ways: srv.sys on Windows versions without a
listed minimum, the update list's cut, the suite over a runner (whole and dropped), the probe itself.
(tests/test_windows_checks.py has every case; the numbers at their edges are in test_edges_profiles.)"""

from __future__ import annotations

import json

import pytest

from wizard.core import windows_checks as wc
from wizard.core.profiles import load_profile
from wizard.core.verdicts import FAILED, PASSED, WARNING

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def judged(case: str, profile=GUIDE, **data):
    evidence = {name: {"section": name, "data": body} for name, body in data.items()}
    (result,) = wc.judge(evidence, profile, only={case})
    return result.result, result.actual, result.required, result.remediation


def test_srv_sys_on_windows_versions_without_a_listed_minimum():
    older = judged("wannacry-patch", os={"Version": "6.0.6002"}, srv={"Present": True, "FileVersion": "6.0.6002.1"})
    assert older == (WARNING, "srv.sys 6.0.6002.1 on Windows 6.0.6002", "srv.sys patched (MS17-010)",
                     "No minimum is listed for this old Windows version: install MS17-010 with Windows Update")
    newer = judged("wannacry-patch", os={"Version": "10.0.17763"}, srv={"Present": True, "FileVersion": "10.0.17763.1"})
    assert newer == (PASSED, "srv.sys 10.0.17763.1 on Windows 10.0.17763 (newer than the versions with a minimum)",
                     "srv.sys patched (MS17-010)", "")
    oldest = judged("wannacry-patch", os={"Version": "6.1.7600"}, srv={"Present": True, "FileVersion": "6.1.7600.1"})
    assert oldest[0] == WARNING  # just below the oldest listed version (6.1.7601)
    assert judged("wannacry-patch", os={"Version": "6.1.7601"}, srv={"Present": True})[:3] == \
        (FAILED, "srv.sys unknown", "srv.sys ≥ 6.1.7601.23689 (MS17-010, WannaCry)")
    assert judged("wannacry-patch", os={"Version": "6.1.7601"}, srv={"Present": False})[:2] == \
        (PASSED, "srv.sys is not present (SMBv1 server removed)")


def test_blocking_updates_are_listed_up_to_five():
    five = [{"MsrcSeverity": "Critical", "Title": f"KB{i}"} for i in range(5)]
    result = judged("windows-update", updates={"Pending": five})
    assert result[0] == FAILED
    assert result[1] == "5 pending: " + "; ".join(f"Critical: KB{i}" for i in range(5))
    six = five + [{"MsrcSeverity": "Important", "Title": "KB5"}]
    assert judged("windows-update", updates={"Pending": six})[1] == \
        "6 pending: " + "; ".join(f"Critical: KB{i}" for i in range(5)) + " …"
    assert judged("windows-update", updates={"Pending": [{"MsrcSeverity": "Moderate", "Title": "x"}]})[:2] == \
        (WARNING, "1 other update(s) pending")


def test_unreadable_probe_output_is_said_and_a_cut_last_line_dropped():
    with pytest.raises(wc.ProbeOutputUnreadable) as raised:
        wc.parse_sections("x" * 300)
    assert str(raised.value) == f"the probe's output is not what it prints: {('x' * 200)!r}"
    assert wc.parse_sections("") == {}
    line = json.dumps({"section": "sysprep", "data": {"GeneralizationState": 7}})
    assert set(wc.parse_sections(f"{line}\n{line[:20]}")) == {"sysprep"}


class _Runner:
    def __init__(self, output: str, drop: bool = False):
        self.output, self.drop, self.calls, self.closed = output, drop, [], False

    def run(self, script, timeout, cancel):
        self.calls.append((script, timeout, cancel))
        if self.drop:
            from wizard.core.winremote import PartialOutput

            raise PartialOutput(self.output, ConnectionResetError("reset"))
        return self.output

    def close(self):
        self.closed = True


SYSPREP = json.dumps({"section": "sysprep", "data": {"GeneralizationState": 7, "SysprepLogged": True}}) + "\n"


@pytest.mark.parametrize("drop", [False, True])
def test_the_suite_runs_the_probe_once_and_judges_what_arrived(drop):
    runner = _Runner(SYSPREP, drop)
    results, evidence = wc.run_windows_suite(runner, GUIDE, timeout=123.0, only={"generalized", "rdp-enabled"})
    ((script, timeout, cancel),) = runner.calls
    assert wc.probe_script() in script and timeout == 123.0 and cancel is None
    assert set(evidence) == {"sysprep"}
    by_id = {r.id: r.result for r in results}
    assert by_id["generalized"] == PASSED
    assert by_id["rdp-enabled"] == "Error"  # its section never arrived


def test_run_on_target_closes_the_runner(monkeypatch):
    runner = _Runner(SYSPREP)
    opened = []

    def open_runner(target, timeout, known_hosts, trust, cancel=None):
        opened.append((target, timeout, known_hosts, trust))
        return runner

    monkeypatch.setattr("wizard.core.winremote.open_runner", open_runner)
    results, _ = wc.run_on_target("target", PC, connect_timeout=7.0, only={"generalized"})
    assert opened == [("target", 7.0, None, None)]
    assert runner.closed and [r.result for r in results] == [PASSED]
