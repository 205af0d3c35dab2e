"""What marks a single line of a page dump as one kind of furniture or another, in the languages of the stoplists.

Each test here reads one line (a `lines.Line`) and nothing around it: a
picture's caption by its credit, a byline, a note that presents a writer, a
licence notice, a link to a file, a timestamp, a recipe's ingredient, a line
of smileys. Where such a line counts, and what else decides (the article's
run, the lines around it), is `text_dump`'s job. Most lines hold none of the
words or characters a mark needs, so each test checks a cheap gate before
its pattern.
"""

from __future__ import annotations

import re

from newsprism.clean.lines import Line

# A caption that ends with its picture's credit, in the languages of the pages measured: "(Foto: Privat)",
# "(Symbolbild)", "Kuva: Jane Doe", "Imagen: Télam", "Photograph by Jane Doe". Not "(Quelle: ...)" or "(Source: ...)":
# a paragraph cites its sources so. A caption is a sentence or two, CREDITED_CAPTION_MAX_WORDS at most.
TRAILING_CREDIT = re.compile(
    r"(?i)(?:\((?:fotos?|bild(?:quelle)?|imagen|photo|image|kuva|fot\.|zdjęcie|symbolbild)\b[^()]{0,80}\)"
    r"|\b(?:fotos?|bild|bildquelle|kuva|imagen|photo|photograph|credit|zdjęcie)(?: by|:)\s*[^.:]{0,60})\.?\s*$"
)
# Where a caption places the people in its picture: "Jane Roe (l.) and John Doe", "v.l.n.r.", "(right)", "(izq.)".
PLACE_IN_PICTURE = re.compile(
    r"(?i)\((?:(?:l|r|m|li|re)\.|v\. ?l\.(?: ?n\. ?r\.)?|von links|left|right|centre|center|from left|izq\.|der\.|à gauche|à droite|od lewej)\)"
    r"|\bv\. ?l\. ?n\. ?r\."
)
# A caption that ends with a photographer and the agency that sells the picture: "Jane Roe/Reuters files",
# "Jane Roe | Agencia UNO", "Foto: Jane Roe / picture alliance", "Credit... Jane Roe/Associated Press".
AGENCY_CREDIT = re.compile(
    r"(?i)(?:[/|©]|\(c\)|\bcredit\W|\bfoto\W|\bphoto\W|\bbild\W)[^/|]{0,40}\b(?:reuters|afp|ap|dpa|efe|getty(?: images)?|"
    r"picture[- ]alliance|imago|keystone|epa|shutterstock|unsplash|istock(?:photo)?|associated press|ansa|apa|xinhua|anadolu|"
    r"agencia \w+|europa press)\b(?: files?| photo)?\)?\.?\s*$"
)
# The last word of every AGENCY_CREDIT match (but "Agencia ...", whose name comes after it).
AGENCY_CREDIT_LAST_WORDS = frozenset(
    {"reuters", "afp", "ap", "dpa", "efe", "getty", "images", "alliance", "imago", "keystone", "epa", "shutterstock", "unsplash",
     "istock", "istockphoto", "press", "ansa", "apa", "xinhua", "anadolu", "files", "file", "photo"}
)
CREDITED_CAPTION_MAX_WORDS = 40
CREDIT_TAIL = 120  # the longest trailing credit TRAILING_CREDIT matches: a parenthesis of 80 characters and its word


def is_marked_caption(line: Line) -> bool:
    """A short line that ends with a picture's credit or places the people in the picture: a caption (see
    AGENCY_CREDIT, TRAILING_CREDIT, PLACE_IN_PICTURE).

    Dropped from the body without changing the line's score: a caption set
    between two paragraphs is crossed by the article's run as any short line
    is (scored as a caption cue, such lines cut as many articles short as they
    cleaned). Limit: a short paragraph that ends by crediting a picture
    ("..., as the photo shows. (Foto: dpa)") goes with it.
    """
    text = line.text
    if line.words > CREDITED_CAPTION_MAX_WORDS:
        return False
    # A trailing credit lies within the line's last CREDIT_TAIL characters.
    tail = max(0, len(text) - CREDIT_TAIL)
    tokens = line.tokens
    # An agency's credit ends with the agency's name (or "files", "photo"): most lines end otherwise, and skip it.
    if tokens and (tokens[-1] in AGENCY_CREDIT_LAST_WORDS or tokens[-2:-1] == ["agencia"]) and AGENCY_CREDIT.search(text, tail):
        return True
    # The other marks hold a parenthesis, a colon or "by" ("v.l.n.r." aside): most lines hold none, and skip the patterns.
    lowered = line.lowered
    if not ("(" in text or ":" in text or " by" in lowered or "v." in lowered):
        return False
    return TRAILING_CREDIT.search(text, tail) is not None or PLACE_IN_PICTURE.search(text) is not None


