"""Article metadata from what the cleaners separated: outlet, headline, dek, byline, dates.

For page dumps everything comes from the lines above and below the body:

* headline: the page <title>'s headline part, or the first headline-shaped
  line above the body (the h1), never a date, byline, caption or menu line;
* dek: a one-sentence line between the headline and the body;
* byline: "By A and B", "Name - Nov 19, 2019", "... by Name";
* outlet, in order of trust: the JSONL record, the title suffix ("Headline |
  Site"), a copyright line ("© 2024 The Daily X Company, LLC"), a name the
  page's own promos repeat ("WND Insider", "WND News Center"), an agency
  credit line under the headline ("AFP-Yonhap News");
* stated date and reference date: see `dates.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from pydantic import TypeAdapter

from newsprism.clean.dates import line_date, reference_date, stated_date
from newsprism.clean.html import HtmlParts
from newsprism.clean.lines import WORD, is_caption_credit
from newsprism.clean.marks import authors_of_byline
from newsprism.clean.segment import DEK_MAX_WORDS
from newsprism.clean.text_dump import DumpParts
from newsprism.model import Article, RawDocument, Removed

TITLE_SEPARATOR = re.compile(r"\s+(?:\||[-–—]|::|»|·)\s+")
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|bin|al))*"
BYLINE = re.compile(rf"^(?:written\s+)?by[\s\u00a0:]+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)", re.IGNORECASE)
TRAILING_BY = re.compile(rf"\bby\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*$")
NAME_THEN_DATE = re.compile(rf"^(?P<names>{NAME})\s+[-–|]\s+.*\d")
CORPORATE_SUFFIX = re.compile(
    r"(?:,?\s+(?:company|co\.?|llc|inc\.?|ltd\.?|limited|corp(?:oration)?\.?|plc|gmbh|s\.a\.|group|media|"
    r"newsgroup|cooperative|publishing|publications|holdings|network|partners))+\.?$",
    re.IGNORECASE,
)
COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})",
)
# A copyright line on a picture ("© KYODO/FILE PHOTO: A plane burning ...", "© Reuters photo") names who owns the
# picture, not the outlet that ran it.
PICTURE_CREDIT = re.compile(r"\b(?:photo|photos|photograph|image|picture|file)\w*\b|\bfile\s*photo\b|:\s+\S", re.IGNORECASE)
AGENCY = re.compile(r"\b(?:news|press|agency|wire|service|AP|AFP|Reuters|Yonhap|Xinhua|Tass|Kyodo|Bernama|ANSA|EFE|DPA|UPI|PTI|IANS)\b")
PROMO_NAME = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,})(?:['’]s)?\b")
REMOVED_ITEMS = TypeAdapter(list[Removed])
DATEISH = re.compile(r"\d{1,2}[/.:]\d{1,2}|\b(?:19|20)\d\d\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b", re.IGNORECASE)


def article_from_dump(raw: RawDocument, parts: DumpParts) -> Article:
    """Assemble an Article from a cleaned page dump, reading metadata off its header and footer."""
    header = parts.header
    reasons = dict(parts.removed)
    roles: dict[str, str] = {}
    title_line = header[0] if header and looks_like_title(header[0]) else None
    title_headline, title_site = split_title(title_line) if title_line else (None, None)

    headline_index = choose_headline(header, parts.header_words, reasons, title_headline)
    headline = raw.title or (header[headline_index] if headline_index is not None else title_headline)
    if headline_index is not None:
        roles[header[headline_index]] = "headline"

    byline: list[str] = []
    for index, line in enumerate(header):
        names = byline_names(line) or authors_of_byline(line)
        if not names and headline_index is not None and headline_index < index <= headline_index + 2:
            names = bare_byline(line, header[index + 1 : index + 3])
        if names:
            byline = names
            roles[line] = "byline"
            break
    if not byline:
        # A byline set below the dek, inside the article's run, was taken out of the body as one.
        byline = next((names for removed in parts.removed if removed.reason == "byline" for names in [authors_of_byline(removed.text)] if names), [])

    dek = None
    if headline_index is not None:
        for line in header[headline_index + 1 : headline_index + 4]:
            if reasons.get(line) != "navigation" or roles.get(line):
                if reasons.get(line) in ("caption", "credit"):
                    break
                continue
            words = len(WORD.findall(line))
            if 5 <= words <= DEK_MAX_WORDS and not DATEISH.search(line) and not is_caption_credit(line, line.lower()):
                dek = line
                roles[line] = "dek"
                break

    published: dt.date | None
    if raw.published is not None:
        published, weak = raw.published, False
    else:
        # Only dated lines can state the date; asking for the date first spares the
        # caption pattern most lines (line_date is cached, stated_date asks it again).
        published, weak = stated_date(line for line in header if line_date(line) and not is_caption_credit(line, line.lower()))
        if published is None:
            published, weak = stated_date(parts.footer[:8])
    for line in header:
        if line_date(line) and len(line.split()) <= 12 and not roles.get(line):
            roles[line] = "dateline"

    outlet = raw.outlet or outlet_from_page(parts, header, headline_index, roles) or title_site
    body = "\n\n".join(parts.body)
    legal = [text for text, reason in parts.removed if reason == "legal"]
    reference, note = reference_date(published, body, captions=parts.captions, legal=legal, weak=weak)
    # Validated as plain records in one pass: pydantic builds a page's hundreds of Removed items fastest so.
    removed = REMOVED_ITEMS.validate_python(
        [{"text": text, "reason": roles.get(text, reason) if reason == "navigation" else reason} for text, reason in parts.removed]
    )
    article = Article(
        id=raw.id,
        source=raw.source,
        url=raw.url,
        outlet=outlet,
        headline=headline,
        dek=dek,
        byline=byline,
        published=published,
        reference_date=reference,
        date_note=note,
        body=body,
        removed=removed,
        captions=parts.captions,
    )
    if weak or (reference is not None and reference != published):
        article.provisional_date = True
    return article


def choose_headline(header: list[str], header_words: list[list[str]], reasons: dict[str, str], title_headline: str | None) -> int | None:
    """Index of the article's headline (the h1) among the lines above the body.

    `header_words` are the words of each header line in lower case (as
    `DumpParts` gives them). A headline is followed closely by its byline, date
    or dek; a site's tagline at the top of the page is followed by menus.
    Repeating the <title>'s headline part is the strongest sign; nearness to the
    body breaks ties.
    """
    best_index, best_score = None, 0.0
    title_words = set(WORD.findall(title_headline.lower())) if title_headline else set()
    for index, line in enumerate(header):
        if index == 0 and title_headline and line != title_headline:
            continue  # the <title> line itself
        words = header_words[index]
        if reasons.get(line) not in (None, "navigation") or not looks_like_headline(line, words):
            continue
        score = 1.0 + index / (10 * len(header))
        following = header[index + 1 : index + 4]
        if any(_byline_names(other) or line_date(other) for other in following):
            score += 2.0
        if title_words and len(title_words.intersection(words)) >= 0.6 * len(set(words)):
            score += 3.0
        if len(words) >= 6:
            score += 1.0
        if len(words) > 20:
            score -= 1.5  # a sentence-long line under the headline is its dek
        if "|" in line:
            score -= 1.5
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def bare_byline(line: str, following: list[str]) -> list[str]:
    """A byline without "By": two to four capitalised words right before a dateline ("Staff Reporter")."""
    words = line.split()
    if not 2 <= len(words) <= 4 or DATEISH.search(line) or not all(word[:1].isupper() for word in words):
        return []
    if any(line_date(other) for other in following):
        return [line.strip()]
    return []


def article_from_html(raw: RawDocument, parts: HtmlParts) -> Article:
    """Assemble an Article from trafilatura's extraction (record fields take precedence)."""
    body = "\n\n".join(parts.body)
    published = raw.published or parts.date
    legal = [item.text for item in parts.removed if item.reason == "legal"]
    reference, note = reference_date(published, body, legal=legal)
    article = Article(
        id=raw.id,
        source=raw.source,
        url=raw.url or parts.url,
        outlet=raw.outlet or parts.sitename,
        headline=raw.title or parts.title,
        dek=parts.description if parts.description and parts.description not in body else None,
        byline=parts.authors,
        published=published,
        reference_date=reference,
        date_note=note,
        body=body,
        removed=parts.removed,
    )
    if reference is not None and reference != published:
        article.provisional_date = True
    return article


