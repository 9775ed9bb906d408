"""The build pipeline: sources -> documents -> facts (in parallel) -> merge -> questions -> deck.

Articles are read and processed one at a time, in worker processes when ``jobs > 1``; only
their facts (and the few sentences those facts cite) come back, so memory grows with the
number of facts, not with the size of the corpus. A bad file is reported, the rest are built.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from quizgen.deck import (
    Deck,
    DeckSource,
    Question,
    RebuildReport,
    load_deck,
    rebuild,
    save_deck,
)
from quizgen.errors import QuizgenError
from quizgen.facts import Conflict, Fact, Side, Source
from quizgen.templates import TemplateSet, language_name, load_builtin, load_templates

DECK_TEMPLATES = "templates.yaml"  # a deck folder's own templates, picked up automatically


@dataclass
class Article:
    """What a worker sends back for one article: its facts and the sentences they cite."""

    path: str
    sha256: str
    title: str
    lang: str
    facts: list[Fact]
    sentences: dict[int, str]


@dataclass
class BuildResult:
    deck: Deck
    output: str
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    facts_by_kind: Counter[str] = field(default_factory=Counter)
    by_template: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    report: RebuildReport = field(default_factory=RebuildReport)
    templates: str = "builtin"


def source_files(paths: Iterable[str | os.PathLike]) -> Iterator[str | QuizgenError]:
    """Files named, and the supported article files of folders named (as ``iter_documents``)."""
    from quizgen.ingest import SUFFIXES

    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(
                f for f in p.iterdir()
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
                and not f.name.upper().startswith("README.")
            )
            if not files:
                yield QuizgenError("folder holds no .txt, .md or .html article", str(path))
            yield from (str(f) for f in files)
        else:
            yield str(path)


def process_file(path: str, lang: str | None = None) -> Article | QuizgenError:
    """Read, clean and extract one article (runs in a worker process)."""
    from quizgen.extract import extract
    from quizgen.ingest import read_document

    try:
        doc = read_document(path, lang)
    except QuizgenError as exc:
        return exc
    try:
        facts = extract(doc)
    except Exception as exc:  # an extractor bug must not sink the whole build
        return QuizgenError(f"fact extraction failed: {type(exc).__name__}: {exc}", path)
    cited = {s.sentence for f in facts for s in f.sources}
    for f in facts:
        if isinstance(f, Conflict):
            cited |= {s.sentence for side in f.sides for s in side.sources}
    sentences = {i: doc.sentences[i].text for i in sorted(cited) if 0 <= i < len(doc.sentences)}
    _share_strings(facts)
    return Article(doc.path, doc.sha256, doc.title, doc.lang, facts, sentences)


def _share_strings(facts: list[Fact]) -> None:
    """Make an article's equal strings one object (a speaker's name on each of their quotes,
    "said", a quote and its evidence): pickle sends an object once, so the parent process
    receives and holds one copy, not one per fact."""
    seen: dict[str, str] = {}

    def one(value: Any) -> Any:
        if type(value) is str:
            return seen.setdefault(value, value)
        if type(value) is list:
            return [one(x) for x in value]
        if isinstance(value, Source):
            return Source(one(value.doc), value.sentence, value.start, value.end, one(value.text))
        if isinstance(value, Side):
            return Side(one(value.value), one(value.sources))
        return value

    for f in facts:
        for name in _field_names(type(f)):
            setattr(f, name, one(getattr(f, name)))


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _work(args: tuple[str, str | None]) -> Article | QuizgenError:
    return process_file(*args)


SMALL_CORPUS = 48  # below this, a second worker saves nothing measurable (BENCHMARKS.md)


def cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def worker_count(requested: int | None, articles: int) -> int:
    """The processes worth starting: never more than the cores or the articles, and by default
    one for a small corpus, where starting a pool costs more than a second core saves."""
    if requested is None:
        requested = 1 if articles < SMALL_CORPUS else cores()
    return max(1, min(requested, cores(), articles))


def _watch_parent(parent: int) -> None:
    """Pool worker start-up: die with the parent, even when it is killed (SIGKILL runs no
    clean-up), rather than live on as an orphan. Linux tells the worker (PR_SET_PDEATHSIG);
    elsewhere a thread polls the parent's pid."""
    import signal

    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:  # the parent's clean-up handlers are not the worker's
            signal.signal(sig, signal.SIG_DFL)
    watched = False
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            watched = ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0
    if os.getppid() != parent:  # the parent died before the worker got here
        os._exit(1)
    if not watched:
        import threading
        import time

        def poll() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=poll, daemon=True).start()


