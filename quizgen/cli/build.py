"""``quizgen build SOURCE... -o DECK.yaml``: articles in, a quiz deck out, with a summary."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

MANY_ARTICLES = 20  # show a progress bar from this many files even when not on a terminal


def summary(result, console) -> None:
    """Print what was built: articles, facts, questions, what was dropped and why, conflicts."""
    from rich.markup import escape  # paths, template ids and article text are not markup
    from rich.table import Table

    deck = result.deck
    enabled = len(deck.enabled)
    console.print(f"[bold]{escape(result.output)}[/]: {enabled} enabled questions "
                  f"({len(deck.questions)} in the deck) from {result.articles} articles, "
                  f"templates: {escape(result.templates)}")
    for err in result.errors:
        console.print(f"[red]skipped[/] {escape(err)}", markup=True, highlight=False)
    facts = Table(title="Facts", show_header=True)
    facts.add_column("kind")
    facts.add_column("count", justify="right")
    for kind, n in sorted(result.facts_by_kind.items()):
        facts.add_row(escape(kind), str(n))
    console.print(facts)
    qs = Table(title="Questions by template")
    qs.add_column("template")
    qs.add_column("questions", justify="right")
    for tid, n in result.by_template.items():
        qs.add_row(escape(tid), str(n))
    console.print(qs)
    if result.dropped:
        dropped = Table(title="Dropped")
        dropped.add_column("template: reason")
        dropped.add_column("count", justify="right")
        for reason, n in sorted(result.dropped.items()):
            dropped.add_row(escape(reason), str(n))
        console.print(dropped)
    for c in result.conflicts:
        sides = " vs ".join(
            f"{s.value} ({', '.join(sorted({os.path.basename(x.doc) for x in s.sources}))})"
            for s in c.sides) or " vs ".join(map(str, c.values))
        console.print(f"[yellow]conflict[/] {escape(c.about)}: {escape(sides)}",
                      highlight=False)
    for line in report_lines(result.report):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


SHOWN_IDS = 5  # question ids listed per line of the rebuild report


def _ids(ids, n: int = SHOWN_IDS) -> str:
    ids = list(ids)
    more = f", and {len(ids) - n} more" if len(ids) > n else ""
    return ", ".join(ids[:n]) + more


def _count(n: int, noun: str, plural: str = "s") -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}{plural}"


def _questions(n: int) -> str:
    return _count(n, "question")


def report_lines(rep) -> list[str]:
    """What the rebuild did with the old deck: new, updated, back; the hand edits it kept
    (and where); what it disabled and why."""
    if not rep.rebuilt:
        return [f"new deck: {_questions(rep.added)}"]
    back = len(rep.restored)
    lines = [f"rebuilt: {rep.added} new, {rep.updated} updated, {back} back"
             + (" (quizgen had disabled them; made again now)" if back else "")]
    if rep.kept:
        edits = [f"{qid} ({', '.join(parts)})" for qid, parts in rep.kept.items()]
        lines.append(f"kept your hand edits in {_questions(len(rep.kept))}: {_ids(edits)}")
    else:
        lines.append("kept your hand edits in 0 questions")
    if rep.disabled:
        newly = len(rep.newly_disabled)
        lines.append(f"disabled by quizgen (kept in the deck, enabled again once they can be "
                     f"made): {_questions(rep.orphaned)}, {newly} of them in this build")
        for reason, ids in sorted(rep.disabled.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"  {len(ids)} {reason}: {_ids(ids, 3)}")
    return lines


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a build as Ctrl-C does, running its clean-up: the half-written
    deck is removed and the workers are stopped (Python's default dies on the spot)."""
    import signal
    import threading

    def stop(signum: int, frame) -> None:
        raise SystemExit(128 + signum)

    signals = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():  # only it may set handlers
        signals = []
    before = {sig: signal.signal(sig, stop) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@click.command("build")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Deck file to write (rebuilt in place, keeping your edits).")
@click.option("--title", help="Deck title (default: the existing deck's, or the folder name).")
@click.option("--templates", "templates", type=click.Path(exists=True),
              help="Template file or folder (default: the deck folder's templates.yaml, "
                   "else the built-ins).")
@click.option("--seed", default=0, show_default=True, type=int, help="Option shuffling seed.")
@click.option("--options", default=4, show_default=True, type=click.IntRange(2, 6),
              help="Options per question.")
@click.option("--lang", type=click.Choice(["id", "en"]),
              help="Article language (default: detected).")
@click.option("--jobs", type=click.IntRange(min=1),
              help="Worker processes (default: one for fewer than 48 articles, else the number "
                   "of cores; never more than the cores or the articles; 1 = in-process).")
def command(sources, output, title, templates, seed, options, lang, jobs) -> None:
    """Build a multiple-choice deck from SOURCE articles (files or folders)."""
    from rich.console import Console
    from rich.progress import Progress

    from quizgen.build import build, cores, source_files, worker_count

    err = Console(stderr=True)
    n_files = sum(isinstance(f, str) for f in source_files(sources))
    if jobs is not None and (used := worker_count(jobs, n_files)) < jobs:
        err.print(f"--jobs {jobs}: {_count(used, 'worker process', 'es')}, as many as can help "
                  f"({_count(cores(), 'core')}, {_count(n_files, 'article')})", markup=False,
                  highlight=False)
        jobs = used
    show = n_files >= MANY_ARTICLES or (sys.stderr.isatty() and n_files > 1)
    progress = Progress(console=err, transient=True) if show else None

    def start(total: int):
        task = progress.add_task("Reading articles", total=total)
        return lambda: progress.advance(task)

    def stage(text: str) -> None:
        for task in progress.tasks:
            progress.update(task.id, visible=False)
        progress.add_task(text, total=None)

    with stopped_by_signals():
        if progress:
            with progress:
                result = build(sources, output, title=title, templates=templates, seed=seed,
                               options=options, lang=lang, jobs=jobs, progress=start,
                               stage=stage)
        else:
            result = build(sources, output, title=title, templates=templates, seed=seed,
                           options=options, lang=lang, jobs=jobs)
    summary(result, Console())
