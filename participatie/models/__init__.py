"""The domain model of DESIGN.md §4, split by aggregate."""

from participatie.models.accounts import Membership, PasswordReset, Role, User
from participatie.models.audit import AuditEvent
from participatie.models.base import Base
from participatie.models.decisions import Action, ActionStatus, Decision, DecisionOutcome
from participatie.models.focusgroups import Attendee, FocusGroup, Quote
from participatie.models.meetings import (
    AgendaItem,
    Channel,
    Contact,
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    MeetingKind,
    MessageKind,
    PaymentMethod,
    Reminder,
)
from participatie.models.projects import Organisation, Project
from participatie.models.responses import (
    Answer,
    Assistance,
    IdempotencyKey,
    Response,
    ResponseMode,
)
from participatie.models.retention import AggregateSnapshot
from participatie.models.surveys import (
    Appearance,
    Option,
    Question,
    QuestionAudio,
    QuestionType,
    Survey,
    SurveyStatus,
)
from participatie.models.themes import (
    Code,
    CodeKind,
    Statement,
    StatementSource,
    Tag,
    TagStatus,
    Theme,
    ThemeStatement,
)

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaItem",
    "AggregateSnapshot",
    "Answer",
    "Appearance",
    "Assistance",
    "Attendee",
    "AuditEvent",
    "Base",
    "Channel",
    "Code",
    "CodeKind",
    "Contact",
    "Decision",
    "DecisionOutcome",
    "FocusGroup",
    "IdempotencyKey",
    "Meeting",
    "MeetingAttendee",
    "MeetingDecision",
    "MeetingKind",
    "Membership",
    "MessageKind",
    "Option",
    "Organisation",
    "PasswordReset",
    "PaymentMethod",
    "Project",
    "Question",
    "QuestionAudio",
    "QuestionType",
    "Quote",
    "Reminder",
    "Response",
    "ResponseMode",
    "Role",
    "Statement",
    "StatementSource",
    "Survey",
    "SurveyStatus",
    "Tag",
    "TagStatus",
    "Theme",
    "ThemeStatement",
    "User",
]
