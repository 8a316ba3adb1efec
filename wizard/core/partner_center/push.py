"""`pc push`: one configure request with every plan's technical configuration.

Each plan's current configuration is read right before sending
(`GET /plan?product=product/<guid>&externalId=<plan id>`, then
`GET /virtual-machine-plan-technical-configuration/<product guid>/<plan guid>`; Microsoft's
"Product Ingestion API for virtual machines",
https://learn.microsoft.com/partner-center/marketplace-offers/product-ingestion-api-vm). The resources
are declarative: `vmImageVersions` is the whole list the plan publishes, so the request carries every
version Partner Center has exactly as Partner Center answered it, plus the project's new version once
all of its images have a source (REFERENCE §9 "Versions"). A request that would drop or alter a
published version is refused before anything is sent.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..model import Project
from ..records import record
from .client import PCClient, PCNotFound, PCResponseError
from .jobs import configure_body
from .pull import TECH, plan_path, resource_kind

# What a plan's configuration says that the project sets; shown as changes.
COMPARED = ("operatingSystem", "recommendedVmSizes", "openPorts", "vmProperties", "skus")
KNOWN = ("$schema", "id", "product", "plan", "vmImageVersions", "basePlan")


class PushRefused(Exception):
    """The request would lose or change what Partner Center publishes (exit 1; nothing is sent)."""


@record
class LivePlan:
    plan_id: str  # externalId
    durable_id: str
    resource: dict[str, Any]


def read_live(client: PCClient, product_id: str, plan_id: str) -> LivePlan:
    """One plan's current technical configuration, found by its externalId."""
    # Only a plan that names itself `plan_id` (an item without its identity may be any plan), and only one.
    found = {p["id"] for p in client.get_all("plan", {"product": product_id, "externalId": plan_id})
             if isinstance(p.get("id"), str) and isinstance(p.get("identity"), dict)
             and p["identity"].get("externalId") == plan_id}
    if len(found) > 1:
        raise PCResponseError(f"Partner Center answers {len(found)} plans named {plan_id!r}: which one to change cannot "
                              "be told; nothing was sent")
    durable = next(iter(found), None)
    if durable is None:
        raise PCNotFound(f"the offer has no plan {plan_id!r} in Partner Center: create the plan there first "
                         "(Partner Center > the offer > Plan overview > Create new plan)")
    resource = client.get(f"{TECH}/{plan_path(product_id, durable)}")
    if not isinstance(resource, dict) or resource_kind(resource) != TECH:
        raise PCResponseError(f"plan {plan_id}: the answer is not a {TECH}")
    if not isinstance(resource.get("vmImageVersions"), list):
        # Without the list, what the plan publishes is unknown: a request built on it could drop every version.
        raise PCResponseError(f"plan {plan_id}: Partner Center's answer has no vmImageVersions list, so the published "
                              "versions cannot be kept; nothing was sent")
    return LivePlan(plan_id, durable, resource)


def reread_live(client: PCClient, live: LivePlan) -> LivePlan:
    """`live` as Partner Center has it now (GET by its durable ID), for the last check before sending."""
    product = live.resource.get("product")
    resource = client.get(f"{TECH}/{plan_path(product if isinstance(product, str) else '', live.durable_id)}")
    if not isinstance(resource, dict) or resource_kind(resource) != TECH \
            or not isinstance(resource.get("vmImageVersions"), list):
        raise PCResponseError(f"plan {live.plan_id}: the answer is not a {TECH} with a vmImageVersions list; "
                              "nothing was sent")
    return LivePlan(live.plan_id, live.durable_id, resource)


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@record
class PlanChange:
    plan_id: str
    changed: list[str] = field(default_factory=list)  # "recommendedVmSizes: [a] -> [b]"
    kept: list[str] = field(default_factory=list)  # published versions, unchanged
    new_version: str = ""
    left_out: list[str] = field(default_factory=list)
    unmodelled: list[str] = field(default_factory=list)  # fields of Partner Center's resource sent back as they are


@record
class PushPlan:
    body: dict[str, Any]
    changes: list[PlanChange]

    @property
    def left_out(self) -> list[str]:
        return [f"{c.plan_id}: {x}" for c in self.changes for x in c.left_out]


def _short(value: Any) -> str:
    text = canonical(value)
    return text if len(text) <= 160 else text[:157] + "..."


