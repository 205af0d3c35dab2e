"""Figures: the counted numbers of a text, with what they count, what they measure and the values their hedges allow.

A figure is a number as written ("more than 1,200 tonnes", "five of the six
crew", "the death toll has risen to 93"), read with its unit (the noun it
counts, read past names: "65 Boeing 737 MAX 9 planes" counts planes), its
hedge as an interval of true values ("about 1,200" is 1,020 to 1,380; a
bare number allows rounding only, and only as far as its last written digit
goes), and, when the words next to it say, what it measures: a length's
depth, height, distance or size, or what befell the people it counts
(killed, injured, missing, trapped, detained, in a critical condition).
Calendar dates, clock times and years are the time layer's, not figures.

Known limits: numbers written as words are read up to twenty, plus "a
dozen"/"dozens"; units are not converted (feet and metres are not
compared); what befell the people counted is read from nearby words, not
from the parse, so "17 of the people evacuated were injured" reads as the
evacuated.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.model import Article

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "dozen": 12, "dozens": 24,
    "scores": 40, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
# Plural round numbers say only an order of magnitude: "dozens of ships" agrees with "about 60 ships".
VAGUE = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "hundreds": (200.0, 1000.0), "thousands": (2000.0, 10000.0)}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}

# How journalists hedge a figure, as the interval of true values the phrase allows.
# "more than 1,000" is read as 1,000 to 1,500, not as any number above 1,000: a
# reporter who knew of 11,000 would not write "more than 1,000", so the two conflict.
HEDGES: dict[str, tuple[float, float]] = {
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 1.5), "upwards of": (1.0, 1.5),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.02), "up to": (0.7, 1.0),
    "less than": (0.7, 1.0), "fewer than": (0.7, 1.0), "under": (0.7, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15), "roughly": (0.85, 1.15),
    "approximately": (0.85, 1.15), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15),
    # Before a round number: "several dozen" wounded is 24 to 108 of them, "a few dozen" 24 to 60.
    "several": (2.0, 9.0), "a few": (2.0, 5.0),
}  # fmt: skip
VAGUE_HEDGES = ("several", "a few")
# A floor says nothing of the next whole number above it: "at least one bomb" allows the two another page counts.
OPEN_ABOVE = frozenset({"more than", "over", "at least", "upwards of"})
EXACT = (0.985, 1.015)  # rounding: 1,200 and 1,190 agree, 24 and 23 do not
# ... but never more than half a unit of the number's last written digit: only round numbers are rounded, so 72 km
# and 71 km, 143 and 145 dead, a magnitude 7.6 and 7.5 differ, while 1,200 still allows 1,182 to 1,218.
HALF_DIGIT = 0.49

# Unit abbreviations a page may write against the number ("10km", "4,000ft"); other words need a space or a hyphen.
GLUED_UNITS = ("km", "kms", "ft", "mi", "kg", "mph")
_hedge = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_word_number = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:\b(?P<hedge>{_hedge})\s+)?"
    rf"(?:(?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)|\b(?:an?\s+)?(?P<word>{_word_number})\b)"
    r"(?P<half>\s+and\s+a\s+half\b)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    rf"(?:\s*(?P<percent>%|per\s?cent\b|percent\b)|(?:[\s-]+(?:of\s+)?|(?=(?:{'|'.join(GLUED_UNITS)})\b))(?P<unit>[^\W\d_][\w'-]*))?",
    re.IGNORECASE,
)
# Words that say a figure is a record ("the first closure in 16 years"): kept among the words around a figure.
ORDINALS = frozenset({"first", "last", "second", "third", "latest", "largest", "biggest", "worst"})
# Words after a number that are not what it counts.
NOT_UNITS = frozenset(STOP_WORDS) | {"percent", "per", "cent"}


@dataclass(frozen=True)
class Figure:
    """A number as written, with what it counts and the interval of values its hedge allows."""

    text: str
    value: float
    unit: str
    low: float
    high: float
    start: int
    end: int

    measure: str | None = None  # what a length measures, when the words around it say: "depth", "height", "distance"
    part: bool = False  # the part of a whole it is counted in: the "three" of "three of the seven bullets"

    @property
    def vague(self) -> bool:
        """Whether it says only an order of magnitude ("hundreds of flights", "dozens of ships", "several dozen people")."""
        return any(word.lower() in VAGUE for word in WORD.findall(self.text)) or self.text.lower().startswith(VAGUE_HEDGES)

    def agrees_with(self, other: Figure) -> bool:
        return self.low <= other.high and other.low <= self.high

    def comparable(self, other: Figure) -> bool:
        """Same unit, and not two different measures of it (a wreck's depth against the debris' distance from it)."""
        return self.unit == other.unit and (self.measure is None or other.measure is None or self.measure == other.measure)

    @property
    def normalized(self) -> str:
        number = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,.2f}".rstrip("0")
        return f"{number.replace(',', '')} {self.unit}"


def figures_in(article: Article, start: int, end: int) -> list[Figure]:
    """The counted numbers of a span; calendar dates, clock times and years are the time layer's, not figures."""
    text = article.body[start:end]
    timed = [(t.start - start, t.end - start) for t in article.times if t.type != "DURATION"]
    figures: list[Figure] = []
    matches = list(NUMBER.finditer(text))
    wholes: set[int] = set()  # the "six" of "five of the six crew": the whole a part is counted in, not a fact's figure
    for index, match in enumerate(matches):
        number_start = match.start("digits") if match.group("digits") else match.start("word")
        unit_before = unit_named_before(text, match)
        if index in wholes or any(a <= number_start < b for a, b in timed) or (not unit_before and in_a_name(text, match)):
            continue
        named = named_noun(text, match)
        whole = matches[index + 1] if index + 1 < len(matches) else None
        counted = match  # what the fate of the counted is read around: the whole of a part ("five of the six crew died")
        if whole is not None and is_partitive(text, match, whole):
            wholes.add(index + 1)
            named = named_noun(text, whole) or whole.group("unit") or ""
            counted = whole
        if unit_before:
            named = unit_before
        counts_nothing = (match.group("unit") or "").lower() in NOT_UNITS | {""} and not match.group("percent")
        toll = bare_count_fate(text, match) if counts_nothing and not unit_before else None
        unit_word = (match.group("unit") or "").lower()
        if not toll and not unit_before and unit_word in FATES and named is None:
            toll = FATES[unit_word]  # "with 329 injured", "11 dead": the word after the number says what befell them
        if toll:
            named = "people"
        shared_unit = coordinated_unit(text, match, matches[index + 1] if index + 1 < len(matches) else None) if counts_nothing else None
        if shared_unit and not toll and not unit_before:
            named = shared_unit  # "7.6 and 7.5 magnitude quakes", "three or four bombs", "32- and 64-bit versions"
        figure = read_figure(match, start, figures[-1].unit if figures else None, named)
        if figure and (toll or unit_before or shared_unit):  # the word after the number ("93 but", "4.5 rattled") is not part of the figure
            number_end = match.end("digits") if match.group("digits") else match.end("word")
            figure = dataclasses.replace(figure, text=text[match.start() : number_end], end=start + number_end)
        all_but = ALL_BUT.search(text, max(0, match.start() - 12), match.start()) if counted is not match else None
        if figure and all_but:  # "all but one of the six people": the five others, not the one
            whole_figure = read_figure(counted, start, None, named)
            if whole_figure is not None and whole_figure.value > figure.value:
                rest = whole_figure.value - figure.value
                begin, finish = all_but.start(), counted.end()
                said = text[begin:finish]
                figure = dataclasses.replace(figure, value=rest, low=rest, high=rest, text=said, start=start + begin, end=start + finish)
        if figure and counted is not match and not all_but:
            figure = dataclasses.replace(figure, part=True)
        if figure:
            if figure.unit in LENGTHS and figures and is_conversion(text, figures[-1], figure, start):
                low, high = min(figure.low, figure.value * (1 - CONVERSION_ROUNDING)), max(figure.high, figure.value * (1 + CONVERSION_ROUNDING))
                figure = dataclasses.replace(figure, measure=figures[-1].measure, low=low, high=high)
            elif figure.unit in LENGTHS:
                figure = dataclasses.replace(figure, measure=measure_of(text, match) or size_of(match))
            elif figure.unit in PEOPLE:
                figure = dataclasses.replace(figure, measure=toll or fate_of(text, counted))
            figures.append(figure)
    return figures


