"""Benchmark corpus: (articles N, stories S, seed) → a seeds folder in the collection layout, on disk.

``write_corpus(out, articles=N)`` writes ``out/<story>/<source>.txt|.md|.html`` plus each story's
``sources.yaml`` (event line; outlet, publication date and, for some articles, title, author and URL)
and a comment-only ``overrides.yaml``. With one story (N < 40 by default) the articles sit directly
in ``out`` instead, the single-story layout. ``python benchmarks/corpus.py OUT --articles N`` does the
same from the command line.

Material. The real articles of ``seeds/`` and ``tests/fixtures/stories/*`` (read and cut into
paragraphs of sentences by ``generator.bench.load_material``) are the *base stories*. Synthetic story
``k`` draws every article from base story ``k mod 6``, so the articles of one story are about one
event and share facts, figures and quotes, as real coverage does; claims are only compared within a
story, so stories of different bases never meet.

Stories. S = max(1, N // 20): about 20 articles per story, the size of a busy news day's coverage of
one event, so cost per story stays constant and the corpus grows by adding stories (N = 10 → 1 story,
100 → 5, 1,000 → 50, 10,000 → 500). The N articles are spread evenly (the first N mod S stories get
one more).

Each article (~600 words, 450–750) strings together short runs of sentences from random paragraphs
of its base story, then perturbs it the way outlets differ:

* figures multiplied by a random factor (formatting kept), and in some articles days, years and
  weekdays moved (``generator.bench.perturb``);
* wording: common verbs and hedges swapped for synonyms ("said"/"stated", "more than"/"over",
  "rose"/"climbed"), two adjacent sentences of a run sometimes swapped;
* outlet, author, title (perturbed base headline, sometimes with a "Live:" or "Analysis:" label) and
  publication date (a base date plus 0–2 days);
* page furniture in one of five site styles (wire, tabloid, blog, broadcast, magazine): menus, share
  widgets, newsletter prompts, "Loading…", view and comment counters, tag lists, related links,
  copyright lines, plus "Advertisement" / "READ MORE" widgets between paragraphs;
* file format: .txt (the scraped page, 50 %), .md (front matter, 25 %) or .html (a full page with
  head metadata, navigation, aside and footer, 25 %).

Deterministic: every random choice comes from ``random.Random`` seeded with a string of (seed,
story, article), so the same arguments and the same material give byte-identical files. The
material is read through the generator's own ingest and sentence splitter, so a change there that
changes their output also changes the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.bench import Material, default_material_dirs, load_material, perturb, sample_paragraphs
from generator.metadata import load_sources

ARTICLES_PER_STORY = 20
SEED = 0
WORDS = (450, 750)  # range of body words per article
FORMATS = (("txt", 50), ("md", 25), ("html", 25))  # format and weight
SYNONYM_RATE = 0.3  # share of synonym-table words swapped
SWAP_RATE = 0.2  # share of multi-sentence runs with two adjacent sentences swapped
DATE_ARTICLE_RATE = 0.3  # share of articles whose in-text dates and weekdays are moved
INLINE_WIDGET_RATE = 0.15  # chance of a widget after each body paragraph
TITLE_LABEL_RATE = 0.15
METADATA_TITLE_RATE = 0.5  # share of sources.yaml entries that give the title (and author, url)

# General newsroom wording, not words of the material: each key may become any of its values.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("said", "stated", "added"),
    "about": ("about", "around", "roughly"),
    "approximately": ("approximately", "about"),
    "more than": ("more than", "over"),
    "nearly": ("nearly", "almost"),
    "rose": ("rose", "climbed"),
    "fell": ("fell", "dropped"),
    "officials": ("officials", "authorities"),
    "began": ("began", "started"),
    "residents": ("residents", "locals"),
    "announced": ("announced", "said"),
    "large": ("large", "big"),
}
_SYNONYM = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b", re.I)
_SLUG = re.compile(r"[^a-z0-9]+")

OUTLET_FIRST = (
    "Northern", "Daily", "Coastal", "Metro", "Global", "Capital", "Evening", "Harbour", "Valley", "National",
    "Morning", "Eastern",
)  # fmt: skip
OUTLET_SECOND = (
    "Ledger", "Courier", "Wire", "Herald", "Post", "Monitor", "Gazette", "Dispatch", "Tribune", "Observer",
    "Record", "Bulletin",
)  # fmt: skip
FIRST_NAMES = (
    "Amara", "Ben", "Chloe", "Dario", "Elif", "Farah", "Gustav", "Hana", "Ivo", "Jonas", "Kemi", "Lucia",
    "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq",
)  # fmt: skip
SURNAMES = (
    "Adeyemi", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
    "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi", "Santos", "Tanaka",
)  # fmt: skip
SECTIONS = ("World", "Europe", "Asia", "Africa", "Americas", "Business", "Politics", "Climate", "Health")
TAGS = ("breaking news", "politics", "disasters", "economy", "public safety", "government", "investigation",
        "analysis", "explainer", "live updates")
TITLE_LABELS = ("Live:", "Update:", "Analysis:", "Explainer:", "Breaking:")
STYLES = ("wire", "tabloid", "blog", "broadcast", "magazine")
OVERRIDES_TEMPLATE = (
    "# Editor overrides for this story (optional); see the method page. None yet.\n"
    "# dismiss:\n"
    "#   - contradiction: numeric-1a2b3c4d\n"
    "#     note: The outlet corrected its figure the next day.\n"
)


class CorpusError(Exception):
    """Arguments or an output folder the corpus cannot be written with; the message says which."""


def story_count(articles: int) -> int:
    """S for N articles: about ``ARTICLES_PER_STORY`` articles per story, at least one story."""
    return max(1, articles // ARTICLES_PER_STORY)


@dataclass(frozen=True, slots=True)
class BaseStory:
    """One real story cut up for sampling, with its event line."""

    name: str
    material: Material
    event: str


def load_bases(dirs: Sequence[Path] | None = None) -> list[BaseStory]:
    """Every material folder with article text, as a base story (default: seeds/ and the fixture stories)."""
    bases: list[BaseStory] = []
    for d in dirs if dirs is not None else default_material_dirs():
        material = load_material([d])
        if not material.paragraphs:
            continue
        event = load_sources(d).event or min(material.titles, key=lambda t: (len(t), t))
        bases.append(BaseStory(_slug(d.name) or "story", material, event))
    if not bases:
        raise CorpusError("no article text found in the material folders")
    return bases


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """One written article: where, in which format, and what its sources.yaml entry says."""

    story: str
    stem: str
    format: str
    outlet: str
    published: dt.date
    words: int

    @property
    def name(self) -> str:
        return f"{self.stem}.{self.format}"


@dataclass(frozen=True, slots=True)
class StoryInfo:
    name: str  # folder name ("" in the single-story layout)
    base: str
    articles: tuple[ArticleFile, ...]


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """What ``write_corpus`` wrote."""

    root: Path
    flat: bool
    stories: tuple[StoryInfo, ...]
    bytes: int
    formats: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return sum(len(s.articles) for s in self.stories)

    def path(self, article: ArticleFile) -> Path:
        folder = self.root / article.story if article.story else self.root
        return folder / article.name


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")


def _cap_like(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def reword(text: str, rng: random.Random) -> str:
    """``text`` with some words of the synonym table replaced by an alternative (capitalisation kept)."""

    def swap(m: re.Match[str]) -> str:
        word = m.group()
        if rng.random() >= SYNONYM_RATE:
            return word
        return _cap_like(word, rng.choice(SYNONYMS[word.casefold()]))

    return _SYNONYM.sub(swap, text)


@dataclass(frozen=True, slots=True)
class _Meta:
    outlet: str
    author: str
    title: str
    published: dt.date
    url: str
    section: str
    tags: tuple[str, ...]
    related: tuple[str, ...]


def _body(material: Material, rng: random.Random) -> list[str]:
    move_dates = rng.random() < DATE_ARTICLE_RATE
    target = rng.randint(*WORDS)

    def write(sentences: list[str]) -> str:
        if len(sentences) > 1 and rng.random() < SWAP_RATE:
            k = rng.randrange(len(sentences) - 1)
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
        return reword(perturb(" ".join(sentences), rng, dates=move_dates), rng)

    return sample_paragraphs(material, rng, target, write)


def _date_line(rng: random.Random, d: dt.date) -> str:
    forms = (
        f"{d:%B} {d.day}, {d.year}",
        f"{d.day} {d:%B} {d.year}",
        f"Published {d:%A}, {d:%B} {d.day}, {d.year}",
        f"{d:%d/%m/%Y} - {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
        f"{d:%b} {d.day}, {d.year} {rng.randint(1, 11)}:{rng.randint(0, 59):02d} {rng.choice(('a.m.', 'p.m.'))} ET",
    )
    return rng.choice(forms)


def _furniture(style: str, m: _Meta, rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    """Header lines (the headline among them), footer lines and inline widgets of one site style."""
    views = f"{rng.randint(2, 99)}.{rng.randint(0, 9)}K views"
    comments = f"{rng.randint(0, 480)} comments"
    related = [f"Related: {t}" for t in m.related]
    tags = ", ".join(m.tags)
    if style == "wire":
        header = [m.outlet.upper(), f"{m.section} | Markets | Business | Sustainability | Legal", m.title,
                  f"By {m.author}", _date_line(rng, m.published), "Share   Save   Print"]
        footer = [f"Reporting by {m.author}; Editing by {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                  "Our Standards: The Trust Principles.", f"Topics: {tags}"]
        inline = ["Advertisement · Scroll to continue", f"READ MORE: {m.related[0]}"]
    elif style == "tabloid":
        header = ["Home   News   Sport   Celebs   Money   Travel   Puzzles", m.title, m.author,
                  _date_line(rng, m.published), comments, "Share this article", "Loading…"]
        footer = ["Sign up for our daily newsletter", "Enter your email address   Subscribe", views,
                  "MORE ON THIS STORY", *related, "Comments are closed."]
        inline = ["Advertisement", "Loading…", f"READ MORE: {m.related[-1]}"]
    elif style == "blog":
        header = [m.outlet, m.title, f"{m.author} · {m.published:%b} {m.published.day}, {m.published.year} · "
                  f"{rng.randint(3, 12)} min read", "Like   Comment   Restack"]
        footer = ["Thanks for reading! Subscribe for free to receive new posts and support my work.",
                  f"{rng.randint(3, 900)} Likes · {rng.randint(0, 60)} Restacks", f"Tags: {tags}",
                  "← Previous post   Next post →"]
        inline = ["Subscribe now", "Share"]
    elif style == "broadcast":
        header = ["Skip to content", "▶ WATCH LIVE", f"News | {m.section} | Climate | Business | Podcasts",
                  m.title, m.author, _date_line(rng, m.published), views,
                  "Share on Facebook   Share on X   WhatsApp   Copy link", "Loading video…"]
        footer = ["Related links", *m.related, f"Copyright © {m.published.year} {m.outlet}. All rights reserved.",
                  "Terms of use | Privacy policy | Cookie settings"]
        inline = ["Advertisement", "Loading…", "Watch: the latest from the scene"]
    else:  # magazine
        header = ["Subscribe   Sign in", m.section.upper(), m.title, f"By {m.author}",
                  f"{_date_line(rng, m.published)} · {rng.randint(4, 15)} minute read", "Save article   Gift article"]
        footer = [f"This article appeared in the {m.section} section of the print edition.", "Topics",
                  *m.tags, "Most read", *m.related]
        inline = ["Advertisement", f"Related: {m.related[0]}"]
    return header, footer, inline


def _with_widgets(body: list[str], inline: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    for i, para in enumerate(body):
        out.append(para)
        if 0 < i < len(body) - 1 and rng.random() < INLINE_WIDGET_RATE:
            out.append(rng.choice(inline))
    return out


def _txt(header: list[str], body: list[str], footer: list[str]) -> str:
    return "\n\n".join([*header, *body, *footer]) + "\n"


def _md(m: _Meta, header: list[str], body: list[str], footer: list[str], rng: random.Random) -> str:
    front = {"title": m.title, "author": m.author, "date": m.published}
    if rng.random() < 0.5:
        front["outlet"] = m.outlet
    lines = ["---", yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000).strip(), "---", ""]
    lines += [f"*{m.outlet} · {m.section} · {rng.randint(3, 12)} min read*", ""]
    for line in header:
        lines += [f"# {line}" if line == m.title else line, ""]
    lines += [f"{p}\n" for p in body]
    for line in footer:
        if line.startswith("Related: "):
            title = line.removeprefix("Related: ")
            line = f"- [{title}](https://{_slug(m.outlet)}.example/{_slug(title)[:60]})"
        lines += [line, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _html(m: _Meta, header: list[str], body: list[str], footer: list[str], widgets: set[str]) -> str:
    e = html.escape
    nav = "".join(f"<li><a href=\"/{_slug(s)}\">{e(s)}</a></li>" for s in SECTIONS)
    top = "\n".join(f'    <div class="strip">{e(line)}</div>' for line in header if line != m.title)
    paras = "\n".join(
        f'      <div class="widget">{e(p)}</div>' if p in widgets else f"      <p>{e(p)}</p>" for p in body
    )
    related = "".join(f"<li><a href=\"/r/{_slug(t)[:40]}\">{e(t)}</a></li>" for t in m.related)
    foot = "\n".join(f"    <p>{e(line)}</p>" for line in footer if not line.startswith("Related: "))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(m.title)} | {e(m.outlet)}</title>
  <meta name="author" content="{e(m.author)}">
  <meta property="og:site_name" content="{e(m.outlet)}">
  <meta property="og:title" content="{e(m.title)}">
  <meta property="og:url" content="{e(m.url)}">
  <meta property="article:published_time" content="{m.published.isoformat()}T08:00:00Z">
  <link rel="canonical" href="{e(m.url)}">
</head>
<body>
  <header>
    <a class="logo" href="/">{e(m.outlet)}</a>
    <nav><ul>{nav}</ul></nav>
{top}
  </header>
  <main>
    <article>
      <h1>{e(m.title)}</h1>
      <p class="byline">By {e(m.author)}</p>
{paras}
    </article>
    <aside><h2>Related</h2><ul>{related}</ul></aside>
  </main>
  <footer>
{foot}
  </footer>
</body>
</html>
"""


