"""Build step: expand each lexicon's words into their inflected forms with simplemma's tables.

Run ``python -m participatie.tagging.build_lexicons [LANG ...]`` after editing a file under
``lexicons/``; it writes ``lexicons/expanded/<lang>.json`` (commit it). Why a build step:
simplemma's dictionaries take 40 MB (nl) to 850 MB (ru) once loaded and lemmatising costs several
times TextBlob's sentiment per text (DESIGN.md §8), so web workers must never load them. Instead we
invert simplemma's form -> lemma table for the few hundred words a lexicon uses and store only
those forms. The runtime (``lexicons.load``) reads the expanded file and nothing else.

How a word is expanded: its lemma set is the word itself plus simplemma's lemma for it (so both
``werkloos`` and an inflected lexicon word find their paradigm); every dictionary form whose lemma
is in that set becomes a form of the word. Forms and lemmas go through the runtime normaliser first.
Words written ``=word`` (exact), ``stem*`` or ``*head`` are not expanded.

Languages simplemma does not cover get no forms (``"simplemma": null`` in their lexicon): Somali
(so) and Tigrinya (ti). Their lexicons rely on ``stem*`` entries and clitic ``prefixes``/``suffixes``
instead (see ``matcher.py``). Dari (fa_AF) uses simplemma's Persian (``fa``) table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from participatie.tagging.codebook import LANGUAGES
from participatie.tagging.matcher import plain_words
from participatie.tagging.normalize import normalize, without_diacritics

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
EXPANDED_DIR = LEXICON_DIR / "expanded"
# A cap per word keeps Turkish and Slavic paradigms (hundreds of rare forms) from bloating files.
MAX_FORMS_PER_WORD = 160


def source_digest(raw: bytes) -> str:
    """Digest of a source lexicon, stored in the expanded file to detect a stale build."""
    return hashlib.sha256(raw).hexdigest()[:16]


def expand_words(
    words: set[str],
    simplemma_lang: str,
    lang: str,
    own_paradigm: bool = False,
    negated_form: str = "",
    form_keeps_skeleton: tuple[str, ...] | None = None,
    fold_diacritics: bool = False,
) -> dict[str, list[str]]:
    """Inflected forms of ``words`` according to simplemma's table for ``simplemma_lang``.

    ``own_paradigm`` (a lexicon option): a word that is a lemma with forms of its own keeps only
    those. Turkish ``gelir`` (income) is also a form of ``gelmek`` (to come): without this, every
    form of "to come" (``geliyor``, ``gelen``) would count as income.

    ``negated_form`` (a lexicon option, a regular expression): a word that is a negated verb form
    keeps only the forms that are negated too. Turkish ``bilmiyorum`` (I do not know) shares its
    lemma with ``biliyorum`` (I know): without this, knowing would count as not knowing.

    ``form_keeps_skeleton`` (a lexicon option, the article prefixes of the language; Arabic): a
    form is kept only if its consonants (article, long vowels and hamza carriers removed) are the
    word's, or, when both have three or more, one is a subsequence of the other (a suffix, a broken
    plural: ``فاتوره`` under ``الفواتير``). Unvowelled Arabic makes simplemma's table join
    unrelated words: ``السنه`` (the year) was listed under ``اسنان`` (teeth), ``ولدين`` (two boys)
    under ``ديون`` (debts), ``علمتني`` (she taught me) under ``تعليم`` (education).

    ``fold_diacritics`` (a lexicon option): every form and the word itself also match as typed
    without the language's letters (``calisiyorum`` for ``çalışıyorum``, ``ecole`` for ``école``),
    unless that spelling is a word of the language's dictionary itself (``du`` is no ``dû``).
    """
    negated = re.compile(negated_form) if negated_form else None
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    table = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(simplemma_lang)
    lemma_of: dict[str, set[str]] = defaultdict(set)
    dictionary: set[str] = set()
    for form, lemma in table.items():  # pass 1: the lemmas of the lexicon's own words
        nform = normalize(form, lang)
        if fold_diacritics:
            dictionary.add(nform)
        if nform in words:
            lemma_of[nform].add(normalize(lemma, lang))
    wanted = set(words).union(*lemma_of.values())
    forms_of: dict[str, set[str]] = defaultdict(set)
    for form, lemma in table.items():  # pass 2: every form of those lemmas
        nlemma = normalize(lemma, lang)
        if nlemma in wanted:
            nform = normalize(form, lang)
            if nform and " " not in nform:
                forms_of[nlemma].add(nform)
    expanded: dict[str, list[str]] = {}
    for word in sorted(words):
        lemmas = {word} | lemma_of.get(word, set())
        if own_paradigm and forms_of.get(word):
            lemmas = {word}
        forms: set[str] = set()
        for lemma in lemmas:
            forms |= forms_of.get(lemma, set())
        forms.discard(word)
        if negated is not None and negated.search(word):
            forms = {form for form in forms if negated.search(form)}
        if form_keeps_skeleton is not None:
            articles = form_keeps_skeleton
            forms = {form for form in forms if _same_skeleton(word, form, articles)}
        if forms:
            # shortest first: the common forms of a paradigm are usually the short ones
            expanded[word] = sorted(forms, key=lambda f: (len(f), f))[:MAX_FORMS_PER_WORD]
    if fold_diacritics:
        _add_folded(expanded, words, dictionary)
    return expanded


def _add_folded(expanded: dict[str, list[str]], words: set[str], dictionary: set[str]) -> None:
    """Add to each word's forms its forms (and itself) as typed without diacritics, where that
    spelling is neither a dictionary word nor one of the lexicon's own words or forms."""
    taken = dictionary | words | {form for forms in expanded.values() for form in forms}
    for word in sorted(words):
        folded = {without_diacritics(form) for form in [word, *expanded.get(word, [])]}
        new = sorted(folded - taken, key=lambda f: (len(f), f))
        if new:
            expanded[word] = [*expanded.get(word, []), *new]


