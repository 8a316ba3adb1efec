"""Partner Center, live (issue #30): the client, pull, push, submit and status against the local
stand-in of the Product Ingestion API (tests/helpers/pc_standin.py, built from Microsoft's documented
shapes; no real Partner Center account is used)."""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import operations
from wizard.core.error_codes import PC_JOB_OTHER
from wizard.core.model import Offer, PlanImage, Project, Sku
from wizard.core.partner_center import PCAuthError, PCClient, PCError, PCNetworkError, PCNotFound, PCResponseError
from wizard.core.partner_center import client as client_mod
from wizard.core.partner_center.push import LivePlan, PushRefused, build_push, canonical, verify_body
from wizard.core.projectio import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
GALLERY = ("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/"
           "galleries/g1/images/{name}/versions/{version}")


def sas(name: str) -> str:
    return f"https://acct.blob.core.windows.net/vhds/{name}.vhd?sv=2021-08-06&sr=b&sp=rl&se=2027-01-01T00%3A00%3A00Z&sig=abc{name}"


def version(number: str, name: str, state: str = "generallyAvailable", schedule: dict | None = None,
            image_type: str = "x64Gen2") -> dict:
    v = {"versionNumber": number, "vmImages": [{"imageType": image_type, "source": {
        "sourceType": "sasUri", "osDisk": {"uri": sas(f"{name}-{number}")}, "dataDisks": []}}],
        "lifecycleState": state}
    if schedule:
        v["deprecationSchedule"] = schedule
    return v


WINDOWS = {"operatingSystem": {"family": "windows", "type": "windowsServer2022", "friendlyName": "Windows Server 2022"},
           "recommendedVmSizes": ["Standard_D2s_v5"], "openPorts": [],
           "vmProperties": {"supportsExtensions": True, "supportsRemoteConnection": True},
           "skus": [{"imageType": "x64Gen2", "skuId": "windows-2022"}],
           "vmImageVersions": [version("1.0.0", "win")]}
SCHEDULE = {"date": "2026-12-31", "dateOffset": "P90D", "reason": "security",
            "alternative": {"plan": "plan/11111111-1111-1111-1111-111111111111/22222222-2222-2222-2222-222222222222"}}
LINUX = {"operatingSystem": {"family": "linux", "type": "redHat", "friendlyName": "RHEL 9"},
         "recommendedVmSizes": ["Standard_D2s_v5", "Standard_E2s_v5"], "openPorts": [],
         "vmProperties": {"supportsExtensions": True, "supportsRemoteConnection": True, "supportsCloudInit": True},
         "skus": [{"imageType": "x64Gen2", "skuId": "rhel-9"}],
         "basePlan": "plan/11111111-1111-1111-1111-111111111111/33333333-3333-3333-3333-333333333333",
         "vmImageVersions": [version("9.0.0", "rhel", "deprecated", SCHEDULE), version("9.1.0", "rhel")]}


def seed(api) -> str:
    """An offer with its Windows plan first and its Linux plan second: the tree lists the configurations
    in the other order, so matching by position pairs them wrongly."""
    product = api.add_product("contoso-vm")
    api.add_plan(product, "windows-2022", WINDOWS)
    api.add_plan(product, "rhel-9", LINUX)
    return product


def project_file(tmp_path: Path, skus=("windows-2022", "rhel-9")) -> Path:
    project = Project(name="pc", offer=Offer(publisher_namespace="contoso", offer_id="contoso-vm", offer_name="Contoso"),
                      skus=[Sku(sku_id=s, os_family="windows" if "windows" in s else "linux",
                                images=[PlanImage("x64Gen2")]) for s in skus])
    for sku in project.skus:
        for d in sku.disks:
            d.image_type = "x64Gen2"
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    return path


def pc(api, *args: str, timeout: float = 60, **env: str):
    import subprocess

    full = {**os.environ, "PC_TOKEN": api.token, "MPWIZARD_PC_POLL_SECONDS": "0.05", **env}
    return subprocess.run([sys.executable, "-m", "wizard", "pc", *args, "--api", api.url, "--token-env", "PC_TOKEN"],
                          capture_output=True, text=True, timeout=timeout, env=full, cwd=ROOT)


