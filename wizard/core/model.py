"""The project document: everything a publisher enters and every result, no secrets.

Plain dataclasses, serialised by `codec` in field order. Every class keeps an
`extra` dict for keys this version does not know, so nothing is lost on save.
Secrets never live here: a field that refers to one holds a keyring reference.
"""

from __future__ import annotations

import os
from dataclasses import field
from typing import Any

from .profiles import DEFAULT_PROFILE_ID, Profile
from .records import record

FORMAT_VERSION = 3  # 3: image types per plan (PlanImage, Disk.image_type)
FILE_KIND = "mpwizard-project"
FILE_SUFFIX = ".mpwiz"

OS_LINUX = "linux"
OS_WINDOWS = "windows"
ROLE_OS = "os"
ROLE_DATA = "data"
BASE_IMAGE_OTHER = "other"
# Partner Center's image types (REFERENCE.md §9); which ones a profile offers is in the profile.
IMAGE_X64_GEN1 = "x64Gen1"
IMAGE_X64_GEN2 = "x64Gen2"
IMAGE_ARM64_GEN2 = "arm64Gen2"
SOURCE_SAS = "sasUri"  # the image's disks as SAS URIs (the 2015 route)
SOURCE_GALLERY = "sharedImageGallery"  # an Azure Compute Gallery image version


def _required() -> dict[str, bool]:
    return {"required": True}


@record
class VhdFinding:
    """One result of the VHD check: a rule id, how bad, what was found and the fix."""

    id: str = ""
    severity: str = "pass"  # pass | info | warning | fail
    message: str = ""
    fix: str = ""
    # The English template and its values, so the page can show the message translated.
    template: str = ""
    args: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class VhdCheckRecord:
    """The stored result of one VHD check, tied to the file or blob it looked at."""

    target: str = ""
    profile_id: str = ""
    checked_at: str = ""  # ISO 8601 UTC
    file_size: int = 0
    file_mtime_ns: int = 0  # 0 for blobs
    blob_etag: str = ""
    format: str = "unknown"
    disk_type: str | None = None
    virtual_size: int = 0
    allocated_bytes: int | None = None
    verdict: str = "fail"  # pass | warning | fail
    findings: list[VhdFinding] = field(default_factory=list)
    # What the check read of a local file, as a fingerprint (footer and partition area): with size and
    # mtime it is the file's identity, which an upload must match (issue #32). "" for blobs and older files.
    fingerprint: str = ""
    # When a later read of the file (before an upload or a SAS) found other content than this check read,
    # with size and mtime unchanged: the check is out of date (issue #32). "" while it still matches.
    content_changed_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class SasRecord:
    """A SAS URI made for a disk. The token itself is in the keyring (`secret_purpose`)."""

    blob_url: str = ""  # the URL it was made for, without the token
    start: str = ""  # ISO 8601 UTC
    expiry: str = ""
    permissions: str = "rl"
    scheme: str = "https"
    created_at: str = ""
    verified_at: str = ""
    verdict: str = ""  # pass | warning | fail, from the last verification
    secret_purpose: str = ""
    # What the blob's metadata said at the last verification: the file identity an upload of ours
    # sent ("size:mtime_ns:fingerprint", core.identity.identity_token) and the file's name; "" when the
    # blob carried none (issue #32: compared with the checked file's identity).
    blob_identity: str = ""
    blob_file: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class UploadRecord:
    """Which file an upload sent to which blob: the file's identity as the VHD check records it (size,
    modification time, fingerprint) and the MD5 when the upload read the content back. The blob's
    metadata carries the same identity (core.upload.IDENTITY_METADATA)."""

    blob_url: str = ""
    source_path: str = ""
    file_size: int = 0
    file_mtime_ns: int = 0
    fingerprint: str = ""
    content_md5: str = ""
    uploaded_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Disk:
    """One image disk of a SKU: the OS disk or a data disk, its local file and/or blob."""

    role: str = ROLE_OS  # "os" | "data"; data LUNs follow their order within the disk's image
    label: str = ""
    image_type: str = IMAGE_X64_GEN1  # the plan's image (PlanImage.image_type) the disk belongs to
    vhd_path: str = ""
    blob_url: str = ""  # without any SAS token
    vhd_check: VhdCheckRecord | None = None
    sas: SasRecord | None = None
    preflight: PreflightRecord | None = None  # the Linux cases judged offline from the file (issue #23)
    upload: UploadRecord | None = None  # which file the wizard last uploaded to `blob_url` (issue #32)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class ReportRecord:
    """The certification report bundle last made for a SKU, and where it was stored."""

    file_name: str = ""  # certification-<sku>-<version>-<date>.zip
    created_at: str = ""
    sku_version: str = ""
    test_run_started: str = ""  # which run it reports (TestRunRecord.started_at)
    saved_path: str = ""  # the local copy, if the user saved one
    blob_url: str = ""  # in the container of the OS disk's VHD, without any SAS
    stored_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class OpenPort:
    """A port range the plan opens (Partner Center's openPorts)."""

    label: str = ""
    protocol: str = "tcp"  # tcp | udp | both
    port_range: str = ""  # "443" or "8000-8080"
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PlanProperties:
    """The plan's technical properties (Partner Center's vmProperties), as the publisher sets them."""

    remote_connection_disabled: bool = False  # SSH/RDP disabled on purpose (the certification FAQ's tick)
    requires_custom_arm_template: bool = False
    network_virtual_appliance: bool = False
    accelerated_networking: bool = False
    nvme: bool = False
    hibernation: bool = False
    cloud_init: bool = False
    backup: bool = False
    extensions: bool = True
    entra_id_login: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PublishedDisk:
    """A data disk of a published image version: its LUN and blob URL (the SAS token: the keyring)."""

    lun: int = 0
    blob_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PublishedImage:
    """One image of a published version: its type and source (SAS blob URLs, or a gallery version)."""

    image_type: str = IMAGE_X64_GEN1
    os_blob_url: str = ""
    data_disks: list[PublishedDisk] = field(default_factory=list)
    gallery_tenant_id: str = ""  # a sharedImageGallery source instead of SAS URIs
    gallery_resource_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def blob_urls(self) -> list[str]:
        return [u for u in [self.os_blob_url, *(d.blob_url for d in self.data_disks)] if u]


