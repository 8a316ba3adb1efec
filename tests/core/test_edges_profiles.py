"""Every number of every requirement profile, at its edge: the limit itself and one step either side.

The cases are generated from the profiles: `EDGES` maps each numeric rule key to how it is
exercised — the real judge or validator, run at the given value — and which side of the limit
passes. A new number in a profile gets its edge tests from the same table (and a test fails until
the key has an entry); a changed operator in the code fails the case at the limit; a changed number
in a profile fails `test_profile_numbers_are_the_reference_numbers` (tests/golden/profile-numbers.json
holds REFERENCE.md's numbers) and the cases beside the limit.

A step is the smallest one the rule can tell apart: 1 for counts and lengths, 1 MiB for disk sizes
(the whole-MiB rule makes smaller steps other findings), 1 minute for SAS times, the last version
component for versions, a day for dates.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from wizard.core import linux_checks, windows_checks
from wizard.core.model import BASE_IMAGE_OTHER, OS_WINDOWS, ROLE_DATA, Disk, OpenPort
from wizard.core.profiles import Profile, all_profiles
from wizard.core.projectio import load_project
from wizard.core.resources import resource_path
from wizard.core.sas import check_sas_rules
from wizard.core.validation import M_VERSION_LONG, validate_offer
from wizard.core.vhd import GIB, MIB, inspect_file
from wizard.core.vhdcheck import check_vhd
from wizard.core.vmsizes import catalogue

GOLDEN = Path(__file__).parents[1] / "golden" / "profile-numbers.json"
VERSION = re.compile(r"\d+(\.\d+)+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INSIDE, OUTSIDE = "inside", "outside"


# -- what counts as a number ------------------------------------------------------------------------
def is_number(value: Any) -> bool:
    """An int (not a bool), a version ("2.2.41"), a date, or a list/dict whose values are versions."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        return bool(VERSION.fullmatch(value) or DATE.fullmatch(value))
    if isinstance(value, dict):
        return bool(value) and all(isinstance(v, str) and VERSION.fullmatch(v) for v in value.values())
    if isinstance(value, tuple | list):
        return bool(value) and all(isinstance(v, str) and VERSION.fullmatch(v) for v in value)
    return False


def rule_values(profile: Profile) -> dict[str, Any]:
    return {f.name: getattr(profile, f.name) for f in dataclasses.fields(profile)
            if f.name not in ("id", "title", "description", "source", "sources")}


def numeric_keys() -> set[str]:
    """A key is numeric when any profile holds a number under it (the other may hold 0 or "": off)."""
    return {key for p in all_profiles() for key, value in rule_values(p).items() if is_number(value)}


def pred(version: str) -> str:
    """The version just below: the last non-zero part minus one, the parts after it 999."""
    parts = [int(x) for x in version.split(".")]
    i = max(k for k, x in enumerate(parts) if x > 0)
    parts[i] -= 1
    parts[i + 1:] = [999] * (len(parts) - i - 1)
    return ".".join(map(str, parts))


def succ(version: str) -> str:
    parts = version.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


# -- the real judges, run at one value ---------------------------------------------------------------
def vhd_finding(tmp_path: Path, size: int, profile: Profile, role: str = "os", os_family: str = "linux",
                fid: str = "os-disk-size") -> str:
    """The severity of finding `fid` for a fixed VHD of exactly `size` bytes made by qemu-img ("absent")."""
    path = tmp_path / f"edge-{size}.vhd"
    subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on", str(path),
                    str(size)], check=True, capture_output=True)
    report = check_vhd(inspect_file(path, read_partitions=True), profile, role, os_family, user_os="linux")
    return {f.id: f.severity for f in report.findings}.get(fid, "absent")


