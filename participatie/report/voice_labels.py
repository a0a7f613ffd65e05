"""Translated words for the participants' voice: the resultaatsmeting's rows and the verdict."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from participatie.models import VerdictChoice

MEASURE_ITEMS = {
    "kan": _l("Wat ouders kunnen"),
    "doe": _l("Wat ouders doen"),
    "durf": _l("Wat ouders durven"),
    "wil": _l("Wat ouders willen"),
    "weet": _l("Wat ouders weten"),
    "tevreden": _l("Hoe tevreden ouders zijn"),
}
VERDICT_LABELS = {
    VerdictChoice.YES: _l("Ja"),
    VerdictChoice.PARTLY: _l("Een beetje"),
    VerdictChoice.NO: _l("Nee"),
}

TEMPLATE_GLOBALS = {"measure_items": MEASURE_ITEMS, "verdict_labels": VERDICT_LABELS}
