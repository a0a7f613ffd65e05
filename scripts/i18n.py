"""Translation catalogues: extract, update, compile, hand out and take in translations, check.

    python scripts/i18n.py extract           # code and templates -> translations/messages.pot
    python scripts/i18n.py update            # POT -> the catalogue of every supported locale
    python scripts/i18n.py missing ar        # untranslated entries as JSON lines
    python scripts/i18n.py fill ar ar.jsonl  # translated JSON lines -> catalogue, all or nothing
    python scripts/i18n.py check             # every check CI runs (default content too:
                                             # scripts/content_i18n.py); exit 1 on any problem
    python scripts/i18n.py compile           # .po -> .mo; exit 1 on any warning

Everything goes through Babel's catalogue API in-process, so the files come out the same on every
machine: no locations, sorted, no POT header, no fuzzy matching. Workflow: translations/README.md.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import gettext
import importlib.util
import io
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from participatie.i18n import SOURCE_LOCALE, SUPPORTED_LOCALES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
MAPPING = ROOT / "babel.cfg"
ALLOWLIST = TRANSLATIONS / "allowlist.txt"
STATUS = TRANSLATIONS / "STATUS.md"
REFRESH = "python scripts/i18n.py extract && python scripts/i18n.py update"

KEYWORDS = parse_keywords(
    [
        *("_", "gettext", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3", "N_"),
        *("lazy_gettext", "_l", "lazy_ngettext:1,2", "lazy_pgettext:1c,2", "lazy_npgettext:1c,2,3"),
    ]
)
COMMENT_TAGS = ("TRANSLATORS:",)
# Flask-Babel renders templates with newstyle gettext and no global `trimmed` policy: extraction
# must parse them the same way (or a `%` in a {% trans %} block gets another msgid), and a
# template that does not parse must fail loudly instead of silently losing its strings.
JINJA_OPTIONS = {"newstyle_gettext": "true", "silent": "false"}

# ISO 15924 script of each locale (Latin unless listed) -> the prefix of its letters' names.
SCRIPTS = {"ar": "Arab", "fa_AF": "Arab", "ti": "Ethi", "bg": "Cyrl", "uk": "Cyrl", "ru": "Cyrl"}
UNICODE_SCRIPT = {"Latn": "LATIN", "Arab": "ARABIC", "Cyrl": "CYRILLIC", "Ethi": "ETHIOPIC"}
MIN_SCRIPT_SHARE = 0.8
TRANSLATABLE_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
COUNT_PLACEHOLDERS = {f"%({name}){kind}" for name in ("num", "count", "n") for kind in "ds"}

Key = tuple[str, str | None]  # (singular msgid, context)


def script_of(locale: str) -> str:
    return SCRIPTS.get(locale, "Latn")


def po_path(locale: str, root: Path = TRANSLATIONS) -> Path:
    return root / locale / "LC_MESSAGES" / "messages.po"


def forms(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if value is None:
        return [""]
    return [value] if isinstance(value, str) else list(value)


def key(message: Message) -> Key:
    return (forms(message.id)[0], message.context)


def messages(catalog: Catalog) -> Iterator[Message]:
    """The catalogue's messages without the header entry."""
    return (m for m in catalog if m.id)


def label(message: Message) -> str:
    context = f" (context {message.context!r})" if message.context else ""
    return f"{key(message)[0]!r}{context}"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale, abort_invalid=True)


def write_catalog(path: Path, catalog: Catalog, *, template: bool = False) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, no_location=True, omit_header=template, sort_output=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != buffer.getvalue():
        path.write_bytes(buffer.getvalue())


# --- extract and update ----------------------------------------------------------------------


