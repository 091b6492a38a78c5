import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.entities import (
    canonical_name,
    find_entities,
    resolve_surnames,
    role_is_former,
    roles_conflict,
    same_entity,
)
from generator.records import Entity


def found(text: str) -> dict[str, tuple[str, str, str | None]]:
    """Entity text -> (canonical name, kind, role)."""
    return {e.text: (e.name, e.kind, e.role) for e in find_entities(text)}


def names(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in find_entities(text)}


# --- people with roles -----------------------------------------------------------------------

ROLE_CASES = [
    # (sentence, mention, canonical name, role)
    (
        "Recently, former U.S. President Donald Trump met officials in Rome.",
        "Donald Trump",
        "Donald Trump",
        "former U.S. President",
    ),
    (
        "Russian President Vladimir Putin thanked the troops.",
        "Vladimir Putin",
        "Vladimir Putin",
        "Russian President",
    ),
    (
        "Despite the losses, Gen. Oleksandr Syrskyi said the line held.",
        "Oleksandr Syrskyi",
        "Oleksandr Syrsky",
        "Gen.",
    ),
    (
        "Col. Hamish de Bretton-Gordon, a former British Army tank commander, stated the obvious.",
        "Hamish de Bretton-Gordon",
        "Hamish de Bretton Gordon",
        "Col.; former British Army tank commander",
    ),
    (
        "The call involved General Valery Gerasimov, the head of the Russian General Staff.",
        "Valery Gerasimov",
        "Valery Gerasimov",
        "General; head of the Russian General Staff",
    ),
    (
        "According to North Korean leader Kim Jong Un, the pact is binding.",
        "Kim Jong Un",
        "Kim Jong Un",
        "North Korean leader",
    ),
    ("Apple CEO Tim Cook said the company would invest $500 billion.", "Tim Cook", "Tim Cook", "Apple CEO"),
    (
        "Shares rose after chief executive Jane Smith outlined the plan.",
        "Jane Smith",
        "Jane Smith",
        "chief executive",
    ),
    (
        "Jane Smith, the company's chief financial officer, said margins improved.",
        "Jane Smith",
        "Jane Smith",
        "company's chief financial officer",
    ),
    (
        "Prime Minister Keir Starmer visited the flooded town.",
        "Keir Starmer",
        "Keir Starmer",
        "Prime Minister",
    ),
    ("Mayor Karen Bass told reporters the fires were contained.", "Karen Bass", "Karen Bass", "Mayor"),
    ("Dr. Anthony Fauci warned of a winter surge.", "Anthony Fauci", "Anthony Fauci", "Dr."),
    ("Police chief John Doe said two people were arrested.", "John Doe", "John Doe", "Police chief"),
    ("The board named interim CEO Mark Jones on Friday.", "Mark Jones", "Mark Jones", "interim CEO"),
    (
        "He defeated acting president Han Duck-soo in the vote.",
        "Han Duck-soo",
        "Han Duck Soo",
        "acting president",
    ),
    ("The outgoing chairman Paul Smith resigned.", "Paul Smith", "Paul Smith", "outgoing chairman"),
    ("Ex-President Jacob Zuma appeared in court.", "Jacob Zuma", "Jacob Zuma", "ex-President"),
    (
        "However, the ex-president of Brazil, Jair Bolsonaro, denied the charges.",
        "Jair Bolsonaro",
        "Jair Bolsonaro",
        "ex-president of Brazil",
    ),
    (
        "Kremlin spokesman Dmitry Peskov said Moscow was open to talks.",
        "Dmitry Peskov",
        "Dmitry Peskov",
        "Kremlin spokesman",
    ),
    (
        "Putin's spokesman Dmitry Peskov declined to comment.",
        "Dmitry Peskov",
        "Dmitry Peskov",
        "Putin's spokesman",
    ),
    (
        "Argentina's President Javier Milei cut spending.",
        "Javier Milei",
        "Javier Milei",
        "Argentina's President",
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu met U.S. Secretary of State Antony Blinken.",
        "Antony Blinken",
        "Antony Blinken",
        "U.S. Secretary of State",
    ),
    (
        "Crown Prince Mohammed bin Salman hosted the summit.",
        "Mohammed bin Salman",
        "Mohammed bin Salman",
        "Crown Prince",
    ),
    (
        "Manchester United manager Erik ten Hag was sacked.",
        "Erik ten Hag",
        "Erik ten Hag",
        "Manchester United manager",
    ),
    ("Striker Erling Haaland scored twice.", "Erling Haaland", "Erling Haaland", "Striker"),
    ("Justice Sonia Sotomayor wrote in dissent.", "Sonia Sotomayor", "Sonia Sotomayor", "Justice"),
    (
        "U.S. District Judge Aileen Cannon dismissed the indictment.",
        "Aileen Cannon",
        "Aileen Cannon",
        "U.S. District Judge",
    ),
    ("Special counsel Jack Smith dropped the case.", "Jack Smith", "Jack Smith", "Special counsel"),
    ("Then-President Barack Obama signed the bill.", "Barack Obama", "Barack Obama", "then-President"),
    ("President-elect Donald Trump named his cabinet.", "Donald Trump", "Donald Trump", "President-elect"),
    ("The late Queen Elizabeth II reigned for 70 years.", "Elizabeth II", "Elizabeth II", "late Queen"),
    (
        "During the meeting, Russia's Chief of the General Staff, Valery Gerasimov, briefed Putin.",
        "Valery Gerasimov",
        "Valery Gerasimov",
        "Russia's Chief of the General Staff",
    ),
    (
        "“The situation is dire,” said Jan Egeland, secretary general of the Norwegian Refugee Council.",
        "Jan Egeland",
        "Jan Egeland",
        "secretary general of the Norwegian Refugee Council",
    ),
    (
        "Chad Smith, 62, the band's drummer, said the tour would go on.",
        "Chad Smith",
        "Chad Smith",
        "band's drummer",
    ),
    (
        "The chief executive of BP, Murray Auchincloss, said demand would rise.",
        "Murray Auchincloss",
        "Murray Auchincloss",
        "chief executive of BP",
    ),
    ("Kim, the North Korean leader, inspected a factory.", "Kim", "Kim", "North Korean leader"),
]


