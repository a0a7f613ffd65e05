"""Routing on paper, written as plain instructions: "Koos je bij vraag 3 «Vrije tijd»? Beantwoord
dan vraag 4. Anders ga je naar vraag 5."

The relevance expression is read with the same parser the journey uses; each condition becomes
one whole translated sentence. What we cannot say simply gets a general instruction instead.
"""

from __future__ import annotations

from flask_babel import gettext as _

from participatie.content import localise
from participatie.surveys.definition import QuestionDef, SurveyDef
from participatie.surveys.relevance import ExpressionError, Node, parse


def paper_numbers(survey: SurveyDef) -> dict[str, int]:
    """Question numbers as printed: notes are text, not numbered questions."""
    numbers: dict[str, int] = {}
    for question in survey.questions:
        if question.answerable:
            numbers[question.name] = len(numbers) + 1
    return numbers


def _plain_number(value: str) -> str:
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() else str(value).replace(".", ",")


class _Describer:
    def __init__(self, survey: SurveyDef, numbers: dict[str, int], language: str) -> None:
        self.survey = survey
        self.numbers = numbers
        self.language = language

    def option_label(self, question: QuestionDef, name: str) -> str | None:
        for option in question.options:
            if option.name == name:
                return localise(option.label, self.language).text
        return None

    def subject(self, node: Node) -> tuple[QuestionDef, int] | None:
        if node.kind != "ref":
            return None
        question = self.survey.question(str(node.value))
        if question is None or question.name not in self.numbers:
            return None
        return question, self.numbers[question.name]

    def choice(self, node: Node, negated: bool) -> str | None:
        """selected(${q}, 'x'), ${q} = 'x', ${q} != 'x', and their negations."""
        if node.kind not in {"selected", "compare"} or node.value not in {None, "=", "!="}:
            return None
        subject_node, value_node = node.children
        subject = self.subject(subject_node)
        if subject is None or value_node.kind != "literal":
            return None
        question, number = subject
        if node.kind == "compare" and not question.is_choice:
            return self.number_comparison(node, negated)
        if not question.is_choice:
            return None
        label = self.option_label(question, str(value_node.value))
        if label is None:
            return None
        if negated != (node.value == "!="):
            return _("Koos je bij vraag %(number)s niet «%(answer)s»?", number=number, answer=label)
        return _("Koos je bij vraag %(number)s «%(answer)s»?", number=number, answer=label)

    def number_comparison(self, node: Node, negated: bool = False) -> str | None:
        subject_node, value_node = node.children
        subject = self.subject(subject_node)
        operator = str(node.value)
        if subject is None or value_node.kind != "literal":
            return None
        question, number = subject
        value = str(value_node.value)
        differs = negated != (operator == "!=")
        if value == "" and operator in {"=", "!="}:
            if differs:
                return _("Heb je vraag %(number)s beantwoord?", number=number)
            return _("Heb je vraag %(number)s niet beantwoord?", number=number)
        if question.answer_type.condition_shape != "number":
            return None
        shown = _plain_number(value)
        if operator in {"=", "!="}:
            if differs:
                return _(
                    "Is je antwoord op vraag %(number)s niet %(value)s?", number=number, value=shown
                )
            return _("Is je antwoord op vraag %(number)s %(value)s?", number=number, value=shown)
        if negated:
            return None
        sentences = {
            ">": _(
                "Is je antwoord op vraag %(number)s meer dan %(value)s?", number=number, value=shown
            ),
            ">=": _(
                "Is je antwoord op vraag %(number)s %(value)s of meer?", number=number, value=shown
            ),
            "<": _(
                "Is je antwoord op vraag %(number)s minder dan %(value)s?",
                number=number,
                value=shown,
            ),
            "<=": _(
                "Is je antwoord op vraag %(number)s %(value)s of minder?",
                number=number,
                value=shown,
            ),
        }
        return sentences.get(operator)

    def count(self, node: Node) -> str | None:
        counted, value_node = node.children
        if counted.kind != "count" or value_node.kind != "literal" or node.value != ">=":
            return None
        subject = self.subject(counted.children[0])
        if subject is None:
            return None
        return _(
            "Koos je bij vraag %(number)s %(count)s antwoorden of meer?",
            number=subject[1],
            count=_plain_number(str(value_node.value)),
        )

    def clause(self, node: Node) -> str | None:
        if node.kind == "not":
            inner = node.children[0]
            if inner.kind == "compare" and inner.value not in {"=", "!="}:
                return self.number_comparison(inner, negated=True)
            return self.choice(inner, negated=True)
        if node.kind == "selected":
            return self.choice(node, negated=False)
        if node.kind == "compare":
            if node.children[0].kind == "count":
                return self.count(node)
            if node.value in {"=", "!="}:
                return self.choice(node, negated=False)
            return self.number_comparison(node)
        return None

    def describe(self, node: Node) -> str | None:
        if node.kind in {"and", "or"}:
            parts = [self.describe(child) for child in _flatten(node, node.kind)]
            if any(part is None for part in parts):
                return None
            joined = " ".join(str(part) for part in parts)
            if node.kind == "and":
                return _(
                    "Is het antwoord op elk van deze vragen ja? %(conditions)s", conditions=joined
                )
            return _(
                "Is het antwoord op minstens één van deze vragen ja? %(conditions)s",
                conditions=joined,
            )
        return self.clause(node)


def _flatten(node: Node, kind: str) -> list[Node]:
    if node.kind != kind:
        return [node]
    return [leaf for child in node.children for leaf in _flatten(child, kind)]


def instruction(
    survey: SurveyDef, question: QuestionDef, numbers: dict[str, int], language: str
) -> str | None:
    """The sentence printed above a routed question, or None for a question everyone answers.

    Consecutive questions with the same condition share one sentence, above the first of them.
    """
    if not question.relevant.strip() or question.name not in numbers:
        return None
    position = survey.questions.index(question)
    if position > 0 and survey.questions[position - 1].relevant == question.relevant:
        return None
    block = [question]
    for following in survey.questions[position + 1 :]:
        if following.relevant != question.relevant:
            break
        block.append(following)
    numbered = [numbers[q.name] for q in block if q.name in numbers]
    after = next((q for q in survey.questions[position + len(block) :] if q.name in numbers), None)
    first, last = numbered[0], numbered[-1]
    if first == last:
        then = _("Beantwoord dan vraag %(number)s.", number=first)
    else:
        then = _("Beantwoord dan vraag %(first)s tot %(last)s.", first=first, last=last)
    if after is None:
        otherwise = _("Anders ben je klaar.")
    else:
        otherwise = _("Anders ga je naar vraag %(number)s.", number=numbers[after.name])
    try:
        node = parse(question.relevant)
    except ExpressionError:
        node = None
    condition = _Describer(survey, numbers, language).describe(node) if node else None
    if condition is None:
        return _(
            "Beantwoord vraag %(number)s alleen als ze voor jou geldt. %(otherwise)s",
            number=first,
            otherwise=otherwise,
        )
    return " ".join((condition, then, otherwise))
