"""Rules-based named-entity finder for one sentence of English news.

Contract
--------
``find_entities(text, base=0) -> tuple[Entity, ...]``
    ``text`` is one sentence (a headline, a caption or a quote holding several sentences also work).
    Returns people, organisations, places and "other" names in text order, never overlapping, with
    ``start``/``end`` equal to ``base`` plus the position in ``text`` so that
    ``text[e.start - base:e.end - base] == e.text``. ``name`` is the canonical name after alias
    merging; ``role`` is the title/office attached to a person ("former U.S. President"); two roles
    (a title before the name and an appositive after it) are joined with ``"; "``
    ("Col.; former British Army tank commander"). A possessive ``'s`` is never part of ``text``.
    An acronym defined in brackets takes the name it abbreviates ("Federal Aviation Administration
    (FAA)"). Pure and deterministic; never raises.

``find_entities_each(sentences) -> list[tuple[Entity, ...]]``
    ``find_entities(s.text, s.start)`` for each ``Sentence``, in order; faster over a whole article.

``canonical_name(name, kind=None) -> str``
    Alias merging for one name: gazetteer aliases ("DPRK", "U.S.", "UN") map to one canonical
    name; person names are normalised so spelling variants coincide: hyphens become spaces
    ("Kim Jong-un" -> "Kim Jong Un"), case is fixed, and final transliteration variants collapse
    ("Zelenskyy"/"Zelenskiy" -> "Zelensky", "Syrskyi" -> "Syrsky"). Leading "the", a possessive,
    company suffixes ("Inc.") and place types ("Kursk region" -> "Kursk") are dropped, and a
    country before a known organisation too ("US Justice Department" -> "Justice Department").
    ``kind`` ("person", "organisation", "place") skips guessing the kind from the head word.

``same_entity(a, b) -> bool``
    True when two full names denote the same entity: same canonical name, or the same loose key
    (case, accents, hyphens, spaces and doubled letters ignored). A lone surname is *not* the same
    entity as a full name; see ``resolve_surnames``.

``resolve_surnames(entities) -> dict[str, str]``
    For the entities of one article, maps a lone surname ("Kim", "Putin", "de Bretton Gordon") to
    the full canonical person name it abbreviates, only when exactly one full name fits.

``role_is_former(role)`` / ``roles_conflict(a, b)``
    Status of a role string ("former"/"ex-"/"late" mark a past office; "outgoing", "acting" and
    "interim" are current; "incoming", "-elect" and "designate" are future) and whether two roles
    state a different status for the same office ("former U.S. President" vs "U.S. President").

The recogniser works on tokens: capitalised runs (with name particles "de", "van", "bin", "al-",
hyphenated names and "of"/"for" inside organisation names) are classified by a gazetteer of
countries, demonyms, major cities/regions and well-known organisations, by title words that
introduce people, and by head words of organisations ("Ministry", "Bank"), places ("region",
"Island") and events ("War", "Cup"). It is deliberately conservative at the start of a sentence
and in headline-case lines, where capitals do not signal names.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final

from generator.records import Entity, Sentence


def _words(block: str) -> frozenset[str]:
    return frozenset(w.lower() for w in block.split())


# ---------------------------------------------------------------------------------------------
# Gazetteer data.  Country lines: "Canonical|alias|alias/Demonym|demonym".  Aliases written in
# capitals are acronyms and only match text written in capitals ("US" but never "us"/"Us").

_COUNTRIES: Final = """
Afghanistan/Afghan
Albania/Albanian
Algeria/Algerian
Andorra/Andorran
Angola/Angolan
Antigua and Barbuda/Antiguan
Argentina/Argentine|Argentinian|Argentinean
Armenia/Armenian
Australia/Australian
Austria/Austrian
Azerbaijan/Azerbaijani|Azeri
Bahamas|The Bahamas/Bahamian
Bahrain/Bahraini
Bangladesh/Bangladeshi
Barbados/Barbadian
Belarus/Belarusian|Belarusan
Belgium/Belgian
Belize/Belizean
Benin/Beninese
Bhutan/Bhutanese
Bolivia/Bolivian
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina/Bosnian
Botswana/Botswanan
Brazil/Brazilian
Brunei/Bruneian
Bulgaria/Bulgarian
Burkina Faso/Burkinabe
Burundi/Burundian
Cambodia/Cambodian
Cameroon/Cameroonian
Canada/Canadian
Cape Verde|Cabo Verde/Cape Verdean
Central African Republic/Central African
Chad/Chadian
Chile/Chilean
China|People's Republic of China|PRC|Mainland China/Chinese
Colombia/Colombian
Comoros/Comorian
Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|DRC|Congo-Kinshasa/Congolese
Republic of the Congo|Republic of Congo|Congo-Brazzaville/
Congo/
Costa Rica/Costa Rican
Ivory Coast|Côte d'Ivoire|Cote d'Ivoire/Ivorian
Croatia/Croatian|Croat
Cuba/Cuban
Cyprus/Cypriot
Czech Republic|Czechia/Czech
Denmark/Danish|Dane
Djibouti/Djiboutian
Dominica/
Dominican Republic/Dominican
East Timor|Timor-Leste/Timorese
Ecuador/Ecuadorian|Ecuadorean
Egypt/Egyptian
El Salvador/Salvadoran|Salvadorean
Equatorial Guinea/Equatoguinean
Eritrea/Eritrean
Estonia/Estonian
Eswatini|Swaziland/Swazi
Ethiopia/Ethiopian
Fiji/Fijian
Finland/Finnish|Finn
France|French Republic/French
Gabon/Gabonese
Gambia|The Gambia/Gambian
Georgia/Georgian
Germany|Federal Republic of Germany/German
Ghana/Ghanaian
Greece|Hellenic Republic/Greek
Grenada/Grenadian
Guatemala/Guatemalan
Guinea/Guinean
Guinea-Bissau/Bissau-Guinean
Guyana/Guyanese
Haiti/Haitian
Honduras/Honduran
Hungary/Hungarian
Iceland/Icelandic|Icelander
India|Republic of India/Indian
Indonesia/Indonesian
Iran|Islamic Republic of Iran/Iranian|Persian
Iraq/Iraqi
Ireland|Republic of Ireland/Irish
Israel|State of Israel/Israeli
Italy/Italian
Jamaica/Jamaican
Japan/Japanese
Jordan/Jordanian
Kazakhstan/Kazakh|Kazakhstani
Kenya/Kenyan
Kiribati/
Kosovo/Kosovar|Kosovan
Kuwait/Kuwaiti
Kyrgyzstan/Kyrgyz
Laos/Laotian|Lao
Latvia/Latvian
Lebanon/Lebanese
Lesotho/Basotho
Liberia/Liberian
Libya/Libyan
Liechtenstein/
Lithuania/Lithuanian
Luxembourg/Luxembourger|Luxembourgish
Madagascar/Malagasy
Malawi/Malawian
Malaysia/Malaysian
Maldives/Maldivian
Mali/Malian
Malta/Maltese
Marshall Islands/Marshallese
Mauritania/Mauritanian
Mauritius/Mauritian
Mexico|United Mexican States/Mexican
Micronesia/Micronesian
Moldova/Moldovan
Monaco/Monegasque
Mongolia/Mongolian
Montenegro/Montenegrin
Morocco/Moroccan
Mozambique/Mozambican
Myanmar|Burma/Burmese
Namibia/Namibian
Nauru/Nauruan
Nepal/Nepali|Nepalese
Netherlands|The Netherlands|Holland/Dutch
New Zealand|NZ/New Zealander
Nicaragua/Nicaraguan
Niger/Nigerien
Nigeria/Nigerian
North Korea|DPRK|Democratic People's Republic of Korea/North Korean
North Macedonia|Macedonia/Macedonian
Norway/Norwegian
Oman/Omani
Pakistan/Pakistani
Palau/Palauan
Palestine|State of Palestine|Palestinian territories|Palestinian Territories/Palestinian
Panama/Panamanian
Papua New Guinea/Papua New Guinean
Paraguay/Paraguayan
Peru/Peruvian
Philippines|The Philippines/Filipino|Philippine
Poland/Polish|Pole
Portugal/Portuguese
Qatar/Qatari
Romania/Romanian
Russia|Russian Federation/Russian
Rwanda/Rwandan
Saint Kitts and Nevis/
Saint Lucia/
Saint Vincent and the Grenadines/
Samoa/Samoan
San Marino/
Sao Tome and Principe|São Tomé and Príncipe/
Saudi Arabia|Kingdom of Saudi Arabia|KSA/Saudi|Saudi Arabian
Senegal/Senegalese
Serbia/Serbian|Serb
Seychelles/Seychellois
Sierra Leone/Sierra Leonean
Singapore/Singaporean
Slovakia/Slovak|Slovakian
Slovenia/Slovenian|Slovene
Solomon Islands/
Somalia/Somali
South Africa/South African
South Korea|Republic of Korea|ROK/South Korean
South Sudan/South Sudanese
Spain/Spanish|Spaniard
Sri Lanka/Sri Lankan
Sudan/Sudanese
Suriname/Surinamese
Sweden/Swedish|Swede
Switzerland/Swiss
Syria|Syrian Arab Republic/Syrian
Taiwan|Republic of China/Taiwanese
Tajikistan/Tajik
Tanzania/Tanzanian
Thailand/Thai
Togo/Togolese
Tonga/Tongan
Trinidad and Tobago/Trinidadian
Tunisia/Tunisian
Turkey|Türkiye|Turkiye/Turkish|Turk
Turkmenistan/Turkmen
Tuvalu/
Uganda/Ugandan
Ukraine/Ukrainian
United Arab Emirates|UAE|U.A.E./Emirati
United Kingdom|UK|U.K.|Britain|Great Britain/British|Briton|Brit
United States|US|U.S.|USA|U.S.A.|United States of America|America/American
Uruguay/Uruguayan
Uzbekistan/Uzbek
Vanuatu/
Vatican City|Holy See|Vatican/
Venezuela/Venezuelan
Vietnam|Viet Nam/Vietnamese
Yemen/Yemeni
Zambia/Zambian
Zimbabwe/Zimbabwean
Korea/Korean
England/English
Scotland/Scottish|Scot
Wales/Welsh
Northern Ireland/Northern Irish
Soviet Union|USSR/Soviet
Greenland/Greenlandic
Puerto Rico/Puerto Rican
Western Sahara/Sahrawi
Hong Kong/
Macau|Macao/
Europe/European
Africa/African
Asia/Asian
"""

# Cities, sub-national units and world regions (canonical|alias).  General world knowledge: capitals,
# the largest cities, US states and the regions news copy names most often.
_PLACES: Final = """
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Brisbane|Perth|Vienna|Baku
Manama|Dhaka|Minsk|Brussels|Antwerp|La Paz|Sarajevo|Brasilia|Brasília|Rio de Janeiro|Sao Paulo|São Paulo
Sofia|Phnom Penh|Yaounde|Ottawa|Toronto|Montreal|Vancouver|Calgary|N'Djamena|Santiago|Beijing|Shanghai
Hong Kong|Shenzhen|Guangzhou|Wuhan|Chengdu|Chongqing|Tianjin|Bogota|Bogotá|Kinshasa|San Jose|Zagreb
Havana|Nicosia|Prague|Copenhagen|Cairo|Alexandria|Addis Ababa|Helsinki|Paris|Marseille|Lyon|Nice
Tbilisi|Berlin|Munich|Hamburg|Frankfurt|Cologne|Accra|Athens|Guatemala City|Port-au-Prince
Tegucigalpa|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Kolkata|Chennai|Bengaluru|Bangalore
Hyderabad|Jakarta|Bali|Tehran|Baghdad|Basra|Mosul|Erbil|Dublin|Belfast|Jerusalem|Tel Aviv|Haifa|Rome
Milan|Naples|Venice|Florence|Turin|Kingston|Tokyo|Osaka|Kyoto|Hiroshima|Fukushima|Amman|Astana
Almaty|Nairobi|Mombasa|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Tripoli|Benghazi|Vilnius
Kuala Lumpur|Bamako|Valletta|Mexico City|Guadalajara|Monterrey|Tijuana|Chisinau|Ulaanbaatar
Podgorica|Rabat|Casablanca|Maputo|Yangon|Naypyidaw|Windhoek|Kathmandu|Amsterdam|Rotterdam|The Hague
Wellington|Auckland|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore
Panama City|Asuncion|Lima|Manila|Warsaw|Krakow|Lisbon|Porto|Doha|Bucharest|Moscow|St. Petersburg
Saint Petersburg|St Petersburg|Kigali|Riyadh|Jeddah|Mecca|Medina|Dakar|Belgrade|Freetown|Bratislava
Ljubljana|Mogadishu|Johannesburg|Cape Town|Pretoria|Durban|Seoul|Busan|Incheon|Juba|Madrid|Barcelona
Valencia|Seville|Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Basel|Damascus|Aleppo|Homs|Idlib
Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok|Tunis|Ankara|Istanbul|Izmir|Ashgabat|Kampala|Kyiv|Kiev
Kharkiv|Kharkov|Odesa|Odessa|Lviv|Dnipro|Zaporizhzhia|Mariupol|Kherson|Mykolaiv|Bakhmut|Donetsk
Luhansk|Sevastopol|Abu Dhabi|Dubai|London|Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Cardiff
Leeds|Bristol|Washington|Washington, D.C.|New York|New York City|Los Angeles|Chicago|Houston|Phoenix
Philadelphia|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Miami|Atlanta|Denver|Detroit
Las Vegas|Minneapolis|New Orleans|Baltimore|Pittsburgh|Nashville|Austin|Portland|Montevideo
Tashkent|Samarkand|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Aden|Lusaka|Harare|Gaza City|Ramallah
Hebron|Rafah|Khan Younis|Jenin|Nablus|Kandahar|Herat|Hanoi|Vladivostok|Novosibirsk|Yekaterinburg
Kazan|Rostov-on-Don|Volgograd|Kaliningrad|Murmansk|Irkutsk
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi
Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio
Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont
Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|Nova Scotia
Queensland|New South Wales|Victoria|Tasmania|Bavaria|Catalonia|Andalusia|Lombardy|Sicily|Sardinia
Corsica|Flanders|Wallonia|Normandy|Brittany|Provence|Yorkshire|Cornwall|Kent|Essex|Punjab|Kashmir
Kerala|Gujarat|Bihar|Sindh|Balochistan|Tibet|Xinjiang|Hainan|Guangdong|Sichuan|Hubei|Okinawa|Hokkaido
Siberia|Chechnya|Dagestan|Crimea|Donbas|Donbass|Gaza|Gaza Strip|West Bank|Golan Heights|Sinai|Darfur
Kurdistan|Patagonia|Amazonia|Balkans|Baltics|Scandinavia|Caucasus|Sahel|Arctic|Antarctica|Antarctic
Middle East|Near East|Far East|Latin America|South America|North America|Central America|Americas
Caribbean|Southeast Asia|South Asia|East Asia|Central Asia|West Africa|East Africa|North Africa
Southern Africa|Sub-Saharan Africa|Horn of Africa|Western Europe|Eastern Europe|Central Europe
Northern Europe|Southern Europe|Indo-Pacific|Asia-Pacific|Asia Pacific|Pacific|Atlantic|Mediterranean
Black Sea|Red Sea|Baltic Sea|North Sea|Caspian Sea|South China Sea|East China Sea|Persian Gulf
Gulf of Mexico|Strait of Hormuz|Taiwan Strait|Korean Peninsula|Arabian Peninsula|Iberian Peninsula
Himalayas|Alps|Andes|Sahara|Silicon Valley|Manhattan|Brooklyn|Westminster|Amazon rainforest|Amazon River
Amazon basin
"""

# Organisations: "Canonical|alias|ALIAS".  Intergovernmental bodies, governments' best-known organs,
# news organisations, armed groups, parties, sports bodies and the largest companies.
_ORGS: Final = """
United Nations|UN|U.N.|UNO
UN Security Council|U.N. Security Council|United Nations Security Council|Security Council|UNSC
UN General Assembly|United Nations General Assembly|U.N. General Assembly
North Atlantic Treaty Organization|NATO|Nato|North Atlantic Treaty Organisation
European Union|EU|E.U.
European Commission|EU Commission
European Parliament
European Council
European Central Bank|ECB
World Health Organization|WHO|World Health Organisation
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO|World Trade Organisation
Organization of the Petroleum Exporting Countries|OPEC|Opec|OPEC+
Group of Seven|G7|G-7
Group of 20|G20|G-20
Association of Southeast Asian Nations|ASEAN|Asean
African Union
Arab League
Organization for Security and Co-operation in Europe|OSCE
Organisation for Economic Co-operation and Development|OECD
Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
International Court of Justice|ICJ
UNICEF|Unicef
UNHCR|UN Refugee Agency
UNESCO|Unesco
World Food Programme|WFP|World Food Program
International Committee of the Red Cross|ICRC|Red Cross
Amnesty International|Amnesty
Human Rights Watch|HRW
Doctors Without Borders|MSF|Médecins Sans Frontières|Medecins Sans Frontieres
Interpol
Europol
Nasdaq|Nasdaq Composite
Dow Jones|Dow Jones Industrial Average
New York Stock Exchange|NYSE
Hang Seng
Nikkei
FIFA
UEFA
International Olympic Committee|IOC
National Basketball Association|NBA
National Football League|NFL
Premier League
Kremlin
White House
Pentagon
Downing Street
Elysee|Élysée|Elysee Palace|Élysée Palace
Congress|US Congress|U.S. Congress
Senate|US Senate|U.S. Senate
House of Representatives
House of Commons
House of Lords
Bundestag
State Duma|Duma
Knesset
Federal Reserve|Fed
Bank of England|BoE
State Department|US State Department|U.S. State Department
Justice Department|Department of Justice|DOJ
Department of Defense|Defense Department|DoD
Home Office
Foreign Office
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Department of Homeland Security|DHS
Federal Emergency Management Agency|FEMA
Centers for Disease Control and Prevention|CDC
Food and Drug Administration|FDA
Federal Aviation Administration|FAA
Securities and Exchange Commission|SEC
National Aeronautics and Space Administration|NASA
Environmental Protection Agency|EPA
National Health Service|NHS
Associated Press|AP
Agence France-Presse|AFP
Reuters
Korean Central News Agency|KCNA
Yonhap
Xinhua
TASS|Tass
RIA Novosti
Interfax
Kyodo
NHK
BBC
CNN
NBC|NBC News
CBS|CBS News
ABC News
Fox News
NPR
Al Jazeera
Bloomberg
The New York Times|New York Times|NYT
The Washington Post|Washington Post
The Wall Street Journal|Wall Street Journal|WSJ
Financial Times
The Guardian|Guardian
The Economist|Economist
The Times of India|Times of India
Politico
Axios
Israel Defense Forces|IDF|Israel Defence Forces
Hamas
Hezbollah|Hizbollah
Taliban
Islamic State|ISIS|ISIL|Daesh
al-Qaeda|al Qaeda|Al-Qaeda|al-Qaida|Al-Qaida|Al Qaeda
Houthis|Houthi
Wagner Group
Kurdistan Workers' Party|PKK
Workers' Party of Korea|Workers Party of Korea
Communist Party of China|Chinese Communist Party|CCP
Democratic Party
Republican Party|GOP
Labour Party|Labour
Conservative Party|Tories
Liberal Democrats|Lib Dems
Apple|Apple Inc.
Google
Alphabet
Microsoft
Amazon
Meta|Meta Platforms
Facebook
Instagram
WhatsApp
Twitter
TikTok
ByteDance
Tesla
SpaceX
OpenAI
Nvidia
Intel
IBM
Oracle
Samsung|Samsung Electronics
Sony
Toyota
Volkswagen
BMW
General Motors|GM
General Electric|GE
Ford|Ford Motor
Boeing
Airbus
Lockheed Martin
Shell
BP
ExxonMobil|Exxon Mobil|Exxon
Chevron
Saudi Aramco|Aramco
Gazprom
Rosneft
Huawei
Alibaba
Tencent
JPMorgan|JPMorgan Chase|JP Morgan
Goldman Sachs
Morgan Stanley
BlackRock
Berkshire Hathaway
Walmart
Netflix
Disney|Walt Disney
Pfizer
Moderna
AstraZeneca
Novartis
Nestle|Nestlé
Unilever
HSBC
Barclays
Deutsche Bank
UBS
Visa
Mastercard
PayPal
Uber
Airbnb
McDonald's
Starbucks
Coca-Cola
PepsiCo
Nike
Adidas
Ryanair
Lufthansa
Maersk
FedEx
Spotify
Siemens
Bayer
Nokia
Ericsson
Renault
Stellantis
Nissan
Honda
Hyundai
TSMC
Foxconn
Xiaomi
Baidu
"""

# Demonym-like adjectives that are never entities by themselves (religions, blocs, ideologies).
_ADJ_NONENTITY: Final = """
Western Westerner Eastern Northern Southern Arab Arabic Muslim Christian Jew Jewish Catholic Protestant
Orthodox Sunni Shia Shiite Hindu Buddhist Sikh Kurd Kurdish Latino Latina Hispanic Nazi Fascist Marxist
Islamist Jihadist Zionist Communist Socialist Bolshevik Democrat Republican Conservative Liberal Tory
Allied Nordic Slavic Baltic Balkan Caucasian Anglo Anglophone Francophone
Olympic Paralympic Pashtun Tamil Sinhalese Uyghur Uighur Rohingya Yazidi Druze Alawite Maori Aboriginal
Indigenous
"""

_STOP_INITIAL: Final = """
a an the this that these those there here it its he she they we you i me him her them us our your my his
their who whom whose what which when where why how whatever whoever whichever and but or nor so yet for
if unless while whereas although though because since as once until till after before during despite
about above across against along alongside amid amidst among amongst around at behind below beneath
beside besides between beyond by down except from in inside into like near of off on onto out outside
over per through throughout to toward towards under underneath unlike up upon via with within without
however meanwhile moreover furthermore also still then now today tonight yesterday tomorrow recently
earlier later last next only even just instead indeed nevertheless nonetheless thus therefore hence
otherwise additionally separately previously currently eventually finally initially overall perhaps
maybe already again often sometimes always never not no yes ultimately notably similarly likewise
specifically officially reportedly allegedly apparently clearly certainly unfortunately fortunately
interestingly importantly first second third firstly secondly lastly elsewhere nearby altogether
according following speaking citing including regarding given based asked pressed reached contacted
reports report officials official authorities analysts experts critics witnesses residents police
troops soldiers forces sources observers people many most some several few all both each every either
neither any much more less other others another such one two three four five six seven eight nine ten
dozens hundreds thousands millions while whilst amid though should would could can may might must will
shall do does did is are was were be been being have has had let let's please read watch see click
share subscribe advertisement related photo video image caption update updated breaking exclusive
live opinion analysis editorial comment news home sign log source sources contact follow continue
according earlier late early mid new old big small great good bad high low top bottom inside outer
prosecutors investigators researchers scientists doctors officers rescuers firefighters protesters
demonstrators activists lawyers workers voters economists diplomats leaders members lawmakers legislators
senators ministers parents students teachers villagers farmers employees executives shareholders
investors traders fans players fighters militants rebels insurgents civilians victims survivors families
relatives neighbours neighbors locals tourists migrants refugees patients nurses unions regulators
lenders banks companies firms markets stocks shares prices sales profits revenue data figures results
estimates forecasts polls surveys studies documents records images photos videos footage satellite
plans talks negotiations sanctions tariffs measures rules laws plans efforts attempts calls demands
claims allegations charges accusations concerns fears hopes questions answers details terms critics
supporters opponents observers commentators journalists reporters editors readers viewers users
customers consumers buyers sellers owners tenants landlords drivers passengers pilots crews teams
clubs coaches managers referees judges jurors courts juries witnesses defendants suspects detectives
"""

_MONTHS: Final = """
January February March April May June July August September October November December Jan Feb Mar Apr
Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues
Wed Thu Thurs Fri Sat Sun Christmas Easter Thanksgiving Halloween Ramadan Eid Hanukkah Diwali Passover
"""

# Acronyms of units, jobs and things: capitals but not entities.
_ACRONYM_STOP: Final = """
GDP GNP CEO CEOs CFO COO CTO CIO CMO MP MPs MEP MEPs PM AM AI TV PC PR HR IT ID IDs IPO ESG ETF CPI PPI
EBIT EBITDA EPS ROI ROE P/E CAGR ARPU KPI KPIs SKU B2B B2C
DNA RNA HIV AIDS COVID SARS MERS CO2 EV EVs SUV SUVs USB GPS SMS PDF URL HTML FAQ VIP DIY ATM VAT GMT UTC
BST EST EDT PST PDT CET CEST KM MPH KG USD EUR GBP JPY CNY RUB UAH BTC NFT NFTs LGBT LGBTQ R&D M&A Q1 Q2
Q3 Q4 H1 H2 FY YOY PHD MBA NGO NGOs ICBM ICBMs UAV UAVs IED IEDs APC OK TBD ASAP FYI NB PS AKA BREAKING
UPDATE EXCLUSIVE LIVE VIDEO PHOTO WATCH READ MORE NEW ET PT CT VR AR API APP OS CPU GPU RAM SIM WIFI
LNG LPG OPEC+ EU27 TBC RIP MVP GOAT NB VS II III IV VI VII VIII IX XI XII A B C D E F G H I J K L M N O
P Q R S T U V W X Y Z
"""

# Titles and role nouns that introduce a person ("President X", "chief executive X").
_TITLES: Final = """
president vice-president minister secretary secretary-general chancellor vice-chancellor premier king
queen prince princess emperor empress pope emir sheikh sultan shah ayatollah governor governor-general
mayor senator representative congressman congresswoman congressmember speaker leader chairman
chairwoman chairperson chair director director-general commissioner ambassador envoy general lieutenant
colonel major captain sergeant corporal private admiral commander marshal brigadier commodore officer
judge justice magistrate prosecutor attorney attorney-general sheriff constable detective inspector
superintendent chief ceo cfo coo cto cio cmo founder co-founder cofounder executive spokesman
spokeswoman spokesperson adviser advisor aide counsel coach manager striker midfielder defender goalkeeper
forward winger quarterback pitcher skipper boss analyst economist professor lecturer researcher
scientist dr prof mr mrs ms miss mx sir dame lord lady baron baroness duke duchess count countess
reverend rev father bishop archbishop cardinal rabbi imam pastor mufti patriarch mp mep lawmaker
legislator councillor councilor councilman councilwoman alderman candidate nominee activist journalist
reporter correspondent editor columnist author writer historian lawyer barrister solicitor actor
actress singer rapper star player champion driver rider cyclist runner chef designer photographer
owner investor billionaire entrepreneur businessman businesswoman tycoon pilot nurse surgeon physician
engineer teacher taoiseach negotiator diplomat delegate regent gen lt col maj capt cpt sgt adm cmdr cdr
brig cpl dr sen rep gov pres supt det insp fr amb atty hon msgr head principal president-elect
vice-premier deputy
"""

# Titles too ambiguous in lower case ("a major city", "in general", "a private firm") to mark a role.
_CAPS_ONLY_TITLES: Final = _words("major general private count lady father star lord head principal deputy "
                           "forward chair owner author writer driver runner rider")

# Honorifics: evidence of a person but not a role.
_HONORIFICS: Final = _words("mr mrs ms miss mx sir dame madam monsieur mme herr frau")

# Words that qualify a title ("Prime Minister", "police chief", "chief financial officer").
_QUALIFIERS: Final = _words("""
prime foreign defence defense finance interior home health justice education trade economy economic
energy environment transport transportation culture agriculture labour labor treasury commerce industry
housing security intelligence national homeland state federal regional provincial local city county
district municipal police fire army military naval navy air armed forces party opposition majority
minority deputy vice assistant associate senior junior chief executive financial operating technology
technical marketing managing general supreme attorney crown grand high first special press
communications public presidential legal team club head top lead principal joint senate house union
company campaign government cabinet committee council board news sports science digital world staff
investment investigating investigative division brigade regional commanding acting interim of the and
for co chief-of-staff foreign-policy human rights trial appeals district high-ranking ranking veteran
military-intelligence intelligence-agency field fleet squadron battalion regiment corps marine coast
guard border customs immigration tax revenue central bank exchange stock sales product research
medical clinical nuclear climate cyber space""")

# Status words before a role and what they say about it.
_STATUS_FORMER: Final = _words("former ex late erstwhile one-time onetime retired deposed ousted previous past")
_STATUS_CURRENT: Final = _words("current sitting acting interim outgoing caretaker incumbent serving")
_STATUS_FUTURE: Final = _words("incoming designate elect future prospective")
_STATUS_NEUTRAL: Final = _words("then longtime long-time veteran new newly embattled disgraced self-proclaimed "
                         "self-styled would-be")
_STATUS: Final = _STATUS_FORMER | _STATUS_CURRENT | _STATUS_FUTURE | _STATUS_NEUTRAL

# Head words: the last (or first, before "of") word of an organisation name.
_ORG_HEADS: Final = _words("""
ministry department dept commission agency council army navy forces force party inc corp corporation
ltd llc plc gmbh group bank university college school academy institute institution foundation
association federation union organisation organization committee court tribunal parliament assembly
senate congress cabinet office bureau board authority administration service services police guard
guards brigade battalion regiment division corps command staff fleet marines news times post journal
herald tribune telegraph gazette press broadcasting network media television radio club fc league
society trust fund alliance coalition movement front company holdings industries airlines airways motors
technologies systems labs laboratories pharmaceuticals partners capital securities exchange reserve
hospital clinic centre center church government secretariat directorate inspectorate treasury embassy
consulate delegation observatory chamber caucus agence bundesbank commissariat unit units cartel gang
brotherhood jamaat brigades militia guard authority regime institutes enterprises bancorp ventures
energy petroleum oil gas steel mining airline railway railways rail united rovers athletic wanderers
albion hotspur rangers rally house""")

_CORP_SUFFIXES: Final = _words("inc inc. corp corp. ltd ltd. llc plc co co. gmbh ag sa nv s.a. n.v. l.p. lp se ab "
                        "asa oyj spa bv kk")

_PLACE_SUFFIXES: Final = _words("""
city county province region oblast krai prefecture governorate district island islands isles valley river
mountains mountain hills heights lake bay sea ocean gulf strait straits peninsula desert coast delta plateau
basin canyon falls forest park beach street avenue road boulevard square plaza bridge airport station port
harbour harbor dam reservoir stadium arena palace castle cathedral tower mall camp base highway motorway
freeway checkpoint strip village town township borough municipality republic territory territories
""")

# A place type written after a name in lower case: "the Kursk region", "Hebei province".
_PLACE_TYPE_AFTER: Final = _words("region province oblast district county city town village island islands "
                           "peninsula prefecture governorate municipality valley coast area state")
# Place types dropped from a canonical name so "Kursk Oblast", "Kursk region" and "Kursk" coincide.
_PLACE_STRIP: Final = _words("region oblast province krai prefecture governorate")

_PLACE_PREFIXES: Final = _words("gulf lake mount mt cape isle port fort bay strait sea")
# First words of club names ("Real Madrid", "Borussia Dortmund", "AC Milan").
_ORG_PREFIXES: Final = _words("real ac fc afc sc inter atletico sporting olympique borussia dynamo dinamo spartak "
                       "racing deportivo club")

_EVENT_SUFFIXES: Final = _words("""
war wars games olympics olympiad cup championship championships open series prix marathon tournament
summit conference forum festival awards award prize prizes treaty accord accords agreement pact act bill
doctrine plan day week election elections referendum crisis revolution uprising massacre pandemic epidemic
earthquake scandal trial expo fair bowl classic derby slam invasion offensive counteroffensive fire fires
wildfire blaze flood floods storm tornado quake eruption outbreak shooting bombing
operation protests protest riots genocide holocaust disaster
""")
_EVENT_PREFIXES: Final = _words("hurricane typhoon cyclone storm tropical operation battle siege")
# Words that cannot end a personal name.
_NOT_NAME_LAST: Final = _ORG_HEADS | _PLACE_SUFFIXES | _EVENT_SUFFIXES | _CORP_SUFFIXES

# Connectors that may sit inside a name after these heads: "Ministry of Defence", "Bank of England",
# "Secretary of State", "Democratic Republic of the Congo".
_CONNECT_HEADS: Final = _words("""
ministry department bank university republic commission organisation organization federation union
court institute office council secretary minister house chamber board bureau party association league
college school museum academy society kingdom states emirates church order army navy command chief
chiefs director governor prince princess king queen duke duchess archbishop bishop president mayor
ambassador commander city isle gulf bay sea strait cape lake mount port sultanate emirate principality
commonwealth district province islands centre center agency administration authority committee fund
programme program chancellor speaker premier head leader general attorney-general secretary-general
prosecutor tribunal assembly parliament government people's workers' workers cabinet treasury forces
division corps staff palace cathedral battle siege""")
_ON_HEADS: Final = _words("committee commission council conference panel convention treaty")

# Topic nouns that continue an organisation name after "and": "Department of Health and Human Services".
_AND_TOPICS: Final = _words("""
development trade services security affairs technology science industry energy environment culture sport
sports media tourism welfare education health justice commerce labour labor employment innovation skills
planning housing transport infrastructure agriculture food fisheries forestry rural human communities
local social family research design engineering medicine art arts sciences economic information
communications natural resources water climate veterans defence defense finance exchange co-operation
cooperation prevention control investigation statistics migration immigration customs border
drug drugs space administration""")

# Particles inside personal names.  Those in _START_PARTICLES may also begin a name ("de Gaulle said").
_PARTICLES: Final = _words("de da di du del della dos das van von der den ter ten le la bin ibn bint al el "
                    "y e abu")
_START_PARTICLES: Final = _words("de da di du del della dos das von bin ibn bint al el van")
# Possessors that continue a name: "People's Republic", "Workers' Party", "Children's Hospital".
_POSS_CONTINUE: Final = _words("people people's workers workers' children children's women women's men men's "
                        "veterans citizens farmers nations st saint mothers fathers teachers students "
                        "soldiers traders writers journalists")

# Lower-case hyphen prefixes before a name: "pro-Russian", "anti-Kremlin", "ex-President".
_HYPHEN_PREFIXES: Final = _words("pro anti non post pre mid ex then pan trans neo inter intra sub super over "
                          "under counter")
# Lower-case hyphen suffixes turning a name into a modifier: "US-led", "Seoul-based".
_HYPHEN_SUFFIXES: Final = _words("based led born backed owned run made style era bound wide like class level "
                          "linked aligned allied held occupied controlled funded brokered sponsored "
                          "friendly speaking language centric focused specific related oriented "
                          "registered listed flagged built designed produced made controlled "
                          "installed appointed affiliated inspired")

# Verbs after a lone capitalised word that show it names a person.
_SPEECH_VERBS: Final = _words("""
said says told tells added adds stated announced announces argued argues claimed claims insisted insists
warned warns wrote writes tweeted posted noted notes explained explains declared declares confirmed
confirms denied denies acknowledged acknowledges admitted admits reaffirmed urged urges asked asks
replied replies responded responds suggested suggests believes believed thinks thought vowed vows
pledged pledges promised promises accused accuses praised praises criticised criticized criticises
criticizes dismissed dismisses rejected rejects welcomed welcomes condemned condemns blamed blames
revealed reveals disclosed testified recalled recalls stressed stresses emphasised emphasized
emphasises emphasizes agreed agrees conceded concedes countered counters predicted predicts estimated
described describes spoke speaks met meets visited visits ordered orders signed signs resigned resigns
died dies commended commends lauded lauds thanked thanks informed informs expressed expresses
justified justifies""")

# Words that may follow "in X" when X is a place ("in Pyongyang on Monday", "in Kyiv and ...").
_AFTER_PLACE_OK: Final = _words("""
and or but on in at to for from with after before during since until as while when where which who that
this last next earlier later yesterday today tonight on amid over under by near ago alone itself
was were is are has have had will would could can may might remains remained said says told""")

# Nouns before "in X" where X is a company or a person, not a place.
_IN_NOT_PLACE: Final = _words("""shares share stake stakes investment investments invested invest interest confidence
faith trust belief role part participation holdings holding position positions starring""")
_PLACE_PREPOSITIONS: Final = _words("in near outside across throughout inside within around towards toward "
                             "at")
_PLACE_NOUNS_BEFORE: Final = _words("city town village province region state port capital district county "
                             "island suburb neighbourhood neighborhood municipality oblast")

# Function words allowed in lower case in a title-case headline.
_HEADLINE_FUNCTION: Final = _words("a an the and but or nor for so yet as at by in of off on per to up via "
                            "with from into over than vs amid after before about against")

# Appositive roles: ", a former British Army tank commander," / ", the head of the ...".
_APPOS_START: Final = _words("a an the his her their its our")
_APPOS_STOP: Final = _words("who which that whose whom said says told and or but while when where as")
_ROLE_NOUNS: Final = _words("""
official officer commander head chief leader president minister secretary director executive manager
spokesman spokeswoman spokesperson analyst expert professor researcher scientist economist lawyer
attorney judge prosecutor senator governor mayor ambassador envoy adviser advisor aide founder
co-founder chairman chairwoman chair member lawmaker legislator candidate coach player striker captain
goalkeeper defender midfielder teacher nurse doctor surgeon physician engineer worker resident witness
survivor victim student activist journalist reporter correspondent editor author writer historian
general colonel veteran soldier pilot firefighter commissioner inspector detective sheriff deputy partner
investor owner ceo cfo coo cto boss strategist consultant diplomat negotiator representative mp mep
councillor politician businessman businesswoman entrepreneur billionaire actor actress singer musician
artist producer champion winner athlete runner cyclist driver farmer spokesperson administrator
superintendent principal dean rector chancellor premier president-elect king queen prince princess
emir sheikh sultan ayatollah cleric bishop archbishop pope priest rabbi imam pastor admiral marshal
lieutenant major sergeant constable magistrate justice speaker mother father son daughter wife husband
brother sister head-coach manager-designate owner-operator lecturer fellow trustee governor-general
commentator pundit presenter host anchor broadcaster blogger designer architect banker trader
whistleblower campaigner informant drummer guitarist bassist vocalist frontman composer conductor dancer
novelist poet filmmaker counsel""")

# Nouns numbered in text ("Article 4", "Flight 370"): with the number they are not names.
_NUMBERED_NOUNS: Final = _words("""
article section chapter figure table page room gate flight route highway level phase stage round game week
day class category grade group match number no vol volume part item rule clause paragraph amendment title
book psalm model series version episode season terminal platform block building unit apartment suite zone
sector ward precinct lot exit junction interstate district juror witness defendant count exhibit""")
# Opening words whose next capitalised word is still title case ("Related Sources", "Top Stories").
_CARRY_OPENING: Final = _words("""
related latest top more new old big small great good bad high low early late mid first second third next
last other many most some several few all each every read watch see click share subscribe sign log
continue follow breaking live update updated exclusive opinion analysis editorial comment news home
source sources contact advertisement photo video image caption loading more recommended popular trending""")
_NAME_MONTHS: Final = _words("jan april may june august")
_DATE_WORDS: Final = _words("in on by since until from during last next early late mid this through till before "
                     "after of")
_ROMAN: Final = _words("ii iii iv v vi vii viii ix x xi xii")
_APPOS_PREPS: Final = _words("of in at for from with on to since under over between among")
# Function words that break a capitalised run when capitalised inside it ("Share This Article").
_CAP_FUNCTION: Final = _words("the this that these those in of and or a an to for on at by with from is are was "
                       "were your our my his her their its no not you we it")
# Title-case page furniture and common nouns that never form a personal name.
_NON_NAME_WORDS: Final = _words("""
policy privacy terms cookies cookie newsletter subscribe subscription comments comment article articles
stories story posts collection collections reply replies share login logout account password settings
contact menu search related popular trending latest read points views upvote downvote loading sign
advertisement sponsored continue next previous page pages home click download print email follow
""")
_OPENING_ADVERBS: Final = _words("overnight nationwide worldwide abroad afterwards afterward beforehand together "
                          "regardless anyway well sure okay plus separately")
_NAME_SUFFIXES: Final = _words("jr jr. sr sr. ii iii iv")
_ABBREV_DOT: Final = _words("""
dr mr mrs ms mx st gen col lt capt cpt maj sgt adm cmdr cdr brig cpl pte sen rep gov prof rev jr sr inc
corp ltd co bros mt ft pres supt det insp fr amb atty hon msgr no vs
""")

# Title abbreviations expanded when comparing roles.
_TITLE_EXPAND: Final = {
    "gen": "general", "col": "colonel", "lt": "lieutenant", "maj": "major", "capt": "captain",
    "cpt": "captain", "sgt": "sergeant", "adm": "admiral", "cmdr": "commander", "cdr": "commander",
    "brig": "brigadier", "cpl": "corporal", "dr": "doctor", "prof": "professor", "sen": "senator",
    "rep": "representative", "gov": "governor", "pres": "president", "supt": "superintendent",
    "det": "detective", "insp": "inspector", "rev": "reverend", "fr": "father", "amb": "ambassador",
    "atty": "attorney", "ceo": "chief executive", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer", "pm": "prime minister",
    "defense": "defence", "labor": "labour", "advisor": "adviser", "chairwoman": "chair",
    "chairman": "chair", "chairperson": "chair", "spokeswoman": "spokesperson",
    "spokesman": "spokesperson", "president-elect": "president",
}
# Corporate titles: an unknown capitalised word right before them names an organisation ("Acme CEO").
_CORPORATE_TITLES: Final = _words("ceo cfo coo cto cio chairman chairwoman founder co-founder cofounder")


# ---------------------------------------------------------------------------------------------
# Tables built once at import.


_STOP_SET: Final = _words(_STOP_INITIAL)
_MONTH_SET: Final = _words(_MONTHS)
_ACRONYM_STOP_SET: Final = frozenset(_ACRONYM_STOP.split())
_TITLE_SET: Final = _words(_TITLES) | {"official"}

# Organisations whose name is also an ordinary word: not trusted at the start of a sentence.
_COMMON_WORD_ORGS: Final = _words("visa shell intel meta apple amazon oracle fed amnesty guardian economist "
                           "alphabet labour nike uber ford")
# Hyphenated particles kept with their hyphen in canonical names ("al-Assad").
_HYPHEN_PARTICLES: Final = _words("al el ad ar as ash at az an ul bin ibn abu")
# Lower-case words inside hyphenated place names ("Rostov-on-Don", "Stratford-upon-Avon").
_HYPHEN_JOINERS: Final = _words("on upon sur en de la le du di am an der the of sous under by")

_APOS: Final = "'\u2019"
_DOT_APOS: Final = ".'\u2019"
_TOKEN_RE: Final = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_](?:\w+|&(?=\w)|['\u2019](?=[^\W\d_])|[-\u2010\u2011](?=\w))*|\d(?:[\d.,:/]*\d)?")
_WS_GAP_RE: Final = re.compile(r"[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*")
_AMP_GAP_RE: Final = re.compile(r"\s*&\s*")
_COMMA_GAP_RE: Final = re.compile(r"\s*,\s*")
_INIT_PUNCT_RE: Final = re.compile(r"[.!?\u2026:;\n]")
_OPEN_QUOTE_END_RE: Final = re.compile(r"[\"\u201c\u2018'(\[]\s*$")
_APPOS_END_RE: Final = re.compile(r"\s*(?:[,;.!?)\]:\u2014\u2013]|\s-\s|$)")
_SPACE_RE: Final = re.compile(r"\s+")
_OPEN_PAREN_RE: Final = re.compile(r"\s*\(")
_DATELINE_GAP_RE: Final = re.compile(r"\)?\s*[-\u2013\u2014]\s*")
_HYPHEN_RE: Final = re.compile(r"[-\u2010\u2011]")
_DOUBLE_RE: Final = re.compile(r"(.)\1+")
_NON_ALNUM_RE: Final = re.compile(r"[^0-9a-z]+")


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s  # NFKD leaves ASCII alone and it has no combining marks
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _norm_key(s: str) -> str:
    if s.isascii():
        return s.replace(".", "").lower() if "." in s else s.lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    if not s.isascii():
        s = _strip_accents(s)
    return s.replace(".", "").lower()


class _Tok:
    """One word (or number) of the sentence with the flags the recogniser needs."""

    __slots__ = ("adj", "cap", "ckey", "end", "fend", "glue", "init", "key", "num", "ostart", "pkey", "poss",
                 "pre", "start", "text", "upper")

    def __init__(self, ostart: int, start: int, end: int, fend: int, text: str, poss: bool, pre: str,
                 adj: bool, num: bool) -> None:
        self.ostart = ostart  # start including a lower-case hyphen prefix ("ex-President")
        self.start = start
        self.end = end  # excludes a possessive and a hyphen suffix ("US-led" -> "US")
        self.fend = fend  # end of everything the regex matched
        self.text = text
        self.poss = poss
        self.pre = pre
        self.adj = adj
        self.num = num
        if num:
            self.key = self.pkey = self.ckey = text
            self.cap = self.upper = False
        else:
            self.key = _norm_key(text)
            self.pkey = self.key + ("'s" if poss else "")
            self.ckey = text.replace(".", "") if "." in text else text
            self.cap = text[:1].isupper()
            self.upper = self.cap and len(text) >= 2 and text.isupper()
        self.glue = False  # whitespace-only gap to the next token
        self.init = False  # first word of a sentence or quote




def _blank_tok(cls: type[_Tok]) -> _Tok:
    return cls(0, 0, 0, 0, "", False, "", False, True)  # every field is set again by the caller


# A token whose fields the tokenizer sets one by one: object.__new__ skips __init__ (the tokenizer's
# hottest line). A class compiled by mypyc (see generator/native.py) has its own __new__, which refuses
# object.__new__ and runs __init__ itself, cheaply.
_new_tok: Callable[[type[_Tok]], _Tok] = object.__new__ if _Tok.__new__ is object.__new__ else _blank_tok
# A token and the gap after it. Every gap character is a non-word character or "_", and every other
# character starts a token, so consecutive matches tile the text and offsets follow from the lengths.
# The first group takes a plain lower-case ASCII word that no branch of _TOKEN_RE would extend and no
# full stop or apostrophe follows (most tokens of a sentence): the tokenizer's fast path, decided by the
# regex engine instead of four string tests per token. It takes a run of such words at once, each but the
# last followed by one space (which no branch of _TOKEN_RE reads past): one match per run instead of one
# per word halves the regex's work. The second group takes the next commonest token, a capitalised ASCII
# word (an upper-case letter, then lower-case ones) that nothing extends and no full stop or apostrophe
# follows: its fields are then known without the tests of the general path (see _scan). Any other token
# falls to the third group, which matches exactly what _TOKEN_RE matches.
_TOKEN_GAP_RE: Final = re.compile(
    rf"(?:([a-z]++(?: [a-z]++)*)(?![\w.&'\u2019\u2010\u2011-])|([A-Z][a-z]*+)(?![\w.&'\u2019\u2010\u2011-])"
    rf"|({_TOKEN_RE.pattern}))([\W_]*+)")
_LEAD_GAP_RE: Final = re.compile(r"[\W_]*")


def _join(prev: _Tok, t: _Tok, gap: str) -> None:
    """Link two tokens across a gap other than one space: does ``t`` open a sentence or quote, and is
    ``prev`` glued to it by whitespace only?"""
    if (_INIT_PUNCT_RE.search(gap) or _OPEN_QUOTE_END_RE.search(gap)
            or (_DATELINE_GAP_RE.fullmatch(gap) and (prev.upper or ")" in gap))):
        t.init = True  # also after a dateline: "SEOUL, South Korea (AP) — Troops were ..."
    prev.glue = not prev.adj and _WS_GAP_RE.fullmatch(gap) is not None


def _tokenize(text: str) -> list[_Tok]:
    return _scan(text)[0]


def _scan(text: str) -> tuple[list[_Tok], list[int]]:
    """The tokens of ``text``, and the indices of those that may start a name or a gazetteer match (not
    a number; capitalised, hyphenated or a name particle): the only ones the recogniser's scans act on."""
    toks: list[_Tok] = []
    starts: list[int] = []
    append = toks.append
    size = len(text)
    prev: _Tok | None = None
    lead = _LEAD_GAP_RE.match(text)
    pos = lead.end() if lead is not None else 0
    prev_gap: str | None = None  # the gap after ``prev`` when it starts at ``prev.fend``
    for word, capital, raw, after in _TOKEN_GAP_RE.findall(text):
        ostart = pos
        t: _Tok
        if word:
            # The regex's first group: plain lower-case ASCII words (most tokens of a sentence), one space
            # after each but the last, whose gap is ``after``. They take the fast path below without the
            # tests that decide it for other tokens.
            k = len(toks)
            for plain in word.split(" "):
                t = _new_tok(_Tok)
                t.ostart = t.start = pos
                pos += len(plain)
                t.end = t.fend = pos
                pos += 1
                t.text = t.key = t.pkey = t.ckey = plain
                t.poss = t.adj = t.cap = t.upper = t.init = t.num = False
                t.glue = True  # one space to the next word of the run
                t.pre = ""
                if plain in _START_PARTICLES:
                    starts.append(len(toks))
                append(t)
            t.glue = False  # the last word's gap is ``after``: the next token decides
            first = toks[k]
            if prev is None:
                first.init = True
            else:
                gap = prev_gap if prev_gap is not None else text[prev.fend:ostart]
                if gap == " ":
                    prev.glue = not prev.adj
                elif gap != ", ":  # the commonest other gap, where _join changes nothing
                    _join(prev, first, gap)
            pos += len(after) - 1  # the last word's gap is ``after``, not the space counted above
            prev = t
            prev_gap = after
            continue
        if capital:
            # The regex's second group: "Minister", "Seoul", "A". The general path below would find no
            # abbreviation stop, possessive or hyphen (nothing of the kind follows or is inside), so the
            # token is the whole match; its key is the lower case (ASCII, no full stop) and it is not all
            # capitals (a second letter is lower case). A capitalised token may start a name.
            t = _new_tok(_Tok)
            t.ostart = t.start = ostart
            pos += len(capital)
            t.end = t.fend = pos
            t.text = t.ckey = capital
            t.key = t.pkey = capital.lower()
            t.cap = True
            t.poss = t.adj = t.upper = t.num = t.glue = t.init = False
            t.pre = ""
            pos += len(after)
            gap_after: str | None = after
            starts.append(len(toks))
        else:
            end = mend = pos + len(raw)
            pos = mend + len(after)
            c0 = raw[0]
            if c0.isdigit() or (raw.isascii() and raw.isalpha() and raw.islower() and (
                    end == size or text[end] not in _DOT_APOS or (text[end] == "." and raw not in _ABBREV_DOT))):
                # Fast path for a number or a lower-case ASCII word. A full stop after the word changes
                # nothing unless it makes an abbreviation ("gen."): the general path below would keep the
                # token as matched ("said." at the end of a sentence, a sixth of these tokens).
                t = _new_tok(_Tok)
                t.ostart = t.start = ostart
                t.end = t.fend = end
                t.text = t.key = t.pkey = t.ckey = raw
                t.poss = t.adj = t.cap = t.upper = t.glue = t.init = False
                t.num = c0.isdigit()
                t.pre = ""
                gap_after = after
                if raw in _START_PARTICLES:
                    starts.append(len(toks))
            else:
                start = ostart
                pre = ""
                poss = False
                adj = False
                fend = end
                # Abbreviation or initial followed by a full stop: "Gen.", "Dr.", "W."
                if end < size and text[end] == "." and "." not in raw and (
                        raw.lower() in _ABBREV_DOT
                        or (len(raw) == 1 and c0.isupper() and text[end + 1:end + 3].strip()[:1].isupper())):
                    end += 1
                    fend = end
                # Possessive: "Russia's", "Kim Jong-un's" (straight or curly); plural possessive "Workers' Party".
                if len(raw) > 2 and raw[-2] in _APOS and raw[-1] in "sS" and end == mend:
                    end -= 2
                    poss = True
                elif (end == mend and raw[-1] in "sS" and end < size and text[end] in _APOS
                      and (end + 1 == size or not text[end + 1].isalnum())):
                    fend = end + 1
                    poss = True
                if "-" in raw or "\u2010" in raw or "\u2011" in raw:
                    # Lower-case hyphen prefix before a capital: "pro-Russian", "ex-President".
                    h = _HYPHEN_RE.search(raw)
                    if h is not None and h.start() > 0:
                        head = raw[:h.start()].lower()
                        if head in _HYPHEN_PREFIXES and raw[h.end():h.end() + 1].isupper():
                            pre = head
                            start = ostart + h.end()
                    # Hyphen suffix making a modifier of a name: "US-led", "Seoul-based", "Russian-backed".
                    if c0.isupper() or pre:
                        body = text[start:end]
                        parts = _HYPHEN_RE.split(body)
                        last = parts[-1]
                        if len(parts) > 1 and last.islower() and (
                                last in _HYPHEN_SUFFIXES or (len(last) > 3 and last.endswith(("ed", "ing")))):
                            end = start + len(body) - len(last) - 1
                            adj = True
                            poss = False
                if end <= start:
                    prev_gap = None  # the next gap runs from prev.fend over this token
                    continue
                # As _Tok(...) with num=False, fields set directly: this is the tokenizer's second hottest line.
                t = _new_tok(_Tok)
                t.ostart = ostart
                t.start = start
                t.end = end
                t.fend = fend
                t.text = surface = text[start:end]
                t.poss = poss
                t.pre = pre
                t.adj = adj
                t.num = t.glue = t.init = False
                key = t.key = _norm_key(surface)
                t.pkey = key + "'s" if poss else key
                t.ckey = surface.replace(".", "") if "." in surface else surface
                cap = t.cap = surface[:1].isupper()
                t.upper = cap and len(surface) >= 2 and surface.isupper()
                gap_after = after if fend == mend else None
                if cap or "-" in key or key in _START_PARTICLES:
                    starts.append(len(toks))
        if prev is None:
            t.init = True
        else:
            gap = prev_gap if prev_gap is not None else text[prev.fend:ostart]
            if gap == " ":
                prev.glue = not prev.adj
            elif gap != ", ":  # the commonest other gap, where _join changes nothing
                _join(prev, t, gap)
        append(t)
        prev = t
        prev_gap = gap_after
    return toks, starts


