"""Hostile input (#18): property-based tests (Hypothesis) for every parser of outside data.

Each parser either gives its documented result or its documented refusal, for any input: never
another exception, never a hang. The example budget is fixed (conftest's Hypothesis profile), so
CI runs the same number of cases every time. (Windows probe output: tests/core/test_windows_checks.py; the
image's ext superblock and partition table: tests/services/test_preflight.py; its FAT: tests/core/test_fatfs.py.)
"""

from __future__ import annotations

import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.linux_checks import ERROR, FAILED, PASSED, SKIPPED, WARNING, judge, parse_sections, system_info
from wizard.core.profiles import PROFILE_IDS, load_profile
from wizard.core.projectio import ProjectUnreadable, parse_project, project_to_text
from wizard.core.sshconn import KnownHosts, KnownHostsDamaged
from wizard.core.storage import StorageAccess, account_key_problem, connection_string_problem, parse_blob_url
from wizard.core.terminal import visible
from wizard.core.vhd import inspect

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                    max_leaves=25)
DEMO_DATA = json.loads(DEMO.read_text(encoding="utf-8"))


def _mutations():
    """The demo project with one value anywhere replaced by any JSON value."""
    paths: list[tuple] = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i))

    walk(DEMO_DATA, ())
    return st.tuples(st.sampled_from(paths[1:]), JSON)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_any_damaged_value_in_a_project_loads_with_problems_or_is_refused(mutation):
    path, value = mutation
    data = json.loads(json.dumps(DEMO_DATA))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        loaded = parse_project(json.dumps(data), Path("x.mpwiz"))
    except ProjectUnreadable:
        return
    text = project_to_text(loaded.project)  # what loads can be saved, and loads again the same
    again = parse_project(text, Path("x.mpwiz"))
    assert project_to_text(again.project) == text


@given(st.text(max_size=400))
def test_any_text_is_a_project_or_a_refusal(text):
    try:
        parse_project(text, Path("x.mpwiz"))
    except ProjectUnreadable:
        pass


SECTION_NAMES = ["os_release", "uname_r", "uname_m", "cmdline", "waagent", "waagent_conf", "sshd_config", "sshd_dropins",
                 "history", "sudoers", "network", "shadow", "iptables", "modules", "swaps", "fstab", "ipv6", "end"]
LINE = st.text(alphabet=string.printable + "\u00e9\u3042\x00\x1b", max_size=80)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(st.tuples(st.sampled_from(SECTION_NAMES) | st.text(max_size=10), st.lists(LINE, max_size=6)), max_size=12),
       st.sampled_from(PROFILE_IDS))
def test_any_linux_probe_output_is_judged_into_known_results(sections, profile_id):
    output = "\n".join(f"@@@ {name}\n" + "\n".join(lines) for name, lines in sections)
    evidence = parse_sections(output)
    results = judge(evidence, load_profile(profile_id))
    assert results and all(r.result in (PASSED, WARNING, FAILED, ERROR, SKIPPED) for r in results)
    assert all(isinstance(v, str) for v in system_info(evidence).values())


@given(st.binary(max_size=2048), st.integers(min_value=0, max_value=3))
def test_any_bytes_are_inspected_as_some_format_or_refused(data, layout):
    """The VHD footer/header reader: at the end, at the start, both (dynamic), or nothing."""

    class Bytes:
        name = "fuzz"

        def __init__(self, raw: bytes):
            self.raw = raw

        def size(self) -> int:
            return len(self.raw)

        def read(self, offset: int, length: int) -> bytes:
            return self.raw[offset:offset + length]

        def allocated_bytes(self):
            return None

    raw = [data, data + b"conectix" + data[:504], b"conectix" + data + b"conectix" + data[:504], b"cxsparse" + data][layout]
    info = inspect(Bytes(raw))
    assert info.format in ("vhd", "unknown", "vhdx", "qcow2", "vmdk", "raw") or isinstance(info.format, str)


@given(st.text(max_size=200))
def test_any_connection_string_is_judged_without_an_exception(text):
    problem = connection_string_problem(text)
    assert problem is None or isinstance(problem, str)
    account_key_problem(text)


@given(st.text(max_size=120), st.sampled_from(["account-key", "connection-string", "container-sas"]))
def test_any_blob_url_is_owned_or_not_never_an_exception(url, mode):
    access = StorageAccess(mode, "contosovhds", "core.windows.net", "", "https://contosovhds.blob.core.windows.net/vhds?sig=x")
    assert access.owns(url) in (True, False)
    try:
        parse_blob_url(url)
    except ValueError:
        pass


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=string.printable + "\u00ff|", max_size=100), max_size=5))
def test_any_known_hosts_file_is_read_or_refused_and_never_changed(tmp_path, lines):
    path = tmp_path / "known_hosts"
    data = "\n".join(lines).encode("utf-8")
    path.write_bytes(data)
    try:
        KnownHosts(path).lookup("127.0.0.1", 22)
    except KnownHostsDamaged:
        pass
    assert path.read_bytes() == data


@given(st.text(max_size=200))
def test_visible_text_holds_no_control_character_but_newline_and_tab(text):
    shown = visible(text)
    assert all(c in "\n\t" or (ord(c) >= 0x20 and not 0x7f <= ord(c) < 0xa0) for c in shown)
    assert "\u202e" not in shown and "\x1b" not in shown
