"""Tests for generator.timex: finding and normalising time expressions."""

from __future__ import annotations

import datetime as dt
import timeit
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.records import GRANULARITIES, TimeExpr
from generator.timex import describe, find_times, overlaps

D = dt.date
PUB = D(2025, 4, 28)  # a Monday
P = PUB.isoformat()


def one(text: str, published: dt.date | None = PUB) -> TimeExpr:
    found = find_times(text, published)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def spans(text: str, published: dt.date | None = PUB) -> list[str]:
    return [t.text for t in find_times(text, published)]


def iv(t: TimeExpr) -> tuple[dt.date | None, dt.date | None]:
    return t.begin, t.end_date


# (sentence, published, expected span, begin, end, granularity, modifier); dates as ISO strings
CASES: list[tuple[str, str | None, str, str, str, str, str | None]] = [
    # explicit dates
    ("It was signed on 28 April 2025 in Kyiv.",
     P, "28 April 2025", "2025-04-28", "2025-04-28", "day", None),
    ("It was signed on April 28, 2025, in Kyiv.",
     P, "April 28, 2025", "2025-04-28", "2025-04-28", "day", None),
    ("The hurricane made landfall on Aug. 29, 2005, killing 1,800 people.",
     P, "Aug. 29, 2005", "2005-08-29", "2005-08-29", "day", None),
    ("The filing is dated 2025-04-28.",
     None, "2025-04-28", "2025-04-28", "2025-04-28", "day", None),
    ("The letter dated 28/04/2025 was leaked.",
     None, "28/04/2025", "2025-04-28", "2025-04-28", "day", None),
    ("We met on the 5th of May 2021.",
     P, "the 5th of May 2021", "2021-05-05", "2021-05-05", "day", None),
    ("The plant closed on Jan. 5.",
     P, "Jan. 5", "2025-01-05", "2025-01-05", "day", None),
    ("Talks resumed on Sept. 12.",
     P, "Sept. 12", "2024-09-12", "2024-09-12", "day", None),
    ("Voting ended on 28 April.",
     P, "28 April", "2025-04-28", "2025-04-28", "day", None),
    # a year-less date within two weeks after publication is an announced upcoming event
    ("The summit opens on May 5.",
     P, "May 5", "2025-05-05", "2025-05-05", "day", None),
    # … but further ahead, without a future marker, it is last year's
    ("The strike began on May 20.",
     P, "May 20", "2024-05-20", "2024-05-20", "day", None),
    ("The vote is scheduled for May 20.",
     P, "May 20", "2025-05-20", "2025-05-20", "day", None),
    ("The final will be played on Sunday, May 18.",
     P, "Sunday, May 18", "2025-05-18", "2025-05-18", "day", None),
    ("On March 10 police arrested him.",
     P, "March 10", "2025-03-10", "2025-03-10", "day", None),
    ("From 10-12 March 2025, talks were held in Jeddah.",
     P, "10-12 March 2025", "2025-03-10", "2025-03-12", "day", None),
    ("Fighting raged on April 21\u201323.",
     P, "April 21\u201323", "2025-04-21", "2025-04-23", "day", None),
    # leap years
    ("It happened on February 29.",
     "2025-03-01", "February 29", "2024-02-29", "2024-02-29", "day", None),
    ("It happened on 29 February 2024.",
     None, "29 February 2024", "2024-02-29", "2024-02-29", "day", None),
    ("The storm peaked in February 2024.",
     None, "February 2024", "2024-02-01", "2024-02-29", "month", None),
    # month + year, month alone
    ("The treaty was signed in June 2024.",
     None, "June 2024", "2024-06-01", "2024-06-30", "month", None),
    ("The treaty was signed in June of 2024.",
     None, "June of 2024", "2024-06-01", "2024-06-30", "month", None),
    ("The outbreak began in late December 2019.",
     None, "late December 2019", "2019-12-21", "2019-12-31", "month", "late"),
    ("Troops were sent in October.",
     P, "October", "2024-10-01", "2024-10-31", "month", None),
    ("Prices jumped in April.",
     P, "April", "2025-04-01", "2025-04-30", "month", None),
    ("The storm hit in December.",
     "2025-01-03", "December", "2024-12-01", "2024-12-31", "month", None),
    ("The region was retaken last August.",
     P, "last August", "2024-08-01", "2024-08-31", "month", None),
    ("Elections are due next March.",
     P, "next March", "2026-03-01", "2026-03-31", "month", None),
    ("The election will be held in October.",
     P, "October", "2025-10-01", "2025-10-31", "month", None),
    ("The talks stalled in early October.",
     P, "early October", "2024-10-01", "2024-10-10", "month", "early"),
    ("Prices peaked in mid-March.",
     P, "mid-March", "2025-03-11", "2025-03-20", "month", "mid"),
    ("The court will rule by the end of June.",
     P, "by the end of June", "2025-06-21", "2025-06-30", "month", "until"),
    ("Sales fell between January and March 2024.",
     P, "between January and March 2024", "2024-01-01", "2024-03-31", "month", None),
    ("The report covers the period from March 2022 to June 2023.",
     None, "from March 2022 to June 2023", "2022-03-01", "2023-06-30", "month", None),
    # years
    ("The deal was struck in 2023.",
     None, "2023", "2023-01-01", "2023-12-31", "year", None),
    ("2023 was the hottest year on record.",
     None, "2023", "2023-01-01", "2023-12-31", "year", None),
    ("The deal was struck in early 2023.",
     None, "early 2023", "2023-01-01", "2023-04-30", "year", "early"),
    ("Output recovered by mid-2023.",
     None, "by mid-2023", "2023-05-01", "2023-08-31", "year", "until"),
    ("Output recovered in mid-2023.",
     None, "mid-2023", "2023-05-01", "2023-08-31", "year", "mid"),
    ("Work began in late 2023.",
     None, "late 2023", "2023-09-01", "2023-12-31", "year", "late"),
    ("Work began at the end of 2023.",
     None, "the end of 2023", "2023-09-01", "2023-12-31", "year", "late"),
    ("He lost the 2023 election.",
     None, "2023", "2023-01-01", "2023-12-31", "year", None),
    ("The 2024 Olympics were held in Paris.",
     None, "2024", "2024-01-01", "2024-12-31", "year", None),
    ("Russia's 2022 invasion changed everything.",
     None, "2022", "2022-01-01", "2022-12-31", "year", None),
    ("The 2022-23 season was his best.",
     None, "2022-23", "2022-01-01", "2023-12-31", "year", None),
    ("The 2022\u20132023 budget was cut.",
     None, "2022\u20132023", "2022-01-01", "2023-12-31", "year", None),
    ("Prices rose between 2020 and 2022.",
     None, "between 2020 and 2022", "2020-01-01", "2022-12-31", "year", None),
    ("Profits fell in the first quarter of 2024.",
     None, "the first quarter of 2024", "2024-01-01", "2024-03-31", "month", None),
    ("Revenue rose in Q3 2024.",
     None, "Q3 2024", "2024-07-01", "2024-09-30", "month", None),
    ("The plant will close before 2030.",
     None, "before 2030", "2030-01-01", "2030-12-31", "year", "before"),
    ("The rules date from pre-2020 talks.",
     None, "pre-2020", "2020-01-01", "2020-12-31", "year", "before"),
    ("The ban runs until 2026.",
     None, "until 2026", "2026-01-01", "2026-12-31", "year", "until"),
    # decades
    ("The Korean War in the 1950s.",
     None, "the 1950s", "1950-01-01", "1959-12-31", "decade", None),
    ("Fighting in the early 1950s.",
     None, "the early 1950s", "1950-01-01", "1953-12-31", "decade", "early"),
    ("Growth stalled in early 1950s Britain.",
     None, "early 1950s", "1950-01-01", "1953-12-31", "decade", "early"),
    ("It has grown since the 1990s.",
     None, "since the 1990s", "1990-01-01", "1999-12-31", "decade", "since"),
    ("Music from the '90s.",
     P, "the '90s", "1990-01-01", "1999-12-31", "decade", None),
    ("The law was amended in the mid-1990s.",
     None, "the mid-1990s", "1994-01-01", "1996-12-31", "decade", "mid"),
    # seasons
    ("Troops were sent last fall.",
     P, "last fall", "2024-09-01", "2024-11-30", "season", None),
    ("Troops were sent last autumn.",
     P, "last autumn", "2024-09-01", "2024-11-30", "season", None),
    ("Prices rose this spring.",
     P, "this spring", "2025-03-01", "2025-05-31", "season", None),
    ("It happened in the summer of 2024.",
     None, "summer of 2024", "2024-06-01", "2024-08-31", "season", None),
    ("Snow fell last winter.",
     P, "last winter", "2024-12-01", "2025-02-28", "season", None),
    ("Snow fell last winter.",
     "2025-01-15", "last winter", "2023-12-01", "2024-02-29", "season", None),
    ("Flooding in winter 2023-24.",
     None, "winter 2023-24", "2023-12-01", "2024-02-29", "season", None),
    ("The crop failed in early summer.",
     P, "early summer", "2024-06-01", "2024-06-30", "season", "early"),
    ("Heating costs rose during winter.",
     P, "winter", "2024-12-01", "2025-02-28", "season", None),
    # relative years
    ("Ukraine captured it last year.",
     P, "last year", "2024-01-01", "2024-12-31", "year", None),
    ("Profits rose this year.",
     P, "this year", "2025-01-01", "2025-12-31", "year", None),
    ("A vote is expected next year.",
     P, "next year", "2026-01-01", "2026-12-31", "year", None),
    ("Prices fell early this year.",
     P, "early this year", "2025-01-01", "2025-04-30", "year", "early"),
    ("More joined in the early months of this year.",
     P, "the early months of this year", "2025-01-01", "2025-04-30", "year", "early"),
    ("It began late last year.",
     P, "late last year", "2024-09-01", "2024-12-31", "year", "late"),
    ("It began earlier this year.",
     P, "earlier this year", "2025-01-01", "2025-04-28", "year", None),
    ("A vote is due later this year.",
     P, "later this year", "2025-04-28", "2025-12-31", "year", None),
    ("Sales fell from the previous year.",
     P, "the previous year", "2024-01-01", "2024-12-31", "year", None),
    ("Sales fell from the year before.",
     P, "the year before", "2024-01-01", "2024-12-31", "year", None),
    ("Sales fell in the first half of last year.",
     P, "the first half of last year", "2024-01-01", "2024-06-30", "month", None),
    # relative days, weeks, months
    ("Kim confirmed it on Monday.",
     P, "Monday", "2025-04-28", "2025-04-28", "day", None),
    ("Kim confirmed it on Friday.",
     P, "Friday", "2025-04-25", "2025-04-25", "day", None),
    ("Kim confirmed it this Monday.",
     P, "this Monday", "2025-04-28", "2025-04-28", "day", None),
    ("The trial began last Monday.",
     P, "last Monday", "2025-04-21", "2025-04-21", "day", None),
    ("Monday's vote was close.",
     P, "Monday", "2025-04-28", "2025-04-28", "day", None),
    ("Shelling resumed on Tuesday night.",
     P, "Tuesday night", "2025-04-22", "2025-04-22", "day", None),
    ("The vote will take place on Tuesday night.",
     P, "Tuesday night", "2025-04-29", "2025-04-29", "day", None),
    ("Officials met next Friday.",
     P, "next Friday", "2025-05-02", "2025-05-02", "day", None),
    ("It was announced yesterday.",
     P, "yesterday", "2025-04-27", "2025-04-27", "day", None),
    ("It is announced today.",
     P, "today", "2025-04-28", "2025-04-28", "day", None),
    ("Fighting raged last night.",
     P, "last night", "2025-04-27", "2025-04-27", "day", None),
    ("The bill passed last week.",
     P, "last week", "2025-04-21", "2025-04-27", "week", None),
    ("The bill passed last week.",
     "2025-01-03", "last week", "2024-12-23", "2024-12-29", "week", None),
    ("Talks continue this week.",
     P, "this week", "2025-04-28", "2025-05-04", "week", None),
    ("Inflation slowed last month.",
     P, "last month", "2025-03-01", "2025-03-31", "month", None),
    ("Inflation slowed last month.",
     "2025-01-03", "last month", "2024-12-01", "2024-12-31", "month", None),
    ("Talks stalled earlier this month.",
     P, "earlier this month", "2025-04-01", "2025-04-28", "month", None),
    ("He resigned two days ago.",
     P, "two days ago", "2025-04-26", "2025-04-26", "day", None),
    ("He resigned three weeks ago.",
     P, "three weeks ago", "2025-04-07", "2025-04-13", "week", None),
    ("The dam was built a decade ago.",
     P, "a decade ago", "2015-01-01", "2015-12-31", "year", None),
    ("It was built more than two years ago.",
     P, "more than two years ago", "2023-01-01", "2023-12-31", "year", "before"),
    ("Deaths rose in the past 24 hours.",
     P, "the past 24 hours", "2025-04-27", "2025-04-28", "day", None),
    ("Since October, 3,000 more have joined.",
     P, "Since October", "2024-10-01", "2024-10-31", "month", "since"),
    ("It had not admitted this until this Monday.",
     P, "until this Monday", "2025-04-28", "2025-04-28", "day", "until"),
    ("The storm hit last weekend.",
     "2025-01-05", "last weekend", "2024-12-28", "2024-12-29", "week", None),
]