def first_partition_at(tmp_path: Path, sector: int, profile: Profile) -> str:
    if not shutil.which("sfdisk"):
        pytest.fail("sfdisk is missing: run the tests through scripts/test, which installs fdisk")
    raw = tmp_path / f"part-{sector}.raw"
    with open(raw, "wb") as fh:
        fh.truncate(64 * MIB)
    subprocess.run(["sfdisk", "--no-reread", "--no-tell-kernel", "-q", str(raw)],
                   input=f"label: dos\nstart={sector}, size=8192, type=83\n", text=True, check=True, capture_output=True)
    vhd = raw.with_suffix(".vhd")
    subprocess.run(["qemu-img", "convert", "-q", "-f", "raw", "-O", "vpc", "-o", "subformat=fixed,force_size=on",
                    str(raw), str(vhd)], check=True, capture_output=True)
    report = check_vhd(inspect_file(vhd, read_partitions=True), profile, "os", "linux")
    return {f.id: f.severity for f in report.findings}.get("first-mib", "absent")


def project(profile: Profile):
    """The sample's first (Linux) SKU, valid under `profile`."""
    p = load_project(resource_path("examples/demo.mpwiz")).project
    p.profile_id = profile.id
    p.skus = p.skus[:1]
    sizes = [s.name for s in catalogue() if all(s.offered_under(q) for q in all_profiles())]
    p.skus[0].vm_sizes = sizes[:profile.vm_sizes_min]
    assert [x for x in validate_offer(p, profile) if x.severity == "error"] == []
    return p


def errors(p, profile: Profile) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for problem in validate_offer(p, profile):
        if problem.severity == "error":
            out.setdefault(problem.path, []).append(problem.template)
    return out


def offer_change(profile: Profile, change: Callable[[Any], None], path: str, template: str | None = None) -> str:
    p = project(profile)
    change(p)
    found = errors(p, profile).get(path, [])
    return OUTSIDE if (template in found if template else found) else INSIDE


def linux(profile: Profile, case: str, sections: dict[str, str]) -> str:
    text = "".join(f"@@@{name}\n{body}\n" for name, body in sections.items()) + "@@@end\n"
    (result,) = linux_checks.judge(linux_checks.parse_sections(text), profile, only={case})
    return result.result


def windows(profile: Profile, case: str, data: dict[str, dict[str, Any]]) -> str:
    evidence = {name: {"section": name, "data": body} for name, body in data.items()}
    (result,) = windows_checks.judge(evidence, profile, only={case})
    return result.result


NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)  # a Thursday


def sas(profile: Profile, start: datetime, expiry: datetime, finding: str) -> str:
    uri = ("https://acct.blob.core.windows.net/vhds/os.vhd?sv=2021-08-06&sr=c&sp=rl"
           f"&st={start:%Y-%m-%dT%H:%M:%SZ}&se={expiry:%Y-%m-%dT%H:%M:%SZ}&sig=c2lnbmF0dXJl")
    result = check_sas_rules(uri, profile, NOW)
    return next((f.severity for f in result.findings if f.id == finding), "absent")


def oracle_minimum_expiry(p: Profile, start: datetime) -> datetime:
    """REFERENCE §6/§9 read directly: N business days (+ a margin) from the start, or N calendar days
    from the day the URI is made (the start is set back by the offset)."""
    if p.sas_min_business_days:
        day, counted = start, 0
        while counted < p.sas_min_business_days:
            day += timedelta(days=1)
            counted += day.weekday() < 5
        return day + timedelta(days=p.sas_expiry_margin_days)
    made = start + timedelta(minutes=p.sas_start_offset_minutes) if p.sas_min_days_from == "creation" else start
    return made + timedelta(days=p.sas_min_days)


# -- the table: key → the cases of one profile ---------------------------------------------------------
Case = tuple[str, Callable[[Path], str], str]  # (name, run at the value → outcome, expected outcome)


def at_most(limit: int, run: Callable[[Path, int], str], step: int = 1, ok: str = INSIDE, bad: str = OUTSIDE,
            floor: int = 0) -> list[Case]:
    """Values up to the limit are allowed."""
    cases = [(f"{limit - step}", lambda t: run(t, limit - step), ok)] if limit - step >= floor else []
    return cases + [(f"{limit}", lambda t: run(t, limit), ok), (f"{limit + step}", lambda t: run(t, limit + step), bad)]


