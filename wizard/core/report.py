"""The certification report bundle: report.json, report.html, report.pdf and logs/, zipped.

`build_record` makes the tool's result record (REFERENCE.md §5) from a stored test
run and adds what a good report holds beyond it: questionnaire answers,
explanations, SSH access information, profile, product version and run times.
`render_html` turns that record into one self-contained, printable page with the
same tables as the app. `write_bundle` writes everything into a folder and a zip
named `certification-<sku>-<version>-<date>.zip`; the PDF comes from a renderer the
caller passes in (Qt lives outside the core). Nothing here reads a secret, so
nothing here can write one.
"""

from __future__ import annotations

import html
import json
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from .checks import tool_record
from .model import OS_LINUX, Project, Sku, TestRunRecord
from .questionnaire import BOOL, CHOICE, exception_candidates, load_questionnaire
from .records import record
from .safenames import is_inside, safe_file_name
from .verdicts import COLOURS, MARKS

REPORT_SCHEMA_VERSION = 1


def _lookup_answer(question: Any, value: str) -> str:
    if question.kind == BOOL:
        return {"true": "True", "false": "False"}.get(value, value)
    if question.kind == CHOICE:
        return next((c.text["en"] for c in question.choices if c.id == value), value)
    return value


def build_record(run: TestRunRecord, created: str, project: Project | None = None, sku: Sku | None = None,
                 test_name: str = "") -> dict[str, Any]:
    """The tool's record for `run`, plus the report's own sections (a superset)."""
    record = tool_record(run.results, run.system, run.profile_id, created)
    record["Report"] = {
        "SchemaVersion": REPORT_SCHEMA_VERSION,
        "Product": {"Name": "mpwizard", "Version": __version__},
        "Profile": run.profile_id,
        "Run": {"TestName": test_name, "Platform": run.platform, "Host": run.host, "User": run.user,
                "StartedAt": run.started_at, "FinishedAt": run.finished_at, "OSName": run.os_name},
    }
    if project is not None:
        q = load_questionnaire()
        qa = project.questionnaire
        record["Report"]["Offer"] = {"PublisherNamespace": project.offer.publisher_namespace,
                                     "OfferId": project.offer.offer_id, "OfferName": project.offer.offer_name}
        if sku is not None:
            record["Report"]["Sku"] = {"SkuId": sku.sku_id, "Title": sku.title, "Version": sku.version,
                                       "OSFamily": sku.os_family, "OSFriendlyName": sku.os_friendly_name}
        answers = []
        for question in q.for_platform(run.platform):
            answer = qa.answers.get(question.id)
            value = answer.value if answer and not answer.prefilled else ""
            answers.append({"Id": question.id, "Tab": question.tab, "Question": question.text["en"],
                            "Answer": _lookup_answer(question, value), "Explanation": answer.explanation if answer else ""})
        record["Report"]["Questionnaire"] = {"WordingNote": q.wording(run.profile_id, "en"), "Answers": answers}
        exceptions = [{"id": r.id, "TestID": r.test_id, "TestCaseName": r.name, "Result": r.result,
                       "Explanation": qa.exception_notes.get(r.id, "")} for r in exception_candidates(run)]
        info: dict[str, Any] = {"ExceptionRequests": exceptions}
        if run.platform == OS_LINUX:
            info["SshAccess"] = "" if qa.ssh_blocked else qa.ssh_access
            info["SshBlocked"] = qa.ssh_blocked
        record["Report"]["AdditionalInformation"] = info
        preflight = next((d.preflight for d in sku.disks if d.preflight is not None), None) if sku is not None else None
        if preflight is not None:
            record["Report"]["OfflinePreflight"] = {
                "Offline": True, "Note": OFFLINE_NOTE, "Image": preflight.target, "Layout": preflight.layout,
                "StartedAt": preflight.started_at, "FinishedAt": preflight.finished_at, "Profile": preflight.profile_id,
                "Tests": [{"id": r.id, "TestID": r.test_id, "TestCaseName": r.name, "Result": r.result,
                           "ActualValue": r.actual} for r in preflight.results]}
    return record


OFFLINE_NOTE = ("Read from the VHD file itself before upload, without a VM (an advisory pre-flight): the test cases "
                "above, run on the test VM, are the certification.")