@pytest.mark.parametrize(("text", "published", "span", "begin", "end", "gran", "modifier"), CASES)
def test_resolves(text: str, published: str | None, span: str, begin: str, end: str, gran: str,
                  modifier: str | None) -> None:
    t = one(text, D.fromisoformat(published) if published else None)
    assert t.text == span
    assert text[t.start:t.end] == span
    assert (t.begin, t.end_date) == (D.fromisoformat(begin), D.fromisoformat(end))
    assert t.granularity == gran
    assert t.modifier == modifier
    assert t.resolved


NOTHING = [
    "He said he may resign.",
    "May the best team win.",
    "Protesters march on the capital.",
    "March on, they said.",
    "Officials say the situation is calm now.",
    "Recently, currently and soon, things changed.",
    "At the time, nobody knew.",
    "The talks lasted over a three-month period.",
    "He served for two years as mayor.",
    "The troops arrived two days later.",
    "A year after the invasion, the front is frozen.",
    "It happened before the war.",
    "COVID-19 spread quickly among F-16 crews.",
    "The fire killed 2,024 people.",
    "The army deployed 1500 troops and 2024 vehicles.",
    "Flight 2024 landed safely.",
    "Temperatures reached the 90s.",
    "He was injured in the fall from a ladder.",
    "After the fall of Kabul, many fled.",
    "The Sunday Times reported it first.",
    "Shops opened on Black Friday and Cyber Monday.",
    "Every Monday he runs.",
    "It was the last year of his term.",
    "The poll asked about 04/05/2025.",
    "The order is dated 31 April 2025.",
    "Prices fell 2.5% in a few weeks ago fashion.",
    "The winter of discontent.",
    "They won the Winter Olympics gold.",
    "She told May that Johnson would resign.",
    "",
]


