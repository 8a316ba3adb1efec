"""Requirement profiles: every number the product checks, read from `resources/profiles/`.

A profile is data (JSON) so that the rules of the 2015 publishing guide and of
today's Partner Center live side by side, each value with a note of its source.
Code reads the typed `Profile` below and never spells a requirement number itself.
"""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from typing import Any

from .records import record
from .resources import resource_path

DEFAULT_PROFILE_ID = "publishing-guide-2015"
PROFILE_IDS = ("publishing-guide-2015", "partner-center")


class ProfileError(Exception):
    """A profile file is missing or malformed (a packaging bug, not user input)."""


@record(frozen=True)
class Profile:
    """One requirement profile: every number the checks use, each with its source."""

    id: str
    title: dict[str, str]
    description: dict[str, str]
    source: str
    sources: dict[str, str]
    id_max_length: int
    id_pattern: str
    vm_sizes_min: int
    vm_sizes_max: int
    data_disks_max: int
    version_only_patch_changes: bool
    windows_base_images: tuple[str, ...]
    windows_base_approved_after: str
    vhd_min_virtual_mib: int
    vhd_whole_mib: bool
    linux_os_min_gib: int
    linux_os_max_gib: int
    linux_os_over_max_severity: str
    linux_os_recommended_min_gib: int
    linux_os_recommended_max_gib: int
    windows_os_min_gib: int
    windows_os_max_gib: int
    data_disk_max_gib: int
    linux_os_first_partition_min_sector: int  # 0: not checked
    sas_permissions: str
    sas_start_offset_minutes: int
    sas_min_business_days: int
    sas_expiry_margin_days: int
    sas_min_days: int
    sas_min_days_from: str  # "start" (the SAS start) | "creation" (start + the offset: the day it is made)
    sas_scheme: str
    sas_renew_warning_days: int
    linux_bash_history_max_bytes: int
    linux_agent_min_version: str
    linux_kernel_params_required: tuple[str, ...]
    linux_lis_modules: tuple[str, ...]
    linux_glibc_min_version: str
    linux_client_alive_recommended: int
    linux_client_alive_min: int
    linux_client_alive_max: int
    linux_python_min_version: str
    linux_openssl_min_version: str
    linux_openssl_recommended_version: str
    linux_architectures: tuple[str, ...]
    windows_architectures: tuple[str, ...]
    windows_unsupported_features: tuple[dict[str, str], ...]  # {id, feature (Get-WindowsFeature name), name}
    windows_srv_sys_minimums: dict[str, str]  # OS version (major.minor.build) → minimum srv.sys version
    windows_generalization_state: int
    windows_config_drives: tuple[str, ...]
    windows_update_blocking_severities: tuple[str, ...]
    id_min_length: int  # offer and plan IDs
    friendly_name_max_length: int  # 0: not checked
    version_max_length: int  # 0: not checked
    vm_sizes_allow_retired: bool
    marketplace_url_templates: tuple[str, ...]  # {publisher}, {offer}, {sku}
    linux_agent_auto_update_passes: bool
    linux_openssl_tolerated_lines: tuple[str, ...]
    open_ports_max: int
    linux_sack_fixed_kernels: dict[str, str]  # kernel series "4.19" → first fixed release; {}: no SACK case
    open_port_label_min_length: int
    open_port_label_max_length: int
    image_types: tuple[dict[str, str], ...]  # {id (Partner Center imageType), generation (V1|V2), architecture (x64|Arm64), boot (mbr|gpt)}
    image_types_max: int  # image types (Partner Center SKUs) per plan
    security_types: tuple[str, ...]  # securityType values a Gen2 image may carry
    # The choices the Offer page offers: {types (securityType list), gallery_feature (az --features
    # SecurityType=…), vm_security_type (az vm create --security-type), vm_options (more az vm create words)}
    security_type_choices: tuple[dict[str, object], ...]
    image_sources: tuple[str, ...]  # sasUri | sharedImageGallery
    gallery_provider_namespace: str  # the resource provider a gallery source needs registered; "" without gallery
    linux_kernel_param_arm64_alternatives: dict[str, str]  # required parameter -> what an ARM64 image uses instead
    linux_lisa_rules: bool  # the Linux cases judged as LISA's AzureImageStandard judges them, and its other cases run
    linux_omi_min_version: str  # "": no OMI case
    linux_kernel_configs_required: tuple[str, ...]  # each =y or =m in the kernel's config; (): no case
    linux_grub_forbidden_params: tuple[str, ...]  # never in the boot loader's file; (): no case
    linux_arm64_pmu_param: str  # an Arm64 command line has it; "": no case
    security_type_image_types: tuple[str, ...]  # the image types (Partner Center SKUs) that may carry a securityType
    security_types_need_sizes: tuple[str, ...]  # security types a plan offers only with a recommended size that runs them
    sas_user_delegation_max_days: int  # a user-delegation SAS's key (ske) lives at most this long
    os_end_of_life_warns: bool  # warn when the plan's OS is past its end of support (resources/os-end-of-life.json)
    os_type_note: bool  # say when operatingSystem.type has to be 'other' for a known release
    new_plan_image: dict[str, object]  # how a new plan starts: {image_type, security_types, source}
    export_form: str  # "partner-center" (the technical configuration page) | "portal-2015" (the guide's SKU form)
    certification_report_in_vhd_container: bool  # the 2015 guide stores the test report beside the VHDs

    def image_type(self, image_type: str) -> dict[str, str] | None:
        """The profile's entry for a Partner Center image type, or None when the profile has no such type."""
        return next((t for t in self.image_types if t["id"] == image_type), None)

    def security_choice(self, types: list[str] | tuple[str, ...]) -> dict[str, object] | None:
        """The choice whose securityType list is `types` (in any order), or None."""
        return next((c for c in self.security_type_choices if sorted(c["types"]) == sorted(types)), None)  # type: ignore[call-overload]

    @property
    def partner_center(self) -> bool:
        """True when the publisher configures the plan in Partner Center (its field list and JSON), not in
        the 2015 publishing portal's SKU form: every screen and export follows this one answer."""
        return self.export_form == "partner-center"

    def display_title(self, lang: str = "en") -> str:
        return self.title.get(lang) or self.title["en"]


_META = {"id", "title", "description", "source", "sources"}


def _rule_names() -> list[str]:
    return [f.name for f in fields(Profile) if f.name not in _META]


@cache
def load_profile(profile_id: str) -> Profile:
    """Load a bundled profile by id; raises ProfileError for unknown ids."""
    if profile_id not in PROFILE_IDS:
        raise ProfileError(f"unknown requirement profile {profile_id!r}; known: {', '.join(PROFILE_IDS)}")
    path = resource_path("profiles", f"{profile_id}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = data["rules"]
        values: dict[str, Any] = {}
        sources = {}
        for name in _rule_names():
            entry = rules[name]
            value = entry["value"]
            values[name] = tuple(value) if isinstance(value, list) else value
            sources[name] = entry["source"]
        return Profile(
            id=data["id"],
            title=data["title"],
            description=data["description"],
            source=data["source"],
            sources=sources,
            **values,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ProfileError(f"profile {profile_id!r} at {path} is unreadable: {exc}") from exc


def all_profiles() -> list[Profile]:
    return [load_profile(pid) for pid in PROFILE_IDS]
