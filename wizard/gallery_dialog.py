"""Check a plan image's Azure Compute Gallery image version: read it through Azure Resource Manager (in
the background), or paste what `az sig image-version show`, `az sig image-definition show` and
`az provider show` print. The judgement (`core.gallery.judge`) shows as the list below, live; OK keeps
what was read for the plan image (the readiness and the Export checklist use it).
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .core.model import GalleryCheckRecord, PlanImage, Project, Sku
from .i18n import translate
from .mnemonics import give_mnemonics

if TYPE_CHECKING:
    from .tasks import TaskHandle


def core(text: str) -> str:
    return translate("Core", text)


class GalleryCheckDialog(QDialog):
    def __init__(self, project: Project, sku: Sku, image: PlanImage, parent: QWidget | None = None):
        super().__init__(parent)
        from .core.operations import GALLERY_DEFINITION_COMMAND, GALLERY_VERSION_COMMAND, project_profile

        self.project, self.sku = project, sku
        self.image = copy.deepcopy(image)  # the slot's current values; OK hands back `record`
        self.profile = project_profile(project)
        self.record: GalleryCheckRecord | None = copy.deepcopy(image.gallery_check)
        self.task: TaskHandle | None = None  # a read from Azure in the background
        namespace = self.profile.gallery_provider_namespace or "Microsoft.PartnerCenterIngestion"
        self.setWindowTitle(self.tr("Gallery image version of {0}").format(image.image_type))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Partner Center reads the image straight from the gallery: it must exist, be generalized, "
                               "match the plan and be replicated, and Partner Center must be allowed to read it. Read "
                               "it from Azure (signed in as with az login), or paste what the az commands print."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.btn_azure = QPushButton(self.tr("&Read from Azure"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        row.addWidget(self.btn_azure)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.pasted: list[tuple[QPlainTextEdit, str]] = []
        self._read_texts: list[str] = []  # what the last successful read took
        for label, command, kind in ((self.tr("Output of {0}:"), GALLERY_VERSION_COMMAND, "version"),
                                     (self.tr("Output of {0}:"), GALLERY_DEFINITION_COMMAND, "definition"),
                                     (self.tr("Output of {0}:"), f"az provider show -n {namespace} -o json", "provider")):
            caption = QLabel(label.format(command))
            caption.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setAccessibleName(command)
            edit.setMaximumHeight(70)
            edit.setTabChangesFocus(True)
            caption.setBuddy(edit)
            layout.addWidget(caption)
            layout.addWidget(edit)
            self.pasted.append((edit, kind))
        self.btn_read = QPushButton(self.tr("Read the &pasted JSON"))
        layout.addWidget(self.btn_read)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("What Partner Center needs of the gallery image"))
        # Each judgement wraps at the list's edge and reads whole (it ran off it behind a sideways scroll bar).
        from .pages.parts.whole_rows import WrappedRows

        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setItemDelegate(WrappedRows(self.results))
        layout.addWidget(self.results)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        give_mnemonics(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.btn_read.clicked.connect(self.read_pasted)
        self.btn_azure.clicked.connect(self.read_azure)
        self.btn_azure.setEnabled(bool(image.gallery_resource_id))
        self.show_judgement()

    def show_judgement(self) -> None:
        from . import style
        from .core.operations import judge_gallery

        self.image.gallery_check = self.record
        self.results.clear()
        for j in judge_gallery(self.image, self.sku, self.profile):
            args = {k: core(v) if isinstance(v, str) else v for k, v in j.args.items()}
            text = core(j.template).format(**args)
            item = QListWidgetItem(f"{'✓' if j.ok else '✗'} {text}")  # the Export checklist's marks
            item.setForeground(style.brush(style.GOOD if j.ok else style.ERROR))
            item.setToolTip(text)
            self.results.addItem(item)

    def _pasted_texts(self) -> list[str]:
        return [edit.toPlainText().strip() for edit, _kind in self.pasted]

    def accept(self) -> None:  # noqa: D401 - Qt override
        """OK (or Enter) with JSON pasted but not read reads it first, and stays open when it cannot be read:
        what the person pasted is never dropped without a word."""
        if any(self._pasted_texts()) and self._pasted_texts() != self._read_texts:
            if not self.read_pasted():
                return
        super().accept()

    def read_pasted(self) -> bool:
        """Read the pasted az output into the record; False (the reason in the status line, the focus on the
        box it is about) when one cannot be read."""
        from .core.operations import GalleryReadError
        from .core.operations import read_gallery_definition_json as read_definition_json
        from .core.operations import read_gallery_provider_json as read_provider_json
        from .core.operations import read_gallery_version_json as read_version_json

        record = copy.deepcopy(self.record) or GalleryCheckRecord()
        namespace = self.profile.gallery_provider_namespace or "Microsoft.PartnerCenterIngestion"
        for edit, kind in self.pasted:
            text = edit.toPlainText().strip()
            if not text:
                continue
            try:
                if kind == "version":
                    read_version_json(text, record)
                elif kind == "definition":
                    read_definition_json(text, record)
                else:
                    read_provider_json(text, namespace, record)
            except GalleryReadError as exc:
                values = {k: core(v) for k, v in exc.values.items()}
                self.status.setText(core(exc.template).format(**values))
                edit.setFocus()
                return False
        record.read_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        record.read_from = "az-json"
        self.record = record
        self._read_texts = self._pasted_texts()
        self.status.setText(self.tr("Read the pasted JSON."))
        self.show_judgement()
        return True

    def read_azure(self) -> None:
        from .core.operations import read_gallery_from_azure as read_from_azure
        from .tasks import run_task

        resource, namespace = self.image.gallery_resource_id, self.profile.gallery_provider_namespace
        self.btn_azure.setEnabled(False)
        self.status.setText(self.tr("Reading from Azure…"))

        def done(record: GalleryCheckRecord) -> None:
            record.read_at = datetime.now(UTC).replace(microsecond=0).isoformat()
            self.record = record
            self.btn_azure.setEnabled(True)
            self.status.setText(self.tr("Read from Azure."))
            self.show_judgement()

        def failed(error: BaseException) -> None:
            self.btn_azure.setEnabled(True)
            template, values = getattr(error, "template", ""), getattr(error, "values", {})
            self.status.setText(core(template).format(**values) if template else str(error))

        self.task = run_task(lambda progress, cancel: read_from_azure(resource, namespace), done, failed, owner=self)
