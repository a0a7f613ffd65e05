"""Default content in every language: what a participant or the public page shows before anyone
has typed a word of their own.

    python scripts/content_i18n.py counts   # texts per source and language, as a table
    python scripts/content_i18n.py check    # every problem; exit 1 on any (also in i18n.py check)

Two kinds of source:
- survey content kept as data: the survey templates (participatie/surveys/templates/*.json) and
  the demo survey (participatie/demo/survey.json). Each text is a {language: text} mapping with
  the Dutch source under "nl". Each of the 13 languages must have it, with the placeholders of
  the Dutch ({onderwerp}), in the language's script, without a "to translate" marker, and not a
  copy of the Dutch (allowlist.txt decides like it does for the catalogues).
- default content kept in the UI catalogues: the focus-group guides, the codebook labels, the
  names of the survey templates and the meeting invitations and reminders. Their msgids must be
  translated in every catalogue; the catalogue checks of scripts/i18n.py check the rest.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from babel.messages.extract import extract_from_file

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "participatie"
SOURCE = "nl"
UNFINISHED = re.compile(r"nog te vertalen|\bTODO\b|\bFIXME\b|\bTBD\b|\?\?\?|^\s*\[", re.IGNORECASE)


def _i18n() -> ModuleType:
    """scripts/i18n.py (not a package): its script, placeholder and allowlist rules."""
    name = "i18n_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("i18n.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def data_sources(root: Path = ROOT) -> dict[str, Path]:
    """Survey content kept as data: every template, then the demo survey."""
    package = root / "participatie"
    sources = {
        f"template {path.stem}": path
        for path in sorted((package / "surveys" / "templates").glob("*.json"))
    }
    sources["demo survey"] = package / "demo" / "survey.json"
    return sources


# Default content kept as msgids: the files whose strings are that content.
GETTEXT_SOURCES: dict[str, tuple[str, ...]] = {
    "focus-group guides": ("coordinate/focusgroups/guides.py",),
    "codebook labels": ("tagging/labels.py",),
    "template names": ("surveys/catalogue.py",),
    "invitations": (
        "meetings/views.py",
        "meetings/messages.py",
        "meetings/templates/meetings/invitation.html",
        "meetings/templates/meetings/pdf/invitation.html",
    ),
}


def texts(data: Any, where: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every {language: text} mapping with a Dutch source, with where it sits."""
    if isinstance(data, dict):
        if isinstance(data.get(SOURCE), str) and all(isinstance(v, str) for v in data.values()):
            if data[SOURCE].strip():
                yield where, data
            return
        for key, value in data.items():
            yield from texts(value, f"{where}.{key}" if where else key)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            name = item.get("name") if isinstance(item, dict) else None
            yield from texts(item, f"{where}[{name or index}]")


def text_problems(language: str, source: str, text: str, allowlist: Any) -> list[str]:
    """What is wrong with one translation of a Dutch source text."""
    i18n = _i18n()
    if not text.strip():
        return ["missing"]
    problems = []
    if UNFINISHED.search(text):
        problems.append(f"still marked as not translated: {text!r}")
    if i18n.placeholders(text) != i18n.placeholders(source):
        problems.append(
            f"placeholders {sorted(i18n.placeholders(text).elements())}, "
            f"the Dutch has {sorted(i18n.placeholders(source).elements())}"
        )
    if i18n.html_tags(text) != i18n.html_tags(source):
        problems.append("HTML tags differ from the Dutch")
    script = i18n.script_of(language)
    letters, in_script = i18n.script_share(text, script, allowlist.names)
    if letters and in_script / letters < i18n.MIN_SCRIPT_SHARE:
        problems.append(f"only {in_script} of {letters} letters are in the {script} script")
    if language != SOURCE and text == source and not allowlist.allows_same(language, source):
        problems.append("the same as the Dutch (if that is right: translations/allowlist.txt)")
    return problems


