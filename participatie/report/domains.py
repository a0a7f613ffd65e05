"""Levensdomeinen ranked by distinct participants, split by group, source, mode and language,
the domein × drempel matrix and knelpunt/kracht/droom per domain, with small-number protection.

The published relations handed to `suppression.protect` (its docstring gives the rules):
- a split row adds up to the ranking's figure for that domain (each participant is in exactly one
  column of a split: no group is counted as "onbekend");
- the column bases add up to the number of participants;
- the source and mode splits share the focus-group column, and the survey column adds up to the
  survey modes: they are protected together, as one system;
- the survey base is the number of survey responses, published with every survey, so it is fixed.
Kinds and barriers are not exclusive (one person can raise both a problem and a dream), so their
tables have no totals to subtract from, and their cells follow the threshold rule alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from participatie.content import Localised
from participatie.i18n import SUPPORTED_LOCALES
from participatie.labels import PARTICIPANT_GROUP
from participatie.models import CodeKind, Project, ResponseMode
from participatie.report.participants import (
    FOCUS_GROUP,
    SURVEY,
    UNKNOWN,
    Evidence,
    load_evidence,
)
from participatie.report.suppression import Key, protect, shown

DIMENSIONS = ("group", "source", "mode", "language")
PARTICIPANTS = "P"


@dataclass(frozen=True)
class DomainRow:
    key: str
    label: Localised
    count: int | None  # distinct participants; None = hidden


@dataclass(frozen=True)
class Column:
    key: str
    base: int | None
    # Why a hidden column is hidden: "small" (fewer than k people) or "complement" (hidden so
    # that a small group elsewhere cannot be worked out from the totals); None when shown.
    why: str | None = None


@dataclass(frozen=True)
class Split:
    dimension: str
    columns: list[Column]
    rows: list[tuple[DomainRow, list[int | None]]]


@dataclass(frozen=True)
class Grid:
    columns: list[tuple[str, Localised]]
    rows: list[tuple[DomainRow, list[int | None]]]
    tagged: bool  # any accepted tag of this kind at all


@dataclass(frozen=True)
class DomainResults:
    k: int
    participants: int | None
    responses: int
    attendees: int | None
    ranking: list[DomainRow]
    splits: dict[str, Split]
    kinds: Grid
    barriers: Grid
    group_sizes: dict[str, int]

    def label_group(self, group: str) -> bool:
        """A quote may carry its speaker's group label only when that group has k people."""
        return self.group_sizes.get(group, 0) >= self.k


def domain_results(
    project: Project, locale: str, evidence: Evidence | None = None
) -> DomainResults:
    evidence = evidence or load_evidence(project)
    k = project.k_threshold
    ranking = _ranking(evidence, k, locale)
    shown_rows = {row.key for row in ranking if row.count is not None}
    source_mode = _protected_splits(evidence, ("source", "mode"), ranking, shown_rows, k, None)
    participants_hidden = PARTICIPANTS in source_mode.hidden
    splits = {
        "source": source_mode.split("source"),
        "mode": source_mode.split("mode"),
    }
    for dimension in ("group", "language"):
        system = _protected_splits(
            evidence, (dimension,), ranking, shown_rows, k, participants_hidden
        )
        splits[dimension] = system.split(dimension)
    attendees = splits["source"].columns[-1].base if evidence.attendees else 0
    return DomainResults(
        k=k,
        participants=None if participants_hidden else len(evidence.participants),
        responses=evidence.responses,
        attendees=attendees,
        ranking=ranking,
        splits={d: splits[d] for d in DIMENSIONS},
        kinds=_grid(evidence, CodeKind.KIND, ranking, k, locale),
        barriers=_grid(evidence, CodeKind.BARRIER, ranking, k, locale),
        group_sizes=dict(Counter(p.group for p in evidence.participants.values())),
    )


def _ranking(evidence: Evidence, k: int, locale: str) -> list[DomainRow]:
    """Shown figures by size; hidden ones (1 … k-1) next, in codebook order (their order must
    not tell their size); zeros last."""
    order = list(evidence.codebook.get(CodeKind.DOMAIN, {}))
    order += sorted(set(evidence.domains) - set(order))
    rows = []
    for position, key in enumerate(order):
        count = len(evidence.domains.get(key, ()))
        visible = shown(count, k)
        group = 2 if count == 0 else 0 if visible else 1
        rank = (group, -count if group == 0 else 0, position)
        label = evidence.label(CodeKind.DOMAIN, key, locale)
        rows.append((rank, DomainRow(key, label, count if visible else None)))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def column_order(dimension: str, values: Iterable[str]) -> list[str]:
    """A fixed order per dimension, never by size (that would hint at hidden sizes)."""
    fixed = {
        "group": list(PARTICIPANT_GROUP),
        "source": [SURVEY, FOCUS_GROUP],
        "mode": [*(m.value for m in ResponseMode), FOCUS_GROUP],
        "language": list(SUPPORTED_LOCALES),
    }[dimension]
    present = set(values)
    ordered = [v for v in fixed if v in present]
    rest = sorted(present - set(ordered) - {UNKNOWN})
    return ordered + rest + ([UNKNOWN] if UNKNOWN in present else [])


