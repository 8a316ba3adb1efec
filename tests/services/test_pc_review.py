"""Review of issue #30 (Partner Center, live): defects found by an adversarial read, each with the test
that failed before its fix. Against the Product Ingestion API stand-in (tests/helpers/pc_standin.py)."""

from __future__ import annotations

import copy
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pc_live import TENANT, client, pc, project_file, seed, version

from wizard.core.model import Offer, Project, Sku
from wizard.core.partner_center import PCAuthError, PCNotFound, PCResponseError
from wizard.core.partner_center.auth import msal_token
from wizard.core.partner_center.pull import find_product, read_tree
from wizard.core.partner_center.push import LivePlan, PushRefused, build_push, check_keeps, read_live, verify_body
from wizard.core.projectio import load_project


def test_a_configure_request_is_never_resent_to_another_host_on_a_307(pc_api):
    """A configure body holds SAS URIs: a 307/308 to another host must not carry it there (the token was
    already withheld, the body was not)."""
    seed(pc_api)
    elsewhere = f"http://localhost:{pc_api.port}/elsewhere/configure"
    pc_api.fault("POST", "/rp/product-ingestion/configure", 307, headers={"Location": elsewhere})
    with pytest.raises(PCResponseError, match="another host"):
        client(pc_api).post("configure", {"resources": [{"sas": "https://a/b?sig=secret"}]})
    assert not [u for m, u, _h in pc_api.seen if u.startswith("/elsewhere/")]


def test_push_never_takes_a_plan_that_does_not_name_itself(pc_api):
    """An answer to `GET /plan?externalId=rhel-9` that lists another plan first, without its identity,
    must not make push change that other plan."""
    product = seed(pc_api)
    win = pc_api.plans[(product, pc_api.plan_guid(product, "windows-2022"))]
    odd = {k: v for k, v in win.items() if k != "identity"}
    pc_api.fault("GET", "/rp/product-ingestion/plan", 200, body=json.dumps({"value": [odd]}))
    with pytest.raises(PCNotFound):
        read_live(client(pc_api), f"product/{product}", "rhel-9")


def test_pull_never_takes_a_product_that_does_not_name_itself(pc_api):
    seed(pc_api)
    other = pc_api.add_product("someone-else")
    odd = {k: v for k, v in pc_api.products[other].items() if k != "identity"}
    pc_api.fault("GET", "/rp/product-ingestion/product", 200, body=json.dumps({"value": [odd]}))
    with pytest.raises(PCNotFound):
        find_product(client(pc_api), "contoso-vm")


def test_two_plans_of_one_name_are_refused_not_guessed(pc_api, tmp_path):
    product = seed(pc_api)
    pc_api.add_plan(product, "rhel-9", {"vmImageVersions": [version("1.0.0", "dup")]})
    with pytest.raises(PCResponseError, match="two plans"):
        read_tree(client(pc_api), f"product/{product}")
    with pytest.raises(PCResponseError, match="2 plans"):
        read_live(client(pc_api), f"product/{product}", "rhel-9")
    path = project_file(tmp_path)
    before = path.read_bytes()
    result = pc(pc_api, "pull", str(path), "--product", "contoso-vm")
    assert result.returncode == 2 and "two plans" in result.stderr
    assert path.read_bytes() == before


def test_push_refuses_an_answer_without_vm_image_versions(pc_api, tmp_path):
    """Partner Center's configuration without `vmImageVersions` says nothing about what is published: a
    request built on it would hold only the new version and take the published ones down."""
    product = seed(pc_api)
    guid = pc_api.plan_guid(product, "rhel-9")
    del pc_api.tech[(product, guid)]["vmImageVersions"]
    path = project_file(tmp_path, skus=("rhel-9",))
    out = tmp_path / "body.json"
    result = pc(pc_api, "push", str(path), "--dry-run", str(out))
    assert result.returncode == 2 and "vmImageVersions" in result.stderr
    assert not out.exists() and not pc_api.posts


