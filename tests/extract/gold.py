"""Gold-set loading, matching and precision/recall scoring for the extractor.

The gold set lives in tests/fixtures/gold/ (format in its README.md). Matching is per kind
and one-to-one, deliberately small so that a reader can check it is right:

- person: normalised name (case, hyphens, spaces, accents ignored); an extracted person
  matches when its name or one of its aliases equals the gold name (or a gold alias).
- role:   scored separately; a gold role of a matched person matches an extracted role of
  that person when they are equal or one contains the other (case-insensitive, whole words).
- date:   ISO value.
- count:  (value, bound) equal and units containing one another (whole words).
- quote:  speaker name equal and the gold fragment contained in the extracted words
  (case, whitespace and punctuation ignored).

Extracted facts are first collapsed to distinct keys (an article that states the same date
twice gives one date). Gold entries marked ``optional: true`` are never "missed", and an
extracted item matching one is neither right nor spurious: it is simply not counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgen.facts import Count, DateFact, Fact, Person, Quote
from quizgen.yamlio import load_file

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
KINDS = ("person", "role", "date", "count", "quote")
BOUNDS = ("exact", "at_least", "at_most")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --------------------------------------------------------------------------- normalising


def _fold(text: str) -> str:
    """Casefold and strip accents ("Nguyễn" == "nguyen")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm_name(name: str) -> str:
    """Case/hyphen/space/accent-insensitive key: "Kim Jong-un" == "kim jong un"."""
    return re.sub(r"[\s\-‐‑–—.]+", "", _fold(name))


def norm_words(text: str) -> str:
    """Lower-case words separated by single spaces, punctuation and quote marks dropped."""
    return " ".join(re.findall(r"\w+", _fold(text)))


def contains_words(a: str, b: str) -> bool:
    """True when the word sequence of one is inside the other's (never for an empty side)."""
    x, y = norm_words(a), norm_words(b)
    if not x or not y:
        return False
    return f" {x} " in f" {y} " or f" {y} " in f" {x} "


# --------------------------------------------------------------------------- gold files


@dataclass
class GoldItem:
    kind: str
    data: dict[str, Any]
    optional: bool = False

    def label(self) -> str:
        d = self.data
        if self.kind == "person":
            return d["name"]
        if self.kind == "role":
            return f"{d['person']}: {d['role']}"
        if self.kind == "date":
            return f"{d['value']} ({d.get('text', '')})"
        if self.kind == "count":
            return f"{d['value']} {d['unit']} [{d['bound']}]"
        return f"{d['speaker']}: {d['quote']!r}"


@dataclass
class Gold:
    path: Path  # the .gold.yaml file
    article: Path  # the article it annotates
    items: dict[str, list[GoldItem]] = field(default_factory=dict)


def _article_for(gold_path: Path, declared: str | None) -> Path:
    if declared:
        return ROOT / declared
    stem = gold_path.name.removesuffix(".gold.yaml")
    for suffix in ARTICLE_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    return gold_path.with_name(stem + ".txt")


