"""Page-furniture removal for scraped news text.

Input: one article as plain text (a scraped ``.txt``, markdown converted to text, or the main text
trafilatura extracted from HTML), plus the title and author when metadata knows them.
Output: :class:`Cleaned` — the body as paragraphs joined by a blank line (each NFC-normalised with
inner whitespace collapsed), the headline, author and dateline when the text carries them, the
outlet when a byline names it and the masthead or copyright line repeats it, and
every removed input line as a :class:`~generator.records.DroppedLine` naming the rule (one of
:data:`REASONS`). Nothing goes silently: each non-empty input line ends up in a kept paragraph or
in ``dropped``; a dateline is both (its prefix is listed, the rest of its line is kept). Lines are
split at ``\\n``, ``\\r\\n`` and ``\\r`` and numbered from 1.

How it decides, in order:

1. Lines become blocks. A hard-wrapped paragraph (lines cut at a fixed width, or cut mid-sentence)
   is one block; otherwise each line is one block.
2. Content rules that need no context: interface vocabulary, counters, timestamps, tag lists,
   credits and trailers, links, copyright lines, tickers, menus, separators. Labels strung
   together by bars, dots or runs of two or more spaces are judged one by one; a short command
   aimed at the reader about the outlet's own product ("Download the X app", "Watch live") is
   interface text and never the headline.
3. Identity: the headline (first non-furniture block, or the one matching ``known_title``), the
   byline (explicit forms anywhere; a lone name or role only just under the headline), and every
   later copy of them or of any other block.
4. Position: the body runs from the first to the last *strong* paragraph (a sentence of eight
   words or more, or any block of twenty). Short unpunctuated lines before it, and any after it,
   are furniture (a longer line above the body is a standfirst and stays); inside it, short ones
   are kept as subheadings when body text follows them, and list items stay.
   A "Comments", "Related" or "Most read" marker inside the body ends it, unless three body
   paragraphs in a row follow (then it was an inline widget and only the widget goes); numbered or
   bulleted headlines after the marker belong to its list, and dates there belong to comments or
   linked stories. A date line above or below the body is a timestamp even if it ends with "p.m.".
5. Author bios: read from the end upwards, paragraphs about a writer ("<byline author> is/covers
   …", any paragraph naming the byline author with a role or "written by", or "<Name> is
   <Outlet>'s <role>" / "<Name> is a <role> at <Outlet>") are dropped, stepping over leftover
   labels, until the first other sentence, which ends the story.

Sentences are protected: a punctuated line is dropped only by an explicit rule (the site speaking
or a call to action with interface words, a credit or trailer, a copy of an earlier paragraph, a
comment section). A sentence that merely says "you" near interface words ("If you think your
account was hacked, change your password.") is advice a story may give: it goes only outside the
body and next to other furniture. Calls to action written as ordinary sentences ("For more
context, you can read ...") stay: judging whether a sentence is a claim is the claims stage's
job, and a lost body sentence costs more than a kept call to action.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from generator.records import DroppedLine

__all__ = ["REASONS", "Cleaned", "Paragraphs", "clean_article", "is_story_paragraph"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


REASONS: Final = (
    "title", "repeated title", "byline", "repeated byline", "dateline", "interface", "counter",
    "timestamp", "tag list", "credit", "link", "copyright", "navigation", "ticker", "separator",
    "repeated line", "comment section", "related links", "short line", "after body", "author bio",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The article body and what was taken off it."""

    text: str
    dropped: tuple[DroppedLine, ...]
    title: str | None
    author: str | None
    dateline: str | None
    outlet: str | None = None  # named in a byline and again in the masthead or copyright line


# --- vocabulary ---------------------------------------------------------------------------------

# Words that carry no content of their own; ignored when judging whether a line is all interface.
_FUNCTION: Final = _wordset(
    "a an the to of on in for and or this that these those our us your you yours with by all no not "
    "now up out at it its me my we is are be from via here there as into off about so any other if "
    "than then will can do don't it's per"
)
_WH: Final = _wordset("what why how who when where which whose whom")
# Units and labels that sit next to numbers in counters; neutral, neither interface nor content.
_NEUTRAL: Final = _wordset(
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month "
    "months year years ago times k m"
)
_UI: Final = _wordset(
    """share shares shared sharing tweet retweet email e-mail mail print comment comments commenting
    reply replies respond vote votes upvote upvotes downvote downvotes like likes dislike follow
    followers following unfollow subscribe subscribed subscriber subscribers subscription
    subscriptions unsubscribe newsletter newsletters login logout log logged sign signing signup
    register registration password passwords forgot forgotten reset account accounts profile
    settings preferences cookie cookies privacy policy terms conditions use advertisement
    advertisements advert adverts advertise advertising ad ads sponsored sponsor promoted loading
    load more read related recommended trending popular next previous prev post posts skip content
    main menu search home back top collection collections add added remove save saved bookmark
    bookmarks copy copied link links facebook twitter x instagram whatsapp linkedin pinterest reddit
    telegram youtube tiktok flipboard messenger bluesky mastodon rss feed close open toggle
    navigation contact faq help donate accept reject decline agree manage consent continue cancel
    submit send enter leave view views show hide expand watch listen play video videos audio
    podcast podcasts gallery photos image images source sources page pages click tap download app
    apps archive archives sitemap permalink notifications notification alerts quote quotes report
    article articles story stories coverage edit published updated posted discussion conversation
    thread topics topic tags tag category categories language edition upgrade premium paywall
    restack website site login/register signin sign-in sign-up log-in feedback points"""
)
_SECTION: Final = _wordset(
    """news world uk us u.s business politics sport sports opinion culture arts lifestyle life style
    entertainment health science tech technology travel weather video videos live local national
    international markets economy money finance climate environment education food music film
    movies tv books fashion games gaming crime features analysis podcasts newsletters obituaries
    investigations asia europe africa americas australia india china latest breaking home shop
    jobs magazine photos multimedia topics sections more puzzles crosswords cars autos property
    home-page"""
)
_IMPERATIVE: Final = _wordset(
    """enter click tap sign subscribe log login register download follow join share read watch
    listen support donate please get create visit check become try start learn find contact send
    scroll accept reject manage upgrade unlock continue don't never save add leave tell let stay
    go sign-up thanks thank"""
)
_STRONG_UI: Final = re.compile(
    r"\bpass(?:word|code)s?\b|\bforgot(?:ten)?\b|\blog(?:ged)?[- ]?(?:in|out)\b|\blogin\b"
    r"|\bsign(?:ing)?[- ]?(?:in|up|out)\b|\bsignup\b|\bnewsletters?\b|\bsubscri(?:be|ption)\b"
    r"|\bcookies?\b|\bprivacy (?:policy|notice|settings|statement)\b"
    r"|\bterms (?:of|and) (?:use|service|conditions)\b|\badvertis(?:ement|ing)\b|\bsponsored\b"
    r"|\bskip to\b|\bback to top\b|\bleave a (?:reply|comment)\b|\brequired fields\b"
    r"|\bemail address\b|\ball rights reserved\b|\b(?:up|down)vote\b|\bcollections?\b|\bbookmark"
    r"|\bloading\b|\bjavascript\b|\bbrowser\b|\bad[- ]?blocker\b|\binbox\b|\bnotifications?\b"
    r"|\baccept (?:all|cookies)\b|\breject all\b|\bmanage (?:preferences|cookies|settings|consent)\b"
    r"|\byour (?:account|profile|subscription|comment|vote|email|details|preferences)\b"
    r"|\bcomments? (?:below|section)\b|\bin the comments\b|\bread more\b|\bcontinue reading\b"
    r"|\b(?:click|tap) here\b|\bshare (?:this|on|via)\b|\bfollow us\b|\bemail this\b|\bprint this\b"
    r"|\badd to\b|\bcopy link\b|\blink copied\b|\baffiliate (?:link|commission)|\bwe (?:may )?earn\b"
    r"|\bpaywall\b|\bfree trial\b|\bad[- ]free\b|\bcreate (?:an|a free) account\b"
    r"|\balready (?:a subscriber|have an account|registered)\b"
    r"|\bthanks? (?:you )?for (?:reading|subscribing|signing up|visiting|your support)\b"
    r"|^(?:sponsored|presented|brought to you|powered) by\b",
    re.I,
)
_SOFT: Final = "interface?"  # a content verdict that position confirms or overrules; never a reason
_YOU: Final = _wordset("you your yours yourself yourselves you're you'll you've you'd")
_SITE_WORDS: Final = _wordset("we we'll us our this by thanks thank")  # cheap pre-test for _SITE_VOICE
# The site speaking about itself; a plain "we" is too common in outlet-voice reporting to count.
_SITE_VOICE: Final = re.compile(
    r"\bwe(?:['\u2019]ll| will| may)? (?:use|earn|send)\b|\bus on\b|\bthis (?:site|website|page)\b"
    r"|\bour (?:newsletters?|site|website|app|journalism|privacy|terms|cookies?|partners|community|readers"
    r"|subscribers|mailing list)\b|\bby (?:continuing|clicking|using|signing)\b|\bthanks? (?:you )?for\b",
    re.I,
)
# What turns an imperative into a call to action rather than a sentence that starts with a verb.
_CTA: Final = re.compile(r"\b(?:here|now|today|below|free|link|our|us)\b|https?://|www\.", re.I)
# A short command telling the reader to use the outlet itself ("Download the NewsNine app", "Watch
# live", "Follow us on X", "Get breaking news alerts"): the verb opens the line and its object is the
# outlet's product. A headline may open with the same verbs ("Follow the money", "Listen to the
# victims, bishop urges") but names no such product.
_UI_COMMAND_VERB: Final = re.compile(
    r"^(?:download|install|subscribe|sign\s+up|sign\s+in|log\s+in|register|follow|watch|listen|stream"
    r"|get|join|try|add|turn\s+on|enable|tune\s+in|catch\s+up|read)\b",
    re.I,
)
_UI_PRODUCTS: Final = _wordset(
    """app apps us our newsletter newsletters podcast podcasts channel channels alerts alert
    notifications live now free here today updates feed edition e-paper epaper episode episodes
    radio tv stream livestream playlist weeks months trial digital premium"""
)
MAX_COMMAND_WORDS: Final = 10
_REPORTED: Final = re.compile(
    r"\b(?:said|says|say|told|tells|according to|added|stated|warned|urged|urges|urge|explained"
    r"|wrote|announced|claimed|insisted|asked|advised|advises|demanded|reported)\b",
    re.I,
)

