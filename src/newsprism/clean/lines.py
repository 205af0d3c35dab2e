"""Line-level features of a page dump: the signals every text-cleaning decision is made from.

A page copied as text keeps one visual line per HTML block: paragraphs are long
lines, menus and link lists are runs of short lines, and blank lines mark where
the layout put space. Nothing here knows any particular site; the signals are
length, stop-word density, sentence punctuation, the shape of the surrounding
block, repetition within the page, and a small vocabulary of generic
boilerplate cues (calls to action, legal lines, template placeholders,
the labels of a form's required fields, headings that announce other
articles). The vocabulary covers English, German, Spanish, French, Polish,
Italian, Portuguese and Dutch; furniture in other languages is told by its
shape alone.
"""

from __future__ import annotations

import operator
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, filterfalse, repeat
from typing import NamedTuple

from newsprism.clean.markdown import markdown_to_text
from newsprism.clean.wrapping import drop_link_numbers, has_long_prose_lines, unwrap_lines

# A word, with at most one apostrophe inside: "don't". The optional part is
# written as an alternative with an empty branch, the same as (...)?, which `re`
# would run as a general repeat, much slower on the thousands of words of a page.
WORD = re.compile(r"\w+(?:['’]\w+|)")
# A sentence ends with its mark, quotes and brackets after it, or a footnote; in blogs and posts, with an emoji or
# an emoticon instead ("... and I loved it 😉", "... see you there :-)").
SENTENCE_END = re.compile(
    r"""[.!?…。！？]["'”’)\]」』]*\s*$|[.!?…]["'”’)\]]*\s+\[?\d*\]?$|[\u2600-\u27bf\U0001f300-\U0001faff]\s*[)\]"'”’]*$|(?:^|\s)[:;=]-?[)D]\s*[)\]]?$"""
)
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|%%\w+%%")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\[email\s*protected\]", re.IGNORECASE)
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# "All rights reserved" in the other languages of the page-language stoplists that matter here; each holds
# one of LEGAL_SUBSTRINGS, which `may_be_legal` looks for.
RIGHTS_RESERVED = (
    r"alle rechte vorbehalten|urheberrechtlich geschützt|todos los derechos reservados|derechos reservados|tous droits réservés|"
    r"wszelkie prawa zastrzeżone|chroniony prawem autorskim|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden"
)
COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|^\s*copyright\b|\bcopyright\s*(?:\(c\)\s*)?\d{4}|all rights? reserved|protected by copyright|" + RIGHTS_RESERVED,
    re.IGNORECASE,
)
LEGAL_SUBSTRINGS = ("©", "ⓒ", "(c)", "copyright", "reserved", "vorbehalten", "urheberrecht", "reservados", "réservés", "zastrzeżone",
                    "prawem autorskim", "riservati", "voorbehouden")
IMAGE_CODE = re.compile(r"^(?:[A-Z]{0,3}\d{0,3}\s+)?[A-Z0-9_-]*\d{3,}[A-Z0-9_-]*$")
# Patterns for a run of digits written \d\d* rather than \d+ (and \d\d\d rather than
# \d{3}): a pattern that opens with one character class lets `re` skip to the next
# digit in a fast C loop, where a repeat makes it try a match at every position.
DIGIT = re.compile(r"\d\d*")
BULLET = re.compile(r"^\s*(?:[•·▪►▸◦‣*-]|\d+\.)\s+")

