"""The gallery-first route: what Azure says about a plan image's Azure Compute Gallery image version,
and whether that is what Partner Center needs (REFERENCE.md §9 "Image source").

Three readers turn what the publisher pastes or points to into a `GalleryCheckRecord`:
`read_version_json` (`az sig image-version show --expand ReplicationStatus`, or the ARM GET of
`Microsoft.Compute/galleries/images/versions`), `read_definition_json` (`az sig image-definition show`,
or the ARM GET of `.../galleries/images`) and `read_provider_json` (`az provider show -n
Microsoft.PartnerCenterIngestion`). Both spellings are read: az prints the SDK model flattened
(`provisioningState`, `publishingProfile`, … at the top), ARM nests them under `properties`.
Documented shapes: the Compute REST API's GalleryImageVersion (`provisioningState`,
`publishingProfile.targetRegions[].name`, `replicationStatus.aggregatedState` Unknown | InProgress |
Completed | Failed) and GalleryImage (`osType`, `osState` Generalized | Specialized, `hyperVGeneration`
V1 | V2, `architecture` x64 | Arm64, `features[{name: SecurityType, value}]`), and the Resource
Manager provider's `registrationState` (Registered, …).

`judge` compares a record with the plan image and the profile and returns one `GalleryJudgement` per
thing Partner Center needs: the version exists and its definition is generalized; generation,
architecture, OS and security features match; it is replicated; Partner Center can read it (the
provider registered, or the publisher confirms the account is Owner). The readiness (and the status
evaluator) shows them instead of a VHD check and a SAS URI. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import field
from typing import Any

from .i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from .model import OS_WINDOWS, GalleryCheckRecord, PlanImage, Sku
from .profiles import Profile, load_profile
from .records import record

MAX_JSON_BYTES = 4 * 1024 * 1024  # one resource's JSON is a few KiB

E_NOT_JSON = QT_TRANSLATE_NOOP("Core", "The {what} is not JSON ({detail}): paste the output of `{command}` unchanged.")
E_NOT_OBJECT = QT_TRANSLATE_NOOP("Core", "The {what} is not the output of `{command}`: it must be one JSON object.")
E_WRONG_KIND = QT_TRANSLATE_NOOP("Core", "This JSON describes {found}, not {what}: paste the output of `{command}`.")
E_TOO_BIG = QT_TRANSLATE_NOOP("Core", "The {what} is larger than {max} KiB: that is not the output of `{command}`.")
E_FIELD = QT_TRANSLATE_NOOP("Core", "The {what} has no usable '{field}': paste the whole output of `{command}`.")

VERSION_TYPE = "microsoft.compute/galleries/images/versions"
DEFINITION_TYPE = "microsoft.compute/galleries/images"
VERSION_COMMAND = "az sig image-version show --expand ReplicationStatus -o json"
DEFINITION_COMMAND = "az sig image-definition show -o json"
PROVIDER_COMMAND = "az provider show -n Microsoft.PartnerCenterIngestion -o json"
W_VERSION = QT_TRANSLATE_NOOP("Core", "gallery image version")
W_DEFINITION = QT_TRANSLATE_NOOP("Core", "gallery image definition")
W_PROVIDER = QT_TRANSLATE_NOOP("Core", "resource provider")


class GalleryReadError(TranslatableError, ValueError):
    """What was pasted or read is not the expected resource; `template`/`values` say why (for translation)."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template, **values)
        self.values = {k: str(v) for k, v in values.items()}