# -- HTML -------------------------------------------------------------------------
def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# A table cell of the page (and the PDF) shows at most this much of a value that came from the VM:
# layout time grows faster than linearly with a cell's length (200 KB took 15 s). The whole value is
# in report.json and in logs/<check>.txt.
CELL_MAX_CHARS = 2000


def _cell(text: object) -> str:
    value = str(text)
    if len(value) <= CELL_MAX_CHARS:
        return _e(value)
    return (_e(value[:CELL_MAX_CHARS]) + f" <i>… ({len(value) - CELL_MAX_CHARS} more characters: the whole value "
            "is in report.json and logs/)</i>")


def _table(headers: list[str] | None, rows: list[list[str]]) -> str:
    # Borders as attributes as well as CSS: Qt's rich-text engine (the PDF) reads the attributes.
    head = "".join(f"<th>{_e(h)}</th>" for h in headers or ())
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">{f"<thead><tr>{head}</tr></thead>" if head else ""}<tbody>{body}</tbody></table>'


def render_html(record: dict[str, Any]) -> str:
    """One printable page, no external resources."""
    report = record.get("Report", {})
    run = report.get("Run", {})
    sku = report.get("Sku", {})
    offer = report.get("Offer", {})
    title = "Certification report" + (f" — {sku.get('SkuId')} {sku.get('Version')}" if sku else "")
    verdict = record["TestResult"]
    offer_text = " ".join(filter(None, [offer.get("OfferName", ""), f"({offer['OfferId']})" if offer.get("OfferId") else ""]))
    facts = [("Offer", offer_text),
             ("SKU", f"{sku.get('SkuId', '')} — version {sku.get('Version', '')}" if sku else ""),
             ("Test name", run.get("TestName", "")), ("Host", f"{run.get('User', '')}@{run.get('Host', '')}"),
             ("Operating system", record.get("OSDistro") or run.get("OSName", "")),
             ("Kernel", record.get("KernelFullVersion", "")), ("Profile", record.get("Profile", "")),
             ("Run", f"{run.get('StartedAt', '')} – {run.get('FinishedAt', '')}"), ("Report created", record["CreatedDate"]),
             ("Made with", f"mpwizard {report.get('Product', {}).get('Version', '')}")]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{_e(title)}</title>",
        "<style>body{font-family:sans-serif;font-size:10pt;margin:1.5em;color:#111}"
        "table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #999;padding:4px;text-align:left;"
        "vertical-align:top}th{background:#eee}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.2em}"
        ".verdict{font-size:13pt;font-weight:bold}@media print{body{margin:0}h2{page-break-after:avoid}}</style>",
        "</head><body>", f"<h1>{_e(title)}</h1>",
        f'<p class="verdict" style="color:{"#1b7f3b" if verdict == "Pass" else "#b00020"}">'
        f"Test result: {_e(verdict)}</p>",
        _table(None, [[f"<b>{_e(k)}</b>", _e(v)] for k, v in facts if v]),
        "<h2>Test cases</h2>",
    ]
    rows = []
    for t in record["Tests"]:
        colour = COLOURS.get(t["Result"], "#000000")
        rows.append([f'<span style="color:{colour}"><b>{MARKS.get(t["Result"], "?")} {_e(t["Result"])}</b></span>',
                     f"{_cell(t['TestCaseName'])}<br><small>{_cell(t['id'])}</small>", _cell(t["TestID"]),
                     _cell(t["ActualValue"]), _cell(t["RequiredValue"]),
                     _cell(t["Remediation"]) if t["Result"] != "Passed" else ""])
    parts.append(_table(["Result", "Check", "Test ID", "Actual", "Required", "Remediation"], rows))
    questionnaire = report.get("Questionnaire")
    if questionnaire:
        parts.append("<h2>Questionnaire</h2>")
        parts.append(f"<p><i>{_e(questionnaire['WordingNote'])}</i></p>")
        parts.append(_table(["Tab", "Question", "Answer", "Explanation"],
                            [[_e(a["Tab"]), _e(a["Question"]), f"<b>{_cell(a['Answer'] or '—')}</b>", _cell(a["Explanation"])]
                             for a in questionnaire["Answers"]]))
    info = report.get("AdditionalInformation")
    if info:
        parts.append("<h2>Additional information</h2>")
        if "SshBlocked" in info:
            ssh = "SSH is blocked on purpose." if info["SshBlocked"] else info.get("SshAccess", "")
            parts.append(_table(None, [["<b>SSH access</b>", _e(ssh or "—")]]))
        if info["ExceptionRequests"]:
            parts.append(_table(["Exception request for", "Result", "Explanation"],
                                [[f"{_cell(x['TestCaseName'])} ({_cell(x['id'])})", _e(x["Result"]), _cell(x["Explanation"] or "—")]
                                 for x in info["ExceptionRequests"]]))
    offline = report.get("OfflinePreflight")
    if offline:
        parts.append("<h2>Offline pre-flight (not the certification run)</h2>")
        parts.append(f"<p><i>{_e(offline['Note'])}</i></p>")
        parts.append(_table(None, [[f"<b>{_e(k)}</b>", _e(v)] for k, v in (
            ("Image", offline["Image"]), ("Partitions", offline["Layout"]), ("Read", offline["FinishedAt"])) if v]))
        parts.append(_table(["Result (offline)", "Check", "Test ID", "Actual"],
                            [[f'<span style="color:{COLOURS.get(t["Result"], "#000000")}">{MARKS.get(t["Result"], "?")} '
                              f'{_e(t["Result"])}</span>', f"{_e(t['TestCaseName'])}<br><small>{_e(t['id'])}</small>",
                              _e(t["TestID"]), _e(t["ActualValue"])] for t in offline["Tests"]]))
    parts.append("<p><small>Evidence for each test is in logs/&lt;check id&gt;.txt beside this file.</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -- the bundle ---------------------------------------------------------------------
def bundle_name(sku_id: str, version: str, created: str) -> str:
    date = created[:10].replace("-", "")
    parts = ["certification", safe_file_name(sku_id or "image")] + ([safe_file_name(version)] if version else []) \
        + [safe_file_name(date, "undated")]
    return "-".join(parts) + ".zip"


def log_text(r: Any) -> str:
    return (f"{r.name} ({r.id}, TestID {r.test_id or '-'})\nResult: {r.result}\nActual: {r.actual}\n"
            f"Required: {r.required}\nRemediation: {r.remediation}\n\n{r.evidence}\n")


@record(frozen=True)
class Bundle:
    folder: Path  # the unpacked files
    zip_path: Path
    record: dict[str, Any]


PdfRenderer = Callable[[str], bytes]


def write_bundle(record: dict[str, Any], results: Sequence[Any], out_dir: Path, name: str, pdf: PdfRenderer | None = None) -> Bundle:
    """Write report.json, report.html, report.pdf (when a renderer is given) and logs/ into
    `out_dir/<name without .zip>/`, and the zip beside it. Files are written whole or not at all."""
    out_dir = Path(out_dir)
    folder = out_dir / name.removesuffix(".zip")
    (folder / "logs").mkdir(parents=True, exist_ok=True)
    page = render_html(record)
    files: dict[str, bytes] = {
        "report.json": (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "report.html": page.encode("utf-8"),
    }
    if pdf is not None:
        files["report.pdf"] = pdf(page)
    for r in results:  # a check id comes from the VM or a project file: never a path
        rel = f"logs/{safe_file_name(str(r.id), 'check')}.txt"
        while rel in files:
            rel = rel.removesuffix(".txt") + "-2.txt"
        files[rel] = log_text(r).encode("utf-8")
    if not all(is_inside(rel) for rel in files):
        raise ValueError("a bundle file name would leave the bundle")
    for rel, data in files.items():
        _write_atomic(folder / rel, data)
    zip_path = out_dir / name
    tmp = zip_path.with_name(zip_path.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel, data in files.items():
                zf.writestr(rel, data)
        tmp.replace(zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # no part of a zip is left behind
        raise
    return Bundle(folder, zip_path, record)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # the file is whole or not there; never a .part beside it
        raise


def make_project_bundle(project: Project, sku: Sku, out_dir: Path, created: str, pdf: PdfRenderer | None = None,
                        run: TestRunRecord | None = None) -> Bundle:
    run = run or project.latest_run()
    if run is None:
        raise ValueError("there is no test run to report: run the certification tests first")
    record = build_record(run, created, project, sku, project.connection.test_name)
    return write_bundle(record, run.results, out_dir, bundle_name(sku.sku_id, sku.version, created), pdf)