def test_two_published_entries_of_one_number_are_both_kept():
    """`check_keeps` matched by number: keeping one of two entries of one number passed as keeping both."""
    live = LivePlan("p", "plan/x", {"vmImageVersions": [version("1.0.0", "a"), version("1.0.0", "b")]})
    assert check_keeps(live, {"vmImageVersions": [version("1.0.0", "b")]}) == \
        ["plan p: published version 1.0.0 would be changed"]
    assert check_keeps(live, copy.deepcopy(live.resource)) == []


def test_every_resource_for_a_plan_is_checked_not_the_last_one_only():
    live = LivePlan("p", "plan/x", {"vmImageVersions": [version("1.0.0", "a")]})
    tech = "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview2"
    good = {"$schema": tech, "plan": "plan/x", "vmImageVersions": [version("1.0.0", "a")]}
    bad = {"$schema": tech, "plan": "plan/x", "vmImageVersions": []}
    with pytest.raises(PushRefused, match="dropped"):
        verify_body({"resources": [bad, good]}, [live])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(st.sampled_from(["1.0.0", "1.0.1", "2.0.0"]),
                                  st.sampled_from(["generallyAvailable", "deprecated", "deleted"]),
                                  st.sampled_from(["a", "b"])), max_size=5),
       new=st.sampled_from(["1.0.0", "2.0.0", "3.0.0"]))
def test_any_published_list_comes_back_whole(entries, new):
    """Whatever Partner Center lists (duplicates, deprecated, deleted), the built request keeps it whole, in order."""
    published = [version(n, name, state) for n, state, name in entries]
    live = LivePlan("rhel-9", "plan/x", {"$schema": "s/virtual-machine-plan-technical-configuration/v",
                                          "skus": [{"imageType": "x64Gen2", "skuId": "rhel-9"}],
                                          "vmImageVersions": copy.deepcopy(published)})
    from wizard.core.model import PlanImage

    project = Project(offer=Offer(offer_id="contoso-vm"),
                      skus=[Sku(sku_id="rhel-9", version=new, images=[PlanImage("x64Gen2")])])
    plan = build_push(project, [live], {})
    sent = plan.body["resources"][0]["vmImageVersions"]
    assert sent[:len(published)] == published
    verify_body(plan.body, [live])


def test_a_sign_in_that_hangs_ends_at_its_deadline(pc_api, tmp_path, monkeypatch):
    """msal asks Entra ID with no deadline unless it is given one."""
    from pc_standin import EntraStandIn

    entra = EntraStandIn(TENANT, "11111111-2222-3333-4444-555555555555", "s3cret-value", pc_api.token, tmp_path).start()
    try:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(entra.cert_file))
        entra.delay = 6.0
        token = msal_token(TENANT, entra.client_id, "s3cret-value", host=entra.authority, timeout=1.5)
        start = time.monotonic()
        with pytest.raises(PCAuthError) as caught:
            token()
        assert time.monotonic() - start < 5.0
        assert "s3cret-value" not in str(caught.value)
    finally:
        entra.stop()


def test_a_repeated_plan_goes_once_into_the_request(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    out = tmp_path / "body.json"
    result = pc(pc_api, "push", str(path), "--plan", "rhel-9", "--plan", "rhel-9", "--dry-run", str(out))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(out.read_text())["resources"]) == 1
    assert load_project(path).project.skus[0].sku_id == "rhel-9"


def test_dry_run_into_the_project_file_itself_loses_nothing(pc_api, tmp_path):
    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    before = path.read_bytes()
    result = pc(pc_api, "push", str(path), "--dry-run", str(tmp_path / "." / path.name))
    assert result.returncode == 2 and "project file itself" in result.stderr
    assert path.read_bytes() == before and not pc_api.posts


def test_a_version_published_after_compare_is_never_dropped_by_send(pc_api, tmp_path):
    """The wizard's Send posts the body built at Compare: a version Partner Center published in between
    (another tool, a colleague) is not in it. Send reads the plans again and refuses; nothing is sent."""
    from wizard.core import operations

    product = seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    project = load_project(path).project
    project.skus[0].version = "9.2.0"
    c = client(pc_api)
    plan, lives = operations.pc_plan_push(project, c)
    guid = pc_api.plan_guid(product, "rhel-9")
    pc_api.tech[(product, guid)]["vmImageVersions"].append(version("9.1.5", "colleague"))
    with pytest.raises(PushRefused, match="9.1.5 would be dropped"):
        operations.pc_send(c, plan.body, lives)
    assert not pc_api.posts