def _load(text: str | bytes, what: str, command: str) -> dict[str, Any]:
    if len(text) > MAX_JSON_BYTES:
        raise GalleryReadError(E_TOO_BIG, what=what, max=MAX_JSON_BYTES // 1024, command=command)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise GalleryReadError(E_NOT_JSON, what=what, detail=str(exc)[:120], command=command) from None
    if not isinstance(data, dict):
        raise GalleryReadError(E_NOT_OBJECT, what=what, command=command)
    return data


def _props(data: dict[str, Any]) -> dict[str, Any]:
    """ARM nests the resource's fields under `properties`; az prints them at the top."""
    nested = data.get("properties")
    return {**data, **nested} if isinstance(nested, dict) else data


def _text(data: dict[str, Any], key: str, limit: int = 512) -> str:
    value = data.get(key)
    return value[:limit] if isinstance(value, str) else ""


def _id_and_kind(data: dict[str, Any], kind: str, what: str, command: str) -> str:
    resource_id = _text(data, "id", 1024)
    found = _text(data, "type", 200)
    if found and found.lower() != kind:
        raise GalleryReadError(E_WRONG_KIND, found=found, what=what, command=command)
    if not resource_id:
        raise GalleryReadError(E_FIELD, what=what, field="id", command=command)
    return resource_id


def read_version_json(text: str | bytes, record: GalleryCheckRecord | None = None) -> GalleryCheckRecord:
    """The image version's facts (into `record`, or a new one); GalleryReadError when it is not one."""
    data = _load(text, W_VERSION, VERSION_COMMAND)
    resource_id = _id_and_kind(data, VERSION_TYPE, W_VERSION, VERSION_COMMAND)
    props = _props(data)
    out = record if record is not None else GalleryCheckRecord()
    out.resource_id = resource_id
    out.version_state = _text(props, "provisioningState", 40)
    replication = props.get("replicationStatus")
    out.replication_state = _text(replication, "aggregatedState", 40) if isinstance(replication, dict) else ""
    publishing = props.get("publishingProfile")
    regions = publishing.get("targetRegions") if isinstance(publishing, dict) else None
    out.regions = [r["name"][:80] for r in regions[:100] if isinstance(r, dict) and isinstance(r.get("name"), str)] \
        if isinstance(regions, list) else []
    return out


def read_definition_json(text: str | bytes, record: GalleryCheckRecord | None = None) -> GalleryCheckRecord:
    """The image definition's facts (into `record`, or a new one); GalleryReadError when it is not one."""
    data = _load(text, W_DEFINITION, DEFINITION_COMMAND)
    definition_id = _id_and_kind(data, DEFINITION_TYPE, W_DEFINITION, DEFINITION_COMMAND)
    props = _props(data)
    out = record if record is not None else GalleryCheckRecord()
    out.definition_id = definition_id
    out.os_type = _text(props, "osType", 20)
    out.os_state = _text(props, "osState", 20)
    out.hyper_v_generation = _text(props, "hyperVGeneration", 10) or "V1"  # Azure's default when not set
    out.architecture = _text(props, "architecture", 20) or "x64"  # Azure's default when not set
    features = props.get("features")
    out.security_type = next((f["value"][:80] for f in features if isinstance(f, dict) and f.get("name") == "SecurityType"
                              and isinstance(f.get("value"), str)), "") if isinstance(features, list) else ""
    if not out.os_state:
        raise GalleryReadError(E_FIELD, what=W_DEFINITION, field="osState", command=DEFINITION_COMMAND)
    return out


def read_provider_json(text: str | bytes, namespace: str, record: GalleryCheckRecord | None = None) -> GalleryCheckRecord:
    """The ingestion provider's registration state (`az provider show -n <namespace>`)."""
    command = f"az provider show -n {namespace} -o json"
    data = _load(text, W_PROVIDER, command)
    found = _text(data, "namespace", 200)
    if found.lower() != namespace.lower():
        raise GalleryReadError(E_WRONG_KIND, found=found or "?", what=namespace, command=command)
    out = record if record is not None else GalleryCheckRecord()
    out.provider_state = _text(data, "registrationState", 40)
    if not out.provider_state:
        raise GalleryReadError(E_FIELD, what=W_PROVIDER, field="registrationState", command=command)
    return out


# -- the judgement ------------------------------------------------------------------------------------
J_NOT_READ = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version has not been read from Azure yet: read it on the "
                                       "Offer & SKUs step (Image types…), or paste the output of `{command}`")
J_STALE = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version changed since it was read: read it again")
J_VERSION_OK = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version {version} exists and its definition is generalized")
J_VERSION_STATE = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version is {state}, not Succeeded: wait for it, or "
                                            "create it again")