def article_from_body(raw: RawDocument) -> Article:
    """A JSONL record's clean body: no cleaning, metadata from the record itself."""
    body = raw.content.strip()
    reference, note = reference_date(raw.published, body)
    return Article(
        id=raw.id,
        source=raw.source,
        url=raw.url,
        outlet=raw.outlet,
        headline=raw.title,
        published=raw.published,
        reference_date=reference,
        date_note=note,
        body=body,
    )


def looks_like_title(line: str) -> bool:
    words = len(WORD.findall(line))
    return 2 <= words <= 30 and not line.rstrip().endswith(".") and not DATEISH.fullmatch(line.strip())


def looks_like_headline(line: str, lowered_words: list[str]) -> bool:
    """An h1: a few words, no date, no byline, no caption credit, not all upper case, not a menu word.

    `lowered_words` are the words of the line in lower case (`WORD.findall(line.lower())`).
    """
    # The words of the line as written: in lower case a word can split outside
    # ASCII (the "İ" of "İzmir" lowers to an "i" and a combining dot).
    words = len(lowered_words) if line.isascii() else len(WORD.findall(line))
    if not 3 <= words <= 25 or line.isupper() or line.rstrip().endswith((".", ":", ",")):
        return False
    # The pattern checks last: this runs for every line above the body.
    return not (_byline_names(line) or is_caption_credit(line, line.lower()) or line_date(line))