def build_resource(project: Project, live: LivePlan, sas_uris: Mapping[int, str | None]) -> tuple[dict[str, Any], PlanChange]:
    """The plan's configuration to send: the project's settings, Partner Center's versions unchanged,
    the project's new version appended when it is complete."""
    from ..export.forms import image_source, partner_center_json

    sku = next(s for s in project.skus if s.sku_id == live.plan_id)
    mine = partner_center_json(project, sku, sas_uris, None, {})
    mine.pop("$comment", None)
    change = PlanChange(live.plan_id)
    current = live.resource
    published = copy.deepcopy(current.get("vmImageVersions") or [])
    # (an odd entry -- a number that is not a string, not an object -- goes back as it is, never hashed)
    numbers = {v["versionNumber"] for v in published if isinstance(v, dict) and isinstance(v.get("versionNumber"), str)}
    # Partner Center's resource as answered, with the project's settings over it: a field the project does
    # not model (`basePlan`, one a later schema adds) goes back as Partner Center has it.
    resource: dict[str, Any] = copy.deepcopy(current)
    resource["$schema"] = current.get("$schema") or mine["$schema"]
    resource["product"] = current.get("product") or mine["product"]
    resource["plan"] = live.durable_id or current.get("plan") or mine["plan"]
    for key in COMPARED:
        resource[key] = mine[key]
    os_type = (current.get("operatingSystem") or {}).get("type") if isinstance(current.get("operatingSystem"), dict) else None
    if os_type and not sku.extra.get("pc_os_type"):
        resource["operatingSystem"] = {**mine["operatingSystem"], "type": os_type}  # never guessed over Partner Center's
    change.unmodelled = sorted(k for k in current if k not in (*COMPARED, *KNOWN))
    versions = published
    from ..validation import VERSION_RE, parse_version

    parsed = [parse_version(n) for n in numbers if isinstance(n, str)]
    newest = max((x for x in parsed if x is not None), default=None)
    mine_number = parse_version(sku.version) if VERSION_RE.fullmatch(sku.version) else None
    if sku.version in numbers or (mine_number is not None and mine_number in parsed):
        change.left_out.append(f"version {sku.version} is already published: raise the version on the VHD step "
                               "to publish a new one")
    elif mine_number is None:
        # " 1.0.0" or "01.0.0" is not Partner Center's X.Y.Z: it could be read as a published version's number.
        change.left_out.append(f"version {sku.version!r} is not a version number X.Y.Z (no leading zeros): "
                               "correct it on the VHD step")
    elif newest is not None and mine_number < newest:
        change.left_out.append(f"version {sku.version} is lower than the published {'.'.join(map(str, newest))}: "
                               "Partner Center takes only a new, higher version")
    else:
        sources = [(im.image_type, image_source(sku, im, sas_uris)) for im in sku.images]
        missing = [kind for kind, src in sources if src is None]
        if missing:
            change.left_out.append(f"version {sku.version} is left out: image {', '.join(missing)} has no source yet "
                                   "(its SAS URIs in the SAS URIs step, or a gallery image version)")
        else:
            versions = [*published, {"versionNumber": sku.version, "lifecycleState": "generallyAvailable",
                                     "vmImages": [{"imageType": k, "source": s} for k, s in sources]}]
            change.new_version = sku.version
    resource["vmImageVersions"] = versions
    for v in published:
        if isinstance(v, dict):
            change.kept.append(f"{v.get('versionNumber')} ({v.get('lifecycleState', 'generallyAvailable')})")
    for key in COMPARED:
        if canonical(current.get(key)) != canonical(resource[key]):
            change.changed.append(f"{key}: {_short(current.get(key))} -> {_short(resource[key])}")
    return resource, change


def check_keeps(live: LivePlan, resource: dict[str, Any]) -> list[str]:
    """Why `resource` would drop or alter a version Partner Center publishes (empty: it keeps them all)."""
    from collections import Counter

    versions = resource.get("vmImageVersions")
    sent_list = versions if isinstance(versions, list) else []
    # Each published entry must be sent once for each time Partner Center lists it (two entries of one number
    # are two entries: keeping one of them is dropping the other).
    left = Counter(canonical(v) for v in sent_list)
    numbers = {canonical(v.get("versionNumber")) for v in sent_list if isinstance(v, dict)}
    reasons = []
    for v in live.resource.get("vmImageVersions") or []:
        number = v.get("versionNumber") if isinstance(v, dict) else None
        if left[canonical(v)] > 0:
            left[canonical(v)] -= 1
        elif canonical(number) in numbers:
            reasons.append(f"plan {live.plan_id}: published version {number} would be changed")
        else:
            reasons.append(f"plan {live.plan_id}: published version {number} would be dropped")
    return reasons


def check_image_types(live: LivePlan, resource: dict[str, Any]) -> list[str]:
    """Why `resource` would take an image type away from a published version: its `skus` (one per image type)
    no longer list a type that a version Partner Center publishes has an image of."""
    sent = {s.get("imageType") for s in resource.get("skus") or [] if isinstance(s, dict)}
    # Only a type the request takes away: one Partner Center's plan offers now (its `skus`) and the request drops.
    had = live.resource.get("skus")
    offered = {s.get("imageType") for s in had if isinstance(s, dict)} if isinstance(had, list) else None
    reasons = []
    for v in live.resource.get("vmImageVersions") or []:
        if not isinstance(v, dict) or v.get("lifecycleState") == "deleted" or not isinstance(v.get("vmImages"), list):
            continue
        for im in v["vmImages"]:
            kind = im.get("imageType") if isinstance(im, dict) else None
            if isinstance(kind, str) and kind not in sent and (offered is None or kind in offered):
                reasons.append(f"plan {live.plan_id}: published version {v.get('versionNumber')} has a {kind} image, "
                               f"which the project's SKU no longer offers (add the {kind} image type on the Offer step, "
                               "or pull the plan first)")
    return reasons


def build_push(project: Project, lives: list[LivePlan], sas_uris: Mapping[str, Mapping[int, str | None]]) -> PushPlan:
    resources, changes = [], []
    for live in lives:
        resource, change = build_resource(project, live, sas_uris.get(live.plan_id, {}))
        reasons = check_keeps(live, resource) + check_image_types(live, resource)
        if reasons:
            raise PushRefused("; ".join(reasons))
        resources.append(resource)
        changes.append(change)
    return PushPlan(configure_body(resources), changes)


def verify_body(body: dict[str, Any], lives: list[LivePlan]) -> None:
    """The last look before sending: every published version of every plan is in the body, unchanged."""
    techs = [r for r in body.get("resources", []) if resource_kind(r) == TECH]
    reasons = []
    for live in lives:
        mine = [r for r in techs if r.get("plan") == live.durable_id]
        reasons += [f"plan {live.plan_id}: not in the request"] if not mine else \
            [why for r in mine for why in check_keeps(live, r) + check_image_types(live, r)]  # every resource for the plan
    if reasons:
        raise PushRefused("; ".join(reasons))