@pytest.mark.parametrize(("text", "mention", "name", "role"), ROLE_CASES)
def test_person_and_role(text: str, mention: str, name: str, role: str) -> None:
    got = found(text)
    assert mention in got, got
    assert got[mention] == (name, "person", role)


def test_people_without_role() -> None:
    got = found("The jury found Derek Chauvin guilty in the death of George Floyd.")
    assert got["Derek Chauvin"] == ("Derek Chauvin", "person", None)
    assert got["George Floyd"] == ("George Floyd", "person", None)


def test_honorific_marks_a_person_but_is_not_a_role() -> None:
    got = found("Ms. Harris and Mr. Trump will debate in Philadelphia.")
    assert got["Harris"] == ("Harris", "person", None)
    assert got["Trump"] == ("Trump", "person", None)
    assert got["Philadelphia"][1] == "place"


def test_country_inside_a_role_is_also_a_place() -> None:
    got = found("Former U.S. President Donald Trump spoke.")
    assert got["U.S."] == ("United States", "place", None)
    assert got["Donald Trump"][2] == "former U.S. President"


def test_lone_surname_with_speech_verb_is_a_person() -> None:
    assert found("Kim stated that the goal was victory.")["Kim"][1] == "person"
    assert found("In March, Kim reaffirmed this support.")["Kim"][1] == "person"


