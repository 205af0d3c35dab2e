"""Line-level features of a page dump: the signals every text-cleaning decision is made from.

A page copied as text keeps one visual line per HTML block: paragraphs are long
lines, menus and link lists are runs of short lines, and blank lines mark where
the layout put space. Nothing here knows any particular site; the signals are
length, stop-word density, sentence punctuation, the shape of the surrounding
block, repetition within the page, and a small vocabulary of generic
boilerplate cues (calls to action, legal lines, template placeholders).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

WORD = re.compile(r"\w+(?:['’]\w+)?")
SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’)\]」』]*\s*$|[.!?…]["'”’)\]]*\s+\[?\d*\]?$""")
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|%%\w+%%")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\[email\s*protected\]", re.IGNORECASE)
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|^\s*copyright\b|\bcopyright\s*(?:\(c\)\s*)?\d{4}|all rights? reserved|protected by copyright",
    re.IGNORECASE,
)
IMAGE_CODE = re.compile(r"^(?:[A-Z]{0,3}\d{0,3}\s+)?[A-Z0-9_-]*\d{3,}[A-Z0-9_-]*$")
DIGIT = re.compile(r"\d+")
BULLET = re.compile(r"^\s*(?:[•·▪►▸◦‣*-]|\d+\.)\s+")

# Generic vocabulary of page furniture. These are the words sites use to ask the
# reader to act (subscribe, share, sign in) or to state terms; article prose
# uses them rarely and almost never in the second person imperative.
# Matched against the lower-cased line.
CALL_TO_ACTION = re.compile(
    r"\b(?:sign (?:up|in)|log ?in|subscribe|subscription|subscriber|newsletter|inbox|unsubscribe|"
    r"donat(?:e|ion)|becom(?:e|ing) an? (?:\w+ )?(?:member|supporter|patron|subscriber|insider)|membership|"
    r"free (?:trial|articles?)|(?:articles?|stories) (?:left|remaining)|"
    r"already (?:a member|have an account|subscribed)|create (?:a )?(?:free )?account|"
    r"click here|tap here|read more|continue reading|share (?:this|on)|follow us|"
    r"leave a (?:comment|reply)|comments? (?:are|have been) closed|post a comment|"
    r"privacy policy|terms (?:of (?:use|service)|and conditions)|cookie|advertis(?:e|ement|ing)|"
    r"sponsored|download (?:the|our) app|support (?:our|independent) journalism|"
    r"all rights reserved|reproduc(?:ed|tion)|republish|licens(?:e|ing)|paywall|"
    r"skip to (?:main )?content|back to top|you (?:may|might) also like|recommended for you)\b"
)
SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|tiktok|pinterest|reddit|rss|email|e-mail)\b",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]{0,80}(?:/|photo|image|credit|getty|reuters|\bAP\b|AFP|file|pool))[^()]*\)\s*$"
    r"|^(?:photo|image|picture|illustration|credit|source|file photo)s?\s*(?:by|:|/|credit|copyright|caption|source)"
    r"|\b(?:getty images|shutterstock|istock|via AP|AP Photo|Reuters/)\b",
    re.IGNORECASE,
)


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Below this share of stop words over the page's longer lines, no stoplist fits
# the page's language and prose is told by length and punctuation alone.
MIN_STOPLIST_COVERAGE = 0.08


@lru_cache(maxsize=1)
def stoplist_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """jusText's stoplists (a trafilatura dependency) as {word: languages it is a stop word of}."""
    import justext

    languages = tuple(sorted(justext.get_stoplists()))
    index: dict[str, list[int]] = {}
    for number, language in enumerate(languages):
        for word in justext.get_stoplist(language):
            index.setdefault(word.lower(), []).append(number)
    return languages, {word: tuple(numbers) for word, numbers in index.items()}


