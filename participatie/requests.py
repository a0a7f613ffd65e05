"""Incoming text without control characters.

A NUL byte cannot be stored in PostgreSQL text, and control characters or Unicode
non-characters echoed back into a page make it invalid HTML. They never carry meaning in a
survey answer, so they are removed once, here, from every form field, query parameter and
every string (keys included) of a JSON body: the offline sync and live capture send JSON.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest
from werkzeug.utils import cached_property

# C0 and C1 controls except tab, newline and carriage return; surrogates; non-characters.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


def clean(value: str) -> str:
    return _UNWANTED.sub("", value)


def cleaned_pairs(pairs: MultiDict[str, str], storage: Any) -> Any:
    """The same fields in `storage` (a MultiDict class), keys and values cleaned."""
    return storage([(clean(key), clean(value)) for key, value in pairs.items(multi=True)])


def clean_json(value: Any) -> Any:
    """The same JSON value with every string cleaned, keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean(str(key)): clean_json(item) for key, item in value.items()}
    return value


class CleanRequest(Request):
    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        try:
            return clean_json(super().get_json(force=force, silent=silent, cache=cache))
        except RecursionError:  # nested deeper than Python's JSON reader (or we) can follow
            if silent:
                return None
            raise BadRequest("JSON nested too deeply") from None

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = cleaned_pairs(self.__dict__["form"], self.parameter_storage_class)

    @cached_property
    def args(self) -> MultiDict[str, str]:
        raw = Request.args.fget(self)  # type: ignore[attr-defined]
        cleaned: MultiDict[str, str] = cleaned_pairs(raw, self.parameter_storage_class)
        return cleaned
