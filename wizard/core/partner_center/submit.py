"""`pc submit` and `pc status`: the `submission` resource and the product's submissions.

Publishing is a `submission` resource sent through configure: `{"$schema": ".../submission/<version>",
"product": "product/<guid>", "target": {"targetType": "preview"}}`; going live names the preview
submission's `id` with `"targetType": "live"`. `GET /submission/<product guid>` lists the product's
submissions with `target`, `status` and `result` ("Product Ingestion API for the commercial
marketplace", Submission; https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api).
"""

from __future__ import annotations

from typing import Any

from ..records import record
from .client import PCClient, PCResponseError, schema_url
from .pull import product_guid

SUBMIT_TARGETS = ("preview", "live")


class SubmitRefused(Exception):
    """Not sent (exit 1): the checklist has missing items, or there is no preview to take live."""


@record(frozen=True)
class Submission:
    id: str
    target: str
    status: str
    result: str
    created: str


def _text(value: Any, limit: int = 200) -> str:
    return " ".join(str(value).split())[:limit] if value is not None else ""


def submissions(client: PCClient, product_id: str) -> list[Submission]:
    out = []
    for item in client.get_all(f"submission/{product_guid(product_id)}"):
        target = item.get("target", {}).get("targetType") if isinstance(item.get("target"), dict) else None
        if not isinstance(item.get("id"), str) or not isinstance(target, str):
            raise PCResponseError("a submission without an id or a target")
        out.append(Submission(_text(item["id"]), _text(target, 20), _text(item.get("status"), 40),
                              _text(item.get("result"), 40), _text(item.get("created"), 40)))
    return out


def submission_resource(client: PCClient, product_id: str, target: str) -> dict[str, Any]:
    """The submission resource to send; going live names the preview submission that succeeded."""
    resource: dict[str, Any] = {"$schema": schema_url("submission"), "product": product_id,
                                "target": {"targetType": target}}
    if target == "live":
        preview = [s for s in submissions(client, product_id)
                   if s.target == "preview" and s.status == "completed" and s.result == "succeeded"]
        if not preview:
            raise SubmitRefused("there is no completed preview submission to take live: submit for preview first, "
                                "check the preview, then go live")
        # The newest preview by its `created` time, not by its place in the answer (whose order is not documented).
        resource["id"] = max(enumerate(preview), key=lambda ix: (ix[1].created, ix[0]))[1].id
    return resource
