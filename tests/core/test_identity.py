"""A VHD file's identity (core.identity) and its form in a blob's metadata (core.upload): what an upload
writes reads back the same; anything else read from a blob's metadata is "not ours", never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.identity import FileIdentity, file_identity, fingerprint, same_identity
from wizard.core.upload import IDENTITY_METADATA, identity_metadata, read_identity_metadata


def test_the_fingerprint_sees_the_partition_area_and_the_footer_not_the_middle(tmp_path):
    path = tmp_path / "a.vhd"
    path.write_bytes(bytes(1024 * 1024))
    first = fingerprint(str(path))
    with open(path, "r+b") as f:
        f.seek(512 * 1024)  # the middle: not read by the check, not in the fingerprint (size and mtime see it)
        f.write(b"x")
    assert fingerprint(str(path)) == first
    with open(path, "r+b") as f:
        f.seek(1024 * 1024 - 100)  # the footer
        f.write(b"y")
    assert fingerprint(str(path)) != first
    with open(path, "r+b") as f:
        f.seek(446)  # the MBR's partition table
        f.write(b"z")
    assert fingerprint(str(path)) not in (first, "")
    assert fingerprint(str(tmp_path / "gone.vhd")) == "" and file_identity(str(tmp_path / "gone.vhd")) is None


def test_identities_compare_the_fingerprint_only_when_both_have_one():
    assert same_identity((1, 2, "a"), (1, 2, "a")) and same_identity((1, 2, ""), (1, 2, "a"))
    assert not same_identity((1, 2, "a"), (1, 2, "b")) and not same_identity((1, 3, "a"), (1, 2, "a"))


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and s not in (".", "..") and "\0" not in s),
       st.integers(0, 2**63 - 1), st.integers(0, 2**63 - 1), st.text(alphabet="0123456789abcdef", max_size=32),
       st.none() | st.text(alphabet="ABCDEFabcdef0123456789+/=", max_size=24))
def test_what_an_upload_writes_into_the_metadata_reads_back_the_same(name, size, mtime, fp, md5):
    identity = FileIdentity(size, mtime, fp)
    metadata = identity_metadata(Path("/x") / name, identity, md5)
    assert all(k.isidentifier() for k in metadata)  # blob metadata names are C# identifiers
    assert all(v.isascii() for v in metadata.values())  # and values ASCII
    assert read_identity_metadata(metadata) == (name, identity, md5 or "")


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([*IDENTITY_METADATA, "other"]) | st.text(max_size=8), st.text(max_size=20), max_size=8))
def test_any_metadata_of_a_blob_is_ours_or_not_never_a_crash(metadata):
    found = read_identity_metadata(metadata)
    assert found is None or (isinstance(found[1], FileIdentity) and isinstance(found[0], str))