# Gazetteer: key -> (canonical, kind).  kind: "place" | "organisation" | "demonym".
_GazEntry = tuple[str, str]
_GAZ_CI: dict[str, _GazEntry] = {}
_GAZ_CS: dict[str, _GazEntry] = {}
_GAZ_MAXLEN = 1
_GAZ_FIRST: set[str] = set()  # first-token keys of multi-word aliases


def _seq_key(toks: Sequence[_Tok], a: int, b: int) -> str:
    """Key of tokens a..b inclusive; inner possessives are kept ("people's republic")."""
    return " ".join([toks[k].pkey for k in range(a, b)] + [toks[b].key])


def _add_alias(alias: str, entry: _GazEntry) -> None:
    global _GAZ_MAXLEN
    toks = _tokenize(alias)
    if not toks:
        return
    letters = alias.replace(".", "").replace("+", "")
    if (len(toks) == 1 and letters.isupper() and len(letters) >= 2) or (len(toks) == 1 and "." in alias
                                                                         and toks[0].upper):
        _GAZ_CS.setdefault(toks[0].ckey, entry)
        return
    _GAZ_CI.setdefault(_seq_key(toks, 0, len(toks) - 1), entry)
    _GAZ_MAXLEN = max(_GAZ_MAXLEN, len(toks))
    if len(toks) > 1:
        _GAZ_FIRST.add(toks[0].pkey)