# --- aliases and canonical names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("variants", "canonical"),
    [
        (["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "KIM JONG UN"], "Kim Jong Un"),
        (["Zelenskyy", "Zelensky", "Zelenskiy"], "Zelensky"),
        (["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"], "Volodymyr Zelensky"),
        (
            [
                "North Korea",
                "DPRK",
                "Democratic People's Republic of Korea",
                "Democratic People\u2019s Republic of Korea",
            ],
            "North Korea",
        ),
        (["U.S.", "US", "United States", "USA", "America", "United States of America"], "United States"),
        (["UK", "U.K.", "Britain", "United Kingdom"], "United Kingdom"),
        (["Russia", "Russian Federation", "Russia's"], "Russia"),
        (["UN", "U.N.", "United Nations"], "United Nations"),
        (["EU", "European Union"], "European Union"),
        (["NATO", "Nato"], "North Atlantic Treaty Organization"),
        (["WHO", "World Health Organization"], "World Health Organization"),
        (["Apple", "Apple Inc."], "Apple"),
        (["Kursk region", "Kursk Oblast", "Kursk"], "Kursk"),
        (["Mr. Trump", "Trump"], "Trump"),
    ],
)
def test_canonical_name_merges_aliases(variants: list[str], canonical: str) -> None:
    assert {canonical_name(v) for v in variants} == {canonical}


def test_latin_america_is_not_america() -> None:
    assert canonical_name("Latin America") == "Latin America"
    got = found("Exports to Latin America and America rose.")
    assert got["Latin America"][0] == "Latin America"
    assert got["America"][0] == "United States"


def test_canonical_keeps_particles_and_hyphenated_places() -> None:
    assert canonical_name("Bashar al-Assad") == "Bashar al-Assad"
    assert canonical_name("Al-Assad") == "al-Assad"
    assert canonical_name("Rostov-on-Don") == "Rostov-on-Don"
    assert canonical_name("Agence France-Presse") == "Agence France-Presse"
    assert canonical_name("") == ""


def test_who_pronoun_is_not_the_organisation() -> None:
    assert canonical_name("Who") == "Who"
    assert found("Who said that? The WHO said cases rose.") == {
        "WHO": ("World Health Organization", "organisation", None)
    }


def test_same_entity() -> None:
    assert same_entity("Kim Jong Un", "Kim Jong-un")
    assert same_entity("Zelenskyy", "Zelenskiy")
    assert same_entity("Mohammed bin Salman", "Mohamed bin Salman")  # doubled letter
    assert same_entity("U.S.", "America")
    assert same_entity("DPRK", "North Korea")
    assert not same_entity("Kim", "Kim Jong Un")  # a lone surname needs the article: resolve_surnames
    assert not same_entity("Jane Smith", "John Smith")
    assert not same_entity("Latin America", "America")
    assert not same_entity("", "")


def test_resolve_surnames_unambiguous_only() -> None:
    ents = [
        e
        for s in (
            "North Korean leader Kim Jong Un spoke.",
            "Kim stated that the goal was clear.",
            "Russian President Vladimir Putin agreed.",
            "Analysts doubted Putin's willingness.",
            "Gen. Oleksandr Syrskyi spoke.",
            "Gen. Syrskyi said so.",
            "Col. Hamish de Bretton-Gordon spoke.",
            "Later de Bretton-Gordon said more.",
        )
        for e in find_entities(s)
    ]
    got = resolve_surnames(ents)
    assert got["Kim"] == "Kim Jong Un"
    assert got["Putin"] == "Vladimir Putin"
    assert got["Syrsky"] == "Oleksandr Syrsky"
    assert got["de Bretton Gordon"] == "Hamish de Bretton Gordon"


def test_resolve_surnames_skips_ambiguous_and_places() -> None:
    ents = [
        Entity(0, 1, "x", "Kim Jong Un", "person"),
        Entity(0, 1, "x", "Kim Yo Jong", "person"),
        Entity(0, 1, "x", "Kim", "other"),
        Entity(0, 1, "x", "Jordan Henderson", "person"),
        Entity(0, 1, "x", "Jordan", "place"),
        Entity(0, 1, "x", "Smith", "person"),
    ]
    assert resolve_surnames(ents) == {}


# --- organisations and places -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A statement by the Central Military Commission of the Workers Party echoed the Kremlin's line.",
            {
                ("Central Military Commission of the Workers Party", "organisation"),
                ("Kremlin", "organisation"),
            },
        ),
        (
            "In response, South Korea\u2019s Unification Ministry called for a withdrawal.",
            {("South Korea", "place"), ("South Korean Unification Ministry", "organisation")},
        ),
        (
            "The confirmation came through the state-run news agency KCNA on Monday.",
            {("Korean Central News Agency", "organisation")},
        ),
        (
            "SEOUL, South Korea (AP) — Troops were praised.",
            {("Seoul", "place"), ("South Korea", "place"), ("Associated Press", "organisation")},
        ),
        (
            "Protesters gathered outside the Ministry of Defence in Kyiv on Friday.",
            {("Ministry of Defence", "organisation"), ("Kyiv", "place")},
        ),
        (
            "JPMorgan Chase & Co. agreed to settle with the Securities and Exchange Commission.",
            {("JPMorgan", "organisation"), ("Securities and Exchange Commission", "organisation")},
        ),
        ("Johnson & Johnson agreed to pay $8.9 billion.", {("Johnson & Johnson", "organisation")}),
        (
            "Pfizer Inc. and BioNTech SE said the vaccine worked.",
            {("Pfizer", "organisation"), ("BioNTech", "organisation")},
        ),
        (
            "Real Madrid beat Borussia Dortmund in the Champions League final at Wembley Stadium.",
            {
                ("Real Madrid", "organisation"),
                ("Borussia Dortmund", "organisation"),
                ("Champions League", "organisation"),
                ("Wembley Stadium", "place"),
            },
        ),
        (
            "The ruling Justice and Development Party lost Istanbul.",
            {("Justice and Development Party", "organisation"), ("Istanbul", "place")},
        ),
        (
            "A magnitude 7.8 earthquake struck Turkey, the U.S. Geological Survey said.",
            {("Turkey", "place"), ("U.S. Geological Survey", "organisation")},
        ),
        (
            "Rescuers reached the village of Sindhri in Sindh province on Tuesday.",
            {("Sindhri", "place"), ("Sindh", "place")},
        ),
        ("Residents of the Kherson region were evacuated.", {("Kherson", "place")}),
        ("Officials said the blaze in Maui County spread.", {("Maui County", "place")}),
        (
            "Hurricane Katrina struck New Orleans in August 2005.",
            {("Hurricane Katrina", "other"), ("New Orleans", "place")},
        ),
        ("It was the first combat since the Korean War.", {("Korean War", "other")}),
        (
            "The IDF said it had killed a Hezbollah commander in southern Lebanon.",
            {("Israel Defense Forces", "organisation"), ("Hezbollah", "organisation"), ("Lebanon", "place")},
        ),
        (
            "Officials at the UN and NATO met EU leaders in Brussels.",
            {
                ("United Nations", "organisation"),
                ("North Atlantic Treaty Organization", "organisation"),
                ("European Union", "organisation"),
                ("Brussels", "place"),
            },
        ),
        ("Bashar al-Assad fled to Moscow.", {("Bashar al-Assad", "person"), ("Moscow", "place")}),
        (
            "Harrison Ford and Michael Jordan attended the gala in Chicago.",
            {("Harrison Ford", "person"), ("Michael Jordan", "person"), ("Chicago", "place")},
        ),
        (
            "Ukraine's General Staff said fighting continued.",
            {("Ukraine", "place"), ("Ukrainian General Staff", "organisation")},
        ),
        (
            "Seoul-based Yonhap said US-led talks stalled.",
            {("Seoul", "place"), ("Yonhap", "organisation"), ("United States", "place")},
        ),
        (
            "The acknowledgment from the Democratic People\u2019s Republic of Korea (DPRK) was new.",
            {("North Korea", "place")},
        ),
    ],
)
def test_organisations_and_places(text: str, expected: set[tuple[str, str]]) -> None:
    assert names(text) == expected


