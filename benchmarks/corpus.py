"""Synthetic corpus for benchmarks: N varied articles made from the project's fixture articles.

    /tmp/venv/bin/python benchmarks/corpus.py OUT_DIR [--articles 2000] [--seed 0]

Each article starts from one of the team's fixture articles (tests/fixtures/gold and
tests/fixtures/articles, written in our own words) and is varied so that facts do not
collapse into one when the corpus is merged:

- every person-name word is swapped, consistently within the article, for a name from a
  generated pool of the article's language (so "Kelly" stays one surname across both Kellys);
- counts and amounts get new digits of the same width ("5.000 mahasiswa" -> "7.000 mahasiswa",
  "1" stays "1" so the grammar holds); day numbers next to a month word, times, scores and
  codes like G20 are left alone;
- years move back by 0 or 28, which keeps every date on the same weekday;
- body paragraphs from another article of the same language are inserted in the middle, so
  sizes spread over 3-5 KB like ordinary news articles.

Names come from the gold files' ``people`` lists and, for articles without gold, from
quizgen's own extractor (one pass over the ~25 templates, not per copy).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
SUFFIXES = (".txt", ".md", ".html")
MIN_TEMPLATE_BYTES = 1000  # tiny encoding/edge-case fixtures are not news articles
YEAR_SHIFTS = (0, -28)  # the calendar repeats every 28 years; 1996-2025 stays in range of
# trafilatura's date search (future or pre-1995 dates make one HTML page take seconds)

def _words(text: str) -> list[str]:
    return text.split()


# Name pools: given names, and syllables from which family names are generated, so that
# 10,000 articles hardly ever share a full name (people recur, as in real news, but rarely).
GIVEN = {
    "id": _words("Agus Bambang Citra Dedi Eka Fitri Gilang Hendra Indah Joko Kartika Lukman "
                 "Maya Nanda Oki Putri Rahmat Sari Taufik Umar Vina Wahyu Yanti Zainal Ayu "
                 "Bayu Dewi Fajar Galih Hana Irfan Jihan Kurnia Lestari Mega Nur Reza Sinta "
                 "Teguh Yoga"),
    "en": _words("Alice Ben Clara Daniel Emma Frank Grace Henry Isla James Kate Liam Mia Noah "
                 "Olivia Peter Rachel Sam Tara Victor Will Zoe Adam Beth Colin Diana Ethan "
                 "Fiona George Helen Ian Julia Kevin Laura Martin Nina Oscar Paula Robert "
                 "Sophie"),
}
FAMILY_START = {
    "id": _words("Har Wi Su Pra Kus Sap Ha Ra Gu Nu Se Pur Dar Mul Sur Han Rus Yu Ju Ar"),
    "en": _words("Ash Brad Carr Dun Ell Fair Hart Kell Lang Mar North Pen Ross Stan Thorn "
                 "Wal Wes Whit Brook Hol"),
}
FAMILY_MID = {"id": _words("ja so di ma na ti wa ra ha ya"), "en": ["", "ing", "er", "en"]}
FAMILY_END = {
    "id": _words("nto di wan no yanto sono jaya putra ningsih wati ndra santo ri sasmita"),
    "en": _words("ford ton well ley man son wood by ham field more worth combe stead"),
}

NUMBER = re.compile(r"\d[\d.,:/-]*\d|\d")
WORD = re.compile(r"[^\W\d_]+\.?", re.UNICODE)


@dataclass
class Template:
    path: Path
    lang: str
    text: str
    names: list[str]  # person names as written in the article

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


def _lang(path: Path) -> str:
    return "en" if path.name.startswith("en_") else "id"


def _gold_names(path: Path) -> list[str]:
    import yaml

    gold = path.with_name(path.name.split(".")[0] + ".gold.yaml")
    if not gold.exists():
        return []
    data = yaml.safe_load(gold.read_text(encoding="utf-8")) or {}
    names = []
    for p in data.get("people") or []:
        names.append(p["name"])
        names.extend(p.get("aliases") or [])
    return names


def _extracted_names(path: Path) -> list[str]:
    """Person names quizgen itself finds (for fixture articles that have no gold file)."""
    try:
        from quizgen.extract import extract
        from quizgen.facts import Person
        from quizgen.ingest import read_document

        return [n for f in extract(read_document(path)) if isinstance(f, Person)
                for n in [f.name, *f.aliases]]
    except Exception:  # the extractor is not the subject here; no names -> no swaps
        return []


def load_templates() -> list[Template]:
    """The fixture articles big enough to pass for news, with the names found in them."""
    out = []
    for folder in (GOLD, ARTICLES):
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path.name.upper().startswith("README"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if len(text.encode()) < MIN_TEMPLATE_BYTES or text.startswith("\ufeff"):
                continue
            names = _gold_names(path) if folder == GOLD else _extracted_names(path)
            out.append(Template(path, _lang(path), text, names))
    return out


def _family(rng: random.Random, lang: str) -> str:
    return (rng.choice(FAMILY_START[lang]) + rng.choice(FAMILY_MID[lang])
            + rng.choice(FAMILY_END[lang]))


def name_map(names: list[str], lang: str, rng: random.Random) -> dict[str, str]:
    """Each capitalised word of each name -> a new word (the last word is a family name)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        words = name.split()
        for i, word in enumerate(words):
            if word in mapping or len(word) <= 2 or not word[0].isupper() or word.endswith("."):
                continue
            last = i == len(words) - 1 and len(words) > 1
            for _ in range(20):
                new = _family(rng, lang) if last else rng.choice(GIVEN[lang])
                if new not in used:
                    break
            used.add(new)
            mapping[word] = new
    return mapping