def split_title(title: str) -> tuple[str | None, str | None]:
    """("Headline", "Site") from "Headline | Site" (or "Site - Headline"); the site is the shorter side."""
    pieces = TITLE_SEPARATOR.split(title)
    if len(pieces) < 2:
        return title, None
    first, last = pieces[0], pieces[-1]
    if len(last) <= len(first) and len(last.split()) <= 6:
        return " - ".join(pieces[:-1]), last.strip()
    if len(first.split()) <= 4:
        return " - ".join(pieces[1:]), first.strip()
    return title, None


def byline_names(line: str) -> list[str]:
    """Author names from a byline line, or [] when the line is not a byline."""
    return list(_byline_names(line))


@lru_cache(maxsize=4096)
def _byline_names(line: str) -> tuple[str, ...]:
    """Cached: choosing the headline asks this of the same header lines several times."""
    text = line.replace("\u00a0", " ").strip()
    # A BYLINE match holds "by" in some case, a TRAILING_BY match a literal "by", a NAME_THEN_DATE match a dash
    # or a bar; most lines asked about have none of them and are settled without a pattern.
    has_by = "by" in text.lower()
    has_dash = "-" in text or "–" in text or "|" in text
    if not (has_by or has_dash) or len(text.split()) > 16:
        return ()
    match = BYLINE.match(text) if has_by else None
    if match is None and "by" in text:
        match = TRAILING_BY.search(text)
    if match is None and has_dash:
        match = NAME_THEN_DATE.match(text)
    if not match:
        return ()
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
    return tuple(name.strip(" .") for name in names if len(name.split()) >= 2 and not DATEISH.search(name))


def outlet_from_page(parts: DumpParts, header: list[str], headline_index: int | None, roles: dict[str, str]) -> str | None:
    """The outlet named by the page itself: its copyright holder (as the masthead spells it),
    a name its own promos repeat, or an agency credit under the headline."""
    masthead = header[: headline_index if headline_index is not None else 5][:6]
    for removed in parts.removed:
        if removed.reason != "legal":
            continue
        match = COPYRIGHT_NAME.search(removed.text)
        if not match:
            continue
        name = re.split(r"\.\s", match.group("name"))[0]
        if PICTURE_CREDIT.search(name) or PICTURE_CREDIT.search(removed.text[match.end("name") : match.end("name") + 3]):
            continue
        core = CORPORATE_SUFFIX.sub("", name.strip(" ,.")).strip(" ,.")
        if not core or core.lower() in {"all", "the", "copyright"} or core.isdigit():
            continue
        return masthead_spelling(core, masthead) or core
    promo_names: Counter[str] = Counter()
    for removed in parts.removed:
        if removed.reason == "promo":
            # Each name once per line, in the order it comes: equal counts go to the name seen first.
            promo_names.update(list(dict.fromkeys(PROMO_NAME.findall(removed.text))))
    for name, count in promo_names.most_common(3):
        if count >= 2:
            return masthead_spelling(name, masthead) or name
    start = (headline_index + 1) if headline_index is not None else 0
    for line in header[start : start + 3]:
        if len(line.split()) <= 5 and AGENCY.search(line) and roles.get(line) is None and not DATEISH.search(line):
            roles[line] = "credit"
            return line.strip()
    return None


def masthead_spelling(core: str, masthead: list[str]) -> str | None:
    """The masthead line (or '|'-separated part of one) that contains the copyright holder's core name."""
    core_words = [word for word in WORD.findall(core.lower()) if word != "the"]
    spellings = []
    for line in masthead:
        for piece in re.split(r"\s+\|\s+", line):
            words = WORD.findall(piece.lower())
            if 1 <= len(words) <= 6 and core_words and any(word in words for word in core_words):
                spellings.append(piece.strip())
    # The fullest spelling: "The Kessarian Clarion" rather than the logo text "CLARION".
    return max(spellings, key=lambda piece: (len(piece.split()), not piece.isupper())) if spellings else None