def _slow_headers_server():
    """A server that answers a status line, then one byte of a header every 0.2 s for about 20 s."""
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)

    def serve() -> None:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                for _ in range(100):
                    conn.sendall(b"X")
                    time.sleep(0.2)
                conn.sendall(b": y\r\nContent-Length: 2\r\n\r\n{}")
            except OSError:
                pass

    threading.Thread(target=serve, daemon=True).start()
    return sock


def test_headers_that_trickle_in_end_at_the_deadline():
    """A read timeout holds per read: a server that sends its headers a byte at a time never hits it."""
    from wizard.core.partner_center import PCClient, PCNetworkError

    sock = _slow_headers_server()
    try:
        c = PCClient(lambda: "t0ken", f"http://127.0.0.1:{sock.getsockname()[1]}/rp/product-ingestion", deadline=1.5)
        start = time.monotonic()
        with pytest.raises(PCNetworkError, match="within"):
            c.get("product")
        assert time.monotonic() - start < 4.0
    finally:
        sock.close()


def test_a_next_link_back_to_a_page_already_read_ends_the_list(pc_api):
    """MAX_PAGES bounded the loop at 1000 requests of up to a minute each: a link that loops is seen at once."""
    seed(pc_api)
    body = json.dumps({"value": [], "@nextLink": "/rp/product-ingestion/product?externalId=contoso-vm"})
    pc_api.fault("GET", "/rp/product-ingestion/product", 200, times=50, body=body)
    with pytest.raises(PCResponseError, match="already read"):
        list(client(pc_api).get_all("product", {"externalId": "contoso-vm"}))
    assert sum(1 for m, u, _h in pc_api.seen if m == "GET" and u.startswith("/rp/product-ingestion/product")) <= 2


def test_go_live_names_the_newest_preview_not_the_last_listed(pc_api):
    from wizard.core.partner_center.submit import submission_resource

    product = seed(pc_api)
    sub = "https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2"
    pc_api.submissions[product] += [
        {"$schema": sub, "id": f"submission/{product}/1152921515689848683", "product": f"product/{product}",
         "target": {"targetType": "preview"}, "status": "completed", "result": "succeeded",
         "created": "2022-02-04T20:07:22.4220588Z"},
        {"$schema": sub, "id": f"submission/{product}/1152921515689847470", "product": f"product/{product}",
         "target": {"targetType": "preview"}, "status": "completed", "result": "succeeded",
         "created": "2022-01-25T07:13:06.4408032Z"}]
    live = submission_resource(client(pc_api), f"product/{product}", "live")
    assert live["id"] == f"submission/{product}/1152921515689848683"


@pytest.mark.parametrize("status", [307, 308])
def test_no_token_on_a_redirect_to_another_port(pc_api, status):
    """Same host, another port: another origin, so no Authorization header (RFC 6454 origins)."""
    from pc_standin import StandIn

    seed(pc_api)
    other = StandIn().start()
    try:
        pc_api.fault("GET", "/rp/product-ingestion/product", status, times=2,
                     headers={"Location": f"http://127.0.0.1:{other.port}/rp/product-ingestion/product"})
        with pytest.raises(PCAuthError):
            client(pc_api).get("product")
        assert other.seen and not any("Authorization" in h for _m, _u, h in other.seen)
    finally:
        other.stop()


@pytest.mark.parametrize("number,why", [(" 9.1.0", "not a version number"), ("09.1.0", "not a version number"),
                                        ("9.0.5", "lower than the published 9.1.0")])