@pytest.mark.parametrize("text", NOTHING)
def test_not_a_time(text: str) -> None:
    assert find_times(text, PUB) == ()


def test_may_modal_next_to_may_month() -> None:
    assert spans("Officials may announce results in May.") == ["May"]
    assert spans("May 2025 was wet, and it may rain again.") == ["May 2025"]


def test_march_verb_next_to_month() -> None:
    found = find_times("Protesters march on Monday, as they did in March.", PUB)
    assert [t.text for t in found] == ["Monday", "March"]
    assert iv(found[1]) == (D(2025, 3, 1), D(2025, 3, 31))


def test_count_after_month_is_not_a_day() -> None:
    # "In March 10 people died": ten people, in March
    t = one("In March 10 people died.")
    assert t.text == "March"
    assert t.granularity == "month"


def test_unresolved_without_publication_date() -> None:
    text = "On Monday, in October, troops sent last fall met those sent in June 2024 and in the 1950s."
    found = find_times(text, None)
    assert [t.text for t in found] == ["Monday", "October", "last fall", "June 2024", "the 1950s"]
    rel = {t.text: t for t in found}
    for name, gran in (("Monday", "day"), ("October", "month"), ("last fall", "season")):
        t = rel[name]
        assert t.relative and not t.resolved
        assert t.begin is None and t.end_date is None
        assert t.granularity == gran
        assert describe(t) == "unresolved (no publication date)"
    assert rel["June 2024"].resolved and not rel["June 2024"].relative
    assert rel["the 1950s"].resolved


