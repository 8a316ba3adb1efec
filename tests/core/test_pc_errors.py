"""Every refusal the Product Ingestion API can answer -- each HTTP status, each documented `code` of Microsoft
Graph's error shape, and any body at all -- becomes a sentence and a next step of error_codes; the status, the
code, the request ID and the service's own words stay in the details; no token ever reaches the sentence."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.error_codes import PC_CODES, PC_JOB_OTHER, PC_OTHER, PC_STATUS, PC_TAKEN_UNKNOWN, pc_job_error, pc_refusal
from wizard.core.logs import register_secret
from wizard.core.partner_center.client import PCAuthError, PCClient, PCError, PCNotFound
from wizard.core.partner_center.jobs import error_place, read_job
from wizard.core.steps import Step

TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token-part"
TEMPLATES = {a.sentence for a in [*PC_STATUS.values(), *PC_CODES.values(), PC_TAKEN_UNKNOWN, PC_OTHER]}


def graph_error(code: str, message: str = "Some words.", request_id: str = "7f3c0e2a-1111-2222-3333-444455556666") -> bytes:
    """Microsoft Graph's error shape (https://learn.microsoft.com/graph/errors), as the API answers it."""
    return json.dumps({"error": {"code": code, "message": message,
                                 "innerError": {"date": "2026-12-07T04:00:00", "request-id": request_id,
                                                "client-request-id": request_id}}}).encode()


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 412, 429, 500, 502, 503, 504])
def test_each_status_has_its_own_sentence_and_next_step(status):
    said = pc_refusal(status, b"")
    assert said.sentence is PC_STATUS[status].sentence and said.next_step is PC_STATUS[status].next_step
    assert said.sentence.endswith(".") and said.next_step.endswith(".") and "{" not in said.sentence + said.next_step
    assert said.details == f"HTTP {status}"


def test_the_statuses_say_different_things():
    assert len({PC_STATUS[s].sentence for s in (400, 401, 403, 404, 409, 412, 429, 500, 503)}) == 9


@pytest.mark.parametrize("code", sorted(PC_CODES))
def test_each_documented_code_in_any_case_is_explained_and_kept_for_the_details(code):
    spelled = code[0].upper() + code[1:]  # Graph writes camelCase ("badRequest"), jobs PascalCase ("Conflict")
    said = pc_refusal(400, graph_error(spelled, "The field 'vmSize' is not allowed."))
    assert said.sentence is PC_CODES[code].sentence and said.next_step is PC_CODES[code].next_step
    assert said.details == (f"HTTP 400 · {spelled} · request-id 7f3c0e2a-1111-2222-3333-444455556666 · client-request-id "
                            "7f3c0e2a-1111-2222-3333-444455556666: The field 'vmSize' is not allowed.")


def test_a_code_says_more_than_its_status_and_an_unknown_code_falls_back_to_the_status():
    assert pc_refusal(400, graph_error("nameAlreadyExists")).sentence == PC_CODES["namealreadyexists"].sentence
    assert pc_refusal(409, graph_error("somethingNew")).sentence == PC_STATUS[409].sentence
    assert pc_refusal(418, b"").sentence == PC_STATUS[400].sentence
    assert pc_refusal(599, b"").sentence == PC_STATUS[500].sentence


def test_429_names_the_wait_and_a_retried_request_how_often_it_was_sent():
    assert pc_refusal(429, b"", {"Retry-After": "120"}, retry_after=120.0).details == "HTTP 429 · Retry-After 120 s"
    assert pc_refusal(503, b"", tries=5).details == "HTTP 503 · after 5 tries"
    assert pc_refusal(502, b"", taken_unknown=True).sentence == PC_TAKEN_UNKNOWN.sentence


def test_the_request_id_from_the_headers_when_the_body_has_none():
    said = pc_refusal(500, b"<html>busy</html>", {"request-id": "abc-123"})
    assert said.details == "HTTP 500 · request-id abc-123"


def test_the_gui_shows_three_lines_in_the_users_language():
    from wizard.i18n import translate_failure

    error = PCClient._refused(409, "POST /configure", graph_error("Conflict", "Another job is running."))
    assert isinstance(error, PCError)
    lines = translate_failure(error).splitlines()
    assert lines[0] == PC_STATUS[409].sentence and lines[1] == PC_STATUS[409].next_step
    assert lines[2].startswith("Details: HTTP 409 · Conflict · request-id ") and lines[2].endswith("Another job is running.")
    assert str(error).startswith("POST /configure: " + PC_STATUS[409].sentence)