def start_pool(jobs: int):
    """A process pool whose workers exit when this process dies. On Linux they are forked, as
    Python 3.11-3.13 does by default there (3.14 would use a fork server, a parent of its own)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_watch_parent,
                               initargs=(os.getpid(),))


def process_all(files: list[str | QuizgenError], lang: str | None, jobs: int | None,
                advance: Callable[[], None] | None = None
                ) -> Iterator[Article | QuizgenError]:
    """Articles in input order; ``jobs > 1`` extracts them in a process pool."""
    paths = [f for f in files if isinstance(f, str)]
    for f in files:
        if isinstance(f, QuizgenError):
            yield f
    jobs = worker_count(jobs, len(paths))
    if jobs <= 1:
        results: Iterable[Article | QuizgenError] = (process_file(p, lang) for p in paths)
        for r in results:
            if advance:
                advance()
            yield r
        return
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    pool = start_pool(jobs)
    try:
        # Forked workers start with a copy of this process (an old deck being rebuilt, say);
        # their collector would write to every object it scans and so copy each page. Frozen
        # objects are never scanned; ``map`` submits everything, so the workers exist after it.
        gc.freeze()
        try:
            results = pool.map(_work, ((p, lang) for p in paths), chunksize=chunk)
        finally:
            gc.unfreeze()
        for r in results:
            if advance:
                advance()
            yield r
    except BaseException:  # interrupted (a signal, Ctrl-C): stop the workers now, not later
        # (shutdown() would let them finish their chunks; Python 3.14 has terminate_workers())
        for worker in list((getattr(pool, "_processes", None) or {}).values()):
            worker.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def merge_facts(per_doc: list[list[Fact]]) -> list[Fact]:
    try:
        from quizgen.merge import merge
    except ModuleNotFoundError as exc:  # merge not installed: keep each article's facts
        if exc.name != "quizgen.merge":
            raise
        return [f for facts in per_doc for f in facts]
    return merge(per_doc)


def choose_templates(templates: str | os.PathLike | None, output: Path) -> TemplateSet | None:
    """--templates, else the deck folder's templates.yaml, else None (built-ins by language)."""
    if templates is not None:
        return load_templates(templates)
    own = output.parent / DECK_TEMPLATES
    if own.is_file():
        return load_templates(own)
    return None


def check_template_language(tset: TemplateSet | None, lang: str) -> None:
    """Refuse templates whose ``language:`` is not the articles' (a file without one is
    taken as written for them): they would quiz the articles in another language."""
    for path, theirs in (tset.files if tset else {}).items():
        if theirs and theirs != lang:
            raise QuizgenError(
                f"these templates are {language_name(theirs)} but the articles are "
                f"{language_name(lang)}; nothing was built (move the file away, or write "
                f"{language_name(lang).split()[0]} ones: quizgen templates init --lang {lang})",
                path)


def why_not_made(lost: list[Question], corpus, tset: TemplateSet, options: int, seed: int,
                 doc_path: Callable[[str], str], where: str) -> dict[str, str]:
    """Why each of the old deck's ``lost`` questions was not generated this time, by id:
    its template is gone or disabled, its fact is gone or in conflict, or the reason the
    template gave for this fact ("not enough distractors", ...)."""
    from quizgen.generate import make_question, question_id
    from quizgen.generate.conflicts import Conflicts

    templates = {t.id: t for t in tset.templates}
    reasons: dict[str, str] = {}
    wanted: dict[str, set[str]] = {}  # template id -> ids of its lost questions
    for q in lost:
        t = templates.get(q.template)
        if t is None:
            reasons[q.id] = f"template {q.template!r} is not in {where}"
        elif not t.enabled:
            reasons[q.id] = f"template {q.template!r} is disabled in {where}"
        else:
            wanted.setdefault(t.id, set()).add(q.id)
    if not wanted:
        return reasons
    ok = Conflicts(corpus.conflicts)
    for tid, ids in wanted.items():
        t = templates[tid]
        for f in corpus.facts:
            if f.kind != t.fact or isinstance(f, Conflict):
                continue
            qid = question_id(tid, f)
            if qid not in ids or qid in reasons:
                continue
            if ok.conflicted(f):
                reasons[qid] = "its fact is in conflict between the articles"
                continue
            made = make_question(t, f, corpus, ok, options, seed, doc_path)
            reasons[qid] = made if isinstance(made, str) else \
                "the template's conditions ('when') no longer hold" if made is None else \
                "duplicate of another question"
        for qid in ids - reasons.keys():
            reasons[qid] = "its fact is no longer in the articles"
    corpus.forget()
    return reasons


def _portable(path: str, base: Path) -> str:
    """``path`` relative to the deck's folder when possible, with forward slashes."""
    try:
        rel = os.path.relpath(os.path.abspath(path), base.resolve())
    except ValueError:  # another drive on Windows
        return path
    return rel.replace(os.sep, "/")


def cannot_write(path: Path, exc: OSError) -> QuizgenError:
    """The one line ``export`` also says for a deck or file that cannot be written."""
    return QuizgenError(f"cannot write: {exc.strerror or exc}", str(path))


def check_writable(path: Path) -> None:
    """Fail before the long work, not after it: ``path``'s folder (or the nearest one that
    exists, the rest being made when the deck is written) must take a new file."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise QuizgenError(f"cannot write: {folder} is a file, not a folder", str(path))
    try:
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as exc:
        raise cannot_write(path, exc) from None


Stamp = tuple[int, int, int] | None


def stamp(path: Path) -> Stamp:
    """What tells that a file was saved again: its inode, size and modification time."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _default_title(output: Path) -> str:
    return output.parent.resolve().name if output.stem == "deck" else output.stem


