"""Every storage error code the product can meet becomes a sentence and a next step, the raw code kept
for the details -- read from a real HTTP answer in Azure Storage's documented shape (x-ms-error-code and
the XML error body), as Azurite sends it when it does not support the SDK's API version."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.error_codes import HTTP_STATUS, M_DETAILS, STORAGE_CODES, code_text, details, explain
from wizard.core.storage import StorageCodeError, blob_client, storage_error

AZURITE_API_VERSION = (  # Azurite's own words (src/blob/errors/StorageErrorFactory.ts, getInvalidAPIVersion)
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Error><Code>InvalidHeaderValue</Code><Message>The API '
    "version 2026-02-06 is not supported by Azurite. Please upgrade Azurite to latest version and retry. If you are using "
    "Azurite in Visual Studio, please check you have installed latest Visual Studio patch. Azurite command line parameter "
    '"--skipApiVersionCheck" or Visual Studio Code configuration "Skip Api Version Check" can skip this error.\n'
    "RequestId:1\nTime:2026-12-07T04:00:00.000Z</Message><HeaderName>x-ms-version</HeaderName>"
    "<HeaderValue>2026-02-06</HeaderValue></Error>")


def refusing_server(status: int, code: str, body: str):
    class Handler(BaseHTTPRequestHandler):
        def _refuse(self) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/xml")
            self.send_header("x-ms-error-code", code)
            self.send_header("x-ms-request-id", "1")
            self.send_header("Content-Length", str(len(data) if self.command != "HEAD" else 0))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_HEAD = do_PUT = _refuse

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def api_version_refused():
    server = refusing_server(400, "InvalidHeaderValue", AZURITE_API_VERSION)
    yield f"http://127.0.0.1:{server.server_address[1]}/devstoreaccount1/vhds/disk.vhd?sv=2024-08-04&sig=x"
    server.shutdown()


def test_an_emulator_refusing_the_api_version_says_what_to_do(api_version_refused):
    with pytest.raises(Exception) as raised:
        blob_client(api_version_refused).get_blob_properties()
    error = storage_error(raised.value)
    assert isinstance(error, StorageCodeError)
    assert "Azurite" in error.template and "--skipApiVersionCheck" in error.advice
    assert error.details == "InvalidHeaderValue (HTTP 400)"
    assert "StorageErrorCode." not in str(error)  # the enum's Python name never reaches a person
    assert str(error).endswith("[InvalidHeaderValue (HTTP 400)]")


def test_the_gui_shows_sentence_next_step_and_the_code_in_its_details():
    from wizard.i18n import translate_failure

    error = StorageCodeError(STORAGE_CODES["InvalidBlobType"].sentence, STORAGE_CODES["InvalidBlobType"].next_step,
                             "InvalidBlobType (HTTP 409)")
    lines = translate_failure(error).splitlines()
    assert lines == [STORAGE_CODES["InvalidBlobType"].sentence, STORAGE_CODES["InvalidBlobType"].next_step,
                     M_DETAILS.format(details="InvalidBlobType (HTTP 409)")]


@pytest.mark.parametrize("code", sorted(STORAGE_CODES))
def test_every_known_code_has_a_sentence_and_a_next_step(code):
    said = explain(code)
    assert said is STORAGE_CODES[code]
    assert said.sentence.endswith(".") and said.next_step.endswith(".")
    assert "{" not in said.sentence + said.next_step  # shown as they are: no argument to fill


def test_the_sdk_enum_and_its_text_read_as_the_service_spells_the_code():
    from azure.storage.blob import StorageErrorCode

    assert code_text(StorageErrorCode.INVALID_HEADER_VALUE) == "InvalidHeaderValue"
    assert code_text("StorageErrorCode.INVALID_HEADER_VALUE") == "InvalidHeaderValue"
    assert code_text("StorageErrorCode.NO_SUCH_MEMBER") == "NoSuchMember"
    assert explain("StorageErrorCode.BLOB_NOT_FOUND") is STORAGE_CODES["BlobNotFound"]


def test_a_status_alone_still_says_what_to_do():
    assert explain("SomethingNew", 503) is HTTP_STATUS[503]
    assert explain(None, 418) is HTTP_STATUS[400]  # any other 4xx
    assert explain(None, 599) is HTTP_STATUS[500]
    assert explain(None, 200) is None
    assert details("SomethingNew", 503) == "SomethingNew (HTTP 503)" and details(None, 404) == "HTTP 404"


@given(code=st.one_of(st.none(), st.text(max_size=80), st.integers()), status=st.one_of(st.none(), st.integers(-5, 1000)))
def test_any_code_from_a_service_is_explained_or_left_alone_never_a_crash(code, status):
    said = explain(code, status)
    assert said is None or (said.sentence and said.next_step)
    assert isinstance(details(code, status), str)


@pytest.mark.parametrize(("status", "code", "refused"), [
    (403, "AuthenticationFailed", True), (403, "AuthorizationFailure", True), (400, "InvalidAuthenticationInfo", True),
    (403, "AuthorizationPermissionMismatch", False), (404, "ContainerNotFound", False), (403, "", True),
    (503, "ServerBusy", False)])
def test_a_refused_key_is_told_apart_from_other_refusals(status, code, refused):
    """The storage dialog opens again for a key the service refused, and only for that (core/storage.refuses_the_key)."""
    from azure.storage.blob import BlobServiceClient

    from wizard.core.storage import refuses_the_key

    server = refusing_server(status, code, "")
    try:
        service = BlobServiceClient(f"http://127.0.0.1:{server.server_address[1]}/devstoreaccount1",
                                    credential={"account_name": "devstoreaccount1", "account_key": "QUFBQQ=="},
                                    retry_total=0)
        with pytest.raises(Exception) as raised:
            next(iter(service.list_containers()))
    finally:
        server.shutdown()
    assert refuses_the_key(storage_error(raised.value)) is refused