@record
class PublishedVersion:
    """An image version the plan already publishes: every configure request lists it unchanged.
    Blob URLs are kept without their SAS tokens (those go to the keyring: core.secrets). The fields
    after `lifecycle_state` are its first image (as format 2 had them); a second image type's
    image is in `more_images`."""

    version: str = ""
    lifecycle_state: str = "generallyAvailable"  # generallyAvailable | deprecated | deleted
    image_type: str = IMAGE_X64_GEN1
    os_blob_url: str = ""
    data_disks: list[PublishedDisk] = field(default_factory=list)
    gallery_tenant_id: str = ""  # a sharedImageGallery source instead of SAS URIs
    gallery_resource_id: str = ""
    more_images: list[PublishedImage] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def images(self) -> list[PublishedImage]:
        """Every image of the version, the first one first."""
        first = PublishedImage(self.image_type, self.os_blob_url, self.data_disks, self.gallery_tenant_id,
                               self.gallery_resource_id)
        return [first, *self.more_images]


@record
class GalleryCheckRecord:
    """What Azure said about a plan image's gallery image version and its image definition (read through
    Azure Resource Manager, or from the JSON of `az sig image-version show` / `az sig image-definition
    show`), and when. `core.gallery` judges it against the plan."""

    resource_id: str = ""  # the image version it describes; another id in the plan makes it stale
    read_at: str = ""  # ISO 8601 UTC
    read_from: str = ""  # arm | az-json
    version_state: str = ""  # the version's provisioningState (Succeeded, …)
    replication_state: str = ""  # replicationStatus.aggregatedState (Completed, …); "" = not read
    regions: list[str] = field(default_factory=list)  # publishingProfile.targetRegions[].name
    definition_id: str = ""
    os_type: str = ""  # the image definition's osType (Linux | Windows)
    os_state: str = ""  # Generalized | Specialized
    hyper_v_generation: str = ""  # V1 | V2
    architecture: str = ""  # x64 | Arm64
    security_type: str = ""  # the definition's SecurityType feature (TrustedLaunch, …); "" = standard
    provider_state: str = ""  # registrationState of the ingestion resource provider; "" = not read
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PlanImage:
    """One image type of the plan -- one SKU in Partner Center's terms, with its own SKU id -- and
    where the new version's image comes from: its disks' SAS URIs, or an Azure Compute Gallery
    image version (tenant id + the version's resource id; the disks are still checked and uploaded,
    the gallery version is made from their blobs)."""

    image_type: str = IMAGE_X64_GEN1
    sku_id: str = ""  # Partner Center's skuId for this image type; "" = the default (`Sku.image_sku_id`)
    security_types: list[str] = field(default_factory=list)  # Gen2 only; [] = standard
    source: str = SOURCE_SAS
    gallery_tenant_id: str = ""
    gallery_resource_id: str = ""
    # The publisher confirms the tenant registered the ingestion resource provider (or the
    # publishing account is Owner of the gallery): Partner Center cannot read the gallery otherwise.
    gallery_access_confirmed: bool = False
    gallery_check: GalleryCheckRecord | None = None  # what Azure said about the gallery image version
    extra: dict[str, Any] = field(default_factory=dict)


