"""Hostile input (#18), exports: a project's values cannot run code in a script, a spreadsheet or a page.

The scripts are checked the way they are used: the bash script runs against a stub `az` that
records its argv, and the PowerShell script is parsed with a real PowerShell grammar
(tree-sitter-powershell) — each project value must sit inside one string literal.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.export import ExportRefused, prepare, render
from wizard.core.export import renderers as renderers_module
from wizard.core.projectio import load_project, save_project
from wizard.core.shellquote import PS_SINGLE_QUOTES, bash_quote, comment_text, ps_quote
from wizard.core.validation import validate_offer

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"
HOSTILE = ["$(touch PWNED)", "`touch PWNED`", "'; touch PWNED; '", "\"; touch PWNED; \"", "x\ntouch PWNED",
           "$env:PATH", "a\u2019; New-Item PWNED; \u2018", "${IFS}", "a b", "-rf", "\\", "!!", "*"]


def _hostile_project(value: str):
    project = load_project(DEMO).project
    sku = project.skus[0]
    sku.vm_sizes = [value, *sku.vm_sizes[1:]]
    sku.os_disk.blob_url = "https://contoso.blob.core.windows.net/vhds/os.vhd"
    return project, sku


def test_a_vm_size_that_is_a_command_fails_project_check_and_the_script_export():
    """Before: `$(…)` as a VM size passed `project check` and ran when the publisher ran the script."""
    project, _ = _hostile_project("$(touch PWNED)")
    assert any(p.path == "skus[0].vm_sizes[0]" and p.severity == "error" for p in validate_offer(project))
    exports = prepare(project, {})
    for fmt in ("az-script", "az-ps1"):
        with pytest.raises(ExportRefused, match="VM size"):
            render(fmt, project, exports)


def test_the_cli_refuses_such_a_script_with_exit_1_and_writes_nothing(tmp_path):
    project, _ = _hostile_project("$(touch PWNED)")
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    out = tmp_path / "create.sh"
    result = subprocess.run([sys.executable, "-m", "wizard", "export", str(path), "--format", "az-script", "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "refused:" in result.stderr and "VM size" in result.stderr, result.stderr
    assert not out.exists()


@pytest.fixture
def no_refusals(monkeypatch):
    """Quoting is the second wall: with the rules switched off, a value still cannot run."""
    monkeypatch.setattr(renderers_module, "script_refusals", lambda exports, account="", project=None: [])


@pytest.mark.parametrize("value", HOSTILE)
def test_bash_script_passes_every_value_as_one_argument(tmp_path, value, no_refusals):
    project, sku = _hostile_project(value)
    sku.sku_id = "id\n" + value  # a newline in a value must not end the comment line it appears on
    script = render("az-script", project, prepare(project, {}, sku.sku_id))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "argv.jsonl"
    (bin_dir / "az").write_text(f"#!{sys.executable}\nimport json, sys\n"
                                f"open({str(log)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n")
    (bin_dir / "az").chmod(0o755)
    (tmp_path / "create.sh").write_text(script)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "RESOURCE_GROUP": "rg", "LOCATION": "westus"}
    result = subprocess.run(["bash", str(tmp_path / "create.sh")], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "PWNED").exists()
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    vm = next(c for c in calls if c[:2] == ["vm", "create"])
    assert vm[vm.index("--size") + 1] == value
    image = next(c for c in calls if c[:2] == ["image", "create"])
    assert image[image.index("--name") + 1] == f"{sku.sku_id}-{sku.version}"


def _powershell_string_literals(source: str) -> tuple[list[str], bool]:
    import tree_sitter as ts
    import tree_sitter_powershell as tsp

    data = source.encode("utf-8")
    tree = ts.Parser(ts.Language(tsp.language())).parse(data)
    found: list[str] = []

    def walk(node) -> None:
        if node.type == "string_literal":
            found.append(data[node.start_byte:node.end_byte].decode("utf-8"))
            return
        for child in node.children:
            walk(child)

    walk(tree.root_node)
    return found, tree.root_node.has_error


@pytest.mark.parametrize("value", HOSTILE)
def test_powershell_script_holds_every_value_inside_one_string_literal(value, no_refusals):
    project, sku = _hostile_project(value)
    script = render("az-ps1", project, prepare(project, {}, sku.sku_id))
    literals, has_error = _powershell_string_literals(script)
    assert not has_error
    assert ps_quote(value) in literals, (value, [x for x in literals if "PWNED" in x or "size" in x])


def test_all_four_typographic_single_quotes_are_doubled():
    """PowerShell's tokenizer treats U+2018, U+2019, U+201A and U+201B as single quotes (its
    CharExtensions.IsSingleQuote); the grammar here does not, so this is checked directly."""
    for quote in PS_SINGLE_QUOTES:
        assert ps_quote(f"a{quote}b") == f"'a{quote}{quote}b'"


@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=60))
def test_bash_quoting_round_trips_any_text(text):
    out = subprocess.run(["bash", "-c", f"printf %s {bash_quote(text)}"], capture_output=True, timeout=20).stdout
    assert out.decode("utf-8", "surrogateescape") == text


@given(st.text(max_size=80))
def test_a_comment_line_cannot_be_ended_by_data(text):
    assert len(("# " + comment_text(text)).splitlines()) <= 1


def test_csv_cells_that_would_be_formulas_are_neutralised():
    """Before: `=HYPERLINK(…)` and `@SUM(…)` went into the CSV as they were."""
    project = load_project(DEMO).project
    project.skus[0].os_friendly_name = "=HYPERLINK(\"http://evil\",\"click\")"
    project.skus[0].summary = "@SUM(1+1)"
    project.offer.offer_name = "-2+3"
    text = render("portal-csv", project, prepare(project, {}))
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=HYPERLINK(\"http://evil\",\"click\")" in cells and "'@SUM(1+1)" in cells and "'-2+3" in cells


def test_markdown_holds_no_raw_html_and_a_backtick_cannot_leave_its_code_span():
    """Before: raw HTML passed into headings, and a backtick in a value broke out of its code span."""
    project = load_project(DEMO).project
    project.offer.offer_name = "<img src=x onerror=alert(1)>"
    project.skus[0].summary = "a`b``c | <script>"
    text = render("portal-md", project, prepare(project, {}))
    # inside a code span CommonMark shows HTML as text; everywhere else it must be escaped
    outside = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)
    assert "<" not in outside, outside
    assert "# &lt;img src=x onerror=alert(1)&gt;: SKU form" in text
    row = next(line for line in text.splitlines() if "a`b``c" in line)
    assert "| ```a`b``c \\| <script>``` |" in row


def test_a_project_without_skus_does_not_export_as_ready(tmp_path):
    """Before: `export` of a project with no SKUs exited 0 ("ready")."""
    project = load_project(DEMO).project
    project.skus = []
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    result = subprocess.run([sys.executable, "-m", "wizard", "export", str(path), "--format", "portal-md"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "no SKU" in result.stderr


@pytest.mark.parametrize("where", ["folder", "missing-folder"])
def test_export_into_a_folder_or_a_missing_folder_is_a_message(tmp_path, where):
    """Before: IsADirectoryError / FileNotFoundError tracebacks."""
    path = tmp_path / "p.mpwiz"
    save_project(load_project(DEMO).project, path)
    target = tmp_path if where == "folder" else tmp_path / "nope" / "x.md"
    result = subprocess.run([sys.executable, "-m", "wizard", "export", str(path), "--format", "portal-md", "-o",
                             str(target)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_braces_in_check_ids_and_names_are_text_not_templates(qapp):
    """Before: a check id of `{x}` from a project file or a VM crashed every export (KeyError) and the export page."""
    from wizard.core.export.formats import FORMATS
    from wizard.core.export.readiness import DISK_DATA
    from wizard.i18n import translate_template

    from factories import complete_project

    project = complete_project()
    for r in project.test_runs[0].results:
        r.id, r.name, r.result = "{x}" + r.id, "{0} {x}", "Failed"
    exports = prepare(project, {})
    for fmt in FORMATS:
        if fmt not in ("az-script", "az-ps1"):
            assert isinstance(render(fmt, project, exports), str)
    assert translate_template("{field} and {disk}", {"field": "{x}", "disk": DISK_DATA, "lun": 2}) == \
        "{x} and data disk LUN 2"


@pytest.mark.parametrize("field, value", [("offer_id", "web&calc.exe&"), ("publisher_namespace", "@~/.ssh/id_rsa"),
                                          ("offer_id", "a%PATH%b"), ("publisher_namespace", "-x")])
def test_every_value_that_reaches_a_command_is_plain(field, value):
    """Found by review: offer and publisher ids reached `az` unchecked. On Windows az is az.cmd, and
    PowerShell passes a blank-free argument to a batch file unquoted: cmd.exe runs `&` and expands `%VAR%`;
    az reads `@file` as the file's content. Any such data word is refused, whatever field it came from."""
    from wizard.core.model import IMAGE_X64_GEN2, PlanImage

    project = load_project(DEMO).project
    project.profile_id = "partner-center"
    sku = project.skus[0]
    sku.images = [PlanImage(IMAGE_X64_GEN2)]  # the gallery route: offer and publisher land in commands
    for disk in sku.disks:
        disk.image_type = IMAGE_X64_GEN2
    sku.os_disk.blob_url = "https://contoso.blob.core.windows.net/vhds/os.vhd"
    setattr(project.offer, field, value)
    for fmt in ("az-script", "az-ps1"):
        with pytest.raises(ExportRefused, match="would reach a command"):
            render(fmt, project, prepare(project, {}, sku.sku_id))


def test_csv_cells_are_all_quoted_for_semicolon_spreadsheets():
    project = load_project(DEMO).project
    project.skus[0].summary = "x;=1+2;@SUM(1)"
    text = render("portal-csv", project, prepare(project, {}))
    assert '"x;=1+2;@SUM(1)"' in text
    assert all(line.startswith('"') for line in text.splitlines())
