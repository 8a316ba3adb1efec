"""The plan's image types (Partner Center's SKUs): x64 Gen1, x64 Gen2 or Arm64 Gen2, each with its own
SKU ID and (Gen2) security type, and where the new version's image comes from -- the disks' SAS URIs
or an Azure Compute Gallery image version (REFERENCE.md §9).

A dialog, so the simple case (one x64 Gen1 image from SAS URIs) keeps the Offer page as it was; OK
writes into the SKU (a changed type keeps its disks, a removed type loses its disks, an added type
gets an OS disk of its own), Cancel changes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .core.i18n_marks import QT_TRANSLATE_NOOP
from .core.image_names import IMAGE_TYPE_NAMES, SECURITY_TYPE_NAMES
from .core.model import SOURCE_GALLERY, SOURCE_SAS, Disk, GalleryCheckRecord, PlanImage, Project, Sku
from .core.profiles import Profile
from .i18n import translate
from .mnemonics import give_mnemonics

SOURCE_NAMES = {SOURCE_SAS: QT_TRANSLATE_NOOP("ImageDialog", "SAS URIs of the disks"),
                SOURCE_GALLERY: QT_TRANSLATE_NOOP("ImageDialog", "Azure Compute Gallery image version")}
SHORT_SOURCE = {SOURCE_SAS: QT_TRANSLATE_NOOP("ImageDialog", "SAS URIs"),
                SOURCE_GALLERY: QT_TRANSLATE_NOOP("ImageDialog", "gallery")}
AND = QT_TRANSLATE_NOOP("ImageDialog", " and ")


def core(text: str) -> str:
    return translate("Core", text)


def ui(text: str) -> str:
    return translate("ImageDialog", text)


def image_summary(sku: Sku) -> str:
    """One line per plan for the Offer page: each image type with its security type and source."""
    parts = []
    for image in sku.images:
        text = core(IMAGE_TYPE_NAMES.get(image.image_type, image.image_type))
        if image.security_types:
            text += " · " + ui(AND).join(core(SECURITY_TYPE_NAMES.get(t, t)) for t in image.security_types)
        text += " · " + ui(SHORT_SOURCE.get(image.source, image.source))
        parts.append(text)
    return "; ".join(parts)


def image_label(sku: Sku, image: PlanImage) -> str:
    """"ubuntu-standard — x64 Generation 2 (Trusted Launch)": which image a test VM runs."""
    text = f"{sku.sku_id or '?'} — {core(IMAGE_TYPE_NAMES.get(image.image_type, image.image_type))}"
    if image.security_types:
        text += " (" + ui(AND).join(core(SECURITY_TYPE_NAMES.get(t, t)) for t in image.security_types) + ")"
    return text


class ImageSlot(QGroupBox):
    """One image type's fields."""

    def __init__(self, title: str, optional: bool, profile: Profile, dialog: QDialog):
        super().__init__(title)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.security_kinds = tuple(profile.security_type_image_types)  # Partner Center: x64Gen2 only
        self.kind = QComboBox()
        self.kind.setAccessibleName(title)
        if optional:
            self.kind.addItem(self.tr("(none)"), "")
        for facts in profile.image_types:
            self.kind.addItem(core(IMAGE_TYPE_NAMES.get(facts["id"], facts["id"])), facts["id"])
        self.sku_id = QLineEdit()
        self.sku_id.setAccessibleName(self.tr("SKU ID of the image type"))
        self.security = QComboBox()
        self.security.setAccessibleName(self.tr("Security type"))
        for choice in profile.security_type_choices:
            listed = choice["types"]
            types = [str(t) for t in listed] if isinstance(listed, (list, tuple)) else []
            names = [core(SECURITY_TYPE_NAMES.get(t, t)) for t in types] or [core(SECURITY_TYPE_NAMES[""])]
            self.security.addItem(ui(AND).join(names), types)
        self.source = QComboBox()
        self.source.setAccessibleName(self.tr("Image source"))
        for source in profile.image_sources:
            self.source.addItem(ui(SOURCE_NAMES[source]), source)
        self.tenant = QLineEdit()
        self.tenant.setAccessibleName(self.tr("Tenant ID"))
        self.tenant.setPlaceholderText("00000000-0000-0000-0000-000000000000")
        self.resource = QLineEdit()
        self.resource.setAccessibleName(self.tr("Gallery image version resource ID"))
        self.resource.setPlaceholderText("/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/1.0.0")
        self.confirmed = QCheckBox(self.tr("The tenant registered the {0} resource provider (or the publishing account is "
                                      "Owner of the gallery)").format(profile.gallery_provider_namespace or "Microsoft.PartnerCenterIngestion"))
        form.addRow(self.tr("Second image t&ype:") if optional else self.tr("Image &type:"), self.kind)
        form.addRow(self.tr("SKU ID:"), self.sku_id)
        form.addRow(self.tr("Security type:"), self.security)
        form.addRow(self.tr("Image source:"), self.source)
        form.addRow(self.tr("Tenant ID:"), self.tenant)
        form.addRow(self.tr("Image version:"), self.resource)
        # Each slot's button its own Alt letter (one letter on two buttons only cycles between them).
        self.btn_check = QPushButton(self.tr("Chec&k the image version…") if optional else self.tr("C&heck the image version…"))
        self.btn_check.setToolTip(self.tr("Read the gallery image version from Azure, or paste the az JSON: Partner "
                                          "Center needs it generalized, matching the plan, replicated and readable."))
        self.btn_check.clicked.connect(self.check_gallery)
        form.addRow("", self.btn_check)
        form.addRow(self.confirmed)
        self.dialog = dialog
        self.gallery_check: GalleryCheckRecord | None = None
        self.check_dialog: QDialog | None = None
        for combo in (self.kind, self.source):
            combo.currentIndexChanged.connect(self.refresh)

    def load(self, sku: Sku, image: PlanImage | None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(image.image_type if image else "")))
        if image is not None:
            self.sku_id.setText(image.sku_id)
            index = next((i for i in range(self.security.count())
                          if sorted(self.security.itemData(i)) == sorted(image.security_types)), 0)
            self.security.setCurrentIndex(index)
            self.source.setCurrentIndex(max(0, self.source.findData(image.source)))
            self.tenant.setText(image.gallery_tenant_id)
            self.resource.setText(image.gallery_resource_id)
            self.resource.setCursorPosition(0)  # a long id reads from its start
            self.confirmed.setChecked(image.gallery_access_confirmed)
            self.gallery_check = image.gallery_check
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        for w in (self.sku_id, self.security, self.source, self.tenant, self.resource, self.confirmed):
            w.setEnabled(bool(kind))
        takes_security = kind in self.security_kinds
        self.security.setEnabled(takes_security and self.security.count() > 1)
        self.security.setToolTip("" if takes_security or not kind else
                                 self.tr("Partner Center takes a security type on x64 Generation 2 images only."))
        if not takes_security:
            self.security.setCurrentIndex(0)
        gallery = bool(kind) and self.source.currentData() == SOURCE_GALLERY
        for field in (self.tenant, self.resource, self.confirmed, self.btn_check):
            field.setEnabled(gallery)

    def image(self, old: PlanImage | None) -> PlanImage | None:
        kind = self.kind.currentData()
        if not kind:
            return None
        image = PlanImage(kind, self.sku_id.text().strip(), list(self.security.currentData() or []),
                          self.source.currentData() or SOURCE_SAS, self.tenant.text().strip(), self.resource.text().strip(),
                          self.confirmed.isChecked(), extra=dict(old.extra) if old else {})
        image.gallery_check = self.gallery_check  # what Azure said (judged against the version the plan names)
        return image

    def check_gallery(self) -> None:
        """What Azure says of the version the fields name: read from Azure or pasted az JSON (a dialog)."""
        from .gallery_dialog import GalleryCheckDialog

        owner = self.dialog
        current = self.image(None)
        if current is None:
            return
        dialog = GalleryCheckDialog(owner.project, owner.sku, current, owner)  # type: ignore[attr-defined]
        self.check_dialog = dialog

        def keep() -> None:
            self.gallery_check = dialog.record

        dialog.accepted.connect(keep)
        dialog.open()  # window-modal, without a nested event loop


