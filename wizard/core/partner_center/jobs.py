"""Configure requests and their jobs.

`POST /configure` with `{"$schema": ".../configure/<version>", "resources": [...]}` answers 202 with
`{"jobId": ..., "jobStatus": "notStarted"}`; `GET /configure/<jobId>/status` answers the
`configure-status` shape: `jobStatus` notStarted | running | completed, `jobResult` pending |
succeeded | failed | cancelled, and `errors[]` of `{code, message, resourceId?}` on a failed job
(https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api, "Configure" and "Check
the status"). Jobs take minutes to hours: the poll interval grows, and a 5xx while polling counts as
"still pending" (REFERENCE §10).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import field
from typing import TYPE_CHECKING, Any

from ..records import record
from .client import PCClient, PCError, PCNetworkError, PCResponseError, schema_url

if TYPE_CHECKING:
    from ..error_codes import PCRefusal

JOB_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,99}")
JOB_STATES = ("notStarted", "running", "completed")
JOB_RESULTS = ("pending", "succeeded", "failed", "cancelled")


def configure_body(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"$schema": schema_url("configure"), "resources": resources}


@record
class JobError:
    """One entry of a failed job's `errors[]`, as Partner Center spelled it (one line each)."""

    code: str
    message: str
    resource: str = ""

    def __str__(self) -> str:
        where = f" [{self.resource}]" if self.resource else ""
        return f"{self.code}: {self.message}{where}"

    def explained(self) -> PCRefusal:
        """What the error means and what to do (core/error_codes.PC_CODES, as for a refusal over HTTP); the
        raw code, resource and message in `details`."""
        from ..error_codes import pc_job_error

        return pc_job_error(self.code, self.message, self.resource)


@record
class JobState:
    job_id: str
    status: str = "notStarted"
    result: str = "pending"
    errors: list[JobError] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status == "completed"

    @property
    def succeeded(self) -> bool:
        return self.done and self.result == "succeeded"


MAX_JOB_ERRORS = 200  # a failed job lists a few; a list longer than this is cut (the panel and the CLI show each)


def _one_line(value: Any, limit: int = 500) -> str:
    return " ".join(str(value).split())[:limit]


def _text(value: Any, limit: int = 500) -> str:
    """A field of a job error as one printable line: text and numbers as they are, anything else empty."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return "".join(c for c in _one_line(value, limit) if c.isprintable())


def read_job(data: Any, job_id: str = "") -> JobState:
    """A configure-status answer (unknown fields ignored; a missing or odd state is an error)."""
    if not isinstance(data, dict):
        raise PCResponseError("the job status is not an object")
    jid = data.get("jobId", job_id)
    status, result = data.get("jobStatus"), data.get("jobResult", "pending")
    if not isinstance(jid, str) or not JOB_ID_RE.fullmatch(jid):
        raise PCResponseError("the job status has no usable jobId")
    if status not in JOB_STATES or result not in JOB_RESULTS:
        raise PCResponseError(f"the job status says {_one_line(status, 40)!r} / {_one_line(result, 40)!r}, "
                              "which the API does not answer")
    errors = []
    listed = data.get("errors") or []
    for e in (listed if isinstance(listed, list) else [listed])[:MAX_JOB_ERRORS]:
        if isinstance(e, dict):
            errors.append(JobError(_text(e.get("code"), 80) or "error", _text(e.get("message")),
                                   _text(e.get("resourceId") or e.get("resource"), 200)))
        else:
            errors.append(JobError("error", _text(e)))
    return JobState(jid, status, result, errors)


def send_configure(client: PCClient, resources: list[dict[str, Any]]) -> JobState:
    status, data = client.post("configure", configure_body(resources))
    job = read_job(data)
    if status not in (200, 201, 202):
        raise PCError(f"POST /configure answered {status}")
    return job


def job_status(client: PCClient, job_id: str) -> JobState:
    if not JOB_ID_RE.fullmatch(job_id):
        raise PCResponseError(f"{job_id!r} is not a job ID")
    return read_job(client.get(f"configure/{job_id}/status"), job_id)


def follow_job(client: PCClient, job_id: str, on_update: Callable[[JobState], None] = lambda _j: None,
               interval: float = 5.0, max_interval: float = 120.0, timeout: float = 6 * 3600,
               sleep: Callable[[float], None] = time.sleep, stop: Callable[[], bool] = lambda: False) -> JobState:
    """Poll the job until it completes (or `timeout`, or `stop()`), with growing intervals; each
    change of state goes to `on_update`. A 5xx after the client's retries counts as "still pending"."""
    end = time.monotonic() + timeout
    last: tuple[str, str] | None = None
    job = JobState(job_id)
    while True:
        try:
            job = job_status(client, job_id)
        except PCNetworkError:
            if time.monotonic() > end:
                raise
            job = JobState(job_id, job.status, job.result)
        if (job.status, job.result) != last:
            on_update(job)
            last = (job.status, job.result)
        if job.done or stop() or time.monotonic() > end:
            return job
        sleep(interval)
        interval = min(max_interval, interval * 1.5)


# Where a job error is fixed: the step and the field, from the property it names (the configure
# request's property names, as in the technical configuration's schema). First match wins.
_PLACES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("sas", "osdisk", "datadisk", "uri"), "SAS", "vmImageVersions: the disks' SAS URIs"),
    (("sharedimage", "gallery"), "OFFER", "vmImageVersions: the gallery image version"),
    (("versionnumber", "version"), "VHD", "vmImageVersions: the version number"),
    (("recommendedvmsizes", "vmsize", "size"), "OFFER", "recommendedVmSizes"),
    (("openports", "port"), "OFFER", "openPorts"),
    (("operatingsystem", "friendlyname"), "OFFER", "operatingSystem"),
    (("skus", "imagetype", "securitytype", "skuid"), "OFFER", "skus"),
    (("vmproperties", "supports"), "OFFER", "vmProperties"),
)


def error_place(error: JobError) -> tuple[str, str]:
    """(the name of the `core.steps.Step` that fixes `error`, the field) -- EXPORT and "" when unknown."""
    text = f"{error.code} {error.message} {error.resource}".lower()
    for words, step, field_name in _PLACES:
        if any(w in text for w in words):
            return step, field_name
    return "EXPORT", ""