def at_least(limit: int, run: Callable[[Path, int], str], step: int = 1, ok: str = INSIDE, bad: str = OUTSIDE,
             floor: int = 0) -> list[Case]:
    cases = [(f"{limit - step}", lambda t: run(t, limit - step), bad)] if limit - step >= floor else []
    return cases + [(f"{limit}", lambda t: run(t, limit), ok), (f"{limit + step}", lambda t: run(t, limit + step), ok)]


def version_at_least(version: str, run: Callable[[str], str], ok: str, bad: str) -> list[Case]:
    return [(pred(version), lambda t: run(pred(version)), bad), (version, lambda t: run(version), ok),
            (succ(version), lambda t: run(succ(version)), ok)]


def off(name: str, run: Callable[[Path], str], expected: str = INSIDE) -> list[Case]:
    """A 0 / "" / {} value: the rule is not checked under this profile."""
    return [(f"off-{name}", run, expected)]


def _os_size(fid: str, role: str, os_family: str, bucket: Callable[[str], str]) -> Callable[[Profile, int], list[Case]]:
    def edge(p: Profile, gib: int, kind: Callable[..., list[Case]] = at_most) -> list[Case]:
        return kind(gib * GIB, lambda t, size: bucket(vhd_finding(t, size, p, role, os_family, fid)), MIB)
    return edge


def _fail_or_ok(severity: str) -> str:
    return OUTSIDE if severity == "fail" else INSIDE


def _pass_or_not(severity: str) -> str:
    return INSIDE if severity == "pass" else OUTSIDE


def e_vhd_min(p: Profile) -> list[Case]:
    return at_least(p.vhd_min_virtual_mib * MIB, lambda t, size: _fail_or_ok(vhd_finding(t, size, p, "data", "linux",
                                                                                           "size-min")), MIB, floor=MIB)


def e_linux_os_min(p: Profile) -> list[Case]:
    return _os_size("os-disk-size", "os", "linux", _fail_or_ok)(p, p.linux_os_min_gib, at_least)


def e_linux_os_max(p: Profile) -> list[Case]:
    over = p.linux_os_over_max_severity  # the 2015 guide: a warning; today: a failure

    def bucket(severity: str) -> str:
        return severity if severity in ("warning", "fail") else INSIDE
    return at_most(p.linux_os_max_gib * GIB, lambda t, s: bucket(vhd_finding(t, s, p)), MIB, bad=over)


def e_linux_rec_min(p: Profile) -> list[Case]:
    return _os_size("os-disk-size", "os", "linux", _pass_or_not)(p, p.linux_os_recommended_min_gib, at_least)


def e_linux_rec_max(p: Profile) -> list[Case]:
    return _os_size("os-disk-size", "os", "linux", _pass_or_not)(p, p.linux_os_recommended_max_gib, at_most)


def e_windows_os_min(p: Profile) -> list[Case]:
    return _os_size("os-disk-size", "os", OS_WINDOWS, _fail_or_ok)(p, p.windows_os_min_gib, at_least)


def e_windows_os_max(p: Profile) -> list[Case]:
    return _os_size("os-disk-size", "os", OS_WINDOWS, _fail_or_ok)(p, p.windows_os_max_gib, at_most)


def e_data_disk_max(p: Profile) -> list[Case]:
    return _os_size("data-disk-size", ROLE_DATA, "linux", _fail_or_ok)(p, p.data_disk_max_gib, at_most)


def e_first_sector(p: Profile) -> list[Case]:
    sector = p.linux_os_first_partition_min_sector
    if not sector:
        return off("sector-63", lambda t: first_partition_at(t, 63, p), "absent")
    return at_least(sector, lambda t, s: first_partition_at(t, s, p), ok="pass", bad="warning")


def _ids(p: Profile, n: int) -> str:
    def change(x):
        x.offer.offer_id = x.skus[0].sku_id = ("a" * n)
    return offer_change(p, change, "offer.offer_id")