def test_possessive_is_not_part_of_the_entity() -> None:
    got = found("Kim Jong-un's directive cited Russia\u2019s request.")
    assert got["Kim Jong-un"] == ("Kim Jong Un", "person", None)
    assert got["Russia"] == ("Russia", "place", None)


def test_nationality_adjectives_are_not_entities() -> None:
    assert names("North Korean troops and Ukrainian officials met Russian forces.") == set()
    assert names("Ukrainian military officials said Western weapons arrived.") == set()


# --- things that must not become entities -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "However, officials said the storm weakened.",
        "Reports indicate that around 10,000 troops were sent last fall.",
        "Despite the warnings, many stayed home.",
        "The report, published on Monday, found that GDP fell.",
        "On Friday, the CEO said the company would cut 1,000 jobs.",
        "Investigators said the plane had been cleared for takeoff.",
        "Prosecutors said the trial would resume in January.",
        "The Prime Minister said the government would act.",
        "In March, the rains came early.",
        "I think the plan will work, said the minister.",
        "Who is responsible remains unclear.",
        "Floods Hit the Delta",
        "Share This Article",
        "Upvote Downvote",
        "Privacy Policy",
        "20 Points",
        "IN OTHER NEWS, STOCKS FELL SHARPLY ON MONDAY.",
        "Shares of the 737 MAX 9 fell.",
    ],
)
def test_no_false_entities(text: str) -> None:
    assert find_entities(text) == ()


