"""The activity matcher: free text ("boleh nge-like postingan calon?") to an activity of the vocabulary. Pure.

Forgiving by design: case, spacing and punctuation are ignored; each word is compared through the
forms it may take with the usual Indonesian affixes taken off (meN-, di-, ber-, ter-, nge-, peN-;
-kan, -an, -i, -nya, -lah, -kah), so ``membagikan``, ``dibagikan`` and ``bagikan`` meet; a word the
vocabulary does not know is compared with its closest known word (stdlib ``difflib``), so small
typos (``komnetar``) still match. An activity matches when every word of one of its phrases is in
the text; the activity whose phrases cover most of the text's words wins (a phrase found word for
word in a row counts fully, scattered half), then the one named earliest (Indonesian and English
put the verb first: "like postingan" is a like, not a post). Text that matches no phrase gets the
activities closest to its words, to choose from.

Then :func:`read` says what the text names besides the activity: the words that name a candidate,
party or campaign (the catalog's political words, in a row, through the same affixes, unless inside
an ordinary phrase such as ``calon istri`` or negated: ``bukan untuk calon``), and a negation of the
activity itself (``tidak like``, ``gak pernah share``, ``don't like``). ``boleh gak ...?`` and
``boleh tidak ...?`` ask; they do not negate. A negation reaches over a few small words only, and
never past punctuation (``bagi sembako, bukan untuk calon``: only ``calon`` is negated).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from neutral_timeline.catalog.model import Catalog

# (prefix, letters it may have replaced): meN- drops or merges the first letter (menulis: tulis).
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meng", ("k", "")),
    ("meny", ("s",)),
    ("mem", ("p", "")),
    ("men", ("t", "")),
    ("me", ("",)),
    ("peng", ("k", "")),
    ("peny", ("s",)),
    ("pem", ("p", "")),
    ("pen", ("t", "")),
    ("pe", ("",)),
    ("nge", ("",)),
    ("ng", ("k", "")),
    ("di", ("",)),
    ("ber", ("",)),
    ("be", ("",)),
    ("ter", ("",)),
)
_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = ("nya", "lah", "kah", "kan", "an", "i")
_MIN_STEM = 3
# The words of the question itself, never an activity: not compared for typos.
_QUESTION_WORDS = frozenset(
    [
        "bolehkah",
        "boleh",
        "apakah",
        "apa",
        "saya",
        "aku",
        "gue",
        "kita",
        "kami",
        "hari",
        "sekarang",
        "besok",
        "tidak",
        "dong",
        "kalau",
        "kalo",
        "untuk",
        "dengan",
        "yang",
        "atau",
        "tanpa",
        "sebagai",
        "waktu",
        "sedang",
        "masih",
        "sudah",
        "today",
        "tomorrow",
        "allowed",
        "would",
        "could",
        "should",
        "with",
        "without",
        "what",
        "when",
        "while",
    ]
)
# Negation, and the words that may stand between it and what it negates (a verb; an object).
_NEGATIONS = frozenset(
    (
        *("tidak", "tak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "kagak", "bukan", "tanpa"),
        *("jangan", "belum", "non", "not", "no", "never", "without", "don", "dont", "doesn", "didn", "won", "isn"),
        # refusing or undoing is not doing: "menolak jadi timses", "ogah ikut kampanye", "hapus like"
        *("ndak", "nda", "ogah", "emoh", "menolak", "tolak", "nolak", "menghindari", "hindari", "menghindar"),
        *("hapus", "menghapus", "batal", "batalkan", "membatalkan", "berhenti", "stop", "refuse", "refused"),
        *("avoid", "decline", "declined", "remove", "removed", "undo", "quit"),
    )
)
# The activity's own word undone: "unfollow akun calon", "unlike postingan calon".
_UNDOING = frozenset(["unfollow", "unlike", "unfriend", "unshare", "unsubscribe", "unretweet", "unlove"])
_ASKING = frozenset(["boleh", "bolehkah", "bisa", "bisakah", "apa", "apakah", "atau", "or"])  # "boleh gak ...?"
_BEFORE_VERB = frozenset(
    (
        *("pernah", "mau", "akan", "usah", "perlu", "ingin", "sempat", "ikut", "lagi", "sama", "sekali", "saya"),
        *("aku", "ever", "even", "want", "will", "to", "do", "go", "again", "jadi", "ajakan", "diajak", "untuk"),
    )
)
_BEFORE_OBJECT = frozenset(
    (
        *("untuk", "buat", "dengan", "ada", "hubungan", "hubungannya", "kaitan", "kaitannya", "terkait"),
        *("berkaitan", "soal", "tentang", "dari", "milik", "punya", "sebagai", "kepada", "ke", "pada", "sama"),
        *("atas", "nama", "for", "with", "any", "about", "related", "from", "of", "the", "to", "by", "on"),
        *("behalf", "an"),
    )
)
_REACH = 4  # words a negation reaches over
_CLAUSE = re.compile(r"[,.;:!?()\n]+")
_TYPO_CUTOFF = 0.8
_CLOSE_CUTOFF = 0.75  # a word this close to an activity's word makes it one of the closest  # difflib ratio for a word the vocabulary does not know (komnetar ~ komentar: 0.875)


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: punctuation and hyphens split, one-letter words dropped."""
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1]


