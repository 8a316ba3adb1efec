"""Step 1: the offer and its SKUs, checked against the project's profile as the user types."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt only after the first paint: see wizard/qt_values.py
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.codec import Problem
from ..core.model import BASE_IMAGE_OTHER, OS_LINUX, OS_WINDOWS, ROLE_DATA, Disk, Sku
from ..core.profiles import all_profiles
from ..core.status import OFFER_OTHERS, step_items
from ..core.steps import Step
from ..core.validation import marketplace_urls, project_profile, validate_offer
from ..core.verdicts import COLOURS, FAILED
from ..core.vmsizes import assume_imported_path, catalogue, confirm_imported_path, search
from ..i18n import current_language, translate, translate_problem, translate_template
from ..qt_values import CHECK_STATE_ROLE, CHECKED, UNCHECKED, USER_ROLE
from .base import StepPage, button_grid, readable_columns

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ..document import ProjectDocument
    from .parts.fitted_columns import FittedColumns
    from .parts.whole_rows import WholeRows

SIZE_ROWS = 8  # the VM size list shows this many whole one-line rows
IMPORTED_CATALOGUE_KEY = "vm_sizes/imported_catalogue"  # QSettings: the imported catalogue's place, as last found
ERROR = COLOURS[FAILED]  # not wizard.style: the first page imports as little as it can before it paints


def severity_mark(severity: str) -> str:
    """The mark of a validation problem, the same under a field and in "What is still missing": ⚠ for an error
    (as the step list marks a step with offer errors), ℹ for a warning or a notice (it does not hold Next)."""
    return "⚠" if severity == "error" else "ℹ"


class ErrorLabel(QLabel):
    """The inline explanation under a field; empty and hidden when the field is fine."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        # A palette, not a style sheet: a style sheet on any widget puts the whole window through
        # Qt's slower style-sheet style. Red only while an error is shown; a notice keeps the text colour.
        self._error = self.palette()
        self._error.setColor(QPalette.ColorRole.WindowText, QColor(ERROR))
        self.setPalette(self._error)
        self.hide()  # made selectable by OfferPage.after_first_paint

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """`problems`: (severity, translated message) pairs."""
        self.setText("\n".join(f"{severity_mark(severity)} {m}" for severity, m in problems))
        self.setPalette(self._error if any(severity == "error" for severity, _ in problems) else QPalette())  # inherit
        self.setVisible(bool(problems))


