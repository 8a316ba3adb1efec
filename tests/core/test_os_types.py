"""Operating-system types of the schema version the export sends, today's SQL Server bases, and the end-of-life
warning (issue #33): both ways, from the data files with their sources."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.export.formats import PC_SCHEMA
from wizard.core.model import OS_LINUX, OS_WINDOWS, Sku
from wizard.core.os_types import end_of_life, operating_system_type, release_of, schema_values
from wizard.core.profiles import load_profile
from wizard.core.resources import resource_path
from wizard.core.validation import SCHEMA_VERSION, validate_offer

PC = load_profile("partner-center")


def sku(name: str, family: str = OS_LINUX, base: str = "") -> Sku:
    return Sku(os_family=family, os_friendly_name=name, base_image=base)


@pytest.mark.parametrize(("family", "name", "base", "value", "unnamed"), [
    (OS_LINUX, "Azure Linux 3.0", "", "cblMariner", ""),  # preview3 has no azureLinux: its former name
    (OS_LINUX, "CBL-Mariner 2.0", "", "cblMariner", ""),
    (OS_LINUX, "Ubuntu Server 24.04 LTS", "", "ubuntu", ""),
    (OS_LINUX, "AlmaLinux 9", "", "other", ""),
    (OS_WINDOWS, "Contoso app", "Windows Server 2025 Datacenter", "other", "Windows Server 2025"),
    (OS_WINDOWS, "Contoso app", "Windows Server 2025 Datacenter: Azure Edition", "other", "Windows Server 2025"),
    (OS_WINDOWS, "Contoso app", "SQL Server 2019 on Windows Server 2022", "windowsServer2022", ""),
    (OS_WINDOWS, "Contoso app", "SQL Server 2022 on Windows Server 2025", "other", "Windows Server 2025"),
    (OS_WINDOWS, "Windows Server Datacenter 2012 R2", "", "windowsServer2012R2", ""),
])
def test_the_type_is_one_the_schema_version_has_or_other_with_the_release_named(family, name, base, value, unnamed):
    found = operating_system_type(sku(name, family, base))
    assert (found.value, found.unnamed) == (value, unnamed)
    assert found.value in schema_values("windows" if family == OS_WINDOWS else "linux")


def test_the_schema_version_the_messages_name_is_the_one_the_export_sends():
    assert PC_SCHEMA.endswith("/" + SCHEMA_VERSION)
    schema = json.loads(resource_path("schemas", "partner-center-technical-configuration.schema.json").read_text())
    assert "cblMariner" in json.dumps(schema) and "windowsServer2025" not in json.dumps(schema)


def test_windows_server_2025_gets_a_note_under_partner_center_and_its_bases_are_approved():
    from test_validation import demo

    project = demo("partner-center")
    s = project.skus[0]
    s.os_family, s.os_friendly_name, s.base_image = OS_WINDOWS, "Contoso on Windows", "SQL Server 2025 on Windows Server 2025"
    found = [(p.path, p.severity, p.message) for p in validate_offer(project) if p.path.startswith("skus[0].base_image")]
    assert found == [("skus[0].base_image", "warning", "Partner Center's schema 2022-03-01-preview3 has no operating-system "
                                                       "type for Windows Server 2025: the export sends 'other' (Partner "
                                                       "Center accepts it).")]
    for base in ("SQL Server 2017 on Windows Server 2019", "SQL Server 2022 on Windows Server 2022"):
        s.base_image = base
        assert not [p for p in validate_offer(project) if p.path.startswith("skus[0].base_image")]


@pytest.mark.parametrize("base", ["SQL Server 2017 on Windows Server 2019", "SQL Server 2019 on Windows Server 2019",
                                  "SQL Server 2019 on Windows Server 2022", "SQL Server 2022 on Windows Server 2022",
                                  "SQL Server 2025 on Windows Server 2025"])
def test_the_sql_server_bases_microsoft_lists_are_approved(base):
    """The Marketplace SQL Server images Microsoft's SQL-on-Azure-VM pages list (profile source)."""
    from test_validation import demo

    project = demo("partner-center")
    s = project.skus[0]
    s.os_family, s.os_friendly_name, s.base_image = OS_WINDOWS, "Contoso on Windows", base
    assert base in PC.windows_base_images
    assert not [p for p in validate_offer(project) if p.path == "skus[0].base_image" and p.severity == "error"]


@pytest.mark.parametrize("base", ["SQL Server 2022 on Windows Server 2025", "SQL Server 2025 on Windows Server 2022",
                                  "SQL Server 2016 on Windows Server 2019"])