J_SPECIALIZED = QT_TRANSLATE_NOOP("Core", "{type}: the image definition is {state}: Partner Center needs a Generalized "
                                          "image (deprovision or sysprep the VM, capture it into a definition made with "
                                          "--os-state Generalized)")
J_NO_DEFINITION = QT_TRANSLATE_NOOP("Core", "{type}: the image definition has not been read: paste the output of `{command}`")
J_MATCH_OK = QT_TRANSLATE_NOOP("Core", "{type}: the image definition matches the plan ({generation}, {architecture}, "
                                       "{os}, security {security})")
J_MISMATCH = QT_TRANSLATE_NOOP("Core", "{type}: the image definition does not match the plan: {differences}")
J_REPLICATED = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version is replicated ({regions})")
J_NOT_REPLICATED = QT_TRANSLATE_NOOP("Core", "{type}: the gallery image version's replication is {state}: wait until it is "
                                             "Completed")
J_REPLICATION_UNKNOWN = QT_TRANSLATE_NOOP("Core", "{type}: the replication state was not read: read the version with "
                                                  "`{command}`")
J_ACCESS_OK = QT_TRANSLATE_NOOP("Core", "{type}: Partner Center can read the gallery ({how})")
J_ACCESS = QT_TRANSLATE_NOOP("Core", "{type}: Partner Center cannot read the gallery yet: register the {provider} resource "
                                     "provider in the gallery's subscription (`az provider register --namespace {provider}`), "
                                     "or confirm that the publishing account is Owner of the gallery")
D_GENERATION = QT_TRANSLATE_NOOP("Core", "the definition is Hyper-V generation {found}, the plan's {type} image needs {wanted}")
D_ARCHITECTURE = QT_TRANSLATE_NOOP("Core", "the definition is {found}, the plan's {type} image needs {wanted}")
D_OS = QT_TRANSLATE_NOOP("Core", "the definition's OS type is {found}, the plan is {wanted}")
D_SECURITY = QT_TRANSLATE_NOOP("Core", "the definition's security type is {found}, the plan's security type needs one of {wanted}")
HOW_PROVIDER = QT_TRANSLATE_NOOP("Core", "the {provider} resource provider is registered")
HOW_OWNER = QT_TRANSLATE_NOOP("Core", "the publisher confirmed the account is Owner of the gallery")
STANDARD = "Standard"


@record(frozen=True)
class GalleryJudgement:
    """One thing Partner Center needs of a gallery image, met or not, as a message template and its values."""

    id: str  # gallery-version:<type>, gallery-match:<type>, gallery-replicated:<type>, gallery-access:<type>
    ok: bool
    template: str
    args: dict[str, Any] = field(default_factory=dict)
    # How far from met (the status evaluator's marks): ok | missing (not read yet) | partial (waiting: replication,
    # the provider or Owner not confirmed) | fail (what was read is wrong, or stale)
    state: str = ""

    @property
    def level(self) -> str:
        return self.state or ("ok" if self.ok else "fail")

    @property
    def text(self) -> str:
        return self.template.format(**self.args)


def expected_facts(image: PlanImage, sku: Sku, profile: Profile) -> dict[str, Any]:
    """What the image definition must say for this plan image: generation, architecture, OS type and the
    SecurityType features that can serve its security type."""
    from .export.forms import carries_security_type

    facts = profile.image_type(image.image_type) or load_profile("partner-center").image_type(image.image_type) or {}
    types = image.security_types if carries_security_type(image.image_type) else []
    choice = profile.security_choice(types) or {}
    accepted = [str(f) for f in choice.get("gallery_features_accepted", [""])]  # type: ignore[attr-defined]
    return {"generation": facts.get("generation", "V1"), "architecture": facts.get("architecture", "x64"),
            "os": "Windows" if sku.os_family == OS_WINDOWS else "Linux", "security": accepted}