def _pick_format(rng: random.Random) -> str:
    return rng.choices([f for f, _ in FORMATS], weights=[w for _, w in FORMATS])[0]


def _outlets(count: int, rng: random.Random) -> list[str]:
    names = [f"The {a} {b}" if (i + j) % 3 == 0 else f"{a} {b}" for i, a in enumerate(OUTLET_FIRST)
             for j, b in enumerate(OUTLET_SECOND)]
    rng.shuffle(names)
    # More articles than names: the same outlet covers the story again ("… 2").
    return [names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "") for i in range(count)]


def _story(base: BaseStory, folder: Path, story: str, dirname: str, n: int, seed: int) -> tuple[StoryInfo, int]:
    """Write one story's articles, sources.yaml and overrides.yaml into ``folder``."""
    rng = random.Random(f"{seed}:{story}")
    material = base.material
    outlets = _outlets(n, rng)
    entries: dict[str, dict[str, object]] = {}
    written: list[ArticleFile] = []
    size = 0
    for i in range(n):
        arng = random.Random(f"{seed}:{story}:{i}")
        outlet = outlets[i]
        stem = f"{i + 1:03d}_{_slug(outlet)}"
        published = arng.choice(material.dates) + dt.timedelta(days=arng.randint(0, 2)) if material.dates \
            else dt.date(2026, 1, 1) + dt.timedelta(days=arng.randint(0, 2))
        title = perturb(arng.choice(material.titles), arng, dates=False)
        if arng.random() < TITLE_LABEL_RATE:
            title = f"{arng.choice(TITLE_LABELS)} {title}"
        section = arng.choice(SECTIONS)
        meta = _Meta(
            outlet=outlet,
            author=f"{arng.choice(FIRST_NAMES)} {arng.choice(SURNAMES)}",
            title=title,
            published=published,
            url=f"https://www.{_slug(outlet)}.example/{_slug(section)}/{published:%Y/%m/%d}/{_slug(title)[:60]}",
            section=section,
            tags=tuple(arng.sample(TAGS, 3)),
            related=tuple(perturb(arng.choice(material.titles), arng, dates=False) for _ in range(3)),
        )
        body = _body(material, arng)
        style = arng.choice(STYLES)
        header, footer, inline = _furniture(style, meta, arng)
        page = _with_widgets(body, inline, arng)
        fmt = _pick_format(arng)
        if fmt == "txt":
            text = _txt(header, page, footer)
        elif fmt == "md":
            text = _md(meta, header, page, footer, arng)
        else:
            text = _html(meta, header, page, footer, set(inline))
        data = text.encode("utf-8")
        (folder / f"{stem}.{fmt}").write_bytes(data)
        size += len(data)
        entry: dict[str, object] = {"outlet": outlet, "published": published}
        if arng.random() < METADATA_TITLE_RATE:
            entry.update(title=title, author=meta.author, url=meta.url)
        entries[stem] = entry
        written.append(ArticleFile(dirname, stem, fmt, outlet, published,
                                   sum(len(p.split()) for p in body)))
    sources = "# Generated by benchmarks/corpus.py: one entry per article (file name without extension).\n"
    sources += yaml.safe_dump({"event": perturb(base.event, rng, dates=False), "articles": entries},
                              sort_keys=False, allow_unicode=True, width=1000)
    for name, content in (("sources.yaml", sources), ("overrides.yaml", OVERRIDES_TEMPLATE)):
        data = content.encode("utf-8")
        (folder / name).write_bytes(data)
        size += len(data)
    return StoryInfo(dirname, base.name, tuple(written)), size