@lru_cache(maxsize=4096)
def forms(word: str) -> frozenset[str]:
    """``word`` and the stems it may have under the usual Indonesian affixes."""
    bases = {word}
    if len(word) > _MIN_STEM + 1:
        for prefix, restored in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
                rest = word[len(prefix) :]
                bases.update(letter + rest for letter in restored)
        for _ in range(2):  # -kannya, -inya: two suffixes at most
            for base in list(bases):
                if base.endswith(_SUFFIXES):
                    for suffix in _SUFFIXES:
                        if base.endswith(suffix) and len(base) - len(suffix) >= _MIN_STEM:
                            bases.add(base[: -len(suffix)])
    return frozenset(bases)


@dataclass(frozen=True, slots=True)
class Phrase:
    activity: str
    text: str
    words: tuple[frozenset[str], ...]  # each word's forms


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The catalog's activities as phrases of word forms, indexed by form."""

    phrases: tuple[Phrase, ...]
    by_form: Mapping[str, tuple[int, ...]]  # a form -> the phrases that hold a word with it
    known: Mapping[str, tuple[str, ...]]  # first letter -> the words of every phrase, for typo matching
    own: Mapping[str, tuple[str, ...]]  # activity -> its words of 3 letters or more, for the closest
    # political words, and the ordinary phrases in which they name nothing political: each phrase as its
    # words' forms, indexed by the forms of its first word
    political: Mapping[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict)
    ordinary: Mapping[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict)


@lru_cache(maxsize=8)
def vocabulary(catalog: Catalog) -> Vocabulary:
    phrases: list[Phrase] = []
    for activity in catalog.activities.values():
        texts = dict.fromkeys([*activity.words, activity.name.id, activity.name.en])
        for text in texts:
            found = tuple(forms(w) for w in words(text))
            if found and (text in activity.words or len(found) <= 2):
                phrases.append(Phrase(activity.id, text, found))
    by_form: dict[str, list[int]] = {}
    for index, phrase in enumerate(phrases):
        for word_forms in phrase.words:
            for form in word_forms:
                by_form.setdefault(form, []).append(index)
    known: dict[str, list[str]] = {}
    for each in sorted({w for p in phrases for w in words(p.text)}):
        known.setdefault(each[0], []).append(each)
    own = {
        a.id: tuple(sorted({w for t in (*a.words, a.name.id, a.name.en) for w in words(t) if len(w) >= 3}))
        for a in catalog.activities.values()
    }
    return Vocabulary(
        tuple(phrases),
        {k: tuple(dict.fromkeys(v)) for k, v in by_form.items()},
        {k: tuple(v) for k, v in known.items()},
        own,
        _by_first(catalog.political.words),
        _by_first(catalog.political.ordinary),
    )


