"""Reading the gallery image version through Azure Resource Manager with azure-mgmt-compute: against a stand-in
on 127.0.0.1 that answers in the documented ARM shapes; the record equals what the az JSON gives."""

from __future__ import annotations

import json

import pytest
from arm_server import StaticCredential, arm_stand_in
from gallery_json import arm_definition, arm_version, az_definition, az_version, provider, version_id

from wizard.core.gallery import read_definition_json, read_provider_json, read_version_json
from wizard.core.gallery_arm import GalleryAzureError, read_from_azure

SUB = "11111111-2222-3333-4444-555555555555"
VERSION = version_id(SUB, "images-rg", "contoso_gallery", "web-gen2", "1.0.0")
DEFINITION = VERSION.rsplit("/versions/", 1)[0]
NS = "Microsoft.PartnerCenterIngestion"


@pytest.fixture
def arm(tmp_path):
    with arm_stand_in(tmp_path) as stand:
        stand.put(VERSION, arm_version(VERSION))
        stand.put(DEFINITION, arm_definition(DEFINITION))
        stand.put(f"/subscriptions/{SUB}/providers/{NS}", provider())
        yield stand


def read(arm, credential=None):
    return read_from_azure(VERSION, NS, credential or StaticCredential(), endpoint=arm.endpoint,
                           connection_verify=arm.ca_file, timeout=10)


def test_the_sdk_reads_what_az_prints(arm):
    record = read(arm)
    expected = read_version_json(json.dumps(az_version(VERSION)))
    read_definition_json(json.dumps(az_definition(DEFINITION)), expected)
    read_provider_json(json.dumps(provider()), NS, expected)
    expected.read_from = "arm"
    assert record == expected
    paths = {path: query for path, query, _ in arm.requests}
    assert paths[VERSION]["$expand"] == ["ReplicationStatus"] and paths[f"/subscriptions/{SUB}/providers/{NS}"]["api-version"] == ["2021-04-01"]
    assert all(auth == "Bearer stand-in-arm-token" for _, _, auth in arm.requests)


def test_a_missing_version_says_so(arm):
    del arm.resources[VERSION.lower()]
    with pytest.raises(GalleryAzureError, match="Azure has no gallery image version at"):
        read(arm)


def test_a_refused_sign_in_says_az_login(arm):
    with pytest.raises(GalleryAzureError, match="az login"):
        read(arm, StaticCredential("wrong"))


def test_a_provider_the_reader_may_not_see_stays_unread(arm):
    arm.put(f"/subscriptions/{SUB}/providers/{NS}", {"error": {"code": "AuthorizationFailed", "message": "no"}}, 403)
    assert read(arm).provider_state == ""


def test_an_unreachable_endpoint_and_a_bad_id_are_one_message(arm):
    with pytest.raises(GalleryAzureError, match="could not be reached"):
        read_from_azure(VERSION, NS, StaticCredential(), endpoint="https://127.0.0.1:9", connection_verify=arm.ca_file,
                        timeout=3)
    with pytest.raises(GalleryAzureError, match="is not a gallery image version"):
        read_from_azure("/subscriptions/x", NS, StaticCredential(), endpoint=arm.endpoint)


def test_an_answer_in_the_wrong_shape_is_one_message(arm):
    arm.put(VERSION, {"id": VERSION, "type": "Microsoft.Storage/storageAccounts"})
    with pytest.raises(GalleryAzureError):
        read(arm)
