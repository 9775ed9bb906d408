"""What the generator knows about the corpus besides the facts: titles and evidence sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen import lang as langdata
from quizgen.facts import Conflict, Count, DateFact, Fact, Person, Quote, Source
from quizgen.generate.text import norm


@dataclass
class Corpus:
    facts: list[Fact]
    lang: str = "id"
    titles: dict[str, str] = field(default_factory=dict)  # doc -> article title
    sentences: dict[tuple[str, int], str] = field(default_factory=dict)  # (doc, i) -> sentence

    def __post_init__(self) -> None:
        self.words = langdata.data(self.lang, "questions")
        self.passive = langdata.data(self.lang, "passive")
        self.people = [f for f in self.facts if isinstance(f, Person)]
        self.quotes = [f for f in self.facts if isinstance(f, Quote)]
        self.dates = [f for f in self.facts if isinstance(f, DateFact)]
        self.counts = [f for f in self.facts if isinstance(f, Count)]
        self.conflicts = [f for f in self.facts if isinstance(f, Conflict)]
        self._by_name: dict[str, Person] = {}
        for p in self.people:
            for n in (p.name, *p.aliases):
                self._by_name.setdefault(norm(n), p)

    def person(self, name: str) -> Person | None:
        return self._by_name.get(norm(name))

    def names_of(self, name: str) -> set[str]:
        """Normalised name and aliases of whoever is called ``name``."""
        return set(self.name_keys(name))

    def name_keys(self, name: str) -> frozenset[str]:
        """``names_of`` as a set kept for the whole corpus (do not change it); one set per
        person, shared by all their names: a big corpus has many."""
        cache = self.__dict__.setdefault("_names_of", {})
        names = cache.get(name)
        if names is None:
            p = self.person(name)
            own = norm(name)
            if p:
                names = self.person_keys(p)
                if own not in names:
                    names = names | {own}
            else:
                names = frozenset({own})
            cache[name] = names
        return names

    def person_keys(self, p: Person) -> frozenset[str]:
        """A person's normalised name and aliases (one set per person)."""
        cache = self.__dict__.setdefault("_person_keys", {})
        hit = cache.get(id(p))
        if hit is None or hit[0] is not p:
            hit = cache[id(p)] = (p, frozenset(norm(n) for n in (p.name, *p.aliases)))
        return hit[1]

    def forget(self) -> None:
        """Drop what the generator worked out and kept on the corpus (every ``_`` attribute
        set after ``__post_init__``), to free memory once the questions are made."""
        for key in [k for k in self.__dict__ if k.startswith("_") and k != "_by_name"]:
            del self.__dict__[key]

    def proper(self, word: str) -> bool:
        """Whether ``word`` is a name: written capitalised inside a sentence somewhere."""
        if not hasattr(self, "_proper"):
            found: set[str] = set()
            for text in self.sentences.values():
                for w in text.split()[1:]:
                    w = w.strip("\"'“”‘’()[],.;:!?")
                    if w[:1].isupper():
                        found.add(w)
            for p in self.people:
                for n in (p.name, *p.aliases, *p.roles):
                    found.update(x for x in n.split() if x[:1].isupper())
            self._proper = found
        return word in self._proper

    def documents(self) -> int:
        """How many articles the deck is made of: every article read has a title entry (an
        empty one when it has none); without titles, the articles the facts cite."""
        n = self.__dict__.get("_documents")
        if n is None:
            docs = set(self.titles) or {s.doc for f in self.facts for s in f.sources}
            n = self._documents = len(docs)
        return n

    def sentence(self, src: Source) -> str:
        return self.sentences.get((src.doc, src.sentence), "")

    def title(self, src: Source) -> str:
        return self.titles.get(src.doc, "")