def e_id_max(p: Profile) -> list[Case]:
    def run(t, n):
        first = offer_change(p, lambda x: setattr(x.offer, "offer_id", "a" * n), "offer.offer_id")
        second = offer_change(p, lambda x: setattr(x.skus[0], "sku_id", "a" * n), "skus[0].sku_id")
        third = offer_change(p, lambda x: setattr(x.offer, "publisher_namespace", "a" * n), "offer.publisher_namespace")
        assert first == second == third, (first, second, third)  # one limit for the three IDs
        return first
    return at_most(p.id_max_length, run)


def e_id_min(p: Profile) -> list[Case]:
    def run(t, n):
        first = offer_change(p, lambda x: setattr(x.offer, "offer_id", "a" * n), "offer.offer_id")
        second = offer_change(p, lambda x: setattr(x.skus[0], "sku_id", "a" * n), "skus[0].sku_id")
        assert first == second
        return first
    return at_least(p.id_min_length, run)


def _sizes(p: Profile, n: int) -> str:
    names = [s.name for s in catalogue() if all(s.offered_under(q) for q in all_profiles())]
    return offer_change(p, lambda x: setattr(x.skus[0], "vm_sizes", names[:n]), "skus[0].vm_sizes")


def e_sizes_min(p: Profile) -> list[Case]:
    cases = at_least(p.vm_sizes_min, lambda t, n: _sizes(p, n))
    # above the minimum is allowed only up to the maximum (the guide: exactly 3)
    return [(name, run, OUTSIDE if int(name) > p.vm_sizes_max else want) for name, run, want in cases]


def e_sizes_max(p: Profile) -> list[Case]:
    cases = at_most(p.vm_sizes_max, lambda t, n: _sizes(p, n))
    return [(name, run, OUTSIDE if int(name) < p.vm_sizes_min else want) for name, run, want in cases]


def e_data_disks_max(p: Profile) -> list[Case]:
    def run(t, n):
        return offer_change(p, lambda x: x.skus[0].disks.__setitem__(slice(1, None), [Disk(role=ROLE_DATA)
                                                                                      for _ in range(n)]), "skus[0].disks")
    return at_most(p.data_disks_max, run)


def e_friendly_name(p: Profile) -> list[Case]:
    def run(t, n):
        return offer_change(p, lambda x: setattr(x.skus[0], "os_friendly_name", "x" * n), "skus[0].os_friendly_name")
    if not p.friendly_name_max_length:
        return off("1000", lambda t: run(t, 1000))
    return at_most(p.friendly_name_max_length, run, floor=1)


def e_version_max(p: Profile) -> list[Case]:
    def run(t, n):
        return offer_change(p, lambda x: setattr(x.skus[0], "version", "1.1." + "1" * (n - 4)), "skus[0].version",
                            M_VERSION_LONG)
    if not p.version_max_length:
        return off("100", lambda t: run(t, 100))
    return at_most(p.version_max_length, run, floor=5)


def e_ports_max(p: Profile) -> list[Case]:
    def run(t, n):
        return offer_change(p, lambda x: setattr(x.skus[0], "open_ports",
                                                 [OpenPort(f"port{i}", "tcp", str(1000 + i)) for i in range(n)]),
                            "skus[0].open_ports")
    return at_most(p.open_ports_max, run)


def _label(p: Profile, n: int) -> str:
    return offer_change(p, lambda x: setattr(x.skus[0], "open_ports", [OpenPort("a" * n, "tcp", "443")]),
                        "skus[0].open_ports[0].label")


def e_image_types_max(p: Profile) -> list[Case]:
    from wizard.core.model import PlanImage
    from wizard.core.validation import M_IMAGE_TYPES_MAX

    def run(t, n):
        return offer_change(p, lambda x: setattr(x.skus[0], "images", [PlanImage() for _ in range(n)]), "skus[0].images",
                            M_IMAGE_TYPES_MAX)
    return at_most(p.image_types_max, run)


def e_label_min(p: Profile) -> list[Case]:
    return at_least(p.open_port_label_min_length, lambda t, n: _label(p, n))