def data_problems(name: str, path: Path, allowlist: Any) -> list[str]:
    languages = _i18n().SUPPORTED_LOCALES
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        return [f"{name}: cannot read {path}: {error}"]
    problems = []
    for where, mapping in texts(data):
        for language in languages:
            for problem in text_problems(
                language, mapping[SOURCE], mapping.get(language, ""), allowlist
            ):
                problems.append(f"{name}: {where} [{language}]: {problem}")
        for language in sorted(set(mapping) - set(languages)):
            problems.append(f"{name}: {where}: {language!r} is not a supported language")
    return problems


def msgids(files: tuple[str, ...], root: Path = ROOT) -> list[str]:
    """The msgids of these files, extracted the way scripts/i18n.py extracts the POT."""
    i18n = _i18n()
    found: list[str] = []
    for file in files:
        path = root / "participatie" / file
        method = "jinja2" if path.suffix == ".html" else "python"
        options = i18n.JINJA_OPTIONS if method == "jinja2" else {}
        for _line, message, _comments, _context in extract_from_file(
            method, str(path), keywords=i18n.KEYWORDS, options=options
        ):
            msgid = message if isinstance(message, str) else message[0]
            if msgid not in found:
                found.append(msgid)
    return found


def gettext_problems(
    name: str, files: tuple[str, ...], root: Path = ROOT, allowlist: Any = None
) -> list[str]:
    i18n = _i18n()
    allowlist = allowlist or i18n.load_allowlist()
    wanted = msgids(files, root)
    problems = []
    for language in i18n.SUPPORTED_LOCALES:
        catalog = i18n.read_catalog(i18n.po_path(language, root / "translations"), language)
        for msgid in wanted:
            message = catalog.get(msgid)
            if message is None or i18n.is_untranslated(language, message, allowlist):
                problems.append(f"{name} [{language}]: {msgid!r} is not translated")
    return problems


def content_problems(root: Path = ROOT) -> list[str]:
    """Every problem of the default content, one line each."""
    allowlist = _i18n().load_allowlist(root / "translations" / "allowlist.txt")
    problems = []
    for name, path in data_sources(root).items():
        problems += data_problems(name, path, allowlist)
    for name, files in GETTEXT_SOURCES.items():
        problems += gettext_problems(name, files, root, allowlist)
    return problems


def counts(root: Path = ROOT) -> dict[str, dict[str, tuple[int, int]]]:
    """Per source and language: (texts present, texts with a Dutch source)."""
    i18n = _i18n()
    languages = i18n.SUPPORTED_LOCALES
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for name, path in data_sources(root).items():
        mappings = [m for _w, m in texts(json.loads(path.read_text("utf-8")))]
        table[name] = {
            lang: (sum(bool(m.get(lang, "").strip()) for m in mappings), len(mappings))
            for lang in languages
        }
    allowlist = i18n.load_allowlist(root / "translations" / "allowlist.txt")
    for name, files in GETTEXT_SOURCES.items():
        wanted = msgids(files, root)
        table[name] = {}
        for lang in languages:
            catalog = i18n.read_catalog(i18n.po_path(lang, root / "translations"), lang)
            done = sum(
                1
                for msgid in wanted
                if (m := catalog.get(msgid)) is not None
                and not i18n.is_untranslated(lang, m, allowlist)
            )
            table[name][lang] = (done, len(wanted))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/content_i18n.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("counts", "check"))
    parser.add_argument("--root", type=Path, default=ROOT, help="a checkout (default: this one)")
    args = parser.parse_args(argv)
    if args.command == "counts":
        table = counts(args.root)
        languages = _i18n().SUPPORTED_LOCALES
        print("| source | texts | " + " | ".join(languages) + " |")
        print("|---|---|" + "---|" * len(languages))
        for name, row in table.items():
            total = next(iter(row.values()))[1]
            print(
                f"| {name} | {total} | "
                + " | ".join(str(row[lang][0]) for lang in languages)
                + " |"
            )
        return 0
    problems = content_problems(args.root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("default content: complete in every language", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