def client(api, **kw) -> PCClient:
    kw.setdefault("sleep", lambda _s: None)
    return PCClient(lambda: api.token, api.url, **kw)


# -- pull ---------------------------------------------------------------------------------------------
def test_pull_matches_each_plan_by_its_external_id_and_keeps_what_the_project_does_not_model(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path, skus=("windows-2022",))
    result = pc(pc_api, "pull", str(path), "--product", "contoso-vm")
    assert result.returncode == 0, result.stderr
    project = load_project(path).project
    win = next(s for s in project.skus if s.sku_id == "windows-2022")
    rhel = next(s for s in project.skus if s.sku_id == "rhel-9")  # the plan the project lacked: a new SKU
    assert "new SKU" in result.stdout
    assert win.os_family == "windows" and [v.version for v in win.image_versions] == ["1.0.0"]
    assert rhel.os_family == "linux" and [v.version for v in rhel.image_versions] == ["9.0.0", "9.1.0"]
    assert rhel.extra["pc_os_type"] == "redHat" and rhel.extra["pc_base_plan"] == LINUX["basePlan"]
    assert rhel.image_versions[0].lifecycle_state == "deprecated"
    assert rhel.image_versions[0].extra["deprecationSchedule"] == SCHEDULE
    assert project.partner_center.product_id.startswith("product/")
    assert "sig=" not in path.read_text()  # the SAS tokens went to the keyring


def test_pull_of_one_plan_and_an_unknown_plan(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path)
    before = path.read_bytes()
    missing = pc(pc_api, "pull", str(path), "--product", "contoso-vm", "--plan", "no-such-plan")
    assert missing.returncode == 2 and "no-such-plan" in missing.stderr and path.read_bytes() == before
    one = pc(pc_api, "pull", str(path), "--product", "contoso-vm", "--plan", "rhel-9")
    assert one.returncode == 0, one.stderr
    project = load_project(path).project
    assert next(s for s in project.skus if s.sku_id == "windows-2022").image_versions == []


@pytest.mark.parametrize("fault, expect", [
    ((200, {"Content-Type": "text/html"}, b"<html>login</html>"), "not JSON"),
    ((200, {}, b"[" * 100 + b"]" * 100), "nested"),
    ((200, {}, b'{"resources": 5}'), "resources"),
])
def test_a_bad_answer_leaves_the_project_untouched(pc_api, tmp_path, fault, expect):
    seed(pc_api)
    path = project_file(tmp_path)
    before = path.read_bytes()
    status, headers, body = fault
    pc_api.fault("GET", "/rp/product-ingestion/resource-tree/", status, headers=headers, body=body)
    result = pc(pc_api, "pull", str(path), "--product", "contoso-vm")
    assert result.returncode == 2 and expect in result.stderr and "unchanged" in result.stderr
    assert path.read_bytes() == before and not list(tmp_path.glob(".*.tmp"))


# -- the client ---------------------------------------------------------------------------------------
def test_401_403_404_say_what_to_do(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path)
    wrong = pc(pc_api, "status", str(path), PC_TOKEN="not-the-token")
    assert wrong.returncode == 2 and "Sign in again" in wrong.stderr and "not-the-token" not in wrong.stderr
    pc_api.forbidden = True
    forbidden = pc(pc_api, "status", str(path))
    assert forbidden.returncode == 2 and "Add the Microsoft Entra application to the Partner Center account" in forbidden.stderr
    pc_api.forbidden = False
    unknown = pc(pc_api, "pull", str(path), "--product", "other-offer")
    assert unknown.returncode == 2 and "no offer 'other-offer'" in unknown.stderr
    with pytest.raises(PCNotFound, match="404"):
        client(pc_api).get("virtual-machine-plan-technical-configuration/" + "0" * 8 + "-0000-0000-0000-" + "0" * 12 + "/x")


@pytest.mark.parametrize(("status", "code", "kind"), [
    (400, "badRequest", PCError), (400, "invalidRequest", PCError), (401, "InvalidAuthenticationToken", PCAuthError),
    (403, "accessDenied", PCAuthError), (404, "itemNotFound", PCNotFound), (409, "Conflict", PCError),
    (412, "resourceModified", PCError), (429, "activityLimitReached", PCNetworkError), (500, "generalException", PCNetworkError),
    (503, "serviceNotAvailable", PCNetworkError)])