# A line that names the article's authors, in the languages of the stoplists: "By Jane Roe", "Von Jane Roe und
# John Doe, Berlin", "Por Juan Pérez 04 de mayo 2022", "Autorin: Jana Roe". Each name has two capitalised words
# or more, and ends the line or comes before a comma, a bar, a date or another name: "Von Risiken und
# Nebenwirkungen", "By the time we left" and "Von Berlin nach Rom" are not bylines.
CAPITALISED = r"[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ][\w'’.-]+"
AUTHOR_NAME = re.compile(rf"{CAPITALISED}(?:\s+(?:{CAPITALISED}|de|van|von|da|del|la|le))+")
BYLINE = re.compile(
    r"(?:(?i:by|written by|von|par|por|door)\s+|(?i:autor|autorin|text|texto):\s*)"
    rf"(?P<name>{AUTHOR_NAME.pattern})"
    r"(?=$|\s*[,|•·–-]|\s+\d|\s+(?:und|and|et|y|i|en|&|on|am|le|el|op)\s)"
)
BYLINE_MAX_WORDS = 16
# Where a byline's names end: after a comma, a bar or a spaced dash come places and outlets ("By Jane Roe, Herald,
# New York"), after "for" the outlet ("By Jane Roe For The Sunday Herald"), then a date ("Von Jane Roe Veröffentlicht
# am ...", "Par Jeanne Roe le 3 juin").
AUTHORS_END = re.compile(
    r"\s*[,|•·]|\s+[–-]\s|\s+\d|\s+(?:on|am|le|el|op)\s"
    r"|(?i:\s+(?:for|für|pour|para|veröffentlicht|erstellt|aktualisiert|vom|published|updated|posted|publié|publicado)\b)"
)
AUTHOR_SEPARATOR = re.compile(r"\s+(?i:und|and|et|y|i|en|&)\s+")


def byline_authors(line: Line) -> list[str]:
    """The names a byline line gives ("Von Jane Roe und John Doe, Berlin": Jane Roe and John Doe), or []."""
    return authors_of_byline(line.text) if may_be_byline(line) else []


def authors_of_byline(text: str) -> list[str]:
    """The names a text that opens with a byline gives (see BYLINE), or [] for any other text."""
    match = BYLINE.match(text)
    if match is None:
        return []
    names = text[match.start("name") :]
    names = names[: end.start()] if (end := AUTHORS_END.search(names)) else names
    return [name for name in AUTHOR_SEPARATOR.split(names) if AUTHOR_NAME.fullmatch(name)]


def is_byline(line: Line) -> bool:
    """A line of BYLINE_MAX_WORDS words at most that opens with a byline (see BYLINE). Limit: a subheading made of
    "By" and a proper name ("By Royal Appointment") reads as one."""
    return may_be_byline(line) and BYLINE.match(line.text) is not None


# The first word of every BYLINE match.
BYLINE_OPENERS = frozenset({"by", "written", "von", "par", "por", "door", "autor", "autorin", "text", "texto"})


def may_be_byline(line: Line) -> bool:
    """Whether a line is short enough and opens with a word that a byline opens with (BYLINE_OPENERS)."""
    return line.words <= BYLINE_MAX_WORDS and bool(line.tokens) and line.tokens[0] in BYLINE_OPENERS


# A note that presents a writer by the job, with or without a byline on the page: "Jane Roe is a senior writer
# for the Herald", "Jana Roe ist Redakteurin bei der Zeitung", "Jeanne Roe est journaliste à ...".
WRITER_NOTE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’.-]+\s+){1,3}(?:is|ist|est|es|jest)\s+(?:(?:a|an|ein|eine|un|une|una)\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:writer|reporter|editor|correspondent|journalist|columnist|contributor|redakteur(?:in)?|journalist(?:in)?|"
    r"korrespondent(?:in)?|journaliste|periodista|redactor(?:a)?|dziennikar(?:z|ka))\s+(?:for|at|with|bei|für|beim|chez|à|de|en|para|w)\b"
)