# Generic vocabulary of page furniture. These are the words sites use to ask the
# reader to act (subscribe, share, sign in) or to state terms; article prose
# uses them rarely and almost never in the second person imperative.
# Matched against the lower-cased line. English first, then the same furniture as
# sites word it in the other languages of the pages we read (German first, then
# Spanish, French, Polish, Italian, Portuguese, Dutch): phrases, not single words
# that prose uses too ("teilen", "compartir", "Spenden" are also plain verbs and nouns).
CALL_TO_ACTION_PHRASES = (
    # English
    r"sign (?:up|in)|log ?in|subscribe|subscription|subscriber|newsletter|inbox(?:es)?|unsubscribe|get the latest (?:news|stories|headlines|updates)|"
    r"donat(?:e|ion)|becom(?:e|ing) an? (?:\w+ )?(?:member|supporter|patron|subscriber|insider)|membership|"
    r"free (?:trial|articles?)|(?:articles?|stories) (?:left|remaining)|"
    r"already (?:a member|have an account|subscribed)|create (?:a )?(?:free )?account|"
    r"click here|tap here|read more|continue reading|share (?:this|on)|follow us|"
    r"leave a (?:comment|reply)|comments? (?:are|have been) (?:closed|moderated)|post a comment|"
    r"privacy policy|terms (?:of (?:use|service)|and conditions)|cookies?|advertis(?:e|ement|ing)|"
    r"sponsored|download (?:the|our) (?:\w+ ){0,3}apps?|support (?:our|independent) journalism|akismet|"
    r"all rights reserved|reproduc(?:ed|tion)|republish|licens(?:e|ing)|paywall|"
    r"skip to (?:main )?content|back to top|you (?:may|might) also like|recommended for you|permalink",
    # German
    r"abonnieren|jetzt (?:abonnieren|anmelden|registrieren|spenden|teilen|testen)|(?:jetzt|zum|mit|ohne|im|als) abo|ihr beitrag hilft|"
    r"(?:buch|jetzt|hier|online) bestellen|\d+ ausgaben (?:gratis|kostenlos)|wählen sie ihren zugang|zur startseite|"
    r"(?:(?:verraten|schreiben|sagen) sie|verratet|schreibt|sagt) (?:uns |es uns |mir )?(?:gerne |doch )?in den kommentaren|"
    r"wir informieren sie|immer aktuell informiert|(?:gefällt|gefiel) (?:ihnen|dir|euch) (?:dieser|der|unser) (?:artikel|beitrag)|artikel gefallen|"
    r"bereits abonnent|abonnent werden|(?:hier|kostenlos) (?:anmelden|registrieren)|einloggen|"
    r"(?:artikel|beitrag|seite) (?:teilen|drucken|versenden|merken|empfehlen)|teilen (?:auf|via|per)|teile (?:diesen|den) (?:beitrag|artikel)|"
    r"(?:schreibe|hinterlasse|verfasse) einen kommentar|kommentar (?:schreiben|verfassen|abgeben|abschicken|absenden|hinterlassen)|"
    r"kommentare (?:anzeigen|lesen|einblenden|ausblenden)|antworten abbrechen|adresse wird nicht veröffentlicht|"
    r"pflichtfelder|erforderliche felder|"
    r"datenschutzerklärung|datenschutzhinweise?|datenschutzbestimmungen|datenschutzeinstellungen|datenschutzrichtlinien?|"
    r"impressum|nutzungsbedingungen|allgemeine geschäftsbedingungen|"
    r"weiterlesen|weiter lesen|mehr erfahren|hier klicken|klicken sie hier|"
    r"zum (?:haupt)?inhalt springen|direkt zum inhalt|zurück nach oben|zum seitenanfang|"
    r"folgen sie uns|folge uns|folgt uns|spenden sie|unterstützen sie (?:uns|unsere arbeit)|app herunterladen",
    # Spanish
    r"compart(?:ir|e|a) en|compartir (?:esta|este) (?:noticia|artículo|nota)|suscríbete|suscríbase|suscribirse|"
    r"inici(?:ar|a) sesión|cerrar sesión|regístrate|regístrese|"
    r"(?:deja|dejar|escribe) (?:un|tu) comentario|publicar comentario|"
    r"política de (?:privacidad|cookies)|aviso legal|términos y condiciones|condiciones de uso|"
    r"síguenos|haz clic|haga clic|pulsa aquí|seguir leyendo|sigue leyendo|hazte socio|únete|registrarte|"
    r"canal de (?:telegram|youtube|whatsapp)|cancela cuando quieras",
    # French
    r"partager (?:sur|cet article)|partagez|abonnez|se connecter|connectez|inscrivez|créer un compte|"
    r"(?:laisser|laissez) un commentaire|politique de confidentialité|mentions légales|conditions générales|"
    r"suivez|cliquez ici|en savoir plus|lire la suite|dans votre boîte (?:mail|e-mail|aux lettres)",
    # Polish
    r"udostępnij|subskrybuj|zapisz się|zaloguj|zarejestruj|dodaj komentarz|skomentuj|"
    r"polityk[aię] prywatności|obserwuj nas|kliknij tutaj|czytaj dalej|pobierz aplikację",
    # Italian
    r"condividi|iscriviti|lascia un commento|informativa (?:sulla )?privacy|"
    r"seguici|clicca qui|continua a leggere",
    # Portuguese
    r"compartilhe|partilhe|assine|inscreva|cadastre|faça login|"
    r"deixe (?:um|seu) comentário|política de privacidade|termos de uso|siga-nos|clique aqui|continu(?:e|ar) lendo",
    # Dutch
    r"deel (?:dit|op)|delen op|abonneer|abonneren|inloggen|schrijf je in|plaats een reactie|"
    r"privacybeleid|privacyverklaring|cookiebeleid|gebruiksvoorwaarden|algemene voorwaarden|volg ons|klik hier|lees verder",
)
# The vocabulary as two patterns, each behind its own gate (see CALL_TO_ACTION_GATES): the English one alone is
# five times shorter, and `re` tries every alternative at every position of a line, so an English paragraph that
# holds "read" or "share" is not searched for the phrases of seven other languages.
ENGLISH_CALL_TO_ACTION = re.compile(r"\b(?:" + CALL_TO_ACTION_PHRASES[0] + r")\b")
OTHER_CALL_TO_ACTION = re.compile(r"\b(?:" + "|".join(CALL_TO_ACTION_PHRASES[1:]) + r")\b")
# Headings that announce other articles ("Read also", "Lesen Sie auch", "Te puede interesar"): a teaser
# list follows, or a single teaser inside the article. Matched at the start of a short line only (after
# bullets or arrows), since the same words open sentences now and then ("Mehr dazu ...", "Voir aussi ...").
RELATED_PHRASES = (
    # English
    r"related(?: (?:articles?|stories|posts|news|content|coverage|topics|reading|links))?|"
    r"more (?:from|on|stories|news|articles|headlines)|see also|(?:also|further) read(?:ing)?|read (?:also|next)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested)|recommended (?:for you|reading|stories|articles)|"
    r"most (?:read|popular|viewed|shared)|trending(?: now| stories)?|what to read next|top stories|latest (?:news|stories|articles|posts)|"
    r"keep reading(?=\W*$)|about the author(?=\W*$)|explore further(?=\W*$)|"
    r"(?:previous|next|older|newer) (?:post|article|story|entry|entries|posts)(?=\W*$|\s*[:»›>|–-])",
    # German
    r"lesen sie (?:auch|mehr|hier|dazu)|lies auch|siehe auch|auch (?:interessant|lesenswert)|"
    r"(?:das |dies )?(?:könnte|dürfte) (?:sie|dich) (?:auch |ebenfalls )?interessieren|"
    r"mehr (?:zum thema|dazu|zu diesem thema|aus der region|aus dem ressort|aus der rubrik)|passend (?:dazu|zum thema)|"
    r"weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news|videos|rezepte)|"
    r"(?:ähnliche|verwandte|empfohlene|beliebte|neueste|aktuelle|letzte|passende) (?:artikel|beiträge|themen|nachrichten|rezepte)|"
    r"meistgelesen|meistgelesene|meist gelesen|top-themen|empfehlungen der redaktion|"
    r"die meistgelesenen (?:artikel|beiträge|nachrichten)|weitere interessante (?:themen|artikel|beiträge)|"
    r"über (?:den autor|die autorin)(?=\W*$)|wer hat das geschrieben(?=\W*$)|(?:vorheriger|nächster|voriger) (?:beitrag|artikel|post|eintrag)|"
    r"(?:ältere|neuere) (?:beiträge|artikel|einträge)|vorschau auf den nächsten (?:artikel|beitrag)",
    # Spanish
    r"(?:leer|lee|lea|ver|vea|mira) (?:más|también|además)|(?:también )?(?:te|le|les) (?:puede|podría|pueden|podrían) (?:interesar|gustar)|"
    r"puede interesarte|quizás te interese|te recomendamos|le recomendamos|"
    r"(?:noticias|artículos|contenidos?|notas|temas|entradas|publicaciones) (?:relacionad[oa]s|similares)|relacionad[oa]s?|"
    r"más (?:noticias|leídas?|leídos|vistos?|vistas|populares|información|artículos)|lo más (?:leído|visto|popular)|"
    r"otras noticias|últimas noticias|seguí leyendo(?=\W*$)|mirá (?:también|más)|sobre (?:el autor|la autora)(?=\W*$)|"
    r"(?:entrada|artículo|publicación|nota|noticia) (?:anterior|siguiente)|siguiente (?:entrada|artículo|publicación|nota|noticia)|"
    r"(?:mira|lea|lee|vea|puedes ver|ver también|inf[oó]rmate más)(?=\s*:|\W*$)",
    # French
    r"(?:à )?lire (?:aussi|également|encore|la suite)|(?:à )?(?:voir|découvrir) aussi|sur le même (?:sujet|thème)|"
    r"dans la même rubrique|vous (?:aimerez|pourriez aimer|pourriez aussi aimer)|"
    r"(?:ces articles|cet article) (?:pourrai(?:en)?t|peu(?:ven)?t) (?:aussi |également )?vous intéresser|"
    r"articles? (?:similaires|liés|connexes|recommandés|populaires)|les (?:plus lus|plus populaires|plus partagés)|"
    r"(?:nos )?dernières (?:actualités|nouvelles|publications)|à propos de l'auteur(?=\W*$)|(?:article|billet) (?:suivant|précédent)",
    # Polish
    r"(?:czytaj|przeczytaj|zobacz) (?:także|też|również|więcej)|polecamy|"
    r"(?:podobne|powiązane|polecane|najnowsze|popularne) (?:artykuły|wpisy|teksty|posty|tematy)|"
    r"najczęściej (?:czytane|komentowane)|najpopularniejsze|więcej na ten temat|"
    r"(?:to )?może (?:cię|cie|pana|panią|was) (?:też |także |również )?zainteresować|(?:poprzedni|następny) (?:wpis|artykuł|post)|"
    r"dowiedz się więcej(?=\s*:|\W*$)",
    # Italian
    r"leggi (?:anche|di più|tutto)|(?:potrebbe|potrebbero) (?:anche )?interessarti|"
    r"(?:ti|vi) (?:potrebbe|potrebbero) (?:anche )?(?:interessare|piacere)|potrebbe piacerti|"
    r"(?:articoli|notizie|post) (?:correlat[ie]|simili)|più (?:letti|lette|popolari|visti)|vedi anche|articolo (?:precedente|successivo)",
    # Portuguese
    r"(?:leia|veja|confira) (?:também|mais|ainda)|saiba mais|(?:você|tu) (?:pode|poderá) (?:também )?gostar|"
    r"(?:notícias|artigos|matérias|posts) (?:relacionad[oa]s|semelhantes)|mais (?:lid[ao]s|vist[ao]s)|"
    r"(?:artigo|post) (?:anterior|seguinte)|próximo (?:artigo|post)",
    # Dutch
    r"lees (?:ook|meer|verder)|(?:gerelateerde|vergelijkbare|aanbevolen|populaire) (?:artikelen|berichten|verhalen|nieuws)|"
    r"(?:dit )?(?:vind je|vindt u) (?:misschien )?ook interessant|ook interessant|meest (?:gelezen|bekeken)|bekijk ook|meer nieuws",
)
RELATED = re.compile(r"^\W*(?:" + "|".join(RELATED_PHRASES) + r")\b")
# The heading of a comment section ("Comments", "12 Kommentare", "Comentarios (3)", "1 Comment", "5 thoughts on “...”",
# "2 Gedanken zu „...“"): below it readers write, in sentences that read as prose, and the article has ended.
# Matched on a whole short line only, in the languages of the stoplists. Without a count only the plural: the singular
# ("Kommentar", "Komentarz", "Comment") labels an opinion piece as often. The "N thoughts on" form only with the
# quoted title after it, since a sentence may open so ("Two comments on the plan reached the board").
COMMENTS_PLURAL = (
    r"comments|kommentare|leserkommentare|comentarios|commentaires|komentarze|komentarzy|commenti|comentários|"
    r"reacties|responses|replies|reaktionen"
)
COMMENTS_SINGULAR = r"comment|kommentar|comentario|commentaire|komentarz|commento|comentário|reactie|response|reply|reaktion"
NUMBER_WORDS = r"\d+|one|two|three|ein|eine|zwei|drei|un|une|una|uno|dos|tres|jeden|dwa|trzy"
COMMENTS_HEADING = re.compile(
    rf"^\W*(?:(?:{NUMBER_WORDS})\s+)?(?:{COMMENTS_PLURAL})\s*(?:\(\d+\))?\W*$|"
    rf"^\W*(?:{NUMBER_WORDS})\s+(?:{COMMENTS_SINGULAR})\W*$|"
    rf"^\W*(?:{COMMENTS_SINGULAR}|{COMMENTS_PLURAL})\s*\(\d+\)\W*$|"
    rf"^\W*(?:{NUMBER_WORDS})\s+(?:thoughts? on|responses? to|comments? on|repl(?:y|ies) to|gedanken? zu|kommentare? zu|antworten zu|"
    r"réflexions? sur|commentaires? sur|respuestas? a|comentarios? (?:en|a|sobre))\s*[\"“„«‘'‚]"
)
COMMENTS_HEADING_MAX_WORDS = 12  # "5 thoughts on" and a headline
COMMENTS_GATE = frozenset(
    {
        "comment", "comments", "kommentar", "kommentare", "leserkommentare", "comentario", "comentarios", "commentaire",
        "commentaires", "komentarze", "komentarzy", "komentarz", "commenti", "comentários", "reacties", "response", "responses",
        "replies", "reply", "reaktionen", "reaktion", "reactie", "commento", "comentário", "thoughts", "thought", "gedanken",
        "gedanke", "antworten",
        "réflexions", "réflexion", "respuestas", "respuesta",
    }
)
# A heading, or a heading with one teaser headline after it ("Lesen Sie auch: ..."); a longer line is prose.
RELATED_MAX_WORDS = 20
SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|tiktok|pinterest|reddit|rss|email|e-mail)\b",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)
# A caption's credit: in parentheses at its end, after "Photo"/"Image"/... at
# its start, or an agency's name anywhere. See `is_caption_credit`.
PAREN_CREDIT = r"\((?:[^()]{0,80}(?:/|photo|image|credit|getty|reuters|\bAP\b|AFP|file|pool))[^()]*\)\s*$"
# The words that open a credit, in the languages of the pages measured (English, German, Spanish, French, Polish,
# Hungarian), a figure's number allowed after them ("Abbildung 4: ...", "Foto: ATON", "Źródło: PAP").
CREDIT_WORDS = (
    "photo", "image", "picture", "illustration", "credit", "source", "file photo",
    "foto", "bild", "bilder", "abbildung", "abb.", "beitragsbild", "titelbild", "quelle",
    "imagen", "fuente", "crédit", "zdjęcie", "źródło", "fotó",
)  # fmt: skip
CREDIT_OPENING = r"^(?:" + "|".join(map(re.escape, CREDIT_WORDS)) + r")s?\s*\d*\s*(?:by|:|/|credit|copyright|caption|source)"
CREDIT_AGENCIES = ("getty images", "shutterstock", "istock", "via ap", "ap photo", "reuters/")
AGENCY_CREDIT = r"\b(?:" + "|".join(map(re.escape, CREDIT_AGENCIES)) + r")\b"
CAPTION_CREDIT = re.compile(f"{PAREN_CREDIT}|{CREDIT_OPENING}|{AGENCY_CREDIT}", re.IGNORECASE)
CAPTION_CREDIT_PARTS = tuple(re.compile(part, re.IGNORECASE) for part in (PAREN_CREDIT, CREDIT_OPENING, AGENCY_CREDIT))


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Below this share of stop words over the page's longer lines, no stoplist fits
# the page's language and prose is told by length and punctuation alone.
MIN_STOPLIST_COVERAGE = 0.08