_WEAK_LETTERS = frozenset("اويهىءئؤ")


def _skeleton(word: str, articles: tuple[str, ...]) -> str:
    for article in sorted(articles, key=len, reverse=True):
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    return "".join(letter for letter in word if letter not in _WEAK_LETTERS)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def _same_skeleton(word: str, form: str, articles: tuple[str, ...]) -> bool:
    a, b = sorted((_skeleton(word, articles), _skeleton(form, articles)), key=len)
    return a == b or (len(a) >= 3 and _is_subsequence(a, b))


def build(lang: str) -> Path:
    """Expand ``lexicons/<lang>.json`` into ``lexicons/expanded/<lang>.json``."""
    path = LEXICON_DIR / f"{lang}.json"
    raw = path.read_bytes()
    source: dict[str, Any] = json.loads(raw)
    sm_lang = source.get("simplemma")
    own = bool(source.get("own_paradigm", False))
    negated = str(source.get("negated_form", ""))
    keeps = source.get("form_keeps_skeleton")
    keeps_word = tuple(str(a) for a in keeps) if isinstance(keeps, list) else None
    fold = bool(source.get("fold_diacritics", False))
    forms = (
        expand_words(plain_words(source, lang), sm_lang, lang, own, negated, keeps_word, fold)
        if sm_lang
        else {}
    )
    out = {
        "lang": lang,
        "simplemma": sm_lang,
        "source_digest": source_digest(raw),
        "source": source,
        "forms": forms,
    }
    EXPANDED_DIR.mkdir(parents=True, exist_ok=True)
    target = EXPANDED_DIR / f"{lang}.json"
    target.write_text(
        json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    return target


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; builds the given languages, or all 13."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    for lang in args.langs:
        if lang not in LANGUAGES:
            print(f"unknown language: {lang}", file=sys.stderr)
            return 2
        target = build(lang)
        print(f"{lang}: {target.stat().st_size:,} bytes -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
