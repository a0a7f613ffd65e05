"""Personal data in participants' words: detection, redaction, and what reports may show.

Results code asks one question per statement: `report_text(statement)` gives the text to show,
or None while a finding (a name, phone number, e-mail address, street address or
rijksregisternummer) has not been reviewed by a coordinator.
"""

from participatie.privacy.detect import Finding, FindingKind, find_personal_data
from participatie.privacy.redaction import (
    PLACEHOLDERS,
    needs_review,
    redact,
    report_text,
    review_fits,
    statement_findings,
)

__all__ = [
    "PLACEHOLDERS",
    "Finding",
    "FindingKind",
    "find_personal_data",
    "needs_review",
    "redact",
    "report_text",
    "review_fits",
    "statement_findings",
]