def test_a_hand_edited_version_never_goes_beside_a_published_one(number, why):
    """A project edited by hand: a number that reads as a published one (or lower) is left out, not appended."""
    from test_pc_live import LINUX

    live = LivePlan("rhel-9", "plan/x", copy.deepcopy({"$schema": "s/virtual-machine-plan-technical-configuration/v",
                                                       **LINUX}))
    gallery = ("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/"
               "galleries/g1/images/rhel/versions/9.1.1")
    from wizard.core.model import PlanImage

    image = PlanImage("x64Gen2", source="sharedImageGallery", gallery_tenant_id=TENANT, gallery_resource_id=gallery)
    project = Project(offer=Offer(offer_id="contoso-vm"), skus=[Sku(sku_id="rhel-9", version=number, images=[image])])
    plan = build_push(project, [live], {})
    assert plan.body["resources"][0]["vmImageVersions"] == LINUX["vmImageVersions"]
    assert not plan.changes[0].new_version and why in plan.left_out[0]
    ok = build_push(Project(offer=Offer(offer_id="contoso-vm"),
                            skus=[Sku(sku_id="rhel-9", version="9.2.0", images=[image])]), [live], {})
    assert ok.changes[0].new_version == "9.2.0"


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                     max_leaves=8)
_ENTRY = st.one_of(_JSON, st.fixed_dictionaries({"versionNumber": _JSON}, optional={"lifecycleState": _JSON,
                                                                                     "vmImages": _JSON}))


@settings(max_examples=150, deadline=None)
@given(entries=st.lists(_ENTRY, max_size=5))
def test_odd_published_entries_are_sent_back_as_they_are_or_refused(entries):
    """Whatever Partner Center's list holds (odd numbers, non-objects), push sends it back unchanged or
    refuses with a message -- never a crash, never a changed list."""
    from wizard.core.partner_center import PCError

    live = LivePlan("rhel-9", "plan/x", {"$schema": "s/virtual-machine-plan-technical-configuration/v",
                                          "vmImageVersions": copy.deepcopy(entries)})
    project = Project(offer=Offer(offer_id="contoso-vm"), skus=[Sku(sku_id="rhel-9", version="1.0.0")])
    try:
        plan = build_push(project, [live], {})
    except (PushRefused, PCError):
        return
    assert plan.body["resources"][0]["vmImageVersions"][:len(entries)] == entries
    verify_body(plan.body, [live])


def test_the_workflows_token_recipe_runs(pc_api, tmp_path):
    """The workflow's comment shows how to pass a token from `az`: run as written (az answering the
    stand-in's token), mpwizard must find it -- a shell variable that is not exported is not there."""
    import os
    import subprocess
    import sys

    from test_pc_live import ROOT

    seed(pc_api)
    path = project_file(tmp_path, skus=("rhel-9",))
    text = (ROOT / "packaging/ci/github-actions-publish.yml").read_text()
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("#   TOKEN=$(az account get-access-token"))
    recipe = "\n".join(line.removeprefix("#   ") for line in lines[at:at + 2])
    script = ('az() { printf "%s\\n" "$STANDIN_TOKEN"; }\n'
              'mpwizard() { "$PY" -m wizard "$@" --api "$API"; }\n' + recipe + "\n")
    env = {k: v for k, v in os.environ.items() if k != "TOKEN"}
    env.update(STANDIN_TOKEN=pc_api.token, PY=sys.executable, API=pc_api.url, PROJECT=str(path),
               MPWIZARD_PC_POLL_SECONDS="0.05")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert pc_api.token not in result.stdout.replace(f"::add-mask::{pc_api.token}", "")


def test_push_refuses_to_take_an_image_type_away_from_a_published_version():
    """The project's SKU offers x64Gen1 only, Partner Center publishes x64Gen2 images: sending the project's
    `skus` would leave the published versions' images without their image type."""
    from test_pc_live import LINUX

    from wizard.core.model import PlanImage

    live = LivePlan("rhel-9", "plan/x", copy.deepcopy({"$schema": "s/virtual-machine-plan-technical-configuration/v",
                                                       **LINUX}))
    project = Project(offer=Offer(offer_id="contoso-vm"),
                      skus=[Sku(sku_id="rhel-9", version="9.2.0", images=[PlanImage("x64Gen1")])])
    with pytest.raises(PushRefused, match="9.1.0 has a x64Gen2 image"):
        build_push(project, [live], {})
    same = Project(offer=Offer(offer_id="contoso-vm"),
                   skus=[Sku(sku_id="rhel-9", version="9.2.0", images=[PlanImage("x64Gen2")])])
    build_push(same, [live], {})