COORDINATORS = frozenset({"and", "or", "to"})
YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
COORDINATED = re.compile(r"\s*-?\s*(?:and|or|to)?\s*$", re.IGNORECASE)


def coordinated_unit(text: str, match: re.Match[str], following: re.Match[str] | None) -> str | None:
    """The unit a number shares with the number coordinated right after it ("7.6 and 7.5 magnitude quakes", "three
    or four bombs", "between 10 and 20 kilometres", a range "10-20 km"), when it names none itself; None otherwise."""
    if following is None or not following.group("unit") or following.group("unit").lower() in NOT_UNITS:
        return None
    own = (match.group("unit") or "").lower()
    if own and own not in COORDINATORS or YEAR_LIKE.fullmatch(match.group("digits") or ""):
        return None  # "In 2004 and 2005 ..." are years
    between = text[match.end() : following.start()]
    joined = (own in COORDINATORS and not between.strip()) or (not own and bool(COORDINATED.fullmatch(between)) and between.strip() != "")
    return str(following.group("unit")) if joined else None


# A conversion is rounded as the page likes ("10 kilometres (6 miles)" for 6.2 miles): it agrees within this share.
CONVERSION_ROUNDING = 0.05


def is_conversion(text: str, previous: Figure, figure: Figure, offset: int) -> bool:
    """Whether a length is another unit's reading of the length before it, set in parentheses right after it
    ("10 kilometres (6.2 miles)")."""
    return previous.unit in LENGTHS and previous.unit != figure.unit and text[previous.end - offset : figure.start - offset].strip() == "("


