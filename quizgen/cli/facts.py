"""``quizgen facts PATH...``: the facts of one article, or the merged fact base of several."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

FORMATS = ("table", "jsonl")
UNWRAPPED = 100_000  # table width when stdout is not a terminal: as wide as the cells need


@click.command("facts")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: for reading; jsonl: one fact per line, for programs.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Language of the articles (default: detected per article).")
def command(paths: tuple[str, ...], fmt: str, lang: str | None) -> None:
    """Extract people, dates, counts and quotes (with their evidence) from articles.

    One file gives that article's facts; several files or a folder give one merged fact
    base, where a fact stated by several articles has several sources and disagreements
    are listed as conflicts. Bad files are reported on stderr and skipped (exit status 1).
    """
    from quizgen.extract import extract
    from quizgen.ingest import iter_documents
    from quizgen.merge import merge

    per_doc = []
    titles: dict[str, str] = {}
    failed = 0
    for item in iter_documents(paths, lang):
        if isinstance(item, Exception):
            click.echo(f"quizgen facts: {item}", err=True)
            failed += 1
            continue
        titles[item.path] = item.title
        per_doc.append(extract(item))
    facts = merge(per_doc)
    if fmt == "jsonl":
        out = sys.stdout
        for f in facts:
            out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    else:
        print_table(facts, len(per_doc))
    if failed:
        sys.exit(1)


def _where(sources: list[Any]) -> str:
    docs = sorted({s.doc for s in sources})
    n = len(docs)
    names = ", ".join(d.rsplit("/", 1)[-1] for d in docs)
    return f"{n} article{'s' if n != 1 else ''}: {names}"


def print_table(facts: list[Any], n_docs: int) -> None:
    """Facts grouped by kind in rich tables; article text is never read as rich markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from quizgen.facts import Conflict, Count, DateFact, Person, Quote
    from quizgen.merge import unit_group
    from quizgen.safetext import clean

    console = Console(highlight=False)
    if not console.is_terminal:  # a file or a pipe: each cell on one line, not folded at 80
        console.width = UNWRAPPED

    def show(title: str, columns: list[str], rows: list[list[str]]) -> None:
        if not rows:
            return
        table = Table(title=Text(title), show_lines=False, expand=False)
        for c in columns:
            table.add_column(Text(c), overflow="fold")
        for row in rows:  # no control character of an article reaches the terminal
            table.add_row(*(Text(clean(str(x))) for x in row))
        console.print(table)

    def flag(f: Any) -> str:
        return "DISPUTED" if getattr(f, "disputed", False) else ""

    show("People", ["name", "aliases", "roles", "sources"], [
        [f.name, ", ".join(f.aliases), "; ".join(f.roles), _where(f.sources)]
        for f in facts if isinstance(f, Person)])
    show("Dates", ["date", "as written", "event", "sources", ""], [
        [f.value, f.text, f.event + (f" [{f.note}]" if f.note else ""), _where(f.sources),
         flag(f)] for f in facts if isinstance(f, DateFact)])
    show("Counts", ["count", "as written", "bound", "event", "sources", ""], [
        [f"{f.value} {f.unit}" + (f" ({g})" if (g := unit_group(f.unit)) != f.unit.lower() else ""),
         f.text, f.bound, f.event, _where(f.sources), flag(f)]
        for f in facts if isinstance(f, Count)])
    show("Quotes", ["speaker", "words", "direct", "cue", "via", "sources"], [
        [f.speaker, f.quote, "yes" if f.direct else "reported", f.cue, f.via or "",
         _where(f.sources)] for f in facts if isinstance(f, Quote)])
    show("Conflicts", ["about", "side", "sources"], [
        [c.about, s.value, _where(s.sources)]
        for c in facts if isinstance(c, Conflict) for s in c.sides])
    console.print(Text(f"{n_docs} article{'s' if n_docs != 1 else ''}, {len(facts)} facts"))