def _plural(d: str) -> str | None:
    if d.endswith(("s", "sh", "ch", "ese", "x")) or (" " in d and d.endswith("ish")):
        return None
    return d + "s"


def _build_gazetteer() -> None:
    # Multi-word regions first so "Latin America" never reads as "America".
    for line in _PLACES.strip().splitlines():
        for name in line.split("|"):
            name = name.strip()
            if name:
                _add_alias(name, (name.replace("Saint Petersburg", "St. Petersburg"), "place"))
    for line in _COUNTRIES.strip().splitlines():
        names, _, dems = line.partition("/")
        aliases = [a.strip() for a in names.split("|") if a.strip()]
        canon = aliases[0]
        for a in aliases:
            _add_alias(a, (canon, "place"))
        for d in (x.strip() for x in dems.split("|")):
            if d:
                _add_alias(d, (canon, "demonym"))
                pl = _plural(d)
                if pl:
                    _add_alias(pl, (canon, "demonym"))
    for line in _ORGS.strip().splitlines():
        aliases = [a.strip() for a in line.split("|") if a.strip()]
        for a in aliases:
            _add_alias(a, (aliases[0], "organisation"))
    for w in _ADJ_NONENTITY.split():
        for form in (w, w + "s"):
            if _norm_key(form) not in _GAZ_CI:
                _GAZ_CI[_norm_key(form)] = ("", "demonym")
    # Well-known short forms that differ from the canonical names above.
    _GAZ_CI.setdefault("st petersburg", ("St. Petersburg", "place"))


