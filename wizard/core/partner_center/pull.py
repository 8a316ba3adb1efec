"""`pc pull`: read a product's plans from Partner Center and merge each into the SKU of the same ID.

Microsoft's documented reads ("Product Ingestion API for the commercial marketplace",
https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api):
- `GET /product?externalId=<offer id>` -> `{"value": [{"id": "product/<guid>", "identity": {"externalId": ...}}]}`;
- `GET /resource-tree/product/<guid>?targetType=draft|preview|live` -> `{"resources": [...]}`: the
  product, its `plan` resources (durable `id`, readable `identity.externalId`) and each plan's
  `virtual-machine-plan-technical-configuration`, which names its plan by durable ID.
A configuration is matched to its SKU through its plan resource's `identity.externalId`, never by
its place in the list (REFERENCE §9 "Corrections").
"""

from __future__ import annotations

import copy
import re
from dataclasses import field
from typing import Any

from ..model import Project, Sku
from ..records import record
from .client import PCClient, PCNotFound, PCResponseError

TARGETS = ("draft", "preview", "live")
DURABLE_PRODUCT = re.compile(r"product/([0-9a-fA-F-]{36})")
DURABLE_PLAN = re.compile(r"plan/(?:([0-9a-fA-F-]{36})/)?([0-9a-fA-F-]{36})")
TECH = "virtual-machine-plan-technical-configuration"
# The technical configuration's fields the project holds (pc_import), and the references around them.
MODELLED = ("$schema", "id", "product", "plan", "operatingSystem", "recommendedVmSizes", "openPorts", "vmProperties",
            "skus", "vmImageVersions", "basePlan")


def resource_kind(resource: Any) -> str:
    schema = resource.get("$schema", "") if isinstance(resource, dict) else ""
    parts = str(schema).rstrip("/").split("/")
    return parts[-2].strip() if len(parts) >= 2 else ""


def find_product(client: PCClient, offer_id: str) -> str:
    """The durable ID (`product/<guid>`) of the offer whose externalId is `offer_id`."""
    for item in client.get_all("product", {"externalId": offer_id}):
        ext = (item.get("identity") or {}).get("externalId") if isinstance(item.get("identity"), dict) else None
        # Only the product that names itself `offer_id`: an item without its identity may be any offer.
        if ext == offer_id and isinstance(item.get("id"), str) and DURABLE_PRODUCT.fullmatch(item["id"]):
            return str(item["id"])
    raise PCNotFound(f"no offer {offer_id!r} in this Partner Center account: check the offer ID (Partner Center "
                     "> Marketplace offers, the Offer ID column)")


def product_guid(product_id: str) -> str:
    m = DURABLE_PRODUCT.fullmatch(product_id)
    if not m:
        raise PCResponseError(f"{product_id!r} is not a product's durable ID")
    return m.group(1)


def plan_path(product_id: str, plan_id: str) -> str:
    """`<product guid>/<plan guid>` of a plan's durable ID (`plan/<product guid>/<plan guid>`, or `plan/<guid>`)."""
    m = DURABLE_PLAN.fullmatch(plan_id)
    if not m:
        raise PCResponseError(f"{plan_id!r} is not a plan's durable ID")
    return f"{m.group(1) or product_guid(product_id)}/{m.group(2)}"


@record
class PulledPlan:
    plan_id: str  # the externalId = the SKU ID
    durable_id: str
    resource: dict[str, Any]


@record
class PulledProduct:
    product_id: str
    plans: list[PulledPlan] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # configurations no plan resource names


def read_tree(client: PCClient, product_id: str, target: str = "draft") -> PulledProduct:
    """Every plan's technical configuration in the product's resource tree, each with its plan's externalId."""
    if target not in TARGETS:
        raise ValueError(target)
    tree = client.get(f"resource-tree/{product_id}", {"targetType": target})
    resources = tree.get("resources") if isinstance(tree, dict) else None
    if not isinstance(resources, list):
        raise PCResponseError("the resource tree has no `resources` list")
    names: dict[str, str] = {}
    for r in resources:
        if resource_kind(r) == "plan" and isinstance(r.get("id"), str):
            ext = r.get("identity", {}).get("externalId") if isinstance(r.get("identity"), dict) else None
            if isinstance(ext, str):
                if ext in names.values() or r["id"] in names:
                    # Two plans of one name: which one a configuration belongs to cannot be told.
                    raise PCResponseError(f"the resource tree has two plans named {ext[:60]!r} (or one plan twice); "
                                          "nothing was taken from it")
                names[r["id"]] = ext
    out = PulledProduct(product_id)
    for r in resources:
        if resource_kind(r) != TECH:
            continue
        ref = r.get("plan")
        ext = ref.get("externalId") if isinstance(ref, dict) else names.get(ref) if isinstance(ref, str) else None
        durable = ref if isinstance(ref, str) else next((k for k, v in names.items() if v == ext), "")
        if not isinstance(ext, str):
            out.unmatched.append(str(ref)[:80])
            continue
        out.plans.append(PulledPlan(ext, durable, r))
    return out


@record
class PullResult:
    project: Project  # the merged copy (the caller saves it)
    merged: list[str] = field(default_factory=list)  # SKU IDs merged
    added: list[str] = field(default_factory=list)  # plans the project lacked: new SKUs
    not_taken: list[str] = field(default_factory=list)
    tokens: list[tuple[str, str]] = field(default_factory=list)  # published SAS tokens for the keyring
    unmodelled: list[str] = field(default_factory=list)  # "<plan>: <field>" Partner Center keeps; push sends them back


def merge_pulled(project: Project, pulled: PulledProduct, only: list[str] | None = None) -> PullResult:
    """Merge each pulled plan into the SKU with its ID (a new SKU when the project lacks it), on a copy:
    the caller writes it only when everything has parsed. Raises pc_import.ImportUnreadable."""
    from ..pc_import import take_over

    merged = copy.deepcopy(project)
    result = PullResult(merged)
    wanted = set(only or [])
    for name in sorted(wanted - {p.plan_id for p in pulled.plans}):
        raise PCNotFound(f"the product has no plan {name!r} (it has: {', '.join(p.plan_id for p in pulled.plans) or 'none'})")
    for plan in pulled.plans:
        if wanted and plan.plan_id not in wanted:
            continue
        if not any(s.sku_id == plan.plan_id for s in merged.skus):
            merged.skus.append(Sku(sku_id=plan.plan_id))
            result.added.append(plan.plan_id)
        taken = take_over(merged, plan.resource, plan.plan_id)
        result.merged.append(plan.plan_id)
        result.not_taken += [f"{plan.plan_id}: {item}" for item in taken.not_taken]
        result.unmodelled += [f"{plan.plan_id}: {k}" for k in plan.resource if k not in MODELLED]
        result.tokens += taken.tokens
    result.not_taken += [f"a technical configuration of no known plan ({ref})" for ref in pulled.unmatched]
    merged.partner_center.product_id = pulled.product_id
    return result
