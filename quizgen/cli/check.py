"""``quizgen check DECK.yaml``: list the questions a reader would trip on, one line each."""

from __future__ import annotations

import click

# kept in step with quizgen.check.CHECK_NAMES (a test checks it); here so that ``--help`` and
# option parsing do not import the checks
CHECK_NAMES = ("answer-not-option", "duplicate-options", "option-true", "language",
               "stem-alone", "dates-readable", "twins", "source-named")
BROKEN_DECK = 2  # exit status for a deck that cannot be read (1 means: suspect questions)


class DeckError(click.ClickException):
    exit_code = BROKEN_DECK


@click.command("check")
@click.argument("deck_path", metavar="DECK.yaml", type=click.Path(dir_okay=False))
@click.option("--only", multiple=True, type=click.Choice(CHECK_NAMES), metavar="CHECK",
              help="Run only this check (repeatable).")
@click.option("--skip", multiple=True, type=click.Choice(CHECK_NAMES), metavar="CHECK",
              help="Do not run this check (repeatable).")
def command(deck_path: str, only: tuple[str, ...], skip: tuple[str, ...]) -> None:
    """Check the enabled questions of DECK.yaml (built or edited by hand).

    Each suspect question is listed as one line, ID  CHECK  reason, followed by a summary.
    The exit status is 1 if any question is suspect, 0 if none, 2 if the deck cannot be read.

    \b
    Checks:
      answer-not-option  the answer index is out of range or not the fact's answer
      duplicate-options  two options say the same (also: one date or number, two ways)
      option-true        a wrong option is also true by the question's own fact
      language           stem or options in another language than the deck's
      stem-alone         the stem needs the article (starts mid-sentence, "It", "Itu"),
                         or gives the answer away (writes an option, lists what is counted)
      dates-readable     an ISO date (2025-03-07) instead of a date as readers write it
      twins              two questions asking the same, or one answering the other
      source-named       "the article" / "artikel ini" in a deck of several articles
    """
    from quizgen.check import check_deck, load_for_check, selected
    from quizgen.errors import QuizgenError

    try:
        names = selected(only, skip)
        deck, bad_answer = load_for_check(deck_path)
    except QuizgenError as exc:
        raise DeckError(str(exc)) from None
    findings = check_deck(deck, names, bad_answer)
    for f in findings:
        click.echo(f.line())
    enabled = len(deck.enabled)
    checked = "all checks" if len(names) == len(CHECK_NAMES) else \
        f"{len(names)} of {len(CHECK_NAMES)} checks"
    if not findings:
        click.echo(f"No suspect questions among {enabled} enabled ({checked}).")
        return
    by_check: dict[str, int] = {}
    for f in findings:
        by_check[f.check] = by_check.get(f.check, 0) + 1
    suspects = len({f.question for f in findings})
    counts = ", ".join(f"{name} {by_check[name]}" for name in names if name in by_check)
    click.echo(f"{suspects} suspect question{'s' if suspects != 1 else ''} of {enabled} "
               f"enabled ({checked}): {counts}")
    raise SystemExit(1)