_build_gazetteer()
# Every proper prefix of a multi-word alias key, in keys: a run of tokens that opens none cannot grow into one.
_GAZ_PREFIXES: Final = frozenset(
    " ".join(parts[:m]) for parts in (k.split(" ") for k in _GAZ_CI) for m in range(1, len(parts)))
# Sentence-opening words that _classify drops whatever follows (see _may_hold_names): _strip_opening's
# closed-class words, and the words _classify_single never names, less titles ("President") and gazetteer
# names, which take other paths.
_DEAD_OPENERS: Final = (_STOP_SET | _MONTH_SET | _STATUS | _QUALIFIERS | _ORG_HEADS | _PLACE_SUFFIXES | _EVENT_SUFFIXES
                 | _HONORIFICS | _NON_NAME_WORDS) - _TITLE_SET - frozenset(_GAZ_CI)
# The first two keys of every multi-word gazetteer alias ("the hague").
_GAZ_PAIRS: Final = frozenset(" ".join(k.split(" ")[:2]) for k in _GAZ_CI if " " in k)
# The first token when it is a capitalised ASCII word that nothing extends (as the tokenizer reads it: the
# lead gap is every non-word character, and the token ends before a non-word character other than those).
_OPENER_RE: Final = re.compile(r"[\W_]*+([A-Z][a-z]*+)(?![\w.&'\u2019\u2010\u2011-])")
# The second token when it is a plain lower-case ASCII word after whitespace (the tokenizer's fast path).
_NEXT_WORD_RE: Final = re.compile(r"\s++([a-z]++)(?![\w.&'\u2019\u2010\u2011-])")
# Country -> first demonym, to name an organisation after its country ("South Korean Unification Ministry").
_DEMONYM_OF: dict[str, str] = {}
for _line in _COUNTRIES.strip().splitlines():
    _names, _, _dems = _line.partition("/")
    _first_dem = _dems.split("|")[0].strip()
    if _first_dem:
        _DEMONYM_OF.setdefault(_names.split("|")[0].strip(), _first_dem)