# Each language's count of a page's sampled stop words is kept in its own field
# of one integer (see `page_stop_words`), as wide as an unsigned short, the
# array type that reads the fields back; a field holds any count a sample can
# reach (at most 8 lines of 40 words each).
STOPLIST_FIELD_TYPE = "H"
STOPLIST_FIELD_BITS = 8 * array(STOPLIST_FIELD_TYPE).itemsize


@lru_cache(maxsize=1)
def stoplist_index() -> tuple[tuple[str, ...], dict[str, int]]:
    """jusText's stoplists (a trafilatura dependency) as {word: the languages it is a stop word of}.

    The languages of a word are a sum of `1 << (STOPLIST_FIELD_BITS * n)`, one
    per stoplist n that holds it, so that adding up words' values counts them
    for every language at once.
    """
    import justext

    languages = tuple(sorted(justext.get_stoplists()))
    index: dict[str, int] = {}
    for number, language in enumerate(languages):
        for word in justext.get_stoplist(language):
            key = word.lower()
            index[key] = index.get(key, 0) + (1 << (STOPLIST_FIELD_BITS * number))
    return languages, index


def page_stop_words(token_lists: list[list[str]], longest_first: list[int]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The stop words of the page's language, chosen as the stoplist that covers most of its longer lines, and the
    other languages (numbers in `stoplist_index`) whose stoplists cover at least MIN_STOPLIST_COVERAGE of them.

    A page can hold two languages: an English archive banner or comment form
    above a German post, a quotation in the original. A line reads as prose in
    whichever of them it is written (see `lines_of`). `longest_first` holds
    the positions of the lines in order of their number of words, most first
    (ties in page order). Returns no stoplist when none covers at least
    MIN_STOPLIST_COVERAGE (scripts written without spaces, languages jusText
    has no list for), and then no other language. Limit: a language the
    page's longest lines do not show is not found.
    """
    # The eight longest lines are prose if the page has any; a few hundred of
    # their words name the language as surely as all of them would.
    sample = list(chain.from_iterable(token_lists[position][:40] for position in longest_first[:8]))
    if not sample:
        return frozenset(), ()
    hits = language_counts(sample)
    best = hits.index(max(hits))  # the first of equally good languages
    if hits[best] / len(sample) < MIN_STOPLIST_COVERAGE:
        return frozenset(), ()
    others = tuple(number for number, count in enumerate(hits) if number != best and count >= MIN_STOPLIST_COVERAGE * len(sample))
    return _stoplist(stoplist_index()[0][best]), others


def line_stop_ratio(tokens: list[str], languages: tuple[int, ...]) -> float:
    """The share of a line's words that are stop words of the one of `languages` (numbers in `stoplist_index`) that
    has most of them; -1 when there are none to choose from."""
    if not languages or not tokens:
        return -1.0
    hits = language_counts(tokens)
    return max(map(hits.__getitem__, languages)) / len(tokens)


def language_counts(words: list[str]) -> array[int]:
    """How many of `words` are stop words of each jusText language, indexed as `stoplist_index` numbers them.

    Each word some stoplist holds adds one to the field of every language it
    belongs to: one sum of integers in C, where a loop over the words and
    their languages took a thousand steps in Python.
    """
    languages, index = stoplist_index()
    counts = sum(map(index.__getitem__, filter(index.__contains__, words)))
    return array(STOPLIST_FIELD_TYPE, counts.to_bytes(len(languages) * STOPLIST_FIELD_BITS // 8, sys.byteorder))


@cache  # at most one per jusText language
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(language))


class Line(NamedTuple):
    """One non-empty line of a page dump with the signals computed from it (by `split_lines`).

    A named tuple, so that `split_lines` builds a page's hundreds of lines in C
    from columns of features computed a page at a time.
    """

    position: int  # position among the non-empty lines
    text: str
    block: int  # blank-line separated block number
    block_size: int  # number of non-empty lines in that block
    words: int
    sentence_end: bool
    repeated: int  # occurrences of the same normalised text in the page (see `repetitions`)
    lowered: str  # text in lower case
    tokens: list[str]  # words of `lowered`
    key: str  # the normalised text: `normalise(text)`
    stops: frozenset[str]  # the stop words of the page's language (`page_stop_words`), the same set for all its lines
    prose: bool  # see `reads_like_prose`
    cues: tuple[str, ...]  # see `boilerplate_cues`

    @property
    def stop_ratio(self) -> float:
        """Share of stop words; -1 when no stoplist fits the page."""
        return stop_ratio(self.tokens, self.stops)


def stop_ratio(tokens: list[str], stops: frozenset[str]) -> float:
    return sum(map(stops.__contains__, tokens)) / len(tokens) if stops and tokens else -1.0


# What prose takes (see `reads_like_prose`): a sentence (or a clause ending in a colon) of at least PROSE_MIN_WORDS words,
# at least SENTENCE_STOP_RATIO of them stop words; whatever its punctuation, a line of
# UNPUNCTUATED_PROSE_WORDS words and UNPUNCTUATED_STOP_RATIO stop words, or of
# LONG_PROSE_WORDS and LONG_PROSE_STOP_RATIO. bench/extraction_sensitivity.py shows how text F1
# on the dev pages moves with each: only UNPUNCTUATED_PROSE_WORDS matters much (lowered
# to 13, F1 drops by 0.02: teaser headlines of 13-17 words start to read as prose).
PROSE_MIN_WORDS = 8
SENTENCE_STOP_RATIO = 0.22
UNPUNCTUATED_PROSE_WORDS = 18
UNPUNCTUATED_STOP_RATIO = 0.3
LONG_PROSE_WORDS = 30
LONG_PROSE_STOP_RATIO = 0.2
NO_STOPLIST_SENTENCE_WORDS = 10  # with no stoplist: a sentence of this many words, or LONG_PROSE_WORDS
INTRODUCING = frozenset(":：")  # the last character of a line that introduces what follows it, a sentence for `reads_like_prose`


def reads_like_prose(words: int, stop_ratio: float, sentence_end: bool) -> bool:
    """Reads like running text: enough words, enough function words, sentence punctuation.

    `sentence_end` is true for a line that ends a sentence or introduces what
    follows it with a colon ("It needs the following:"). `stop_ratio` is -1
    when the page's language has no stoplist; then length and punctuation
    decide alone. Either way, prose has at least PROSE_MIN_WORDS words. Limit:
    a teaser or a label of eight words or more that ends in a colon reads as
    prose too.
    """
    if stop_ratio < 0:
        return words >= LONG_PROSE_WORDS or (words >= NO_STOPLIST_SENTENCE_WORDS and sentence_end)
    if words >= LONG_PROSE_WORDS and stop_ratio >= LONG_PROSE_STOP_RATIO:
        return True
    if words >= UNPUNCTUATED_PROSE_WORDS and stop_ratio >= UNPUNCTUATED_STOP_RATIO:
        return True  # a paragraph whose final punctuation the dump lost
    return words >= PROSE_MIN_WORDS and stop_ratio >= SENTENCE_STOP_RATIO and sentence_end


# bytes.translate tables over UTF-8 text. The first turns every byte but the word
# characters (\w) of ASCII into a space; the second keeps the apostrophe too and
# leaves the bytes of non-ASCII characters alone.
ASCII_WORD_BYTES = bytes(byte if byte < 128 and (chr(byte).isalnum() or chr(byte) == "_") else ord(" ") for byte in range(256))
WORD_OR_OTHER_BYTES = bytes(byte if byte >= 128 or chr(byte).isalnum() or chr(byte) in "_'" else ord(" ") for byte in range(256))


def find_words(text: str) -> list[str]:
    """WORD.findall(text), several times faster.

    The words of an ASCII line without apostrophes are what is left between
    spaces once every other character is a space, which bytes.translate and
    str.split do in C. Any other line is cut the same way at its ASCII
    punctuation and at every kind of space; no word spans such a cut, so the
    pattern need only read the pieces that still hold something other than
    letters and digits (an apostrophe, a curly quote, a dash), and most pieces
    are whole words already.
    """
    if text.isascii() and "'" not in text:
        return text.encode().translate(ASCII_WORD_BYTES).decode().split()
    # "surrogatepass": a JSON record can carry a lone surrogate, which plain UTF-8 refuses.
    pieces = text.encode("utf-8", "surrogatepass").translate(WORD_OR_OTHER_BYTES).decode("utf-8", "surrogatepass").split()
    if all(map(str.isalnum, pieces)):  # str.isalnum is the test of \w, but for "_"
        return pieces
    words: list[str] = []
    for piece in pieces:
        if piece.isalnum():
            words.append(piece)
        else:
            words += WORD.findall(piece)
    return words


def normalise(text: str) -> str:
    """A line's text as compared for repetition: its words in lower case (`Line.key`)."""
    return " ".join(WORD.findall(text.lower()))


# Lines of at most this many words are compared by shape as well as by text.
SHAPE_MAX_WORDS = 8


def repetitions(lowered_texts: list[str], keys: list[str], word_counts: list[int]) -> list[int]:
    """How often each line's normalised text occurs in the page, or its shape if that occurs more often.

    A shape is a line with its digits masked: "2 days ago at 07:52 am" and
    "5 days ago at 10:01 pm" share one. Repeated shapes are the meta lines of
    comment threads and teaser lists. Only short lines with numbers are
    compared by shape; the others keep the repetition of their text alone.
    """
    counts = Counter(keys)
    repeated = list(map(counts.__getitem__, keys))
    for position in compress(range(len(keys)), map(operator.not_, keys)):
        repeated[position] = 1  # a line without words repeats nothing
    shapes = {
        position: DIGIT.sub("0", lowered_texts[position])
        for position in with_pattern(DIGIT, lowered_texts, map(SHAPE_MAX_WORDS.__ge__, word_counts))
    }
    shape_counts = Counter(shapes.values())
    for position, shape in shapes.items():
        repeated[position] = max(repeated[position], shape_counts[shape])
    return repeated


def with_pattern(pattern: re.Pattern[str], texts: list[str], selected: Iterable[bool]) -> Iterator[int]:
    """Positions of the selected texts in which `pattern` matches, searched in C."""
    selected = list(selected)
    return compress(compress(range(len(texts)), selected), map(pattern.search, compress(texts, selected)))


# A sentence end and its trailing quotes or footnote mark fit in this many
# characters; searching only a line's tail keeps the check cheap on long paragraphs.
SENTENCE_TAIL = 24
# The last character of a (stripped) line that SENTENCE_END matches is one of
# these or one of UNSETTLED_END; after these it always matches.
SENTENCE_FINAL = frozenset(".!?…。！？")
# The last characters after which SENTENCE_END may or may not match: a quote, a bracket, a digit, the "D" of ":D"
# and an emoji.
UNSETTLED_END = re.compile("[\"'”’)\\]」』\\[\\dD\u2600-\u27bf\U0001f300-\U0001faff]")


def sentence_ends(texts: list[str], last_characters: list[str]) -> list[bool]:
    """Whether each stripped, non-empty line ends like a sentence (SENTENCE_END).

    Most lines are settled by their last character alone, without the pattern:
    one pass of UNSETTLED_END over the lines' last characters finds the others.
    """
    ends = list(map(SENTENCE_FINAL.__contains__, last_characters))
    for match in UNSETTLED_END.finditer("".join(last_characters)):
        position = match.start()
        ends[position] = SENTENCE_END.search(texts[position][-SENTENCE_TAIL:]) is not None
    return ends


def non_empty_lines(text: str) -> tuple[list[str], list[int]]:
    """The stripped non-empty lines of a dump and the number of the blank-line separated block each is in."""
    stripped = list(map(str.strip, text.splitlines()))
    filled = list(map(bool, stripped))
    # A blank line right after a non-empty one closes a block; a line's block
    # number is the count of blocks closed before it.
    closes = chain((False,), map(operator.gt, filled, filled[1:]))
    block_numbers = accumulate(closes)
    return list(compress(stripped, filled)), list(compress(block_numbers, filled))


def split_lines(text: str) -> list[Line]:
    """Split a dump into non-empty lines, compute their features and mark page-level repetition.

    A dump written as Markdown is read as the text it marks up (see `markdown`);
    a hard-wrapped dump (a terminal browser's, a mail's) has its paragraphs
    joined back into lines, and a terminal browser's link numbers are dropped (see `wrapping`).
    """
    texts, blocks = non_empty_lines(drop_link_numbers(markdown_to_text(text)))
    return lines_of(texts, blocks)


def lines_of(texts: list[str], blocks: list[int], may_be_wrapped: bool = True) -> list[Line]:
    """The Lines of a page's non-empty lines and their block numbers (see `split_lines`)."""
    # This runs for every line of every page. Each feature is computed for all
    # lines at once, by C functions mapped over them or by one scan of the whole
    # page, and the Lines are built last from those columns.
    if not texts:
        return []
    count = len(texts)
    lowered_texts = list(map(str.lower, texts))
    token_lists = list(map(find_words, lowered_texts))
    word_counts = list(map(len, token_lists))
    # Positions by number of words, most first (a stable sort: ties in page order). The
    # longest lines name the page's language, and tell a hard-wrapped page (it has none).
    longest_first = sorted(range(count), key=word_counts.__getitem__, reverse=True)
    if may_be_wrapped and not has_long_prose_lines(texts, word_counts, longest_first):
        unwrapped = unwrap_lines(texts, blocks, word_counts, longest_first)
        if unwrapped is not None:
            return lines_of(*unwrapped, may_be_wrapped=False)
    keys = list(map(" ".join, token_lists))
    if any(map(CJK.search, filterfalse(str.isascii, texts))):  # only lines outside ASCII can hold CJK
        # Scripts without spaces: count about one word per two characters.
        word_counts = [words + len(CJK.findall(line_text)) // 2 for words, line_text in zip(word_counts, texts, strict=True)]
    stops, other_languages = page_stop_words(token_lists, longest_first)
    sizes = Counter(blocks)
    repeated = repetitions(lowered_texts, keys, word_counts)
    last_characters = list(map(operator.itemgetter(-1), texts))
    ends = sentence_ends(texts, last_characters)
    # A line that ends in a colon introduces what follows it (a list, a table, code, a quotation):
    # for prose it counts as a sentence, though it does not end one.
    ends_clause = list(map(operator.or_, ends, map(INTRODUCING.__contains__, last_characters)))
    # Shorter lines are never prose: they skip counting their stop words.
    prose = [False] * count
    for position in compress(range(count), map(PROSE_MIN_WORDS.__le__, word_counts)):
        tokens, words, ends_here = token_lists[position], word_counts[position], ends_clause[position]
        # Another language is asked only about a line that could read as prose at all: a sentence, or a long line.
        prose[position] = reads_like_prose(words, stop_ratio(tokens, stops), ends_here) or (
            bool(other_languages)
            and (ends_here or words >= UNPUNCTUATED_PROSE_WORDS)
            and reads_like_prose(words, line_stop_ratio(tokens, other_languages), ends_here)
        )
    no_cues: tuple[str, ...] = ()
    cues = [no_cues] * count
    for position in cue_candidates(lowered_texts, token_lists, word_counts, last_characters):
        cues[position] = tuple(boilerplate_cues(texts[position], lowered_texts[position], token_lists[position], word_counts[position]))
    columns = zip(
        range(count), texts, blocks, map(sizes.__getitem__, blocks), word_counts, ends, repeated,
        lowered_texts, token_lists, keys, repeat(stops, count), prose, cues, strict=True,
    )
    # Line._make without its Python frame (tuple.__new__ is what it calls).
    return list(map(tuple.__new__, repeat(Line), columns))


# Cheap gates in front of the cue patterns: a line can match a pattern only if
# it holds one of these words (or characters). Most lines hold none, and a set
# lookup per word costs far less than running every pattern over every line.
# tests/clean/test_lines.py generates strings from each pattern to check that
# its gate lets every one of them through.
# For each call-to-action phrase, its least common word that every match holds.
ENGLISH_CALL_TO_ACTION_GATE = frozenset(
    {
        "sign",
        "permalink",
        "akismet",
        "log",
        "login",
        "subscribe",
        "subscription",
        "subscriber",
        "subscribed",
        "newsletter",
        "inbox",
        "inboxes",
        "latest",
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
        "moderated",
        "privacy",
        "terms",
        "cookie",
        "cookies",
        "advertise",
        "advertisement",
        "advertising",
        "sponsored",
        "app",
        "apps",
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
OTHER_CALL_TO_ACTION_GATE = frozenset(
    {
        # German
        "abonnieren", "abo", "abonnent", "anmelden", "registrieren", "einloggen", "teilen", "drucken", "versenden", "merken",
        "empfehlen", "kommentar", "kommentare", "abbrechen", "adresse", "pflichtfelder", "felder", "datenschutzerklärung",
        "datenschutzhinweis", "datenschutzhinweise", "datenschutzbestimmungen", "datenschutzeinstellungen", "datenschutzrichtlinie",
        "datenschutzrichtlinien", "impressum", "nutzungsbedingungen", "geschäftsbedingungen", "weiterlesen", "lesen", "erfahren",
        "klicken", "springen", "inhalt", "oben", "seitenanfang", "folgen", "folge", "folgt", "spenden", "unterstützen",
        "herunterladen", "testen", "teile", "hilft", "informieren", "informiert", "gefällt", "gefiel", "gefallen", "bestellen",
        "ausgaben", "zugang", "startseite", "kommentaren",
        # Spanish
        "compartir", "comparte", "comparta", "suscríbete", "suscríbase", "suscribirse", "sesión", "regístrate", "regístrese",
        "comentario", "privacidad", "cookies", "legal", "términos", "condiciones", "síguenos", "clic", "pulsa", "leyendo", "socio",
        "únete", "registrarte", "canal", "cancela",
        # French
        "partager", "partagez", "abonnez", "connecter", "connectez", "inscrivez", "compte", "commentaire", "confidentialité",
        "légales", "générales", "suivez", "cliquez", "savoir", "suite", "boîte",
        # Polish
        "udostępnij", "subskrybuj", "zapisz", "zaloguj", "zarejestruj", "komentarz", "skomentuj", "prywatności", "obserwuj",
        "kliknij", "dalej", "aplikację",
        # Italian
        "condividi", "iscriviti", "commento", "informativa", "seguici", "clicca", "leggere",
        # Portuguese
        "compartilhe", "partilhe", "assine", "inscreva", "cadastre", "faça", "comentário", "privacidade", "termos", "siga", "clique",
        "lendo",
        # Dutch
        "deel", "delen", "abonneer", "abonneren", "inloggen", "schrijf", "reactie", "privacybeleid", "privacyverklaring",
        "cookiebeleid", "gebruiksvoorwaarden", "voorwaarden", "volg", "klik", "verder",
    }
)
CALL_TO_ACTION_GATE = ENGLISH_CALL_TO_ACTION_GATE | OTHER_CALL_TO_ACTION_GATE
CALL_TO_ACTION_GATES = ((ENGLISH_CALL_TO_ACTION_GATE, ENGLISH_CALL_TO_ACTION), (OTHER_CALL_TO_ACTION_GATE, OTHER_CALL_TO_ACTION))
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
# The first word of every line RELATED matches is one of these (the pattern is anchored at the line's
# start): a test of one word per line, where a gate on any of its words would pass every line that
# holds "more", "also" or "auch".
RELATED_OPENERS = frozenset(
    {
        # English
        "related", "more", "see", "also", "further", "read", "you", "recommended", "most", "trending", "what", "top", "latest",
        "keep", "about", "previous", "next", "older", "newer", "explore",
        # German
        "lesen", "lies", "siehe", "auch", "das", "dies", "könnte", "dürfte", "mehr", "passend", "weitere", "ähnliche",
        "verwandte", "empfohlene", "beliebte", "neueste", "aktuelle", "letzte", "passende", "meistgelesen", "meistgelesene",
        "meist", "empfehlungen", "die", "über", "wer", "vorheriger", "nächster", "voriger", "ältere", "neuere", "vorschau",
        # Spanish
        "leer", "lee", "lea", "ver", "vea", "mira", "también", "te", "le", "les", "puede", "quizás", "noticias", "artículos",
        "contenido", "contenidos", "notas", "temas", "entradas", "publicaciones", "relacionado", "relacionada",
        "relacionados", "relacionadas", "más", "lo", "otras", "últimas", "seguí", "mirá", "sobre", "entrada", "artículo",
        "publicación", "nota", "noticia", "siguiente", "puedes", "informate", "infórmate",
        # French
        "à", "lire", "voir", "découvrir", "sur", "dans", "vous", "ces", "cet", "article", "articles", "nos", "dernières", "billet",
        # Polish
        "czytaj", "przeczytaj", "zobacz", "polecamy", "podobne", "powiązane", "polecane", "najnowsze", "popularne",
        "najczęściej", "najpopularniejsze", "więcej", "to", "może", "poprzedni", "następny", "dowiedz",
        # Italian
        "leggi", "potrebbe", "potrebbero", "ti", "vi", "articoli", "notizie", "post", "più", "vedi", "articolo",
        # Portuguese
        "leia", "veja", "confira", "saiba", "você", "tu", "notícias", "artigos", "matérias", "posts", "mais", "artigo", "próximo",
        # Dutch
        "lees", "gerelateerde", "vergelijkbare", "aanbevolen", "populaire", "dit", "vind", "vindt", "ook", "meest", "bekijk",
        "meer",
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
CAPTION_OPENINGS = CREDIT_WORDS
CAPTION_GATE = frozenset({"getty", "shutterstock", "istock", "ap", "reuters"})
IMAGE_CODE_GATE = re.compile(r"\d\d\d")  # \d{3}; see DIGIT


def is_caption_credit(text: str, lowered: str) -> bool:
    """Whether CAPTION_CREDIT matches anywhere in `text` (`lowered` is its lower case).

    The answer of CAPTION_CREDIT.search, found faster: a search for its parts
    one by one is quick for the first two (one starts with "(", one at the start
    of the line), and the third, slow to scan for, runs only when the line may
    hold an agency's name.
    """
    paren, opening, agency = CAPTION_CREDIT_PARTS
    if paren.search(text) or opening.search(text):
        return True
    # In ASCII text a case-insensitive match is a substring of the lower case;
    # elsewhere "ı" and "ſ" match "i" and "s", so the pattern decides alone.
    if text.isascii() and not any(map(lowered.__contains__, CREDIT_AGENCIES)):
        return False
    return agency.search(text) is not None


def could_match(gate: frozenset[str], tokens: list[str]) -> bool:
    return not gate.isdisjoint(tokens)


def may_be_legal(lowered: str) -> bool:
    return any(map(lowered.__contains__, LEGAL_SUBSTRINGS))


def may_be_related(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[0] in RELATED_OPENERS


def may_be_caption(lowered: str, tokens: list[str]) -> bool:
    return lowered.endswith(")") or lowered.startswith(CAPTION_OPENINGS) or could_match(CAPTION_GATE, tokens)


# Every word gate of `boilerplate_cues` at once (see `cue_candidates`).
ANY_CUE_WORD = CALL_TO_ACTION_GATE | SOCIAL_GATE | URL_GATE | CAPTION_GATE | COMMENTS_GATE | {"protected"}
# Every character gate of `boilerplate_cues` (those of `may_be_legal` included).
ANY_CUE_SUBSTRING = ("{", "%%", "@", *LEGAL_SUBSTRINGS)


def cue_candidates(lowered_texts: list[str], token_lists: list[list[str]], word_counts: list[int], last_characters: list[str]) -> list[int]:
    """Positions of the lines that pass some gate of `boilerplate_cues`, in order.

    Most lines of a page pass no gate at all. Each gate is tried on all lines at
    once by C functions mapped over them, where `boilerplate_cues` would try
    each gate in turn on every line.
    """
    positions = range(len(lowered_texts))
    candidates = set(compress(positions, map(operator.not_, map(ANY_CUE_WORD.isdisjoint, token_lists))))
    # The first word of each line short enough to be a related-content heading, or [] for a line without
    # words, sliced in C.
    short = list(map(RELATED_MAX_WORDS.__ge__, word_counts))
    first_words = map(operator.getitem, compress(token_lists, short), repeat(slice(0, 1)))
    candidates.update(compress(compress(positions, short), map(operator.not_, map(RELATED_OPENERS.isdisjoint, first_words))))
    candidates.update(compress(positions, map(")".__eq__, last_characters)))
    candidates.update(compress(positions, map("*".__eq__, last_characters)))
    candidates.update(compress(positions, map(str.startswith, lowered_texts, repeat(CAPTION_OPENINGS))))
    lowered_page = "\n".join(lowered_texts)
    for needle in ANY_CUE_SUBSTRING:
        if needle in lowered_page:  # one scan of the page spares most needles a look at every line
            candidates.update(compress(positions, map(operator.contains, lowered_texts, repeat(needle))))
    candidates.update(with_pattern(IMAGE_CODE_GATE, lowered_texts, map(operator.le, word_counts, repeat(3))))
    return sorted(candidates)


# A form field's label marks a required field with a final asterisk ("Name *", "E-Mail *"): a comment,
# login or newsletter form, never article text. Labels are a few words; a longer line ending in "*"
# is a sentence with a footnote mark.
FORM_LABEL_MAX_WORDS = 4


def boilerplate_cues(text: str, lowered: str, tokens: list[str], words: int) -> list[str]:
    """Names of the generic boilerplate signals a line shows (empty for ordinary prose).

    `lowered`, `tokens` and `words` are the line's lower case, its words and
    their count, as `Line` holds them. Each pattern runs only on lines that pass
    its gate (see above); `cue_candidates` lets through every line some gate passes.
    """
    cues: list[str] = []
    if ("{" in text or "%%" in text) and TEMPLATE_PLACEHOLDER.search(text):
        cues.append("template")
    caption = may_be_caption(lowered, tokens) and is_caption_credit(text, lowered)
    if may_be_legal(lowered) and COPYRIGHT.search(text) and not (caption and words <= 12):
        cues.append("legal")
    if ("@" in text or "protected" in tokens) and EMAIL.search(text) or (words < 25 and could_match(URL_GATE, tokens) and URL.search(text)):
        cues.append("contact")
    if 1 <= words <= FORM_LABEL_MAX_WORDS and text.endswith("*") and not text.endswith("**"):
        cues.append("form")
    if words <= 3 and IMAGE_CODE_GATE.search(text) and IMAGE_CODE.match(BULLET.sub("", text)):
        cues.append("image-id")
    if could_match(CALL_TO_ACTION_GATE, tokens):
        action = [phrase for gate, pattern in CALL_TO_ACTION_GATES if could_match(gate, tokens) for phrase in pattern.findall(lowered)]
        # A call to action is a cue in a short line or in one that talks to the reader.
        if action and (words < 40 or SECOND_PERSON.search(text) or len(action) >= 2):
            cues.append("promo")
    if words <= RELATED_MAX_WORDS and may_be_related(tokens) and RELATED.match(lowered):
        if "promo" not in cues:
            cues.append("promo")
        cues.append("related")
    if words <= COMMENTS_HEADING_MAX_WORDS and could_match(COMMENTS_GATE, tokens) and COMMENTS_HEADING.match(lowered):
        cues.append("comments")
    if caption:
        cues.append("caption")
    if words < 25 and could_match(SOCIAL_GATE, tokens) and len(SOCIAL.findall(text)) >= 2:
        cues.append("promo")
    return cues
