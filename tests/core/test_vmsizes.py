"""The size catalogue of today: families, generations, architectures, security types and retirement dates
(issue #33), each from the data files with their sources."""

from __future__ import annotations

import json
from datetime import date

from wizard.core.profiles import load_profile
from wizard.core.resources import resource_path
from wizard.core.vmsizes import by_name, catalogue, retirement_of, search

PC = load_profile("partner-center")
GUIDE = load_profile("publishing-guide-2015")


def test_every_size_says_its_family_generations_architecture_and_security_types():
    for size in catalogue():
        assert size.family and size.vcpus >= 1 and size.memory_gib > 0, size
        assert set(size.generations) <= {1, 2} and size.architecture in ("x64", "arm64"), size
        assert set(size.security_types) <= {"trusted", "confidential"}, size
        # Trusted Launch and Confidential are Generation 2 only; none on Arm64 (Partner Center takes none there).
        assert not size.security_types or (2 in size.generations and size.architecture == "x64"), size


def test_the_catalogue_has_current_arm64_confidential_and_v6_sizes():
    sizes = by_name()
    assert sizes["Standard_D2ps_v6"].runs("arm64Gen2") and not sizes["Standard_D2ps_v6"].runs("x64Gen2")
    assert sizes["Standard_D4pds_v6"].architecture == "arm64"
    assert sizes["Standard_DC2as_v5"].supports("confidential") and sizes["Standard_EC4as_v5"].supports("confidential")
    assert not sizes["Standard_D2s_v5"].supports("confidential") and sizes["Standard_D2s_v5"].supports("trusted")
    assert sizes["Standard_D2s_v6"].generations == (2,) and sizes["Standard_D2s_v6"].supports("trusted")
    assert not sizes["Standard_D1_v2"].supports("trusted")  # Generation 1 only


def test_retirement_dates_come_from_the_retirement_file_with_their_source():
    data = json.loads(resource_path("vmsize-retirements.json").read_text(encoding="utf-8"))
    assert all(row["source"] and date.fromisoformat(row["date"]) for row in data["series"])
    sizes = by_name()
    for name, when in [("Standard_D1_v2", "2028-05-01"), ("Standard_DS2_v2", "2028-05-01"), ("Standard_D2", "2028-05-01"),
                       ("Standard_A2_v2", "2028-11-15"), ("Standard_B2s", "2028-11-15"), ("Standard_F4", "2028-11-15"),
                       ("Standard_F4s_v2", "2028-11-15"), ("Standard_G1", "2028-11-15"), ("Standard_GS1", "2028-11-15"),
                       ("Standard_L8s_v2", "2028-11-15")]:
        size = sizes[name]
        assert size.retirement is not None and size.retirement.date == when and "retired-sizes-list" in size.retirement.source
        assert size.retiring_on(date(2026, 12, 7)) == when and not size.retired_on(date(2026, 12, 7))
        # The day it comes, the announced size is retired: refused under Partner Center, kept under 2015.
        assert size.retired_on(date.fromisoformat(when)) == when and not size.offered_under(PC, date.fromisoformat(when))
        assert size.offered_under(GUIDE, date.fromisoformat(when))
    for name in ("Standard_D2s_v5", "Standard_D2s_v6", "Standard_B2s_v2", "Standard_D2ps_v6", "Standard_L8s_v3"):
        assert sizes[name].retirement is None and not sizes[name].retiring_on(date(2026, 12, 7)), name
    assert sizes["Standard_A2"].retired_on(date(2024, 1, 1)) == "2024-08-31"  # status "retired" says so whatever the day
    assert retirement_of("STANDARDDV2FAMILY") == retirement_of("standardDv2Family")  # az spells families in either case


def test_search_offers_retired_sizes_only_under_the_2015_profile():
    assert "Standard_A2" not in {s.name for s in search("", PC)}
    assert "Standard_A2" in {s.name for s in search("", GUIDE)}
    assert {s.name for s in search("arm64", PC, ["arm64Gen2"])} >= {"Standard_D2ps_v6", "Standard_D2ps_v5"}