def swap_names(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    words = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def _months() -> set[str]:
    from quizgen.lang import data

    out: set[str] = set()
    for lang in ("id", "en"):
        out |= {str(m).lower() for m in data(lang, "dates").get("months", {})}
    return out


def vary_numbers(text: str, rng: random.Random, year_shift: int, months: set[str]) -> str:
    """New digits for counts and amounts, years moved by ``year_shift``; dates kept valid."""

    def year(m: re.Match[str]) -> str:
        y = int(m.group(0))
        return str(y + year_shift) if 1901 <= y <= 2099 and 1901 <= y + year_shift <= 2099 \
            else m.group(0)

    def word_at(pos: int, before: bool) -> str:
        if before:
            found = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, pos - 16):pos])
        else:
            found = re.match(r"\s+([^\W\d_]+)", text[pos:pos + 16])
        return found.group(1).lower() if found else ""

    def number(m: re.Match[str]) -> str:
        tok, start, end = m.group(0), m.start(), m.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or after.isalnum() or before in "#№" or after in "-/":
            return tok  # codes (G20, 1st, COVID-19), ranges
        if any(c in tok for c in ":/-"):
            return re.sub(r"\b\d{4}\b", year, tok)  # 10-04-2025, 14/10/2024, 07:30, 2-1
        if re.fullmatch(r"\d{1,2}\.\d{2}", tok):
            return tok  # 05.45 WIB
        if len(tok) == 4 and tok.isdigit() and tok[0] in "12":
            return year(m)
        if word_at(start, True) in months or word_at(end, False) in months:
            return tok  # a day of the month
        head = re.match(r"\d+", tok).group(0)
        if head in ("0", "1"):
            return tok
        width = len(head)
        new = str(rng.randint(2, 9)) if width == 1 else str(rng.randint(10 ** (width - 1),
                                                                        10 ** width - 1))
        return new + tok[width:]

    return NUMBER.sub(number, text)


def body_paragraphs(text: str) -> list[str]:
    """Plain prose paragraphs (no headings, links, markup), fit to insert into another story."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if len(para) >= 150 and para[0].isalpha() and ". " in para and "<" not in para \
                and "](" not in para and "|" not in para:
            out.append(para)
    return out


def _insert(text: str, suffix: str, extra: list[str], rng: random.Random) -> str:
    if not extra:
        return text
    if suffix == ".html":
        ends = [m.end() for m in re.finditer(r"</p>", text)]
        if not ends:
            return text
        at = ends[len(ends) // 2]
        return text[:at] + "".join(f"\n<p>{p}</p>" for p in extra) + text[at:]
    paras = list(re.finditer(r"\n\s*\n", text))
    body = [m for m in paras if m.start() > len(text) * 0.3] or paras
    if not body:
        return text + "\n\n" + "\n\n".join(extra) + "\n"
    at = body[len(body) // 3].end()
    return text[:at] + "\n\n".join(extra) + "\n\n" + text[at:]


def make_article(templates: list[Template], index: int, rng: random.Random,
                 months: set[str]) -> tuple[str, str]:
    """(file name, text) of article ``index``: a varied copy of one template."""
    base = templates[index % len(templates)]
    shift = rng.choice(YEAR_SHIFTS)
    text = vary_numbers(swap_names(base.text, name_map(base.names, base.lang, rng)), rng,
                        shift, months)
    target = int(rng.triangular(3000, 5200, 3800))
    donors = [t for t in templates if t.lang == base.lang and t is not base]
    extra: list[str] = []
    size = len(text.encode())
    while size < target and donors:
        donor = rng.choice(donors)
        paras = body_paragraphs(donor.text)
        if not paras:
            donors.remove(donor)
            continue
        para = vary_numbers(swap_names(rng.choice(paras),
                                       name_map(donor.names, donor.lang, rng)), rng, shift,
                            months)
        extra.append(para)
        size += len(para.encode()) + 2
    return f"{index:05d}-{base.path.stem}{base.suffix}", _insert(text, base.suffix, extra, rng)


def make_corpus(out_dir: Path, articles: int, seed: int = 0) -> dict[str, float]:
    """Write ``articles`` files into ``out_dir``; returns counts and sizes (bytes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    templates = load_templates()
    if not templates:
        raise SystemExit("no fixture articles found under tests/fixtures")
    months = _months()
    rng = random.Random(seed)
    sizes = []
    for i in range(articles):
        name, text = make_article(templates, i, rng, months)
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        sizes.append(len(data))
    sizes.sort()
    return {
        "articles": articles, "templates": len(templates), "bytes": sum(sizes),
        "median_bytes": sizes[len(sizes) // 2] if sizes else 0,
        "p10_bytes": sizes[len(sizes) // 10] if sizes else 0,
        "p90_bytes": sizes[(len(sizes) * 9) // 10] if sizes else 0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    stats = make_corpus(args.out_dir, args.articles, args.seed)
    print(f"wrote {stats['articles']} articles ({stats['bytes'] / 1e6:.1f} MB, median "
          f"{stats['median_bytes'] / 1e3:.1f} KB) from {stats['templates']} templates "
          f"to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
