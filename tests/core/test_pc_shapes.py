"""What the Partner Center client reads from outside, under Hypothesis: any JSON at all in a job status,
a resource tree, a file to import or a response body ends in a typed error with a message, never a crash."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.partner_center.client import PCResponseError, json_depth_ok, parse_json, retry_after_seconds
from wizard.core.partner_center.jobs import JobError, error_place, read_job
from wizard.core.pc_import import ImportUnreadable, read_plans, read_resource

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=30)
job_like = st.fixed_dictionaries({}, optional={"jobId": st.text(max_size=40) | json_values,
                                               "jobStatus": st.sampled_from(["notStarted", "running", "completed", "x"]) | json_values,
                                               "jobResult": st.sampled_from(["pending", "succeeded", "failed"]) | json_values,
                                               "errors": st.lists(json_values, max_size=3) | json_values})


@given(job_like | json_values)
def test_any_job_status_is_read_or_refused_with_a_message(data):
    try:
        job = read_job(data, "c32dd7e8-8619-462d-a96b-0ac1974bace5")
    except PCResponseError as exc:
        assert str(exc)
        return
    assert job.status in ("notStarted", "running", "completed")
    for e in job.errors:
        assert "\n" not in str(e) and len(e.message) <= 500
        step, _field = error_place(e)
        assert step in ("SAS", "OFFER", "VHD", "EXPORT")


@given(json_values)
def test_any_file_to_import_is_read_or_refused_with_a_message(data):
    text = json.dumps(data)
    assert isinstance(read_plans(data), list)
    for sku in (None, "windows-2022"):
        try:
            resource = read_resource(text, sku)
        except ImportUnreadable as exc:
            assert str(exc)
        else:
            assert isinstance(resource, dict)


@given(st.binary(max_size=200))
def test_any_body_is_json_or_a_clear_message(data):
    try:
        parse_json(data, "GET /x")
    except PCResponseError as exc:
        assert str(exc).startswith("GET /x: ")


def test_deep_nesting_is_refused_without_exhausting_the_stack():
    with pytest.raises(PCResponseError, match="nested"):
        parse_json(b"[" * 100000 + b"]" * 100000, "GET /x")
    assert json_depth_ok([[[]]], 3) and not json_depth_ok([[[[]]]], 3)


@pytest.mark.parametrize("value, expect", [("7", 7.0), (" 120 ", 120.0), ("soon", None), ("", None), (None, None),
                                           ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_in_seconds_or_as_a_date(value, expect):
    assert retry_after_seconds(value, now=1445412480.0 + (0 if expect != 0.0 else 10)) == expect


def test_errors_land_at_their_step():
    assert error_place(JobError("x", "The SAS URI of the OS disk has expired")) == ("SAS", "vmImageVersions: the disks' SAS URIs")
    assert error_place(JobError("x", "versionNumber 1.0.0 already exists")) == ("VHD", "vmImageVersions: the version number")
    assert error_place(JobError("x", "openPorts[0].label is too short")) == ("OFFER", "openPorts")
    assert error_place(JobError("x", "Something else")) == ("EXPORT", "")