def extract(root: Path = ROOT, mapping: Path = MAPPING) -> Catalog:
    """Every translatable string of the code and templates, as babel.cfg maps them."""
    with mapping.open() as f:
        method_map, options_map = parse_mapping_cfg(f, str(mapping))  # type: ignore[no-untyped-call]
    for pattern, method in method_map:
        if method == "jinja2":
            options_map[pattern] = {**options_map.get(pattern, {}), **JINJA_OPTIONS}
    catalog = Catalog(project="participatie", fuzzy=False)
    found = extract_from_dir(
        root, method_map, options_map, KEYWORDS, COMMENT_TAGS, strip_comment_tags=True
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def message_set(catalog: Catalog) -> set[tuple[str, str | None, str | None]]:
    return {(*key(m), m.id[1] if m.pluralizable else None) for m in messages(catalog)}


def pot_problems(fresh: Catalog, pot: Path = POT) -> list[str]:
    """The strings the code has and the POT lacks, and the other way round."""
    if not pot.exists():
        return [f"{pot.name} is missing: run `{REFRESH}`"]
    on_disk, now = message_set(read_catalog(pot)), message_set(fresh)
    problems = [f"{pot.name} lacks {m[0]!r}, which the code has" for m in sorted(now - on_disk)]
    problems += [
        f"{pot.name} has {m[0]!r}, which the code no longer has" for m in sorted(on_disk - now)
    ]
    if problems:
        problems.append(f"→ run `{REFRESH}`, then translate (translations/README.md)")
    return problems


def new_catalog(locale: str) -> Catalog:
    return Catalog(
        locale=locale,
        project="participatie",
        version="main",
        msgid_bugs_address="see translations/README.md",
        revision_date=datetime.now(UTC),
        fuzzy=False,
        language_team=f"participatie {locale}",
        last_translator="see translations/STATUS.md",
        header_comment=f"# {locale} translations for participatie.\n"
        "# Who made them and who reviewed them: translations/STATUS.md.\n#",
    )


def update(locale: str, template: Catalog, root: Path = TRANSLATIONS) -> Catalog:
    """Merge the POT into one catalogue (created when missing), without fuzzy matching."""
    path = po_path(locale, root)
    catalog = read_catalog(path, locale) if path.exists() else new_catalog(locale)
    # Catalog.update adopts the template's Message objects: give each catalogue its own copy.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
    if locale == SOURCE_LOCALE:  # the msgids are Dutch: the Dutch catalogue repeats them
        for message in messages(catalog):
            if not any(forms(message.string)):
                ids = forms(message.id)
                message.string = (
                    ids[0] if len(ids) == 1 else (ids[0], *ids[1:] * (catalog.num_plurals - 1))
                )
    write_catalog(path, catalog)
    return catalog


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


# --- translators' round trip -----------------------------------------------------------------


def missing(locale: str, root: Path = TRANSLATIONS) -> list[dict[str, Any]]:
    """The untranslated entries, with what a translator needs to know."""
    catalog, allowlist = read_catalog(po_path(locale, root), locale), load_allowlist()
    obsolete = {key(m)[0]: m for m in catalog.obsolete.values() if all(forms(m.string))}
    entries = []
    for message in messages(catalog):
        if not is_untranslated(locale, message, allowlist):
            continue
        msgid = key(message)[0]
        entry: dict[str, Any] = {
            "msgid": msgid,
            "msgid_plural": message.id[1] if message.pluralizable else None,
            "context": message.context,
        }
        if message.pluralizable:
            entry["plural_forms"] = catalog.plural_forms
        if message.auto_comments:
            entry["comments"] = list(message.auto_comments)
        if close := difflib.get_close_matches(msgid, list(obsolete), n=1, cutoff=0.75):
            entry["previous"] = {"msgid": close[0], "msgstr": obsolete[close[0]].string}
        entries.append(entry)
    return entries


def fill(locale: str, lines: Iterable[str], root: Path = TRANSLATIONS) -> tuple[int, list[str]]:
    """Merge JSON lines into the catalogue; on any problem nothing is written."""
    path = po_path(locale, root)
    catalog, allowlist = read_catalog(path, locale), load_allowlist()
    problems: list[str] = []
    updates: list[tuple[Message, str | tuple[str, ...]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            message = catalog.get(entry["msgid"], context=entry.get("context"))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"line {number}: not a JSON object with a msgid ({error})")
            continue
        if message is None:
            problems.append(f"line {number}: {entry['msgid']!r} is not in the {locale} catalogue")
            continue
        value = entry.get("msgstr_plural" if message.pluralizable else "msgstr")
        if (
            message.pluralizable
            and isinstance(value, list)
            and all(isinstance(v, str) for v in value)
        ):
            string: str | tuple[str, ...] = tuple(value)
        elif not message.pluralizable and isinstance(value, str):
            string = value
        else:
            wanted = "msgstr_plural, a list of strings" if message.pluralizable else "msgstr"
            problems.append(f"line {number}: {label(message)} needs {wanted}")
            continue
        candidate = Message(
            message.id, string, flags=message.flags - {"fuzzy"}, context=message.context
        )
        found = translation_problems(locale, candidate, catalog, allowlist)
        if is_untranslated(locale, candidate, allowlist):
            found.append("empty, or the same as the msgid (if that is right: allowlist.txt)")
        problems += [f"line {number}: {label(message)}: {p}" for p in found]
        updates.append((message, string))
    if problems:
        return 0, problems
    for message, string in updates:
        message.string = string
        message.flags.discard("fuzzy")
    catalog.revision_date = datetime.now(UTC)
    write_catalog(path, catalog)
    return len(updates), []


# --- command line ----------------------------------------------------------------------------


def report(problems: list[str]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_extract(args: argparse.Namespace) -> int:
    catalog = extract()
    write_catalog(POT, catalog, template=True)
    print(f"{POT.relative_to(ROOT)}: {len(list(messages(catalog)))} messages", file=sys.stderr)
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    template, allowlist = read_catalog(POT), load_allowlist()
    for locale in SUPPORTED_LOCALES:
        catalog = update(locale, template)
        todo = sum(is_untranslated(locale, m, allowlist) for m in messages(catalog))
        print(f"{locale}: {todo} to translate", file=sys.stderr)
    return 0


def cmd_compile(args: argparse.Namespace) -> int:
    problems = []
    for locale in SUPPORTED_LOCALES:
        catalog = read_catalog(po_path(locale), locale)
        found = [f"{locale}: {p}" for p in compile_problems(catalog)]
        if not found:
            with po_path(locale).with_suffix(".mo").open("wb") as f:
                write_mo(f, catalog)
        problems += found
    return report(problems)


def cmd_missing(args: argparse.Namespace) -> int:
    for entry in missing(args.locale):
        print(json.dumps(entry, ensure_ascii=False))
    return 0


def cmd_fill(args: argparse.Namespace) -> int:
    with open(args.file, encoding="utf-8") as f:
        count, problems = fill(args.locale, f)
    if not problems:
        print(f"{args.locale}: {count} translations filled in", file=sys.stderr)
    return report(problems)


def cmd_check(args: argparse.Namespace) -> int:
    problems = all_problems()
    if not problems:
        print(f"{len(SUPPORTED_LOCALES)} catalogues: every check passes", file=sys.stderr)
    return report(problems)


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "extract": (cmd_extract, "write translations/messages.pot from the code and templates"),
    "update": (cmd_update, "merge the POT into every catalogue, creating missing ones"),
    "compile": (cmd_compile, "compile every catalogue to .mo; exit 1 on any warning"),
    "missing": (cmd_missing, "print a catalogue's untranslated entries as JSON lines"),
    "fill": (cmd_fill, "merge translations given as JSON lines into a catalogue"),
    "check": (cmd_check, "run every check; print each problem; exit 1 on any"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (_handler, doc) in COMMANDS.items():
        sub = commands.add_parser(name, help=doc, description=doc)
        if name in ("missing", "fill"):
            sub.add_argument("locale", choices=SUPPORTED_LOCALES)
        if name == "fill":
            sub.add_argument("file", help="JSON lines: {msgid, context?, msgstr | msgstr_plural}")
    args = parser.parse_args(argv)
    return COMMANDS[args.command][0](args)


if __name__ == "__main__":
    sys.exit(main())
