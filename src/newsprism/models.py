"""The models a process loads once and hands to the stages that use them.

    Models
    ├── nlp       spaCy's English pipeline (newsprism.annotate.language)     prepare: the parse every annotator reads
    ├── encoder   all-MiniLM-L6-v2 on ONNX Runtime (newsprism.encoder)       prepare: bias verdicts and sentence vectors;
    │                                                                        analyze_story: clauses the parse cut out
    ├── bias      the bias model's heads (newsprism.annotate.bias)           prepare
    ├── languages lingua's language detector (newsprism.annotate.language_id) prepare: English articles are annotated
    └── vocab     spaCy's English vocabulary, to read kept parses back       analyze_story

Each model is loaded on first use, so a process that only compares prepared
articles never loads the language pipeline. Load one `Models` per process (a
worker process loads its own: nothing in it is shared between processes) and
pass it to `prepare` and `analyze_story`; `Models.shared()` is the process's
default instance, which the library calls use when given none.

Nothing else is cached between calls: what a later stage needs from an
earlier one travels in the data model (`newsprism.model.Prepared`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from lingua import LanguageDetector
    from spacy.language import Language
    from spacy.vocab import Vocab

    from newsprism.annotate.bias import BiasModel
    from newsprism.encoder import Encoder


class Models:
    """spaCy's pipeline, the sentence encoder, the bias heads, a language detector and a vocabulary, each loaded when
    first asked for.

    Raises ConfigurationError (on first use of the model concerned) when a model package is not installed.
    """

    _shared: ClassVar[Models | None] = None

    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._encoder: Encoder | None = None
        self._bias: BiasModel | None = None
        self._vocab: Vocab | None = None
        self._languages: LanguageDetector | None = None

    @classmethod
    def shared(cls) -> Models:
        """The process's default instance (created on first call; its models load when first used)."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from newsprism.annotate.language import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            from newsprism.encoder import load_encoder

            self._encoder = load_encoder()
        return self._encoder

    @property
    def bias(self) -> BiasModel:
        if self._bias is None:
            from newsprism.annotate.bias import load_model

            self._bias = load_model()
        return self._bias

    @property
    def languages(self) -> LanguageDetector:
        if self._languages is None:
            from newsprism.annotate.language_id import load_detector

            self._languages = load_detector()
        return self._languages

    @property
    def vocab(self) -> Vocab:
        """A blank English vocabulary (its word shapes and flags, no weights): kept parses are read back into it,
        the same way whichever process prepared them."""
        if self._vocab is None:
            import spacy

            self._vocab = spacy.blank("en").vocab
        return self._vocab


__all__ = ["Models"]