def write_corpus(
    out: Path,
    articles: int,
    stories: int | None = None,
    seed: int = SEED,
    bases: Sequence[BaseStory] | None = None,
    flat: bool | None = None,
) -> CorpusInfo:
    """Write ``articles`` articles across ``stories`` stories (default ``story_count``) into ``out``.

    ``out`` must be missing or empty. ``flat`` (default: exactly one story) puts the articles
    directly in ``out``, the single-story layout.
    """
    if articles < 1:
        raise CorpusError("articles must be at least 1")
    n_stories = stories if stories is not None else story_count(articles)
    if not 1 <= n_stories <= articles:
        raise CorpusError(f"stories must be between 1 and the number of articles ({articles}), not {n_stories}")
    if flat is None:
        flat = n_stories == 1
    if flat and n_stories != 1:
        raise CorpusError("the single-story layout holds exactly one story")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CorpusError(f"{out} exists and is not an empty folder")
    out.mkdir(parents=True, exist_ok=True)
    bases = list(bases) if bases is not None else load_bases()
    infos: list[StoryInfo] = []
    total = 0
    per, extra = divmod(articles, n_stories)
    width = max(4, len(str(n_stories)))
    for k in range(n_stories):
        base = bases[k % len(bases)]
        name = f"s{k + 1:0{width}d}-{base.name}"
        folder = out if flat else out / name
        folder.mkdir(exist_ok=True)
        info, size = _story(base, folder, name, "" if flat else name, per + (k < extra), seed)
        infos.append(info)
        total += size
    formats = Counter(a.format for s in infos for a in s.articles)
    return CorpusInfo(out, flat, tuple(infos), total, dict(sorted(formats.items())))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


