"""What `az sig image-version show`, `az sig image-definition show` and `az provider show` print, and what
Azure Resource Manager answers for the same resources: the documented shapes (Compute REST API
GalleryImageVersion / GalleryImage, Resource Manager Provider), built for tests. az prints the SDK model
flattened; ARM nests the fields under `properties`."""

from __future__ import annotations

from typing import Any


def version_id(subscription: str, group: str, gallery: str, definition: str, version: str) -> str:
    return (f"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}"
            f"/images/{definition}/versions/{version}")


def version_properties(state: str = "Succeeded", replication: str | None = "Completed",
                       regions: tuple[str, ...] = ("East US", "West Europe")) -> dict[str, Any]:
    props: dict[str, Any] = {
        "provisioningState": state,
        "publishingProfile": {"excludeFromLatest": False, "publishedDate": "2026-11-20T10:00:00.0000000+00:00",
                              "replicaCount": 1, "replicationMode": "Full", "storageAccountType": "Standard_LRS",
                              "targetRegions": [{"name": r, "regionalReplicaCount": 1, "storageAccountType": "Standard_LRS"}
                                                for r in regions]},
        "safetyProfile": {"allowDeletionOfReplicatedLocations": False, "reportedForPolicyViolation": False},
        "storageProfile": {"dataDiskImages": [], "osDiskImage": {"hostCaching": "ReadWrite", "sizeInGb": 30},
                           "source": {"id": "/subscriptions/.../virtualMachines/packer-build"}},
    }
    if replication is not None:
        props["replicationStatus"] = {"aggregatedState": replication,
                                      "summary": [{"region": r, "state": replication, "details": "", "progress": 100}
                                                  for r in regions]}
    return props


def az_version(resource_id: str, **kw: Any) -> dict[str, Any]:
    """`az sig image-version show --expand ReplicationStatus -o json`."""
    return {"id": resource_id, "location": "eastus", "name": resource_id.rsplit("/", 1)[-1],
            "resourceGroup": resource_id.split("/")[4], "tags": {}, "type": "Microsoft.Compute/galleries/images/versions",
            **version_properties(**kw)}


def arm_version(resource_id: str, **kw: Any) -> dict[str, Any]:
    """The ARM GET of the same version (api-version 2023-07-03): the fields under `properties`."""
    return {"id": resource_id, "location": "eastus", "name": resource_id.rsplit("/", 1)[-1],
            "type": "Microsoft.Compute/galleries/images/versions", "properties": version_properties(**kw)}


def definition_properties(os_type: str = "Linux", os_state: str = "Generalized", generation: str = "V2",
                          architecture: str = "x64", security: str | None = "TrustedLaunch") -> dict[str, Any]:
    props: dict[str, Any] = {"architecture": architecture, "hyperVGeneration": generation,
                             "identifier": {"offer": "web-appliance", "publisher": "contoso", "sku": "ubuntu-standard"},
                             "osState": os_state, "osType": os_type, "provisioningState": "Succeeded",
                             "recommended": {"memory": {"max": 32, "min": 1}, "vCPUs": {"max": 16, "min": 1}}}
    if security is not None:
        props["features"] = [{"name": "SecurityType", "value": security}, {"name": "DiskControllerTypes", "value": "SCSI, NVMe"}]
    return props


def az_definition(resource_id: str, **kw: Any) -> dict[str, Any]:
    """`az sig image-definition show -o json`."""
    return {"id": resource_id, "location": "eastus", "name": resource_id.rsplit("/", 1)[-1],
            "resourceGroup": resource_id.split("/")[4], "tags": {}, "type": "Microsoft.Compute/galleries/images",
            **definition_properties(**kw)}


def arm_definition(resource_id: str, **kw: Any) -> dict[str, Any]:
    return {"id": resource_id, "location": "eastus", "name": resource_id.rsplit("/", 1)[-1],
            "type": "Microsoft.Compute/galleries/images", "properties": definition_properties(**kw)}


def provider(namespace: str = "Microsoft.PartnerCenterIngestion", state: str = "Registered") -> dict[str, Any]:
    """`az provider show -n Microsoft.PartnerCenterIngestion -o json` (the ARM GET has the same shape)."""
    return {"id": f"/subscriptions/00000000-0000-0000-0000-000000000000/providers/{namespace}", "namespace": namespace,
            "registrationPolicy": "RegistrationRequired", "registrationState": state, "resourceTypes": []}
