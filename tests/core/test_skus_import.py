"""`az vm list-skus -o json` into the size catalogue: what it takes, what it leaves out and why, and hostile
files (property tests) that end in one clear message; `mpwizard catalogue import` end to end."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard import cli
from wizard.core import vmsizes
from wizard.core.skus_import import SkusImportError, read_list_skus, series_of


def caps(**values: str) -> list[dict[str, str]]:
    return [{"name": k, "value": v} for k, v in values.items()]


def sku(name: str, family: str, **capabilities: str) -> dict:
    """One entry as `az vm list-skus -o json` prints it (the ResourceSku shape of the Compute REST API)."""
    return {"apiVersions": None, "capacity": None, "costs": None, "family": family, "kind": None,
            "locationInfo": [{"location": "eastus", "zoneDetails": [], "zones": ["1", "2", "3"]}],
            "locations": ["eastus"], "name": name, "resourceType": "virtualMachines", "restrictions": [],
            "size": name.removeprefix("Standard_"), "tier": "Standard", "capabilities": caps(**capabilities)}


LIST_SKUS = [
    sku("Standard_D2s_v6", "standardDSv6Family", vCPUs="2", MemoryGB="8", HyperVGenerations="V2", CpuArchitectureType="x64"),
    sku("Standard_D2ps_v6", "StandardDpsv6Family", vCPUs="2", MemoryGB="8", HyperVGenerations="V2",
        CpuArchitectureType="Arm64"),
    sku("Standard_DC2as_v5", "standardDCASv5Family", vCPUs="2", MemoryGB="8", HyperVGenerations="V2",
        CpuArchitectureType="x64", ConfidentialComputingType="SNP", TrustedLaunchDisabled="True"),
    sku("Standard_D2_v2", "standardDv2Family", vCPUs="2", MemoryGB="7", HyperVGenerations="V1", CpuArchitectureType="x64"),
    sku("Standard_M8ms", "standardMSFamily", vCPUs="8", MemoryGB="218.75", HyperVGenerations="V1,V2",
        CpuArchitectureType="x64", TrustedLaunchDisabled="True"),
    {"resourceType": "disks", "name": "Premium_LRS", "tier": "Premium", "capabilities": caps(MaxSizeGiB="4")},
    {**sku("Standard_D2s_v6", "standardDSv6Family", vCPUs="2", MemoryGB="8"), "locations": ["westus"]},
]


def test_the_reader_takes_each_size_once_with_its_capabilities():
    result = read_list_skus(json.dumps(LIST_SKUS))
    rows = {r["name"]: r for r in result.rows}
    assert rows["Standard_D2s_v6"] == {"name": "Standard_D2s_v6", "family": "standardDSv6Family", "series": "DSv6",
                                       "category": "general", "vcpus": 2, "memory_gib": 8.0, "generations": [2],
                                       "architecture": "x64", "security_types": ["trusted"]}
    assert rows["Standard_D2ps_v6"]["architecture"] == "arm64" and rows["Standard_D2ps_v6"]["security_types"] == []
    assert rows["Standard_DC2as_v5"]["security_types"] == ["confidential"]
    assert rows["Standard_D2_v2"]["generations"] == [1] and rows["Standard_D2_v2"]["security_types"] == []
    assert rows["Standard_M8ms"]["generations"] == [1, 2] and rows["Standard_M8ms"]["security_types"] == []
    assert result.skipped == {"not a virtual machine size (resourceType)": 1, "listed again (another region)": 1}
    # The imported Dv2 size gets its retirement from the retirement file, by family.
    size = vmsizes.size_from_row(rows["Standard_D2_v2"])
    assert size.retirement is not None and size.retirement.date == "2028-05-01"


def test_series_names_from_az_families():
    assert series_of("standardDSv5Family") == "DSv5"
    assert series_of("basicAFamily") == "A (Basic)"
    assert series_of("StandardDpsv6Family") == "Dpsv6"
    assert series_of("oddFamily") == "oddFamily"


@pytest.mark.parametrize(("text", "message"), [
    ("", "is not JSON"), ("{", "is not JSON"), ('{"value": []}', "must be a JSON list of SKUs"), ("[]", "lists no usable"),
    (json.dumps([{"resourceType": "virtualMachines", "name": "Standard_X", "capabilities": caps(vCPUs="0", MemoryGB="1")}]),
     "lists no usable"), ("[" * 100000 + "]" * 100000, "is not JSON"), (b"\xff\xfe[", "is not JSON"),
])
def test_files_that_are_not_list_skus_output_get_one_clear_message(text, message):
    with pytest.raises(SkusImportError) as caught:
        read_list_skus(text, "skus.json")
    assert message in str(caught.value) and "skus.json" in str(caught.value)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
                           max_leaves=30)
cap_values = st.one_of(st.text(max_size=12), st.sampled_from(["2", "8", "V1,V2", "V2", "Arm64", "x64", "True", "NaN",
                                                              "inf", "-1", "1e400", "99999999999"]), json_values)
hostile_entry = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(["virtualMachines", "disks"]) | json_values,
     "name": st.sampled_from(["Standard_D2s_v5", "x" * 200, "", "Standard_D2s_v5\n", "../etc"]) | json_values,
     "family": st.sampled_from(["standardDSv5Family", "a" * 200, "fam ily"]) | json_values,
     "capabilities": st.lists(st.fixed_dictionaries({"name": st.sampled_from(
         ["vCPUs", "MemoryGB", "HyperVGenerations", "CpuArchitectureType", "TrustedLaunchDisabled",
          "ConfidentialComputingType"]) | json_values, "value": cap_values}), max_size=8) | json_values})


@settings(max_examples=150, deadline=None)
@given(st.lists(hostile_entry | json_values, max_size=8))
def test_hostile_entries_become_rows_or_are_left_out_never_a_traceback(entries):
    try:
        result = read_list_skus(json.dumps(entries))
    except SkusImportError as exc:
        assert "az vm list-skus" in str(exc) or "no usable" in str(exc)
        return
    for row in result.rows:
        size = vmsizes.size_from_row(row)  # every row the reader writes is one the catalogue reads
        assert 1 <= size.vcpus and 0 < size.memory_gib and set(size.generations) <= {1, 2}
        assert size.architecture in ("x64", "arm64") and "\n" not in size.name and len(size.name) <= 80
    assert len(result.rows) + sum(result.skipped.values()) == len(entries)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_bytes_are_a_catalogue_or_one_message(blob):
    try:
        read_list_skus(blob)
    except SkusImportError as exc:
        assert str(exc)


def test_the_cli_imports_the_catalogue_and_the_wizard_uses_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    vmsizes.reload()
    try:
        source = tmp_path / "skus.json"
        source.write_text(json.dumps(LIST_SKUS))
        assert cli.main(["catalogue", "import", str(source)]) == 0
        out, err = capsys.readouterr()
        assert "5 sizes imported" in out and "left out: 1 × listed again (another region)" in err
        assert set(vmsizes.by_name()) == {"Standard_D2s_v6", "Standard_D2ps_v6", "Standard_DC2as_v5", "Standard_D2_v2",
                                          "Standard_M8ms"}
        assert cli.main(["catalogue", "show", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["sizes"] == 5
        # A bad file changes nothing: the message says why, the imported catalogue stays.
        source.write_text('{"not": "a list"}')
        assert cli.main(["catalogue", "import", str(source)]) == 2
        assert "must be a JSON list of SKUs" in capsys.readouterr().err
        assert len(vmsizes.catalogue()) == 5
        assert cli.main(["catalogue", "import", str(tmp_path / "missing.json")]) == 2
        assert "missing.json" in capsys.readouterr().err
        # A damaged imported file never stops the wizard: the bundled catalogue is used.
        vmsizes.imported_path().write_text("{oops")
        vmsizes.reload()
        assert "Standard_D2s_v5" in vmsizes.by_name()
    finally:
        monkeypatch.undo()
        vmsizes.reload()


def test_a_remembered_place_is_read_first_and_checked_once_the_real_one_is_known(tmp_path, monkeypatch, capsys):
    # The first page reads the catalogue from where the last session found the imported one (no platformdirs
    # before the first paint); confirm_imported_path then works the real place out and says if that changes it.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    source = tmp_path / "skus.json"
    source.write_text(json.dumps(LIST_SKUS))
    try:
        assert cli.main(["catalogue", "import", str(source)]) == 0
        capsys.readouterr()
        real = vmsizes.imported_path()
        vmsizes.assume_imported_path(real)
        vmsizes.reload()
        assert vmsizes.catalogue_source() == real and len(vmsizes.catalogue()) == 5
        assert vmsizes.confirm_imported_path() == (real, False)
        vmsizes.assume_imported_path(tmp_path / "elsewhere" / "vmsizes.json")  # remembered before XDG_DATA_HOME moved
        vmsizes.reload()
        assert vmsizes.catalogue_source() is None and "Standard_D2s_v5" in vmsizes.by_name()
        assert vmsizes.confirm_imported_path() == (real, True)
        assert vmsizes.catalogue_source() == real and len(vmsizes.catalogue()) == 5
        assert vmsizes.confirm_imported_path() == (real, False)  # known now: nothing more changes
    finally:
        vmsizes.assume_imported_path(None)
        monkeypatch.undo()
        vmsizes.reload()


def test_the_cli_reads_standard_input(tmp_path, monkeypatch, capsys):
    import io

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(LIST_SKUS[:1]).encode())))
    try:
        assert cli.main(["catalogue", "import", "-", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["sizes"] == 1
    finally:
        monkeypatch.undo()
        vmsizes.reload()


def test_the_command_reads_no_more_than_the_reader_accepts():
    from wizard.core.operations import SIZE_CATALOGUE_MAX_BYTES
    from wizard.core.skus_import import MAX_FILE_BYTES

    assert SIZE_CATALOGUE_MAX_BYTES == MAX_FILE_BYTES