# "UN Security Council": the tokenizer keys acronyms in lower case inside multi-word names.


def _gaz_matches(toks: list[_Tok], starts: Sequence[int] | None = None) -> list[tuple[int, _GazEntry] | None]:
    """Longest gazetteer match starting at each capitalised token: (length, entry).

    ``starts`` (from _scan) limits the work to the tokens that may start a match."""
    n = len(toks)
    out: list[tuple[int, _GazEntry] | None] = [None] * n
    for i in range(n) if starts is None else starts:
        t = toks[i]
        if t.num or not (t.cap or (t.key[:3] in ("al-", "el-"))):
            continue
        run = 1
        if t.pkey in _GAZ_FIRST:
            prefix = t.pkey
            while run < _GAZ_MAXLEN and i + run < n and toks[i + run - 1].glue and not toks[i + run].num:
                run += 1
                # No alias is longer than this run when the keys so far open none: "The" + "minister".
                prefix = f"{prefix} {toks[i + run - 1].pkey}"
                if prefix not in _GAZ_PREFIXES:
                    break
        best: tuple[int, _GazEntry] | None = None
        if run > 1:  # most tokens open no multi-word alias (run 1): the loop below would be empty
            for length in range(run, 1, -1):  # multi-word aliases, longest first
                if toks[i + length - 1].num:
                    continue
                hit = _GAZ_CI.get(_seq_key(toks, i, i + length - 1))
                if hit is not None:
                    best = (length, hit)
                    break
        if best is None:
            if t.upper or "." in t.text:
                hit = _GAZ_CS.get(t.ckey)
                if hit is None and not (t.upper and len(t.ckey) <= 3):  # "US"/"WHO": only the acronym table
                    hit = _GAZ_CI.get(t.key)
            else:
                hit = _GAZ_CI.get(t.key)
            if hit is not None:
                best = (1, hit)
        out[i] = best
    return out


# ---------------------------------------------------------------------------------------------
# Token predicates.


def _is_title(t: _Tok) -> bool:
    key = t.key
    if "-" in key:
        if key.startswith(("ex-", "then-")):
            key = key.split("-", 1)[1]
        if key.endswith("-elect"):
            key = key[:-6]
        elif key.endswith("-designate"):
            key = key[:-10]
    if key not in _TITLE_SET and key != "official":
        return False
    return t.cap or t.upper or key not in _CAPS_ONLY_TITLES


def _is_status(t: _Tok) -> bool:
    return t.key in _STATUS


def _is_qualifier(t: _Tok) -> bool:
    return t.key in _QUALIFIERS and t.key not in ("of", "the", "and", "for")


def _capish(t: _Tok) -> bool:
    """Capitalised, or a capitalised name behind a lower-case hyphen particle ("al-Assad")."""
    if t.cap:
        return True
    return t.key[:3] in ("al-", "el-") and len(t.text) > 3 and t.text[3].isupper()


def _namey(t: _Tok) -> bool:
    """A token that may stand in a personal name."""
    if t.num:
        return False
    if t.cap:
        return not (t.upper and len(t.ckey) > 1 and t.key not in _ROMAN)
    if t.key in _PARTICLES:
        return True
    return _capish(t)


# ---------------------------------------------------------------------------------------------
# Canonical names.


def _fix_case(p: str) -> str:
    if not p:
        return p
    if p.isupper() and len(p) > 1 and p.lower() not in _ROMAN:
        return p[0] + p[1:].lower()
    if p[0].islower() and p.lower() not in _PARTICLES:
        return p[0].upper() + p[1:]
    return p


def _translit(p: str) -> str:
    """Collapse final transliteration variants: Zelenskyy/Zelenskiy -> Zelensky, Syrskyi -> Syrsky."""
    if len(p) >= 5 and p.isalpha():
        low = p.lower()
        if low.endswith(("yy", "iy", "yi", "ii")):
            return p[:-2] + ("Y" if p[-2].isupper() else "y")
    return p


def _person_canon(name: str) -> str:
    words = name.replace("\u2019", "'").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    parts: list[str] = []
    for w in words:
        if "-" not in w and "\u2010" not in w and "\u2011" not in w:
            parts.append(_translit(_fix_case(w)))  # one piece (w is not empty): the split's last branch
            continue
        pieces = [p for p in _HYPHEN_RE.split(w) if p]
        if len(pieces) > 1 and pieces[0].lower() in _HYPHEN_PARTICLES:
            rest = "-".join(_translit(_fix_case(p)) for p in pieces[1:])
            parts.append(pieces[0].lower() + "-" + rest)
        elif len(pieces) > 2 and any(p.lower() in _HYPHEN_JOINERS for p in pieces[1:-1]):
            parts.append(w[:1].upper() + w[1:])
        else:
            parts.extend(_translit(_fix_case(p)) for p in pieces)
    return " ".join(parts)