EDIT_PLACES = ("longest", "top")


def edit_article(path: Path, sentence: str, where: str = "longest") -> None:
    """Insert ``sentence`` as a new paragraph where the cleaner keeps it: after the longest paragraph of
    the article's body (``where="longest"``), or after its first paragraph of more than 200 characters
    (``"top"``: every claim below is renumbered). An .html page: after its first ``<p>`` of more than 200
    characters either way."""
    if where not in EDIT_PLACES:
        raise CorpusError(f"edit place {where!r} is not one of {', '.join(EDIT_PLACES)}")
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        paras = [m for m in re.finditer(r"<p>([^<]*)</p>", text) if len(m.group(1)) > 200]
        if not paras:
            raise CorpusError(f"{path}: no body paragraph to edit")
        at = paras[0].end()
        text = f"{text[:at]}\n      <p>{html.escape(sentence)}</p>{text[at:]}"
    else:
        blocks = _PARAGRAPH_BREAK.split(text)
        if where == "top":
            after = next((i for i, b in enumerate(blocks) if len(b) > 200), None)
            if after is None:
                raise CorpusError(f"{path}: no body paragraph to edit")
        else:
            after = max(range(len(blocks)), key=lambda i: len(blocks[i]))
        blocks.insert(after + 1, sentence)
        text = "\n\n".join(blocks)
    # An insertion only lengthens the file: one write over it in place, without truncating it first, so a
    # watcher polling the folder never sees it empty or half written (and rebuilds once, not twice).
    data = text.encode("utf-8")
    with path.open("r+b") as file:
        file.write(data)
        file.truncate(len(data))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic benchmark corpus (a seeds folder).")
    parser.add_argument("out", type=Path, help="folder to create (must be missing or empty)")
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--stories", type=int, default=None, metavar="S",
                        help=f"default: max(1, N // {ARTICLES_PER_STORY})")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--flat", action="store_true", help="one story, articles directly in OUT")
    args = parser.parse_args(argv)
    try:
        info = write_corpus(args.out, args.articles, 1 if args.flat else args.stories, args.seed,
                            flat=True if args.flat else None)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{info.articles} articles in {len(info.stories)} stories, {info.bytes:,} bytes "
          f"({', '.join(f'{k} {v}' for k, v in info.formats.items())}) written to {info.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
