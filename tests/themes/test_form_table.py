"""The packed form table answers exactly as the dict it replaces (themes/form_table.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from participatie.tagging.form_table import FormTable

words = st.text(alphabet="abcéлاሀ", min_size=1, max_size=6)


@given(st.dictionaries(words, st.lists(words, min_size=1, max_size=3, unique=True)), words)
def test_lookups_match_the_dict(inverted: dict[str, list[str]], probe: str) -> None:
    table = FormTable(inverted)
    assert len(table) == len(inverted)
    assert sorted(table) == sorted(inverted)
    for form, found in inverted.items():
        assert form in table and table[form] == tuple(found)
    assert (probe in table) == (probe in inverted)
    assert table.get(probe) == (tuple(inverted[probe]) if probe in inverted else None)
    assert "" not in table and "a\x00b" not in table
