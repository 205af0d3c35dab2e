"""Articles not in English are kept with their language and not run through the English annotators."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsprism import Article, extract
from tests.conftest import EXAMPLES, MODELS

# A fictional French report (written for this test).
FRENCH = """\
Le ferry du lac Orvell reprend son service après trois jours d'arrêt

La compagnie des bateaux du lac Orvell a annoncé mardi que le ferry reliant Tessing à Mirrow reprendrait ses
traversées dès jeudi matin, après trois jours d'immobilisation au port à cause d'une avarie du moteur principal.

Selon le directeur de la compagnie, les mécaniciens ont remplacé une pompe défectueuse et le navire a passé avec
succès une inspection de sécurité lundi soir. « Nous remercions les habitants pour leur patience », a-t-il déclaré
devant la gare maritime.

Pendant l'interruption, des autocars ont transporté près de deux mille voyageurs autour du lac, un trajet qui prend
presque deux heures de plus que la traversée. Les commerçants de Mirrow disent avoir perdu une partie de leur
clientèle habituelle pendant ces trois jours.
"""


def test_a_french_article_is_kept_with_its_language_and_no_english_annotations(tmp_path: Path) -> None:
    page = tmp_path / "orvell-fr.txt"
    page.write_text(FRENCH, encoding="utf-8")
    english = EXAMPLES / "lake-orvell-ferry" / "orvell-herald.txt"
    articles = {article.source: article for article in extract([page, english], models=MODELS) if isinstance(article, Article)}
    french = articles[str(page)]
    assert french.language == "fr" and "pompe défectueuse" in french.body
    assert (french.entities, french.quotes, french.times, french.prepared) == ([], [], [], None)
    assert any(note.startswith("not annotated: in French (fr)") for note in french.notes)
    other = articles[str(english)]
    assert other.language == "en" and other.entities and other.prepared is not None


def test_the_command_says_so_on_one_line_and_writes_the_article(tmp_path: Path) -> None:
    page = tmp_path / "orvell-fr.txt"
    page.write_text(FRENCH, encoding="utf-8")
    output = tmp_path / "articles.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "newsprism", "extract", str(page), str(EXAMPLES / "lake-orvell-ferry"), "-o", str(output)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "French" in line]
    assert said == [f"newsprism: {page}: in French (fr): kept, not annotated (English only)"]
    assert len(output.read_text(encoding="utf-8").splitlines()) == 4


def test_a_batch_of_pages_in_another_language_prints_a_few_notes_and_counts_the_rest(tmp_path: Path) -> None:
    from newsprism.cli.main import NOTES_SHOWN

    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(NOTES_SHOWN + 2):
        (pages / f"orvell-fr-{number}.txt").write_text(FRENCH.replace("trois jours", f"{number + 3} jours"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsprism", "extract", str(pages), "-o", str(tmp_path / "articles.jsonl")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len([line for line in done.stderr.splitlines() if "in French (fr): kept, not annotated" in line]) == NOTES_SHOWN
    assert f"{NOTES_SHOWN + 2} articles noted, 2 of the notes not shown" in done.stderr.splitlines()[-1]
