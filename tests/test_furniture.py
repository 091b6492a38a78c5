"""Page-furniture removal: the seeds, pages written in other sites' styles, single rules, properties."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.furniture import REASONS, Cleaned, clean_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds-gold.yaml"
KEEP = "keep"
Row = tuple[str, str | None]  # (input line, expected reason | KEEP | None for a blank line)


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def input_lines(raw: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", raw)


def assert_accounted(raw: str, c: Cleaned) -> None:
    """Nothing is lost or invented: kept text comes from the input, every line is kept or dropped."""
    whole = squash(raw)
    paragraphs = c.text.split("\n\n") if c.text else []
    for p in paragraphs:
        assert p and p == " ".join(p.split()) and p == unicodedata.normalize("NFC", p)
        assert squash(p) in whole
    kept = squash(c.text)
    lines = input_lines(raw)
    dropped_lines = {d.line for d in c.dropped}
    for number, line in enumerate(lines, 1):
        if line.strip():
            assert number in dropped_lines or squash(line) in kept, (number, line)
    for d in c.dropped:
        assert d.reason in REASONS
        original = lines[d.line - 1].strip()
        if d.reason == "dateline":
            assert squash(original).startswith(squash(d.text))
        else:
            assert d.text == original
    for value in (c.title, c.author, c.dateline):
        assert value is None or squash(value) in whole


def check(
    rows: list[Row],
    *,
    dateline: tuple[str, str] | None = None,
    title: str | None = None,
    author: str | None = None,
    **kwargs: str,
) -> Cleaned:
    """Clean the page made of ``rows`` and assert exactly what is dropped (and why) and kept."""
    raw = "\n".join(text for text, _ in rows)
    c = clean_article(raw, **kwargs)
    expected_drops = {n: r for n, (_, r) in enumerate(rows, 1) if r not in (None, KEEP)}
    expected_kept = [text for text, r in rows if r == KEEP]
    if dateline is not None:
        value, prefix = dateline
        line = next(n for n, (text, _) in enumerate(rows, 1) if text.startswith(prefix))
        expected_drops[line] = "dateline"
        expected_kept = [t[len(prefix) :].strip() if t.startswith(prefix) else t for t in expected_kept]
        assert c.dateline == value
        assert any(d.line == line and d.text == prefix for d in c.dropped)
    assert {d.line: d.reason for d in c.dropped} == expected_drops
    assert c.text.split("\n\n") == expected_kept
    assert c.title == title
    assert c.author == author
    assert_accounted(raw, c)
    return c


# --- the seeds ------------------------------------------------------------------------------------

SEED_EXPECTED = {
    "000_f436cf13442c594e": (
        "North Korea Deploys Troops to Russia: What This Means for the Ukraine Conflict",
        "Admin",
        None,
        {1: "title", 3: "byline", 5: "repeated title", 34: "link", 36: "tag list"},
    ),
    "001_c661afd7bc768f5b": (
        "North Korea Confirms Military Support for Russia in Ukraine War",
        "Nzubechukwu Eze",
        None,
        {1: "title", 3: "byline", 4: "repeated byline", 18: "repeated byline", 20: "interface", 22: "counter"}
        | {n: "interface" for n in (23, 24, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49)},
    ),
    "002_7d633616882ee649": (
        "North Korea Confirms Troop Deployment to Russia Amidst Ukraine Conflict",
        None,
        None,
        {1: "title", 8: "link"},
    ),
    "003_800fef7c10d88c5e": (
        "Putin Thanks North Korea For Sending Its Troops To Fight Ukraine",
        "david.c",
        "SEOUL, South Korea (AP)",
        {1: "title", 3: "counter", 5: "dateline"} | {n: "interface" for n in (29, 31, 32, 33, 35, 37)},
    ),
    "004_7dc4cde0666e8d48": (None, None, None, {}),
}


@pytest.mark.parametrize("stem", sorted(SEED_EXPECTED))
def test_seed(stem: str) -> None:
    raw = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    c = clean_article(raw)
    title, author, dateline, drops = SEED_EXPECTED[stem]
    assert (c.title, c.author, c.dateline) == (title, author, dateline)
    assert {d.line: d.reason for d in c.dropped} == drops
    assert_accounted(raw, c)
    # Every line not dropped is a body paragraph, kept whole (the dateline line minus its prefix).
    lines = input_lines(raw)
    body = [
        " ".join(line.split())
        for n, line in enumerate(lines, 1)
        if line.strip() and (n not in drops or drops[n] == "dateline")
    ]
    if dateline:
        body[0] = body[0].split("\u2014 ", 1)[1]
    assert c.text.split("\n\n") == body


def gold() -> dict[str, object]:
    if not GOLD.exists():
        pytest.skip("shared gold file not present")
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_seed_gold_boilerplate_goes_and_statements_stay() -> None:
    data = gold()
    sources = data["sources"]
    assert isinstance(sources, dict)
    cleaned = {
        sid: squash(clean_article((SEEDS / f"{stem}.txt").read_text(encoding="utf-8")).text).casefold()
        for sid, stem in sources.items()
    }
    boilerplate = data["boilerplate"]
    assert isinstance(boilerplate, list)
    for item in boilerplate:
        assert squash(item["text"]).casefold() not in cleaned[item["source"]], item
    statements = []
    for group in ("contradictions", "non_contradictions"):
        for entry in data[group]:  # type: ignore[attr-defined]
            statements.extend(entry["statements"])
    statements.extend(data["single_source_claims"])  # type: ignore[arg-type]
    assert len(statements) > 20
    for s in statements:
        assert squash(s["text"]).casefold() in cleaned[s["source"]], s


# --- pages in other sites' styles -------------------------------------------------------------------


def test_bbc_style_page() -> None:
    check(
        [
            ("Flood death toll rises as rescuers search villages", "title"),
            ("", None),
            ("2 hours ago", "timestamp"),
            ("Share", "interface"),
            ("Save", "interface"),
            ("", None),
            ("Jane Doe", "byline"),
            ("BBC News, Seoul", "byline"),
            ("", None),
            ("Image source, Getty Images", "credit"),
            ("Image caption, Residents wade through water in a flooded street on Sunday", "credit"),
            ("", None),
            (
                "At least 40 people have died after days of heavy rain flooded villages along the river, "
                "state media said on Monday.",
                KEEP,
            ),
            ("Rescue teams were still searching for dozens of missing residents, officials said.", KEEP),
            ("What happens next", KEEP),
            ("Officials said the review of the flood defences would take several months.", KEEP),
            ("\u201cWe will rebuild,\u201d she said.", KEEP),
            ("", None),
            ("Related Topics", "interface"),
            ("Floods", "related links"),
            ("Asia", "related links"),
            ("More on this story", "link"),
            ("Flood warnings issued across the peninsula", "related links"),
        ],
        title="Flood death toll rises as rescuers search villages",
        author="Jane Doe",
    )


def test_local_wordpress_page() -> None:
    check(
        [
            ("Council approves new budget after heated meeting", "title"),
            ("Posted on March 3, 2024 by admin", "byline"),
            ("Posted in Local News, Politics", "tag list"),
            ("", None),
            ("The city council approved a $12 million budget on Tuesday after a four-hour meeting.", KEEP),
            ("", None),
            ("Comments from the mayor drew criticism from residents who packed the chamber.", KEEP),
            ("", None),
            ("Police said the crowd began to share water as the meeting ran past midnight.", KEEP),
            ("", None),
            ("Share this:", "interface"),
            ("Facebook", "interface"),
            ("Twitter", "interface"),
            ("Email", "interface"),
            ("Like this:", "interface"),
            ("Like Loading...", "interface"),
            ("Related", "link"),
            ("Leave a Comment", "interface"),
            ("Cancel reply", "interface"),
            ("You must be logged in to post a comment.", "interface"),
            ("Previous post: Road works to close Main Street", "link"),
            ("Next post: Library extends opening hours", "link"),
        ],
        title="Council approves new budget after heated meeting",
        author="admin",
    )


def test_substack_style_post() -> None:
    check(
        [
            ("The quiet collapse of the regional hospital", "title"),
            ("", None),
            ("Why rural patients are travelling three hours for care", KEEP),  # the standfirst stays
            ("", None),
            ("Jane Smith", "byline"),
            ("Apr 28, 2025", "timestamp"),
            ("14", "short line"),
            ("3", "short line"),
            ("Share", "interface"),
            ("Subscribe", "interface"),
            (
                "The regional hospital closed its maternity ward in January, forcing expectant mothers "
                "to travel to the city.",
                KEEP,
            ),
            ("Hospital managers said staff shortages made the ward unsafe to run.", KEEP),
            ("Comments from the minister drew criticism.", KEEP),
            ("Doctors at the clinic said waiting times had doubled since the closure.", KEEP),
            ("Thanks for reading! Subscribe for free to receive new posts and support my work.", "interface"),
            ("Subscribe", "interface"),
            ("14 Likes", "counter"),
            ("3 Restacks", "counter"),
            ("Comments 14", "counter"),
            ("Discussion about this post", "interface"),
            ("Top", "interface"),
            ("Latest", "comment section"),
        ],
        title="The quiet collapse of the regional hospital",
        author="Jane Smith",
    )


def test_financial_page_with_tickers_and_ads() -> None:
    check(
        [
            ("Acme shares slide after profit warning", "title"),
            ("Advertisement", "interface"),
            ("By Tom Baker | Markets Reporter", "byline"),
            ("Published 10:32 AM EDT, Tue April 29, 2025 | 3 min read", "counter"),
            ("ACME 41.20 -5.1%", "ticker"),
            ("S&P 500 5,123.41 +0.3%", "ticker"),
            ("NASDAQ: ACME", "ticker"),
            (
                "NEW YORK (Reuters) - Shares of Acme Corp fell 5% on Tuesday after the company cut its "
                "annual profit forecast.",
                KEEP,
            ),
            ("Shares fell 5% after the report.", KEEP),
            ("Advertisement", "interface"),
            ("The company said weaker demand in Europe would reduce revenue by about $200 million.", KEEP),
            ("Analysts at two banks lowered their price targets.", KEEP),
            ("Most Popular", "related links"),
            ("Fed holds rates steady as inflation cools", "related links"),
            ("Oil jumps on supply worries", "related links"),
        ],
        dateline=("NEW YORK (Reuters)", "NEW YORK (Reuters) -"),
        title="Acme shares slide after profit warning",
        author="Tom Baker",
    )


def test_cookie_banner_page() -> None:
    check(
        [
            ("We use cookies", "interface"),
            (
                "We use cookies to improve your experience on our site. By clicking \u201cAccept all\u201d, "
                "you agree to the storing of cookies on your device.",
                "interface",
            ),
            ("Accept all", "interface"),
            ("Reject all", "interface"),
            ("Manage preferences", "interface"),
            ("", None),
            ("Wildfire forces thousands to flee homes in southern France", "title"),
            ("By Marie Dupont", "byline"),
            ("Updated 4 hours ago", "timestamp"),
            (
                "MARSEILLE, France \u2014 More than 3,000 people were evacuated overnight as a wildfire "
                "spread "
                "through pine forests north of the city, the regional prefecture said.",
                KEEP,
            ),
            ("Firefighters said strong winds were pushing the flames towards several villages.", KEEP),
            ("\u201cWe lost everything,\u201d one resident told local radio.", KEEP),
            ("Cookie settings", "interface"),
        ],
        dateline=("MARSEILLE, France", "MARSEILLE, France \u2014"),
        title="Wildfire forces thousands to flee homes in southern France",
        author="Marie Dupont",
    )


def test_wire_copy_with_trailer() -> None:
    check(
        [
            ("Ukraine says drone attack hit energy facility", "title"),
            ("", None),
            (
                "KYIV, April 28 (Reuters) - A drone attack damaged an energy facility in the northeast "
                "overnight, the regional governor said on Monday.",
                KEEP,
            ),
            ("The governor said no one was injured in the attack.", KEEP),
            (
                "The defence ministry said its air defences had destroyed 30 drones over several regions.",
                KEEP,
            ),
            (
                "(Reporting by Olena Harmash; Additional reporting by Ron Popeski; Editing by Mark Potter)",
                "credit",
            ),
            ("Our Standards: The Thomson Reuters Trust Principles.", "credit"),
        ],
        dateline=("KYIV, April 28 (Reuters)", "KYIV, April 28 (Reuters) -"),
        title="Ukraine says drone attack hit energy facility",
    )


def test_ap_style_story() -> None:
    check(
        [
            ("Earthquake kills dozens in eastern Turkey", "title"),
            ("", None),
            ("By AYSE WILDMAN and JOHN ROE", "byline"),
            ("Associated Press", "byline"),
            ("", None),
            (
                "ANKARA, Turkey (AP) \u2014 A powerful earthquake struck eastern Turkey on Sunday, "
                "killing at "
                "least 38 people and injuring hundreds, the disaster agency said.",
                KEEP,
            ),
            (
                "Rescue workers searched through the night for survivors trapped under collapsed buildings.",
                KEEP,
            ),
            ("Rescuers said the search would continue through the week.", KEEP),
            ("Associated Press writer Suzan Fraser in Ankara contributed to this report.", "credit"),
            (
                "Copyright 2025 The Associated Press. All rights reserved. This material may not be "
                "published, broadcast, rewritten or redistributed without permission.",
                "copyright",
            ),
        ],
        dateline=("ANKARA, Turkey (AP)", "ANKARA, Turkey (AP) \u2014"),
        title="Earthquake kills dozens in eastern Turkey",
        author="AYSE WILDMAN and JOHN ROE",
    )


def test_forum_thread() -> None:
    check(
        [
            ("Anyone else see the bridge closure notice?", "title"),
            ("Forum \u203a Local \u203a Traffic", "navigation"),
            ("RiverRat_77", "short line"),
            ("Joined: Mar 2019", "counter"),
            ("Posts: 1,204", "counter"),
            ("", None),
            (
                "The county posted a notice saying the Elm Street bridge will close for repairs from May 5 "
                "for six weeks.",
                KEEP,
            ),
            ("", None),
            ("Reply Quote Report", "interface"),
            ("#2", "counter"),
            ("commuter_jane", "short line"),
            ("Joined: Jan 2021", "counter"),
            ("Posts: 88", "counter"),
            ("", None),
            ("I called the county office and they said the detour will run through Oak Avenue.", KEEP),
            ("", None),
            ("Reply Quote Report", "interface"),
        ],
        title="Anyone else see the bridge closure notice?",
    )


def test_news_site_with_tags_and_inline_ads() -> None:
    check(
        [
            ("Opinion", "short line"),
            ("Heatwave pushes hospital admissions to record high", "title"),
            ("Doctors warn of pressure on emergency wards as temperatures pass 40C", KEEP),
            ("Tom Reid Health correspondent", "byline"),
            ("Mon 14 Jul 2025 18.04 BST", "timestamp"),
            ("Share", "interface"),
            (
                "Hospital admissions for heat-related illness reached a record high on Monday, according "
                "to figures published by the health service.",
                KEEP,
            ),
            ("Emergency departments in the south reported waiting times of more than 12 hours.", KEEP),
            ("Advertisement - Scroll to continue", "interface"),
            ("Story continues below advertisement", "interface"),
            ("The health minister said extra staff would be deployed to the worst-affected hospitals.", KEEP),
            ("Tags: Heatwaves, Health, Hospitals, Climate crisis", "tag list"),
            ("Filed under: UK news", "tag list"),
            ("Topics: Health policy", "tag list"),
            ("Explore more on these topics", "short line"),
            ("Reuse this content", "short line"),
        ],
        title="Heatwave pushes hospital admissions to record high",
        author="Tom Reid",
    )


def test_live_blog_keeps_headings_and_time_stamps_between_entries() -> None:
    check(
        [
            ("Election results: live updates as votes are counted", "title"),
            ("Live", "short line"),
            ("Updated 23:45 BST", "timestamp"),
            ("22:10 BST", "timestamp"),
            (
                "Polls have now closed across the country and counting has begun in all 650 constituencies.",
                KEEP,
            ),
            ("How to vote", KEEP),
            (
                "Voters who are still queueing at polling stations at 10pm will be allowed to cast their "
                "ballots, the electoral commission said.",
                KEEP,
            ),
            ("22:40 BST", KEEP),
            (
                "The first result is expected from a constituency in the north-east shortly before midnight.",
                KEEP,
            ),
            ("Related: Key seats to watch tonight", "link"),
            ("Turnout appears to be higher than at the last election, according to early reports.", KEEP),
            ("Officials in several areas said counting would continue through the night.", KEEP),
            ("Party leaders are expected to speak after their own results are declared.", KEEP),
            ("Show 12 more updates", "short line"),
        ],
        title="Election results: live updates as votes are counted",
    )


def test_comment_section_after_the_body_goes_even_when_comments_are_sentences() -> None:
    check(
        [
            ("Bridge to close for six weeks of repairs", "title"),
            (
                "The Elm Street bridge will close to traffic from May 5 for six weeks of structural repairs, "
                "the county said on Tuesday.",
                KEEP,
            ),
            ("Engineers found corrosion in two of the bridge's steel supports during an inspection.", KEEP),
            ("A signposted detour will send drivers through Oak Avenue, adding about ten minutes.", KEEP),
            ("3 Comments", "counter"),
            ("Mark T.", "comment section"),
            ("April 29, 2025 at 9:14 am", "comment section"),  # the comment's date, not the page's
            (
                "This is the third time the bridge has closed this year and nobody seems to care.",
                "comment section",
            ),
            ("Reply", "interface"),
            ("Sue", "comment section"),
            ("The detour adds twenty minutes to my commute every single day.", "comment section"),
            ("Reply", "interface"),
        ],
        title="Bridge to close for six weeks of repairs",
    )


def test_related_widget_between_paragraphs_does_not_end_the_body() -> None:
    check(
        [
            ("Teachers vote to strike over pay", "title"),
            ("Teachers in the region voted on Friday to strike next month after pay talks broke down.", KEEP),
            ("The union said 78% of members who took part in the ballot backed walkouts in June.", KEEP),
            ("Related Articles", "link"),
            ("Nurses accept revised pay offer", "related links"),
            ("Rail workers announce new strike dates", "related links"),
            ("The education department said it was disappointed by the result and urged talks.", KEEP),
            ("Parents' groups said they were worried about the impact on pupils preparing for exams.", KEEP),
            ("Schools will remain open for children of key workers, the department said.", KEEP),
        ],
        title="Teachers vote to strike over pay",
    )


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    raw = (
        "Storm leaves thousands without power\n\nBy Sam Lee\n\n"
        "Strong winds brought down power lines across the county on Friday,\n"
        "leaving more than 20,000 homes without electricity, the utility\n"
        "company said in a statement late on Friday night.\n\n"
        "Crews were working to restore power, but some customers could be\n"
        "without electricity until Sunday, a spokesperson for the company\n"
        "said. Schools in three towns will stay closed on Monday as a\n"
        "precaution, the county said.\n\nShare this article\n"
    )
    c = clean_article(raw)
    assert c.text.split("\n\n") == [
        "Strong winds brought down power lines across the county on Friday, leaving more than 20,000 homes "
        "without electricity, the utility company said in a statement late on Friday night.",
        "Crews were working to restore power, but some customers could be without electricity until Sunday, "
        "a spokesperson for the company said. Schools in three towns will stay closed on Monday as a "
        "precaution, the county said.",
    ]
    assert {d.line: d.reason for d in c.dropped} == {1: "title", 3: "byline", 14: "interface"}
    assert_accounted(raw, c)


def test_line_cut_mid_sentence_is_rejoined_but_a_byline_below_a_title_is_not() -> None:
    raw = (
        "Heavy snow closes mountain passes\nby Lena Ortiz\n"
        "Snowfall of up to a metre closed three passes on Sunday and\n"
        "stranded hundreds of drivers, police said.\n"
    )
    c = clean_article(raw)
    assert c.title == "Heavy snow closes mountain passes"
    assert c.author == "Lena Ortiz"
    assert c.text == (
        "Snowfall of up to a metre closed three passes on Sunday and stranded hundreds of drivers, "
        "police said."
    )
    assert_accounted(raw, c)


# --- single rules -----------------------------------------------------------------------------------

BODY_BEFORE = "Rescue teams reached the flooded villages on Tuesday after the river burst its banks."
BODY_AFTER = "Officials said the clean-up would take several months and cost millions of dollars."


def middle(line: str) -> Cleaned:
    """``line`` as the middle paragraph of a small article."""
    return clean_article(f"Floods hit the delta\n\n{BODY_BEFORE}\n\n{line}\n\n{BODY_AFTER}\n")


@pytest.mark.parametrize(
    "line",
    [
        "Shares fell 5% after the report.",
        "Police said the crowd began to share water.",
        "Comments from the minister drew criticism.",
        "\u201cWe will rebuild,\u201d she said.",
        "What happens next",
        "## What happens next",
        "How to vote",
        "The Aftermath",
        "Rescue Efforts Hampered by Heavy Rain and Landslides",
        "10:32 GMT",
        "By Friday, more than 200 people had been evacuated from the valley.",
        "By Christmas, prices had risen 10 per cent.",
        "The company said hackers stole passwords from 2 million accounts.",
        "Users reported being unable to log in to their accounts on Monday.",
        "If you cannot log in, the bank advised, call the helpline.",
        "The newsletter, published weekly, reached 40,000 readers.",
        "Subscribe buttons on the app were broken for hours, users complained.",
        "Reporting by the BBC found that 40% of the claims were false.",
        "Written by a former spy, the book reveals details of the operation.",
        "Sources said the talks had stalled over the question of sanctions.",
        "Photographs released by the ministry showed damaged buildings.",
        "Related charges against two other men were dropped.",
        "More than 3,000 people were evacuated overnight.",
        "Updated guidance was published on Monday.",
        "Terms of the deal were not disclosed.",
        "Residents in four cities, including the capital, reported shortages.",
        "Germany, France, Italy and Spain backed the plan.",
        "Officials \u2014 speaking on condition of anonymity \u2014 said the deal was close.",
        "For more context, you can read about recent updates on the talks through the wire agencies.",
        "Inflation rose 0.3% in March, the statistics office said.",
        "Manchester United beat Liverpool 2-1 at Old Trafford on Sunday.",
    ],
)
def test_tempting_body_line_is_kept(line: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, line, BODY_AFTER]
    assert [d.reason for d in c.dropped] == ["title"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "interface"),
        ("SKIP ADVERTISEMENT", "interface"),
        ("Sign up for our daily newsletter", "interface"),
        ("Enter your email address to subscribe to this blog and receive notifications.", "interface"),
        ("Follow us on Facebook, Twitter and Instagram", "interface"),
        ("Share on WhatsApp", "interface"),
        ("Share this: Facebook Twitter", "interface"),
        ("Listen to this article", "interface"),
        ("Quote", "interface"),
        ("Get the latest headlines delivered to your inbox every morning.", "interface"),
        ("Back to top", "interface"),
        ("Continue reading the main story", "link"),
        ("READ MORE: Dam failure blamed on years of neglect", "link"),
        ("Click here to download the full report", "link"),
        ("Follow our live coverage at https://example.com/live", "link"),
        ("Photo: Reuters", "credit"),
        ("Caption: Volunteers fill sandbags in the town square", "credit"),
        ("AFP via Getty Images", "credit"),
        ("AP Photo/Jae C. Hong", "credit"),
        ("1.2K views", "counter"),
        ("3 min read", "counter"),
        ("12 comments", "counter"),
        ("Updated 10:32 GMT", "timestamp"),
        ("4 hours ago", "timestamp"),
        ("Tags: Floods, Weather, Climate", "tag list"),
        ("Rivers, Floods, Climate, Asia, Weather news", "tag list"),
        ("Home \u00bb World \u00bb Asia", "navigation"),
        ("News Sport Business Culture Travel Weather", "navigation"),
        ("\u00a9 2025 Example Media Ltd", "copyright"),
        ("* * *", "separator"),
    ],
)
def test_furniture_line_is_dropped_even_mid_article(line: str, reason: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (5, reason)]


@pytest.mark.parametrize(
    ("lead", "dateline", "rest"),
    [
        ("WASHINGTON \u2014 The Senate passed the bill.", "WASHINGTON", "The Senate passed the bill."),
        ("LONDON (Reuters) - Shares rose on Monday.", "LONDON (Reuters)", "Shares rose on Monday."),
        (
            "Kyiv, Ukraine, April 28 (AFP) \u2013 Sirens sounded across the city.",
            "Kyiv, Ukraine, April 28 (AFP)",
            "Sirens sounded across the city.",
        ),
        ("SEOUL, South Korea (AP) \u2014 The talks ended.", "SEOUL, South Korea (AP)", "The talks ended."),
        ("NEW DELHI: The monsoon arrived early.", "NEW DELHI", "The monsoon arrived early."),
        ("(CNN) \u2014 A storm hit the coast.", "(CNN)", "A storm hit the coast."),
        ("ST. LOUIS, Jan. 5 (Reuters) - Flights resumed.", "ST. LOUIS, Jan. 5 (Reuters)", "Flights resumed."),
    ],
)
def test_dateline_variants(lead: str, dateline: str, rest: str) -> None:
    raw = f"Storm hits the coast\n\n{lead} {BODY_BEFORE}\n\n{BODY_AFTER}\n"
    c = clean_article(raw)
    assert c.dateline == dateline
    assert c.text.split("\n\n")[0] == f"{rest} {BODY_BEFORE}"
    assert [d.reason for d in c.dropped] == ["title", "dateline"]
    assert_accounted(raw, c)


@pytest.mark.parametrize(
    "lead",
    [
        "Officials \u2014 speaking on condition of anonymity \u2014 said the deal was close.",
        "NATO \u2014 the alliance of 32 countries \u2014 met in Brussels on Tuesday.",
        "BREAKING: The Senate has passed the bill by 52 votes to 48.",
        "COVID-19 cases rose for the third week in a row, health officials said.",
        "The U.S. - China talks ended without agreement on Tuesday evening.",
    ],
)
def test_not_a_dateline(lead: str) -> None:
    c = clean_article(f"Talks end without a deal\n\n{lead}\n\n{BODY_AFTER}\n")
    assert c.dateline is None
    assert c.text.split("\n\n")[0] == lead


def test_standalone_dateline_line() -> None:
    raw = f"Storm hits the coast\n\nWASHINGTON \u2014\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n"
    c = clean_article(raw)
    assert c.dateline == "WASHINGTON"
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (3, "dateline")]
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By Jane Smith and John Doe, Associated Press", "Jane Smith and John Doe"),
        ("By Jane Smith, John Doe and Ana Ruiz, Reuters", "Jane Smith, John Doe and Ana Ruiz"),
        ("Jane Smith | Reuters", "Jane Smith"),
        ("Jane Smith, Staff Writer", "Jane Smith"),
        ("Written by Jane Smith", "Jane Smith"),
        ("By Jane Smith, CNN Updated 10:32 AM EDT, Mon April 28, 2025", "Jane Smith"),
        ("Admin", "Admin"),
        ("Staff Reporter", "Staff Reporter"),
        ("Jane Smith in Kyiv", "Jane Smith"),
    ],
)
def test_byline_forms(byline: str, author: str) -> None:
    raw = f"Storm hits the coast\n\n{byline}\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n\n{author}\n"
    c = clean_article(raw)
    assert c.author == author
    reasons = [d.reason for d in c.dropped]
    assert reasons[:2] == ["title", "byline"]
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]
    assert_accounted(raw, c)


def test_advice_to_the_reader_stays_in_the_body_but_goes_beside_furniture() -> None:
    advice = "If you think your account was hacked, change your password straight away."
    lead = "If you shop online, check your account: a breach at the retailer exposed 2 million cards."
    c = clean_article(f"Retailer hit by data breach\n\n{lead}\n\n{BODY_BEFORE}\n\n{advice}\n\n{BODY_AFTER}\n")
    assert c.text.split("\n\n") == [lead, BODY_BEFORE, advice, BODY_AFTER]
    tail = f"Retailer hit by data breach\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n\nLog in\n\n{advice}\n"
    c = clean_article(tail)
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (7, "interface"), (9, "interface")]


def test_short_list_items_inside_or_closing_the_body_stay() -> None:
    items = ["- 12 min: Mensah scores", "- 44 min: Okafor levels", "- 90 min: Diaz wins it"]
    raw = "Rovers reach the final\n\n" + "\n".join([BODY_BEFORE, "Key moments", *items, BODY_AFTER])
    c = clean_article(raw)
    assert c.text.split("\n\n") == [BODY_BEFORE, "Key moments", *items, BODY_AFTER]
    raw = "Rovers reach the final\n\n" + "\n".join([BODY_BEFORE, BODY_AFTER, *items, "Share"])
    c = clean_article(raw)
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER, *items]


def test_kicker_repeating_the_headline_is_not_an_author() -> None:
    c = clean_article(f"North Korea sends more troops\n\nNorth Korea\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n")
    assert c.author is None
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (3, "short line")]


def test_known_title_and_author_from_metadata() -> None:
    raw = (
        "Skip to content\nMenu\n\nFloods hit the delta | Example News\n\nMaria Lopez\n\n"
        f"{BODY_BEFORE}\n\nMaria Lopez\n\n{BODY_AFTER}\n\nFloods hit the delta\n"
    )
    c = clean_article(raw, known_title="Floods hit the delta", known_author="Maria Lopez")
    assert c.title == "Floods hit the delta | Example News"
    assert c.author == "Maria Lopez"
    assert [(d.line, d.reason) for d in c.dropped] == [
        (1, "interface"),
        (2, "interface"),
        (4, "title"),
        (6, "byline"),
        (10, "repeated byline"),
        (14, "repeated title"),
    ]
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]


def test_known_title_that_does_not_match_keeps_a_first_paragraph_without_a_full_stop() -> None:
    lead = "Rescuers pulled three survivors from the rubble of a collapsed school in the hills"
    c = clean_article(f"{lead}\n\n{BODY_BEFORE}\n", known_title="Quake death toll passes 200")
    assert c.title is None
    assert c.text.split("\n\n") == [lead, BODY_BEFORE]


def test_repeated_paragraph_goes_but_a_short_quote_may_recur() -> None:
    pull = "The water rose faster than anyone had predicted, the mayor told reporters."
    no = "\u201cNo,\u201d he said."
    raw = f"Floods hit the delta\n\n{pull}\n\n{no}\n\n{BODY_BEFORE}\n\n{pull}\n\n{no}\n"
    c = clean_article(raw)
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (9, "repeated line")]
    assert c.text.split("\n\n") == [pull, no, BODY_BEFORE, no]


def test_trailing_headlines_after_the_body_are_dropped() -> None:
    trailing = "Dam Failure Blamed on Years of Neglect"
    raw = f"Floods hit the delta\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n\nShare\n\n{trailing}\n"
    c = clean_article(raw)
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (7, "interface"), (9, "after body")]


def test_glued_meta_line() -> None:
    raw = f"Floods hit the delta\n\njsmithLocal News2 days ago1.5K Views\n\n{BODY_BEFORE}\n"
    c = clean_article(raw)
    assert c.author == "jsmith"
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (3, "counter")]


@pytest.mark.parametrize("raw", ["", "\n\n  \n", "\r\n\r\n", "Floods", "* * *\n---\n"])
def test_degenerate_input(raw: str) -> None:
    c = clean_article(raw)
    assert_accounted(raw, c)
    assert c.title is None


def test_crlf_and_odd_whitespace() -> None:
    spaced = BODY_BEFORE.replace(" ", "\u00a0", 3)
    raw = f"Floods hit the delta\r\n\r\n{spaced}\r\n\tShare\r\n"
    c = clean_article(raw)
    assert c.text == BODY_BEFORE
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (4, "interface")]


# --- properties and speed ---------------------------------------------------------------------------

_LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Share",
            "By Jane Smith",
            "LONDON (Reuters) - ",
            "Related Articles",
            "3 Comments",
            "Tags: A, B",
            "“No,” he said.",
            "What happens next",
            "Officials said the bridge would reopen in the spring after repairs.",
            "wrapped line that carries on,",
            "in lower case here",
            "",
        ]
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_any_text_is_accounted_for(lines: list[str], sep: str) -> None:
    raw = sep.join(lines)
    assert_accounted(raw, clean_article(raw))


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=400),
    st.one_of(st.none(), st.text(max_size=30)),
    st.one_of(st.none(), st.text(max_size=30)),
)
def test_arbitrary_text_and_metadata_never_raise(raw: str, title: str | None, author: str | None) -> None:
    assert_accounted(raw, clean_article(raw, known_title=title, known_author=author))


def test_pathological_lines_stay_fast() -> None:
    raw = "." * 50_000 + "\n" + "a@" * 20_000 + "\n" + "x" * 50_000 + "\n" + ", A" * 10_000
    start = time.perf_counter()
    clean_article(raw)
    assert time.perf_counter() - start < 2.0


def test_labels_strung_with_separators_are_furniture() -> None:
    raw = ("Storm Closes Coastal Road\n\nCoast Notes · Explainers · 6 min read\n\nGet the Evening Digest | Sign in\n\n"
           "The coastal road was closed on Friday after waves broke over the sea wall, the council said.\n\n"
           "Repairs are expected to take at least two weeks, according to the highways department.")
    cleaned = clean_article(raw)
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons["Coast Notes · Explainers · 6 min read"] == "counter"
    assert reasons["Get the Evening Digest | Sign in"] == "interface"
    assert cleaned.text.startswith("The coastal road was closed")


def test_separated_labels_without_furniture_stay() -> None:
    raw = ("Budget Vote Delayed\n\nThe council delayed its budget vote on Tuesday, the mayor said in a statement.\n\n"
           "Housing · Transport · Schools\n\n"
           "Each department must now cut its spending by 4% before the next vote in May.")
    assert "Housing · Transport · Schools" in clean_article(raw).text


def test_closing_author_bio_is_furniture() -> None:
    raw = ("Harbour Reopens\n\nBy Mara Quist\n\nThe harbour reopened on Monday after three weeks of dredging, "
           "the port authority said.\n\nFishing boats returned within hours, and the first ferry is due on Friday.\n\n"
           "Mara Quist is a reporter covering the coast and its industries.")
    cleaned = clean_article(raw, known_author="Mara Quist")
    assert ("Mara Quist is a reporter covering the coast and its industries.", "author bio") in {
        (d.text, d.reason) for d in cleaned.dropped
    }
    assert "Fishing boats returned" in cleaned.text


def test_body_sentence_starting_with_author_name_mid_article_stays() -> None:
    raw = ("Harbour Reopens\n\nBy Mara Quist\n\nMara Quist is the harbour master's daughter, the port authority said "
           "in a statement on Monday about the reopening.\n\nFishing boats returned within hours, and the first ferry "
           "is due on Friday after three weeks of dredging.")
    assert "Mara Quist is the harbour master's daughter" in clean_article(raw, known_author="Mara Quist").text


# --- reader commands, wide-gap labels, trailing lists and bios ----------------------------------------


def test_tv_station_page_with_app_promo_above_the_headline() -> None:
    c = check(
        [
            ("KTVN 7", "short line"),
            ("Watch live", "interface"),
            ("Download the KTVN 7 News app", "interface"),
            ("Subscribe to our YouTube channel", "interface"),
            ("", None),
            ("LOCAL", "short line"),
            ("Wildfire near Canyon Road forces hundreds to evacuate", "title"),
            ("By Dana Whitfield, KTVN 7", "byline"),
            ("Published Tuesday, September 8, 2026 5:30 PM", "timestamp"),
            (
                "More than 400 homes were evacuated on Tuesday as a wildfire spread across the hills above "
                "Canyon Road, the county fire department said.",
                KEEP,
            ),
            ("The fire had burned about 1,200 acres by late afternoon and was 10% contained, officials said.", KEEP),
            ("Get breaking news alerts on your phone", "interface"),
            ("An evacuation centre has opened at the county fairgrounds, the Red Cross said.", KEEP),
            ("Dana Whitfield is KTVN 7's fire and weather reporter.", "author bio"),
            ("Most Watched", "related links"),
            ("1. Teen rescued from storm drain: \u201cI thought I was going to die\u201d", "related links"),
            ("2. School board votes to close two campuses", "related links"),
            ("3. Is the drought finally over?", "related links"),
            ("\u00a9 2026 KTVN 7. All rights reserved.", "copyright"),
        ],
        title="Wildfire near Canyon Road forces hundreds to evacuate",
        author="Dana Whitfield",
    )
    assert c.outlet == "KTVN 7"  # named in the byline and again by the masthead and the copyright line


@pytest.mark.parametrize(
    "line",
    [
        "Download the Daily Courier app",
        "Get the app",
        "Install our app for breaking news alerts",
        "Follow us on Instagram",
        "Join our WhatsApp channel",
        "Listen now",
        "Follow live updates",
        "Try 4 weeks free",
        "Read today's edition",
        "Subscribe to the podcast",
    ],
)
def test_reader_command_is_interface_even_mid_article(line: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "title"), (5, "interface")]


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, the auditor told parliament.",
        "Download speeds fell by a fifth during the outage.",
        "Try again next year, the coach said.",
        "Listen to the victims, the bishop urged the government.",
        "Join the march on Saturday, organisers urged supporters in a statement.",
        "Get out now, residents were told by police on loudspeakers.",
    ],
)
def test_sentence_opening_with_a_command_verb_stays(line: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, line, BODY_AFTER]


@pytest.mark.parametrize(
    "headline",
    [
        "Follow the money: how the port deal was financed",
        "Listen to the victims, bishop urges government",
        "Watch the skies: meteor shower peaks tonight",
        "Get ready for the hottest weekend of the year",
    ],
)
def test_headline_opening_with_a_command_verb_is_still_the_title(headline: str) -> None:
    c = clean_article(f"Download the Harbour Post app\n\n{headline}\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n")
    assert c.title == headline
    assert [(d.line, d.reason) for d in c.dropped] == [(1, "interface"), (3, "title")]


@pytest.mark.parametrize(
    "line",
    [
        "Save article   Share   Listen (4 min)",
        "Print\tEmail\tShare",
        "Gift this story   Listen   Save",
        "Apr 28, 2025   4 min read",
    ],
)
def test_labels_separated_by_wide_gaps_are_furniture(line: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, BODY_AFTER]
    assert len(c.dropped) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Ulloa   612,400   50.2%",
        "Candidate   Party   Votes   Share (%)",
        "Turnout rose.  Officials said the queues were long all day.",
        "Wind   Rain   Snow",
    ],
)
def test_wide_gaps_without_interface_labels_stay(line: str) -> None:
    c = middle(line)
    assert c.text.split("\n\n") == [BODY_BEFORE, " ".join(line.split()), BODY_AFTER]


def test_date_line_ending_with_pm_above_the_body_is_a_timestamp_but_stays_inside_it() -> None:
    check(
        [
            ("Storm knocks out power to 80,000 homes", "title"),
            ("March 3, 2026, 7:15 a.m.", "timestamp"),
            ("Crews worked through the night to restore power after the storm brought down lines, the utility said.",
             KEEP),
            ("March 3, 2026, 9:40 a.m.", KEEP),  # a live-blog entry time between paragraphs
            ("About 12,000 homes were still without electricity by mid-morning, according to the utility.", KEEP),
        ],
        title="Storm knocks out power to 80,000 homes",
    )


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        ("MOST READ", "related links"),
        ("Most Watched", "related links"),
        ("Trending", "interface"),  # interface words on their own say it before the marker does
        ("Popular", "interface"),
        ("Most viewed today", "related links"),
        ("Up next", "interface"),
    ],
)
def test_numbered_headlines_after_a_list_marker_go_even_when_they_read_as_sentences(marker: str, reason: str) -> None:
    check(
        [
            ("Council approves new cycle lanes", "title"),
            ("The council approved 14 kilometres of new cycle lanes on Tuesday after a two-hour debate.", KEEP),
            ("Work on the first section is due to start in September, the transport committee said.", KEEP),
            (marker, reason),
            ("1. Why are so many young people leaving the city centre for the suburbs?", "related links"),
            ("2. Mayor: \u201cWe will not raise council tax again this year, whatever happens\u201d", "related links"),
            ("3. Fuel prices to rise for the third week in a row", "related links"),
        ],
        title="Council approves new cycle lanes",
    )


def test_numbered_list_inside_the_body_stays() -> None:
    items = [
        "1. Leave the building by the nearest exit and do not use the lifts.",
        "2. Gather at the assembly point and wait for instructions from staff.",
    ]
    raw = "Fire drill rules change\n\n" + "\n\n".join([BODY_BEFORE, "What to do", *items, BODY_AFTER])
    assert clean_article(raw).text.split("\n\n") == [BODY_BEFORE, "What to do", *items, BODY_AFTER]


STORY = [
    ("Port strike enters third day", "title"),
    ("The strike at the container port entered its third day on Wednesday, with 40 ships waiting offshore.", KEEP),
    ("The union said talks with the port operator would resume on Thursday morning.", KEEP),
]


@pytest.mark.parametrize(
    "bio",
    [
        "Priya Natarajan is the Chronicle's transport correspondent.",
        "Priya Natarajan is a senior reporter at The Valley Chronicle. Follow her on Bluesky.",
        "Priya Natarajan covers labour and the docks for the Valley Chronicle.",
        "Priya Natarajan is the paper's industry editor.",
    ],
)
def test_bio_pattern_after_the_story_goes_without_a_byline(bio: str) -> None:
    rows: list[Row] = [*STORY, (bio, "author bio"), ("Tags: Ports, Strikes, Unions", "tag list")]
    check(rows, title="Port strike enters third day")


def test_bio_naming_the_byline_author_goes_before_trailing_furniture() -> None:
    check(
        [
            STORY[0],
            ("By Omar Haddad", "byline"),
            *STORY[1:],
            ("The Weekly Ledger is written by Omar Haddad, a former shipping reporter.", "author bio"),
            ("Omar Haddad spent a decade at sea before he started writing.", "author bio"),
            ("Share   Save", "interface"),
            ("Read next", "link"),
            ("Why container rates are falling", "related links"),
        ],
        title="Port strike enters third day",
        author="Omar Haddad",
    )


@pytest.mark.parametrize(
    "last",
    [
        "Maria Lopez is a reporter for the Daily Star who was detained in March, her lawyer said.",
        "Kowalski was a photographer for the Daily Planet for 30 years.",
        "Jane Doe is the company's chief financial officer.",
    ],
)
def test_bio_like_closing_sentence_about_someone_in_the_story_stays(last: str) -> None:
    check([*STORY, (last, KEEP), ("Share", "interface")], title="Port strike enters third day")


def test_bio_like_sentence_the_story_goes_on_from_stays() -> None:
    line = "Ana Ruiz is a correspondent for Radio Uno in the capital."
    check([*STORY, (line, KEEP), ("She was released on Friday.", KEEP)], title="Port strike enters third day")


def test_outlet_in_a_byline_needs_the_page_to_name_it_again() -> None:
    raw = f"Storm hits the coast\n\nBy Jane Smith, Seoul\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n"
    assert clean_article(raw).outlet is None
    raw = (
        f"Storm hits the coast\n\nBy Jane Smith, The Harbour Post\n\n{BODY_BEFORE}\n\n{BODY_AFTER}\n\n"
        "\u00a9 2026 The Harbour Post Ltd\n"
    )
    c = clean_article(raw)
    assert (c.outlet, c.author) == ("The Harbour Post", "Jane Smith")