# The suffix of a second image type's default SKU id (Partner Center wants one id per image type).
IMAGE_SKU_SUFFIX = {IMAGE_X64_GEN1: "gen1", IMAGE_X64_GEN2: "gen2", IMAGE_ARM64_GEN2: "arm64"}


@record
class Sku:
    """One plan of the offer: one VM image with its OS, sizes, version, disks and results."""

    sku_id: str = ""
    title: str = ""
    summary: str = ""
    os_family: str = OS_LINUX
    os_friendly_name: str = ""
    base_image: str = ""
    base_image_date: str = ""  # YYYY-MM-DD when base_image == "other"
    vm_sizes: list[str] = field(default_factory=list)
    version: str = "1.0.0"
    published_versions: list[str] = field(default_factory=list)
    disks: list[Disk] = field(default_factory=lambda: [Disk(role=ROLE_OS)])
    report: ReportRecord | None = None
    properties: PlanProperties = field(default_factory=PlanProperties)
    open_ports: list[OpenPort] = field(default_factory=list)
    image_versions: list[PublishedVersion] = field(default_factory=list)  # what the plan publishes already
    images: list[PlanImage] = field(default_factory=lambda: [PlanImage()])  # the plan's image types, the first is the main one
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def main_image_type(self) -> str:
        return self.images[0].image_type if self.images else IMAGE_X64_GEN1

    def image(self, image_type: str) -> PlanImage | None:
        return next((im for im in self.images if im.image_type == image_type), None)

    def image_disks(self, image_type: str) -> list[Disk]:
        """The disks of one image, OS disk first as listed."""
        return [d for d in self.disks if d.image_type == image_type]

    def image_sku_id(self, image: PlanImage) -> str:
        """Partner Center's skuId of an image type: the one set, else the plan's ID for the first
        image type and the plan's ID with a suffix for the second (`web`, `web-gen2`)."""
        if image.sku_id:
            return image.sku_id
        if not self.images or image is self.images[0]:
            return self.sku_id
        return f"{self.sku_id}-{IMAGE_SKU_SUFFIX.get(image.image_type, image.image_type.lower())}"

    def needs_sas(self, disk: Disk) -> bool:
        """A disk's SAS URI is needed unless its image comes from a gallery image version."""
        image = self.image(disk.image_type)
        return image is None or image.source != SOURCE_GALLERY

    def from_gallery_only(self, disk: Disk) -> bool:
        """A disk of an image that comes from a gallery image version, with no VHD of its own in the project
        (the gallery-first route: Packer or Azure Image Builder wrote the version): no VHD check, no SAS URI."""
        return not self.needs_sas(disk) and not disk.vhd_path and not disk.blob_url

    @property
    def vhd_disks(self) -> list[Disk]:
        """The disks whose VHD the wizard checks (all but those of gallery-first images)."""
        return [d for d in self.disks if not self.from_gallery_only(d)]

    @property
    def sas_disks(self) -> list[Disk]:
        return [d for d in self.disks if self.needs_sas(d)]

    def os_disk_of(self, image_type: str) -> Disk | None:
        return next((d for d in self.image_disks(image_type) if d.role == ROLE_OS), None)

    def data_disks_of(self, image_type: str) -> list[Disk]:
        return [d for d in self.image_disks(image_type) if d.role == ROLE_DATA]

    @property
    def os_disk(self) -> Disk | None:
        """The main image's OS disk (the one image of a 2015 SKU)."""
        return self.os_disk_of(self.main_image_type) or next((d for d in self.disks if d.role == ROLE_OS), None)

    @property
    def data_disks(self) -> list[Disk]:
        return self.data_disks_of(self.main_image_type)

    def lun_of(self, disk: Disk) -> int | None:
        """Data disks get LUN 0, 1, 2… in the order they are listed, within their image."""
        for lun, candidate in enumerate(self.data_disks_of(disk.image_type)):
            if candidate is disk:
                return lun
        return None