def load_gold(path: Path) -> Gold:
    """Read and validate one gold file; mistakes raise QuizgenError with file:line."""
    doc = load_file(path)
    data = doc.data or {}
    if not isinstance(data, dict):
        raise doc.error("a gold file is a mapping with people/dates/counts/quotes")
    unknown = set(data) - {"article", "people", "dates", "counts", "quotes", "notes"}
    if unknown:
        raise doc.error(f"unknown key(s): {', '.join(sorted(unknown))}")
    gold = Gold(path, _article_for(path, data.get("article")), {k: [] for k in KINDS})

    def entries(key: str, required: tuple[str, ...]) -> Iterable[tuple[int, dict]]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise doc.error(f"{key} must be a list", key)
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise doc.error(f"{key} entries are mappings", key, i)
            missing = [r for r in required if r not in entry]
            if missing:
                raise doc.error(f"{key} entry lacks {', '.join(missing)}", key, i)
            yield i, entry

    for i, e in entries("people", ("name",)):
        opt = bool(e.get("optional", False))
        person = {"name": str(e["name"]), "aliases": [str(a) for a in e.get("aliases", [])]}
        gold.items["person"].append(GoldItem("person", person, opt))
        for role_key, role_opt in (("roles", opt), ("optional_roles", True)):
            roles = e.get(role_key, [])
            if not isinstance(roles, list):
                raise doc.error(f"{role_key} must be a list of strings", "people", i)
            for role in roles:
                gold.items["role"].append(
                    GoldItem("role", {"person": person["name"], "role": str(role)}, role_opt)
                )
    for i, e in entries("dates", ("value",)):
        if not ISO.fullmatch(str(e["value"])):
            raise doc.error("date value must be YYYY-MM-DD, YYYY-MM or YYYY", "dates", i)
        item = {"value": str(e["value"]), "text": str(e.get("text", ""))}
        gold.items["date"].append(GoldItem("date", item, bool(e.get("optional", False))))
    for i, e in entries("counts", ("value", "unit")):
        bound = e.get("bound", "exact")
        if bound not in BOUNDS or not isinstance(e["value"], int):
            raise doc.error(f"count needs an int value and bound in {BOUNDS}", "counts", i)
        item = {"value": e["value"], "unit": str(e["unit"]), "bound": bound}
        gold.items["count"].append(GoldItem("count", item, bool(e.get("optional", False))))
    for _i, e in entries("quotes", ("speaker", "quote")):
        item = {"speaker": str(e["speaker"]), "quote": str(e["quote"]),
                "direct": bool(e.get("direct", True))}
        gold.items["quote"].append(GoldItem("quote", item, bool(e.get("optional", False))))
    names = {norm_name(p.data["name"]) for p in gold.items["person"]}
    for i, q in enumerate(gold.items["quote"]):
        if norm_name(q.data["speaker"]) not in names:
            raise doc.error(f"quote speaker {q.data['speaker']!r} is not in people", "quotes", i)
    return gold


def gold_files(folder: Path = GOLD_DIR) -> list[Path]:
    return sorted(folder.rglob("*.gold.yaml"))


# --------------------------------------------------------------------------- matching


def person_matches(gold: dict, fact: Person) -> bool:
    wanted = {norm_name(n) for n in [gold["name"], *gold.get("aliases", [])]}
    return any(norm_name(n) in wanted for n in [fact.name, *fact.aliases])


def role_matches(gold_role: str, role: str) -> bool:
    return contains_words(gold_role, role)


def date_matches(gold: dict, fact: DateFact) -> bool:
    return gold["value"] == fact.value


def count_matches(gold: dict, fact: Count) -> bool:
    return (
        gold["value"] == fact.value
        and gold["bound"] == fact.bound
        and contains_words(gold["unit"], fact.unit)
    )