def _clean_name(name: str) -> str:
    # " ".join(x.split()) is _SPACE_RE.sub(" ", x).strip() (re's \s and str.split agree), four times faster.
    s = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").split())
    if s.endswith("'s") or s.endswith("'S"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    if s.lower().startswith("the ") and len(s) > 4:
        s = s[4:]
    return s.strip(" ,;:")


# A name of ASCII letters and single spaces tokenises into its words with no abbreviation, possessive or
# hyphen handling: its gazetteer keys are its lower-case words, no tokenizer needed (most names are such).
_PLAIN_NAME_RE: Final = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@functools.lru_cache(maxsize=8192)
def _gaz_lookup(name: str) -> _GazEntry | None:
    if _PLAIN_NAME_RE.fullmatch(name) is None:
        return _gaz_lookup_tokens(name)
    if len(name) >= 2 and name.isupper() and " " not in name:  # one upper-case word: the acronym table
        hit = _GAZ_CS.get(name)
        if hit is not None or len(name) <= 3:
            return hit
    low = name.lower()
    hit = _GAZ_CI.get(low)
    if hit is None and low.startswith("the "):
        hit = _GAZ_CI.get(low[4:])
    return hit


def _gaz_lookup_tokens(name: str) -> _GazEntry | None:
    toks = _tokenize(name)
    if not toks:
        return None
    if len(toks) == 1 and (toks[0].upper or "." in toks[0].text):
        hit = _GAZ_CS.get(toks[0].ckey)
        if hit is not None:
            return hit
        if toks[0].upper and len(toks[0].ckey) <= 3:
            return None
    for cand in (toks, toks[1:] if toks[0].key == "the" else []):
        if cand:
            hit = _GAZ_CI.get(_seq_key(cand, 0, len(cand) - 1))
            if hit is not None:
                return hit
    return None


def _org_canon(s: str) -> str:
    words = s.split()
    if len(words) > 1 and words[-1].lower() in _CORP_SUFFIXES:
        words = words[:-1]
        if words and words[-1].endswith(","):
            words[-1] = words[-1][:-1]
    return " ".join(words)


def _place_canon(s: str) -> str:
    words = s.split()
    if len(words) > 1 and words[-1].lower() in _PLACE_STRIP:
        words = words[:-1]
    return " ".join(words)


def _strip_owner(name: str) -> str | None:
    """"US Justice Department" -> "Justice Department" when the rest is a known organisation."""
    toks = _tokenize(name)
    # Only the match at the first token is used: _gaz_matches finds each start's match on its own.
    g = _gaz_matches(toks, (0,))[0] if toks else None
    if g is None or g[1][1] not in ("place", "demonym") or g[0] >= len(toks):
        return None
    rest = name[toks[g[0]].ostart:]
    hit = _gaz_lookup(rest)
    if hit is not None and hit[1] == "organisation":
        return hit[0]
    return None


@functools.lru_cache(maxsize=8192)
def canonical_name(name: str, kind: str | None = None) -> str:
    """Canonical form of one name, merging aliases and spelling variants (see module docstring)."""
    s = _clean_name(name)
    if not s:
        return ""
    hit = _gaz_lookup(s)
    if hit is not None and hit[0]:
        return hit[0]
    words = s.split()
    if kind is None:  # the callers in this module pass a kind
        last = _norm_key(words[-1])
        keys = {_norm_key(w) for w in words}
        if len(words) > 1 and (last in _ORG_HEADS or last in _CORP_SUFFIXES or keys & {"of", "for", "&"}):
            kind = "organisation"
        elif len(words) > 1 and last in _PLACE_SUFFIXES:
            kind = "place"
        elif len(words) > 1 and (last in _EVENT_SUFFIXES or _norm_key(words[0]) in _EVENT_PREFIXES):
            kind = "other-event"
        else:
            kind = "person"
    if kind == "organisation":
        out = _org_canon(s)
        owned = _strip_owner(out)
        if owned is not None:
            return owned
    elif kind == "place":
        out = _place_canon(s)
    elif kind == "person" or kind == "other":
        out = _person_canon(s)
    else:
        out = s
    hit = _gaz_lookup(out)
    if hit is not None and hit[0]:
        return hit[0]
    return out


def _first_group(m: re.Match[str]) -> str:
    """``m``'s first group: as a replacement function, three times faster than the template r"\1", which re
    expands in Python at every call."""
    return m.group(1)


@functools.lru_cache(maxsize=4096)
def _loose_token(p: str) -> str:
    p = _NON_ALNUM_RE.sub("", _strip_accents(p).lower())
    if _DOUBLE_RE.search(p) is not None:  # most words have no doubled letter
        p = _DOUBLE_RE.sub(_first_group, p)
    if len(p) >= 4:
        if p.endswith(("iy", "yi", "ij")):
            p = p[:-2] + "y"
        elif p.endswith("ski"):
            p = p[:-1] + "y"
    return p


def _loose_tokens(name: str) -> list[str]:
    out: list[str] = []
    for w in _HYPHEN_RE.sub(" ", name).split():
        k = _loose_token(w)
        if k:
            out.append(k)
    return out


def same_entity(a: str, b: str) -> bool:
    """True when two full names denote the same entity (aliases, spelling and transliteration variants)."""
    ca, cb = canonical_name(a), canonical_name(b)
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    return "".join(_loose_tokens(ca)) == "".join(_loose_tokens(cb))


def _given_parts(text: str) -> int:
    """Number of written words that are not name particles ("de Bretton-Gordon" -> 1)."""
    return sum(1 for w in text.split() if w.lower() not in _PARTICLES)


def resolve_surnames(entities_of_article: Sequence[Entity]) -> dict[str, str]:
    """Map each lone surname (or lone given name) to the one full person name of the article it fits.

    A name is lone when it is written as one word, possibly after particles ("Putin", "Syrskyi",
    "de Bretton-Gordon"); it resolves when exactly one full person name of the article ends (or,
    for surname-first names such as "Kim Jong Un", begins) with the same words.
    """
    fulls: dict[str, str] = {}
    for e in entities_of_article:
        if e.kind == "person" and _given_parts(e.text) >= 2:
            fulls.setdefault("".join(_loose_tokens(e.name)), e.name)
    # Each full name's loose tokens once, not once per lone name (this loop is quadratic otherwise).
    full_tokens = [(full, _loose_tokens(full)) for full in fulls.values()]
    out: dict[str, str] = {}
    for e in entities_of_article:
        if e.kind not in ("person", "other") or e.name in out or _given_parts(e.text) != 1:
            continue
        if _gaz_lookup(e.name) is not None:
            continue
        lone = _loose_tokens(e.name)
        if not lone:
            continue
        k = len(lone)
        cands: set[str] = set()
        for full, ft in full_tokens:
            if len(ft) > k and (ft[-k:] == lone or ft[:k] == lone):
                cands.add(full)
        if len(cands) == 1:
            out[e.name] = cands.pop()
    return out


# ---------------------------------------------------------------------------------------------
# Roles.


def _role_status_office(part: str) -> tuple[str, str, str]:
    """(status, office, qualifier) of one role phrase; status is former/current/future/neutral."""
    toks = _tokenize(part)
    gaz = _gaz_matches(toks)
    status = "current"
    office: list[str] = []
    qual = ""
    k = 0
    while k < len(toks):
        t = toks[k]
        key = t.key
        if t.pre == "ex" or key.startswith("ex-"):
            status = "former"
            key = key.split("-", 1)[1] if key.startswith("ex-") else key
        elif t.pre == "then" or key.startswith("then-"):
            status = "neutral"
            key = key.split("-", 1)[1] if key.startswith("then-") else key
        if key.endswith("-elect") or key.endswith("-designate"):
            status = "future"
            key = key.rsplit("-", 1)[0]
        g = gaz[k]
        if g is not None:
            qual = g[1][0] or qual
            k += g[0]
            continue
        if key in _STATUS_FORMER:
            status = "former"
        elif key in _STATUS_FUTURE:
            status = "future"
        elif key in _STATUS_CURRENT:
            pass
        elif key in _STATUS_NEUTRAL:
            if key == "then":
                status = "neutral"
        elif key in ("a", "an", "the", "his", "her", "its", "their", "our"):
            pass
        elif t.poss or (t.cap and not _is_title(t) and not _is_qualifier(t) and key not in ("of", "for")):
            qual = canonical_name(t.text) if t.cap else key
        elif key:
            office.append(_TITLE_EXPAND.get(key, key))
        k += 1
    text = " ".join(office).replace("chief executive officer", "chief executive")
    return status, text, qual


def role_offices(role: str | None) -> tuple[tuple[str, str, str], ...]:
    """(status, office, qualifier) of each "; "-joined part of a role that names an office."""
    if not role:
        return ()
    parts = (_role_status_office(p) for p in role.split(";") if p.strip())
    return tuple(p for p in parts if p[1])


def role_is_former(role: str | None) -> bool:
    """True when the role (any of its "; "-joined parts) names an office held in the past."""
    if not role:
        return False
    return any(_role_status_office(p)[0] == "former" for p in role.split(";") if p.strip())


def roles_conflict(a: str | None, b: str | None) -> bool:
    """True when a and b give a different status (former/current/future) for the same office."""
    if not a or not b:
        return False
    pa = [_role_status_office(p) for p in a.split(";") if p.strip()]
    pb = [_role_status_office(p) for p in b.split(";") if p.strip()]
    for sa, oa, qa in pa:
        for sb, ob, qb in pb:
            if not oa or oa != ob or (qa and qb and qa != qb):
                continue
            if sa != sb and "neutral" not in (sa, sb):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# The recogniser.

# An emitted entity before it becomes a record: token range (inclusive), canonical name, kind, roles.
_Emit = tuple[int, int, str, str, list[str]]


class _Ctx:
    __slots__ = ("gaz", "n", "out", "pending", "text", "toks")

    def __init__(self, text: str, toks: list[_Tok], starts: Sequence[int] | None = None) -> None:
        self.text = text
        self.toks = toks
        self.n = len(toks)
        self.gaz = _gaz_matches(toks, starts)
        self.out: list[_Emit] = []
        # A role written before a comma waiting for its name: "Russia's Chief of the General Staff, X,".
        self.pending: tuple[int, str] | None = None

    def slice(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start:self.toks[b].end]

    def gap(self, a: int) -> str:
        """Text between token a and token a + 1."""
        if a + 1 >= self.n:
            return self.text[self.toks[a].fend:]
        return self.text[self.toks[a].fend:self.toks[a + 1].ostart]

    def gaz_in(self, k: int, j: int) -> tuple[int, _GazEntry] | None:
        g = self.gaz[k]
        if g is not None and k + g[0] - 1 <= j:
            return g
        return None


def _role_text(ctx: _Ctx, a: int, b: int) -> str:
    """Role words a..b as written (prefix "ex-" included), first status word in lower case."""
    s = " ".join(ctx.text[ctx.toks[a].ostart:ctx.toks[b].end].split())  # _SPACE_RE.sub(" ", x).strip(), faster
    first = ctx.toks[a]
    if (first.key in _STATUS and s[:1].isupper()) or (first.pre and s[:1].isupper()):
        s = s[0].lower() + s[1:]
    return s


_MAX_RUN: Final = 14


def _span_end(ctx: _Ctx, i: int) -> int:
    toks, n = ctx.toks, ctx.n
    j = i
    has_of = False
    has_head = toks[i].key in _ORG_HEADS
    while j + 1 < n:
        t, u = toks[j], toks[j + 1]
        if t.adj or u.num:
            break
        if (t.poss and t.pkey not in _POSS_CONTINUE and t.key not in _POSS_CONTINUE
                and toks[i].key not in ("st", "saint")):
            break
        if not t.glue:
            if t.cap and u.cap and _AMP_GAP_RE.fullmatch(ctx.gap(j)) is not None:
                j += 1
                has_head = True
                continue
            break
        if _capish(u):
            j += 1
            has_head = has_head or u.key in _ORG_HEADS
            continue
        nxt = toks[j + 2] if j + 2 < n else None
        if nxt is None or not u.glue or u.poss:
            break
        if u.key in _PARTICLES and nxt.cap:
            j += 2
            continue
        if u.key in ("of", "for") and (t.key in _CONNECT_HEADS or t.pkey in _CONNECT_HEADS or has_head):
            k = j + 2
            if nxt.key == "the" and nxt.glue and k + 1 < n:
                k += 1
            if toks[k].cap and not toks[k].num:
                has_of = True
                j = k
                has_head = has_head or toks[k].key in _ORG_HEADS
                continue
            break
        if u.key == "on" and t.key in _ON_HEADS and nxt.cap:
            j += 2
            continue
        if u.key == "and" and has_of and nxt.cap and nxt.key in _AND_TOPICS:
            j += 2
            continue
        if u.key == "and" and nxt.cap and j - i < 3 and ctx.gaz[i] is None and _and_org(ctx, j + 2):
            j += 2  # "Justice and Development Party", "Law and Justice Party"
            continue
        break
    # A gazetteer name may reach past the run ("Bosnia and Herzegovina", "Food and Drug Administration").
    k = i
    while k <= j:
        g = ctx.gaz[k]
        if g is not None and k + g[0] - 1 > j:
            j = k + g[0] - 1
        k += 1
    # No name is this long; cutting keeps the work (and the recursion in _classify) bounded.
    return min(j, i + _MAX_RUN - 1)


def _and_org(ctx: _Ctx, k: int) -> bool:
    """True when the capitalised run from token k ends in an organisation head word."""
    toks = ctx.toks
    while k + 1 < ctx.n and toks[k].glue and toks[k + 1].cap and k < ctx.n:
        k += 1
    return toks[k].key in _ORG_HEADS and ctx.gaz[k] is None


def _is_headline(toks: list[_Tok]) -> bool:
    """Title case: every content word capitalised ("Floods Hit the Delta", "North Korea Sends Troops")."""
    caps = 0
    function = 0
    for t in toks:
        if t.num:
            continue
        if t.cap:
            caps += 1
        elif t.key in _HEADLINE_FUNCTION:
            function += 1
        else:
            return False
    return caps >= 4 or (caps >= 3 and function > 0)


def _headline(ctx: _Ctx) -> None:
    i = 0
    while i < ctx.n:
        g = ctx.gaz[i]
        if g is not None and g[1][1] != "demonym":
            ctx.out.append((i, i + g[0] - 1, g[1][0], g[1][1], []))
            i += g[0]
            continue
        i += 1


def _emit_gaz(ctx: _Ctx, a: int, b: int) -> None:
    """Emit the gazetteer places/organisations inside tokens a..b (role words, title-only spans)."""
    k = a
    while k <= b:
        g = ctx.gaz_in(k, b)
        if g is not None:
            if g[1][1] != "demonym":
                ctx.out.append((k, k + g[0] - 1, g[1][0], g[1][1], []))
            k += g[0]
        else:
            k += 1


def _role_prefix(ctx: _Ctx, i: int, j: int) -> tuple[int, bool, list[tuple[int, str]]]:
    """Consume title words at the start of span i..j.

    Returns (first name token, whether a real title was seen, organisations owning the title).
    A country or organisation is part of the role only before a title ("U.S. Secretary of State") or
    after "of" ("President of Ukraine"), never when it is the start of the name ("Rep. Alexandria ...").
    """
    toks = ctx.toks
    k = i
    end = i  # first token after the last word that surely belongs to the role
    has_title = False
    has_role = False
    quals: list[tuple[int, str]] = []
    while k <= j:
        t = toks[k]
        if _is_status(t) and (t.key not in ("new", "late") or (k < j and _is_title(toks[k + 1]))):
            k += 1
            end = k
            continue
        if _is_title(t):
            has_title = True
            if t.key not in _HONORIFICS:
                has_role = True
            k += 1
            end = k
            continue
        g = ctx.gaz_in(k, j)
        if g is not None and k + g[0] - 1 < j:
            after_of = k > i and toks[k - 1].key in ("of", "the", "for") and not toks[k - 1].cap
            k += g[0]
            if after_of:
                end = k
            continue
        if t.cap and _is_qualifier(t) and (k < j or has_title):
            k += 1
            if has_title:
                end = k
            continue
        if t.key in ("of", "the", "for") and not t.cap and has_title and k < j:
            k += 1
            continue
        if t.cap and not t.poss and k < j and _is_title(toks[k + 1]) and not has_title:
            if toks[k + 1].key in _CORPORATE_TITLES:
                quals.append((k, "organisation"))
            k += 1
            continue
        break
    return end, has_title and (has_role or end > i), quals


def _name_ok(ctx: _Ctx, a: int, b: int) -> bool:
    toks = ctx.toks
    if b < a or b - a > 5:
        return False
    first, last = toks[a], toks[b]
    if not (_capish(first) or first.key in _START_PARTICLES):
        return False
    if not _capish(last) or last.key in _NOT_NAME_LAST:
        return False
    for k in range(a, b + 1):
        t = toks[k]
        if not _namey(t) or t.key in _NON_NAME_WORDS:
            return False
        if t.key in _MONTH_SET and not _month_in_name(ctx, a, b, k):
            return False
        if t.ckey in _ACRONYM_STOP_SET and len(t.ckey) > 1 and t.key not in _ROMAN:
            return False
    g = ctx.gaz_in(a, b)
    return g is None or g[1][1] != "demonym"


def _gaz_ending(ctx: _Ctx, k: int) -> int:
    """First token of the leftmost gazetteer match that ends at token k, or -1 (_left_role asks only in
    the few branches that use it, not at every word it walks back over)."""
    gaz = ctx.gaz
    for gs in range(max(0, k - _GAZ_MAXLEN + 1), k + 1):
        g = gaz[gs]
        if g is not None and gs + g[0] - 1 == k:
            return gs
    return -1


def _left_role(ctx: _Ctx, s: int, need_title: bool = True, name_end: int | None = None) -> int | None:
    """Index of the first role word right before token s ("former", "North Korean leader"), if any.

    ``need_title`` is False when s itself starts a title, so a lone "former" or "Apple" counts.
    With ``name_end`` the role may also stand before a comma when the name closes the apposition:
    "the company's chief executive, Jane Smith, said".
    """
    toks = ctx.toks
    k = s - 1
    if k < 0:
        return None
    crossed = False
    if not toks[k].glue:
        if name_end is None or _COMMA_GAP_RE.fullmatch(ctx.gap(k)) is None:
            return None
        after = ctx.gap(name_end)
        if toks[name_end].poss or _APPOS_END_RE.match(after) is None:
            return None
        crossed = True
    start: int | None = None
    has_title = False
    has_of = False
    in_name = False
    while k >= 0:
        t = toks[k]
        if k < s - 1 and not t.glue:
            break
        if t.poss:
            if start is not None or not need_title:
                # The owner closes the role: "Putin's spokesman", "Saudi Arabia's Crown Prince".
                g_start = _gaz_ending(ctx, k)
                start = g_start if g_start >= 0 else k
            break
        if (t.key == "and" and not t.cap and (start is not None or not need_title)
                and toks[s if start is None else start].cap and k > 0
                and toks[k - 1].cap and toks[k - 1].glue):
            k -= 1  # "Health and Human Services Secretary"
            continue
        if in_name:
            if (g_start := _gaz_ending(ctx, k)) >= 0:
                start, k = g_start, g_start - 1
                continue
            if t.cap and not (t.init and t.key in _STOP_SET):
                start = k
                k -= 1
                continue
            break
        if _is_title(t):
            has_title = has_title or t.key not in _HONORIFICS
            start = k
            k -= 1
            continue
        if _is_qualifier(t) or _is_status(t):
            start = k
            k -= 1
            continue
        if t.key in ("of", "the") and not t.cap and (start is not None or crossed):
            # "head of the", "ex-president of Brazil": a title must precede the "of".
            p = k - 1
            while p >= 0 and toks[p].glue and toks[p].key in ("of", "the") and not toks[p].cap:
                p -= 1
            if p >= 0 and toks[p].glue and _is_title(toks[p]):
                has_of = True
                k = p
                continue
            break
        if (start is not None or crossed) and (g_start := _gaz_ending(ctx, k)) >= 0:
            # A demonym, country or organisation: "North Korean leader", "president of Brazil".
            start, k = g_start, g_start - 1
            continue
        if (t.cap and start is not None and k + 1 < ctx.n
                and (_is_title(toks[k + 1]) or _is_qualifier(toks[k + 1]))
                and not (t.init and t.key in _STOP_SET)):
            in_name = True  # an organisation owning the title: "Manchester United manager"
            start = k
            k -= 1
            continue
        break
    if start is None or (need_title and not has_title):
        return None
    if crossed and not (has_title and (has_of or _is_title(toks[s - 1]) or _is_qualifier(toks[s - 1]))):
        return None
    while start < s and toks[start].key in ("of", "the", "and", "for") and not toks[start].cap:
        start += 1
    return start if start < s else None


def _appositive(ctx: _Ctx, b: int) -> str | None:
    """Role in an appositive after a name: "X, a former British Army tank commander, said"."""
    toks, n = ctx.toks, ctx.n
    # A glued token's gap is whitespace only, so no comma (most names: "Smith said"): no slice, no regex.
    if toks[b].poss or b + 1 >= n or toks[b].glue or _COMMA_GAP_RE.fullmatch(ctx.gap(b)) is None:
        return None
    m = b + 1
    if toks[m].num and m + 1 < n and _COMMA_GAP_RE.fullmatch(ctx.gap(m)) is not None:
        m += 1  # age: "Jane Smith, 45, a nurse"
    first = toks[m]
    g = ctx.gaz[m]
    if not (first.key in _APPOS_START or _is_title(first) or _is_status(first) or _is_qualifier(first)
            or first.poss or (g is not None and first.cap)):
        return None
    e = m
    role_seen = False
    stop_ok = False
    while e < n and e - m < 14:
        t = toks[e]
        if not t.cap and t.key in _APPOS_STOP:
            stop_ok = t.key in ("who", "which", "that", "whose")
            e -= 1
            break
        if t.key in _ROLE_NOUNS or (_is_title(t) and t.key not in _HONORIFICS):
            role_seen = True
        if not t.glue or e + 1 >= n:
            break
        e += 1
    else:
        return None
    if e < m or not role_seen:
        return None
    # The head noun (before any "of"/"in"/"at" phrase) must be the role: not "General news".
    head = e
    for x in range(m, e + 1):
        if not toks[x].cap and toks[x].key in _APPOS_PREPS:
            head = x - 1
            break
    if head < m or not (toks[head].key in _ROLE_NOUNS or (_is_title(toks[head])
                                                        and toks[head].key not in _HONORIFICS)):
        return None
    if not stop_ok:
        after = ctx.text[toks[e].fend:toks[e + 1].ostart] if e + 1 < n else ctx.text[toks[e].fend:]
        if _APPOS_END_RE.match(after) is None:
            return None
    if toks[e].poss:
        return None
    a = m
    while a <= e and toks[a].key in ("a", "an", "the"):
        a += 1
    if a > e:
        return None
    return " ".join(ctx.text[toks[a].ostart:toks[e].end].split())  # _SPACE_RE.sub(" ", x).strip(), faster


def _emit_person(ctx: _Ctx, role_start: int, a: int, b: int, inspan_role: str | None) -> None:
    """Emit a person named by tokens a..b; role words may begin at role_start (< a) inside the span."""
    roles: list[str] = []
    left = _left_role(ctx, role_start, need_title=not inspan_role, name_end=b)
    if left is not None:
        end_tok = a - 1 if inspan_role else role_start - 1
        roles.append(_role_text(ctx, left, end_tok))
    elif inspan_role:
        roles.append(inspan_role)
    if ctx.pending is not None and ctx.pending[0] == role_start:
        roles.insert(0, ctx.pending[1])
    ctx.pending = None
    app = _appositive(ctx, b)
    if app and app not in roles:
        roles.append(app)
    ctx.out.append((a, b, canonical_name(ctx.slice(a, b), "person"), "person", roles))


def _next_word(ctx: _Ctx, b: int) -> _Tok | None:
    if b + 1 < ctx.n and ctx.toks[b].glue:
        return ctx.toks[b + 1]
    return None


def _place_context(ctx: _Ctx, a: int, b: int) -> bool:
    """True when the words around a..b say it is a place: "in X", "the X region", "city of X"."""
    toks = ctx.toks
    nxt = _next_word(ctx, b)
    if nxt is not None and not nxt.cap and nxt.key in _PLACE_TYPE_AFTER and not toks[b].poss:
        return True
    if a == 0 or not toks[a - 1].glue:
        return False
    prev = toks[a - 1]
    if prev.key == "of" and a >= 2 and toks[a - 2].glue and toks[a - 2].key in _PLACE_NOUNS_BEFORE:
        return True
    if prev.key == "capital" and not prev.cap:
        return True
    if prev.key in _PLACE_PREPOSITIONS and prev.key != "at" and not prev.cap and not toks[b].poss:
        if a >= 2 and toks[a - 2].glue and toks[a - 2].key in _IN_NOT_PLACE:
            return False  # "shares in Safaricom", "confidence in Smith"
        return nxt is None or nxt.cap or nxt.key in _AFTER_PLACE_OK
    return False


def _strip_opening(t: _Tok) -> bool:
    """An ordinary word capitalised only because it opens the sentence ("However", "Despite", "Loading")."""
    if _is_title(t) or _is_status(t):
        return False
    key = t.key
    return key in _STOP_SET or (len(key) >= 7 and key.endswith("ing")) or _looks_plural_noun(key)


def _classify(ctx: _Ctx, i: int, j: int, init: bool | None = None) -> None:
    """Classify the capitalised run of tokens i..j and emit its entities.

    ``init`` says whether token i opens the sentence (default: as the tokenizer saw it); it stays
    true after an opening word is dropped, so "Share This Article" yields nothing.
    """
    if i > j:
        return
    toks = ctx.toks
    first = toks[i]
    opening = first.init if init is None else init
    # Whole run is a known name (ctx.gaz_in(i, j) ending at j, without the call).
    g = ctx.gaz[i]
    if g is not None and i + g[0] - 1 == j:
        if g[1][1] == "demonym":
            return
        if (opening and g[0] == 1 and first.key in _COMMON_WORD_ORGS and not first.poss
                and not _speech_after(ctx, j)):
            return
        ctx.out.append((i, j, g[1][0], g[1][1], []))
        return
    # Title + name: "former U.S. President Donald Trump", "Gen. Oleksandr Syrskyi", "Apple CEO Tim Cook".
    # _role_prefix sets has_title only at a title word, and on one token (i == j) each of its other branches
    # that moves on needs a token after it or a title before: one token that is no title never takes this path.
    if j > i or _is_title(first):
        k, has_title, quals = _role_prefix(ctx, i, j)
        if has_title and k > i:
            has_of = any(toks[x].key == "of" for x in range(i, j + 1))
            if k <= j and _name_ok(ctx, k, j):
                for q, kind in quals:
                    ctx.out.append((q, q, canonical_name(toks[q].text, kind), kind, []))
                _emit_gaz(ctx, i, k - 1)
                honor_only = all(toks[x].key in _HONORIFICS for x in range(i, k) if _is_title(toks[x]))
                _emit_person(ctx, i, k, j, None if honor_only else _role_text(ctx, i, k - 1))
                return
            if k > j and (has_of or toks[j].key not in _ORG_HEADS):
                # Only role words: "the U.S. President said", "Russia's Chief of the General Staff, X".
                _emit_gaz(ctx, i, j)
                if _COMMA_GAP_RE.fullmatch(ctx.gap(j)) is not None and j + 1 < ctx.n and toks[j + 1].cap:
                    left = _left_role(ctx, i, need_title=False)
                    if left is None and i > 0 and toks[i - 1].poss and toks[i - 1].glue:
                        left = i - 1  # the owner: "Russia's Chief of the General Staff"
                    ctx.pending = (j + 1, _role_text(ctx, left if left is not None else i, j))
                return
    # Ordinary capitalised word opening a sentence, or a leading "The".
    if (opening and _strip_opening(first)) or first.key == "the":
        if j > i:  # else nothing is left: _classify(ctx, i + 1, i) returns at once
            _classify(ctx, i + 1, j, opening and first.key in _CARRY_OPENING)
        return
    # Months, weekdays, "I", unit acronyms and capitalised function words ("Log In") split a run.
    for x in range(i, j + 1):
        t = toks[x]
        if (t.key in _MONTH_SET and not _month_in_name(ctx, i, j, x)) or t.text == "I" or (
                t.upper and t.ckey in _ACRONYM_STOP_SET) or (x > i and t.cap and t.key in _CAP_FUNCTION):
            if j > i:
                _classify(ctx, i, x - 1, opening)
                _classify(ctx, x + 1, j, False)
            return
    if j > i:
        _classify_multi(ctx, i, j, opening)
    else:
        _classify_single(ctx, i, opening)


def _month_in_name(ctx: _Ctx, i: int, j: int, x: int) -> bool:
    """A month word that is part of a name: "Theresa May", "Jan Egeland", "April Ryan" (not "May 2019")."""
    toks = ctx.toks
    if _next_is_num(ctx, x):
        return False
    if x > i and toks[x - 1].cap and _namey(toks[x - 1]):
        return True
    return (x == i and x < j and toks[x].key in _NAME_MONTHS and toks[x + 1].cap
            and toks[x + 1].key not in _MONTH_SET
            and not (x > 0 and toks[x - 1].glue and toks[x - 1].key in _DATE_WORDS))


def _looks_plural_noun(key: str) -> bool:
    """A sentence-opening word shaped like a plural noun ("Investigators said"), not a surname."""
    return key.endswith(("ists", "ians", "ants", "ents", "ials", "ees", "ives", "ities", "gists", "cians"))


def _next_is_num(ctx: _Ctx, x: int) -> bool:
    return x + 1 < ctx.n and ctx.toks[x + 1].num


def _speech_after(ctx: _Ctx, b: int) -> bool:
    nxt = _next_word(ctx, b)
    return nxt is not None and not nxt.cap and nxt.key in _SPEECH_VERBS


def _core_end(ctx: _Ctx, i: int, j: int) -> int:
    """Last token of a run ignoring numerals and name suffixes ("World War II", "Hamilton Jr.")."""
    while j > i and (ctx.toks[j].key in _ROMAN or ctx.toks[j].key in _NAME_SUFFIXES):
        j -= 1
    return j


def _classify_multi(ctx: _Ctx, i: int, j: int, opening: bool) -> None:
    toks = ctx.toks
    text = ctx.slice(i, j)
    last = toks[_core_end(ctx, i, j)].key
    first = toks[i].key
    # One pass: the keys, the first lower-case "of"/"for" and whether a gap other than whitespace
    # ("Johnson & Johnson", "Procter & Gamble") parts two tokens (the last token's gap is outside the run).
    keys: list[str] = []
    conn: int | None = None
    amp = False
    for x in range(i, j + 1):
        t = toks[x]
        keys.append(t.key)
        if conn is None and not t.cap and t.key in ("of", "for"):
            conn = x
        if not t.glue and x < j:
            amp = True
    if amp or last in _ORG_HEADS or last in _CORP_SUFFIXES or (conn is not None
                                                        and toks[conn - 1].key in _ORG_HEADS):
        ctx.out.append((i, j, _owned_org_name(ctx, i, text), "organisation", []))
        return
    if first in _ORG_PREFIXES:
        ctx.out.append((i, j, canonical_name(text, "organisation"), "organisation", []))
        return
    if last in _PLACE_SUFFIXES or first in _PLACE_PREFIXES:
        ctx.out.append((i, j, canonical_name(text, "place"), "place", []))
        return
    if last in _EVENT_SUFFIXES or first in _EVENT_PREFIXES:
        ctx.out.append((i, j, _clean_name(text), "other", []))
        return
    if any(k in _ORG_HEADS for k in keys[1:]):
        ctx.out.append((i, j, _owned_org_name(ctx, i, text), "organisation", []))
        return
    if conn is not None:
        # "of" that did not make an organisation name: treat the parts separately.
        _classify(ctx, i, conn - 1)
        nxt = conn + 1
        while nxt <= j and toks[nxt].key == "the" and not toks[nxt].cap:
            nxt += 1
        _classify(ctx, nxt, j)
        return
    # Segment by the gazetteer.
    segs: list[tuple[int, int, _GazEntry | None]] = []
    x = i
    while x <= j:
        g = ctx.gaz_in(x, j)
        if g is not None:
            segs.append((x, x + g[0] - 1, g[1]))
            x += g[0]
        else:
            segs.append((x, x, None))
            x += 1
    if segs[0][2] is not None and segs[0][2][1] == "demonym":
        # "Russian Vladimir Putin": the adjective is not part of the name.
        _classify(ctx, segs[0][1] + 1, j)
        return
    known = [s for s in segs if s[2] is not None]
    if known and len(known) == len(segs):
        for a, b, e in segs:
            if e is not None and e[1] != "demonym":
                ctx.out.append((a, b, e[0], e[1], []))
        return
    if known:
        a0, _, e0 = segs[0]
        if e0 is not None and toks[a0].upper:
            # "US Steel", "UN Women", "BBC Verify": an acronym naming the owner of what follows.
            ctx.out.append((i, j, canonical_name(text, "organisation"), "organisation", []))
            return
        single_word_place = all(e is None or b - a == 0 for a, b, e in segs)
        if single_word_place and len(segs) <= 4 and _name_ok(ctx, i, j) and not _place_context(ctx, i, j):
            _emit_person(ctx, i, i, j, None)  # "Michael Jordan", "Chad Smith", "Paris Hilton"
            return
        for a, b, e in segs:
            if e is not None:
                if e[1] != "demonym":
                    ctx.out.append((a, b, e[0], e[1], []))
            else:
                _classify(ctx, a, b)
        return
    if toks[i].upper and not toks[i].text.endswith("."):
        ctx.out.append((i, j, canonical_name(text, "organisation"), "organisation", []))
        return
    if _name_ok(ctx, i, j) and j - i <= 4:
        if _place_context(ctx, i, j) and not _speech_after(ctx, j):
            ctx.out.append((i, j, canonical_name(text, "place"), "place", []))
        else:
            _emit_person(ctx, i, i, j, None)
        return
    if opening or any(k in _NON_NAME_WORDS for k in keys):
        return  # "Upvote Downvote", "Privacy Policy": title-case page furniture
    ctx.out.append((i, j, _clean_name(text), "other", []))


def _owned_org_name(ctx: _Ctx, i: int, text: str) -> str:
    """Canonical organisation name, owner country included.

    "South Korea's Unification Ministry" -> "South Korean Unification Ministry".
    """
    name = canonical_name(text, "organisation")
    toks = ctx.toks
    if i == 0 or not toks[i - 1].poss or not toks[i - 1].glue or ctx.gaz[i] is not None:
        return name
    for gs in range(max(0, i - _GAZ_MAXLEN), i):
        g = ctx.gaz[gs]
        if g is not None and gs + g[0] == i and g[1][1] == "place":
            dem = _DEMONYM_OF.get(g[1][0])
            if dem:
                return dem + " " + name
    return name


def _classify_single(ctx: _Ctx, i: int, opening: bool) -> None:
    toks = ctx.toks
    t = toks[i]
    key = t.key
    if t.ckey in _ACRONYM_STOP_SET:
        return
    if t.upper and len(t.ckey) >= 2 and "." not in t.text:
        if (len(t.ckey) > 6 or (t.init and not t.poss and len(t.ckey) > 5) or "-" in t.ckey
                or _next_is_num(ctx, i) or (i > 0 and toks[i - 1].num and toks[i - 1].glue)):
            return  # shouting, "D-N.Y.", model numbers such as "737 MAX 9"
        ctx.out.append((i, i, t.text, "organisation", []))
        return
    if (key in _MONTH_SET or (key in _STOP_SET and t.init) or _is_title(t) or _is_qualifier(t)
            or key in _ORG_HEADS or key in _PLACE_SUFFIXES or key in _EVENT_SUFFIXES or key in _HONORIFICS
            or t.text == "I" or len(t.text) < 2 or key in _STATUS):
        return
    # No character is both a letter and a digit (str.isalpha and isdigit take disjoint Unicode categories):
    # a key of letters only (most) skips the per-character digit test.
    if key in _NON_NAME_WORDS or (not key.isalpha() and any(c.isdigit() for c in key)):
        return
    if opening and not t.poss:
        app = _appositive(ctx, i)
        if app or (_speech_after(ctx, i) and not _looks_plural_noun(key)):
            _emit_person(ctx, i, i, i, None)
        elif _name_before_comma(ctx, i) or _name_pair(ctx, i):
            ctx.out.append((i, i, canonical_name(t.text, "other"), "other", []))
        return
    if _place_context(ctx, i, i):
        ctx.out.append((i, i, canonical_name(t.text, "place"), "place", []))
        return
    left = _left_role(ctx, i, name_end=i)
    app = None if t.poss else _appositive(ctx, i)
    pending = ctx.pending is not None and ctx.pending[0] == i
    if left is not None or app or pending or _speech_after(ctx, i):
        _emit_person(ctx, i, i, i, None)
        return
    if (i > 0 and toks[i - 1].num and toks[i - 1].glue) or (_next_is_num(ctx, i) and key in _NUMBERED_NOUNS):
        return  # "20 Points", "Article 4" (but "Chelsea 2-1" stays)
    ctx.out.append((i, i, canonical_name(t.text, "other"), "other", []))


def _name_pair(ctx: _Ctx, i: int) -> bool:
    """"Zelensky and Putin met": an opening word joined by "and" to another capitalised word."""
    toks = ctx.toks
    key = toks[i].key
    if key.endswith(("ly", "ed", "ing")) or key in _STOP_SET or _looks_plural_noun(key):
        return False
    return (i + 2 < ctx.n and toks[i].glue and toks[i + 1].key in ("and", "or") and not toks[i + 1].cap
            and toks[i + 1].glue and toks[i + 2].cap and toks[i + 2].key not in _STOP_SET)


def _name_before_comma(ctx: _Ctx, i: int) -> bool:
    """"Putin, in a statement, ...": an opening word followed by a comma and a lower-case aside."""
    t = ctx.toks[i]
    key = t.key
    if (key.endswith(("ly", "ed", "ing")) or key in _STOP_SET or key in _OPENING_ADVERBS
            or _looks_plural_noun(key)):
        return False
    if i + 1 >= ctx.n or t.glue or _COMMA_GAP_RE.fullmatch(ctx.gap(i)) is None:  # glued: whitespace only
        return False
    nxt = ctx.toks[i + 1]
    return nxt.num or (not nxt.cap and nxt.key in ("in", "who", "whose", "speaking", "writing", "asked",
                                                    "meanwhile", "however", "though", "according", "for",
                                                    "too", "also", "like", "unlike", "as"))


def _can_start(t: _Tok, nxt: _Tok | None) -> bool:
    if t.num:
        return False
    if t.cap:
        return True
    if _capish(t):
        return True
    return t.key in _START_PARTICLES and t.glue and nxt is not None and nxt.cap


def _alias_acronyms(ctx: _Ctx) -> None:
    """An acronym defined in brackets takes the name it abbreviates.

    "Federal Aviation Administration (FAA)": the FAA entity is named "Federal Aviation Administration".
    """
    out = ctx.out
    for n in range(len(out) - 1):
        a, b, name, kind, _ = out[n]
        x, y, _, _, roles2 = out[n + 1]
        if x != y or kind not in ("organisation", "place") or b - a < 1:
            continue
        acro = ctx.toks[x]
        if not acro.upper or _OPEN_PAREN_RE.fullmatch(ctx.gap(b)) is None or not ctx.gap(x).startswith(")"):
            continue
        initials = "".join(ctx.toks[k].text[0] for k in range(a, b + 1) if ctx.toks[k].cap).upper()
        letters = acro.ckey.upper()
        if len(letters) >= 2 and letters[0] == initials[:1] and _subsequence(letters, initials):
            out[n + 1] = (x, y, name, kind, roles2)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def find_entities(text: str, base: int = 0) -> tuple[Entity, ...]:
    """People, organisations, places and other names in one sentence (see module docstring)."""
    if not _may_hold_names(text):
        return ()
    return _recognise(text, base, *_scan(text))


# Sentences tokenised together before they are recognised (see find_entities_each). Every token is an object
# the garbage collector tracks: the tokens of more sentences alive at once start its collections more often
# (and move more objects to older generations), which costs more than the longer batches gain.
_BATCH: Final = 4


def find_entities_each(sentences: Sequence[Sentence]) -> list[tuple[Entity, ...]]:
    """``find_entities(s.text, s.start)`` for each sentence, in order.

    A few sentences at a time are tokenised first and recognised after: a loop that runs one of the two
    steps several times keeps its code in the processor's caches, which makes an article's entities about
    5-10% faster to find than with one call per sentence."""
    out: list[tuple[Entity, ...]] = []
    for lo in range(0, len(sentences), _BATCH):
        batch = sentences[lo:lo + _BATCH]
        scans = [_scan(s.text) if _may_hold_names(s.text) else None for s in batch]
        out += [
            () if scan is None else _recognise(s.text, s.start, *scan) for s, scan in zip(batch, scans, strict=True)
        ]
    return out


def _may_hold_names(text: str) -> bool:
    # Every name starts with a capital: "officials", "the ministry" hold none.
    if not text or text.islower():
        return False
    # Nor, mostly, does a sentence whose only capital opens it ("It was ...", "Revenue rose ...": a third of
    # news sentences). The recogniser acts only on capitalised tokens (a lower-case particle or "al-" prefix
    # starts a name only before or with a capital), so it classifies just that word, alone, as a sentence
    # opener: a word that is no gazetteer name (nor the start of one here) and no title makes an entity
    # only when a comma or a speech verb follows it ("Smith, 45, ...", "Smith said"), and a word of
    # _DEAD_OPENERS ("It", "The", "Investigators") never does. The word must be the regex's whole first
    # token: no full stop, apostrophe or hyphen after it changes its key or flags.
    m = _OPENER_RE.match(text)
    if m is None or not text[m.end():].islower():
        return True
    key = m[1].lower()
    if key in _GAZ_CI or key in _TITLE_SET:
        return True
    nxt = _NEXT_WORD_RE.match(text, m.end())
    if key in _GAZ_FIRST and (nxt is None or f"{key} {nxt[1]}" in _GAZ_PAIRS):
        return True  # "The hague", matched in any case
    if key in _DEAD_OPENERS or _looks_plural_noun(key) or (len(key) >= 7 and key.endswith("ing")):
        return False
    return nxt is None or nxt[1] in _SPEECH_VERBS


_FIRST: Final = operator.itemgetter(0)  # a sort key in C: faster than a lambda


def _recognise(text: str, base: int, toks: list[_Tok], starts: list[int]) -> tuple[Entity, ...]:
    """The entities of ``text``, whose tokens are ``_scan(text)``."""
    if not toks:
        return ()
    ctx = _Ctx(text, toks, starts)
    if _is_headline(toks):
        _headline(ctx)
    else:
        n = ctx.n
        after = 0  # first token not yet inside a classified run
        for i in starts:  # every other token is a number or an ordinary lower-case word
            if i < after:
                continue
            t = toks[i]
            if t.num or (not t.cap and t.key not in _START_PARTICLES and "-" not in t.key):
                continue
            # _can_start is true for a capitalised token that is no number (tested above): most starts.
            if not t.cap and not _can_start(t, toks[i + 1] if i + 1 < n else None):
                continue
            j = _span_end(ctx, i)
            _classify(ctx, i, j)
            after = j + 1
    if len(ctx.out) > 1:
        ctx.out.sort(key=_FIRST)
    if len(ctx.out) > 1:  # _alias_acronyms pairs neighbouring entities
        _alias_acronyms(ctx)
    result: list[Entity] = []
    last_end = -1
    for a, b, name, kind, roles in ctx.out:
        start, end = toks[a].start, toks[b].end
        if start < last_end or end <= start or not name:
            continue
        role = ("; ".join(dict.fromkeys(r for r in roles if r)) or None) if roles else None
        # Positional (start, end, text, name, kind, role): keywords make a frozen record 1.7x slower to build.
        result.append(Entity(base + start, base + end, text[start:end], name, kind, role))
        last_end = end
    return tuple(result)