@record
class CheckRecord:
    """One certification check as saved: verdict, what was found, what is required, the fix."""

    id: str = ""
    test_id: str = ""
    name: str = ""
    description: str = ""
    result: str = ""  # Passed | Warning | Failed | Error | Skipped
    actual: str = ""
    required: str = ""
    remediation: str = ""
    evidence: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class TestRunRecord:
    """One certification run: when, against which host, under which profile, and every result."""

    started_at: str = ""
    finished_at: str = ""
    platform: str = OS_LINUX
    host: str = ""
    user: str = ""
    profile_id: str = ""
    os_name: str = ""
    results: list[CheckRecord] = field(default_factory=list)
    # What the probe learned about the system (OSName, OSDistro, KernelVersion, KernelFullVersion, OSVersion).
    system: dict[str, str] = field(default_factory=dict)
    image_under_test: str = ""  # ConnectionSettings.image_under_test when the run started
    # The uploads the VM was made from: per OS disk of the image under test ("<SKU ID>/<image type>/<disk
    # index>"), the uploaded file identity current when the run was recorded (core.identity.upload_token,
    # "" when none). Empty in runs recorded before issue #32: such a run is not tied to an upload.
    uploads: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PreflightRecord:
    """A pre-flight of a local VHD file: the Linux test cases judged from its files, offline, before upload.

    Advisory: the test VM's run is the certification; this one says early what that run would find."""

    target: str = ""
    file_size: int = 0
    file_mtime_ns: int = 0
    profile_id: str = ""
    started_at: str = ""
    finished_at: str = ""
    layout: str = ""  # the partitions and file systems read
    bytes_read: int = 0
    results: list[CheckRecord] = field(default_factory=list)
    system: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Answer:
    """One questionnaire answer: "true"/"false", a choice id, or free text."""

    value: str = ""
    explanation: str = ""  # required when a True/False question is answered "false"
    prefilled: bool = False  # taken from the test run and not yet confirmed by the user
    extra: dict[str, Any] = field(default_factory=dict)


@record
class QuestionnaireAnswers:
    """The questionnaire and the tool's "additional information" screen."""

    answers: dict[str, Answer] = field(default_factory=dict)  # question id → answer
    ssh_access: str = ""  # how the certification team reaches a Linux VM over SSH
    ssh_blocked: bool = False  # SSH is blocked on purpose
    exception_notes: dict[str, str] = field(default_factory=dict)  # check id → explanation for an exception request
    extra: dict[str, Any] = field(default_factory=dict)


@record
class ExportRecord:
    """The last export of the SKU form: what, where, and how much was still missing then."""

    format: str = ""
    path: str = ""
    exported_at: str = ""
    missing: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Offer:
    """The offer every SKU belongs to: publisher namespace, offer id and name."""

    publisher_namespace: str = ""
    offer_id: str = ""
    offer_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class ConnectionSettings:
    """How to reach the certification VM. Passwords are in the keyring, never here."""

    test_name: str = ""
    platform: str = OS_LINUX
    host: str = ""
    port: int = 22
    user: str = ""
    auth: str = "password"  # "password" | "key"
    key_file: str = ""
    windows_transport: str = "winrm"  # "winrm" (HTTPS 5986) | "ssh" (OpenSSH on Windows)
    verify_tls: bool = True  # WinRM certificate validation; off only by an explicit, warned choice
    # Which image the test VM runs, as "<SKU ID>/<image type>" (one test VM per image type); "" = the
    # first SKU's first image type, the one image of a 2015 project.
    image_under_test: str = ""
    # The target (`target_key()`) the last *Test connection* reached, and when; "" until one passes,
    # and again after one fails -- filled-in fields alone do not make the step done.
    verified_target: str = ""
    verified_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def tls_unverified(self) -> bool:
        """WinRM over HTTPS with the certificate check turned off: the VM's identity is not proven."""
        return self.platform == OS_WINDOWS and self.windows_transport == "winrm" and not self.verify_tls

    def target_key(self) -> str:
        """Everything that decides which machine and account a test reaches (and whether its identity
        was checked: a test over unverified TLS is not one over verified TLS)."""
        transport = self.windows_transport if self.platform == OS_WINDOWS else "ssh"
        unverified = "|tls-unverified" if self.tls_unverified else ""  # absent otherwise: older files keep their key
        return f"{self.platform}|{transport}|{self.host}|{self.port}|{self.user}|{self.auth}{unverified}"