def test_each_refusal_over_http_says_what_happened_and_what_to_do(pc_api, status, code, kind):
    """Graph's error shape over a real socket: the sentence and next step of error_codes, the raw status, code and
    request ID in the details only, never the token."""
    from wizard.core.error_codes import PC_CODES
    from wizard.i18n import translate_failure

    seed(pc_api)
    body = json.dumps({"error": {"code": code, "message": "Words of the service.",
                                 "innerError": {"request-id": "req-42", "client-request-id": "req-42"}}})
    pc_api.fault("GET", "/rp/product-ingestion/product", status, times=9, body=body, headers={"Retry-After": "1"})
    with pytest.raises(PCError) as raised:
        client(pc_api, retries=1).get("product")
    error = raised.value
    assert type(error) is kind
    lines = translate_failure(error).splitlines()
    assert lines[:2] == [PC_CODES[code.lower()].sentence, PC_CODES[code.lower()].next_step]
    assert lines[2].startswith(f"Details: HTTP {status} · {code} · request-id req-42") and "Words of the service." in lines[2]
    assert pc_api.token not in translate_failure(error) + str(error)


def test_429_honours_retry_after_and_5xx_backs_off(pc_api):
    seed(pc_api)
    waits: list[float] = []
    c = client(pc_api, sleep=waits.append, backoff=0.5)
    pc_api.fault("GET", "/rp/product-ingestion/product", 429, headers={"Retry-After": "7"})
    pc_api.fault("GET", "/rp/product-ingestion/product", 503, times=2)
    assert [p["identity"]["externalId"] for p in c.get_all("product")] == ["contoso-vm"]
    assert waits == [7.0, 1.0, 2.0]  # Retry-After as given; then 0.5 s doubling per try
    pc_api.fault("GET", "/rp/product-ingestion/product", 500, times=5)
    with pytest.raises(PCNetworkError, match="after 5 tries"):
        list(c.get_all("product"))
    pc_api.fault("GET", "/rp/product-ingestion/product", 429, headers={"Retry-After": "86400"})
    with pytest.raises(PCNetworkError, match="Retry-After 86400 s"):
        list(client(pc_api).get_all("product"))
    # a POST is not sent twice on a 5xx: it may have been taken
    pc_api.fault("POST", "/rp/product-ingestion/configure", 502)
    with pytest.raises(PCNetworkError, match="may or may not have been taken"):
        c.post("configure", {"resources": []})
    assert sum(1 for m, _u, _h in pc_api.seen if m == "POST") == 1


def test_an_expired_token_is_renewed_once(pc_api):
    """Tokens live about an hour, jobs are followed for hours: a 401 asks the sign-in for a new token, once."""
    seed(pc_api)
    tokens = iter(["an-expired-token", pc_api.token, "never-asked"])
    c = PCClient(lambda: next(tokens), pc_api.url, sleep=lambda _s: None)
    assert [p["identity"]["externalId"] for p in c.get_all("product")] == ["contoso-vm"]
    stale = PCClient(lambda: "an-expired-token", pc_api.url)
    with pytest.raises(PCAuthError, match="401"):
        stale.get("product")
    assert sum(1 for _m, _u, h in pc_api.seen if h.get("Authorization") == "Bearer an-expired-token") == 3


def test_paging_follows_next_link_with_version_on_every_request(pc_api):
    for n in range(5):
        pc_api.add_product(f"offer-{n}")
    pc_api.page_size = 2
    names = [p["identity"]["externalId"] for p in client(pc_api).get_all("product")]
    assert names == [f"offer-{n}" for n in range(5)]
    gets = [url for method, url, _h in pc_api.seen if method == "GET"]
    assert len(gets) == 3 and all("$version=2022-03-01-preview2" in u for u in gets)