class ImageDialog(QDialog):
    def __init__(self, project: Project, sku: Sku, parent: QWidget | None = None):
        super().__init__(parent)
        self.project, self.sku = project, sku
        from .core.operations import project_profile  # here: image_summary, which the first page uses, needs none of it

        profile = project_profile(project)
        self.setWindowTitle(self.tr("Image types of {0}").format(sku.sku_id or self.tr("the SKU")))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Partner Center lists each image type of a plan as a SKU of its own. Generation 2 "
                              "images boot with UEFI (GPT with an EFI system partition); Trusted Launch needs "
                              "Generation 2 and a gallery image version for its test VM. The gallery is the route "
                              "Microsoft recommends: no SAS URI is needed."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.slots = [ImageSlot(self.tr("Image type"), False, profile, self)]
        if profile.image_types_max > 1 or len(sku.images) > 1:
            self.slots.append(ImageSlot(self.tr("Second image type"), True, profile, self))
        for i, slot in enumerate(self.slots):
            slot.load(sku, sku.images[i] if i < len(sku.images) else None)
            slot.sku_id.setPlaceholderText(self.tr("default: {0}").format(
                sku.image_sku_id(sku.images[i]) if i < len(sku.images) else f"{sku.sku_id}-gen2"))
            layout.addWidget(slot)
        # What keeps OK (and Enter) from taking the fields: said here, the field it is about has the focus.
        from . import style

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        style.set_text_colour(self.problem, style.ERROR)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        give_mnemonics(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def wanted(self) -> list[PlanImage | None]:
        return [slot.image(self.sku.images[i] if i < len(self.sku.images) else None) for i, slot in enumerate(self.slots)]

    def problems(self) -> list[tuple[QWidget, str]]:
        """(field, message) for what Partner Center would refuse in what was typed here: a malformed SKU ID,
        tenant ID or image version ID, or one image type chosen twice. An empty field is not judged here
        (it may be filled later; the Offer page lists it)."""
        import copy

        from .core.operations import check_sku, project_profile
        from .i18n import translate_problem

        wanted = self.wanted()
        found: list[tuple[QWidget, str]] = []
        kinds = [image.image_type if image else "" for image in wanted]
        for i, kind in enumerate(kinds):
            if kind and kind in kinds[:i]:
                found.append((self.slots[i].kind, self.tr("{0} is chosen twice: choose another image type or (none).")
                              .format(self.slots[i].kind.currentText())))
        if found:
            return found
        trial = copy.deepcopy(self.sku)
        apply_images(trial, wanted)
        slots = [slot for slot, image in zip(self.slots, wanted, strict=True) if image is not None]
        index = next((i for i, sku in enumerate(self.project.skus) if sku is self.sku), 0)
        prefix = f"skus[{index}].images["
        for problem in check_sku(trial, index, project_profile(self.project)):
            if problem.severity != "error" or not problem.path.startswith(prefix):
                continue
            at, _, attr = problem.path[len(prefix):].partition("].")
            slot = slots[int(at)] if at.isdigit() and int(at) < len(slots) else None
            field = {"sku_id": slot.sku_id, "gallery_tenant_id": slot.tenant,
                     "gallery_resource_id": slot.resource}.get(attr) if slot is not None else None
            if field is not None and field.isEnabled() and field.text().strip():
                found.append((field, translate_problem(problem)))
        return found

    def accept(self) -> None:  # noqa: D401 - Qt override
        problems = self.problems()
        if problems:
            field, message = problems[0]
            more = len(problems) - 1
            self.problem.setText(message if not more else self.tr("{0} (and {1} more)").format(message, more))
            self.problem.show()
            field.setFocus()
            return  # Enter and OK never take what Partner Center would refuse
        self.problem.hide()
        apply_images(self.sku, self.wanted())
        super().accept()


def apply_images(sku: Sku, wanted: list[PlanImage | None]) -> None:
    """Set the plan's image types from the dialog's slots: a slot whose type changed keeps its disks
    (re-typed, all at once, so two slots may swap types); a slot emptied drops its disks; a new slot
    gets an OS disk."""
    old = list(sku.images)
    new: list[PlanImage] = []
    retype: dict[str, str] = {}
    dropped: set[str] = set()
    for i, image in enumerate(wanted):
        before = old[i] if i < len(old) else None
        if image is None or image.image_type in {n.image_type for n in new}:
            if before is not None:
                dropped.add(before.image_type)
            continue
        if before is not None:
            retype[before.image_type] = image.image_type
        new.append(image)
    sku.disks = [d for d in sku.disks if d.image_type not in dropped or d.image_type in retype]
    for disk in sku.disks:
        disk.image_type = retype.get(disk.image_type, disk.image_type)
    for image in new:
        if not sku.image_disks(image.image_type):
            sku.disks.append(Disk(image_type=image.image_type))
    sku.images = new or [PlanImage()]
