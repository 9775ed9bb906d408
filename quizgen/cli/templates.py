"""``quizgen templates init|check|preview``: edit question templates, not the package."""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT_FILE = "templates.yaml"


@click.group("templates")
def command() -> None:
    """Question templates: write an editable copy, check it, preview it on articles."""


@command.command("init")
@click.argument("path", required=False, default=DEFAULT_FILE, type=click.Path(dir_okay=True))
@click.option("--lang", type=click.Choice(["id", "en"]),
              help="Which built-in set to copy (default: the language of the deck in PATH's "
                   "folder, else id).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: str, lang: str | None, force: bool) -> None:
    """Write an editable copy of the built-in templates to PATH (default: templates.yaml).

    Put it next to a deck as templates.yaml and `quizgen build` uses it automatically. The
    copy is in the language of the deck in that folder (templates must be in the articles'
    language: `quizgen build` refuses others); --lang chooses.
    """
    from quizgen import atomic
    from quizgen.errors import QuizgenError
    from quizgen.templates import builtin_text

    p = Path(path)
    if p.is_dir():
        p = p / DEFAULT_FILE
    if p.exists() and not force:
        raise QuizgenError("already exists (use --force to overwrite it)", str(p))
    why = "chosen with --lang"
    if lang is None:
        lang, why = _folder_language(p)
    atomic.write_text(p, builtin_text(lang))
    click.echo(f"wrote {p} (built-in {lang} templates, {why}); edit it, then "
               f"`quizgen templates check {p}`")


def _folder_language(target: Path) -> tuple[str, str]:
    """The language of the deck(s) in ``target``'s folder, and how it was chosen."""
    from quizgen.deck import peek_language
    from quizgen.errors import QuizgenError

    folder = target.parent
    decks = {} if not folder.is_dir() else {
        f.name: lang for f in sorted(folder.iterdir())
        if f.suffix.lower() in (".yaml", ".yml") and f.is_file() and f.name != target.name
        and (lang := peek_language(f))}
    langs = sorted(set(decks.values()))
    if len(langs) > 1:
        found = ", ".join(f"{name}: {lang}" for name, lang in decks.items())
        raise QuizgenError(f"decks of several languages here ({found}); choose with --lang",
                           str(folder))
    if langs:
        return langs[0], f"the language of {next(iter(decks))}"
    return "id", "no deck in this folder to follow; --lang en for English"


def _resolve(path: str | None):
    """The templates at ``path``, else ./templates.yaml, else None (the built-ins)."""
    from quizgen.templates import load_templates

    if path:
        return load_templates(path)
    if Path(DEFAULT_FILE).is_file():
        return load_templates(DEFAULT_FILE)
    return None


@command.command("check")
@click.argument("path", required=False, type=click.Path(exists=True))
def check(path: str | None) -> None:
    """Validate a template file or folder (default: ./templates.yaml, else the built-ins)."""
    from quizgen.templates import load_builtin

    sets = [_resolve(path)] if path or Path(DEFAULT_FILE).is_file() else \
        [load_builtin("id"), load_builtin("en")]
    for ts in sets:
        counts: dict[str, int] = {}
        for t in ts.templates:
            counts[t.fact] = counts.get(t.fact, 0) + 1
        kinds = ", ".join(f"{n} {k}" for k, n in counts.items())
        click.echo(f"{ts.origin if ts.origin != 'builtin' else 'built-in ' + str(ts.language)}:"
                   f" {len(ts.templates)} templates OK ({kinds})")


def _looks_like_templates(arg: str) -> bool:
    p = Path(arg)
    if p.suffix.lower() in (".yaml", ".yml") and p.is_file():
        return True
    return p.is_dir() and any(p.glob("*.yaml")) and not any(
        f.suffix.lower() in (".txt", ".md", ".html", ".htm") for f in p.iterdir())


@command.command("preview")
@click.argument("args", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--lang", type=click.Choice(["id", "en"]), help="Article language.")
@click.option("--samples", default=3, show_default=True, type=click.IntRange(min=1),
              help="Sample questions shown per template.")
@click.option("--options", default=4, show_default=True, type=click.IntRange(2, 6))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True)
def preview(args: tuple[str, ...], lang: str | None, samples: int, options: int, seed: int,
            jobs: int) -> None:
    """Render each template on articles: preview [TEMPLATES] SOURCE...

    TEMPLATES is a .yaml file or a folder of them (default: ./templates.yaml, else the
    built-ins for the articles' language). Nothing is written.
    """
    from rich.console import Console
    from rich.markup import escape  # paths, template ids and their texts are not markup

    from quizgen.build import check_template_language, read_corpus
    from quizgen.errors import QuizgenError
    from quizgen.generate import generate
    from quizgen.templates import load_builtin

    if len(args) >= 2 and _looks_like_templates(args[0]):
        tpath, sources = args[0], args[1:]
    else:
        tpath, sources = None, args
    chosen = _resolve(tpath)
    corpus, read = read_corpus(sources, lang, jobs, template_lang=chosen.language
                               if chosen else None)
    check_template_language(chosen, corpus.lang)
    tset = chosen or load_builtin(corpus.lang)
    gen = generate(corpus, tset.enabled, options=options, seed=seed)
    console = Console()
    for err in read.errors:
        console.print(f"[red]skipped[/] {escape(err)}", highlight=False)
    if not tset.enabled:
        raise QuizgenError("no enabled templates", tset.origin)
    ids = {t.id for t in tset.enabled}
    for reason, n in sorted(gen.dropped.items()):
        if reason.split(": ", 1)[0] not in ids:
            console.print(f"{n} {reason}", highlight=False, markup=False)
    for t in tset.enabled:
        made = [q for q in gen.questions if q.template == t.id]
        drops = {r.split(": ", 1)[1]: n for r, n in gen.dropped.items()
                 if r.startswith(f"{t.id}: ")}
        dropped = ", ".join(f"{n} {r}" for r, n in sorted(drops.items())) or "none"
        console.print(f"\n[bold]{escape(t.id)}[/] ({escape(f'{t.fact} -> {t.answer}')}): "
                      f"{len(made)} questions; dropped: {escape(dropped)}", highlight=False)
        for q in made[:samples]:
            console.print(f"  {q.stem}", highlight=False, markup=False)
            for i, o in enumerate(q.options):
                mark = "*" if i == q.answer else " "
                console.print(f"    {mark} {chr(65 + i)}. {o}", highlight=False, markup=False)
