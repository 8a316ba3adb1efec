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


def test_dv3_dsv3_ev3_are_announced_for_2029_and_their_v5_successors_are_not():
    """MicrosoftDocs/azure-compute-docs sizes/lifecycle/retirements-and-capacity-restrictions.md: Dv3, Dsv3, Ev3 and
    Esv3 retire on 11/15/29 (the source of the retirement row says so)."""
    sizes = by_name()
    for name in ("Standard_D2_v3", "Standard_D4s_v3", "Standard_E8_v3"):
        size = sizes[name]
        assert size.retirement is not None and size.retirement.date == "2029-11-15", name
        assert "retirements-and-capacity-restrictions" in size.retirement.source
        assert size.retiring_on(date(2026, 12, 7)) == "2029-11-15" and size.offered_under(PC, date(2026, 12, 7))
        assert not size.offered_under(PC, date(2029, 11, 15)) and size.offered_under(GUIDE, date(2029, 11, 15))
    assert retirement_of("standardESv3Family") == retirement_of("standardEv3Family")  # Esv3 is on the same row
    for name in ("Standard_D2_v5", "Standard_D4s_v5", "Standard_E8_v5", "Standard_E2s_v5"):
        assert sizes[name].retirement is None, name


def test_classic_ds_runs_generation_1_only_and_dsv2_runs_both():
    """Microsoft's per-series Generation 2 list (generation-2.md) names DSv2, Dsv3 and GS but not the classic DS."""
    sizes = by_name()
    assert sizes["Standard_DS2"].generations == (1,)
    assert sizes["Standard_DS2"].runs("x64Gen1") and not sizes["Standard_DS2"].runs("x64Gen2")
    assert sizes["Standard_DS2_v2"].runs("x64Gen2") and sizes["Standard_GS2"].runs("x64Gen2")
    assert not sizes["Standard_D2_v3"].runs("x64Gen2") and sizes["Standard_D2s_v3"].runs("x64Gen2")


def test_every_series_names_the_page_its_numbers_come_from():
    data = json.loads(resource_path("vmsizes.json").read_text(encoding="utf-8"))
    by_series = data["source"]["series"]
    for row in data["sizes"]:
        assert "MicrosoftDocs/" in by_series[row["series"]], row["series"]
    # Confidential families: no Trusted Launch (trusted-launch.md lists DC/EC-Confidential as not supported).
    sizes = by_name()
    assert sizes["Standard_DC2as_v5"].security_types == ("confidential",)
    assert sizes["Standard_EC8as_v5"].security_types == ("confidential",)