@record
class StorageSettings:
    """Where the VHD blobs live. Keys and connection strings are in the keyring."""

    mode: str = "account-key"  # "account-key" | "connection-string" | "container-sas"
    account_name: str = ""
    endpoint_suffix: str = "core.windows.net"
    custom_endpoint: str = ""
    container: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class PartnerCenterRecord:
    """Partner Center, live (issue #30): who signs in (no secret: the keyring holds it, bound to the
    tenant and client), the product's durable ID, and the last job this project sent -- so a
    reopened project goes on following it. Absent from older files (it defaults to empty)."""

    tenant_id: str = ""
    client_id: str = ""
    api: str = ""  # "" = Microsoft's base URL
    product_id: str = ""  # the durable ID, "product/<guid>"
    last_job_id: str = ""
    last_job_kind: str = ""  # "push" | "submit-preview" | "submit-live"
    last_job_sent_at: str = ""  # ISO 8601 UTC
    last_job_status: str = ""  # notStarted | running | completed
    last_job_result: str = ""  # pending | succeeded | failed | cancelled
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Project:
    """Everything the user entered and every result: what a .mpwiz file holds (no secrets)."""

    format: str = FILE_KIND
    format_version: int = FORMAT_VERSION
    project_id: str = field(default_factory=lambda: os.urandom(16).hex())  # not uuid: it imports slowly
    name: str = ""
    profile_id: str = DEFAULT_PROFILE_ID
    offer: Offer = field(default_factory=Offer, metadata=_required())
    skus: list[Sku] = field(default_factory=list, metadata=_required())
    connection: ConnectionSettings = field(default_factory=ConnectionSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    test_runs: list[TestRunRecord] = field(default_factory=list)
    questionnaire: QuestionnaireAnswers = field(default_factory=QuestionnaireAnswers)
    last_export: ExportRecord | None = None
    partner_center: PartnerCenterRecord = field(default_factory=PartnerCenterRecord)
    extra: dict[str, Any] = field(default_factory=dict)

    def latest_run(self) -> TestRunRecord | None:
        return self.test_runs[-1] if self.test_runs else None

    def display_name(self) -> str:
        return self.name or self.offer.offer_name or self.offer.offer_id


def image_key(sku: Sku, image_type: str) -> str:
    """How a test VM's image is named in the project: "<SKU ID>/<image type>"."""
    return f"{sku.sku_id}/{image_type}"


def tested_image(project: Project, key: str) -> tuple[Sku, str] | None:
    """The SKU and image type a key names ("" = the first SKU's first image type), or None."""
    if not key:
        return (project.skus[0], project.skus[0].main_image_type) if project.skus else None
    sku_id, _, image_type = key.rpartition("/")
    sku = next((s for s in project.skus if s.sku_id == sku_id), None)
    return (sku, image_type) if sku is not None and sku.image(image_type) is not None else None


def has_image_choices(project: Project) -> bool:
    """Whether any SKU has more than the one x64 Gen1 image of 2015 (then the pages say which is tested)."""
    return any(len(s.images) > 1 or s.main_image_type != IMAGE_X64_GEN1 for s in project.skus)


def new_sku(profile: Profile) -> Sku:
    """A new plan as the profile starts one: under Partner Center x64 Gen2 with Trusted Launch from an
    Azure Compute Gallery image version (gallery first); under the 2015 guide x64 Gen1 from SAS URIs."""
    start = profile.new_plan_image
    image_type = str(start.get("image_type", IMAGE_X64_GEN1))
    image = PlanImage(image_type, security_types=[str(t) for t in start.get("security_types", [])],  # type: ignore[attr-defined]
                      source=str(start.get("source", SOURCE_SAS)))
    return Sku(images=[image], disks=[Disk(role=ROLE_OS, image_type=image_type)])


def apply_new_plan_defaults(project: Project, profile: Profile) -> bool:
    """Give every untouched plan (as `Sku()` or another profile's `new_sku` made it) the profile's start;
    True when one changed. A plan with anything entered keeps what it has."""
    from .profiles import all_profiles

    untouched = [Sku(), *(new_sku(p) for p in all_profiles())]
    changed = False
    for i, sku in enumerate(project.skus):
        if sku in untouched and sku != new_sku(profile):
            project.skus[i] = new_sku(profile)
            changed = True
    return changed


def new_project() -> Project:
    """A fresh project with one Linux SKU, ready for the first page."""
    return Project(skus=[Sku()])