_MONTHS: Final = _wordset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december"""
)
_WEEKDAYS: Final = _wordset(
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday"
)
_TIMEZONES: Final = _wordset(
    """gmt utc bst cet cest eet eest est edt cst cdt mst mdt pst pdt et pt ct mt ist jst kst aest
    aedt acst awst hkt sgt wib msk sast wat eat cat nzst nzdt"""
)
_STAMP_WORDS: Final = _wordset("updated published posted modified created edited")
_DATE_FILLER: Final = _wordset("am pm a.m p.m at on of the just now today yesterday an a last first date time local")
_NUMERIC_DATE: Final = re.compile(
    r"^\d{1,4}(?:st|nd|rd|th|h|[:./\-]\d{1,4}(?:[:./\-]\d{1,4})?(?:t[\d:.]+(?:z|[+\-]\d{2}:?\d{2})?)?)?$"
)
_AGENCY_CORE: Final = _wordset(
    """ap afp reuters getty epa efe epa-efe shutterstock bloomberg xinhua yonhap aap anadolu sopa
    nurphoto zuma alamy sipa tass dpa upi ani pti ians ansa kyodo associated"""
)
_AGENCY_WORDS: Final = _AGENCY_CORE | _wordset(
    "images press via file photo photos pool handout the media pa wire agency news ap/getty"
)
_NON_NAME: Final = (
    _FUNCTION | _WH | _MONTHS | _WEEKDAYS | _SECTION | _UI
    | _wordset(
        """update updates breaking exclusive analysis explainer review interview watch live
        editor editorial staff desk team admin reporter writer correspondent new more top daily
        today tonight week weekly morning evening north south east west central"""
    )
)  # fmt: skip
_ROLE: Final = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|contributor|journalist|columnist|analyst|producer"
    r"|bureau chief|staff|desk|newsroom|author)s?\b",
    re.I,
)
# "Tom Reid Health correspondent", "Jane Smith in Kyiv": a name run into its role or base.
_NAME_ROLE: Final = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){1,2}?)\s+(?:(?:[A-Z][\w\-]*\s+){0,3}"
    r"(?:(?:senior|chief|special|political|foreign|economics|business|diplomatic|security|staff)\s+)?"
    r"(?:writer|reporter|correspondent|editor|contributor|journalist|columnist|analyst|producer)"
    r"|in\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)$"
)
_ROLE_BYLINE: Final = re.compile(
    r"^(?:admin(?:istrator)?|editor(?:ial)?(?:\s+(?:team|staff|desk|board))?"
    r"|(?:staff|guest)(?:\s+(?:writer|reporter|author|contributor))?"
    r"|(?:news|web|city|metro|foreign|online|digital|sports?|business)\s*desk|newsroom|contributor"
    r"|correspondent|reporter|team\s+\w+|\w+\s+(?:staff|team|desk|bureau))$",
    re.I,
)

# --- line patterns ------------------------------------------------------------------------------

_NEWLINE: Final = re.compile(r"\r\n|\r|\n")
# Possessive quantifiers: the separators are not word characters, so giving back letters can never
# let a match go on; forbidding it only spares the engine the bookkeeping (same tokens, faster).
_WORD: Final = re.compile(r"[^\W_]++(?:['\u2019.\-/][^\W_]++)*+")
_PUNCT_END: Final = re.compile(r"[.!?:;\u2026\"\u201d\u2019'\u00bb]\W*$")
_SENTENCE_END: Final = re.compile(r"(?:[.!?\u2026][\"'\u201d\u2019)\]\u00bb]*|[\"\u201d\u2019])\s*$")
_ELLIPSIS_END: Final = re.compile(r"(?:\.{2,}|\u2026)\s*$")
_UNITS: Final = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?)"
_COUNT_WORDS: Final = (
    r"(?:views?|points?|comments?|replies|responses|shares?|likes?|votes?|reads?|reactions?|claps?"
    r"|upvotes?|followers?|subscribers?|listens?|plays?|restacks?|retweets?|reposts?)"
)
_COUNTER: Final = re.compile(
    rf"^(?:#\s?\d+|post\s+#?\d+|\d[\d,.]*\s*[kmb]?\+?\s*{_COUNT_WORDS}"
    rf"|{_COUNT_WORDS}\s*[:(]?\s*\d[\d,.]*\s*[km]?\)?"
    r"|\d+\s*[-\u2013]?\s*min(?:ute)?s?\.?\s+(?:read|listen|watch)"
    r"|(?:reading|read|listening) time\s*:?\s*\d+\s*min(?:ute)?s?"
    r"|(?:joined|member since|posts|messages|reputation|reaction score|karma|location)\s*:\s*\S.{0,30})$",
    re.I,
)
_GLUED: Final = re.compile(rf"[^\W\d_]\d+\s*(?:{_UNITS}\s+ago|{_COUNT_WORDS})\b|\bago\d", re.I)
_DIGIT: Final = re.compile(r"\d")
_SEG_SPLIT: Final = re.compile(r"\s*(?:[|\u2022\u00b7\u25cf\u25e6]|\s[-\u2013\u2014]\s|,)\s*")
_SEPARATED: Final = re.compile(r"\s[|\u2022\u00b7\u25cf\u25e6]\s")  # labels joined by a bar or dot, not commas
# A run of spaces inside one line: menu labels copied from a page keep the gaps between them
# ("Gift this article   Listen (5 min)   Save"); prose has at most one space between words.
_WIDE_GAP: Final = re.compile(r"[ \t\u00a0\u2002\u2003]{2,}|\t")


def _has_wide_gap(line: str) -> bool:
    """_WIDE_GAP.search; in ASCII text its only gap characters are space and tab, so a tab or two
    spaces in a row is exactly a match (two plain substring tests)."""
    if line.isascii():
        return "  " in line or "\t" in line
    return _WIDE_GAP.search(line) is not None
MAX_LABEL_WORDS: Final = 6
_BY: Final = re.compile(
    r"^(?:by|written\s+by|posted\s+by|words\s+by|story\s+by|reported\s+by|report\s+by|authors?|byline)"
    r"\s*:?\s+(?P<rest>.+)$",
    re.I,
)
_DATED_BY: Final = re.compile(r"^(?P<pre>.{3,60}?)\s+by\s+(?P<rest>.+)$", re.I)
_AND: Final = re.compile(r"\s+(?:and|&)\s+")
_AND_OR: Final = re.compile(r"(?:and|or)\b", re.I)
_NAME_TOKEN: Final = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-]*|(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|dos|das|y|ter|ten)"
    r"|al-\w+)$"
)
_HANDLE: Final = re.compile(r"^[a-z][\w.\-]{1,30}$")
_PERSON_TOKEN: Final = re.compile(
    r"^(?:[A-Z][a-z'\u2019\-]+|[A-Z]\.|[A-Z][a-z]+[A-Z][a-z]+|[A-Z][a-z]*['\u2019][A-Z][a-z]+)$"
)
_GLUED_USER: Final = re.compile(r"^(?P<user>[a-z][\w.\-]{1,30}?)(?=[A-Z])")
_TAG_PREFIX: Final = re.compile(
    r"^(?:tags?|tagged(?:\s+with)?|topics?|related\s+topics|filed\s+under|posted\s+in|categor(?:y|ies)"
    r"|keywords?|labels?|subjects?|more\s+about|in\s+this\s+(?:article|story))"
    r"(?P<colon>\s*[:\-\u2013\u2014|]\s*|\s+)(?P<rest>.*)$",
    re.I,
)
_ITEM_SPLIT: Final = re.compile(r"\s*[,|\u2022\u00b7;]\s*")
_BREADCRUMB: Final = re.compile(r"\s(?:\u00bb|\u203a|>|/|\\|\u2192)\s")
_LINK: Final = re.compile(
    r"^(?:source\s+link|sources?|via|read\s+(?:more|also|next|this|the\s+(?:full\s+)?(?:story|article|report))"
    r"|also\s+read|see\s+also|more\s+on\s+this\s+story|continue\s+reading(?:\s+the\s+main\s+story)?"
    r"|view\s+(?:the\s+)?(?:original|full)\s+(?:article|story|post)|originally\s+published(?:\s+(?:at|on|in|by))?"
    r"|watch|listen|related(?:\s+(?:articles?|stories|posts?|news|sources|links|content|coverage|reading|video))?"
    r"|our\s+standards)\s*(?:[:\-\u2013\u2014>\u00bb|]|\.{3}|\u2026|$)"
    r"|^(?:click|tap)\s+here\b|^(?:previous|next|prev|older|newer)\s+(?:post|article|story|entry)\s*[:\-\u2013\u2014\u00bb\u00ab|]",
    re.I,
)
_URL: Final = re.compile(
    r"https?://\S+|www\.\S+|[\w.+\-]{1,64}@[\w\-]{1,64}(?:\.[\w\-]{1,64})+|(?<!\w)@\w{2,}", re.I
)
_COPYRIGHT: Final = re.compile(
    r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b\s*(?:\u00a9|\(c\))?\s*\d{4}|\ball rights reserved\b"
    r"|\bmay not be (?:published|reproduced|redistributed|broadcast)"
    r"|\bwithout (?:prior )?(?:written )?permission\b",
    re.I,
)
_COPYRIGHT_WORDS: Final = _wordset("copyright rights permission may")
_CREDIT: Final = re.compile(
    r"^[(\[]?\s*(?:(?:image|photo(?:graph)?|picture|pic|video|graphic|illustration|file\s+photo"
    r"|(?:lead|featured|top|main|header)\s+image)s?(?:\s+(?:source|credit|caption|courtesy|by))?s?"
    r"|caption|credits?|courtesy)\s*[:,\-\u2013\u2014|]"
    r"|^[(\[]?\s*(?:photo|image|picture|video)s?\s+(?:by|courtesy\s+of|credit)\b"
    r"|^(?:this|the)\s+(?:article|story|post|piece|report)\s+(?:was\s+|is\s+|has\s+been\s+)?"
    r"(?:originally\s+|first\s+)?(?:published|appeared|republished|posted)\b"
    r"|^(?:this\s+(?:article|story)\s+is\s+)?republished\s+(?:with\s+permission|from)\b"
    r"|^our\s+standards\s*:",
    re.I,
)
_TRAILER: Final = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|graphics|production"
    r"|produced|translated|translation|fact[- ]checking|interviews?)\s+by\b",
    re.I,
)
# Lower-case words a "(Reporting by ...; Editing by ...)" trailer may hold; any other one means a
# sentence that merely starts that way ("Reporting by the BBC found ...").
_TRAILER_WORDS: Final = _wordset(
    """in and at from with for of the additional reporting writing editing edited by compiled research
    graphics production produced translated translation fact-checking fact checking interviews
    contributed via"""
)
_CONTRIBUTED: Final = re.compile(
    r"\bcontributed\s+(?:to\s+)?(?:this\s+|the\s+)?(?:report|reporting|story|article)\b", re.I
)
_SIGN_OFF: Final = re.compile(r"^[\u2014\u2013]{1,2}\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}$")
_SLASH_CREDIT: Final = re.compile(  # "AP Photo/Jae C. Hong", "Jane Doe/Reuters"
    r"^[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4}\s*/\s*[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3}$"
)
# A signed change: "-5.1%", "+0.3", "\u25b2 0.6%"; "- 12 min" is a list bullet, not a sign.
_SIGNED: Final = re.compile(r"(?:^|\s|\()(?:[+\-\u2212]|[\u25b2\u25bc\u25b3\u25bd]\s?)\d[\d,]*(?:\.\d+)?%?")
_WORD_STOP: Final = re.compile(r"[A-Za-z][.!?]$")  # a ticker line does not end a sentence
_BULLET: Final = re.compile(r"^(?:[-*\u2022\u00b7\u2013\u2014]\s+|\d{1,2}[.)]\s+)\S")
_EXCHANGE: Final = re.compile(
    r"^\(?(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|NYSEARCA|OTC|TSE|HKEX|BSE|NSE|XETRA|AMEX)\s*:\s*[A-Z][A-Z.\-]{0,6}\)?$"
)
_COMMENTS_MARKER: Final = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment)|\d+\s+(?:comments?|responses?|replies|thoughts?\s+on\b.*)"
    r"|comments?(?:\s*\(\d+\))?|(?:join|start)\s+the\s+(?:conversation|discussion)"
    r"|discussion(?:\s+about\s+this\s+(?:post|article|story))?"
    r"|(?:show|view|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments|(?:post|add|write)\s+a\s+comment"
    r"|be\s+the\s+first\s+to\s+comment|comments\s+are\s+closed|what\s+do\s+you\s+think|have\s+your\s+say)"
    r"\s*[.?!:]?$",
    re.I,
)
_RELATED_MARKER: Final = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|posts?|news|topics|coverage|content|links|reading|sources|video))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)|more\s+on\s+this\s+story"
    r"|more\s+(?:from|on|in)\s+[A-Z][^.!?]{0,40}|more\s+(?:stories|news|articles|to\s+read|like\s+this)"
    r"|read\s+(?:next|more|also)"
    r"|recommended(?:\s+(?:for\s+you|stories|reading|articles))?"
    r"|(?:the\s+)?most\s+(?:read|popular|viewed|watched|shared|commented|emailed|listened(?:\s+to)?|clicked)"
    r"(?:\s+(?:now|today|this\s+week|stories|articles|videos?|news))?|popular|(?:watch|up)\s+next"
    r"|trending(?:\s+(?:now|stories|news|videos?|today))?|latest\s+(?:news|stories|articles|posts|videos?)|top\s+stories"
    r"|editor['\u2019]?s\s+picks|also\s+read|see\s+also|further\s+reading|around\s+the\s+web|from\s+the\s+web"
    r"|(?:promoted|sponsored)\s+(?:content|stories|links)|popular\s+(?:now|posts|stories)|don['\u2019]?t\s+miss"
    r"|in\s+case\s+you\s+missed\s+it)\s*:?$",
    re.I,
)

_MONTH_RE: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPS_WORD: Final = r"[A-Z][A-Z'\u2019.\-]*[A-Z.]"
_CAP_WORD: Final = r"[A-Z][\w'\u2019.\-]*"
_DATELINE: Final = re.compile(
    rf"""^(?P<dl>
      (?:(?P<caps>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})|(?P<mixed>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}))
      (?P<region>(?:,\s*{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}){{0,2}})
      (?:,?\s+(?P<date>{_MONTH_RE}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_RE}(?:\s+\d{{4}})?))?
      (?:\s*\((?P<agency>[A-Za-z][\w.&'\u2019 /\-]{{0,24}})\))?
    )
    (?P<dash>\s*[\u2014\u2013]+\s*|\s+-{{1,2}}\s+|(?<=\))\s*-{{1,2}}\s*|:\s+)
    (?=[\"\u201c\u2018'A-Z0-9]|$)""",
    re.X,
)
_AGENCY_DATELINE: Final = re.compile(  # "(CNN) -- "
    r"^(?P<dl>\([A-Z][\w.&'\u2019 \-]{1,24}\))(?P<dash>\s*(?:[\u2014\u2013]+|-{1,2})\s*)"
    r"(?=[\"\u201c\u2018'A-Z0-9]|$)"
)
_DATELINE_LABELS: Final = _wordset(
    """BREAKING UPDATE UPDATED UPDATES EXCLUSIVE ANALYSIS OPINION COMMENT EDITORIAL WATCH LIVE VIDEO
    PHOTOS PHOTO READ MORE NOTE CORRECTION CLARIFICATION WARNING ALERT FLASH URGENT FILE LISTEN
    REVIEW INTERVIEW EXPLAINER OBITUARY SPONSORED ADVERTISEMENT FEATURE REPORT FACT CHECK
    EDITOR'S EDITOR\u2019S"""
)


# --- blocks -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    lines: tuple[int, ...]
    raw: tuple[str, ...]
    text: str
    key: str
    words: tuple[str, ...]  # lower-cased word tokens
    n: int  # len(words), read by nearly every rule, so stored rather than a property
    punct: bool  # ends with . ! ? : ellipsis or a closing quote (the short-line rule's notion)
    sentence: bool  # ends like a sentence: . ! ? ellipsis, or a closing quote


# Both tail patterns below match a final "." "!" or "?" on its own, and neither can end on a letter
# or digit (each match ends on punctuation or whitespace, and "$" can only fall before a final
# newline or at the end): the two commonest endings are settled without the regex.
_FULL_STOPS: Final = (".", "!", "?")


def _ends_punct(text: str) -> bool:
    if text.endswith(_FULL_STOPS):
        return True
    if text[-1:].isalnum():
        return False
    # Only the tail is searched: a trailing-pattern search over a long run of punctuation is quadratic.
    return bool(_PUNCT_END.search(text[-16:]))


def _ends_sentence(text: str) -> bool:
    if text.endswith(_FULL_STOPS):
        return True
    if text[-1:].isalnum():
        return False
    return bool(_SENTENCE_END.search(text[-16:]))


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation between words does not count ("Share this:" = "share this")."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _fold(text: str) -> str:
    return " ".join(_words(unicodedata.normalize("NFC", text)))


def _make_block(lines: list[tuple[int, str]]) -> _Block:
    numbers: tuple[int, ...]
    raw: tuple[str, ...]
    if len(lines) == 1:  # most blocks: one line, nothing to join
        numbers, raw = (lines[0][0],), (lines[0][1],)
        text = _norm(raw[0])
    else:
        numbers, raw = tuple(n for n, _ in lines), tuple(s for _, s in lines)
        parts = [raw[0]]
        for nxt in raw[1:]:
            # A word broken at a hyphen is rejoined without a space; the hyphen itself stays.
            parts.append(nxt if parts[-1].endswith("-") and parts[-1][-2:-1].isalpha() else " " + nxt)
        text = _norm("".join(parts))
    words = tuple(_words(text))
    return _Block(
        lines=numbers,
        raw=raw,
        text=text,
        key=" ".join(words),
        words=words,
        n=len(words),
        punct=_ends_punct(text),
        sentence=_ends_sentence(text),
    )


def _glued(text: str) -> bool:
    """_GLUED.search: both of its branches need a digit, and most text has none (found far faster)."""
    return _DIGIT.search(text) is not None and _GLUED.search(text) is not None


def _stands_alone(line: str) -> bool:
    """Lines that are whole units even right after a wrapped line (bylines, counters, markers)."""
    return bool(
        _BY.match(line) or _COUNTER.match(line) or _glued(line) or _COMMENTS_MARKER.match(line)
        or _RELATED_MARKER.match(line) or _date_kind(line)
    )  # fmt: skip


def _blocks(raw: str, seen: Paragraphs | None = None) -> list[_Block]:
    items = [(i, s) for i, line in enumerate(_NEWLINE.split(raw), 1) if (s := line.strip())]
    if not items:
        return []
    width = max(len(s) for _, s in items)

    def fits(a: str, b: str) -> bool:
        # Hard wrap: the next line's first word would not have fitted on this line.
        first = b.split(maxsplit=1)[0]
        return len(a) >= 0.6 * width and len(a) + 1 + len(first) > width

    adjacent = list(itertools.pairwise(items))
    full = [(a, b) for (n, a), (m, b) in adjacent if m == n + 1 and fits(a, b)]
    # One paragraph per line also gives long lines of similar length, but those end sentences;
    # a hard wrap mostly cuts a sentence in the middle.
    cut = sum(not _ends_sentence(a) for a, _ in full)
    wrapped_doc = 40 <= width <= 120 and cut >= 3 and cut * 2 >= len(full)
    groups: list[list[tuple[int, str]]] = [[items[0]]]
    for (n, a), (m, b) in adjacent:
        join = False
        if m == n + 1:
            if wrapped_doc and fits(a, b):
                join = True
            elif len(a.split()) >= 4 and not _ends_punct(a) and len(b.split()) >= 2:
                # Cut mid-sentence: the next line carries on in lower case, or this one ends on a comma.
                join = b[0].islower() or a.endswith((",", ";"))
            # Asked last because it costs most; a line that stands alone is never joined.
            join = join and not _stands_alone(b)
        if join:
            groups[-1].append((m, b))
        else:
            groups.append([(m, b)])
    if seen is None:
        return [_make_block(g) for g in groups]
    return [seen.block(g[0]) if len(g) == 1 else _make_block(g) for g in groups]


# --- content rules ------------------------------------------------------------------------------


def _ui_counts(words: tuple[str, ...]) -> tuple[int, int]:
    """(interface words, other content words), ignoring function words, numbers and units."""
    ui = other = 0
    for word in words:
        for part in word.split("-"):
            if not part or part in _FUNCTION or part in _NEUTRAL or part[0].isdigit():
                continue
            if part in _UI:
                ui += 1
            else:
                other += 1
    return ui, other


def _is_ui_command(b: _Block) -> bool:
    """ "Download the NewsNine app", "Watch live", "Get breaking news alerts on your phone"."""
    m = _UI_COMMAND_VERB.match(b.text)
    if m is None or _REPORTED.search(b.text):
        return False
    product = False
    other = 0
    for token in b.text[m.end() :].split():
        word = token.strip(".,;:!?()[]\"'\u201c\u201d\u2018\u2019").lower()
        if word in _UI_PRODUCTS:
            product = True
        elif not word or word in _FUNCTION or word in _UI or word in _SECTION or word in _NEUTRAL:
            continue
        elif word[0].isdigit() or token[0].isupper():
            continue  # a number or the outlet's own name ("the NewsNine app", "4 weeks")
        else:
            other += 1
    return product and other <= 1


def _interface(b: _Block) -> str | None:
    """ "interface" for interface text; _SOFT for a sentence that only might be (see below)."""
    if b.n == 0:
        return None
    ui, other = _ui_counts(b.words) if b.n <= 10 else (0, 1)  # only short lines need the counts
    if ui and not other and b.n <= 8 and not _WH.intersection(b.words):
        return "interface"
    if b.n <= MAX_COMMAND_WORDS and _is_ui_command(b):
        return "interface"
    fragment = b.n <= 10 and ui >= other and (not b.sentence or bool(_ELLIPSIS_END.search(b.text[-16:])))
    if fragment:
        return "interface" if _STRONG_UI.search(b.text) and not _REPORTED.search(b.text) else None
    # Cheap tests first: most body paragraphs do not address the reader.
    if b.n > 60:
        return None
    # Interface text needs (the site speaking or "you") and _STRONG_UI and not _REPORTED; each is a
    # pure test, so they are asked in the order that turns most text down soonest: with "you" the
    # site test only picks the verdict, so it waits until the other two have passed.
    you = not _YOU.isdisjoint(b.words)
    if not you and not (
        (not _SITE_WORDS.isdisjoint(b.words) and _SITE_VOICE.search(b.text))
        or (b.words[0] in _IMPERATIVE and _CTA.search(b.text))
    ):
        return None
    if not _STRONG_UI.search(b.text) or _REPORTED.search(b.text):
        return None
    if not you:
        return "interface"  # the site speaking: found above
    site = (not _SITE_WORDS.isdisjoint(b.words) and _SITE_VOICE.search(b.text) is not None) or (
        b.words[0] in _IMPERATIVE
    )
    # The site speaking or a call to action is interface text wherever it stands; a plain "you"
    # sentence may be advice the story gives ("If you think your account was hacked, change your
    # password."), so its position decides (see _mark_by_position).
    return "interface" if site else _SOFT


_DATE_ANCHORS: Final = _MONTHS | _WEEKDAYS | _wordset("today yesterday ago")
_DATE_OTHER: Final = _TIMEZONES | _STAMP_WORDS | _DATE_FILLER | _NEUTRAL
_DATE_DASHES: Final = frozenset({"-", "\u2013", "\u2014", "/"})
# The text between separators; the same pieces as re.split(r"[\s,|\u2022\u00b7]+") less the empty ones.
_DATE_TOKEN: Final = re.compile(r"[^\s,|\u2022\u00b7]+")


def _date_kind(text: str) -> str | None:
    """'stamp' for dates/ages that only describe the page, 'date' for a bare date, else None."""
    if len(text) > 100:
        return None
    # Tokens are taken one at a time: every way to fail (a 13th token, a word that is not about
    # dates, no anchor) gives None, so most text is turned down at its first word or two.
    tokens: list[str] = []
    anchored = False
    for m in _DATE_TOKEN.finditer(text):
        tok = m.group().strip("()[]:;,.").lower()
        if not tok or tok in _DATE_DASHES:
            continue
        tokens.append(tok)
        if len(tokens) > 12:
            return None
        if tok in _DATE_ANCHORS:
            anchored = True
        elif _NUMERIC_DATE.match(tok):
            # A bare small number is a counter, not a date; a year, 10:32 or 28/04 is a date.
            anchored = anchored or not tok.isdigit() or len(tok) == 4
        elif tok not in _DATE_OTHER:
            return None
    if not anchored:
        return None
    if "ago" in tokens or _STAMP_WORDS.intersection(tokens) or {"just", "now"} <= set(tokens):
        return "stamp"
    return "date"


def _is_tag_list(b: _Block) -> bool:
    text = b.text
    m = _TAG_PREFIX.match(text)
    if m:
        rest = m.group("rest")
        if _ends_sentence(rest) and not rest.endswith("\u2026"):
            return False
        items = [i for i in _ITEM_SPLIT.split(rest) if i]
        if not items or len(rest.split()) > 40:
            return False
        if m.group("colon").strip():
            return True
        return len(rest.split()) <= 12 and all(i[0].isupper() and len(i.split()) <= 5 for i in items)
    if b.sentence:  # _ends_sentence(text), worked out once in _make_block
        return False
    items = [i for i in _ITEM_SPLIT.split(text) if i]
    if len(items) < 4:
        return False
    return all(
        (i[0].isupper() or i[0].isdigit())
        and len(i.split()) <= 5
        and not _AND_OR.match(i)
        and ":" not in i
        for i in items
    )


def _is_navigation(b: _Block) -> bool:
    if b.punct or b.n < 2 or b.n > 20:
        return False
    if _BREADCRUMB.search(b.text):
        items = [i.strip() for i in _BREADCRUMB.split(b.text)]
        if all(i and i[0].isupper() and len(i.split()) <= 4 for i in items):
            return True
    if b.n >= 3 and all(t[:1].isupper() for t in b.text.split()):
        known = sum(w in _SECTION or w in _UI for w in b.words)
        return known >= 0.6 * b.n
    return False


def _is_ticker(b: _Block) -> bool:
    if _EXCHANGE.match(b.text):
        return True
    if b.n > 10 or not _SIGNED.search(b.text) or _WORD_STOP.search(b.text):
        return False
    lower = [w for w in b.text.split() if w.isalpha() and w.islower() and len(w) >= 3]
    numbers = sum(any(c.isdigit() for c in w) for w in b.text.split())
    return not lower or (len(lower) == 1 and numbers >= 2)


def _is_credit(b: _Block) -> bool:
    if b.n <= 60 and _CREDIT.match(b.text):
        return True
    # In ASCII text a case-insensitive match needs "contributed" in the lower-cased text; other
    # text (where re.I also folds a few non-ASCII letters) goes to the regex directly.
    if b.n <= 40 and (not b.text.isascii() or "contributed" in b.text.lower()) and _CONTRIBUTED.search(b.text):
        return True
    if _TRAILER.match(b.text) and all(w in _TRAILER_WORDS for w in _WORD.findall(b.text) if w.islower()):
        return True
    if not b.sentence and b.n <= 8 and (_SIGN_OFF.match(b.text) or _SLASH_CREDIT.match(b.text)):
        return True
    return (
        b.n <= 6
        and all(w in _AGENCY_WORDS for w in b.words)
        and any(w in _AGENCY_CORE or w.split("/")[0] in _AGENCY_CORE for w in b.words)
    )


def _is_link(b: _Block) -> bool:
    if b.n <= 25 and _LINK.match(b.text):
        return True
    if ("@" in b.text or "http" in b.text or "www." in b.text) and _URL.search(b.text):
        rest = _URL.sub(" ", b.text)
        rest_words = _WORD.findall(rest)
        return len(rest_words) <= 4 or (bool(b.words) and b.words[0] in _IMPERATIVE and b.n <= 30)
    return False


def _may_be_copyright(b: _Block) -> bool:
    # "(c)" in b.text.lower(), without lower-casing: only "c" and "C" lower-case to "c".
    return "\u00a9" in b.text or "(c)" in b.text or "(C)" in b.text or not _COPYRIGHT_WORDS.isdisjoint(b.words)


# Interface words that also head the columns of a table copied as text ("Candidate   Votes   Share").
_COLUMN_WORDS: Final = _wordset(
    "vote votes share shares points views likes comments source sources page pages topic topics"
)


def _is_ui_label(seg: str) -> bool:
    """A label made of interface words only ("Listen (5 min)", "Save", "Print")."""
    words = tuple(_words(seg))
    ui, other = _ui_counts(words)
    return ui > 0 and other == 0 and not _COLUMN_WORDS.issuperset(w for w in words if not w[0].isdigit())


def _content_reason(b: _Block) -> str | None:
    """The furniture rule that fits this block wherever it stands, or None."""
    if not any(c.isalnum() for c in b.text):
        return "separator"
    if _COUNTER.match(b.text) or (b.n <= 12 and not b.sentence and _glued(b.text)):
        return "counter"
    kind = _date_kind(b.text)
    if kind == "stamp":
        return "timestamp"
    if not b.sentence and b.n <= 20:
        # "Apr 28, 2025 | 3 min read | 12 comments": every segment a date, age or counter.
        gapped = len(b.raw) == 1 and _has_wide_gap(b.raw[0])
        # b.text is _norm's output already, and _norm(_norm(x)) == _norm(x).
        parts = [_norm(p) for p in _WIDE_GAP.split(b.raw[0])] if gapped else [b.text]
        segs = [s for p in parts for s in _SEG_SPLIT.split(p) if s]
        if len(segs) >= 2 and all(_date_kind(s) or _COUNTER.match(s) for s in segs):
            return "counter" if any(_COUNTER.match(s) for s in segs) else "timestamp"
        # "Site Notes · Explainers · 6 min read", "Get the Briefing | Sign in", "Gift this article
        # Listen (5 min)   Save": short labels strung together with separators or wide gaps, one
        # of them a counter or interface text, or half of them interface words only.
        separated = gapped or bool(_SEPARATED.search(b.text))
        if len(segs) >= 2 and separated and all(len(s.split()) <= MAX_LABEL_WORDS for s in segs):
            if any(_COUNTER.match(s) for s in segs):
                return "counter"
            if any(_STRONG_UI.search(s) for s in segs):
                return "interface"
            if 2 * sum(_is_ui_label(s) for s in segs) >= len(segs):
                return "interface"
    if b.n <= 40 and _may_be_copyright(b) and _COPYRIGHT.search(b.text):
        return "copyright"
    if _is_credit(b):
        return "credit"
    if _is_link(b):
        return "link"
    if _is_tag_list(b):
        return "tag list"
    if _is_ticker(b):
        return "ticker"
    if verdict := _interface(b):
        return verdict
    if _is_navigation(b):
        return "navigation"
    return None


# --- identity: title and byline -----------------------------------------------------------------


def _same_title(a: str, b: str) -> bool:
    """Folded texts that are the same headline, allowing a site-name suffix or prefix."""
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    # The shorter text (a when both are as long, as a stable sort by length would give).
    if len(a) <= len(b):
        short, n_short, long_, n_long = a, len(wa), b, len(wb)
    else:
        short, n_short, long_, n_long = b, len(wb), a, len(wa)
    if n_short >= 3 and (long_.startswith(short) or long_.endswith(short)):
        return n_long - n_short <= 6
    sa, sb = set(wa) - _FUNCTION, set(wb) - _FUNCTION
    return len(sa) >= 3 and len(sa & sb) >= 0.85 * len(sa | sb)


def _title_like(b: _Block) -> bool:
    return (
        3 <= b.n <= 20 and not b.text.endswith((".", ",", ";")) and not b.text[0].islower()
        and not _ends_sentence(b.text.rstrip("?!"))
    )  # fmt: skip


def _is_names(seg: str, *, allow_handle: bool) -> bool:
    parts = _AND.split(seg.strip())
    for part in parts:
        toks = part.split()
        if allow_handle and len(parts) == 1 and len(toks) == 1 and _HANDLE.match(toks[0]):
            # "by admin", "by jsmith": a user handle, but never a word that starts a phrase ("by now").
            return toks[0] not in _FUNCTION and toks[0] not in _MONTHS and toks[0] not in _WEEKDAYS
        if not 1 <= len(toks) <= 5 or any(c.isdigit() for c in part):
            return False
        if toks[0].lower().strip(".") in _NON_NAME or not toks[0][0].isupper():
            return False
        if not all(_NAME_TOKEN.match(t) for t in toks):
            return False
    return True


def _is_meta_segment(seg: str) -> bool:
    """An outlet, role, date or counter after a byline name: not a sentence."""
    if _date_kind(seg) or _COUNTER.match(seg) or _ROLE.search(seg):
        return len(seg.split()) <= 12
    toks = seg.split()
    if not toks or len(toks) > 6:
        return False
    if _ends_sentence(seg) and not seg.endswith((".com", "Inc.", "Ltd.")):
        return False
    return sum(t.isalpha() and t.islower() and t not in _FUNCTION for t in toks) == 0


def _byline_author(text: str) -> str | None:
    """The author an explicit byline names ("By X", "X | Outlet", "X, Staff Writer"), else None."""
    if len(text) > 200:
        return None
    m = _BY.match(text) or _DATED_BY.match(text)
    if m and (m.re is _BY or _date_kind(m.group("pre"))):
        segs = [s for s in _SEG_SPLIT.split(m.group("rest")) if s]
        if not segs or not _is_names(segs[0], allow_handle=True):
            return None
        names = 1
        # "By A, B and C, Reuters": commas separate authors only up to the segment holding "and".
        if not _AND.search(segs[0]):
            for k in range(1, len(segs)):
                if not _is_names(segs[k], allow_handle=False):
                    break
                if _AND.search(segs[k]):
                    names = k + 1
                    break
        if all(_is_meta_segment(s) for s in segs[names:]):
            return ", ".join(segs[:names])
        return None
    segs = [s for s in _SEG_SPLIT.split(text) if s]
    if (
        2 <= len(segs) <= 4 and _is_names(segs[0], allow_handle=False) and _ROLE.search(segs[1])
        and all(_is_meta_segment(s) for s in segs[1:])
    ):  # fmt: skip
        return segs[0]
    return None


_OUTLET_SPLIT: Final = re.compile(r"\s*[|\u2022\u00b7]\s*|\s[-\u2013\u2014]\s")


def _outlet_byline(text: str) -> str | None:
    """ "Jane Smith | Reuters": a name and an outlet, trusted only near the top or bottom."""
    segs = [s for s in _OUTLET_SPLIT.split(text) if s]
    if len(segs) == 2 and _is_person_name(segs[0]) and _is_meta_segment(segs[1]):
        return segs[0]
    return None


def _is_person_name(text: str) -> bool:
    toks = text.split()
    return (
        2 <= len(toks) <= 4
        and all(_PERSON_TOKEN.match(t) for t in toks)
        and not any(t.lower().strip(".") in _NON_NAME for t in toks)
    )


# --- dateline -----------------------------------------------------------------------------------


def _dateline(text: str) -> re.Match[str] | None:
    m = _AGENCY_DATELINE.match(text)
    if m:
        return m
    m = _DATELINE.match(text)
    if not m:
        return None
    dash = m.group("dash").strip()
    if m.group("caps"):
        if m.group("caps").upper() in _DATELINE_LABELS or m.group("caps").split()[0] in _DATELINE_LABELS:
            return None
        if dash == ":" and (m.group("agency") or m.group("region")):
            return None
        return m
    # A capitalised word before a dash is often just a sentence ("Officials — speaking ..."):
    # mixed-case datelines need a region, a date or an agency, and a real dash.
    if dash == ":" or not (m.group("agency") or m.group("date") or m.group("region")):
        return None
    if dash.startswith("-") and not m.group("agency"):
        return None
    return m


# --- the pass -----------------------------------------------------------------------------------


def _is_strong(b: _Block) -> bool:
    return (b.sentence and b.n >= 8) or b.n >= 20


def _is_bodyish(b: _Block) -> bool:
    return (b.sentence and b.n >= 4) or b.n >= 12 or bool(_BULLET.match(b.text))


@dataclass(slots=True)
class _Page:
    """Working state of one pass: blocks, their context-free verdicts and the decided reasons."""

    blocks: list[_Block]
    content: list[str | None]
    reason: list[str | None]
    strong: list[bool]
    first_body: int = 0
    last_body: int = -1
    title_idx: int | None = None

    def find_body(self) -> None:
        self.strong = [
            r is None and c is None and _is_strong(b)
            for b, c, r in zip(self.blocks, self.content, self.reason, strict=True)
        ]
        n = len(self.blocks)
        self.first_body = self.strong.index(True) if any(self.strong) else n
        self.last_body = n - 1 - self.strong[::-1].index(True) if any(self.strong) else -1
        # A list right after the last paragraph ("- 4,000 people displaced") still belongs to it.
        while (
            0 <= self.last_body < n - 1
            and self.content[self.last_body + 1] is None
            and _BULLET.match(self.blocks[self.last_body + 1].text)
        ):
            self.last_body += 1


def _find_title(page: _Page, known_title: str | None) -> int | None:
    known = _fold(known_title) if known_title else ""
    first: int | None = None
    for i, b in enumerate(page.blocks):
        if page.content[i] is not None or _byline_author(b.text):
            continue
        if known and _same_title(b.key, known):
            return i
        if b.n <= 2 and not b.punct:
            continue  # a kicker or section label ("World", "Opinion") above the headline
        if first is None:
            first = i
        if _is_strong(b) or not known:
            break
    if first is None or not _title_like(page.blocks[first]) or first == len(page.blocks) - 1:
        return None
    if known:
        # Metadata names another headline: accept the first line only if it shares most words.
        sa = set(page.blocks[first].key.split()) - _FUNCTION
        if len(sa & (set(known.split()) - _FUNCTION)) < 0.5 * max(len(sa), 1):
            return None
    return first


def _mark_title(page: _Page, known_title: str | None) -> str | None:
    page.title_idx = _find_title(page, known_title)
    keys = {_fold(known_title or "")}
    if page.title_idx is not None:
        page.reason[page.title_idx] = "title"
        keys.add(page.blocks[page.title_idx].key)
    keys.discard("")
    for i, b in enumerate(page.blocks):
        if page.reason[i] is None and not _is_strong(b) and any(_same_title(b.key, k) for k in keys):
            page.reason[i] = "repeated title"
    return page.blocks[page.title_idx].text if page.title_idx is not None else None


def _byline_follow_up(page: _Page, i: int) -> bool:
    """ "Jane Smith" then "BBC News, Seoul": the outlet or role line under a byline."""
    b = page.blocks[i]
    return (
        i < page.first_body and not b.punct and b.n <= 6
        and page.content[i] in (None, "credit") and _date_kind(b.text) is None
        and any(w.isalpha() for w in b.words)
        and all(_is_meta_segment(s) for s in _SEG_SPLIT.split(b.text) if s)
    )  # fmt: skip


def _lone_byline(page: _Page, i: int, known_author_key: str) -> str | None:
    """A name or role standing alone just under the headline ("Jane Smith", "Admin")."""
    b = page.blocks[i]
    role = _NAME_ROLE.match(b.text)
    if role and _is_person_name(role.group("name")):
        return role.group("name")
    if _ROLE_BYLINE.match(b.text):
        return b.text
    # A kicker such as "North Korea" looks like a name too, but it repeats the headline's words.
    title_words = set(page.blocks[page.title_idx].key.split()) if page.title_idx is not None else set()
    if not known_author_key and _is_person_name(b.text) and not set(b.key.split()) <= title_words:
        return b.text
    return None


def _mark_bylines(page: _Page, known_author: str | None) -> str | None:
    """Explicit bylines anywhere; lone names and roles only between the headline and the body."""
    author: str | None = None
    keys: set[str] = set()
    known_author_key = _fold(known_author or "")
    if known_author_key:
        keys |= {known_author_key, "by " + known_author_key}
    plain_seen = 0  # non-furniture blocks after the title: a lone name must come early
    previous_byline = False
    for i, b in enumerate(page.blocks):
        if page.reason[i] is not None or page.strong[i] or b.n > 25:
            previous_byline = False
            continue
        if page.title_idx is None or i > page.title_idx:
            plain_seen += page.content[i] is None
        if previous_byline and b.key not in keys and _byline_follow_up(page, i):
            page.reason[i] = "byline"
            continue
        previous_byline = False
        name = _byline_author(b.text)
        if name is None and (i < page.first_body or i > page.last_body):
            name = _outlet_byline(b.text)
        if name is None and i < page.first_body and plain_seen <= 3 and page.content[i] is None:
            name = _lone_byline(page, i, known_author_key)
        if name is None and b.key in keys:
            name = b.text
        if name is None:
            continue
        repeated = author is not None and (b.key in keys or _fold(name) == _fold(author))
        page.reason[i] = "repeated byline" if repeated else "byline"
        author = author or _norm(name)
        keys |= {b.key, _fold(name), "by " + _fold(name)}
        previous_byline = True
    for i, b in enumerate(page.blocks):
        if page.reason[i] is None and b.key in keys and not page.strong[i]:
            page.reason[i] = "repeated byline"
    if author is None:
        # "david.cWorld News4 hours ago6 Views": a user name glued to the page's counters.
        for i, b in enumerate(page.blocks[: page.first_body]):
            m = _GLUED_USER.match(b.text)
            if page.content[i] == "counter" and m and _glued(b.text):
                return m.group("user")
    return author


def _mark_content_and_repeats(page: _Page) -> None:
    """Context-free verdicts, and later copies of any block (pull quotes, doubled widgets)."""
    seen: set[str] = set()
    for i, b in enumerate(page.blocks):
        verdict = page.content[i]
        if page.reason[i] is None:
            if verdict is not None and verdict != _SOFT:
                page.reason[i] = verdict
            elif b.key in seen and not (b.sentence and b.n < 6):  # "“No,” he said." may recur
                page.reason[i] = "interface" if verdict == _SOFT else "repeated line"
        seen.add(b.key)


def _mark_sections(page: _Page) -> None:
    """A "Comments"/"Related" marker in the body opens a section that runs to the end, unless
    three body paragraphs in a row follow it (then it was a widget between paragraphs)."""
    n = len(page.blocks)
    # A numbered or bulleted headline ("2. Survivor: \u201cI held on for hours\u201d") belongs to the
    # list a marker opens, however sentence-like it reads: it never counts as a body paragraph here.
    prose = [s and not _BULLET.match(b.text) for s, b in zip(page.strong, page.blocks, strict=True)]
    i = page.first_body + 1
    while i < n:
        text = page.blocks[i].text
        kind = "comment section" if _COMMENTS_MARKER.match(text) else None
        if kind is None and _RELATED_MARKER.match(text):
            kind = "related links"
        if kind is None:
            i += 1
            continue
        if page.reason[i] is None:
            page.reason[i] = kind
        end = next((j for j in range(i + 1, n - 2) if all(prose[j : j + 3])), n)
        if end == n and all(prose[i + 1 :]):
            # Only body text follows: a stray "12 comments" counter, not the start of a section.
            i += 1
            continue
        for j in range(i + 1, end):
            # A date in the section belongs to a comment or a linked story, never to this page.
            if page.reason[j] is None or page.reason[j] == "timestamp":
                page.reason[j] = "interface" if page.content[j] == _SOFT else kind
            page.strong[j] = prose[j] = False
        if end == n:
            page.last_body = min(page.last_body, i - 1)
        i = end


def _cut_dateline(page: _Page) -> tuple[str | None, DroppedLine | None, tuple[int, int] | None]:
    """A dateline standing alone before the body, or opening the first body paragraph.

    Returns the dateline, the dropped prefix (when it opens a paragraph) and (block, cut offset).
    """
    for i, b in enumerate(page.blocks):
        if page.reason[i] is not None:
            continue
        m = _dateline(b.text)
        if m and m.end() == len(b.text):
            page.reason[i] = "dateline"
            return m.group("dl").strip(), None, None
        if m:
            drop = DroppedLine(b.lines[0], m.group(0).strip(), "dateline")
            return m.group("dl").strip(), drop, (i, m.end())
        if _is_bodyish(b) or i >= page.first_body:
            break
    return None, None, None


def _next_is_body(page: _Page, i: int) -> bool:
    stacked = 0  # a heading may sit on another one ("Live updates" over "10:32 GMT")
    for j in range(i + 1, min(len(page.blocks), i + 60)):
        if page.reason[j] is not None:
            continue
        if _is_bodyish(page.blocks[j]):
            return True
        stacked += 1
        if page.blocks[j].punct or page.blocks[j].n > 12 or stacked > 2:
            return False
    return False


def _mark_by_position(page: _Page) -> None:
    """Unpunctuated lines: furniture outside the body; inside it, short ones are subheadings
    only when body text follows them."""
    n = len(page.blocks)
    for i, b in enumerate(page.blocks):
        outside = i < page.first_body or i > page.last_body
        if page.reason[i] is None and page.content[i] == _SOFT:
            # Reader-addressed text next to other furniture (or closing the page) outside the body.
            if outside and (
                i == n - 1 or any(page.content[j] is not None for j in (i - 1, i + 1) if 0 <= j < n)
            ):
                page.reason[i] = "interface"
            continue
        if page.reason[i] is not None:
            continue
        if outside and _date_kind(b.text) == "date":
            page.reason[i] = "timestamp"  # "June 15, 2026, 3:40 p.m." ends with a full stop too
            continue
        if b.punct:
            continue
        # A capital, a digit, an opening quote or a markdown "#"; never a user handle ("jane_77").
        heading_shape = (
            b.text[0].isupper() or b.text[0].isdigit() or b.text[0] in "#\"\u201c\u2018'"
        ) and not any(_HANDLE.match(w) and not w.isalpha() for w in b.text.split())
        if b.n <= 5 and outside:
            page.reason[i] = "short line"
        elif b.n <= 5 and not _BULLET.match(b.text) and not (heading_shape and _next_is_body(page, i)):
            page.reason[i] = "short line"  # a list item inside the body stays, however short
        elif i > page.last_body >= 0:
            page.reason[i] = "after body"


_BIO_VERB: Final = re.compile(
    r"^\s*(?:is|was|writes|wrote|covers|reports|edits|hosts|presents|contributes|has\s+(?:written|covered|reported"
    r"|worked|been)|joined|lives|spent|worked|previously|began|started|studied|teaches|grew\s+up)\b",
    re.I,
)
_BIO_ROLE: Final = (
    r"(?:reporter|correspondent|writer|editor|columnist|journalist|contributor|producer|photographer"
    r"|photojournalist|bureau\s+chief|presenter|anchor|host|commentator|critic|blogger)s?"
)
_OUTLET_NOUN: Final = (
    r"(?:paper|newspaper|magazine|site|website|station|network|channel|agency|newsletter|outlet|programme"
    r"|program|show)"
)
_BIO_NAME: Final = r"(?P<name>[A-Z][\w'\u2019.\-]+(?:\s+[A-Z][\w'\u2019.\-]+){1,3})"
# "<Name> is <Outlet>'s <beat> correspondent", "<Name> is a <role> at/for <Outlet>", "<Name> covers
# <beat> for <Outlet>": how a site introduces a writer, whoever the byline names. Present tense only:
# "<Name> was a photographer for <paper>" closes obituaries.
_BIO_PATTERN: Final = re.compile(
    rf"^{_BIO_NAME}\s+(?:is|has\s+been)\s+(?:"
    rf"(?:the\s+)?(?:[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){{0,4}}|{_OUTLET_NOUN})['\u2019]s?\s+(?:[\w'\u2019\-]+\s+){{0,3}}?{_BIO_ROLE}\b"
    rf"|(?:a|an|the)\s+(?:[\w'\u2019\-]+\s+){{0,4}}?{_BIO_ROLE}\s+(?:at|for|with|on|of|in)\s)"
    rf"|^{_BIO_NAME.replace('name', 'name2')}\s+(?:covers|reports\s+on|writes\s+(?:about|on))\s"
    rf".{{1,120}}?\bfor\s+(?:the\s+)?[A-Z]"
)
# What a paragraph naming the byline author says when it is about the writer, not the story.
_BIO_CUE: Final = re.compile(rf"\b{_BIO_ROLE}\b|\b(?:written|edited|produced|compiled|presented|hosted)\s+by\b", re.I)
_BIO_SAID: Final = re.compile(r"\b(?:said|says|told|tells|according\s+to)\b")
# A paragraph about the writer is at most this long; a longer one is more likely the story.
MAX_BIO_WORDS: Final = 60


def _author_names(author: str | None) -> list[str]:
    """Each full name in a byline ("Ana Ruiz and Tom Lee"); a single word is too weak to match on."""
    parts = re.split(r"\s*,\s*|\s+(?:and|&)\s+", _norm(author or ""))
    return [p for p in parts if len(p.split()) >= 2]


def _is_bio(b: _Block, names: list[str]) -> bool:
    if b.n > MAX_BIO_WORDS:
        return False
    text = b.text.lstrip("*_ ")
    for name in names:
        if text.startswith(name) and _BIO_VERB.match(text[len(name) :]):
            return True
        if name in text and _BIO_CUE.search(text):
            return True  # "Ballot Box Notes is written by Esteban Marchetti, a former reporter"
    m = _BIO_PATTERN.match(text)
    if m is None or _BIO_SAID.search(text):
        return False
    name = m.group("name") or m.group("name2")
    return all(t.lower() not in _NON_NAME for t in name.split())


def _mark_author_bio(page: _Page, author: str | None) -> None:
    """Paragraphs after the story that introduce a writer ("Jane Smith is a reporter …").

    The trailing zone is read from the end upwards: bios are dropped, leftover labels (no sentence)
    are stepped over, and the first other sentence is the story's end, so a bio-like sentence that
    the story goes on from stays. The first kept paragraph is never a bio.
    """
    names = _author_names(author)
    kept = [i for i, r in enumerate(page.reason) if r is None]
    for i in reversed(kept[1:]):
        b = page.blocks[i]
        if _is_bio(b, names):
            page.reason[i] = "author bio"
        elif b.sentence or page.strong[i]:
            break


_OUTLET_ECHO: Final = frozenset({"copyright", "short line", "navigation", "interface"})


def _byline_outlets(text: str, author: str | None) -> list[str]:
    """Capitalised segments of a byline that are not its authors, dates, counters or roles."""
    m = _BY.match(text)
    segs = [s for s in _SEG_SPLIT.split(m.group("rest") if m else text) if s]
    author_key = _fold(author or "")
    found = []
    for seg in segs:
        toks = seg.split()
        if (
            not 1 <= len(toks) <= 5 or _date_kind(seg) or _COUNTER.match(seg) or _ROLE.search(seg)
            or _AND.search(seg) or (author_key and _fold(seg) in author_key)
        ):  # fmt: skip
            continue
        if toks[0][0].isupper() and all(t[0].isupper() or t[0].isdigit() or t.lower() in _FUNCTION for t in toks):
            found.append(seg)
    return found


def _page_outlet(page: _Page, author: str | None) -> str | None:
    """The outlet a byline names ("By Jane Smith, NewsNine"), trusted only when the page's own
    furniture repeats it: the copyright line, or the masthead above the headline. A place
    ("By Jane Smith, Seoul") or a second author seldom appears there."""
    top = page.title_idx if page.title_idx is not None else page.first_body
    echoes = [
        f" {b.key} "
        for i, b in enumerate(page.blocks)
        if page.reason[i] == "copyright" or (i < top and page.reason[i] in _OUTLET_ECHO)
    ]
    for i, b in enumerate(page.blocks):
        if page.reason[i] != "byline":
            continue
        for seg in _byline_outlets(b.text, author):
            key = _fold(seg)
            if key and any(f" {key} " in echo for echo in echoes):
                return _norm(seg)
    return None


class Paragraphs:
    """What :func:`is_story_paragraph` worked out about the paragraphs of one article, for
    :func:`clean_article` to reuse on that article: a markdown paragraph becomes one line of the text
    it cleans, and a one-line block depends only on its line, so nothing is computed twice.

    Use one per article; it saves work within the article only and is dropped with it.
    """

    __slots__ = ("_blocks", "_content")

    def __init__(self) -> None:
        self._blocks: dict[str, _Block] = {}  # by stripped line; made with line number 1
        self._content: dict[str, str | None] = {}  # _content_reason of that block, where asked

    def block(self, item: tuple[int, str]) -> _Block:
        """_make_block([item]): the block made earlier from the same line, renumbered."""
        number, line = item
        b = self._blocks.get(line)
        if b is None:
            return _make_block([item])
        return _Block((number,), b.raw, b.text, b.key, b.words, b.n, b.punct, b.sentence)

    def content(self, b: _Block) -> str | None:
        """_content_reason(b), which reads the block's line and what it derives from it."""
        if len(b.raw) == 1 and b.raw[0] in self._content:
            return self._content[b.raw[0]]
        return _content_reason(b)


def is_story_paragraph(text: str, seen: Paragraphs | None = None) -> bool:
    """Whether one paragraph, on its own, reads as story prose: a sentence of eight words or more
    (or any twenty words) that no context-free furniture rule claims. ``seen`` keeps what was
    worked out for :func:`clean_article` of the same article."""
    line = text.strip()
    if not line:
        return False
    b = _make_block([(1, line)])
    if seen is not None:
        seen._blocks[line] = b
    if not _is_strong(b):
        return False
    verdict = _content_reason(b)
    if seen is not None:
        seen._content[line] = verdict
    return verdict is None


def clean_article(
    raw: str, *, known_title: str | None = None, known_author: str | None = None, seen: Paragraphs | None = None
) -> Cleaned:
    """Split ``raw`` into kept body paragraphs and dropped furniture lines (see the module doc).

    ``seen`` holds what :func:`is_story_paragraph` found on this article's paragraphs (a speed-up
    only: the result is the same without it)."""
    blocks = _blocks(raw, seen)
    content = [seen.content(b) for b in blocks] if seen is not None else [_content_reason(b) for b in blocks]
    page = _Page(blocks, content, [None] * len(blocks), [])
    title = _mark_title(page, known_title)
    page.find_body()
    author = _mark_bylines(page, known_author)
    _mark_content_and_repeats(page)
    _mark_sections(page)
    dateline, dateline_drop, cut = _cut_dateline(page)
    _mark_by_position(page)
    _mark_author_bio(page, known_author or author)
    outlet = _page_outlet(page, known_author or author)

    paragraphs: list[str] = []
    dropped: list[DroppedLine] = [dateline_drop] if dateline_drop else []
    for i, b in enumerate(blocks):
        r = page.reason[i]
        if r is not None:
            dropped.extend(DroppedLine(ln, s, r) for ln, s in zip(b.lines, b.raw, strict=True))
        elif cut is not None and cut[0] == i:
            if rest := b.text[cut[1] :].strip():
                paragraphs.append(rest)
        else:
            paragraphs.append(b.text)
    dropped.sort(key=lambda d: d.line)
    return Cleaned(
        text="\n\n".join(paragraphs),
        dropped=tuple(dropped),
        title=title,
        author=author,
        dateline=dateline,
        outlet=outlet,
    )