@dataclass
class _System:
    values: dict[Key, int]
    columns: dict[str, list[str]]
    rows: list[DomainRow]
    hidden: frozenset[Key]
    k: int

    def split(self, dimension: str) -> Split:
        columns = [
            Column(value, self._get(("b", dimension, value)), self._why(("b", dimension, value)))
            for value in self.columns[dimension]
        ]
        rows = [
            (
                row,
                [self._get(("c", row.key, dimension, value)) for value in self.columns[dimension]],
            )
            for row in self.rows
        ]
        return Split(dimension, columns, rows)

    def _get(self, key: Key) -> int | None:
        return None if key in self.hidden else self.values[key]

    def _why(self, key: Key) -> str | None:
        if key not in self.hidden:
            return None
        return "small" if 0 < self.values[key] < self.k else "complement"


def _protected_splits(
    evidence: Evidence,
    dimensions: tuple[str, ...],
    ranking: list[DomainRow],
    shown_rows: set[str],
    k: int,
    participants_hidden: bool | None,
) -> _System:
    people = list(evidence.participants.values())
    values: dict[Key, int] = {PARTICIPANTS: len(people)}
    relations: list[dict[Key, int]] = []
    fixed: set[Key] = set()
    forced: set[Key] = set()
    columns: dict[str, list[str]] = {}
    for dimension in dimensions:
        bases = Counter(p.attribute(dimension) for p in people)
        columns[dimension] = column_order(dimension, bases)
        relations.append({PARTICIPANTS: -1, **{("b", dimension, v): 1 for v in bases}})
        for value, base in bases.items():
            values[("b", dimension, value)] = base
        for row in ranking:
            members = evidence.domains.get(row.key, set())
            counts = Counter(evidence.participants[m].attribute(dimension) for m in members)
            values[("r", row.key)] = len(members)
            relation: dict[Key, int] = {("r", row.key): -1}
            for value in columns[dimension]:
                cell = ("c", row.key, dimension, value)
                values[cell] = counts.get(value, 0)
                relation[cell] = 1
                if row.key not in shown_rows or not shown(bases[value], k):
                    forced.add(cell)
            relations.append(relation)
            if row.key in shown_rows:
                fixed.add(("r", row.key))
    if "source" in dimensions:
        fixed.add(("b", "source", SURVEY))  # published as each survey's number of responses
    if "source" in dimensions and "mode" in dimensions and SURVEY in columns["source"]:
        survey_modes = [m for m in columns["mode"] if m != FOCUS_GROUP]
        for prefix in [("b",)] + [("c", row.key) for row in ranking]:
            relations.append(
                {(*prefix, "source", SURVEY): -1, **{(*prefix, "mode", m): 1 for m in survey_modes}}
            )
            if FOCUS_GROUP in columns["mode"]:
                relations.append(
                    {(*prefix, "source", FOCUS_GROUP): 1, (*prefix, "mode", FOCUS_GROUP): -1}
                )
    if participants_hidden:
        forced.add(PARTICIPANTS)
    elif participants_hidden is False:
        fixed.add(PARTICIPANTS)
    protection = protect(values, relations, k, fixed=fixed, forced=forced)
    return _System(values, columns, ranking, protection.hidden, k)


def _grid(
    evidence: Evidence, kind: CodeKind, ranking: list[DomainRow], k: int, locale: str
) -> Grid:
    source = evidence.kinds if kind == CodeKind.KIND else evidence.barriers
    keys = list(evidence.codebook.get(kind, {}))
    keys += sorted({key for _, key in source} - set(keys))
    values: dict[Key, int] = {}
    forced: set[Key] = set()
    for row in ranking:
        for key in keys:
            values[(row.key, key)] = len(source.get((row.key, key), ()))
            if row.count is None:
                forced.add((row.key, key))
    hidden = protect(values, [], k, forced=forced).hidden
    return Grid(
        columns=[(key, evidence.label(kind, key, locale)) for key in keys],
        rows=[
            (row, [None if (row.key, key) in hidden else values[(row.key, key)] for key in keys])
            for row in ranking
        ],
        tagged=any(source.values()),
    )