def judge(image: PlanImage, sku: Sku, profile: Profile) -> list[GalleryJudgement]:
    """What Partner Center needs of a gallery image, from the stored record (None: not read yet)."""
    kind = image.image_type
    record = image.gallery_check
    provider = profile.gallery_provider_namespace or "Microsoft.PartnerCenterIngestion"
    out: list[GalleryJudgement] = []
    base = {"type": kind}
    if record is None or not record.resource_id:
        out.append(GalleryJudgement(f"gallery-version:{kind}", False, J_NOT_READ, base | {"command": VERSION_COMMAND},
                                    "missing"))
    elif record.resource_id.lower() != image.gallery_resource_id.lower():
        out.append(GalleryJudgement(f"gallery-version:{kind}", False, J_STALE, base))
    else:
        version = record.resource_id.rsplit("/", 1)[-1]
        if record.version_state != "Succeeded":
            out.append(GalleryJudgement(f"gallery-version:{kind}", False, J_VERSION_STATE,
                                        base | {"state": record.version_state or "?"}))
        elif not record.os_state:
            out.append(GalleryJudgement(f"gallery-version:{kind}", False, J_NO_DEFINITION,
                                        base | {"command": DEFINITION_COMMAND}, "missing"))
        elif record.os_state != "Generalized":
            out.append(GalleryJudgement(f"gallery-version:{kind}", False, J_SPECIALIZED, base | {"state": record.os_state}))
        else:
            out.append(GalleryJudgement(f"gallery-version:{kind}", True, J_VERSION_OK, base | {"version": version}))
        if record.os_state:
            out.append(_match(image, sku, profile, record))
        if record.replication_state == "Completed":
            out.append(GalleryJudgement(f"gallery-replicated:{kind}", True, J_REPLICATED,
                                        base | {"regions": ", ".join(record.regions) or "—"}))
        elif record.replication_state:
            out.append(GalleryJudgement(f"gallery-replicated:{kind}", False, J_NOT_REPLICATED,
                                        base | {"state": record.replication_state},
                                        "fail" if record.replication_state == "Failed" else "partial"))
        else:
            out.append(GalleryJudgement(f"gallery-replicated:{kind}", False, J_REPLICATION_UNKNOWN,
                                        base | {"command": VERSION_COMMAND}, "partial"))
    registered = record is not None and record.provider_state == "Registered"
    if registered or image.gallery_access_confirmed:
        how = HOW_PROVIDER if registered else HOW_OWNER
        out.append(GalleryJudgement(f"gallery-access:{kind}", True, J_ACCESS_OK,
                                    base | {"how": how.format(provider=provider)}))
    else:
        out.append(GalleryJudgement(f"gallery-access:{kind}", False, J_ACCESS, base | {"provider": provider}, "partial"))
    return out


def _match(image: PlanImage, sku: Sku, profile: Profile, record: GalleryCheckRecord) -> GalleryJudgement:
    kind = image.image_type
    want = expected_facts(image, sku, profile)
    differences = []
    if record.hyper_v_generation != want["generation"]:
        differences.append(D_GENERATION.format(found=record.hyper_v_generation, type=kind, wanted=want["generation"]))
    if record.architecture.lower() != str(want["architecture"]).lower():
        differences.append(D_ARCHITECTURE.format(found=record.architecture, type=kind, wanted=want["architecture"]))
    if record.os_type and record.os_type.lower() != str(want["os"]).lower():
        differences.append(D_OS.format(found=record.os_type, wanted=want["os"]))
    if record.security_type not in want["security"]:
        differences.append(D_SECURITY.format(found=record.security_type or STANDARD,
                                             wanted=", ".join(f or STANDARD for f in want["security"])))
    if differences:
        return GalleryJudgement(f"gallery-match:{kind}", False, J_MISMATCH, {"type": kind, "differences": "; ".join(differences)})
    return GalleryJudgement(f"gallery-match:{kind}", True, J_MATCH_OK,
                            {"type": kind, "generation": record.hyper_v_generation, "architecture": record.architecture,
                             "os": record.os_type or want["os"], "security": record.security_type or STANDARD})