def test_same_sentence_with_and_without_publication() -> None:
    text = "The storm hit in December and again last week."
    with_pub = find_times(text, D(2025, 1, 3))
    without = find_times(text, None)
    assert [t.text for t in with_pub] == [t.text for t in without] == ["December", "last week"]
    assert iv(with_pub[0]) == (D(2024, 12, 1), D(2024, 12, 31))
    assert iv(with_pub[1]) == (D(2024, 12, 23), D(2024, 12, 29))
    assert all(not t.resolved for t in without)


def test_anaphoric_year_counts_from_year_in_sentence() -> None:
    found = find_times("In 2019 exports rose 5% from the previous year.", None)
    assert [t.text for t in found] == ["2019", "the previous year"]
    assert iv(found[1]) == (D(2018, 1, 1), D(2018, 12, 31))
    assert not found[1].relative and found[1].resolved


def test_following_year_needs_an_anchor() -> None:
    assert spans("The following year it listed.") == []
    found = find_times("In 2015 the company moved; the following year it listed.", None)
    assert iv(found[1]) == (D(2016, 1, 1), D(2016, 12, 31))


def test_offsets_with_base() -> None:
    text = "Kim confirmed it on Monday after troops went last fall."
    found = find_times(text, PUB, base=100)
    for t in found:
        assert text[t.start - 100:t.end - 100] == t.text
    assert [t.start for t in found] == [100 + text.index("Monday"), 100 + text.index("last fall")]


