"""The ``quizgen`` command. Each subcommand lives in ``quizgen/cli/<name>.py`` as ``command``.

Subcommand modules are found and imported lazily, so ``quizgen --help`` stays fast and a
subcommand only pays for the libraries it uses.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil

import click

from quizgen import __version__
from quizgen.errors import QuizgenError

GC_THRESHOLD = 50_000  # allocations between young-generation collections


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.list_commands(ctx):
            return None
        return importlib.import_module(f"{__name__}.{name}").command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def main() -> None:
    """Turn news articles into multiple-choice quizzes and Anki study cards."""
    # A build keeps hundreds of thousands of objects alive and makes almost no reference
    # cycles, so at the default threshold (700) the collector spends ~15% of a build's CPU
    # rescanning them for nothing. Forked workers inherit the setting.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