@pytest.mark.parametrize(("status", "kind"), [(401, PCAuthError), (403, PCAuthError), (404, PCNotFound), (409, PCError)])
def test_the_error_classes_callers_catch_are_kept(status, kind):
    assert type(PCClient._refused(status, "GET /product", b"")) is kind


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=20)
with_token = st.builds(lambda before, after: before + TOKEN + after, st.text(max_size=10), st.text(max_size=10))
bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.builds(lambda code, message: json.dumps({"error": {"code": code, "message": message,
                                                          "innerError": {"request-id": TOKEN}}}).encode(),
              st.one_of(st.sampled_from(sorted(PC_CODES)), with_token, json_values), st.one_of(with_token, json_values)),
    st.just(b'{"error": ' * 5000),  # nested past any recursion limit
)


@given(status=st.integers(0, 999), body=bodies,
       headers=st.dictionaries(st.sampled_from(["request-id", "Retry-After", "x-ms-correlation-id"]),
                               st.one_of(st.text(max_size=20), with_token), max_size=3),
       retry=st.one_of(st.none(), st.floats(0, 1e6)), tries=st.integers(0, 9))
def test_any_answer_gives_a_sentence_and_a_next_step_never_a_crash_never_the_token(status, body, headers, retry, tries):
    said = pc_refusal(status, body, headers, retry, tries)
    assert said.sentence in TEMPLATES and said.next_step
    assert TOKEN not in said.sentence + said.next_step
    assert "\n" not in said.details and said.details.startswith(f"HTTP {status}")


# -- a failed job's errors[] ------------------------------------------------------------------------------------------
# GET /configure/<jobId>/status of a failed job lists `errors[]` of {code, message, resourceId?}
# (https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api, "Check the status"; "Conflict" in
# https://learn.microsoft.com/partner-center/marketplace/private-offers-api). Each one goes through PC_CODES as a
# refusal over HTTP does; a code PC_CODES does not hold is a refused value (PC_JOB_OTHER); the raw code, the
# resource and Partner Center's words stay in the details, where the token and SAS signatures are masked.
JOB_TEMPLATES = {a.sentence for a in [*PC_CODES.values(), PC_JOB_OTHER]}


def failed_job(errors: object) -> dict[str, object]:
    return {"$schema": "https://schema.mp.microsoft.com/schema/configure-status/2022-03-01-preview2",
            "jobId": "0f1e2d3c-aaaa-bbbb-cccc-000011112222", "jobStatus": "completed", "jobResult": "failed",
            "errors": errors}


@pytest.mark.parametrize("code", sorted(PC_CODES))
def test_a_job_errors_documented_code_says_what_it_says_over_http(code):
    spelled = code[0].upper() + code[1:]
    job = read_job(failed_job([{"code": spelled, "message": "Another job is in progress for this product.",
                                "resourceId": "product/8fd1d7d2-0000-0000-0000-000000000000"}]))
    said = job.errors[0].explained()
    assert (said.sentence, said.next_step) == (PC_CODES[code].sentence, PC_CODES[code].next_step)
    assert said.details == (f"{spelled} · product/8fd1d7d2-0000-0000-0000-000000000000: Another job is in progress "
                            "for this product.")


def test_a_job_error_of_another_code_is_a_refused_value_placed_at_its_field():
    job = read_job(failed_job([{"code": "businessValidationError",
                                "message": "recommendedVmSizes: Standard_A1 is retired and cannot be offered",
                                "resourceId": "virtual-machine-plan-technical-configuration/x/y"}]))
    error = job.errors[0]
    said = error.explained()
    assert said.sentence == PC_JOB_OTHER.sentence and said.next_step == PC_JOB_OTHER.next_step
    assert said.details.startswith("businessValidationError · virtual-machine-plan-technical-configuration/x/y: ")
    assert error_place(error) == ("OFFER", "recommendedVmSizes")  # placed as before: by what Partner Center named


def test_a_sas_signature_or_the_token_in_a_jobs_words_is_masked():
    register_secret(TOKEN)  # as PCClient does with every token it is given
    said = pc_job_error("Conflict", f"The SAS https://a.blob.core.windows.net/v/os.vhd?sp=r&sig=SECRETSIG is "
                                    f"unreadable; Authorization: Bearer {TOKEN}")
    assert "SECRETSIG" not in said.details and TOKEN not in said.details and "sig=***" in said.details


job_fields = st.one_of(json_values, with_token, st.sampled_from(sorted(PC_CODES)),
                       st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
job_errors = st.one_of(
    json_values,
    st.lists(st.one_of(json_values, st.fixed_dictionaries({}, optional={"code": job_fields, "message": job_fields,
                                                                         "resourceId": job_fields,
                                                                         "resource": job_fields})),
             max_size=6))


@given(errors=job_errors)
def test_any_errors_list_gives_sentences_and_next_steps_never_a_crash_never_the_token(errors):
    register_secret(TOKEN)
    job = read_job(failed_job(errors))
    assert job.done and not job.succeeded
    for error in job.errors:
        said = error.explained()
        assert said.sentence in JOB_TEMPLATES and said.next_step
        assert TOKEN not in said.sentence + said.next_step + said.details
        assert "\n" not in said.details and len(said.details) <= 600
        step, _field = error_place(error)
        assert step in Step.__members__