def test_sql_server_pairs_no_microsoft_page_lists_are_not_approved(base):
    """No Microsoft page lists these images: the profile does not offer them, and a project naming one is told so."""
    from test_validation import demo

    project = demo("partner-center")
    s = project.skus[0]
    s.os_family, s.os_friendly_name, s.base_image = OS_WINDOWS, "Contoso on Windows", base
    assert base not in PC.windows_base_images
    found = [(p.path, p.severity, p.message) for p in validate_offer(project) if p.path == "skus[0].base_image"]
    assert ("skus[0].base_image", "error", f"'{base}' is not an approved Windows base image for this profile.") in found


def test_a_release_past_its_end_of_support_warns_with_its_date_and_a_current_one_does_not():
    from test_validation import demo

    project = demo("partner-center")
    project.skus[0].os_friendly_name = "Ubuntu Server 14.04 LTS"
    found = [(p.path, p.severity, p.message) for p in validate_offer(project) if p.path == "skus[0].os_friendly_name"]
    assert found == [("skus[0].os_friendly_name", "warning", "Ubuntu 14.04 LTS reached its end of standard support on "
                                                             "2019-04-30: Partner Center certifies images of supported, "
                                                             "patched releases. Build on a current one.")]
    project.skus[0].os_friendly_name = "Ubuntu Server 24.04 LTS"
    assert not [p for p in validate_offer(project) if p.path == "skus[0].os_friendly_name"]
    project.profile_id = "publishing-guide-2015"  # the guide's rules as they were: no lifecycle warning
    project.skus[0].os_friendly_name = "Ubuntu Server 14.04 LTS"
    assert not [p for p in validate_offer(project) if p.path == "skus[0].os_friendly_name"]


@pytest.mark.parametrize(("name", "family", "base", "release"), [
    ("CentOS 7.9", OS_LINUX, "", "CentOS Linux 7"), ("Red Hat Enterprise Linux 8.10", OS_LINUX, "", None),
    ("RHEL 7.9", OS_LINUX, "", "Red Hat Enterprise Linux 7"), ("Debian 12", OS_LINUX, "", None),
    ("Debian 10 (buster)", OS_LINUX, "", "Debian 10"), ("SLES 12 SP5", OS_LINUX, "", "SUSE Linux Enterprise Server 12"),
    ("x", OS_WINDOWS, "SQL Server 2016 on Windows Server 2019", "Windows Server 2019"),  # the Windows part decides
    ("Windows Server Datacenter 2012 R2", OS_WINDOWS, "", "Windows Server 2012 / 2012 R2"),
    ("Ubuntu Server 17.04", OS_LINUX, "", None),
])
def test_the_release_is_read_from_the_words_after_the_distribution(name, family, base, release):
    entry = release_of(sku(name, family, base))
    assert (entry["name"] if entry else None) == release


def test_the_end_of_life_file_has_a_source_for_every_date_and_the_day_decides():
    data = json.loads(resource_path("os-end-of-life.json").read_text(encoding="utf-8"))
    assert all(r["source"] and date.fromisoformat(r["end"]) for r in data["releases"])
    # Canonical's table gives months only (22.04: May 2027, 24.04: Apr 2029); the file takes the month's last day.
    jammy = sku("Ubuntu Server 22.04 LTS")
    assert end_of_life(jammy, date(2027, 5, 30)) is None
    assert end_of_life(jammy, date(2027, 5, 31)).end == "2027-05-31"
    noble = sku("Ubuntu Server 24.04 LTS")
    assert end_of_life(noble, date(2029, 4, 29)) is None
    assert end_of_life(noble, date(2029, 4, 30)).end == "2029-04-30"
    bullseye = sku("Debian 11 (bullseye)")  # Debian LTS ended 2026-08-31: past on the day this was checked
    assert end_of_life(bullseye, date(2026, 8, 30)) is None
    assert end_of_life(bullseye, date(2026, 12, 7)).end == "2026-08-31"
    assert end_of_life(sku(""), date(2030, 1, 1)) is None

names = st.text(alphabet=st.sampled_from(list("windows server ubuntu centos debian 0123456789.:-R2azurelinux\n\t ")),
                max_size=300) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(names, names, st.sampled_from([OS_LINUX, OS_WINDOWS, "other"]))
def test_any_name_from_a_project_file_gives_a_schema_value_and_never_a_traceback(name, base, family):
    import time

    s = Sku(os_family=family, os_friendly_name=name, base_image=base)
    started = time.perf_counter()
    found = operating_system_type(s)
    end_of_life(s, date(2030, 1, 1))
    assert time.perf_counter() - started < 0.05  # linear: no backtracking over a long name
    assert found.value in schema_values("windows" if family == OS_WINDOWS else "linux")
