"""The catalogues themselves: where they live, reading and writing them, extracting the POT from
the code and templates and merging it into every locale. Used by scripts/i18n.py."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from participatie.i18n import SOURCE_LOCALE

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