# Counts of people, and what befell the people counted, told by the words next to the count: "143 people were
# killed", "672 people were injured", "killing at least 820 people", "nearly 150 are wounded". The dead, the
# injured, the missing and the trapped of one disaster are different counts, never a conflict.
PEOPLE = frozenset({"people", "person", "passenger", "crew", "member", "civilian", "resident", "child", "victim", "villager", "tourist", "worker"})
FATES = {
    **dict.fromkeys(("killed", "killing", "dead", "died", "death", "deaths", "die", "dying", "fatalities", "lives", "toll", "bodies"), "dead"),
    **dict.fromkeys(("injured", "injuring", "injuries", "wounded", "wounding", "hurt", "hospitalized", "hospitalised"), "injured"),
    **dict.fromkeys(("missing", "unaccounted"), "missing"),
    **dict.fromkeys(("trapped", "buried"), "trapped"),
    **dict.fromkeys(("detained", "arrested", "held", "apprehended", "detention", "arrest"), "detained"),
    **dict.fromkeys(("evacuated", "rescued", "escaped", "survived", "safe", "safely"), "safe"),
    **dict.fromkeys(("homeless", "displaced"), "displaced"),
    "critical": "critical",  # "205 in a critical condition" are some of the injured, counted apart
}
FATE_WORDS_AFTER = 6  # "143 people were killed", "five of the six crew on the plane died"
FATE_WORDS_BEFORE = 3  # "killing at least 820 people", "the deaths of 115 people"


def fate_of(text: str, match: re.Match[str]) -> str | None:
    """What befell the people a count counts, when the words right after it (else right before it) say."""
    # Within the number's own clause: in "382 people were injured, 205 of whom received outpatient care" the 205
    # are not said to be injured again.
    after = WORD.findall(re.split(r"[,;:.()]", text[match.end() :], maxsplit=1)[0].lower())[:FATE_WORDS_AFTER]
    before = WORD.findall(re.split(r"[,;:.()]", text[: match.start()])[-1].lower())[-FATE_WORDS_BEFORE:]
    for word in after:
        if word in FATES:
            return FATES[word]
    for word in reversed(before):
        if word in FATES:
            return FATES[word]
    return None


# A bare number that counts people by what befell them: a toll rises to it ("the death toll ... has risen to 93",
# "now stands at 115", "the number of people killed ... rose to 115"), or it is what was killed ("nearly 150 are
# wounded", "143 were killed", "205 in a critical condition").
TOLL = re.compile(
    r"\b(?P<fate>death|casualty|injury)?\s*toll\b[^.;:]{0,160}?\b(?:to|at|reached|hit|of)\s+$"
    r"|\bnumber of (?:people |those )?(?P<counted>killed|dead|injured|wounded|missing)\b[^.;:]{0,80}?\b(?:to|at|reached|hit)\s+$",
    re.IGNORECASE,
)
TOLL_FATES = {"": "dead", "death": "dead", "casualty": "dead", "injury": "injured"}
COUNTED_FATES = frozenset({"dead", "injured", "missing", "trapped", "critical"})  # what a number alone may count
BEFALLEN = re.compile(
    r"\s+(?:(?:are|were|have been|had been|was|remain|remained)\s+(?:\w+ly\s+)?(?P<fate>\w+)|in (?:a )?(?P<condition>critical) condition)",
    re.IGNORECASE,
)
TOLL_WINDOW = 220  # characters read before the number for the toll it is the value of


