"""Partner Center import at scale (issue #29): linear in the versions, a count limit that refuses a
file no real plan makes, and "not taken" lines summarised instead of a million of them."""

from __future__ import annotations

import json
import time

import pytest
from hostile_images import bounded
from test_partner_center import pc_resource

from wizard.core.pc_import import MAX_IMPORT_VERSIONS, MAX_NOT_TAKEN, ImportUnreadable, read_resource, take_over
from wizard.core.projectio import load_project
from wizard.core.resources import resource_path


def _project():
    return load_project(resource_path("examples/demo.mpwiz")).project


def test_600000_versions_are_refused_by_the_count_limit_in_seconds():
    """Before: quadratic — 20,000 versions took 5 s, 600,000 (what 16 MiB allows) hours."""
    versions = [{"versionNumber": f"1.{i // 1000}.{i % 1000}"} for i in range(600_000)]
    text = json.dumps(pc_resource(vmImageVersions=versions))

    def run():
        try:
            take_over(_project(), read_resource(text))
        except ImportUnreadable as exc:
            return str(exc)
        return "taken"

    said, seconds = bounded(run, 30)
    assert "600,000 image versions" in said and f"{MAX_IMPORT_VERSIONS:,}" in said
    assert seconds < 10


def test_versions_up_to_the_limit_import_in_linear_time_with_a_summary():
    versions = [{"versionNumber": f"2.{i // 1000}.{i % 1000}", "vmImages": "odd"} for i in range(MAX_IMPORT_VERSIONS - 5)]
    versions += [{"versionNumber": "2.0.0"}] * 5  # the same number again: one line each, summarised
    text = json.dumps(pc_resource(vmImageVersions=versions))
    started = time.monotonic()
    result = take_over(_project(), read_resource(text))
    assert time.monotonic() - started < 5
    assert len(result.not_taken) == MAX_NOT_TAKEN + 1
    assert result.not_taken[-1] == f"… and {MAX_IMPORT_VERSIONS - MAX_NOT_TAKEN:,} more"
    assert len(result.sku.extra["untaken_versions"]) == MAX_IMPORT_VERSIONS - 5  # none dropped silently


@pytest.mark.parametrize("count", [0, 1, MAX_NOT_TAKEN, MAX_NOT_TAKEN + 1])
def test_the_summary_line_appears_only_past_the_cap(count):
    versions = [{"versionNumber": "bad"}] * count
    result = take_over(_project(), read_resource(json.dumps(pc_resource(vmImageVersions=versions))))
    lines = [x for x in result.not_taken if x.startswith("vmImageVersions[")]
    assert len(lines) == min(count, MAX_NOT_TAKEN)
    assert (result.not_taken[-1:] == ["… and 1 more"]) == (count == MAX_NOT_TAKEN + 1)