def test_no_token_for_another_host(pc_api):
    """A redirect to another host is followed without the Authorization header; an @nextLink to another
    host is not followed at all."""
    seed(pc_api)
    elsewhere = f"http://localhost:{pc_api.port}/elsewhere/product"
    pc_api.fault("GET", "/rp/product-ingestion/product", 307, times=2, headers={"Location": elsewhere})
    with pytest.raises(PCAuthError):  # the other host asked for a token it was not given (and again after a new sign-in)
        client(pc_api).get("product")
    there = [h for _m, u, h in pc_api.seen if u.startswith("/elsewhere/")]
    here = [h for _m, u, h in pc_api.seen if u.startswith("/rp/")]
    assert len(there) == 2 and not any("Authorization" in h for h in there)
    assert len(here) == 2 and all(h["Authorization"] == f"Bearer {pc_api.token}" for h in here)
    pc_api.fault("GET", "/rp/product-ingestion/product", 200,
                 body=json.dumps({"value": [], "@nextLink": "https://evil.example/rp/product-ingestion/product"}))
    with pytest.raises(PCResponseError, match="another host"):
        list(client(pc_api).get_all("product"))


def test_huge_and_slow_answers_are_cut_off(pc_api, monkeypatch):
    seed(pc_api)
    monkeypatch.setattr(client_mod, "MAX_BODY", 1000)
    pc_api.fault("GET", "/rp/product-ingestion/product", 200, body=b'{"value": [' + b'{"a": 1},' * 200 + b'{}]}')
    with pytest.raises(PCResponseError, match="larger than"):
        client(pc_api).get("product")
    pc_api.fault("GET", "/rp/product-ingestion/product", 200, body=b'{"value": []}' + b" " * 60, trickle=0.05)
    with pytest.raises(PCNetworkError, match="deadline|within"):
        client(pc_api, deadline=1.0).get("product")


# -- push ---------------------------------------------------------------------------------------------
def _new_gallery_version(path: Path, sku_id: str, number: str) -> None:
    loaded = load_project(path)
    sku = next(s for s in loaded.project.skus if s.sku_id == sku_id)
    sku.version = number
    for im in sku.images:
        im.source, im.gallery_tenant_id = "sharedImageGallery", TENANT
        im.gallery_resource_id = GALLERY.format(name=sku_id, version=number)
    save_project(loaded.project, path)


def test_push_dry_run_keeps_every_published_version_byte_for_byte_and_sends_nothing(pc_api, tmp_path):
    product = seed(pc_api)
    path = project_file(tmp_path)
    assert pc(pc_api, "pull", str(path), "--product", "contoso-vm").returncode == 0
    _new_gallery_version(path, "rhel-9", "9.2.0")
    out = tmp_path / "body.json"
    result = pc(pc_api, "push", str(path), "--dry-run", str(out))
    assert result.returncode == 0, result.stderr
    body = json.loads(out.read_text())
    assert body["$schema"] == "https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2"
    by_plan = {r["plan"]: r for r in body["resources"]}
    for live in pc_api.tech.values():
        sent = by_plan[live["plan"]]
        n = len(live["vmImageVersions"])
        assert [json.dumps(v) for v in sent["vmImageVersions"][:n]] == [json.dumps(v) for v in live["vmImageVersions"]]
        assert sent["operatingSystem"]["type"] == live["operatingSystem"]["type"]
    rhel = pc_api.tech[(product, pc_api.plan_guid(product, "rhel-9"))]
    assert by_plan[rhel["plan"]]["vmImageVersions"][-1]["versionNumber"] == "9.2.0"
    assert by_plan[rhel["plan"]]["basePlan"] == LINUX["basePlan"]
    assert "keep published version 9.0.0 (deprecated)" in result.stdout and "add version 9.2.0" in result.stdout
    assert "left out: windows-2022: version 1.0.0 is already published" in result.stderr
    assert pc_api.posts == [] and oct(out.stat().st_mode & 0o777) == "0o600"


def test_push_sends_back_fields_the_project_does_not_model(pc_api, tmp_path):
    """A field of a later schema in Partner Center's answer goes back unchanged, and push says so."""
    product = seed(pc_api)
    guid = pc_api.plan_guid(product, "windows-2022")
    pc_api.tech[(product, guid)]["futureSetting"] = {"mode": "strict", "list": [1, 2]}
    path = project_file(tmp_path)
    pulled = pc(pc_api, "pull", str(path), "--product", "contoso-vm")
    assert pulled.returncode == 0 and "note: windows-2022: futureSetting: a field the project does not hold" in pulled.stderr
    out = tmp_path / "body.json"
    result = pc(pc_api, "push", str(path), "--plan", "windows-2022", "--dry-run", str(out))
    assert result.returncode == 0, result.stderr
    (resource,) = json.loads(out.read_text())["resources"]
    assert resource["futureSetting"] == {"mode": "strict", "list": [1, 2]}
    assert "keep as Partner Center has them: futureSetting" in result.stdout