def bare_count_fate(text: str, match: re.Match[str]) -> str | None:
    """The fate a number with no counted noun counts, when a toll rises to it or a verb of harm follows; else None."""
    found = TOLL.search(text[max(0, match.start() - TOLL_WINDOW) : match.start()])  # the match opens with its hedge
    if found is not None:
        if found.group("counted"):
            return FATES.get(found.group("counted").lower())
        return TOLL_FATES[(found.group("fate") or "").lower()]
    number_end = match.end("digits") if match.group("digits") else match.end("word")
    befallen = BEFALLEN.match(text, number_end)
    fate = FATES.get((befallen.group("fate") or befallen.group("condition")).lower()) if befallen else None
    return fate if fate in COUNTED_FATES else None


ALL_BUT = re.compile(r"\ball but\s+(?=\S*$)", re.IGNORECASE)
PARTITIVES = frozenset({"them", "those", "these", "which", "whom"})  # "four tugs, two of them": still tugs
WORD_AFTER = re.compile(r"[\s-]+([^\W_][\w'-]*)")
NAME_WORDS_AHEAD = 4  # "65 Boeing 737 MAX 9 planes": name words skipped to reach the counted noun


# One name per unit, whichever way it is spelt or shortened ("71 km" and "72 kilometres" are compared).
UNIT_NAMES = {
    **dict.fromkeys(("km", "kms", "kilometer", "kilometers", "kilometres"), "kilometre"),
    **dict.fromkeys(("meter", "meters", "metres"), "metre"),
    **dict.fromkeys(("ft", "foot"), "feet"),
    **dict.fromkeys(("mi", "miles"), "mile"),
    **dict.fromkeys(("kg", "kilo", "kilos", "kilogram", "kilograms"), "kilogramme"),
}

# What a length measures, told by the words next to it: "12,400 feet under the sea", "a depth of 13,000 feet",
# "1,600 feet from the bow", "at an altitude of 16,000 feet".
LENGTHS = frozenset({"feet", "metre", "mile", "kilometre", "yard", "inch"})
MEASURE_CUES = {
    **dict.fromkeys(("depth", "deep", "under", "beneath", "below", "underwater", "seabed", "seafloor"), "depth"),
    **dict.fromkeys(("altitude", "high", "above", "height", "tall", "elevation", "climbing", "cruising"), "height"),
    **dict.fromkeys(("from", "away", "off", "distance", "apart"), "distance"),
}
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})  # "north of": distance
MEASURE_WINDOW = 25  # characters read on each side of the figure
PHRASE_END = re.compile(r"[,;]")
CONVERSION_WINDOW = 30  # characters a conversion in parentheses may take: "(12,400 feet)", "(4 km)"
CONVERSION_AFTER = re.compile(rf"^\s*\([^()]{{0,{CONVERSION_WINDOW - 2}}}\)")  # within the window, its parentheses included


def measure_of(text: str, match: re.Match[str]) -> str | None:
    """The measure a length's neighbours name: the first cue after it in its own phrase (up to a comma or a semicolon:
    "a depth of 10 kilometres, 55 kilometres south of ..." is no distance; a conversion in parentheses right after it
    is skipped: "1,600 feet (488 meters) from the bow"), else the last one before it."""
    following = CONVERSION_AFTER.sub("", text[match.end() : match.end() + MEASURE_WINDOW + CONVERSION_WINDOW], count=1)
    after = WORD.findall(PHRASE_END.split(following[:MEASURE_WINDOW], maxsplit=1)[0].lower())
    before = WORD.findall(text[max(0, match.start() - MEASURE_WINDOW) : match.start()].lower())
    for position, word in enumerate(after):
        if word in MEASURE_CUES:
            return MEASURE_CUES[word]
        if word in COMPASS and after[position + 1 : position + 2] == ["of"]:
            return "distance"
    for word in reversed(before):
        if word in MEASURE_CUES:
            return MEASURE_CUES[word]
    return None


def size_of(match: re.Match[str]) -> str | None:
    """ "size" for a length written as an adjective ("the 22-foot submersible", "a 6.7-metre hull"): what it measures
    is the size of the thing it describes, not a depth or a distance; else None."""
    unit = match.group("unit")
    return "size" if unit and match.group(0).rstrip().endswith("-" + unit) else None


# Units written before the number: "a magnitude 7.2 quake", "a magnitude-7.6 earthquake" measure magnitude, not quakes.
UNITS_BEFORE = frozenset({"magnitude"})


