"""``quizgen clean FILE...``: print articles as the extractor will read them."""

from __future__ import annotations

import click


@click.command("clean")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--lang", type=click.Choice(["id", "en"]), help="Article language (default: detect).")
@click.option("--show-removed", is_flag=True, help="List removed lines and why, on stderr.")
def command(paths: tuple[str, ...], lang: str | None, show_removed: bool) -> None:
    """Print each cleaned article: title, blank line, paragraphs separated by blank lines.

    FILE may be a folder (every .txt, .md and .html in it). A bad file is reported on
    stderr and the others are still printed; the exit status is 1 if any file failed.
    """
    from quizgen.errors import QuizgenError
    from quizgen.ingest import iter_documents

    failed = False
    first = True
    for doc in iter_documents(paths, lang=lang):
        if isinstance(doc, QuizgenError):
            click.echo(f"error: {doc}", err=True)
            failed = True
            continue
        if not first:
            click.echo()
        first = False
        if len(paths) > 1 or not _is_file(paths[0]):
            click.echo(f"==> {doc.path} <==", err=True)
        click.echo(doc.title)
        click.echo()
        click.echo(doc.text)
        if show_removed:
            for removed in doc.removed:
                click.echo(f"removed [{removed.reason}] {removed.text}", err=True)
    if failed:
        raise SystemExit(1)


def _is_file(path: str) -> bool:
    from pathlib import Path

    return not Path(path).is_dir()