# A recipe's ingredient: a quantity, then a cook's unit ("200 g Zucker", "2 gestr. EL Kakao", "1 Pck. Backpulver",
# "1 1/2 cups rice", "1 tablespoon oil", "2 cucharadas de aceite", "1 łyżka masła"), in the languages of the stoplists.
INGREDIENT = re.compile(
    r"(?i)^\W{0,3}(?:ca\.\s*)?(?:\d+\s+\d+/\d+|\d+(?:[.,/]\d+)?|\d*[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?\s*"
    r"(?:gestr\.|gestrichene?|gehäufte?|level|heaped|rounded)?\s*"
    r"(?:g|kg|mg|ml|l|cl|dl|el|tl|msp|pck|päckchen|prisen?|becher|dosen?|glas|gläser|bund|zehen?|stück|scheiben?|tassen?|gramm|"
    r"esslöffel|teelöffel|liter|btl|beutel|würfel|spritzer|tropfen|blatt|zweige?|stangen?|handvoll|"
    r"cups?|tbsp|tsp|tablespoons?|teaspoons?|oz|lbs?|pounds?|grams?|cloves?|pinch|cans?|slices?|sprigs?|handful|dash|sticks?|"
    r"cucharadas?|cucharaditas?|tazas?|pizcas?|sztuk[ai]|łyżk[ai]|łyżeczk[ai]|szklank[ai]|ząbk[ai]|cuillères?|pincées?)(?=\W|$)"
)
INGREDIENT_MAX_WORDS = 12


def is_ingredient(line: Line) -> bool:
    """A line of INGREDIENT_MAX_WORDS words at most that opens with a quantity and a cook's unit (see INGREDIENT)."""
    return line.words <= INGREDIENT_MAX_WORDS and INGREDIENT.match(line.text) is not None


# The terms a page or a picture is published under: a Creative Commons licence's code ("CC BY-NC-ND 4.0",
# "CC-BY-SA", "CC0"), or its name with the words that grant it ("licensed under", "ist unter ... lizenziert",
# "sous licence"). A page about Creative Commons names it without granting anything.
LICENCE_CODE = re.compile(r"\bCC[- ]?(?:BY\b|0\b)")
LICENCE_GRANT = re.compile(
    r"(?i)creative[- ]commons.{0,80}(?:licen[cs]ed|lizenziert|veröffentlicht|published|sous licence|bajo (?:la |una )?licencia)"
    r"|(?:licen[cs]ed|lizenziert|stehen|steht|sous licence|bajo (?:la |una )?licencia|na licencji)\s.{0,40}creative[- ]commons"
)
LICENCE_NOTICE_MAX_WORDS = 40


def is_licence_notice(line: Line) -> bool:
    """A line of LICENCE_NOTICE_MAX_WORDS words at most that gives a licence's code or grants its terms (see
    LICENCE_CODE, LICENCE_GRANT). Limit: a sentence of an article about licences that gives a code goes too."""
    if line.words > LICENCE_NOTICE_MAX_WORDS or not ("CC" in line.text or "ommons" in line.text):
        return False
    return LICENCE_CODE.search(line.text) is not None or LICENCE_GRANT.search(line.text) is not None


# A file's size closing a bracket, a bar-separated field or the line: the label of a link to a file ("Annual
# report (PDF, 2 MB)", "PDF | 38 KB | not accessible", "Audio [143 MB]"). Sizes in prose run on ("a 75 KB limit").
FILE_SIZE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:KB|MB|GB|kB|KiB|MiB)\s*(?:[)\]|]|$)")
DOWNLOAD_LINK_MAX_WORDS = 40


def is_download_link(line: Line) -> bool:
    """A line of DOWNLOAD_LINK_MAX_WORDS words at most that gives a file's size as FILE_SIZE reads it."""
    text = line.text
    # Every unit holds a "B": most lines hold none and skip the pattern.
    return line.words <= DOWNLOAD_LINK_MAX_WORDS and "B" in text and FILE_SIZE.search(text) is not None


# A short line that gives a year or a numeric date and a clock time is a dateline, a post's or a comment's timestamp.
TIMESTAMP_MAX_WORDS = 15
TIMESTAMP_CLOCK = re.compile(r"(?i)\b\d{1,2}:\d\d(?:\b|(?=\s?[ap]\.?m\b))|\b\d{1,2}\.\d\d\s*Uhr\b")
TIMESTAMP_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d\b|\b(?:19|20)\d\d\b")


def is_timestamp(line: Line) -> bool:
    """A short line that is not prose and gives a date (a year, or day and month in figures) and a clock time."""
    return not line.prose and line.words <= TIMESTAMP_MAX_WORDS and bool(TIMESTAMP_CLOCK.search(line.text)) and bool(TIMESTAMP_DATE.search(line.text))


# A line of smileys alone, "=)", ":-)", "😊": how a post's writer signs off below its last paragraph.
SMILEY_LINE = re.compile(r"^(?:[:;=]-?[)(DPp]|<3|\^\^|[\u2600-\u27bf\U0001f300-\U0001faff]|\s)+$")