def quote_matches(gold: dict, fact: Quote) -> bool:
    fragment = norm_words(gold["quote"])
    return (
        norm_name(gold["speaker"]) == norm_name(fact.speaker)
        and bool(fragment)
        and f" {fragment} " in f" {norm_words(fact.quote)} "
    )


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for one kind over the whole set, plus what went wrong (for developers)."""

    tp: int = 0
    extracted: int = 0  # extracted items that count (optional matches excluded)
    gold: int = 0  # required gold items
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0


def _distinct(facts: list, key: Callable[[Any], Any]) -> list:
    seen: set = set()
    out = []
    for f in facts:
        k = key(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def match_one_to_one(
    gold: list[GoldItem], found: list, ok: Callable[[dict, Any], bool]
) -> tuple[list[tuple[GoldItem, Any]], list[GoldItem], list]:
    """Maximum one-to-one matching, required gold first; returns (pairs, missed, spurious).

    Augmenting paths (Kuhn's algorithm) so that one extracted fact fitting two gold items
    never costs a match. Gold items are added required-first, and an added item stays
    matched, so optional items only take extracted facts that no required item needs.
    Optional gold items never appear in ``missed``; pairs with them are returned too
    (callers skip them when counting).
    """
    order = sorted(range(len(gold)), key=lambda i: gold[i].optional)
    edges = {i: [j for j, f in enumerate(found) if ok(gold[i].data, f)] for i in order}
    owner: dict[int, int] = {}  # found index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = {i for i in order if augment(i, set())}
    by_gold = {i: j for j, i in owner.items()}
    pairs = [(gold[i], found[by_gold[i]]) for i in order if i in matched]
    missed = [gold[i] for i in order if i not in matched and not gold[i].optional]
    spurious = [f for j, f in enumerate(found) if j not in owner]
    return pairs, missed, spurious


def _fact_label(f: Any) -> str:
    if isinstance(f, Person):
        return f"{f.name} aliases={f.aliases} roles={f.roles}"
    if isinstance(f, DateFact):
        return f"{f.value} ({f.text})"
    if isinstance(f, Count):
        return f"{f.value} {f.unit} [{f.bound}] ({f.text})"
    if isinstance(f, Quote):
        return f"{f.speaker}: {f.quote!r} direct={f.direct}"
    return repr(f)


def score_article(gold: Gold, facts: list[Fact], tallies: dict[str, Tally]) -> None:
    """Add one article's matches to ``tallies`` (micro-averaging over the set)."""
    where = gold.article.name

    def add(kind: str, pairs: list, missed: list, spurious: list, label=_fact_label) -> None:
        t = tallies[kind]
        t.tp += sum(1 for g, _ in pairs if not g.optional)
        t.extracted += sum(1 for g, _ in pairs if not g.optional) + len(spurious)
        t.gold += sum(1 for g in gold.items[kind] if not g.optional)
        t.missed += [f"{where}: {g.label()}" for g in missed]
        t.spurious += [f"{where}: {label(f)}" for f in spurious]

    people = [f for f in facts if isinstance(f, Person)]
    pairs, missed, spurious = match_one_to_one(gold.items["person"], people, person_matches)
    add("person", pairs, missed, spurious)

    # roles: gold roles of a matched person against that person's extracted roles
    matched = {norm_name(g.data["name"]): f for g, f in pairs}
    gold_by_person: dict[str, list[GoldItem]] = {}
    for g in gold.items["role"]:
        gold_by_person.setdefault(norm_name(g.data["person"]), []).append(g)
    role_pairs, role_missed, role_spurious = [], [], []
    for g_person in gold.items["person"]:
        key = norm_name(g_person.data["name"])
        fact = matched.get(key)
        roles = [(fact.name, r) for r in _distinct(fact.roles, norm_words)] if fact else []
        p, m, s = match_one_to_one(
            gold_by_person.get(key, []), roles, lambda g, pr: role_matches(g["role"], pr[1])
        )
        role_pairs += p
        role_missed += m
        if not g_person.optional:  # an optional person's extra roles are not counted
            role_spurious += s
    unmatched = [f for f in people if not any(f is x for _, x in pairs)]
    role_spurious += [(f.name, r) for f in unmatched for r in _distinct(f.roles, norm_words)]
    add("role", role_pairs, role_missed, role_spurious, label=lambda pr: f"{pr[0]}: {pr[1]}")

    dates = _distinct([f for f in facts if isinstance(f, DateFact)], lambda f: f.value)
    add("date", *match_one_to_one(gold.items["date"], dates, date_matches))

    counts = _distinct(
        [f for f in facts if isinstance(f, Count)],
        lambda f: (f.value, f.bound, norm_words(f.unit)),
    )
    add("count", *match_one_to_one(gold.items["count"], counts, count_matches))

    quotes = _distinct(
        [f for f in facts if isinstance(f, Quote)],
        lambda f: (norm_name(f.speaker), norm_words(f.quote)),
    )
    add("quote", *match_one_to_one(gold.items["quote"], quotes, quote_matches))


def extract_article(path: Path) -> list[Fact]:
    """The extractor under test: ingest the article, then extract its facts."""
    from quizgen.extract import extract
    from quizgen.ingest import read_document

    return extract(read_document(str(path)))


def score_all(
    golds: list[Gold] | None = None,
    extractor: Callable[[Path], list[Fact]] = extract_article,
) -> dict[str, Tally]:
    golds = golds if golds is not None else [load_gold(p) for p in gold_files()]
    tallies = {k: Tally() for k in KINDS}
    for gold in golds:
        score_article(gold, extractor(gold.article), tallies)
    return tallies


def format_table(tallies: dict[str, Tally], details: bool = False) -> str:
    """Per-kind precision/recall table; with ``details`` also every missed/spurious item."""
    lines = [f"{'kind':<8}{'tp':>5}{'found':>7}{'gold':>6}{'precision':>11}{'recall':>8}"]
    for kind, t in tallies.items():
        lines.append(
            f"{kind:<8}{t.tp:>5}{t.extracted:>7}{t.gold:>6}{t.precision:>11.3f}{t.recall:>8.3f}"
        )
    if details:
        for kind, t in tallies.items():
            for title, items in (("missed", t.missed), ("spurious", t.spurious)):
                if items:
                    lines.append(f"\n{kind} {title} ({len(items)}):")
                    lines += [f"  - {x}" for x in items]
    return "\n".join(lines)