def test_headline_case_is_conservative() -> None:
    got = names("North Korea Deploys Troops to Russia: What This Means for the Ukraine Conflict")
    assert got == {("North Korea", "place"), ("Russia", "place"), ("Ukraine", "place")}


def test_months_inside_names_survive() -> None:
    got = found("Theresa May resigned in May 2019.")
    assert got == {"Theresa May": ("Theresa May", "person", None)}


def test_common_word_company_not_trusted_at_sentence_start() -> None:
    assert find_entities("Visa applications rose 20%.") == ()
    assert names("Shares of Visa rose.") == {("Visa", "organisation")}


def test_place_from_context() -> None:
    assert found("Kim announced a monument in Wonsan and to help families.")["Wonsan"][1] == "place"
    assert found("Fighting for Kursk went on.")["Kursk"][1] == "other"  # no place cue, not in the gazetteer


def test_title_case_after_opening_word() -> None:
    assert names("The High Court in Nairobi suspended the deployment.") == {
        ("High Court", "organisation"),
        ("Nairobi", "place"),
    }
    assert find_entities("Related Sources:") == ()
    assert find_entities("Top Stories") == ()


def test_opening_names_joined_by_and() -> None:
    got = found("Zelensky and Putin have not met since 2019.")
    assert got["Zelensky"][0] == "Zelensky"
    assert got["Putin"][0] == "Putin"


def test_role_with_and_and_multiword_owner() -> None:
    text = "Health and Human Services Secretary Robert F. Kennedy Jr. testified."
    assert found(text)["Robert F. Kennedy Jr."][2] == "Health and Human Services Secretary"
    got = found("Trump and Defense Secretary Pete Hegseth met.")
    assert got["Pete Hegseth"][2] == "Defense Secretary"
    assert got["Trump"][1] == "other"
    got = found("Saudi Arabia\u2019s Crown Prince Mohammed bin Salman arrived.")
    assert got["Mohammed bin Salman"][2] == "Saudi Arabia\u2019s Crown Prince"


def test_numbered_nouns_and_scores() -> None:
    assert find_entities("The court cited Article 4 of the treaty.") == ()
    assert found("Liverpool beat Chelsea 2-1 on Sunday.")["Chelsea"][0] == "Chelsea"


def test_dateline_opens_a_sentence() -> None:
    assert names("LONDON \u2014 Police said the road was closed.") == {("London", "place")}


def test_events_and_disasters_are_other() -> None:
    assert names("The Palisades Fire and Typhoon Haiyan were deadly.") == {
        ("Palisades Fire", "other"),
        ("Typhoon Haiyan", "other"),
    }


def test_bracketed_acronym_takes_the_full_name() -> None:
    got = found("The Kenya National Commission on Human Rights (KNCHR) said 39 people died.")
    assert got["KNCHR"] == ("Kenya National Commission on Human Rights", "organisation", None)
    assert found("Talks with Apple (AAPL) stalled.")["AAPL"][0] == "AAPL"  # a ticker, not initials


def test_country_owner_dropped_from_known_organisation() -> None:
    assert canonical_name("US Justice Department") == "Justice Department"
    assert canonical_name("U.S. Congress") == "Congress"
    assert canonical_name("US Steel") == "US Steel"


def test_in_after_shares_is_not_a_place() -> None:
    got = found("Shares in Safaricom fell 4% while fighting raged in Sudan.")
    assert got["Safaricom"][1] == "other"
    assert got["Sudan"][1] == "place"


# --- offsets -----------------------------------------------------------------------------------


