"""Names of meeting kinds and payment methods, in one place for forms, pages and PDFs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from participatie.models import MeetingKind, PaymentMethod

KIND_LABELS = {
    MeetingKind.STUURGROEP.value: _l("Stuurgroep"),
    MeetingKind.WERKGROEP.value: _l("Werkgroep"),
    MeetingKind.OUDERGROEP.value: _l("Oudergroep"),
    MeetingKind.FOCUSGROEP.value: _l("Focusgroep"),
    MeetingKind.KLANKBORDGROEP.value: _l("Klankbordgroep"),
    MeetingKind.GESPREKSTAFEL.value: _l("Gesprekstafel"),
}

PAYMENT_LABELS = {
    PaymentMethod.NONE.value: _l("Geen vergoeding"),
    PaymentMethod.CASH.value: _l("Je krijgt het geld meteen, in cash."),
    PaymentMethod.TRANSFER.value: _l("We storten het geld op je rekening."),
    PaymentMethod.VOUCHER.value: _l("Je krijgt een bon."),
}
