"""Inflected form → the lexicon words it inflects, packed for a web worker's memory.

The 13 expanded lexicons hold about 126,000 forms. As a dict of str → tuple they took ~20 MB in
every worker (a str object, a tuple and a dict slot per form: ~160 bytes); issue 11 gives a
worker 150 MB in all. Packed, a form costs its characters plus a few bytes of offsets: all forms
of a language sit in one sorted, NUL-separated string, found by binary search.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence

SEPARATOR = "\x00"  # never inside a normalised word


class FormTable(Mapping[str, tuple[str, ...]]):
    def __init__(self, inverted: Mapping[str, Sequence[str]]) -> None:
        forms = sorted(inverted)
        self._words: tuple[str, ...] = tuple(sorted({w for ws in inverted.values() for w in ws}))
        word_ids = {word: i for i, word in enumerate(self._words)}
        self._blob = SEPARATOR.join(forms)
        # _starts[i]: where form i begins in _blob; one extra entry marks the end.
        self._starts = array("I")
        # _values[_value_starts[i]:_value_starts[i + 1]]: the word ids of form i.
        self._value_starts = array("I")
        self._values = array("I")
        position = 0
        for form in forms:
            self._starts.append(position)
            position += len(form) + 1
            self._value_starts.append(len(self._values))
            self._values.extend(word_ids[w] for w in inverted[form])
        self._starts.append(position)
        self._value_starts.append(len(self._values))

    def _form(self, index: int) -> str:
        return self._blob[self._starts[index] : self._starts[index + 1] - 1]

    def _index(self, form: str) -> int | None:
        low, high = 0, len(self._starts) - 1
        while low < high:
            middle = (low + high) // 2
            if self._form(middle) < form:
                low = middle + 1
            else:
                high = middle
        if low < len(self._starts) - 1 and self._form(low) == form:
            return low
        return None

    def __getitem__(self, form: str) -> tuple[str, ...]:
        index = self._index(form) if isinstance(form, str) else None
        if index is None:
            raise KeyError(form)
        ids = self._values[self._value_starts[index] : self._value_starts[index + 1]]
        return tuple(self._words[i] for i in ids)

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and SEPARATOR not in form and self._index(form) is not None

    def __iter__(self) -> Iterator[str]:
        return (self._form(i) for i in range(len(self)))

    def __len__(self) -> int:
        return len(self._starts) - 1
