"""Line-level features of a page dump: the signals every text-cleaning decision is made from.

A page copied as text keeps one visual line per HTML block: paragraphs are long
lines, menus and link lists are runs of short lines, and blank lines mark where
the layout put space. Nothing here knows any particular site; the signals are
length, stop-word density, sentence punctuation, the shape of the surrounding
block, repetition within the page, and a small vocabulary of generic
boilerplate cues (calls to action, legal lines, template placeholders).
"""

from __future__ import annotations

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
    # The same eight as heapq.nlargest(8, ...), ties included, sorted in C rather than heaped in Python.
    longest = sorted(token_lists, key=len, reverse=True)[:8]
    sample = Counter(token for tokens in longest for token in tokens[:40])
    sampled = sum(sample.values())
    if not sampled:
        return frozenset()
    hits = [0] * len(languages)
    for token in sample.keys() & index.keys():  # only the sampled words some stoplist holds
        for number in index[token]:
            hits[number] += sample[token]
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
    """One non-empty line of a page dump with the signals computed from it (by `split_lines`)."""

    index: int  # position among the non-empty lines
    text: str
    block: int  # blank-line separated block number
    block_size: int = 1  # number of non-empty lines in that block
    words: int = 0
    stop_ratio: float = 0.0  # share of stop words; -1 when no stoplist fits the page
    sentence_end: bool = False
    repeated: int = 1  # occurrences of the same normalised text in the page
    cues: tuple[str, ...] = ()  # see `boilerplate_cues`; a tuple, so the many lines without cues share one empty value
    lowered: str = field(default="", repr=False)  # text in lower case
    tokens: list[str] = field(default_factory=list, repr=False)  # words of `lowered`
    key: str = field(default="", repr=False)  # the normalised text: `normalise(text)`
    # Stored rather than a property: the segment search asks it of every line several times.
    prose: bool = False  # see `reads_like_prose`


def reads_like_prose(words: int, stop_ratio: float, sentence_end: bool) -> bool:
    """Reads like running text: enough words, enough function words, sentence punctuation.

    `stop_ratio` is -1 when the page's language has no stoplist; then
    length and punctuation decide alone.
    """
    if stop_ratio < 0:
        return words >= 30 or (words >= 10 and sentence_end)
    if words >= 30 and stop_ratio >= 0.2:
        return True
    if words >= 18 and stop_ratio >= 0.3:
        return True  # a paragraph whose final punctuation the dump lost
    return words >= 8 and stop_ratio >= 0.22 and sentence_end


def normalise(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def line_shape(line: Line) -> str | None:
    """A short line with its digits masked: "2 days ago at 07:52 am" and "5 days ago at 10:01 pm"
    share a shape. Repeated shapes are the meta lines of comment threads and teaser lists.

    None for the lines not compared by shape: longer ones and those without numbers.
    """
    if line.words > 8 or not DIGIT.search(line.text):
        return None
    return DIGIT.sub("0", line.lowered)


# A sentence end and its trailing quotes or footnote mark fit in this many
# characters; searching only a line's tail keeps the check cheap on long paragraphs.
SENTENCE_TAIL = 24


def split_lines(text: str) -> list[Line]:
    """Split a dump into non-empty lines, compute their features and mark page-level repetition."""
    # The page-level facts (the stoplist, block sizes, repetition) come first,
    # so that each Line is built once with all its features: this runs for
    # every line of every page.
    texts: list[str] = []
    blocks: list[int] = []
    block = 0
    previous_blank = True
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        texts.append(stripped)
        blocks.append(block)
    lowered_texts = [line_text.lower() for line_text in texts]
    token_lists = [WORD.findall(lowered) for lowered in lowered_texts]
    keys = [" ".join(tokens) for tokens in token_lists]
    has_cjk = bool(CJK.search(text))
    stops = page_stop_words(token_lists)
    is_stop = stops.__contains__
    sizes = Counter(blocks)
    counts = Counter(keys)
    lines: list[Line] = []
    for index, (stripped, block, lowered, tokens, key) in enumerate(zip(texts, blocks, lowered_texts, token_lists, keys, strict=True)):
        # Scripts without spaces: count about one word per two characters.
        words = len(tokens) + (len(CJK.findall(stripped)) // 2 if has_cjk else 0)
        stop_ratio = sum(map(is_stop, tokens)) / len(tokens) if stops and tokens else -1.0
        sentence_end = bool(SENTENCE_END.search(stripped[-SENTENCE_TAIL:]))
        lines.append(
            Line(
                index=index,
                text=stripped,
                block=block,
                block_size=sizes[block],
                words=words,
                stop_ratio=stop_ratio,
                sentence_end=sentence_end,
                repeated=counts[key] if key else 1,
                lowered=lowered,
                tokens=tokens,
                key=key,
                prose=reads_like_prose(words, stop_ratio, sentence_end),
            )
        )
    # Only short lines with numbers are compared by shape; the others keep the
    # repetition of their text alone.
    shapes = {line.index: shape for line in lines if (shape := line_shape(line)) is not None}
    shape_counts = Counter(shapes.values())
    for index, shape in shapes.items():
        lines[index].repeated = max(lines[index].repeated, shape_counts[shape])
    for line in lines:
        if could_hold_cue(line):
            line.cues = tuple(boilerplate_cues(line))
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


# Every word gate of `boilerplate_cues` at once (see `could_hold_cue`).
ANY_CUE_WORD = CALL_TO_ACTION_GATE | SOCIAL_GATE | URL_GATE | CAPTION_GATE | {"protected"}


def could_hold_cue(line: Line) -> bool:
    """Whether any gate of `boilerplate_cues` lets the line through.

    Most lines of a page pass no gate at all; this one test settles them,
    where `boilerplate_cues` would try each gate in turn.
    """
    return (
        not ANY_CUE_WORD.isdisjoint(line.tokens)
        # Substring tests, each a fast scan in C: several are cheaper than one regex alternation.
        or "{" in line.text
        or "%%" in line.text
        or "@" in line.text
        or may_be_legal(line.lowered)
        or line.lowered.endswith(")")
        or line.lowered.startswith(CAPTION_OPENINGS)
        or (line.words <= 3 and bool(IMAGE_CODE_GATE.search(line.text)))
    )


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