def test_text_order_and_no_overlap() -> None:
    text = "From 2019 to 2021, and since early 2023, and on Sunday, May 18, and in the summer of 2024."
    found = find_times(text, PUB)
    expected = ["From 2019 to 2021", "since early 2023", "Sunday, May 18", "summer of 2024"]
    assert [t.text for t in found] == expected
    for a, b in pairwise(found):
        assert a.end <= b.start


def test_relative_flag() -> None:
    assert one("It fell in June 2024.").relative is False
    assert one("It fell in June.").relative is True
    assert one("It fell on April 2.").relative is True
    assert one("It fell in the 1950s.").relative is False


def test_several_years_in_a_list() -> None:
    assert spans("The team won the title in 1998, 2002 and 2006.", None) == ["1998", "2002", "2006"]


def test_year_after_identifiers_and_amounts() -> None:
    assert spans("Resolution 2254 was adopted in 2015.", None) == ["2015"]
    assert spans("In 2024 prices rose by 2,025 dollars.", None) == ["2024"]
    assert spans("About 2000 people fled.", None) == []
    assert spans("The virus was found in 2000 cases.", None) == []


def test_future_weekday_and_this_weekday() -> None:
    assert iv(one("The court will rule on Thursday.")) == (D(2025, 5, 1), D(2025, 5, 1))
    assert iv(one("The court ruled on Thursday.")) == (D(2025, 4, 24), D(2025, 4, 24))


def test_weekday_on_publication_day_counts() -> None:
    assert iv(one("The vote was held on Monday.", D(2025, 4, 28))) == (PUB, PUB)
    assert iv(one("The vote was held on Monday.", D(2025, 4, 27))) == (D(2025, 4, 21), D(2025, 4, 21))


def test_this_winter_is_nearest() -> None:
    assert iv(one("Prices will rise this winter.", D(2025, 11, 10))) == (D(2025, 12, 1), D(2026, 2, 28))
    assert iv(one("Prices rose this winter.", D(2025, 1, 20))) == (D(2024, 12, 1), D(2025, 2, 28))


def test_quarters_and_halves_relative() -> None:
    t = one("Sales rose in the second half of last year.")
    assert iv(t) == (D(2024, 7, 1), D(2024, 12, 31))
    assert t.granularity == "month"


def test_month_range_without_year_runs_forward() -> None:
    assert iv(one("The festival runs from March to May.")) == (D(2025, 3, 1), D(2025, 5, 31))
    assert iv(one("Heating was rationed from November to February.")) == (D(2024, 11, 1), D(2025, 2, 28))


def test_fiscal_year_and_ordinal_weekday() -> None:
    assert spans("The company expects fiscal 2025 earnings of $7.20 a share.") == ["2025"]
    assert spans("The event is held on the first Monday of every month.") == []


def test_two_digit_decade_pivot() -> None:
    assert iv(one("Jazz of the '20s.", None)) == (D(2020, 1, 1), D(2029, 12, 31))
    assert iv(one("Jazz of the '20s.", D(1955, 6, 1))) == (D(1920, 1, 1), D(1929, 12, 31))
    assert iv(one("Jazz of the '60s.", None)) == (D(1960, 1, 1), D(1969, 12, 31))


def test_malformed_date_stays_text() -> None:
    assert find_times("The memo of April 31 was forged.", PUB) == ()
    assert find_times("It was filed on 2025-02-29.", PUB) == ()


def test_overlaps() -> None:
    fall = one("Troops were sent last fall.")
    october = one("Troops were sent in October.")
    june = one("The treaty was signed in June 2024.")
    since_2020 = one("It has grown since 2020.")
    before_2020 = one("It happened before 2020.")
    unresolved = one("Troops were sent last fall.", None)
    assert overlaps(fall, october) is True
    assert overlaps(fall, june) is False
    assert overlaps(since_2020, june) is True
    assert overlaps(before_2020, june) is False
    assert overlaps(before_2020, one("It happened in 2019.")) is True
    assert overlaps(fall, unresolved) is None
    assert overlaps(unresolved, fall) is None