@dataclass
class Read:
    sources: list[DeckSource]
    errors: list[str]
    per_doc: int


def read_corpus(sources: Iterable[str | os.PathLike], lang: str | None = None,
                jobs: int | None = None,
                progress: Callable[[int], Callable[[], None]] | None = None,
                template_lang: str | None = None, base: Path = Path("."),
                stage: Callable[[str], None] | None = None):
    """Read and extract every article, merge the facts: the generator's Corpus."""
    from quizgen.generate import Corpus

    files = list(source_files(sources))
    if not files:
        raise QuizgenError("no sources given")
    advance = progress(sum(isinstance(f, str) for f in files)) if progress else None
    per_doc: list[list[Fact]] = []
    titles: dict[str, str] = {}
    sentences: dict[tuple[str, int], str] = {}
    deck_sources: list[DeckSource] = []
    langs: Counter[str] = Counter()
    errors: list[str] = []
    for r in process_all(files, lang, jobs, advance):
        if isinstance(r, QuizgenError):
            errors.append(str(r))
            continue
        if r.path in titles:
            continue
        per_doc.append(r.facts)
        titles[r.path] = r.title
        langs[r.lang] += 1
        sentences.update({(r.path, i): s for i, s in r.sentences.items()})
        deck_sources.append(DeckSource(_portable(r.path, base), r.sha256, r.title))
    if not per_doc:
        raise QuizgenError("no article could be read: " + "; ".join(errors[:3]))
    # the articles' language: the most common one (a tie goes to the templates' language)
    language = lang or \
        sorted(langs.items(), key=lambda kv: (-kv[1], kv[0] != template_lang, kv[0]))[0][0]
    if stage:
        stage("Merging facts")
    corpus = Corpus(facts=merge_facts(per_doc), lang=language, titles=titles,
                    sentences=sentences)
    return corpus, Read(deck_sources, errors, len(per_doc))


def build(
    sources: Iterable[str | os.PathLike],
    output: str | os.PathLike,
    *,
    title: str | None = None,
    templates: str | os.PathLike | None = None,
    seed: int = 0,
    options: int = 4,
    lang: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[], None]] | None = None,
    stage: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build (or rebuild, keeping hand edits) the deck at ``output``; returns the summary."""
    from quizgen.generate import MAX_OPTIONS, MIN_OPTIONS, generate

    if not MIN_OPTIONS <= options <= MAX_OPTIONS:
        raise QuizgenError(f"--options must be between {MIN_OPTIONS} and {MAX_OPTIONS}")
    out = Path(output)
    chosen = choose_templates(templates, out)  # a bad template stops us before any work
    check_writable(out)  # so does an output that cannot be written
    read_as = stamp(out)  # taken before reading: an edit saved from now on is noticed
    old = load_deck(out) if out.exists() else None  # so does a malformed deck
    corpus, read = read_corpus(sources, lang, jobs, progress,
                               chosen.language if chosen else None, out.parent, stage)
    check_template_language(chosen, corpus.lang)
    tset = chosen or load_builtin(corpus.lang)
    language, deck_sources, errors, per_doc, facts = (
        corpus.lang, read.sources, read.errors, read.per_doc, corpus.facts)

    @cache
    def doc_path(p: str) -> str:
        return _portable(p, out.parent)

    if stage:
        stage("Writing questions")
    gen = generate(corpus, tset.enabled, options=options, seed=seed, doc_path=doc_path)
    deck = Deck(
        title=title or (old.title if old else _default_title(out)),
        language=language,
        questions=gen.questions,
        sources=deck_sources,
        settings={"seed": seed, "options": options,
                  "templates": "builtin" if chosen is None else _portable(tset.origin,
                                                                          out.parent)},
    )
    made = {q.id for q in deck.questions}
    lost = [q for q in old.questions if q.id not in made] if old else []
    reasons = why_not_made(lost, corpus, tset, options, seed, doc_path,
                           "the built-in templates" if chosen is None
                           else _portable(tset.origin, out.parent))
    deck, report = rebuild(old, deck, reasons)
    facts_by_kind = Counter(f.kind for f in facts)
    # the facts, their evidence sentences and the old deck are in the new questions by now:
    # their memory can take the writer's while it runs
    del corpus, facts, old
    if stamp(out) != read_as:  # saved by hand while we built: writing would lose that edit
        raise QuizgenError(
            "changed while this build ran, so it was not overwritten and your edit is kept; "
            "run the build again to rebuild the deck with it", str(out))
    try:
        save_deck(deck, out)
    except OSError as exc:  # disk full, say
        raise cannot_write(out, exc) from None
    return BuildResult(
        deck=deck, output=str(out), articles=per_doc, errors=errors,
        facts_by_kind=facts_by_kind, by_template=gen.by_template,
        dropped=gen.dropped, conflicts=gen.conflicts, report=report,
        templates="builtin" if chosen is None else tset.origin,
    )