def e_label_max(p: Profile) -> list[Case]:
    return at_most(p.open_port_label_max_length, lambda t, n: _label(p, n))


def e_base_date(p: Profile) -> list[Case]:
    def run(text: str) -> str:
        def change(x):
            sku = x.skus[0]
            sku.os_family, sku.base_image, sku.base_image_date = OS_WINDOWS, BASE_IMAGE_OTHER, text
        return offer_change(p, change, "skus[0].base_image_date")
    if not p.windows_base_approved_after:
        return off("any-date", lambda t: run("2001-01-01")) + off("no-date", lambda t: run("not a date"))
    limit = date.fromisoformat(p.windows_base_approved_after)
    day = timedelta(days=1)
    return [(str(limit - day), lambda t: run(str(limit - day)), OUTSIDE),
            (str(limit), lambda t: run(str(limit)), OUTSIDE),  # "published after": the day itself is too early
            (str(limit + day), lambda t: run(str(limit + day)), INSIDE)]


def e_history(p: Profile) -> list[Case]:
    def run(t, n):
        return linux(p, "bash-history", {"history": f"{n} /home/azureuser/.bash_history"})
    return at_most(p.linux_bash_history_max_bytes, run, ok=linux_checks.PASSED, bad=linux_checks.FAILED)


def _alive(p: Profile, n: int) -> str:
    return linux(p, "client-alive-interval", {"sshd_config": f"ClientAliveInterval {n}", "sshd_dropins": ""})


def _in_range(p: Profile) -> str:
    """Another value in the range: the guide's tool warns, LISA passes (verify_client_active_interval)."""
    return linux_checks.PASSED if p.linux_lisa_rules else linux_checks.WARNING


def e_alive_rec(p: Profile) -> list[Case]:
    rec = p.linux_client_alive_recommended
    return [(f"{rec - 1}", lambda t: _alive(p, rec - 1), _in_range(p)),
            (f"{rec}", lambda t: _alive(p, rec), linux_checks.PASSED),
            (f"{rec + 1}", lambda t: _alive(p, rec + 1), _in_range(p))]


def e_alive_min(p: Profile) -> list[Case]:
    return at_least(p.linux_client_alive_min, lambda t, n: _alive(p, n), ok=_in_range(p), bad=linux_checks.FAILED)


def e_alive_max(p: Profile) -> list[Case]:
    return at_most(p.linux_client_alive_max, lambda t, n: _alive(p, n), ok=_in_range(p), bad=linux_checks.FAILED)


def e_agent(p: Profile) -> list[Case]:
    def run(v: str) -> str:
        return linux(p, "linux-agent", {"waagent": f"path /usr/sbin/waagent\nWALinuxAgent-{v} running on ubuntu 22.04",
                                        "waagent_conf": "AutoUpdate.Enabled=n"})
    return version_at_least(p.linux_agent_min_version, run, linux_checks.PASSED, linux_checks.FAILED)


def e_omi(p: Profile) -> list[Case]:
    """LISA verify_omi_version: OMI at or above the minimum (OMIGOD) passes; the guide has no OMI case."""
    if not p.linux_omi_min_version:
        return off("no-case", lambda t: "omi-version" if any(c.id == "omi-version" for c in linux_checks.cases_for(p))
                   else INSIDE)

    def run(v: str) -> str:
        return linux(p, "omi-version", {"omi": f"ii  omi    {v}    amd64    Open Management Infrastructure"})
    return version_at_least(p.linux_omi_min_version, run, linux_checks.PASSED, linux_checks.FAILED)


def e_glibc(p: Profile) -> list[Case]:
    def run(v: str) -> str:
        return linux(p, "security-threats", {"glibc": f"ldd (GNU libc) {v}"})
    return version_at_least(p.linux_glibc_min_version, run, linux_checks.PASSED, linux_checks.WARNING)


def e_python(p: Profile) -> list[Case]:
    def run(v: str) -> str:
        return linux(p, "python-version", {"python": f"Python {v}"})
    return version_at_least(p.linux_python_min_version, run, linux_checks.PASSED, linux_checks.FAILED)