def page_stop_words(token_lists: list[list[str]]) -> frozenset[str]:
    """The stop words of the page's language, chosen as the stoplist that covers most of its longer lines.

    Returns an empty set when no stoplist covers at least MIN_STOPLIST_COVERAGE
    (scripts written without spaces, languages jusText has no list for).
    """
    languages, index = stoplist_index()
    # The eight longest lines are prose if the page has any; a few hundred of
    # their words name the language as surely as all of them would.
    sample = Counter(token for tokens in heapq.nlargest(8, token_lists, key=len) for token in tokens[:40])
    sampled = sum(sample.values())
    if not sampled:
        return frozenset()
    hits = [0] * len(languages)
    for token, count in sample.items():
        for number in index.get(token, ()):
            hits[number] += count
    best = max(range(len(languages)), key=hits.__getitem__)
    if hits[best] / sampled < MIN_STOPLIST_COVERAGE:
        return frozenset()
    return _stoplist(languages[best])


@cache  # at most one per jusText language
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(language))


@dataclass(slots=True)
class Line:
    """One non-empty line of a page dump with the signals computed from it."""

    index: int  # position among the non-empty lines
    text: str
    block: int  # blank-line separated block number
    block_size: int = 1  # number of non-empty lines in that block
    words: int = 0
    stop_ratio: float = 0.0  # share of stop words; -1 when no stoplist fits the page
    sentence_end: bool = False
    repeated: int = 1  # occurrences of the same normalised text in the page
    cues: list[str] = field(default_factory=list)
    lowered: str = field(default="", repr=False)  # text in lower case
    tokens: list[str] = field(default_factory=list, repr=False)  # words of `lowered`

    @property
    def prose(self) -> bool:
        """Reads like running text: enough words, enough function words, sentence punctuation.

        `stop_ratio` is -1 when the page's language has no stoplist; then
        length and punctuation decide alone.
        """
        if self.stop_ratio < 0:
            return self.words >= 30 or (self.words >= 10 and self.sentence_end)
        if self.words >= 30 and self.stop_ratio >= 0.2:
            return True
        if self.words >= 18 and self.stop_ratio >= 0.3:
            return True  # a paragraph whose final punctuation the dump lost
        return self.words >= 8 and self.stop_ratio >= 0.22 and self.sentence_end