def test_push_follows_the_job_and_the_project_keeps_its_id(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path)
    assert pc(pc_api, "pull", str(path), "--product", "contoso-vm").returncode == 0
    _new_gallery_version(path, "windows-2022", "1.1.0")
    result = pc(pc_api, "push", str(path), "--plan", "windows-2022")
    assert result.returncode == 0, result.stderr
    assert len(pc_api.posts) == 1 and len(pc_api.posts[0]["resources"]) == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("job ")]
    assert [line.split(": ", 1)[1] for line in lines] == ["sent", "notStarted (pending)", "running (pending)",
                                                          "completed (succeeded)", "succeeded"]
    job_id = next(iter(pc_api.jobs))
    record = load_project(path).project.partner_center
    assert (record.last_job_id, record.last_job_kind, record.last_job_result) == (job_id, "push", "succeeded")
    status = pc(pc_api, "status", str(path))
    assert status.returncode == 0 and f"last job {job_id} (push" in status.stdout
    again = pc(pc_api, "push", str(path), "--plan", "windows-2022")  # Partner Center has 1.1.0 now
    assert again.returncode == 0 and "nothing to change" in again.stdout and len(pc_api.posts) == 1


def test_a_failed_job_exits_1_with_microsofts_errors(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path)
    assert pc(pc_api, "pull", str(path), "--product", "contoso-vm").returncode == 0
    _new_gallery_version(path, "rhel-9", "9.2.0")
    pc_api.fail_next_job = [{"code": "businessValidationError", "message": "The SAS URI of the OS disk has expired.",
                             "resourceId": "virtual-machine-plan-technical-configuration/x/y"}]
    result = pc(pc_api, "push", str(path), "--plan", "rhel-9")
    assert result.returncode == 1
    # where it is fixed, the sentence and next step (error_codes.PC_JOB_OTHER), the raw code and words in brackets
    assert (f"[sas: vmImageVersions: the disks' SAS URIs] {PC_JOB_OTHER.sentence} {PC_JOB_OTHER.next_step} "
            "[businessValidationError · virtual-machine-plan-technical-configuration/x/y: The SAS URI of the OS disk "
            "has expired.]") in result.stderr
    assert load_project(path).project.partner_center.last_job_result == "failed"


def test_a_job_still_running_when_following_stops_is_not_done_exit_2(pc_api, tmp_path):
    """Exit 0 is done: a follow that ends before the job does exits 2, says the job goes on in Partner Center
    and how to follow it; the ID is in the project, and `pc status` then sees the job end."""
    seed(pc_api)
    path = project_file(tmp_path)
    assert pc(pc_api, "pull", str(path), "--product", "contoso-vm").returncode == 0
    _new_gallery_version(path, "windows-2022", "1.1.0")
    pc_api.polls_to_complete = 10**6  # running for as long as the follow lasts
    result = pc(pc_api, "push", str(path), "--plan", "windows-2022", MPWIZARD_PC_FOLLOW_SECONDS="0.5")
    assert result.returncode == 2, result.stdout + result.stderr
    job_id = next(iter(pc_api.jobs))
    assert (f"job {job_id} is still running in Partner Center (running, pending); following stopped before it "
            f"ended. Its ID is stored in the project: follow it with `mpwizard pc status {path}`") in result.stderr
    assert "succeeded" not in result.stdout
    record = load_project(path).project.partner_center
    assert (record.last_job_id, record.last_job_status, record.last_job_result) == (job_id, "running", "pending")
    pc_api.polls_to_complete = 0  # Partner Center finishes the job
    status = pc(pc_api, "status", str(path))
    assert status.returncode == 0 and f"last job {job_id} (push" in status.stdout and "completed (succeeded)" in status.stdout
    # the same follow, long enough: exit 0 (what changes the exit code is the job's end, not the setting)
    _new_gallery_version(path, "windows-2022", "1.2.0")
    pc_api.polls_to_complete = 2
    done = pc(pc_api, "push", str(path), "--plan", "windows-2022", MPWIZARD_PC_FOLLOW_SECONDS="30")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].endswith(": succeeded")