def unit_named_before(text: str, match: re.Match[str]) -> str | None:
    """The unit a number follows ("magnitude 7.2"), when one of UNITS_BEFORE comes right before it."""
    if match.group("hedge"):
        return None
    before = re.search(r"([^\W\d_]+)[\s-]+$", text[max(0, match.start() - 20) : match.start()])
    return before.group(1).lower() if before and before.group(1).lower() in UNITS_BEFORE else None


PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "his", "her", "our"})


def is_partitive(text: str, part: re.Match[str], whole: re.Match[str]) -> bool:
    """Whether `part` counts some of `whole`: "five of the six crew", "two of its 40 jets", "five out of six crew"
    (the part counts crew)."""
    unit = (part.group("unit") or "").lower()
    between = text[part.end() : whole.start()].strip().lower()
    if whole.group("hedge"):
        return False
    if unit in PARTITIVE_DETERMINERS:
        return re.search(r"\bof\s+\S+$", part.group(0)) is not None and not between
    return unit == "out" and between in ("of", "of the", "of its", "of their")


def in_a_name(text: str, match: re.Match[str]) -> bool:
    """Whether the number is part of a name or a model ("Boeing 737", "MAX 9", "Flight 1282", "Dash-8"): it follows
    a capitalised word that is not a sentence's opening function word, or hangs on a word by a hyphen."""
    if match.group("hedge"):
        return False
    before = text[: match.start()]
    if before.endswith("-") and before[-2:-1].isalpha():
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1].strip("\"'“”‘’(")
    return bool(last) and last[0].isupper() and last.lower() not in STOP_WORDS and not last.endswith((",", ";", ":", "."))


def named_noun(text: str, match: re.Match[str]) -> str | None:
    """What a number counts when a name stands between them ("65 Boeing 737 MAX 9 planes" counts planes): the first
    word in lower case after the name's words; None when the word after the number is not a name."""
    unit = match.group("unit")
    if not unit or not unit[0].isupper():
        return None
    position = match.end()
    for _ in range(NAME_WORDS_AHEAD):
        following = WORD_AFTER.match(text, position)
        if following is None:
            return ""
        word = following.group(1)
        if word[0].islower():
            return word
        position = following.end()
    return ""  # only names follow: what is counted is not said


def read_figure(match: re.Match[str], offset: int, previous_unit: str | None, named: str | None = None) -> Figure | None:
    digits, word = match.group("digits"), match.group("word")
    if digits:
        value = float(digits.replace(",", ""))
        if re.fullmatch(r"(?:1[89]|20)\d\d", digits) and not match.group("unit"):
            return None  # a bare year
        if re.fullmatch(r"0\d+", digits):
            return None  # "000ft" of a number split at its comma ("2, 000ft"), a code: no count starts with a zero
    else:
        value = float(WORD_NUMBERS[word.lower()])
    if match.group("half"):
        value += 0.5  # "eight and a half hours"
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    if match.group("percent"):
        unit = "percent"
    else:
        unit_word = (named if named is not None else match.group("unit") or "").lower()
        if unit_word in PARTITIVES and previous_unit:
            unit_word = previous_unit
        if not unit_word or unit_word in NOT_UNITS:
            return None  # a number that counts nothing we can name cannot be compared
        unit = UNIT_NAMES.get(unit_word, singular(unit_word))
    hedge = (match.group("hedge") or "").lower()
    low, high = HEDGES.get(hedge, EXACT)
    low, high = value * low, value * high
    if hedge in OPEN_ABOVE:
        high = max(high, value + 1)
    if not hedge and digits:
        margin = min(value - low, HALF_DIGIT * last_digit_unit(digits) * (SCALES[match.group("scale").lower()] if match.group("scale") else 1))
        low, high = value - margin, value + margin
    if word and word.lower() in VAGUE and not match.group("scale"):
        low, high = VAGUE[word.lower()]
    return Figure(
        text=match.group(0).strip(),
        value=value,
        unit=unit,
        low=low,
        high=high,
        start=offset + match.start(),
        end=offset + match.end(),
    )


def last_digit_unit(digits: str) -> float:
    """The value of one unit of the last digit written: 1 for "72", 100 for "1,200", 0.1 for "7.6"."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".", 1)[1])
    stripped = plain.rstrip("0")
    return 10.0 ** (len(plain) - len(stripped)) if stripped else 1.0


def singular(word: str) -> str:
    """A rough singular of an English plural: enough for "ships"/"ship" and "countries"/"country" to meet."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]