def _openssl(p: Profile, v: str) -> str:
    return linux(p, "openssl-version", {"openssl": f"OpenSSL {v} 1 Jan 2024"})


def e_openssl_min(p: Profile) -> list[Case]:
    def run(v: str) -> str:
        return "failed" if _openssl(p, v) == linux_checks.FAILED else "not failed"
    return version_at_least(p.linux_openssl_min_version, run, "not failed", "failed")


def e_openssl_rec(p: Profile) -> list[Case]:
    def run(v: str) -> str:
        return "passed" if _openssl(p, v) == linux_checks.PASSED else "not passed"
    return version_at_least(p.linux_openssl_recommended_version, run, "passed", "not passed")


def e_openssl_lines(p: Profile) -> list[Case]:
    if not p.linux_openssl_tolerated_lines:
        return off("below-minimum", lambda t: _openssl(p, pred(p.linux_openssl_min_version)), linux_checks.FAILED)
    cases: list[Case] = []
    for line in p.linux_openssl_tolerated_lines:
        cases += [(f"{line}:{pred(line)}", lambda t, v=pred(line): _openssl(p, v), linux_checks.FAILED),
                  (f"{line}:{line}", lambda t, v=line: _openssl(p, v), linux_checks.PASSED),  # LISA: extended support
                  (f"{line}:{line}.9", lambda t, v=line + ".9": _openssl(p, v), linux_checks.PASSED),
                  (f"{line}:{succ(line)}", lambda t, v=succ(line): _openssl(p, v), linux_checks.FAILED)]
    return cases


def e_sack(p: Profile) -> list[Case]:
    if not p.linux_sack_fixed_kernels:
        return off("no-case", lambda t: "tcp-sack" if any(c.id == "tcp-sack" for c in linux_checks.cases_for(p))
                   else "absent", "absent")

    def run(v: str) -> str:
        return linux(p, "tcp-sack", {"uname_r": f"{v}-1-azure", "tcp_sack": "1"})
    cases: list[Case] = []
    for series, first in p.linux_sack_fixed_kernels.items():
        below = [(f"{series}:{pred(first)}", lambda t, v=pred(first): run(v), linux_checks.FAILED)] \
            if int(first.rsplit(".", 1)[1]) > 0 else []  # x.y.0: nothing of the series is below it
        cases += below + [(f"{series}:{first}", lambda t, v=first: run(v), linux_checks.PASSED),
                          (f"{series}:{succ(first)}", lambda t, v=succ(first): run(v), linux_checks.PASSED)]
    return cases


def e_generalized(p: Profile) -> list[Case]:
    want = p.windows_generalization_state

    def run(n: int) -> str:
        return windows(p, "generalized", {"sysprep": {"GeneralizationState": n, "SysprepLogged": True}})
    return [(f"{want - 1}", lambda t: run(want - 1), windows_checks.FAILED),
            (f"{want}", lambda t: run(want), windows_checks.PASSED),
            (f"{want + 1}", lambda t: run(want + 1), windows_checks.FAILED)]


def e_srv(p: Profile) -> list[Case]:
    def run(os_version: str, srv: str) -> str:
        return windows(p, "wannacry-patch", {"os": {"Version": os_version}, "srv": {"Present": True, "FileVersion": srv}})
    cases: list[Case] = []
    for os_version, minimum in p.windows_srv_sys_minimums.items():
        cases += [(f"{os_version}:{v}", lambda t, o=os_version, v=v: run(o, v), want)
                  for v, want in ((pred(minimum), windows_checks.FAILED), (minimum, windows_checks.PASSED),
                                  (succ(minimum), windows_checks.PASSED))]
    return cases


def _sas_time(p: Profile, start_back: timedelta, expiry: datetime, finding: str) -> str:
    return sas(p, NOW - start_back, expiry, finding)


