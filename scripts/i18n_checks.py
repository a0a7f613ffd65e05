"""What a translation and a catalogue must respect: script, placeholders, HTML tags, newlines,
plural counts, completeness, compilation, the review status table and the default content.
Used by scripts/i18n.py check and by the tests."""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural

from participatie.i18n import SOURCE_LOCALE, SUPPORTED_LOCALES
from scripts.i18n_catalogues import (
    ALLOWLIST,
    COUNT_PLACEHOLDERS,
    MIN_SCRIPT_SHARE,
    POT,
    STATUS,
    TRANSLATABLE_ATTRIBUTES,
    TRANSLATIONS,
    UNICODE_SCRIPT,
    extract,
    forms,
    key,
    label,
    messages,
    po_path,
    pot_problems,
    read_catalog,
    script_of,
)

# --- what a translation must respect ---------------------------------------------------------


@dataclass(frozen=True)
class Allowlist:
    """translations/allowlist.txt: names kept as they are, and words spelled the same."""

    names: tuple[str, ...] = ()
    same: dict[str, frozenset[str]] = field(default_factory=dict)  # locale or "*" -> msgids

    def allows_same(self, locale: str, msgid: str) -> bool:
        return msgid in self.names or any(msgid in self.same.get(s, ()) for s in ("*", locale))


def load_allowlist(path: Path = ALLOWLIST) -> Allowlist:
    names: list[str] = []
    same: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        line = raw.strip()
        scope, sep, text = line.partition(":")
        if not line or line.startswith("#"):
            continue
        if sep and scope.strip() in (*SUPPORTED_LOCALES, "*"):
            same.setdefault(scope.strip(), set()).add(text.strip())
        else:
            names.append(line)
    names.sort(key=len, reverse=True)
    return Allowlist(tuple(names), {k: frozenset(v) for k, v in same.items()})


BRACE_FORMAT = re.compile(r"\{(?:[A-Za-z_]\w*|\d+)?(?:![rsa])?(?::[^{}]*)?\}")
# Not words of any language: tags, entities, addresses, file types (.docx), codes with digits
# (KM7P-4XRT), identifiers (end_group, label::nl), markers the code inserts ([naam]), paths (/p/x).
NOT_WORDS = re.compile(
    r"<[^>]*>|&#?\w+;|https?://\S+|\S+@\S+|(?<!\w)\.[A-Za-z]+\b|[^\s<>]*\d[^\s<>]*"
    r"|\w*_\w+|\w+::\w+|\[[^\]\s]+\]|(?<!\S)/\S+"
)


def placeholders(text: str) -> Counter[str]:
    """%(name)s, %s, %d, {0}, {name}; a literal %% or {{ }} is not a placeholder."""
    found = Counter(m.group(0) for m in PYTHON_FORMAT.finditer(text) if m.group(0) != "%%")
    found.update(BRACE_FORMAT.findall(text.replace("{{", "").replace("}}", "")))
    return found


def bare_percent(text: str) -> int:
    return PYTHON_FORMAT.sub("", text).count("%")


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = sorted((n, "…" if n in TRANSLATABLE_ATTRIBUTES else v) for n, v in attrs)
        self.tags["<" + " ".join([tag, *(f'{n}="{v}"' for n, v in shown)]) + ">"] += 1

    def handle_endtag(self, tag: str) -> None:
        self.tags[f"</{tag}>"] += 1


def html_tags(text: str) -> Counter[str]:
    """The tags with their attributes; the values of title, alt, aria-label may be translated."""
    collector = _TagCollector()
    collector.feed(text)
    collector.close()
    return collector.tags