def test_describe() -> None:
    assert describe(one("Troops were sent last fall.")) == "2024-09-01 \u2013 2024-11-30 (season)"
    assert describe(one("It was signed on 28 April 2025.")) == "2025-04-28 (day)"
    assert describe(one("It grew in early 2023.", None)) == "2023-01-01 \u2013 2023-04-30 (year, early)"
    assert describe(one("Since October it grew.")) == "since 2024-10-01 \u2013 2024-10-31 (month)"
    assert describe(one("Troops were sent last fall.", None)) == "unresolved (no publication date)"


def test_seed_sentences() -> None:
    text = ("Approximately 11,000 North Korean soldiers were dispatched to Russia in October, with an "
            "additional 3,000 reportedly joining in the early months of this year.")
    found = find_times(text, PUB)
    assert [t.text for t in found] == ["October", "the early months of this year"]
    assert iv(found[0]) == (D(2024, 10, 1), D(2024, 10, 31))
    assert iv(found[1]) == (D(2025, 1, 1), D(2025, 4, 30))
    text = "North Korea had not engaged in armed conflict since the Korean War in the 1950s."
    assert spans(text) == ["the 1950s"]
    text = "Around 4,000 North Korean soldiers may have been killed or injured over a three-month period."
    assert spans(text) == []


def test_edge_of_calendar_does_not_raise() -> None:
    for pub in (D(1, 1, 1), D(9999, 12, 31)):
        for text in ("last year, next year, this winter, on Monday, in October, two decades ago",
                     "the previous year, the end of the year, Q1 2024, the '90s, next week"):
            for t in find_times(text, pub):
                assert text[t.start:t.end] == t.text


def test_speed() -> None:
    sentences = [c[0] for c in CASES] + NOTHING
    n = 5
    seconds = timeit.timeit(lambda: [find_times(s, PUB) for s in sentences], number=n)
    per_sentence = seconds / n / len(sentences)
    assert per_sentence < 1e-3, f"{per_sentence * 1e6:.0f} µs per sentence"


_TOKEN_TEXT = """
in on since until by last next this the early mid- late of May may March march October Monday Monday's fall
winter spring year week month ago two days 2023 2,024 1950s '90s 2022-23 28 April Jan. 5, 2025 - \u2013 to and
between from previous end first half quarter Q3 people troops , . yesterday tonight night 29 February 31 /
12/13/2024 2025-02-29 more than
"""
_TOKENS = _TOKEN_TEXT.split()


def _check(text: str, found: tuple[TimeExpr, ...], base: int) -> None:
    last_end = base
    for t in found:
        assert text[t.start - base:t.end - base] == t.text
        assert t.start >= last_end
        assert t.end > t.start
        last_end = t.end
        assert t.granularity in GRANULARITIES
        if t.resolved:
            assert t.begin is not None and t.end_date is not None and t.begin <= t.end_date
        else:
            assert t.begin is None and t.end_date is None and t.relative
        assert overlaps(t, t) in (True, None)
        assert describe(t)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()), st.integers(min_value=0, max_value=10**6))
def test_property_arbitrary_text(text: str, published: dt.date | None, base: int) -> None:
    _check(text, find_times(text, published, base), base)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join), st.one_of(st.none(), st.dates()))
def test_property_time_vocabulary(text: str, published: dt.date | None) -> None:
    _check(text, find_times(text, published, 7), 7)


def test_yearless_day_reads_tense_in_its_own_clause() -> None:
    p = dt.date(2026, 6, 22)
    inauguration = find_times("Rivera, who was mayor from 2015 to 2021, takes office on August 1.", p)[-1]
    assert inauguration.begin == dt.date(2026, 8, 1)  # the nearer occurrence; "was" belongs to another clause
    strike = find_times("The strike, which lasted a week, began on May 20.", p)[0]
    assert strike.begin == dt.date(2026, 5, 20)
    held = find_times("The vote will be held on May 20.", p)[0]
    assert held.begin == dt.date(2027, 5, 20)  # "be held" is not a past tense


def test_yearless_day_without_tense_takes_the_nearest_occurrence() -> None:
    assert find_times("Voting on January 3 and counting after.", dt.date(2025, 12, 28))[0].begin == dt.date(2026, 1, 3)
    assert find_times("Results on December 20 and after.", dt.date(2026, 1, 3))[0].begin == dt.date(2025, 12, 20)