def test_a_5xx_while_following_a_job_counts_as_still_pending(pc_api):
    seed(pc_api)
    c = client(pc_api, retries=1)
    job = operations.pc_send(c, {"resources": []})
    pc_api.fault("GET", "/rp/product-ingestion/configure/", 503, times=4)  # two polls' worth of tries
    seen: list[str] = []
    final = operations.pc_follow(c, job.job_id, lambda j: seen.append(j.status), interval=0.01, sleep=lambda _s: None)
    assert final.succeeded and seen[-1] == "completed"
    assert sum(1 for m, u, _h in pc_api.seen if m == "GET" and "/status" in u) >= 4 + 3


def test_a_request_that_drops_or_alters_a_published_version_is_refused(pc_api):
    product = seed(pc_api)
    guid = pc_api.plan_guid(product, "rhel-9")
    live = LivePlan("rhel-9", f"plan/{product}/{guid}", copy.deepcopy(pc_api.tech[(product, guid)]))
    project = Project(offer=Offer(offer_id="contoso-vm"), skus=[Sku(sku_id="rhel-9", images=[PlanImage("x64Gen2")])])  # as Partner Center offers it
    plan = build_push(project, [live], {})
    verify_body(plan.body, [live])  # as built: every version kept
    dropped = copy.deepcopy(plan.body)
    dropped["resources"][0]["vmImageVersions"].pop(0)
    with pytest.raises(PushRefused, match="9.0.0 would be dropped"):
        verify_body(dropped, [live])
    altered = copy.deepcopy(plan.body)
    altered["resources"][0]["vmImageVersions"][1]["lifecycleState"] = "deprecated"
    with pytest.raises(PushRefused, match="9.1.0 would be changed"):
        verify_body(altered, [live])


# -- submit / status ----------------------------------------------------------------------------------
def test_submit_is_refused_while_the_checklist_is_incomplete(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path)
    result = pc(pc_api, "submit", str(path), "--target", "preview")
    assert result.returncode == 1 and "refused (nothing was sent): the checklist has missing items" in result.stderr
    assert pc_api.posts == [] and not [s for s in pc_api.seen if s[0] == "POST"]


def test_submit_preview_then_live(pc_api, tmp_path, monkeypatch):
    product = seed(pc_api)
    project = Project(offer=Offer(offer_id="contoso-vm"), skus=[Sku(sku_id="rhel-9")])
    monkeypatch.setattr(operations, "pc_checklist_missing", lambda _p: [])  # the checklist is the export's (tested there)
    c = client(pc_api)
    with pytest.raises(Exception, match="no completed preview submission"):
        operations.pc_submission(project, c, "live")
    preview = operations.pc_submission(project, c, "preview")
    assert preview == {"$schema": "https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2",
                       "product": f"product/{product}", "target": {"targetType": "preview"}}
    job = operations.pc_send(c, {"resources": [preview]})
    assert operations.pc_follow(c, job.job_id, interval=0.01).succeeded
    live = operations.pc_submission(project, c, "live")
    assert live["target"] == {"targetType": "live"} and live["id"] == pc_api.submissions[product][-1]["id"]
    subs, last = operations.pc_status(project, c)
    assert [s.target for s in subs] == ["draft", "preview"] and last is None


# -- the secret -----------------------------------------------------------------------------------------
@pytest.mark.services
def test_the_client_secret_is_bound_to_its_tenant_and_client():
    project = Project()
    client_id = "11111111-2222-3333-4444-555555555555"
    operations.store_pc_secret(project, TENANT, client_id, "s3cret-value")
    token = operations.pc_token_source(project, tenant=TENANT, client_id=client_id)
    assert callable(token)
    with pytest.raises(PCAuthError, match="no client secret for this tenant and client"):
        operations.pc_token_source(project, tenant="contoso.onmicrosoft.com", client_id=client_id)
    with pytest.raises(PCAuthError, match="not an application"):
        operations.pc_token_source(project, tenant=TENANT, client_id="not-a-guid")


