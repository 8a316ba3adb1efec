"""Small project pieces several test files build on: a recorded test run, a completed questionnaire."""

from __future__ import annotations

from wizard.core.model import Answer, CheckRecord
from wizard.core.model import TestRunRecord as RunRecord  # not Test*: pytest would try to collect it
from wizard.core.questionnaire import FALSE, TRUE, load_questionnaire


def sample_run(platform: str = "linux") -> RunRecord:
    results = [
        CheckRecord("bash-history", "48", "Bash History", "Shell history files are cleared.", "Passed", "no history files",
                    "none", "", "@@@history\n"),
        CheckRecord("iptables", "", "iptables", "iptables installed with no rules.", "Failed", "2 rules", "no rules",
                    "iptables -F", "@@@iptables\n-A INPUT -j DROP\n"),
        CheckRecord("lis-drivers", "", "Linux Integration Services", "Hyper-V drivers are present.", "Passed",
                    "hv_vmbus hv_netvsc hv_storvsc", "hv_vmbus, hv_netvsc, hv_storvsc", "", "@@@modules\n"),
        CheckRecord("swap-partition", "41", "Swap Partition on OS Disk", "No swap.", "Warning", "/swapfile", "no swap",
                    "swapoff -a", "@@@swaps\n/swapfile\n"),
        CheckRecord("os-architecture", "49", "OS Architecture", "64-bit only.", "Passed", "x86_64", "x86_64", "", ""),
    ]
    return RunRecord("2026-11-25T10:00:00Z", "2026-11-25T10:00:04Z", platform, "vm.example.com", "azureuser",
                         "publishing-guide-2015", "Ubuntu 22.04.4 LTS", results,
                         {"OSName": "Ubuntu", "OSDistro": "Ubuntu 22.04.4 LTS", "KernelVersion": "5.15.0",
                          "KernelFullVersion": "5.15.0-1057-azure", "OSVersion": "22.04"})


def answer_everything(project, false_ids=()) -> None:
    q = load_questionnaire()
    for question in q.for_platform(project.connection.platform):
        if question.kind == "bool":
            value = FALSE if question.id in false_ids else TRUE
            project.questionnaire.answers[question.id] = Answer(value, "needed by the appliance" if value == FALSE else "")
        elif question.kind == "choice":
            project.questionnaire.answers[question.id] = Answer(question.choices[0].id)
        else:
            project.questionnaire.answers[question.id] = Answer("none")
    project.questionnaire.ssh_access = "user azureuser on port 22, key sent separately"


def complete_project():
    """A project whose one SKU has a test run, every answer and an exception note: ready for a report."""
    from wizard.core.model import new_project

    project = new_project()
    project.offer.publisher_namespace, project.offer.offer_id, project.offer.offer_name = "contoso", "contoso-app", "Contoso App"
    sku = project.skus[0]
    sku.sku_id, sku.version, sku.os_friendly_name = "standard", "1.0.0", "Ubuntu Server 22.04"
    project.test_runs.append(sample_run())
    answer_everything(project, false_ids={"malware-scan"})
    project.questionnaire.exception_notes["iptables"] = "The appliance ships its own firewall policy."
    return project