class ReadOnlyDelegate(QStyledItemDelegate):
    """A column the user reads but does not edit (the table's items keep their default flags)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        return None  # type: ignore[return-value]  # PySide6 stubs: QWidget; Qt takes None as "not editable"


def plain_text(label: QLabel, text: str) -> None:
    """Project text into a label, never as rich text (issue #29: an <img src=…> would make Qt load that
    file). Only text with a "<" can be taken for rich text, so only then is QtCore.Qt touched (it costs
    start-up time before the first paint, see wizard/qt_values.py)."""
    if "<" in text:
        label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setText(text)


class OfferPage(StepPage):
    step = Step.OFFER

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.setTitle(self.tr("Offer and SKUs"))
        self.setSubTitle(self.tr("Define the offer and each SKU (one VM image each). IDs appear in URLs and "
                                 "cannot change after publishing: choose them with care."))
        self._loading = False
        self._errors: dict[str, ErrorLabel] = {}
        self.disk_columns: FittedColumns | None = None  # after the first paint (it needs QtCore.Qt)
        self._key_of: dict[QWidget, str] = {}  # field widget -> its error key ("sku.title")
        # A new project does not open all red: a field's problems show once it was edited, or at
        # once for a project that already has content (an opened file) -- see _visible_problems.
        self._touched: set[str] = set()
        self._reveal_all = False
        self.problems: list[Problem] = []
        self.size_rows: WholeRows | None = None  # after the first paint

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.profile = QComboBox()
        self._field(self.profile, self.tr("Requirement profile"),
                    self.tr("Which rules to check against: the 2015 publishing guide or today's Partner Center."))
        top.addWidget(self._buddy(self.tr("Re&quirement profile:"), self.profile))
        top.addWidget(self.profile, 1)
        outer.addLayout(top)

        splitter = QSplitter()  # horizontal
        splitter.addWidget(self._build_offer_column())
        splitter.addWidget(self._build_sku_editor())
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(0, 0)
        splitter.setSizes([260, 700])
        outer.addWidget(splitter, 1)

        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(self.tr("What is missing"))
        self.problem_list.setMaximumHeight(110)
        # A long problem wraps at the list's edge instead of running off it behind a sideways scroll bar (1024x700).
        self.problem_list.setWordWrap(True)
        self.problem_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        outer.addWidget(QLabel(self.tr("What is still missing or wrong (click to go there):")))
        outer.addWidget(self.problem_list)
        self._connect_edits()

    def _fill_size_list(self) -> None:
        """One checkable row per size of the catalogue in use."""
        size_text = self.tr("{0} — {1} vCPU, {2:g} GiB ({3})")
        size_tip = self.tr("Runs generation {0} images on {1}.")
        retired_tip = self.tr("Retired on {0}: offered only under the 2015 guide's profile.")
        retiring_tip = self.tr("Announced for retirement on {0}: recommend a current size.")
        today = date.today()
        self.size_list.clear()
        for vm in catalogue():
            item = QListWidgetItem(size_text.format(vm.name, vm.vcpus, vm.memory_gib, vm.series))
            item.setToolTip(size_tip.format(", ".join(map(str, vm.generations)), vm.architecture)
                            + (" " + retired_tip.format(vm.retired_on(today)) if vm.retired_on(today) else "")
                            + (" " + retiring_tip.format(vm.retiring_on(today)) if vm.retiring_on(today) else ""))
            item.setData(USER_ROLE, vm.name)  # user-checkable by default; a check state shows the box
            item.setData(CHECK_STATE_ROLE, UNCHECKED)
            self.size_list.addItem(item)

    def _confirm_size_catalogue(self) -> None:
        """After the first paint: the imported catalogue's real place is worked out and remembered; when the
        place remembered was wrong and the catalogue in use changes with it, the list and the checks follow."""
        real, changed = confirm_imported_path()
        settings = QtCore.QSettings()
        if settings.value(IMPORTED_CATALOGUE_KEY) != str(real):  # written only when it changes: no file sync per start
            settings.setValue(IMPORTED_CATALOGUE_KEY, str(real))
        if changed:
            self._fill_size_list()
            if self.sku_list.currentRow() >= 0:
                self._show_sku(self.sku_list.currentRow())
            self._revalidate()

    def after_first_paint(self) -> None:
        # Needs QtCore.Qt (see wizard/qt_values.py), so it waits until the page is on screen.
        # The plan button is made after the version field but stands above it: Tab follows the rows.
        # (Here, not in __init__: setTabOrder needs both widgets in the window.)
        self._confirm_size_catalogue()
        QWidget.setTabOrder(self.size_list, self.btn_plan)
        QWidget.setTabOrder(self.btn_plan, self.version)
        # The editor's scroll area is not a stop of its own on the way through the fields.
        viewport = self.sku_editor.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if area is not None:
            area.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        # Rows read whole: the problems wrap without an elided line, the VM sizes show whole rows only.
        from .parts.whole_rows import WholeRows, WrappedRows

        self.problem_list.setItemDelegate(WrappedRows(self.problem_list))
        # The disk table never scrolls sideways: a long VHD path or blob URL is elided in the middle, whole in its
        # tooltip and in Copy (with two image types the kind of disk is long too: it gives way to its title).
        from .copy_action import add_copy_action
        from .parts.fitted_columns import FittedColumns

        self.disk_columns = FittedColumns(self.disk_table, rest=3, wrapped=(), elided=(0,))
        self.disk_columns.fit()
        add_copy_action(self.disk_table)
        self.size_rows = WholeRows(self.size_list, SIZE_ROWS)
        selectable = QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        for label in [*self._errors.values(), self.urls]:
            label.setTextInteractionFlags(selectable)
        # The glossary's explanations on the terms the fields are named by (after the paint: it reads a file).
        for key, widgets in (("publisher-namespace", (self.publisher,)), ("offer-id", (self.offer_id,)),
                             ("sku", (self.sku_list, self.sku_id)), ("version", (self.version,)),
                             ("vm-size", (self.size_list,)), ("lun", (self.disk_table,))):
            self.explain(key, *widgets)

    # -- construction ------------------------------------------------------
    def _field(self, widget: QWidget, name: str, tip: str) -> QWidget:
        widget.setAccessibleName(name)
        widget.setToolTip(tip)
        return widget

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _row(self, form: QFormLayout, label: str, widget: QWidget, path_key: str, name: str, tip: str,
             under: bool = False) -> None:
        """A field with its error line; `under` puts the field under its label, the editor's whole width."""
        self._field(widget, name, tip)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        error = ErrorLabel()
        col.addWidget(error)
        self._errors[path_key] = error
        self._key_of[widget] = path_key
        if under:
            form.addRow(self._buddy(label, widget))
            form.addRow(box)
        else:
            form.addRow(self._buddy(label, widget), box)

    def _build_offer_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        offer_box = QGroupBox(self.tr("Offer"))
        form = QFormLayout(offer_box)
        # Each field under its label: beside the labels, the narrow column left the offer name a third of its
        # width ("Contoso Web Appl" at any window size); the IDs and the name now get the column's width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.publisher = QLineEdit()
        self.offer_id = QLineEdit()
        self.offer_name = QLineEdit()
        id_tip = self.tr("Lowercase letters, digits, '-' and '_'; starts with a letter or digit; at most 50 characters.")
        self._row(form, self.tr("P&ublisher namespace:"), self.publisher, "offer.publisher_namespace",
                  self.tr("Publisher namespace"), id_tip)
        self._row(form, self.tr("Offer &ID:"), self.offer_id, "offer.offer_id", self.tr("Offer ID"), id_tip)
        self._row(form, self.tr("Offer nam&e:"), self.offer_name, "offer.offer_name", self.tr("Offer name"),
                  self.tr("The name customers see for the offer."))
        layout.addWidget(offer_box)

        sku_box = QGroupBox(self.tr("SKUs"))
        sku_layout = QVBoxLayout(sku_box)
        self.sku_list = QListWidget()
        self._field(self.sku_list, self.tr("SKU list"), self.tr("Each SKU is one VM image. Select one to edit it."))
        sku_layout.addWidget(self.sku_list)
        self._errors["skus"] = ErrorLabel()
        sku_layout.addWidget(self._errors["skus"])
        self.btn_add = QPushButton(self.tr("&Add"))
        self.btn_dup = QPushButton(self.tr("Dupli&cate"))
        self.btn_remove = QPushButton(self.tr("Rem&ove"))
        self.btn_up = QPushButton(self.tr("Up"))
        self.btn_down = QPushButton(self.tr("Down"))
        for b, tip in ((self.btn_add, self.tr("Add a new SKU")), (self.btn_dup, self.tr("Copy the selected SKU")),
                       (self.btn_remove, self.tr("Remove the selected SKU")), (self.btn_up, self.tr("Move the selected SKU up")),
                       (self.btn_down, self.tr("Move the selected SKU down"))):
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        sku_layout.addLayout(button_grid((self.btn_add, self.btn_dup, self.btn_remove, self.btn_up, self.btn_down), 3))
        layout.addWidget(sku_box, 1)
        return column

    def _build_sku_editor(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        editor = QWidget()
        self.sku_editor = editor
        form = QFormLayout(editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A field that does not fit beside its label goes under it (Japanese labels are wider): no
        # sideways scrolling in the editor at the window's default size.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.sku_id = QLineEdit()
        self.sku_title = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(60)
        self.os_family = QComboBox()
        self.os_family.addItem(self.tr("Linux"), OS_LINUX)
        self.os_family.addItem(self.tr("Windows"), OS_WINDOWS)
        self.os_name = QLineEdit()
        self.os_name.setPlaceholderText(self.tr("family type version update, e.g. Windows Server Datacenter 2012 R2"))
        self.base_image = QComboBox()
        self.base_date = QLineEdit()
        self.base_date.setPlaceholderText("YYYY-MM-DD")
        self.version = QLineEdit()
        self.version.setPlaceholderText("1.0.0")
        self.published = QLabel()
        self.published.setWordWrap(True)
        self.btn_publish = QPushButton(self.tr("Record this version as &published"))
        self.btn_publish.setToolTip(self.tr("After the portal accepts this version, record it: a later version may only raise Z."))

        self._row(form, self.tr("S&KU ID:"), self.sku_id, "sku.sku_id", self.tr("SKU ID"),
                  self.tr("Unique within the offer. Lowercase letters, digits, '-' and '_'; at most 50 characters."))
        self._row(form, self.tr("&Title:"), self.sku_title, "sku.title", self.tr("SKU title"),
                  self.tr("The SKU's name as customers see it."))
        self._row(form, self.tr("Su&mmary:"), self.summary, "sku.summary", self.tr("Summary"),
                  self.tr("A short customer-visible summary (editable until push to staging)."))
        self._row(form, self.tr("OS fami&ly:"), self.os_family, "sku.os_family", self.tr("Operating system family"),
                  self.tr("Linux or Windows."))
        self._row(form, self.tr("Operating &system:"), self.os_name, "sku.os_friendly_name",
                  self.tr("Operating system friendly name"),
                  self.tr("In the form 'family type version update', e.g. 'Windows Server Datacenter 2012 R2'."))
        self._row(form, self.tr("&Base image:"), self.base_image, "sku.base_image", self.tr("Windows base image"),
                  self.tr("Windows SKUs must start from an approved base image."))
        self._row(form, self.tr("Base ima&ge date:"), self.base_date, "sku.base_image_date",
                  self.tr("Base image publication date"),
                  self.tr("For a base image not in the list: its publication date (must be after 2014-09-08)."))
        self.base_rows = [self.base_image, self.base_date]

        sizes = QWidget()
        sizes_layout = QVBoxLayout(sizes)
        sizes_layout.setContentsMargins(0, 0, 0, 0)
        self.size_filter = QLineEdit()
        self.size_filter.setPlaceholderText(self.tr("Search sizes, e.g. D2 v5, memory, compute"))
        self._field(self.size_filter, self.tr("Search VM sizes"), self.tr("Type part of a size name or series to filter."))
        self.size_list = QListWidget()
        # SIZE_ROWS one-line rows from the start, as after_first_paint keeps it (parts/whole_rows.py): the editor
        # below does not move when that runs.
        self.size_list.setFixedHeight(2 * self.size_list.frameWidth() + SIZE_ROWS * self.size_list.fontMetrics().lineSpacing())
        self._field(self.size_list, self.tr("VM size catalogue"), self.tr("Check the recommended sizes for this SKU."))
        self.sizes_chosen = QLabel()
        self.sizes_chosen.setWordWrap(True)
        sizes_layout.addWidget(self.size_filter)
        sizes_layout.addWidget(self.size_list)
        sizes_layout.addWidget(self.sizes_chosen)
        # Where an imported size catalogue would be, as remembered from the last session (checked after the paint).
        remembered = str(QtCore.QSettings().value(IMPORTED_CATALOGUE_KEY, "") or "")
        assume_imported_path(Path(remembered) if remembered else None)
        self._fill_size_list()
        # Under its label, the editor's whole width: a size's name, vCPUs, memory and series on one line
        # (at 1024x700 beside the label they were cut at the list's edge).
        self._row(form, self.tr("Recommended VM si&zes:"), sizes, "sku.vm_sizes", self.tr("Recommended VM sizes"),
                  self.tr("Shown to customers on the pricing tier blade."), under=True)

        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        self.btn_plan = QPushButton(self.tr("Properties, ports and published versions…"))
        self.btn_plan.setToolTip(self.tr("Partner Center's technical configuration of the plan: its properties, the "
                                         "ports it opens and the image versions it already publishes."))
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        plan_layout.addWidget(self.btn_plan)
        plan_layout.addWidget(self.plan_summary)
        self._row(form, self.tr("Technical configuration:"), plan, "sku.open_ports", self.tr("Technical configuration"),
                  self.tr("Used by the Partner Center export."))

        # Image types (Partner Center): shown under a profile that has more than x64 Gen1, or for a
        # SKU that already uses them -- the 2015 guide's one-image SKU keeps the page as it was.
        images = QWidget()
        images_layout = QVBoxLayout(images)
        images_layout.setContentsMargins(0, 0, 0, 0)
        self.btn_images = QPushButton(self.tr("Image types and sources…"))
        self.btn_images.setToolTip(self.tr("x64 Generation 1 or 2, Arm64, Trusted Launch, and whether the image comes "
                                           "from SAS URIs or an Azure Compute Gallery image version."))
        self.images_summary = QLabel()
        self.images_summary.setWordWrap(True)
        images_layout.addWidget(self.btn_images)
        images_layout.addWidget(self.images_summary)
        self._row(form, self.tr("Image t&ypes:"), images, "sku.images", self.tr("Image types"),
                  self.tr("Each image type is a SKU of its own in Partner Center, with its own disks."))
        self.images_row = images
        self.sku_form = form


        version_box = QWidget()
        vrow = QVBoxLayout(version_box)
        vrow.setContentsMargins(0, 0, 0, 0)
        vrow.addWidget(self.version)
        vrow.addWidget(self.published)
        publish_row = QHBoxLayout()
        publish_row.addWidget(self.btn_publish)
        publish_row.addStretch(1)
        vrow.addLayout(publish_row)
        self._row(form, self.tr("Ve&rsion:"), version_box, "sku.version", self.tr("Version"),
                  self.tr("X.Y.Z with whole numbers; within a SKU a new version may only raise Z."))
        self.version.setAccessibleName(self.tr("Version"))
        self.version.setToolTip(self.tr("X.Y.Z with whole numbers; within a SKU a new version may only raise Z."))

        disks = QWidget()
        dl = QVBoxLayout(disks)
        dl.setContentsMargins(0, 0, 0, 0)
        self.disk_table = QTableWidget(0, 4)
        self.disk_table.setHorizontalHeaderLabels([self.tr("Disk"), self.tr("LUN"), self.tr("Label"), self.tr("VHD file / blob")])
        readable_columns(self.disk_table, stretch=None)
        self.disk_table.verticalHeader().hide()
        self.disk_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disk_table.setTabKeyNavigation(False)
        self.disk_table.setMinimumHeight(110)
        read_only = ReadOnlyDelegate(self.disk_table)
        for column in (0, 1, 3):  # disk kind, LUN and file are set elsewhere; only the label is typed here
            self.disk_table.setItemDelegateForColumn(column, read_only)
        self._field(self.disk_table, self.tr("Disks"), self.tr("The OS disk and the data disks; LUNs follow the order."))
        drow = QHBoxLayout()
        self.btn_add_disk = QPushButton(self.tr("Add data &disk"))
        self.btn_remove_disk = QPushButton(self.tr("Remove data disk"))
        drow.addWidget(self.btn_add_disk)
        drow.addWidget(self.btn_remove_disk)
        drow.addStretch(1)
        dl.addWidget(self.disk_table)
        dl.addLayout(drow)
        self._row(form, self.tr("Disks:"), disks, "sku.disks", self.tr("Disks"),
                  self.tr("Add only the data disks the SKU needs: customers cannot remove image disks."))

        self.urls = QLabel()
        self.urls.setWordWrap(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.urls.setFont(mono)
        form.addRow(QLabel(self.tr("URL previews:")), self.urls)
        note = QLabel(self.tr("The IDs appear in these URLs and cannot change after publishing."))
        note.setWordWrap(True)
        form.addRow("", note)
        scroll.setWidget(editor)
        return scroll

    def _connect_edits(self) -> None:
        self.profile.currentIndexChanged.connect(self._profile_changed)
        for w in (self.publisher, self.offer_id, self.offer_name, self.sku_id, self.sku_title, self.os_name,
                  self.version, self.base_date):
            w.textChanged.connect(self._store)
        self.summary.textChanged.connect(self._store)
        self.os_family.currentIndexChanged.connect(self._store)
        self.base_image.currentIndexChanged.connect(self._store)
        self.size_list.itemChanged.connect(self._size_toggled)
        self.size_filter.textChanged.connect(self._filter_sizes)
        self.sku_list.currentRowChanged.connect(self._show_sku)
        self.btn_add.clicked.connect(self.add_sku)
        self.btn_dup.clicked.connect(self.duplicate_sku)
        self.btn_remove.clicked.connect(self.remove_sku)
        self.btn_up.clicked.connect(lambda: self.move_sku(-1))
        self.btn_down.clicked.connect(lambda: self.move_sku(1))
        self.btn_add_disk.clicked.connect(self.add_data_disk)
        self.btn_remove_disk.clicked.connect(self.remove_data_disk)
        self.btn_publish.clicked.connect(self.record_published)
        self.btn_plan.clicked.connect(self.edit_plan)
        self.btn_images.clicked.connect(self.edit_images)
        self.disk_table.itemChanged.connect(self._disk_label_edited)

    # -- model <-> widgets ---------------------------------------------------
    @property
    def sku(self) -> Sku | None:
        row = self.sku_list.currentRow()
        skus = self.project.skus
        return skus[row] if 0 <= row < len(skus) else None

    def load_from_project(self) -> None:
        from ..core.steps import offer_touched

        self._loading = True
        self._touched.clear()
        self._reveal_all = offer_touched(self.project)
        lang = current_language()
        self.profile.clear()
        for profile in all_profiles():
            self.profile.addItem(profile.display_title(lang), profile.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(self.project.profile_id)))
        offer = self.project.offer
        self.publisher.setText(offer.publisher_namespace)
        self.offer_id.setText(offer.offer_id)
        self.offer_name.setText(offer.offer_name)
        for edit in (self.publisher, self.offer_id, self.offer_name):
            edit.setCursorPosition(0)  # a value longer than its field reads from its start
        self._loading = False
        self._fill_sku_list(0)

    def _fill_sku_list(self, select: int) -> None:
        # The list's signals held while it is refilled: clearing and adding moved the current row
        # (and so showed a SKU, with its VM-size search) up to three times per fill; now once.
        self._loading = True
        self.sku_list.blockSignals(True)
        try:
            self.sku_list.clear()
            for sku in self.project.skus:
                self.sku_list.addItem(QListWidgetItem(sku.sku_id or self.tr("(new SKU)")))
            self.sku_list.setCurrentRow(min(select, len(self.project.skus) - 1))
        finally:
            self.sku_list.blockSignals(False)
        self._loading = False
        self._show_sku(self.sku_list.currentRow())
        if not self.project.skus:
            self._filter_sizes(self.size_filter.text())  # _show_sku filters when it shows a SKU

    def _show_sku(self, _row: int) -> None:
        sku = self.sku
        self.sku_editor.setEnabled(sku is not None)
        if sku is None:
            self._revalidate()
            return
        self._loading = True
        self.sku_id.setText(sku.sku_id)
        self.sku_title.setText(sku.title)
        self.summary.setPlainText(sku.summary)
        self.os_family.setCurrentIndex(max(0, self.os_family.findData(sku.os_family)))
        self.os_name.setText(sku.os_friendly_name)
        self._fill_base_images(sku)
        self.base_date.setText(sku.base_image_date)
        self.version.setText(sku.version)
        for edit in (self.sku_id, self.sku_title, self.os_name):
            edit.setCursorPosition(0)
        chosen = set(sku.vm_sizes)
        for i in range(self.size_list.count()):
            item = self.size_list.item(i)
            item.setData(CHECK_STATE_ROLE, CHECKED if item.data(USER_ROLE) in chosen else UNCHECKED)
        self._fill_disks(sku)
        self._show_images_row(sku)
        self._loading = False
        self._filter_sizes(self.size_filter.text())
        self._revalidate()

    def _images_row_wanted(self, sku: Sku) -> bool:
        from ..core.model import PlanImage

        simple = [im.image_type for im in sku.images] == [PlanImage().image_type] and sku.images[0] == PlanImage()
        return project_profile(self.project).image_types_max > 1 or not simple

    def _show_images_row(self, sku: Sku) -> None:
        box = self.images_row.parentWidget()  # the row's box (_row)
        if box is not None:
            self.sku_form.setRowVisible(box, self._images_row_wanted(sku))

    def _fill_base_images(self, sku: Sku) -> None:
        profile = project_profile(self.project)
        self.base_image.clear()
        self.base_image.addItem(self.tr("(choose)"), "")
        for name in profile.windows_base_images:
            self.base_image.addItem(name, name)
        self.base_image.addItem(self.tr("Other, published after {0}").format(profile.windows_base_approved_after),
                                BASE_IMAGE_OTHER)
        index = self.base_image.findData(sku.base_image)
        if index < 0 and sku.base_image:
            self.base_image.addItem(sku.base_image, sku.base_image)  # keep an unknown value visible
            index = self.base_image.count() - 1
        self.base_image.setCurrentIndex(max(0, index))

    def _fill_disks(self, sku: Sku) -> None:
        from ..core.image_names import IMAGE_TYPE_NAMES

        self.disk_table.setRowCount(len(sku.disks))
        several = len(sku.images) > 1
        for row, disk in enumerate(sku.disks):
            lun = sku.lun_of(disk)
            kind = self.tr("OS disk") if disk.role != ROLE_DATA else self.tr("Data disk")
            if several:
                kind = self.tr("{0}: {1}").format(translate("Core", IMAGE_TYPE_NAMES.get(disk.image_type, disk.image_type)), kind)
            cells = [kind,
                     "" if lun is None else str(lun), disk.label, disk.vhd_path or disk.blob_url or self.tr("(set in the VHD step)")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)  # only the label column edits
                if col != 2:
                    item.setToolTip(text)  # the kind and the file may be elided
                self.disk_table.setItem(row, col, item)
        if self.disk_columns is not None:
            self.disk_columns.fit()
        else:
            self.disk_table.resizeColumnsToContents()

    def _disk_label_edited(self, item: QTableWidgetItem) -> None:
        sku = self.sku
        if self._loading or sku is None or item.column() != 2 or item.row() >= len(sku.disks):
            return
        sku.disks[item.row()].label = item.text()
        self.changed()

    def _concrete(self, key: str) -> str:
        return key.replace("sku.", f"skus[{self.sku_list.currentRow()}].") if key.startswith("sku.") else key

    def _store(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        key = self._key_of.get(sender) if isinstance(sender, QWidget) else None
        if key is not None:
            self._touched.add(self._concrete(key))
        offer = self.project.offer
        offer.publisher_namespace = self.publisher.text().strip()
        offer.offer_id = self.offer_id.text().strip()
        offer.offer_name = self.offer_name.text()
        sku = self.sku
        if sku is not None:
            sku.sku_id = self.sku_id.text().strip()
            sku.title = self.sku_title.text()
            sku.summary = self.summary.toPlainText()
            sku.os_family = self.os_family.currentData()
            sku.os_friendly_name = self.os_name.text()
            sku.base_image = self.base_image.currentData() or "" if sku.os_family == OS_WINDOWS else ""
            sku.base_image_date = self.base_date.text().strip() if sku.base_image == BASE_IMAGE_OTHER else ""
            sku.version = self.version.text().strip()
        self.changed()
        self._revalidate()

    def _size_toggled(self, item: QListWidgetItem) -> None:
        sku = self.sku
        if self._loading or sku is None:
            return
        name = item.data(USER_ROLE)
        checked = item.checkState() == QtCore.Qt.CheckState.Checked  # the user toggled it: after the first paint
        self._touched.add(self._concrete("sku.vm_sizes"))
        if checked and name not in sku.vm_sizes:
            sku.vm_sizes.append(name)
        elif not checked and name in sku.vm_sizes:
            sku.vm_sizes.remove(name)
        self.changed()
        self._revalidate()

    def _filter_sizes(self, text: str) -> None:
        # Only the sizes that run one of the SKU's image types (a Gen1-only size cannot boot Gen2).
        sku = self.sku
        types = [im.image_type for im in sku.images] if sku is not None else []
        shown = {vm.name for vm in search(text, project_profile(self.project), types)}
        for i in range(self.size_list.count()):
            self.size_list.setRowHidden(i, self.size_list.item(i).data(USER_ROLE) not in shown)
        if self.size_rows is not None:
            self.size_rows.refit(rows_changed=True)

    def _profile_changed(self) -> None:
        if self._loading:
            return
        from ..core.model import apply_new_plan_defaults

        self.project.profile_id = self.profile.currentData()
        # An untouched plan starts as the rules do (Partner Center: x64 Gen2, Trusted Launch, from a gallery).
        restarted = apply_new_plan_defaults(self.project, project_profile(self.project))
        self.changed()
        self._filter_sizes(self.size_filter.text())  # retired sizes only under the 2015 profile
        sku = self.sku
        if restarted and sku is not None:
            self._show_sku(self.sku_list.currentRow())
        elif sku is not None:
            self._loading = True
            self._fill_base_images(sku)
            self._show_images_row(sku)
            self._loading = False
        self._revalidate()

    # -- SKU and disk actions ------------------------------------------------
    def add_sku(self) -> None:
        from ..core.model import new_sku

        self.project.skus.append(new_sku(project_profile(self.project)))  # gallery first under Partner Center
        self.changed()
        self._fill_sku_list(len(self.project.skus) - 1)
        self.sku_id.setFocus()

    def duplicate_sku(self) -> None:
        sku = self.sku
        if sku is None:
            return
        clone = copy.deepcopy(sku)
        clone.sku_id = f"{sku.sku_id}-copy" if sku.sku_id else ""
        clone.published_versions = []
        for image in clone.images:
            image.sku_id = ""  # each image type's SKU ID follows the copy's own ID (no duplicate IDs)
        for disk in clone.disks:
            disk.vhd_path, disk.blob_url, disk.vhd_check = "", "", None
        index = self.sku_list.currentRow() + 1
        self.project.skus.insert(index, clone)
        self.changed()
        self._fill_sku_list(index)

    def remove_sku(self) -> None:
        row = self.sku_list.currentRow()
        if 0 <= row < len(self.project.skus):
            del self.project.skus[row]
            self.changed()
            self._fill_sku_list(max(0, row - 1))

    def move_sku(self, delta: int) -> None:
        row = self.sku_list.currentRow()
        target = row + delta
        skus = self.project.skus
        if 0 <= row < len(skus) and 0 <= target < len(skus):
            skus[row], skus[target] = skus[target], skus[row]
            self.changed()
            self._fill_sku_list(target)

    def add_data_disk(self) -> None:
        sku = self.sku
        if sku is None:
            return
        # A data disk of the image whose disk is selected (the main image when none is).
        row = self.disk_table.currentRow()
        kind = sku.disks[row].image_type if 0 <= row < len(sku.disks) else sku.main_image_type
        last = max((i for i, d in enumerate(sku.disks) if d.image_type == kind), default=len(sku.disks) - 1)
        sku.disks.insert(last + 1, Disk(role=ROLE_DATA, image_type=kind))
        self.changed()
        self._loading = True
        self._fill_disks(sku)
        self._loading = False
        self._revalidate()
        # The new disk's row in view and current, its label ready to type (a table taller than its box scrolls).
        self.disk_table.setCurrentCell(last + 1, 2)
        self.disk_table.scrollTo(self.disk_table.model().index(last + 1, 2))
        self.disk_table.setFocus()

    def remove_data_disk(self) -> None:
        sku = self.sku
        if sku is None:
            return
        row = self.disk_table.currentRow()
        data_rows = [i for i, d in enumerate(sku.disks) if d.role == ROLE_DATA]
        if not data_rows:
            return
        index = row if row in data_rows else data_rows[-1]
        del sku.disks[index]
        self.changed()
        self._loading = True
        self._fill_disks(sku)
        self._loading = False
        self._revalidate()

    def edit_plan(self) -> None:
        from ..plan_dialog import PlanDialog

        sku = self.sku
        if sku is None:
            return
        dialog = PlanDialog(self.project, sku, self)
        dialog.setModal(True)
        dialog.accepted.connect(self._plan_accepted)
        dialog.open()
        self.plan_dialog = dialog  # tests reach it here

    def _plan_accepted(self) -> None:
        self.changed()
        self._revalidate()

    def edit_images(self) -> None:
        from ..image_dialog import ImageDialog

        sku = self.sku
        if sku is None:
            return
        dialog = ImageDialog(self.project, sku, self)
        dialog.setModal(True)
        dialog.accepted.connect(self._images_changed)
        dialog.open()
        self.image_dialog = dialog  # tests reach it here

    def _images_changed(self) -> None:
        sku = self.sku
        self._touched.add(self._concrete("sku.images"))
        self.changed()
        if sku is not None:
            self._loading = True
            self._fill_disks(sku)
            self._loading = False
        self._filter_sizes(self.size_filter.text())
        self._revalidate()

    def _plan_summary(self, sku: Sku) -> str:
        from dataclasses import fields

        from ..core.model import PlanProperties

        names = [f.name for f in fields(PlanProperties) if f.name != "extra"]
        on = sum(bool(getattr(sku.properties, n)) for n in names)
        versions = ", ".join(v.version for v in sku.image_versions) or self.tr("none")
        return self.tr("{0} of {1} properties on · {2} open port(s) · published versions: {3}").format(
            on, len(names), len(sku.open_ports), versions)

    def record_published(self) -> None:
        sku = self.sku
        if sku is None or self._field_problems(f"skus[{self.sku_list.currentRow()}].version"):
            return
        if sku.version not in sku.published_versions:
            sku.published_versions.append(sku.version)
            self.changed()
        self._revalidate()

    # -- validation ----------------------------------------------------------
    def _field_problems(self, path: str) -> list[Problem]:
        if path == "skus":  # problems of the list itself, not of each SKU
            return [p for p in self.problems if p.path == path]
        return [p for p in self.problems if p.path == path or p.path.startswith(path + "[")]

    def _revalidate(self) -> None:
        self.problems = validate_offer(self.project)
        row = self.sku_list.currentRow()
        sku = self.sku
        for key, label in self._errors.items():
            path = key.replace("sku.", f"skus[{row}].") if key.startswith("sku.") else key
            shown = self._reveal_all or path in self._touched
            label.show_problems([(p.severity, translate_problem(p)) for p in self._field_problems(path)]
                                if shown else [])
        windows = sku is not None and sku.os_family == OS_WINDOWS
        for widget in self.base_rows:
            widget.setEnabled(windows and (widget is self.base_image or self.base_image.currentData() == BASE_IMAGE_OTHER))
        if sku is not None:
            profile = project_profile(self.project)
            if profile.vm_sizes_min == profile.vm_sizes_max:
                need = self.tr("exactly {0}").format(profile.vm_sizes_min)
            else:
                need = self.tr("{0} to {1}").format(profile.vm_sizes_min, profile.vm_sizes_max)
            plain_text(self.sizes_chosen, self.tr("Chosen ({0} of {1}): {2}").format(
                len(sku.vm_sizes), need, ", ".join(sku.vm_sizes) or self.tr("none")))
            plain_text(self.plan_summary, self._plan_summary(sku))
            if self._images_row_wanted(sku):  # the 2015 guide's page stays lean (no dialog module before the paint)
                from ..image_dialog import image_summary

                plain_text(self.images_summary, image_summary(sku))
            published = ", ".join(sku.published_versions) or self.tr("none yet")
            plain_text(self.published, self.tr("Published versions: {0}").format(published))
            offer = self.project.offer
            urls = marketplace_urls(offer.publisher_namespace or "{PublisherNamespace}", offer.offer_id or "{OfferId}",
                                    sku.sku_id or "{SkuId}", profile)
            plain_text(self.urls, "\n".join(urls))
        # Mark SKUs with problems in the list, in words as well as with an icon.
        skus = self.project.skus
        for i in range(self.sku_list.count()):
            item = self.sku_list.item(i)
            bad = any(p.path.startswith(f"skus[{i}]") and p.severity == "error" for p in self.problems)
            name = skus[i].sku_id if i < len(skus) and skus[i].sku_id else self.tr("(new SKU)")
            item.setText(f"{'⚠' if bad else '✓'}  {name}")
            item.setToolTip(self.tr("This SKU has problems") if bad else self.tr("This SKU is complete"))
        self.problem_list.clear()
        for p in self.problems:
            where = self._describe_path(p.path)
            item = QListWidgetItem(f"{severity_mark(p.severity)} {where}: {translate_problem(p)}")
            item.setToolTip(item.text())  # the whole message where the row is cut at the window's edge
            item.setData(USER_ROLE, p.path)
            self.problem_list.addItem(item)
        # The step list's mark for this step is the aggregate of core.status's Offer items: list every one that
        # is not ✓ beyond the offer's own (its words, and those of OFFER_OTHERS, are the problems above) -- the gallery source's
        # checks against Azure and the published versions -- so "Nothing" is said only when the mark is ✓.
        others = [(sku_id, fact) for sku_id, fact in step_items(self.project, Step.OFFER)
                  if fact.id not in ("offer", OFFER_OTHERS) and not fact.ok]
        for sku_id, fact in others:
            mark = fact.mark.value  # the item's own mark, as Export shows it
            words = translate_template(fact.template, fact.args)
            if fact.fix:
                words = f"{words} {translate_template(fact.fix, fact.args)}"
            line = QListWidgetItem(f"{mark} {self.tr('SKU {0}').format(sku_id or '?')}: {words}")
            line.setToolTip(line.text())
            self.problem_list.addItem(line)
        if not self.problems and not others:
            self.problem_list.addItem(self.tr("Nothing: the offer and every SKU are complete."))
        self.refresh_complete()

    def _describe_path(self, path: str) -> str:
        if path.startswith("skus["):
            index = int(path[5:path.index("]")])
            skus = self.project.skus
            name = skus[index].sku_id if index < len(skus) and skus[index].sku_id else f"#{index + 1}"
            return self.tr("SKU {0}").format(name)
        if path.startswith("offer"):
            return self.tr("Offer")
        return self.tr("Project")

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        path = item.data(USER_ROLE) or ""
        if path.startswith("skus["):
            index = int(path[5:path.index("]")])
            if index != self.sku_list.currentRow():
                self.sku_list.setCurrentRow(index)
            key = "sku." + path.split("].", 1)[1].split("[")[0] if "]." in path else "skus"
        else:
            key = path
        label = self._errors.get(key)
        if label is not None:
            self._touched.add(self._concrete(key))
            self._revalidate()
            box = label.parentWidget()
            layout = box.layout() if box is not None else None
            first = layout.itemAt(0) if layout is not None else None
            buddy = first.widget() if first is not None else None
            if buddy is not None:
                buddy.setFocus()

    def is_step_complete(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def why_not_complete(self) -> str:
        errors = sum(p.severity == "error" for p in self.problems)
        return self.tr("Fix the {0} problem(s) marked ⚠ under “What is still missing or wrong” first (the step list "
                       "on the left still opens any step).").format(errors)