# -- the property ---------------------------------------------------------------------------------------
_versions = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.sampled_from(["generallyAvailable", "deprecated"]),
                               st.booleans(), st.sampled_from(["x64Gen1", "x64Gen2"])),
                     min_size=0, max_size=4, unique_by=lambda t: (t[0], t[1]))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(plans=st.lists(_versions, min_size=1, max_size=3), extra=st.dictionaries(
    st.sampled_from(["futureField", "x-note"]), st.text(max_size=8), max_size=2))
def test_pull_then_push_dry_run_gives_every_published_version_back_byte_for_byte(pc_api, plans, extra):
    from pc_standin import StandIn

    api = pc_api
    fresh = StandIn()
    api.products, api.plans, api.tech, api.submissions = fresh.products, fresh.plans, fresh.tech, fresh.submissions
    product = api.add_product("contoso-vm")
    for i, versions in enumerate(plans):
        entries = []
        for major, minor, state, scheduled, kind in versions:
            v = version(f"{major}.{minor}.0", f"p{i}", state, SCHEDULE if scheduled and state == "deprecated" else None, kind)
            v.update(extra)  # unknown fields travel too
            entries.append(v)
        api.add_plan(product, f"plan-{i}", {**LINUX, "vmImageVersions": entries,
                                           "skus": [{"imageType": "x64Gen2", "skuId": f"plan-{i}"}]})
    project = Project(offer=Offer(offer_id="contoso-vm"), skus=[])
    c = client(api)
    pulled = operations.pc_pull(project, c, "contoso-vm")
    plan, lives = operations.pc_plan_push(pulled.project, c, sas_uris=operations.read_sas_uris(Project()))
    sent = {r["plan"]: r["vmImageVersions"] for r in plan.body["resources"]}
    for live in api.tech.values():
        assert [canonical(v) for v in sent[live["plan"]]] == [canonical(v) for v in live["vmImageVersions"]]
        assert [json.dumps(v) for v in sent[live["plan"]]] == [json.dumps(v) for v in live["vmImageVersions"]]


# -- project import-pc: the files the API reads and writes -------------------------------------------------
def test_import_pc_takes_the_named_plan_from_a_resource_tree_never_the_first(pc_api, tmp_path, cli):
    """Found in the issue: with a tree of two plans and --sku windows-2022, the Linux plan's configuration
    was merged into the Windows SKU (the first configuration found)."""
    product = seed(pc_api)
    path = project_file(tmp_path)
    tree = tmp_path / "tree.json"
    tree.write_text(json.dumps(pc_api.tree(product)))
    assert pc_api.tree(product)["resources"][3]["operatingSystem"]["family"] == "linux"  # the first configuration
    result = cli("project", "import-pc", str(path), str(tree), "--sku", "windows-2022")
    assert result.returncode == 0, result.stderr
    project = load_project(path).project
    win = next(s for s in project.skus if s.sku_id == "windows-2022")
    assert win.os_family == "windows" and [v.version for v in win.image_versions] == ["1.0.0"]
    assert win.extra["pc_os_type"] == "windowsServer2022"
    several = cli("project", "import-pc", str(path), str(tree))
    assert several.returncode == 2 and "give --sku" in several.stderr
    absent = cli("project", "import-pc", str(path), str(tree), "--sku", "ubuntu-lts")
    assert absent.returncode == 2 and "no technical configuration of plan 'ubuntu-lts'" in absent.stderr


def test_import_pc_takes_a_single_configuration_by_durable_id_and_a_configure_request(pc_api, tmp_path, cli):
    product = seed(pc_api)
    path = project_file(tmp_path)
    single = tmp_path / "one.json"
    single.write_text(json.dumps(pc_api.tech[(product, pc_api.plan_guid(product, "rhel-9"))]))
    assert cli("project", "import-pc", str(path), str(single)).returncode == 2  # durable IDs only: --sku says which
    result = cli("project", "import-pc", str(path), str(single), "--sku", "rhel-9")
    assert result.returncode == 0, result.stderr
    rhel = next(s for s in load_project(path).project.skus if s.sku_id == "rhel-9")
    assert rhel.extra["pc_os_type"] == "redHat" and rhel.image_versions[0].extra["deprecationSchedule"] == SCHEDULE
    # the export gives back what the project does not model: the type, the schedule, the base plan
    out = tmp_path / "configure.json"
    cli("export", str(path), "--format", "partner-center-configure", "--sku", "rhel-9", "-o", str(out))
    body = json.loads(out.read_text())
    assert body["$schema"].endswith("/configure/2022-03-01-preview2")
    (resource,) = body["resources"]
    assert resource["operatingSystem"]["type"] == "redHat" and resource["basePlan"] == LINUX["basePlan"]
    assert [v["versionNumber"] for v in resource["vmImageVersions"]] == ["9.0.0", "9.1.0"]
    assert resource["vmImageVersions"][0]["deprecationSchedule"] == SCHEDULE
    assert resource["vmImageVersions"][0]["vmImages"] == LINUX["vmImageVersions"][0]["vmImages"]  # SAS from the keyring
    # and that configure request imports again (external IDs)
    again = cli("project", "import-pc", str(path), str(out), "--sku", "rhel-9")
    assert again.returncode == 0, again.stderr