@lru_cache(maxsize=16)
def _words(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the names, longest first, as whole words."""
    return re.compile(
        "|".join(rf"\b{re.escape(n)}\b" for n in sorted(names, key=len, reverse=True)) or "(?!)"
    )


def script_share(text: str, script: str, names: Iterable[str] = ()) -> tuple[int, int]:
    """(letters, letters in the script) once placeholders, tags, addresses and names are gone."""
    text = NOT_WORDS.sub(" ", BRACE_FORMAT.sub(" ", PYTHON_FORMAT.sub(" ", text)))
    text = _words(tuple(names)).sub(" ", text)
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    prefix = UNICODE_SCRIPT[script] + " "
    return len(letters), sum(unicodedata.name(c, "").startswith(prefix) for c in letters)


@lru_cache(maxsize=32)
def single_number_forms(plural_expr: str, nplurals: int) -> set[int]:
    """Plural forms used for one number alone (English "one", Arabic's zero, one and two)."""
    rule = gettext.c2py(plural_expr)
    seen: dict[int, set[int]] = {}
    for n in range(1000):
        seen.setdefault(rule(n), set()).add(n)
    return {form for form in range(nplurals) if len(seen.get(form, ())) == 1}


def is_untranslated(locale: str, message: Message, allowlist: Allowlist) -> bool:
    """Empty, fuzzy, or a copy of the msgid (fine for Dutch, allowlisted words and msgids made of
    placeholders alone)."""
    strings, sources = forms(message.string), forms(message.id)
    if message.fuzzy or not all(strings):
        return True
    if locale == SOURCE_LOCALE or allowlist.allows_same(locale, sources[0]):
        return False
    if not any(script_share(s, "Latn")[0] for s in sources):  # "%(code)s: %(question)s"
        return False
    return all(s in sources for s in strings)


Check = Callable[[str, Message, Catalog, Allowlist], list[str]]


def translated(message: Message) -> Iterator[tuple[int, str, str]]:
    """(form index, where, text) of each filled-in form."""
    for index, text in enumerate(forms(message.string)):
        if text:
            yield index, f"msgstr[{index}]" if message.pluralizable else "msgstr", text


def check_script(locale: str, message: Message, catalog: Catalog, allow: Allowlist) -> list[str]:
    script = script_of(locale)
    letters, in_script = script_share(" ".join(forms(message.string)), script, allow.names)
    if letters and in_script / letters < MIN_SCRIPT_SHARE:
        return [f"only {in_script} of {letters} letters are in the {script} script"]
    return []


def check_placeholders(locale: str, message: Message, catalog: Catalog, _: Allowlist) -> list[str]:
    """The msgid's placeholders, each as often; only a plural form used for one number alone
    (English "one answer", Arabic's zero, one and two) may leave out the count."""
    sources = forms(message.id)
    want = placeholders(sources[0]) | placeholders(sources[-1])
    count = COUNT_PLACEHOLDERS | set(placeholders(sources[-1]) - placeholders(sources[0]))
    single = set()
    if message.pluralizable:
        single = single_number_forms(catalog.plural_expr, catalog.num_plurals)
    problems = []
    for index, where, text in translated(message):
        have, need = placeholders(text), want
        if index in single:
            have = Counter({p: n for p, n in have.items() if p not in count})
            need = Counter({p: n for p, n in want.items() if p not in count})
        if have != need:
            problems.append(
                f"{where} has placeholders {sorted(have.elements())}, "
                f"the msgid {sorted(need.elements())}"
            )
        if all(bare_percent(text) != bare_percent(s) for s in sources):
            problems.append(f"{where} has a bare % the msgid does not have (write %% for a %)")
    return problems


def check_html(locale: str, message: Message, catalog: Catalog, _: Allowlist) -> list[str]:
    sources, problems = forms(message.id), []
    for _index, where, text in translated(message):
        if all(html_tags(text) != html_tags(s) for s in sources):
            added = sorted((html_tags(text) - html_tags(sources[0])).elements())
            lost = sorted((html_tags(sources[0]) - html_tags(text)).elements())
            problems.append(f"{where} HTML tags differ from the msgid: added {added}, lost {lost}")
    return problems


def check_newlines(locale: str, message: Message, catalog: Catalog, _: Allowlist) -> list[str]:
    def edges(text: str) -> tuple[bool, bool]:
        return text.startswith("\n"), text.endswith("\n")

    sources = forms(message.id)
    return [
        f"{where} starts or ends with a newline unlike the msgid"
        for _index, where, text in translated(message)
        if all(edges(text) != edges(s) for s in sources)
    ]


def check_plural_count(locale: str, message: Message, catalog: Catalog, _: Allowlist) -> list[str]:
    expected = get_plural(locale).num_plurals
    strings = forms(message.string)
    if message.pluralizable and (len(strings) != expected or not all(strings)):
        return [f"fills {sum(map(bool, strings))} of {expected} plural forms"]
    return []


MESSAGE_CHECKS: dict[str, Check] = {
    "script": check_script,
    "placeholders": check_placeholders,
    "html": check_html,
    "newlines": check_newlines,
    "plurals": check_plural_count,
}


def translation_problems(
    locale: str,
    message: Message,
    catalog: Catalog,
    allowlist: Allowlist,
    kinds: Iterable[str] = MESSAGE_CHECKS,
) -> list[str]:
    return [p for kind in kinds for p in MESSAGE_CHECKS[kind](locale, message, catalog, allowlist)]


# --- checks on catalogues --------------------------------------------------------------------


def compile_problems(catalog: Catalog) -> list[str]:
    """What `pybabel compile` would warn about, and a .mo that does not build."""
    problems = ["the catalogue header is marked fuzzy"] if catalog.fuzzy else []
    for message, errors in catalog.check():
        problems += [f"{label(message)}: {error}" for error in errors]
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as error:  # report any failure to build the .mo
        problems.append(f"does not compile: {error}")
    return problems


def header_problems(locale: str, catalog: Catalog) -> list[str]:
    expected = get_plural(locale)
    if (catalog.num_plurals, catalog.plural_expr) != (expected.num_plurals, expected.plural_expr):
        return [f"Plural-Forms is {catalog.plural_forms!r}, Babel has {expected.plural_forms!r}"]
    return []


CATALOGUE_KINDS = ("complete", *MESSAGE_CHECKS, "compile")


def catalogue_problems(
    locale: str,
    template: Catalog,
    root: Path = TRANSLATIONS,
    allowlist: Allowlist | None = None,
    kinds: Iterable[str] = CATALOGUE_KINDS,
) -> list[str]:
    """Every problem of one catalogue, limited to some kinds of check if asked."""
    kinds, allowlist = set(kinds), allowlist or load_allowlist()
    path = po_path(locale, root)
    if not path.exists():
        return [f"{locale}: no catalogue at {path}: run `python scripts/i18n.py update`"]
    try:
        catalog = read_catalog(path, locale)
    except Exception as error:  # a broken .po is a problem to report
        return [f"{locale}: cannot read {path}: {error}"]
    have = {key(m): m for m in messages(catalog)}
    want = {key(m) for m in messages(template)}
    problems = []
    if "complete" in kinds:
        lacking, stale = sorted(want - have.keys(), key=str), sorted(have.keys() - want, key=str)
        if lacking or stale:  # one problem: the catalogue was not updated from the POT
            problems.append(
                f"lacks {len(lacking)} and has {len(stale)} messages unlike the POT "
                f"(e.g. {(lacking or stale)[0][0]!r}): run `python scripts/i18n.py update`"
            )
        for message in have.values():
            if message.fuzzy:
                problems.append(f"{label(message)}: fuzzy (check the translation, drop the flag)")
            elif is_untranslated(locale, message, allowlist):
                problems.append(f"{label(message)}: not translated (see `missing {locale}`)")
    for message in have.values():
        found = translation_problems(
            locale, message, catalog, allowlist, kinds & set(MESSAGE_CHECKS)
        )
        problems += [f"{label(message)}: {p}" for p in found]
    if "plurals" in kinds:
        problems += header_problems(locale, catalog)
    if "compile" in kinds:
        problems += compile_problems(catalog)
    return [f"{locale}: {p}" for p in problems]


STATUS_ROW = re.compile(r"^\|\s*`?(?P<locale>[a-z]{2,3}(?:_[A-Z]{2})?)`?\s*\|(?P<rest>.*)\|$")
REVIEW_STATES = ("source language", "needs native-speaker review", "reviewed")


def status_problems(path: Path = STATUS) -> list[str]:
    """STATUS.md: a row | locale | language | how it was made | review state | reviewed by |."""
    if not path.exists():
        return [f"{path.name} is missing"]
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := STATUS_ROW.match(line.strip()):
            rows[match["locale"]] = [cell.strip() for cell in match["rest"].split("|")]
    problems = []
    for locale in SUPPORTED_LOCALES:
        cells = rows.get(locale, [])
        if len(cells) < 4 or not cells[1]:
            problems.append(
                f"{path.name}: no row `| {locale} | language | how made | state | by |`"
            )
            continue
        state, reviewer = cells[2].lower(), cells[3].strip("—- ")
        expected = REVIEW_STATES[:1] if locale == SOURCE_LOCALE else REVIEW_STATES[1:]
        if not state.startswith(expected):
            problems.append(
                f"{path.name}: {locale}: the review state starts with one of {expected}"
            )
        elif state.startswith("reviewed") and not reviewer:
            problems.append(f"{path.name}: {locale}: reviewed by whom?")
    return problems


def content_problems() -> list[str]:
    """The default content (templates, demo survey, guides, codebook, invitations) in every
    language: scripts/content_i18n.py, loaded by its path as this file is."""
    spec = importlib.util.spec_from_file_location(
        "content_i18n_script", Path(__file__).with_name("content_i18n.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems: list[str] = module.content_problems()
    return problems


def all_problems() -> list[str]:
    fresh = extract()
    template = read_catalog(POT) if POT.exists() else fresh
    problems, allowlist = pot_problems(fresh), load_allowlist()
    for locale in SUPPORTED_LOCALES:
        problems += catalogue_problems(locale, template, allowlist=allowlist)
    return problems + status_problems() + content_problems()
