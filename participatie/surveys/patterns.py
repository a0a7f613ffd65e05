"""`regex(., '…')` constraints, checked in bounded time on the server and on the device.

Python's `re` and JavaScript's RegExp both backtrack: a pattern such as `^(a+)+$` takes seconds
to minutes on a 30-character answer, and on a volunteer's phone that freezes the journey. So we
do not hand a form's pattern to either engine. Python's own parser reads the pattern (no
matching happens there); the parts a constraint needs (characters, classes, `.`, `\\d \\w \\s`,
groups, `|`, `* + ? {n,m}`, `^ $`) become a Thompson automaton, and both sides run that same
automaton as data (static/offline/patterns.js is the twin of `matches`). Time is answer length ×
automaton size, both capped, whatever the pattern: the approach of RE2, without its C++
dependency and with one engine for server and phone. Back-references, look-arounds and flags
cannot be run this way; such a pattern is refused on import, with the reason.

Classes are ASCII (`\\d` = 0-9), as in JavaScript and as ODK forms assume. Like XPath's regex(),
the pattern may match anywhere in the answer; `^` and `$` anchor it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

MAX_PATTERN_LENGTH = 300
MAX_STATES = 2_000
TOP = 0x10FFFF

_DIGIT = [[48, 57]]
_WORD = [[48, 57], [65, 90], [95, 95], [97, 122]]
_SPACE = [[9, 13], [32, 32]]
_CATEGORIES = {
    c.CATEGORY_DIGIT: (_DIGIT, False),
    c.CATEGORY_NOT_DIGIT: (_DIGIT, True),
    c.CATEGORY_WORD: (_WORD, False),
    c.CATEGORY_NOT_WORD: (_WORD, True),
    c.CATEGORY_SPACE: (_SPACE, False),
    c.CATEGORY_NOT_SPACE: (_SPACE, True),
}
_START = {c.AT_BEGINNING, c.AT_BEGINNING_STRING}
_END = {c.AT_END, c.AT_END_STRING}


class PatternError(ValueError):
    """The pattern cannot be checked safely; the message says which part (in English, for the
    import report's detail)."""


def _complement(ranges: list[list[int]]) -> list[list[int]]:
    result, low = [], 0
    for start, end in sorted(ranges):
        if start > low:
            result.append([low, start - 1])
        low = max(low, end + 1)
    if low <= TOP:
        result.append([low, TOP])
    return result


class _Builder:
    """Thompson's construction. A state is a list: ["char", ranges, negated, next],
    ["split", a, b], ["start", next], ["end", next] or ["match"]; -1 is a hole to patch."""

    def __init__(self) -> None:
        self.states: list[list[Any]] = []

    def add(self, state: list[Any]) -> int:
        if len(self.states) >= MAX_STATES:
            raise PatternError("the pattern is too large")
        self.states.append(state)
        return len(self.states) - 1

    def patch(self, holes: list[tuple[int, int]], target: int) -> None:
        for state, slot in holes:
            self.states[state][slot] = target

    # A fragment is (entry state, holes that lead out of it).
    def sequence(self, items: Any) -> tuple[int, list[tuple[int, int]]]:
        fragments = [self.item(op, av) for op, av in items]
        if not fragments:
            split = self.add(["split", -1, -1])
            return split, [(split, 1), (split, 2)]
        entry, holes = fragments[0]
        for next_entry, next_holes in fragments[1:]:
            self.patch(holes, next_entry)
            holes = next_holes
        return entry, holes

    def char(self, ranges: list[list[int]], negated: bool) -> tuple[int, list[tuple[int, int]]]:
        state = self.add(["char", ranges, negated, -1])
        return state, [(state, 3)]

    def item(self, op: Any, av: Any) -> tuple[int, list[tuple[int, int]]]:
        if op is c.LITERAL:
            return self.char([[av, av]], False)
        if op is c.NOT_LITERAL:
            return self.char([[av, av]], True)
        if op is c.ANY:
            return self.char([[10, 10]], True)
        if op is c.IN:
            return self.char(*_class(av))
        if op is c.AT and (av in _START or av in _END):
            state = self.add(["start" if av in _START else "end", -1])
            return state, [(state, 1)]
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, items = av
            if add_flags or del_flags:
                raise PatternError("flags inside the pattern are not supported")
            return self.sequence(items)
        if op is c.BRANCH:
            return self.branch(av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return self.repeat(*av)
        raise PatternError(f"{str(op).lower()} is not supported")

    def branch(self, alternatives: list[Any]) -> tuple[int, list[tuple[int, int]]]:
        entry, holes = self.sequence(alternatives[-1])
        for alternative in reversed(alternatives[:-1]):
            first, first_holes = self.sequence(alternative)
            entry = self.add(["split", first, entry])
            holes = first_holes + holes
        return entry, holes

    def repeat(self, low: int, high: int, items: Any) -> tuple[int, list[tuple[int, int]]]:
        if low > 100 or (high is not c.MAXREPEAT and high > 100):
            raise PatternError("a repetition count above 100 is not supported")
        parts: list[tuple[int, list[tuple[int, int]]]] = [self.sequence(items) for _ in range(low)]
        if high is c.MAXREPEAT:
            loop_entry, loop_holes = self.sequence(items)
            split = self.add(["split", loop_entry, -1])
            self.patch(loop_holes, split)
            parts.append((split, [(split, 2)]))
        else:
            for _ in range(high - low):
                entry, holes = self.sequence(items)
                split = self.add(["split", entry, -1])
                parts.append((split, [*holes, (split, 2)]))
        if not parts:
            return self.sequence([])
        entry, holes = parts[0]
        for next_entry, next_holes in parts[1:]:
            self.patch(holes, next_entry)
            holes = next_holes
        return entry, holes


def _class(items: list[Any]) -> tuple[list[list[int]], bool]:
    ranges: list[list[int]] = []
    negated = False
    for op, av in items:
        if op is c.NEGATE:
            negated = True
        elif op is c.LITERAL:
            ranges.append([av, av])
        elif op is c.RANGE:
            ranges.append([av[0], av[1]])
        elif op is c.CATEGORY and av in _CATEGORIES:
            found, complement = _CATEGORIES[av]
            ranges.extend(_complement(found) if complement else found)
        else:
            raise PatternError(f"{str(av).lower()} is not supported in a class")
    return ranges, negated


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> tuple[tuple[Any, ...], int]:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError("the pattern is too long")
    try:
        parsed = _parser.parse(pattern, 0)
    except re.error as error:
        raise PatternError(str(error)) from None
    if parsed.state.flags & ~c.SRE_FLAG_UNICODE:
        raise PatternError("flags inside the pattern are not supported")
    builder = _Builder()
    entry, holes = builder.sequence(list(parsed))
    builder.patch(holes, builder.add(["match"]))
    return tuple(tuple(state) for state in builder.states), entry


def program(pattern: str) -> dict[str, Any]:
    """The automaton as data for the device: {"states": [...], "start": n}. Raises PatternError."""
    states, start = _compiled(pattern)
    return {"states": [list(state) for state in states], "start": start}


def pattern_problem(pattern: str) -> str | None:
    try:
        _compiled(pattern)
    except PatternError as error:
        return str(error)
    return None


def _add(states: Any, index: int, into: list[int], seen: set[int], at: int, size: int) -> None:
    stack = [index]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        state = states[current]
        kind = state[0]
        if kind == "split":
            stack.extend((state[2], state[1]))
        elif kind == "start":
            if at == 0:
                stack.append(state[1])
        elif kind == "end":
            if at == size:
                stack.append(state[1])
        else:
            into.append(current)


def _accepts(state: Any, code: int) -> bool:
    inside = any(low <= code <= high for low, high in state[1])
    negated: bool = state[2]
    return inside != negated


def matches(pattern: str, text: str) -> bool:
    """Whether the pattern matches somewhere in the text (search, as XPath's regex())."""
    states, start = _compiled(pattern)
    size = len(text)
    current: list[int] = []
    seen: set[int] = set()
    for at in range(size + 1):
        _add(states, start, current, seen, at, size)  # unanchored: a match may start here
        if any(states[index][0] == "match" for index in current):
            return True
        if at == size:
            break
        code = ord(text[at])
        following: list[int] = []
        next_seen: set[int] = set()
        for index in current:
            state = states[index]
            if state[0] == "char" and _accepts(state, code):
                _add(states, state[3], following, next_seen, at + 1, size)
        current, seen = following, next_seen
    return False
