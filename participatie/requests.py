"""Incoming text without control characters.

A NUL byte cannot be stored in PostgreSQL text, and control characters or Unicode
non-characters echoed back into a page make it invalid HTML. They never carry meaning in a
survey answer, so they are removed once, here, from every form field and query parameter.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.utils import cached_property

# C0 and C1 controls except tab, newline and carriage return; surrogates; non-characters.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


def clean(value: str) -> str:
    return _UNWANTED.sub("", value)


def _cleaned(pairs: MultiDict[str, str], storage: Any) -> Any:
    return storage([(clean(key), clean(value)) for key, value in pairs.items(multi=True)])


class CleanRequest(Request):
    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _cleaned(self.__dict__["form"], self.parameter_storage_class)

    @cached_property
    def args(self) -> MultiDict[str, str]:
        raw = Request.args.fget(self)  # type: ignore[attr-defined]
        return _cleaned(raw, self.parameter_storage_class)
