"""Review of issue #30: `project import-pc` on odd files (no widgets, no services)."""

from __future__ import annotations

import json

import pytest

from wizard.core.pc_import import ImportUnreadable, read_resource

TECH = "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview2"


def _config(plan: str, number: str, schedule: object = None) -> dict:
    v: dict = {"versionNumber": number, "lifecycleState": "deprecated", "vmImages": [{"imageType": "x64Gen2", "source": {
        "sourceType": "sasUri", "osDisk": {"uri": "https://a.blob.core.windows.net/v/os.vhd?sv=1&sig=x"}, "dataDisks": []}}]}
    if schedule is not None:
        v["deprecationSchedule"] = schedule
    return {"$schema": TECH, "product": {"externalId": "contoso-vm"}, "plan": {"externalId": plan},
            "skus": [{"imageType": "x64Gen2", "skuId": plan}], "vmImageVersions": [v]}


def test_two_configurations_of_one_plan_are_refused_not_the_first_taken():
    text = json.dumps({"resources": [_config("rhel-9", "1.0.0"), _config("rhel-9", "2.0.0")]})
    with pytest.raises(ImportUnreadable, match="2 technical configurations of plan 'rhel-9'"):
        read_resource(text, "rhel-9")