def e_sas_offset(p: Profile) -> list[Case]:
    """A start less than the offset (less a 2-minute tolerance) before now is a clock-skew warning."""
    edge = timedelta(minutes=p.sas_start_offset_minutes - 2)
    minute = timedelta(minutes=1)
    far = NOW + timedelta(days=400)

    def run(back: timedelta) -> str:
        return _sas_time(p, back, far, "start-time")
    return [("tolerance-1min", lambda t: run(edge - minute), "warning"), ("tolerance", lambda t: run(edge), "absent"),
            ("tolerance+1min", lambda t: run(edge + minute), "absent")]


def _sas_expiry_edge(p: Profile, judged: Profile | None = None) -> list[Case]:
    """The expiry at `p`'s minimum for a SAS that starts `offset` before now (as the app makes it),
    judged under `judged` (a copy with a number changed that must not matter) or `p`."""
    start = NOW - timedelta(minutes=p.sas_start_offset_minutes)
    limit = oracle_minimum_expiry(p, start)
    minute = timedelta(minutes=1)
    under = judged or p

    def run(expiry: datetime) -> str:
        return sas(under, start, expiry, "expiry")
    return [("minimum-1min", lambda t: run(limit - minute), "fail"), ("minimum", lambda t: run(limit), "pass"),
            ("minimum+1min", lambda t: run(limit + minute), "pass")]


def _prefixed(prefix: str, cases: list[Case]) -> list[Case]:
    return [(f"{prefix}-{name}", run, want) for name, run, want in cases]


def e_sas_business(p: Profile) -> list[Case]:
    if not p.sas_min_business_days:  # off: the calendar-day rule decides
        return _prefixed("off", _sas_expiry_edge(p))
    return _sas_expiry_edge(p)


def e_sas_margin(p: Profile) -> list[Case]:
    if not p.sas_min_business_days:  # the margin belongs to the business-day rule: here it must not matter
        return _prefixed("unused", _sas_expiry_edge(p, dataclasses.replace(p, sas_expiry_margin_days=5)))
    return _sas_expiry_edge(p)


def e_sas_days(p: Profile) -> list[Case]:
    if p.sas_min_business_days:  # business days decide; the calendar-day number must not matter
        return _prefixed("unused", _sas_expiry_edge(p, dataclasses.replace(p, sas_min_days=p.sas_min_days + 30)))
    return _sas_expiry_edge(p)


def e_sas_renew(p: Profile) -> list[Case]:
    start = NOW - timedelta(days=60)  # long ago: the minimum lifetime is met, only the renewal warning is left
    limit = NOW + timedelta(days=p.sas_renew_warning_days)
    minute = timedelta(minutes=1)

    def run(expiry: datetime) -> str:
        return sas(p, start, expiry, "expiry")
    return [("-1min", lambda t: run(limit - minute), "warning"), ("limit", lambda t: run(limit), "warning"),
            ("+1min", lambda t: run(limit + minute), "pass")]