def test_an_old_project_file_opens_and_the_job_id_round_trips(tmp_path):
    path = project_file(tmp_path)
    data = json.loads(path.read_text())
    data.pop("partner_center")
    path.write_text(json.dumps(data))
    loaded = load_project(path)
    assert not [p for p in loaded.problems if p.severity == "error"]
    assert loaded.project.partner_center.last_job_id == ""
    loaded.project.partner_center.last_job_id = "c32dd7e8-8619-462d-a96b-0ac1974bace5"
    save_project(loaded.project, path)
    assert load_project(path).project.partner_center.last_job_id == "c32dd7e8-8619-462d-a96b-0ac1974bace5"


@pytest.fixture
def entra(pc_api, tmp_path, monkeypatch):
    """The Entra ID stand-in for msal, trusted through REQUESTS_CA_BUNDLE (msal's requests reads it)."""
    from pc_standin import EntraStandIn

    server = EntraStandIn(TENANT, "11111111-2222-3333-4444-555555555555", "the-client-secret", pc_api.token, tmp_path).start()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.cert_file))
    monkeypatch.setenv("MPWIZARD_ENTRA_AUTHORITY", server.authority)
    yield server
    server.stop()


def test_sign_in_with_msal_client_credentials(pc_api, entra, tmp_path):
    """--tenant --client-id --client-secret-env: msal's client credentials flow against the Entra stand-in."""
    seed(pc_api)
    path = project_file(tmp_path)
    import subprocess

    def run(secret: str):
        env = {**os.environ, "PC_SECRET": secret}
        return subprocess.run([sys.executable, "-m", "wizard", "pc", "status", str(path), "--api", pc_api.url,
                               "--tenant", TENANT, "--client-id", entra.client_id, "--client-secret-env", "PC_SECRET"],
                              capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)

    ok = run("the-client-secret")
    assert ok.returncode == 0, ok.stderr
    assert "submission/" in ok.stdout and entra.requests[-1]["scope"] == "https://graph.microsoft.com/.default"
    refused = run("a-wrong-secret")
    assert refused.returncode == 2 and "sign-in refused (invalid_client)" in refused.stderr
    assert "a-wrong-secret" not in refused.stderr + refused.stdout


def test_the_configure_export_refuses_to_drop_a_published_version_it_cannot_read(pc_api, tmp_path, cli):
    """Without the keyring's SAS tokens a published version cannot be written back: the body would take it
    down when sent, so nothing is written (exit 1) instead of a body without it."""
    product = seed(pc_api)
    path = project_file(tmp_path)
    single = tmp_path / "one.json"
    single.write_text(json.dumps(pc_api.tech[(product, pc_api.plan_guid(product, "rhel-9"))]))
    assert cli("project", "import-pc", str(path), str(single), "--sku", "rhel-9").returncode == 0
    from wizard.core.credentials import credentials
    from wizard.core.secrets import published_sas_ref

    project = load_project(path).project
    for v in next(s for s in project.skus if s.sku_id == "rhel-9").image_versions:
        for url in [im.os_blob_url for im in v.images()]:
            credentials().forget(published_sas_ref(project.project_id, url))
    out = tmp_path / "configure.json"
    result = cli("export", str(path), "--format", "partner-center-configure", "--sku", "rhel-9", "-o", str(out))
    assert result.returncode == 1 and "published version 9.0.0" in result.stderr and "would be dropped" in result.stderr
    assert not out.exists()