def test_offsets_use_base_and_slice_exactly() -> None:
    text = "Russian President Vladimir Putin met Kim Jong-un's envoy in Pyongyang."
    base = 1000
    ents = find_entities(text, base)
    assert [e.text for e in ents] == ["Vladimir Putin", "Kim Jong-un", "Pyongyang"]
    for e in ents:
        assert text[e.start - base : e.end - base] == e.text


def test_long_capitalised_runs_are_bounded() -> None:
    for text in ("he said " + "May " * 3000, "he said " + "In Smith " * 2000, "x " + "Share This " * 2000):
        for e in find_entities(text):
            assert text[e.start : e.end] == e.text
            assert len(e.text.split()) <= 14


def test_empty_and_odd_input() -> None:
    assert find_entities("") == ()
    assert find_entities("   \n\t ") == ()
    assert find_entities("12,000 — 14.5% ... !!!") == ()
    assert find_entities("al-") == ()


# --- roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("former U.S. President", "U.S. President", True),
        ("former U.S. President", "American President", True),
        ("President", "Russian President", False),
        ("former U.S. President", "Russian President", False),
        ("outgoing President", "President", False),
        ("outgoing President", "former President", True),
        ("ex-CEO", "chief executive", True),
        ("interim CEO", "CEO", False),
        ("President-elect", "President", True),
        ("then-President", "President", False),
        ("former Defence Minister", "Foreign Minister", False),
        ("Col.; former British Army tank commander", "Col.", False),
        ("former Gen.", "General", True),
        ("Defence Secretary", "Defence Secretary", False),
    ],
)
def test_roles_conflict(a: str, b: str, conflict: bool) -> None:
    assert roles_conflict(a, b) is conflict
    assert roles_conflict(b, a) is conflict


def test_role_is_former() -> None:
    assert role_is_former("former U.S. President")
    assert role_is_former("ex-President")
    assert role_is_former("late Queen")
    assert role_is_former("Col.; former British Army tank commander")
    assert not role_is_former("outgoing chairman")
    assert not role_is_former("interim CEO")
    assert not role_is_former("then-President")
    assert not role_is_former(None)
    assert not roles_conflict(None, "President")


# --- the seeds (a few sentences as written) ----------------------------------------------------


def test_seed_sentence_with_two_roles_and_places() -> None:
    text = (
        "Recently, former U.S. President Donald Trump and Ukrainian President Volodymyr Zelenskyy met in "
        "Vatican City to discuss possible ceasefire options, although there\u2019s skepticism regarding "
        "Putin\u2019s willingness to engage in meaningful negotiations."
    )
    got = found(text)
    assert got["Donald Trump"] == ("Donald Trump", "person", "former U.S. President")
    assert got["Volodymyr Zelenskyy"] == ("Volodymyr Zelensky", "person", "Ukrainian President")
    assert got["Vatican City"] == ("Vatican City", "place", None)
    assert got["Putin"][0] == "Putin"


# --- property ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "the",
        "of",
        "Dr.",
        "U.S.",
        "al-",
        "Kim",
        "Jong-un",
        "'s",
        "\u2019s",
        "President",
        "former",
        "ex-",
        "de",
        "van",
        "bin",
        "Ministry",
        "region",
        "in",
        "said",
        ",",
        "UN",
        "WHO",
        "Who",
        "A.",
        "St.",
        "Inc.",
        "-based",
        "pro-",
        "and",
        "&",
        "Chief",
        " ",
        "\n",
        "“",
        "”",
        "May",
        "2024",
        "—",
        "North",
        "Korean",
        "Korea",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=20).map(" ".join)),
    st.integers(min_value=0, max_value=10_000),
)
def test_property_offsets_valid_and_never_raises(text: str, base: int) -> None:
    ents = find_entities(text, base)
    last = base
    for e in ents:
        assert e.start >= last
        assert e.end > e.start
        assert text[e.start - base : e.end - base] == e.text
        assert e.name
        assert e.kind in ("person", "organisation", "place", "other")
        last = e.end
    resolve_surnames(ents)
    for e in ents:
        canonical_name(e.text)
        same_entity(e.text, text)
        roles_conflict(e.role, text)
        role_is_former(e.role)