def e_user_delegation(p: Profile) -> list[Case]:
    """A user-delegation SAS meets the minimum only if a key may live that long: the profile's key lifetime
    (7 days, REFERENCE §9) never reaches the minimum; at the minimum's length (whole days) it would."""
    start = NOW - timedelta(hours=1)
    needed = oracle_minimum_expiry(p, start)
    days = -(-(needed - start) // timedelta(days=1))  # the minimum's length, rounded up to whole days

    def run(max_days: int) -> str:
        q = dataclasses.replace(p, sas_user_delegation_max_days=max_days)
        uri = ("https://acct.blob.core.windows.net/vhds/os.vhd?sv=2021-08-06&sr=c&sp=rl"
               f"&st={start:%Y-%m-%dT%H:%M:%SZ}&se={needed:%Y-%m-%dT%H:%M:%SZ}&sig=c2lnbmF0dXJl"
               f"&skoid=00000000-0000-0000-0000-000000000001&ske={needed:%Y-%m-%dT%H:%M:%SZ}")
        return next((f.severity for f in check_sas_rules(uri, q, NOW).findings if f.id == "user-delegation"), "absent")
    return [(f"profile {p.sas_user_delegation_max_days}", lambda t: run(p.sas_user_delegation_max_days), "fail"),
            (f"{days - 1}", lambda t: run(days - 1), "fail"), (f"{days}", lambda t: run(days), "absent")]


EDGES: dict[str, Callable[[Profile], list[Case]]] = {
    "sas_user_delegation_max_days": e_user_delegation,
    "id_max_length": e_id_max,
    "id_min_length": e_id_min,
    "vm_sizes_min": e_sizes_min,
    "vm_sizes_max": e_sizes_max,
    "data_disks_max": e_data_disks_max,
    "friendly_name_max_length": e_friendly_name,
    "version_max_length": e_version_max,
    "open_ports_max": e_ports_max,
    "image_types_max": e_image_types_max,
    "open_port_label_min_length": e_label_min,
    "open_port_label_max_length": e_label_max,
    "windows_base_approved_after": e_base_date,
    "vhd_min_virtual_mib": e_vhd_min,
    "linux_os_min_gib": e_linux_os_min,
    "linux_os_max_gib": e_linux_os_max,
    "linux_os_recommended_min_gib": e_linux_rec_min,
    "linux_os_recommended_max_gib": e_linux_rec_max,
    "windows_os_min_gib": e_windows_os_min,
    "windows_os_max_gib": e_windows_os_max,
    "data_disk_max_gib": e_data_disk_max,
    "linux_os_first_partition_min_sector": e_first_sector,
    "sas_start_offset_minutes": e_sas_offset,
    "sas_min_business_days": e_sas_business,
    "sas_expiry_margin_days": e_sas_margin,
    "sas_min_days": e_sas_days,
    "sas_renew_warning_days": e_sas_renew,
    "linux_bash_history_max_bytes": e_history,
    "linux_agent_min_version": e_agent,
    "linux_glibc_min_version": e_glibc,
    "linux_omi_min_version": e_omi,
    "linux_python_min_version": e_python,
    "linux_openssl_min_version": e_openssl_min,
    "linux_openssl_recommended_version": e_openssl_rec,
    "linux_openssl_tolerated_lines": e_openssl_lines,
    "linux_client_alive_recommended": e_alive_rec,
    "linux_client_alive_min": e_alive_min,
    "linux_client_alive_max": e_alive_max,
    "linux_sack_fixed_kernels": e_sack,
    "windows_generalization_state": e_generalized,
    "windows_srv_sys_minimums": e_srv,
}


def _all_cases() -> list[Any]:
    params = []
    for p in all_profiles():
        for key in sorted(EDGES):
            for name, run, want in EDGES[key](p):
                params.append(pytest.param(run, want, id=f"{p.id}-{key}-{name}"))
    return params


@pytest.mark.parametrize("run,expected", _all_cases())
def test_every_profile_number_at_its_edge(run, expected, tmp_path):
    assert run(tmp_path) == expected


def test_every_number_of_every_profile_has_an_edge_rule():
    """A number added to a profile fails here until EDGES says how to exercise it."""
    keys = numeric_keys()
    assert keys - set(EDGES) == set(), "profile numbers without edge tests"
    assert set(EDGES) - keys == set(), "edge rules for keys that hold no number"
    for p in all_profiles():
        assert all(EDGES[key](p) for key in keys), p.id  # every key yields cases under every profile


def test_profile_numbers_are_the_reference_numbers():
    """The numbers REFERENCE.md gives, per profile: a changed number fails here (change both, on purpose)."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    keys = numeric_keys()
    for p in all_profiles():
        values = rule_values(p)
        found = {key: (list(v) if isinstance(v, tuple) else v) for key, v in values.items() if key in keys}
        assert found == golden[p.id], p.id


def test_the_version_helpers_step_to_the_neighbours():
    assert (pred("2.2.53.1"), succ("2.2.53.1")) == ("2.2.53.0", "2.2.53.2")
    assert (pred("3.0.0"), pred("2.18"), pred("1.0")) == ("2.999.999", "2.17", "0.999")
