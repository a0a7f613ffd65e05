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
import difflib
import json
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Message
from babel.messages.mofile import write_mo

from participatie.i18n import SUPPORTED_LOCALES

# Run as `python scripts/i18n.py`, Python puts scripts/ on the path, not the repository; the
# sibling modules are imported as `scripts.*`, the way mypy and the tests see them.
if str(ROOT_DIR := Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(ROOT_DIR))

from scripts.i18n_catalogues import (
    JINJA_OPTIONS,
    KEYWORDS,
    MAPPING,
    MIN_SCRIPT_SHARE,
    POT,
    ROOT,
    TRANSLATIONS,
    extract,
    forms,
    key,
    label,
    messages,
    po_path,
    pot_problems,
    read_catalog,
    script_of,
    update,
    write_catalog,
)
from scripts.i18n_checks import (
    Allowlist,
    all_problems,
    catalogue_problems,
    compile_problems,
    html_tags,
    is_untranslated,
    load_allowlist,
    placeholders,
    script_share,
    status_problems,
    translation_problems,
)

# The tests and scripts/content_i18n.py use these through this module.
__all__ = [
    "JINJA_OPTIONS",
    "KEYWORDS",
    "MAPPING",
    "MIN_SCRIPT_SHARE",
    "POT",
    "ROOT",
    "SUPPORTED_LOCALES",
    "TRANSLATIONS",
    "Allowlist",
    "all_problems",
    "catalogue_problems",
    "compile_problems",
    "extract",
    "fill",
    "forms",
    "html_tags",
    "is_untranslated",
    "key",
    "label",
    "load_allowlist",
    "main",
    "messages",
    "missing",
    "placeholders",
    "po_path",
    "pot_problems",
    "read_catalog",
    "script_of",
    "script_share",
    "status_problems",
    "translation_problems",
    "update",
    "write_catalog",
]


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