def normalise(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def line_shape(line: Line) -> str:
    """A short line with its digits masked: "2 days ago at 07:52 am" and "5 days ago at 10:01 pm"
    share a shape. Repeated shapes are the meta lines of comment threads and teaser lists."""
    if line.words > 8 or not DIGIT.search(line.text):
        return f"#{line.index}"  # unique: only short lines with numbers are compared by shape
    return DIGIT.sub("0", line.text.lower())


# A sentence end and its trailing quotes or footnote mark fit in this many
# characters; searching only a line's tail keeps the check cheap on long paragraphs.
SENTENCE_TAIL = 24


def split_lines(text: str) -> list[Line]:
    """Split a dump into non-empty lines, compute their features and mark page-level repetition."""
    lines: list[Line] = []
    block = 0
    previous_blank = True
    has_cjk = bool(CJK.search(text))
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        lowered = stripped.lower()
        tokens = WORD.findall(lowered)
        # Scripts without spaces: count about one word per two characters.
        cjk_characters = len(CJK.findall(stripped)) if has_cjk else 0
        lines.append(
            Line(
                index=len(lines),
                text=stripped,
                block=block,
                words=len(tokens) + cjk_characters // 2,
                sentence_end=bool(SENTENCE_END.search(stripped[-SENTENCE_TAIL:])),
                lowered=lowered,
                tokens=tokens,
            )
        )
    stops = page_stop_words([line.tokens for line in lines])
    sizes = Counter(line.block for line in lines)
    keys = [" ".join(line.tokens) for line in lines]
    counts = Counter(keys)
    shapes = [line_shape(line) for line in lines]
    shape_counts = Counter(shapes)
    for line, key, shape in zip(lines, keys, shapes, strict=True):
        line.block_size = sizes[line.block]
        line.stop_ratio = (sum(map(stops.__contains__, line.tokens)) / len(line.tokens)) if stops and line.tokens else -1.0
        line.repeated = max(counts[key] if key else 1, shape_counts[shape])
        line.cues = boilerplate_cues(line)
    return lines


# Cheap gates in front of the cue patterns: a line can match a pattern only if
# it holds one of these words (or characters). Most lines hold none, and a set
# lookup per word costs far less than running every pattern over every line.
# tests/clean/test_lines.py generates strings from each pattern to check that
# its gate lets every one of them through.
# For each call-to-action phrase, its least common word that every match holds.
CALL_TO_ACTION_GATE = frozenset(
    {
        "sign",
        "log",
        "login",
        "subscribe",
        "subscription",
        "subscriber",
        "subscribed",
        "newsletter",
        "inbox",
        "unsubscribe",
        "donate",
        "donation",
        "member",
        "supporter",
        "patron",
        "insider",
        "membership",
        "trial",
        "article",
        "articles",
        "stories",
        "account",
        "click",
        "tap",
        "read",
        "reading",
        "share",
        "follow",
        "comment",
        "reply",
        "closed",
        "privacy",
        "terms",
        "cookie",
        "advertise",
        "advertisement",
        "advertising",
        "sponsored",
        "app",
        "journalism",
        "reserved",
        "reproduced",
        "reproduction",
        "republish",
        "license",
        "licensing",
        "paywall",
        "skip",
        "top",
        "also",
        "recommended",
    }
)
SOCIAL_GATE = frozenset(
    {
        "facebook",
        "twitter",
        "instagram",
        "youtube",
        "linkedin",
        "whatsapp",
        "telegram",
        "tiktok",
        "pinterest",
        "reddit",
        "rss",
        "email",
        "mail",
    }
)
URL_GATE = frozenset(
    {
        "http",
        "https",
        "www",
    }
)
# Captions and credits: a line ending in a parenthesised credit, opening with
# "Photo"/"Image"/..., or naming a picture agency.
CAPTION_OPENINGS = ("photo", "image", "picture", "illustration", "credit", "source", "file photo")
CAPTION_GATE = frozenset({"getty", "shutterstock", "istock", "ap", "reuters"})
IMAGE_CODE_GATE = re.compile(r"\d{3}")


def could_match(gate: frozenset[str], tokens: list[str]) -> bool:
    return not gate.isdisjoint(tokens)


def may_be_legal(lowered: str) -> bool:
    return "©" in lowered or "ⓒ" in lowered or "(c)" in lowered or "copyright" in lowered or "reserved" in lowered


def may_be_caption(lowered: str, tokens: list[str]) -> bool:
    return lowered.endswith(")") or lowered.startswith(CAPTION_OPENINGS) or not CAPTION_GATE.isdisjoint(tokens)


def boilerplate_cues(line: Line) -> list[str]:
    """Names of the generic boilerplate signals a line shows (empty for ordinary prose).

    Each pattern runs only on lines that pass its gate (see above); this runs
    for every line of every page, so the gates are written out inline.
    """
    text, lowered, tokens, words = line.text, line.lowered, line.tokens, line.words
    cues: list[str] = []
    if ("{" in text or "%%" in text) and TEMPLATE_PLACEHOLDER.search(text):
        cues.append("template")
    caption = may_be_caption(lowered, tokens) and bool(CAPTION_CREDIT.search(text))
    if may_be_legal(lowered) and COPYRIGHT.search(text) and not (caption and words <= 12):
        cues.append("legal")
    if ("@" in text or "protected" in tokens) and EMAIL.search(text) or (words < 25 and not URL_GATE.isdisjoint(tokens) and URL.search(text)):
        cues.append("contact")
    if words <= 3 and IMAGE_CODE_GATE.search(text) and IMAGE_CODE.match(BULLET.sub("", text)):
        cues.append("image-id")
    if not CALL_TO_ACTION_GATE.isdisjoint(tokens):
        action = CALL_TO_ACTION.findall(lowered)
        # A call to action is a cue in a short line or in one that talks to the reader.
        if action and (words < 40 or SECOND_PERSON.search(text) or len(action) >= 2):
            cues.append("promo")
    if caption:
        cues.append("caption")
    if words < 25 and not SOCIAL_GATE.isdisjoint(tokens) and len(SOCIAL.findall(text)) >= 2:
        cues.append("promo")
    return cues
