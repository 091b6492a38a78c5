"""Tests for generator.quantities: figures in one sentence, with qualifier, unit, counted noun and measure.

Every sentence used is written here. Most are invented news sentences across domains (disasters, conflict,
protests, company results, elections, sport, health, courts, science); a few are quoted from the sample seeds.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.quantities import ABOUT_TOLERANCE, MAX_MODIFIERS, NEARLY_FLOOR, find_quantities
from generator.records import Quantity

Expected = dict[str, Any]


def check(sentence: str, expected: list[Expected]) -> None:
    found = find_quantities(sentence)
    summary = [(q.text, q.counted, q.measure, q.unit, q.qualifier) for q in found]
    assert len(found) == len(expected), summary
    for q, exp in zip(found, expected, strict=True):
        for field, value in exp.items():
            assert getattr(q, field) == value, (field, q)


# ----------------------------------------------------------------------------------------------------------
# Sentences from the sample articles (examples only; the rules are general)

SEED_CASES: list[tuple[str, list[Expected]]] = [
    (
        "Reports indicate that around 10,000 to 12,000 North Korean troops were sent last fall.",
        [
            {
                "text": "around 10,000 to 12,000",
                "value_low": 10000,
                "value_high": 12000,
                "low": pytest.approx(9000),
                "high": pytest.approx(13200),
                "qualifier": "about",
                "counted": "troop",
                "measure": "troop sent",
                "unit": None,
            }
        ],
    ),
    (
        "South Korean military assessments earlier suggested that about 4,000 North Korean soldiers might "
        "have been killed or injured during the conflict.",
        [
            {
                "text": "about 4,000",
                "counted": "troop",
                "measure": "troop killed or injured",
                "qualifier": "about",
            }
        ],
    ),
    (
        "South Korea's military reported that approximately 4,000 North Korean soldiers had been killed or "
        "wounded in the conflict.",
        [{"text": "approximately 4,000", "measure": "troop killed or injured", "low": pytest.approx(3600)}],
    ),
    (
        "Western officials had previously reported that approximately 1,000 out of 11,000 North Korean "
        "soldiers deployed in the region were killed over a three-month period.",
        [
            {
                "text": "approximately 1,000 out of 11,000",
                "value_low": 1000,
                "out_of": 11000,
                "counted": "troop",
                "measure": "troop killed",
            },
            {"text": "three-month", "value_low": 3, "unit": "month", "qualifier": None, "counted": None},
        ],
    ),
    (
        "An additional 11,000-12,000 highly motivated and well-prepared soldiers conducting offensive "
        "actions.",
        [
            {
                "text": "An additional 11,000-12,000",
                "value_low": 11000,
                "value_high": 12000,
                "low": 11000,
                "high": 12000,
                "qualifier": "additional",
                "counted": "troop",
                "measure": "troop",
            }
        ],
    ),
    (
        "According to estimates from South Korea, more than 10,000 North Korean soldiers were dispatched to "
        "Russia in October, with an additional 3,000 reportedly joining in the early months of this year.",
        [
            {"text": "more than 10,000", "low": 10000, "high": None, "measure": "troop sent"},
            {"text": "an additional 3,000", "qualifier": "additional", "counted": "troop"},
        ],
    ),
    (
        "Intelligence agencies indicated that North Korea had dispatched around 10,000-12,000 troops to "
        "Russia last fall, marking their first major involvement in armed conflict since the Korean War in "
        "the 1950s.",
        [{"text": "around 10,000-12,000", "measure": "troop sent", "qualifier": "about"}],
    ),
    (
        "Kim's directive to send troops warranted the activation of Article 4 of the bilateral treaty signed "
        "in June 2024.",
        [],
    ),
    ("Signing-in 3 seconds.", [{"text": "3 seconds", "unit": "second", "counted": None}]),
]


# ----------------------------------------------------------------------------------------------------------
# Disasters and accidents

DISASTER_CASES: list[tuple[str, list[Expected]]] = [
    (
        "The quake killed 112 people and injured more than 300 others.",
        [
            {"text": "112", "counted": "person", "measure": "person killed", "qualifier": None},
            {"text": "more than 300", "measure": "person injured", "low": 300, "high": None},
        ],
    ),
    (
        "At least 112 people, including 20 children, were killed when the magnitude 6.8 quake struck at "
        "11:11 p.m. local time.",
        [
            {"text": "At least 112", "qualifier": "at least", "measure": "person killed"},
            {"text": "20", "counted": "child", "measure": "child killed"},
            {"text": "magnitude 6.8", "unit": "magnitude", "value_low": 6.8},
        ],
    ),
    (
        "A magnitude 7.8 earthquake struck at 4:17 a.m., and a 7.5-magnitude aftershock followed.",
        [{"text": "magnitude 7.8", "unit": "magnitude"}, {"text": "7.5-magnitude", "unit": "magnitude"}],
    ),
    (
        "The earthquake, which measured 7.8, killed more than 50,000 people in Turkey and Syria.",
        [{"text": "7.8", "unit": "magnitude"}, {"text": "more than 50,000", "measure": "person killed"}],
    ),
    (
        "The death toll rose to 240 on Tuesday.",
        [{"text": "240", "counted": "person", "measure": "person killed"}],
    ),
    ("Officials reported a death toll of 240.", [{"text": "240", "measure": "person killed"}]),
    (
        "Officials confirmed 1,300 deaths and 4,000 injuries.",
        [{"text": "1,300", "measure": "person killed"}, {"text": "4,000", "measure": "person injured"}],
    ),
    (
        "More than 1,000 people were killed or injured, and 300 remain missing.",
        [{"measure": "person killed or injured"}, {"text": "300", "measure": "person missing"}],
    ),
    ("There were 4,000 North Korean casualties.", [{"text": "4,000", "measure": "person killed or injured"}]),
    (
        "Some 2,500 firefighters battled the blaze, which has burned more than 40,000 hectares.",
        [
            {"text": "Some 2,500", "qualifier": "about", "counted": "firefighter"},
            {"text": "more than 40,000 hectares", "unit": "ha", "counted": None, "measure": None},
        ],
    ),
    (
        "Officials said up to 5,000 people may have been displaced by the floods.",
        [
            {
                "text": "up to 5,000",
                "low": 0,
                "high": 5000,
                "qualifier": "up to",
                "measure": "person displaced",
            }
        ],
    ),
    (
        "As many as 40 migrants drowned when the boat capsized, while 23 were rescued.",
        [
            {
                "text": "As many as 40",
                "qualifier": "up to",
                "counted": "migrant",
                "measure": "migrant killed",
            },
            {"text": "23", "counted": "person", "measure": "person rescued"},
        ],
    ),
    (
        "About 200 people were evacuated from the 30-storey tower.",
        [{"text": "About 200", "measure": "person evacuated"}, {"text": "30-storey", "counted": "storey"}],
    ),
    (
        "The plane was carrying 150 passengers and six crew members.",
        [{"text": "150", "measure": "passenger on board"}, {"text": "six", "value_low": 6}],
    ),
    (
        "Hundreds of thousands of people fled their homes.",
        [
            {
                "text": "Hundreds of thousands",
                "value_low": 200000,
                "low": 200000,
                "high": None,
                "qualifier": "at least",
                "measure": "person displaced",
            }
        ],
    ),
    (
        "Temperatures hit 45°C in Delhi, where 2 million people live in informal settlements.",
        [{"text": "45°C", "unit": "°C"}, {"text": "2 million", "value_low": 2e6, "counted": "person"}],
    ),
    (
        "The dam released 300 cubic metres of water, flooding 2,000 acres.",
        [{"text": "300 cubic metres", "unit": "m3"}, {"text": "2,000 acres", "unit": "acre"}],
    ),
    (
        "The storm left 300,000 homes without power and forced 12,000 residents to evacuate.",
        [{"text": "300,000", "counted": "home"}, {"text": "12,000", "counted": "resident"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Conflict

CONFLICT_CASES: list[tuple[str, list[Expected]]] = [
    (
        "A further 300 troops were deployed, bringing the total to 4,300.",
        [{"text": "A further 300", "qualifier": "additional", "measure": "troop sent"}, {"text": "4,300"}],
    ),
    (
        "A 10,000-strong force was deployed to the border.",
        [{"text": "10,000-strong", "value_low": 10000, "counted": "force", "measure": "force sent"}],
    ),
    (
        "Ukraine said two soldiers were captured alive and 3,000 servicemen were taken prisoner.",
        [{"text": "two", "measure": "troop captured"}, {"text": "3,000", "measure": "troop captured"}],
    ),
    (
        "The militants abducted 40 aid workers, and 12 fighters were killed in the raid.",
        [{"text": "40", "measure": "worker taken hostage"}, {"text": "12", "measure": "troop killed"}],
    ),
    (
        "Between 2020 and 2022, emissions fell from 34 to 31 million tonnes.",
        [
            {"text": "34", "counted": "emission"},
            {"text": "31 million tonnes", "value_low": 31e6, "unit": "tonne"},
        ],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Protests and crowds

PROTEST_CASES: list[tuple[str, list[Expected]]] = [
    (
        "Police arrested 20 protesters after 50,000 people marched through the capital.",
        [
            {"text": "20", "counted": "protester", "measure": "protester arrested"},
            {"text": "50,000", "counted": "person", "measure": "person attended"},
        ],
    ),
    (
        "Between 5,000 and 7,000 people attended the rally, organisers said.",
        [
            {
                "text": "Between 5,000 and 7,000",
                "value_low": 5000,
                "value_high": 7000,
                "measure": "person attended",
            }
        ],
    ),
    (
        "Organisers said 100,000 people joined the march, while police put the crowd at 30,000.",
        [{"text": "100,000", "measure": "person attended"}, {"text": "30,000", "measure": "person attended"}],
    ),
    (
        "Tens of thousands of protesters took to the streets.",
        [
            {
                "text": "Tens of thousands",
                "value_low": 20000,
                "qualifier": "at least",
                "measure": "person attended",
            }
        ],
    ),
    (
        "Police said 45 officers were injured and 120 people were arrested.",
        [{"text": "45", "measure": "officer injured"}, {"text": "120", "measure": "person arrested"}],
    ),
    (
        "Ten thousand people marched, two dozen were detained and a dozen were hurt.",
        [
            {"text": "Ten thousand", "value_low": 10000, "measure": "person attended"},
            {"text": "two dozen", "value_low": 24, "qualifier": None, "measure": "person arrested"},
            {"text": "a dozen", "value_low": 12, "measure": "person injured"},
        ],
    ),
    (
        "Dozens were injured in the two-week protest, which ended a five-year dispute.",
        [
            {"text": "Dozens", "value_low": 24, "low": 24, "high": None, "measure": "person injured"},
            {"text": "two-week", "unit": "week", "value_low": 2},
            {"text": "five-year", "unit": "year", "value_low": 5},
        ],
    ),
    (
        "Between 10,000\u201312,000 fans were expected, and from 20 to 30 people queued overnight.",
        [
            {"text": "Between 10,000\u201312,000", "value_low": 10000, "value_high": 12000, "counted": "fan"},
            {"text": "from 20 to 30", "value_low": 20, "value_high": 30, "counted": "person"},
        ],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Company results and economy

BUSINESS_CASES: list[tuple[str, list[Expected]]] = [
    (
        "Apple reported $4.5 billion in revenue, up 12% from a year earlier.",
        [
            {
                "text": "$4.5 billion",
                "value_low": 4.5e9,
                "unit": "$",
                "counted": "revenue",
                "measure": "revenue",
            },
            {"text": "12%", "unit": "%"},
        ],
    ),
    (
        "Net profit rose 12% to $1.2bn, while sales fell 3 per cent.",
        [
            {"text": "12%", "unit": "%", "counted": "profit", "measure": "net profit rise"},
            {"text": "$1.2bn", "value_low": 1.2e9, "measure": "net profit"},
            {"text": "3 per cent", "unit": "%", "measure": "sales fall"},
        ],
    ),
    (
        "Revenue rose 8% to €12.5 billion in the third quarter, while operating profit fell to €1.1bn.",
        [
            {"measure": "revenue rise"},
            {"text": "€12.5 billion", "unit": "EUR", "measure": "revenue"},
            {"text": "€1.1bn", "unit": "EUR", "measure": "operating profit"},
        ],
    ),
    (
        "The company posted a net loss of $320m, compared with a profit of $45m a year earlier.",
        [{"text": "$320m", "value_low": 3.2e8, "measure": "net loss"}, {"text": "$45m", "measure": "profit"}],
    ),
    (
        "The company will cut 1,200 jobs, or 5% of its workforce.",
        [{"text": "1,200", "counted": "job", "measure": "job cut"}, {"text": "5%", "counted": "workforce"}],
    ),
    ("The carmaker announced 1,200 job cuts.", [{"text": "1,200", "counted": "job", "measure": "job cut"}]),
    (
        "The bank will lay off 3,000 employees over the next two years.",
        [{"text": "3,000", "measure": "job cut"}, {"text": "two years", "unit": "year", "qualifier": None}],
    ),
    (
        "The company hired 500 workers and plans to create 1,000 jobs by 2026.",
        [{"text": "500", "measure": "job hired"}, {"text": "1,000", "measure": "job hired"}],
    ),
    (
        "The startup raised $4.5bn, and its app has 10k users and 1.2 million downloads.",
        [
            {"text": "$4.5bn", "value_low": 4.5e9, "unit": "$"},
            {"text": "10k", "value_low": 10000, "counted": "user"},
            {"text": "1.2 million", "value_low": 1.2e6, "counted": "download"},
        ],
    ),
    (
        "The contract is worth 4.5 billion dollars, or 3.8 billion euros.",
        [{"text": "4.5 billion dollars", "unit": "$"}, {"text": "3.8 billion euros", "unit": "EUR"}],
    ),
    (
        "The firm was valued at US$30bn after raising 12,500.75 pounds sterling.",
        [
            {"text": "US$30bn", "unit": "USD", "value_low": 3e10},
            {"text": "12,500.75 pounds sterling", "unit": "GBP"},
        ],
    ),
    (
        "The project will cost $4-5bn over 10 years, officials said.",
        [
            {"text": "$4-5bn", "value_low": 4e9, "value_high": 5e9, "unit": "$"},
            {"text": "10 years", "unit": "year", "qualifier": None},
        ],
    ),
    ("Tesla sold 1.8 million vehicles last year.", [{"text": "1.8 million", "measure": "vehicle sold"}]),
    (
        "Prices rose 3.4% year-on-year, compared with 2.9% in May.",
        [{"text": "3.4%", "measure": "price rise"}, {"text": "2.9%", "unit": "%"}],
    ),
    (
        "Unemployment rose from 5.2% to 5.4% in March.",
        [{"text": "5.2%", "measure": "unemployment"}, {"text": "5.4%", "measure": "unemployment"}],
    ),
    (
        "The central bank raised rates by 25 basis points to 5.25%.",
        [{"text": "25 basis points", "unit": "bp"}, {"text": "5.25%", "unit": "%"}],
    ),
    (
        "Inflation was -0.5% in the second quarter.",
        [{"text": "-0.5%", "value_low": -0.5, "unit": "%", "counted": "inflation"}],
    ),
    (
        "The EU fined Google €4.34bn in 2018.",
        [{"text": "€4.34bn", "value_low": 4.34e9, "unit": "EUR", "measure": "fine"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Elections and politics

ELECTION_CASES: list[tuple[str, list[Expected]]] = [
    (
        "Labour won 412 of the 650 seats, with a majority of 174.",
        [
            {"text": "412 of the 650", "out_of": 650, "counted": "seat"},
            {"text": "174", "counted": "majority"},
        ],
    ),
    (
        "The party took 33.7 per cent of the vote, up 1.6 percentage points.",
        [
            {"text": "33.7 per cent", "unit": "%", "counted": "vote"},
            {"text": "1.6 percentage points", "unit": "pp"},
        ],
    ),
    ("Voter turnout reached 67.3%, the highest since 1992.", [{"text": "67.3%", "measure": "turnout"}]),
    (
        "Nearly 70% of voters backed the measure.",
        [
            {
                "text": "Nearly 70%",
                "qualifier": "nearly",
                "low": pytest.approx(63),
                "high": 70,
                "counted": "voter",
            }
        ],
    ),
    (
        "Fewer than 200 people voted, less than 5% of the electorate.",
        [
            {"text": "Fewer than 200", "qualifier": "less than", "low": 0, "high": 200},
            {"text": "less than 5%", "unit": "%", "counted": "electorate"},
        ],
    ),
    ("She beat her rival by 5,000 votes.", [{"text": "5,000", "counted": "vote"}]),
    (
        "Support fell to 12 percent, while 12 per cent said they were undecided.",
        [{"text": "12 percent", "unit": "%", "measure": "support"}, {"text": "12 per cent", "unit": "%"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Sport

SPORT_CASES: list[tuple[str, list[Expected]]] = [
    ("Manchester City won 3-1 and the court ruled 6-3.", []),
    (
        "He scored 30 points in 42 minutes as the Lakers won 110-102.",
        [{"text": "30", "counted": "point"}, {"text": "42 minutes", "unit": "minute"}],
    ),
    (
        "He ran the 100m in 9.58 seconds, a world record that has stood since 2009.",
        [{"text": "100m", "unit": "m", "value_low": 100}, {"text": "9.58 seconds", "unit": "second"}],
    ),
    (
        "The marathon drew 40,000 runners and raised £60m for charity.",
        [{"text": "40,000", "measure": "runner attended"}, {"text": "£60m", "unit": "GBP", "value_low": 6e7}],
    ),
    (
        "The team has won 3 of its last 10 matches.",
        [{"text": "3 of its last 10", "out_of": 10, "counted": "match"}],
    ),
    ("She finished 21st out of 40 runners.", [{"text": "40", "counted": "runner"}]),
]


# ----------------------------------------------------------------------------------------------------------
# Health

HEALTH_CASES: list[tuple[str, list[Expected]]] = [
    (
        "There were 1,240 new cases and 18 deaths reported on Monday.",
        [{"text": "1,240", "counted": "case"}, {"text": "18", "measure": "person killed"}],
    ),
    (
        "About one in five adults has had the infection, and 2.5m people are on waiting lists.",
        [
            {"text": "About one in five", "value_low": 1, "out_of": 5, "counted": "adult"},
            {"text": "2.5m", "value_low": 2.5e6, "counted": "person"},
        ],
    ),
    (
        "COVID-19 infected nearly 2 million people in the G7 countries.",
        [
            {
                "text": "nearly 2 million",
                "low": pytest.approx(1.8e6),
                "high": 2e6,
                "measure": "person infected",
            }
        ],
    ),
    (
        "The 200-bed hospital treated 1,500 patients in 24 hours.",
        [{"text": "200-bed", "counted": "bed"}, {"text": "1,500", "counted": "patient"}, {"unit": "hour"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Courts and crime

COURT_CASES: list[tuple[str, list[Expected]]] = [
    (
        "She was sentenced to five years in prison and fined £10,000.",
        [
            {"text": "five years", "unit": "year", "counted": "sentence", "measure": "sentence"},
            {"text": "£10,000", "unit": "GBP", "measure": "fine"},
        ],
    ),
    (
        "He was jailed for 12 years after being convicted on 3 counts of fraud.",
        [{"text": "12 years", "measure": "sentence"}, {"text": "3", "counted": "count"}],
    ),
    (
        "A 34-year-old man was arrested on 28 April.",
        [{"text": "34-year-old", "unit": "year", "measure": "man age"}],
    ),
    (
        "Smith, 34, was charged under Section 18 of the Offences Against the Person Act 1861.",
        [{"text": "34", "unit": "year", "measure": "person age"}],
    ),
    (
        "A 12-year-old boy and his 45-year-old mother were among the dead.",
        [{"measure": "boy age", "value_low": 12}, {"measure": "mother age", "value_low": 45}],
    ),
    ("The Supreme Court ruled 5-4 in the case decided on June 30, 2023.", []),
    (
        "Three of the 12 victims were children.",
        [{"text": "Three of the 12", "value_low": 3, "out_of": 12, "counted": "victim"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Number words, qualifiers and shapes

SHAPE_CASES: list[tuple[str, list[Expected]]] = [
    (
        "Exactly 1,000 tickets were sold, and another 500 were released on Friday.",
        [
            {
                "text": "Exactly 1,000",
                "qualifier": "exactly",
                "low": 1000,
                "high": 1000,
                "measure": "ticket sold",
            },
            {"text": "another 500", "qualifier": "additional", "counted": "ticket"},
        ],
    ),
    (
        "Half a million people were affected and 40-odd villages flooded.",
        [
            {"text": "Half a million", "value_low": 500000, "counted": "person"},
            {"text": "40-odd", "qualifier": "about", "counted": "village"},
        ],
    ),
    (
        "The fund holds 12,500.75 ounces of gold and 3 billion in bonds.",
        [
            {"text": "12,500.75", "value_low": 12500.75, "counted": "ounce"},
            {"text": "3 billion", "value_low": 3e9},
        ],
    ),
    (
        "Officials expect two to three million visitors.",
        [{"text": "two to three million", "value_low": 2e6, "value_high": 3e6, "counted": "visitor"}],
    ),
    (
        "Twenty-five people were hurt and one hundred and twenty were treated.",
        [{"text": "Twenty-five", "value_low": 25}, {"text": "one hundred and twenty", "value_low": 120}],
    ),
    (
        "Between 40 and 50 per cent of homes were damaged.",
        [{"text": "Between 40 and 50 per cent", "value_low": 40, "value_high": 50, "unit": "%"}],
    ),
    (
        "Roughly 100 or more people gathered.",
        [{"text": "Roughly 100 or more", "qualifier": "about", "measure": "person attended"}],
    ),
    ("Over 100 people attended.", [{"text": "Over 100", "qualifier": "more than", "low": 100, "high": None}]),
    (
        "At least 10 people died.",
        [{"text": "At least 10", "qualifier": "at least", "measure": "person killed"}],
    ),
    (
        "Fewer than 50 were women, under 30 were men.",
        [{"qualifier": "less than"}, {"qualifier": "less than"}],
    ),
    (
        "The airline will add 200 flights and 1,500 seats per day.",
        [{"text": "200", "counted": "flight"}, {"text": "1,500", "counted": "seat"}],
    ),
    (
        "The deal is worth £1.2bn, or roughly 10 times earnings.",
        [
            {"text": "£1.2bn", "unit": "GBP"},
            {"text": "roughly 10 times", "unit": "times", "qualifier": "about"},
        ],
    ),
    (
        "No one was killed, but one man was injured at 3 a.m.",
        [{"text": "one", "value_low": 1, "counted": "man", "measure": "man injured"}],
    ),
    (
        "One of the largest protests in years; no one was hurt. One person died and two were injured.",
        [{"text": "One", "measure": "person killed"}, {"text": "two", "measure": "person injured"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Clause structure: coordination, "of whom", asides, copulas

CLAUSE_CASES: list[tuple[str, list[Expected]]] = [
    (
        "The ministry said 2,000 soldiers and 500 civilians were killed in the first week.",
        [{"text": "2,000", "measure": "troop killed"}, {"text": "500", "measure": "civilian killed"}],
    ),
    (
        "Police fired tear gas at 2,000 demonstrators, 30 of whom were arrested.",
        [{"text": "2,000", "measure": "person attended"}, {"text": "30", "measure": "person arrested"}],
    ),
    (
        "500 people marched and police later arrested 20.",
        [{"text": "500", "measure": "person attended"}, {"text": "20", "measure": "person arrested"}],
    ),
    (
        "Since October 7, at least 1,200 Israelis have been killed.",
        [{"text": "at least 1,200", "counted": "israeli", "measure": "israeli killed"}],
    ),
    (
        "Russia has lost an estimated 315,000 troops killed or wounded, a US assessment says.",
        [{"text": "an estimated 315,000", "qualifier": "about", "measure": "troop killed or injured"}],
    ),
    (
        "Nearly 200 people remain unaccounted for after the flood, which destroyed 1,500 homes.",
        [{"text": "Nearly 200", "measure": "person missing"}, {"text": "1,500", "counted": "home"}],
    ),
    (
        "At least 4 were killed and dozens more injured in the blast.",
        [{"measure": "person killed"}, {"text": "dozens", "measure": "person injured"}],
    ),
    (
        "Amazon plans to cut 14,000 managers, saving up to $3bn a year.",
        [{"text": "14,000", "measure": "manager cut"}, {"text": "up to $3bn", "high": 3e9, "unit": "$"}],
    ),
    (
        "Biden, 81, and Trump, 78, will debate on Sept. 10 at 9 p.m.",
        [{"text": "81", "measure": "person age"}, {"text": "78", "measure": "person age"}],
    ),
    (
        "The bill passed by 218 votes to 214.",
        [{"text": "218", "counted": "vote", "value_high": 218}, {"text": "214", "value_low": 214}],
    ),
    ("Record high temperatures of 40.3C were recorded.", [{"text": "40.3C", "unit": "°C"}]),
    (
        "The blast killed 12 \u2014 five of them children.",
        [{"text": "12", "measure": "person killed"}, {"text": "five", "counted": "person"}],
    ),
    ("Ages 18-24 were polled.", [{"text": "18-24", "value_low": 18, "value_high": 24}]),
    ("Read time: 5 min", [{"text": "5 min", "unit": "minute"}]),
    (
        "A hundred and fifty people died.",
        [{"text": "A hundred and fifty", "value_low": 150, "measure": "person killed"}],
    ),
]


# ----------------------------------------------------------------------------------------------------------
# Tempting non-matches: years, dates, times, ordinals, labels, codes, phones, idioms

NON_COUNT_CASES: list[str] = [
    "The castle was built in 1950, damaged in 2024 and repaired in June 2024.",
    "In the 1950s and the '90s, prices were lower.",
    "The 2023-24 season was the wettest, and the 2020/21 budget was cut.",
    "The vote is on April 28 and the count starts at 3 p.m. on 28 April.",
    "The meeting begins at 10:30 and ends at 10.45am.",
    "She finished 21st and he was 3rd.",
    "Under Section 2 and Chapter 11, the No. 10 team invoked Article 5.",
    "Call 0800 123 4567 or +1 202 555 0143 for details.",
    "The F-35 and Su-57 jets flew past the G20 leaders during COVID-19.",
    "The Boeing 737 and the Airbus A320 were grounded under Flight 370 rules.",
    "One day, one of the protesters said no one would forget.",
    "The two nations signed the pact, and the three leaders met.",
    "Formula One and the Big Four banks were mentioned.",
    "Roughly two-thirds of respondents agreed.",
    "The report on 2024-05-01 cited version 1.2.3 of the software.",
    "The 5G network and 4K screens were shown.",
    "It happened five years ago and two days later it was over.",
    "A one-off payment and a one-sided game were reported.",
    "It sold a million-dollar home.",
    "The trial, now in its 12th week, opened on day 5.",
    "From 2020 to 2024 the rules changed, and between 2019 and 2021 nothing moved.",
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    SEED_CASES
    + DISASTER_CASES
    + CONFLICT_CASES
    + PROTEST_CASES
    + BUSINESS_CASES
    + ELECTION_CASES
    + SPORT_CASES
    + HEALTH_CASES
    + COURT_CASES
    + SHAPE_CASES
    + CLAUSE_CASES,
)
def test_sentences(sentence: str, expected: list[Expected]) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", NON_COUNT_CASES)
def test_not_a_figure(sentence: str) -> None:
    assert find_quantities(sentence) == ()


def test_case_count_is_broad() -> None:
    groups = [
        SEED_CASES,
        DISASTER_CASES,
        CONFLICT_CASES,
        PROTEST_CASES,
        BUSINESS_CASES,
        ELECTION_CASES,
        SPORT_CASES,
        HEALTH_CASES,
        COURT_CASES,
        SHAPE_CASES,
        CLAUSE_CASES,
    ]
    assert sum(len(g) for g in groups) + len(NON_COUNT_CASES) >= 60


# ----------------------------------------------------------------------------------------------------------
# Years versus amounts


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("1500 troops were mobilised.", ["1500"]),
        ("About 1500 people came.", ["About 1500"]),
        ("It cost $2000.", ["$2000"]),
        ("In 2023 people were worried.", []),
        ("The 2024 elections drew 1500 observers.", ["1500"]),
        ("The 2024 Olympics drew 10 million spectators and cost €9bn.", ["10 million", "€9bn"]),
        ("His 2019 book sold 2 million copies.", ["2 million"]),
        ("Between 1000 and 2000 troops were sent.", ["Between 1000 and 2000"]),
    ],
)
def test_years_versus_amounts(sentence: str, texts: list[str]) -> None:
    assert [q.text for q in find_quantities(sentence)] == texts


# ----------------------------------------------------------------------------------------------------------
# Ranges versus changes, scores and tallies


def test_change_from_to_gives_two_levels_not_a_range() -> None:
    found = find_quantities("Unemployment rose from 5.2% to 5.4%.")
    assert [(q.value_low, q.value_high) for q in found] == [(5.2, 5.2), (5.4, 5.4)]


def test_descending_pair_is_not_a_range() -> None:
    found = find_quantities("The index moved 12 to 10 points.")
    assert all(q.value_low == q.value_high for q in found)


def test_mismatched_units_are_not_a_range() -> None:
    found = find_quantities("Sales increased 5% to $4bn.")
    assert [q.unit for q in found] == ["%", "$"]


def test_hyphen_range_with_currency_and_scale_written_once() -> None:
    (q,) = find_quantities("The bill could reach €10-12bn.")
    assert (q.value_low, q.value_high, q.unit) == (10e9, 12e9, "EUR")


def test_percent_written_once_applies_to_both_ends() -> None:
    (q,) = find_quantities("Growth of 10 to 12 per cent is expected.")
    assert (q.value_low, q.value_high, q.unit) == (10, 12, "%")


# ----------------------------------------------------------------------------------------------------------
# Qualifier intervals


@pytest.mark.parametrize(
    ("phrase", "qualifier", "low", "high"),
    [
        ("about 4,000 people", "about", 4000 * (1 - ABOUT_TOLERANCE), 4000 * (1 + ABOUT_TOLERANCE)),
        ("an estimated 4,000 people", "about", 3600, 4400),
        ("nearly 4,000 people", "nearly", 4000 * NEARLY_FLOOR, 4000),
        ("almost 4,000 people", "nearly", 3600, 4000),
        ("close to 4,000 people", "nearly", 3600, 4000),
        ("more than 4,000 people", "more than", 4000, None),
        ("over 4,000 people", "more than", 4000, None),
        ("at least 4,000 people", "at least", 4000, None),
        ("up to 4,000 people", "up to", 0, 4000),
        ("as many as 4,000 people", "up to", 0, 4000),
        ("fewer than 4,000 people", "less than", 0, 4000),
        ("less than 4,000 people", "less than", 0, 4000),
        ("under 4,000 people", "less than", 0, 4000),
        ("an additional 4,000 people", "additional", 4000, 4000),
        ("another 4,000 people", "additional", 4000, 4000),
        ("exactly 4,000 people", "exactly", 4000, 4000),
        ("4,000 people", None, 4000, 4000),
    ],
)
def test_qualifier_intervals(phrase: str, qualifier: str | None, low: float, high: float | None) -> None:
    (q,) = find_quantities(f"Officials said {phrase} were there.")
    assert q.qualifier == qualifier
    assert q.low == pytest.approx(low)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert q.counted == "person"


def test_over_a_period_is_not_a_bound() -> None:
    found = find_quantities("They were killed over three months.")
    assert [(q.text, q.qualifier, q.unit) for q in found] == [("three months", None, "month")]


# ----------------------------------------------------------------------------------------------------------
# Counted nouns


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("They sent 4,000 North Korean soldiers.", "troop"),
        ("They sent 10,000-12,000 troops.", "troop"),
        ("It saw 300 servicemen leave.", "troop"),
        ("We counted 200 fighters.", "troop"),
        ("We counted 200 individuals.", "person"),
        ("We counted 200 civilians.", "civilian"),
        ("We counted 200 children.", "child"),
        ("We counted 200 police officers.", "officer"),
        ("We counted 20 buses.", "bus"),
        ("We counted 20 companies.", "company"),
        ("We counted 300 riot police.", "police"),
        ("We counted 12 women.", "woman"),
        ("They lost 1,200 jobs.", "job"),
    ],
)
def test_counted_noun_is_singular_head(sentence: str, counted: str) -> None:
    (q,) = find_quantities(sentence)
    assert q.counted == counted


def test_modifiers_beyond_limit_are_not_crossed() -> None:
    words = " ".join(["big"] * (MAX_MODIFIERS + 3))
    (q,) = find_quantities(f"They saw 40 {words} ships.")
    assert q.counted != "ship"


# ----------------------------------------------------------------------------------------------------------
# Records and offsets


def test_offsets_are_shifted_by_base_and_slice_exactly() -> None:
    sentence = "Around 10,000 to 12,000 troops were sent."
    base = 1234
    article = "x" * base + sentence
    (q,) = find_quantities(sentence, base)
    assert (q.start, q.end) == (base, base + len("Around 10,000 to 12,000"))
    assert article[q.start : q.end] == q.text


def test_records_are_frozen_quantities() -> None:
    (q,) = find_quantities("About 4,000 soldiers were killed.")
    assert isinstance(q, Quantity)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "changed"  # type: ignore[misc]


def test_results_in_text_order_and_non_overlapping() -> None:
    sentence = "About 10, then 20 to 30, then $4-5bn, then 1 out of 3, then 12% and 7 km."
    found = find_quantities(sentence)
    assert [q.text for q in found] == ["About 10", "20 to 30", "$4-5bn", "1 out of 3", "12%", "7 km"]
    ends = [q.end for q in found]
    starts = [q.start for q in found]
    assert all(s >= e for s, e in zip(starts[1:], ends[:-1], strict=True))


@pytest.mark.parametrize("text", ["", "   ", "no numbers here", "...", "1", "$", "%", "-", "one"])
def test_degenerate_inputs(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def test_malformed_numbers_stay_text() -> None:
    found = find_quantities("Figures like 1,2345 and 3..4 and 12,34,567 and 007 appear.")
    for q in found:
        assert q.text in "Figures like 1,2345 and 3..4 and 12,34,567 and 007 appear."
    assert "007" not in [q.text for q in found]


# ----------------------------------------------------------------------------------------------------------
# Property test: arbitrary text never raises and every record is a valid, ordered slice

_NEWSY = st.sampled_from(
    [
        "about ", "more than ", "up to ", "between ", "and ", "to ", "from ", "out of ", "of the ", "killed ",
        "were ", "people ", "troops ", "years ", "year-old ", "-strong ", "per cent ", "%", "$", "€", "£",
        "US$", "bn ", "m ", "k ", "million ", "dozens ", "one ", "two ", "hundred ", "thousand ", "Article ",
        "April ", "Smith, ", ", ", ". ", "-", "\u2013", "/", ":", "'", "\u2019", "magnitude ", "aged ", "in ",
        "1", "2", "3", "12", "1,000", "10,000", "2024", "4.5", "0", "007", " ",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_NEWSY, max_size=30).map("".join)), st.integers(0, 10_000))
def test_property_never_raises_and_slices_are_exact(text: str, base: int) -> None:
    found = find_quantities(text, base)
    previous_end = base
    for q in found:
        assert isinstance(q, Quantity)
        assert base <= q.start < q.end <= base + len(text)
        assert text[q.start - base : q.end - base] == q.text
        assert q.start >= previous_end
        previous_end = q.end
        assert q.value_low <= q.value_high
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
