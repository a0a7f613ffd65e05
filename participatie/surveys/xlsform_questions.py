"""One XLSForm survey row → one question of our definition, with every check that row needs."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from participatie.pictograms import PICTOGRAMS
from participatie.surveys import xlsform_messages as m
from participatie.surveys import xlsform_rows as rows
from participatie.surveys.conditions import expression_problem
from participatie.surveys.expressions import ExpressionError, columns, parse, references
from participatie.surveys.kinds import NAME_PATTERN, unique_name
from participatie.surveys.navigation import RESERVED_NAMES
from participatie.surveys.patterns import pattern_problem
from participatie.surveys.question_types import all_types, question_type
from participatie.tagging.codebook import DOMAINS

Texts = Callable[[dict[str, Any], str, str], dict[str, str]]
Options = list[dict[str, Any]]

_PIPING = re.compile(r"\$\{([^}]*)\}")
_REGEX = re.compile(r"""^regex\(\s*\.\s*,\s*(?:'([^']*)'|"([^"]*)")\s*\)$""")
# Functions that reach outside the form: data files, the device, other forms.
EXTERNAL = re.compile(r"\b(pulldata|instance|search|digest|version|uuid|now|today)\s*\(")
_BOUND = re.compile(r"^\(?\s*\.\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*\)?$")
_MOST_CHOSEN = re.compile(r"count-selected\(\s*\.\s*\)\s*<=\s*(\d+)")
# Our appearances and the one type each belongs to.
_APPEARANCES = {"likert": "select_one", "multiline": "text", "domains": "select_multiple"}
SHEET = "survey"


