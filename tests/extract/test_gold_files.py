"""The gold set itself: every file loads, and every annotation can be found in its article.

These checks catch annotator typos (a quote fragment or role that is not in the text) without
needing the extractor.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path

import pytest


def _load_gold_module():
    name = "quizgen_tests_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("gold.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gold = _load_gold_module()
FILES = gold.gold_files()


def _article_words(g) -> str:
    text = g.article.read_text(encoding="utf-8")
    if g.article.suffix in (".html", ".htm"):
        text = html.unescape(text)
    return " " + gold.norm_words(text) + " "


def _present(fragment: str, words: str) -> bool:
    return f" {gold.norm_words(fragment)} " in words


def test_gold_set_size_and_languages():
    articles = [p for p in FILES if p.parent == gold.GOLD_DIR]
    assert len(articles) >= 10
    assert sum(p.name.startswith("id_") for p in articles) >= 5
    assert sum(p.name.startswith("en_") for p in articles) >= 5
    assert len([p for p in FILES if p.parent.name == "seeds"]) == 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_gold_file_matches_its_article(path):
    g = gold.load_gold(path)
    assert g.article.is_file(), f"{path.name}: article {g.article} not found"
    words = _article_words(g)
    for kind in ("person", "role", "date", "quote"):
        for item in g.items[kind]:
            d = item.data
            if kind == "person":
                names = [d["name"], *d["aliases"]]
                assert any(_present(n, words) for n in names), f"person {d['name']} not in text"
            elif kind == "role":
                assert _present(d["role"], words), f"role {d['role']!r} not in text"
            elif kind == "date":
                assert _present(d["text"], words), f"date text {d['text']!r} not in text"
            else:
                assert _present(d["quote"], words), f"quote {d['quote']!r} not in text"
    for item in g.items["count"]:
        unit = gold.norm_words(item.data["unit"]).split()
        missing = [w for w in unit if f" {w} " not in words]
        assert not missing, f"count unit {item.data['unit']!r}: {missing} not in text"


def test_article_lengths_are_news_sized():
    for path in FILES:
        g = gold.load_gold(path)
        if g.article.parent != gold.GOLD_DIR:
            continue
        text = g.article.read_text(encoding="utf-8")
        if g.article.suffix in (".html", ".htm"):
            text = re.sub(r"<[^>]+>", " ", text)
        assert 250 <= len(text.split()) <= 700, g.article.name