def _by_first(texts: tuple[str, ...]) -> Mapping[str, tuple[tuple[frozenset[str], ...], ...]]:
    """Phrases as their words' forms, indexed by each form of their first word."""
    index: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for text in texts:
        phrase = tuple(forms(w) for w in words(text))
        for form in phrase[0] if phrase else ():
            index.setdefault(form, []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


@dataclass(frozen=True, slots=True)
class Match:
    """What the matcher understood: the best activity and the phrase that named it, others that also
    matched, or (when nothing matched) the closest activities to choose from."""

    activity: str | None
    phrase: str | None  # the words of the text that named it
    others: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()
    positions: tuple[int, ...] = ()  # where those words are among ``words(text)``


def _query_forms(vocab: Vocabulary, text: str) -> list[frozenset[str]]:
    found = []
    for word in words(text):
        own = forms(word)
        if not any(form in vocab.by_form for form in own) and len(word) >= 4 and word not in _QUESTION_WORDS:
            import difflib  # only for a word the vocabulary does not know

            # a typo rarely hits the first letter: compare with the known words that share it
            close = difflib.get_close_matches(word, vocab.known.get(word[0], ()), n=1, cutoff=_TYPO_CUTOFF)
            if close:
                own = own | forms(close[0])
        found.append(own)
    return found


@lru_cache(maxsize=4096)
def match(catalog: Catalog, text: str) -> Match:
    """The activity ``text`` names, best first (see the module's docstring)."""
    vocab = vocabulary(catalog)
    asked = words(text)
    query = _query_forms(vocab, text)
    candidates = {i for q in query for form in q for i in vocab.by_form.get(form, ())}
    weights: dict[str, dict[int, float]] = {}  # activity -> the text's words it covers, and how well
    for index in candidates:
        phrase = vocab.phrases[index]
        positions: list[int] = []
        for word in phrase.words:  # each word of the phrase in a word of its own
            at = next((i for i, q in enumerate(query) if q & word and i not in positions), None)
            if at is None:
                break
            positions.append(at)
        else:
            # A phrase found word for word in a row covers its words fully; scattered, half.
            whole = positions == list(range(positions[0], positions[0] + len(positions)))
            covered = weights.setdefault(phrase.activity, {})
            for at in positions:
                covered[at] = max(covered.get(at, 0.0), 1.0 if whole else 0.5)
    if weights:

        def score(activity: str) -> tuple[float, int]:
            covered = weights[activity]
            return sum(covered.values()), -min(covered)

        ranked = sorted(weights, key=lambda a: (score(a), a), reverse=True)
        where = tuple(sorted(weights[ranked[0]]))
        return Match(ranked[0], " ".join(asked[i] for i in where), tuple(ranked[1:4]), positions=where)
    return Match(None, None, closest=closest(vocab, text))


def closest(vocab: Vocabulary, text: str, n: int = 5) -> tuple[str, ...]:
    """The activities whose words are nearest to ``text``'s words (difflib ratios), at most ``n``."""
    import difflib

    asked = [w for w in words(text) if len(w) >= 3 and w not in _QUESTION_WORDS]
    scores: list[tuple[float, str]] = []
    for activity, own in vocab.own.items():
        total = 0.0
        for word in asked:
            matcher = difflib.SequenceMatcher(None, b=word)
            best = 0.0
            for candidate in own:
                matcher.set_seq1(candidate)
                floor = max(best, _CLOSE_CUTOFF)  # the upper bounds first: most pairs stop there
                if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
                    best = max(best, matcher.ratio())
            total += best if best >= _CLOSE_CUTOFF else 0.0
        if total:
            scores.append((total, activity))
    scores.sort(key=lambda s: (-s[0], s[1]))
    return tuple(a for _, a in scores[:n])


@dataclass(frozen=True, slots=True)
class Reading:
    """What the text names besides the activity: the words naming a candidate, party or campaign (not
    negated, not inside an ordinary phrase), and the word that negates the activity itself, if any."""

    political: tuple[str, ...] = ()
    negation: str | None = None


def _spans(
    query: list[frozenset[str]], index: Mapping[str, tuple[tuple[frozenset[str], ...], ...]]
) -> set[tuple[int, int]]:
    """Where the phrases of ``index`` are found word for word in a row: (first, last) positions."""
    found = set()
    for i, own in enumerate(query):
        for form in own:
            for phrase in index.get(form, ()):
                last = i + len(phrase) - 1
                if last < len(query) and all(query[i + k] & phrase[k] for k in range(1, len(phrase))):
                    found.add((i, last))
    return found


def _negation(asked: list[str], clauses: list[int], at: int, between: frozenset[str]) -> str | None:
    """The negation governing the word at ``at``: before it in its clause, over ``between`` words only,
    and not a question's ("boleh gak ...?")."""
    for i in range(at - 1, max(at - 1 - _REACH, -1), -1):
        if clauses[i] != clauses[at]:
            return None
        if asked[i] in _NEGATIONS:
            return None if i and clauses[i - 1] == clauses[i] and asked[i - 1] in _ASKING else asked[i]
        if asked[i] not in between:
            return None
    return None


@lru_cache(maxsize=4096)
def read(catalog: Catalog, text: str, found: Match) -> Reading:
    """The political words ``text`` names and the negation of the activity ``found`` in it (see the
    module's docstring)."""
    vocab = vocabulary(catalog)
    asked: list[str] = []
    clauses: list[int] = []
    for index, clause in enumerate(_CLAUSE.split(text)):
        own = words(clause)
        asked += own
        clauses += [index] * len(own)
    query = [forms(w) for w in asked]
    ordinary = _spans(query, vocab.ordinary)
    spans = {
        span
        for span in _spans(query, vocab.political)
        if not any(start <= span[0] and span[1] <= end for start, end in ordinary)
        and _negation(asked, clauses, span[0], _BEFORE_OBJECT) is None
    }
    whole = sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))
    named = dict.fromkeys(" ".join(asked[first : last + 1]) for first, last in whole)
    negation = _negation(asked, clauses, min(found.positions), _BEFORE_VERB) if found.positions else None
    clause = clauses[min(found.positions)] if found.positions else None
    undone = next((w for i, w in enumerate(asked) if w in _UNDOING and clauses[i] == clause), None)
    return Reading(tuple(named), negation or undone)