class QuestionRow:
    def __init__(
        self,
        report: m.Report,
        texts: Texts,
        lists: dict[str, Options],
        row: dict[str, Any],
        line: int,
    ) -> None:
        self.report = report
        self.texts = texts
        self.lists = lists
        self.row = row
        self.line = line
        self.or_other = False
        self.list_name = ""

    def problem(self, message: Any, **values: Any) -> None:
        self.report.problem(SHEET, self.line, message, **values)

    def read(self, groups: list[tuple[str, str]], taken: set[str]) -> dict[str, Any] | None:
        """The question, or None when the row cannot be one (the report says why)."""
        before = len(self.report.problems)
        typed = self._type()
        self._check_columns()
        name = self._name(groups, taken)
        if typed is None or name is None:
            return None
        type_, options = typed
        question: dict[str, Any] = {
            "name": name,
            "type": type_,
            "appearance": self._appearance(type_),
            "label": self.texts(self.row, "label", SHEET),
            "hint": self.texts(self.row, "hint", SHEET),
            "required": self._yes_no("required"),
            "relevant": self._relevant(groups, taken),
            "pictogram": str(self.row.get(rows.PICTOGRAM_COLUMN, "")).strip(),
            "minimum": None,
            "maximum": None,
            "is_group_question": self._yes_no(rows.GROUP_QUESTION_COLUMN),
            "choice_filter": "",
            "pattern": "",
            "constraint_message": {},
            "offer_decline": self._yes_no(rows.DECLINE_COLUMN),
            "low_label": self.texts(self.row, "low_label", SHEET),
            "high_label": self.texts(self.row, "high_label", SHEET),
            "options": options,
        }
        self._check(question, taken)
        return question if len(self.report.problems) == before else None

    def _type(self) -> tuple[str, Options] | None:
        raw = re.sub(r"\s+", " ", str(self.row.get("type", "")).strip())
        lowered = raw.lower()
        choice_types = [t for t in all_types() if t.is_choice]
        for spellings, type_ in ((t.xlsform_spellings, t.name) for t in choice_types):
            spelling = next((s for s in spellings if lowered.startswith(s + " ")), None)
            if spelling is None:
                continue
            rest = raw[len(spelling) + 1 :]
            other = next((o for o in rows.OR_OTHER if rest.lower().endswith(" " + o)), None)
            if other:
                rest = rest[: -len(other) - 1]
                self.or_other = True
            list_part = rest.split()
            if len(list_part) != 1:
                self.problem(m.SELECT_LIST, type=spelling)
                return None
            if list_part[0] not in self.lists:
                self.problem(m.NO_LIST, list=list_part[0])
                return None
            self.list_name = list_part[0]
            options = [dict(option) for option in self.lists[list_part[0]]]
            if self.or_other and any(o["name"] == rows.OTHER_OPTION for o in options):
                self.problem(m.OTHER_TAKEN, list=list_part[0])
            return type_, options
        if any(lowered in t.xlsform_spellings for t in choice_types):
            self.problem(m.SELECT_LIST, type=raw)
            return None
        simple = next((t.name for t in all_types() if lowered in t.xlsform_spellings), None)
        if simple:
            return simple, []
        first = lowered.split(" ")[0]
        if first.endswith("_from_file") or first in {"select_one_external", "xml-external"}:
            self.problem(m.FROM_FILE, type=raw)
            return None
        if first in {"include", "csv-external"}:
            self.problem(m.INCLUDE, type=raw)
            return None
        what = rows.UNSUPPORTED_TYPES.get(first)
        if what is not None:
            self.problem(m.TYPE_UNSUPPORTED, type=raw, what=str(what))
        else:
            self.problem(m.TYPE_UNKNOWN, type=raw)
        return None

    def _name(self, groups: list[tuple[str, str]], taken: set[str]) -> str | None:
        name = str(self.row.get("name", "")).strip()
        if not name:
            self.problem(m.NO_NAME)
            return None
        if not NAME_PATTERN.match(name):
            self.problem(m.BAD_NAME, name=name)
        if name in RESERVED_NAMES:
            self.problem(m.RESERVED_NAME, name=name)
        if name in taken:
            # XLSForm allows one name in two groups; flattened, the second needs another name.
            renamed = unique_name(f"{groups[-1][0]}_{name}" if groups else name, taken)
            self.report.notice(SHEET, self.line, m.RENAMED, name=name, new=renamed)
            return renamed
        return name

    def _check_columns(self) -> None:
        for header, value in self.row.items():
            column, _language = rows.split_header(str(header))
            if column in rows.SURVEY_COLUMNS or not str(value).strip():
                continue
            if column.startswith("$"):
                self.report.column_skipped(SHEET, str(header), m.REASON_KOBO_ID)
            elif column == "calculation":
                self.problem(m.COLUMN_UNSUPPORTED, column=header, value=value)
            elif column in rows.NOTICE_COLUMNS:
                self.report.column_skipped(SHEET, str(header), rows.NOTICE_COLUMNS[column])
            else:
                self.problem(m.COLUMN_UNSUPPORTED, column=header, value=value)

    def _appearance(self, type_: str) -> str:
        chosen = ""
        appearance = str(self.row.get("appearance", ""))
        external = EXTERNAL.search(appearance)
        if external:
            self.problem(m.EXTERNAL, function=external.group(1) + "()")
            return ""
        for token in appearance.split():
            wanted = _APPEARANCES.get(token)
            if wanted is None:
                self.report.notice(SHEET, self.line, m.APPEARANCE_SKIPPED, appearance=token)
            elif wanted != type_:
                self.problem(m.APPEARANCE_WRONG, appearance=token, type=type_)
            else:
                chosen = token
        return chosen

    def _yes_no(self, column: str) -> bool:
        value = str(self.row.get(column, "")).strip()
        if value.lower() in rows.YES:
            return True
        if value.lower() not in rows.NO:
            self.problem(m.YES_OR_NO, column=column, value=value)
        return False

    def _relevant(self, groups: list[tuple[str, str]], earlier: set[str]) -> str:
        """The question's own condition and those of the groups around it, all at once."""
        parts = [relevant for _name, relevant in groups if relevant]
        own = str(self.row.get("relevant", "")).strip()
        if own:
            parts.append(own)
        expression = parts[0] if len(parts) == 1 else " and ".join(f"({p})" for p in parts)
        external = EXTERNAL.search(expression)
        if external:
            self.problem(m.EXTERNAL, function=external.group(1) + "()")
            return expression
        problem = expression_problem(expression, earlier) if expression else None
        if problem:
            self.problem(problem)
        return expression

    def _check(self, question: dict[str, Any], earlier: set[str]) -> None:
        if not question["label"]:
            self.problem(m.NO_LABEL)
        for text in [*question["label"].values(), *question["hint"].values()]:
            unknown = [p for p in _PIPING.findall(text) if p not in earlier]
            if unknown:
                self.problem(m.PIPED_UNKNOWN, reference="${" + unknown[0] + "}")
                break
        self._choice_filter(question, earlier)
        if question["pictogram"] and question["pictogram"] not in PICTOGRAMS:
            self.problem(m.PICTOGRAM, name=question["pictogram"])
        answer_type = question_type(question["type"])
        if question["is_group_question"] and not (
            answer_type.is_choice and not answer_type.several
        ):
            self.problem(m.GROUP_QUESTION)
        if question["appearance"] == "domains":
            strange = [o["name"] for o in question["options"] if o["name"] not in DOMAINS]
            if strange:
                self.problem(m.NOT_DOMAINS, name=strange[0])
        constraint = str(self.row.get("constraint", "")).strip()
        if constraint:
            self._constraint(question, constraint)
        elif self.texts(self.row, "constraint_message", SHEET):
            self.report.column_skipped(SHEET, "constraint_message", m.REASON_OWN_MESSAGE)
        # As the builder keeps them: a refusal only where skipping is allowed, end words only
        # on a number scale.
        if question["offer_decline"] and question["required"]:
            question["offer_decline"] = False
            self.report.column_skipped(SHEET, rows.DECLINE_COLUMN, m.REASON_DECLINE_REQUIRED)
        if answer_type.limits != "number":
            for column in rows.SCALE_END_COLUMNS:
                if question[column]:
                    question[column] = {}
                    self.report.column_skipped(SHEET, column, m.REASON_NOT_A_SCALE)

    def _choice_filter(self, question: dict[str, Any], earlier: set[str]) -> None:
        expression = str(self.row.get("choice_filter", "")).strip()
        if not expression:
            return
        if not question["options"]:
            self.problem(m.COLUMN_UNSUPPORTED, column="choice_filter", value=expression)
            return
        try:
            node = parse(expression, True)
        except ExpressionError as error:
            self.problem(
                m.CHOICE_FILTER, filter=expression, detail=str(error), example=m.FILTER_EXAMPLE
            )
            return
        known = {"name", *(k for o in question["options"] for k in o.get("filters", {}))}
        for column in sorted(columns(node) - known):
            self.problem(m.CHOICE_FILTER_COLUMN, column=column)
        for name in sorted(references(node) - earlier):
            self.problem(m.CALCULATION_REFERENCE, name=name)
        used = columns(node)
        question["choice_filter"] = expression
        for option in question["options"]:
            option["filters"] = {k: v for k, v in option.get("filters", {}).items() if k in used}

    def _constraint(self, question: dict[str, Any], constraint: str) -> None:
        """A regex() on a text question keeps the form's own message; bounds on numbers and
        choices become our minimum and maximum, with our own message."""
        regex = _REGEX.match(constraint)
        if regex is None:
            if self.texts(self.row, "constraint_message", SHEET):
                self.report.notice(SHEET, self.line, m.OWN_MESSAGE)
            self._bounds(question, constraint)
            return
        pattern = regex.group(1) if regex.group(1) is not None else regex.group(2)
        detail = pattern_problem(pattern)
        if question["type"] != "text":
            self.problem(m.CONSTRAINT, constraint=constraint)
        elif detail:
            self.problem(m.REGEX, constraint=constraint, detail=detail)
        else:
            question["pattern"] = pattern
            question["constraint_message"] = self.texts(self.row, "constraint_message", SHEET)

    def _bounds(self, question: dict[str, Any], constraint: str) -> None:
        """`. >= 0 and . <= 15` → minimum 0, maximum 15; `count-selected(.) <= 3` on a
        select_multiple → at most 3 answers; any other constraint is refused."""
        answer_type = question_type(question["type"])
        limits = answer_type.limits
        if limits not in ("count", "number"):
            # A type with limits of its own (a date) reads its constraint itself.
            bounds = answer_type.xlsform_bounds(constraint)
            if bounds is None:
                self.problem(m.CONSTRAINT, constraint=constraint)
                return
            question["minimum"], question["maximum"] = bounds
            return
        if limits == "count":
            most = _MOST_CHOSEN.fullmatch(constraint)
            if most is None or int(most.group(1)) < 1:
                self.problem(m.CONSTRAINT, constraint=constraint)
                return
            question["maximum"] = float(most.group(1))
            return
        for part in re.split(r"\s+and\s+", constraint):
            match = _BOUND.match(part.strip())
            if not match:
                self.problem(m.CONSTRAINT, constraint=constraint)
                return
            operator, number = match.group(1), float(match.group(2))
            strict = operator in {"<", ">"}
            whole = question_type(question["type"]).whole_numbers
            if strict and (not whole or not number.is_integer()):
                self.problem(m.CONSTRAINT, constraint=constraint)
                return
            if operator.startswith(">"):
                question["minimum"] = number + 1 if strict else number
            else:
                question["maximum"] = number - 1 if strict else number
