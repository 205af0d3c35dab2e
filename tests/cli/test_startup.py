"""The command answers `--help` and usage errors without importing the library's heavy parts (spaCy, the models)."""

import subprocess
import sys

HEAVY = ("spacy", "torch", "onnxruntime", "datasketch", "sklearn", "jinja2", "sqlalchemy", "alembic", "newsprism.pipeline")


def test_help_and_the_package_import_nothing_heavy() -> None:
    probe = (
        "import sys\n"
        "import newsprism\n"
        "from newsprism.cli.main import app\n"
        "from newsprism import Article, InputError\n"
        "try:\n"
        "    app(['--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "extract" in result.stdout and "cluster" in result.stdout


def test_the_library_names_still_resolve() -> None:
    import newsprism

    assert newsprism.prepare.__module__ == "newsprism.pipeline"
    assert newsprism.Progress.__module__ == "newsprism.progress"
    assert set(newsprism.__all__) <= set(dir(newsprism)) | set(newsprism.EXPORTS)
