"""A parsed ``Doc`` read once into plain lists: :class:`TokenCache`.

``Doc[i]`` and ``for t in doc`` build a new ``Token`` object on every call, and ``Token`` attributes
look strings up on every read; the rules read them hundreds of thousands of times per corpus. The
cache reads the attributes they need from one ``Doc.to_array`` call (words, lemmas, parts of speech,
heads, dependency labels, sentence starts, entity labels, offsets) and works out children, subtrees
and morphological features on first use.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

__all__ = ["TokenCache"]

_STRINGS: dict[int, str] = {}  # strings by hash, for all documents (a string's hash never changes)
_STRINGS_MAX = 50_000  # the words that recur stay; names seen once are let go when it fills
_MORPH_FEATURES: dict[int, dict[str, str]] = {}


def _morph_features(strings, key: int) -> dict[str, str]:
    """The features of a morphological analysis (by its hash): « VerbForm=Fin|Tense=Pres » → {"VerbForm":
    "Fin", "Tense": "Pres"}; a feature of several values keeps them as written (« PronType=Int,Rel »)."""
    feats = _MORPH_FEATURES.get(key)
    if feats is None:
        text = strings[key] if key else ""
        feats = dict(f.split("=", 1) for f in text.split("|") if "=" in f)
        if len(_MORPH_FEATURES) > 100_000:
            _MORPH_FEATURES.clear()
        _MORPH_FEATURES[key] = feats
    return feats


class TokenCache:
    """A parsed ``Doc`` whose tokens are made once: ``Doc[i]`` and ``for t in doc`` build a new
    ``Token`` object on every call, which the extractor did over a million times per 300
    articles. ``doc[i]`` and iteration read the cached list; slices (spans) and every other
    attribute go to the ``Doc`` itself.

    The token attributes the rules read most (words, lemmas, parts of speech, heads, dependency
    labels, sentence starts, entity labels) are plain lists read from one ``Doc.to_array`` call;
    children, subtrees and morphological features are worked out on first use and kept."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        #: per token, read once (from one array, not token by token): text, lowercase form, lemma (as is
        #: and lowercase), coarse part of speech, character offset
        if len(_STRINGS) > _STRINGS_MAX:
            _STRINGS.clear()  # bounded: memory must not grow with the corpus
        known, strings = _STRINGS.get, doc.vocab.strings

        def string(h: int) -> str:
            s = _STRINGS[h] = strings[h]
            return s

        n = len(doc)
        arr = doc.to_array([ORTH, LOWER, LEMMA, DEP, ENT_TYPE, POS, IDX, SPACY, MORPH, HEAD, SENT_START])
        orth, low, lem, dep, ent_type, pos, idx, space, morph = arr[:, :9].T.tolist() if n else [[]] * 9
        self.words: list[str] = [known(h) or string(h) for h in orth]
        self.lower: list[str] = [known(h) or string(h) for h in low]
        self.lemma_: list[str] = [known(h) or string(h) for h in lem]
        self.lemma: list[str] = [w.lower() for w in self.lemma_]
        self.pos: list[str] = [POS_NAMES[p] for p in pos]
        self.idx: list[int] = idx
        self.text: str = "".join([w + " " if sp else w for w, sp in zip(self.words, space)])  # ``Doc.text``
        #: the dependency tree: each token's head (the root is its own head; the array holds offsets as
        #: unsigned numbers) and relation; sentence starts; named-entity labels
        self.heads: list[int] = (arr[:, 9].astype("int64") + numpy.arange(n)).tolist() if n else []
        self.deps: list[str] = [known(h) or string(h) for h in dep]
        self.sent_start: list[bool] = (arr[:, 10] == 1).tolist() if n else []
        self.ent_type: list[str] = [(known(h) or string(h)) if h else "" for h in ent_type]  # (0: no label)
        self._morphs: list[int] = morph
        self._strings = strings  # (:meth:`morph`)
        self.ents: tuple[Span, ...] = doc.ents  # ``Doc.ents`` makes new spans on every read
        self._children: list[list[int]] | None = None
        self._subtrees: dict[int, list[int]] = {}

    def __getitem__(self, i):
        if type(i) is int:
            return self.tokens[i]
        return self.doc[i]

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getattr__(self, name: str):
        return getattr(self.doc, name)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for ``0 <= start``, ``end <= len(doc)``, without making a ``Span``."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.words[end - 1])]

    def text_with_ws(self, start: int, end: int) -> str:
        """``"".join(t.text_with_ws for t in doc[start:end])``."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.idx[end] if end < len(self.idx) else len(self.text)]

    def tws(self, i: int) -> str:
        """``doc[i].text_with_ws``."""
        return self.text[self.idx[i] : self.idx[i + 1] if i + 1 < len(self.idx) else len(self.text)]

    def children(self, i: int) -> list[int]:
        """``[c.i for c in doc[i].children]``: the tokens whose head is ``i``, in text order."""
        if self._children is None:
            kids: list[list[int]] = [[] for _ in range(len(self.heads))]
            for c, h in enumerate(self.heads):
                if h != c:
                    kids[h].append(c)
            self._children = kids
        return self._children[i]

    def subtree(self, i: int) -> list[int]:
        """``[u.i for u in doc[i].subtree]``: left children's subtrees, the token, right children's subtrees
        (the list is kept: do not change it)."""
        out = self._subtrees.get(i)
        if out is None:
            out = []
            kids = self.children(i)
            for c in kids:
                if c < i:
                    out.extend(self.subtree(c))
            out.append(i)
            for c in kids:
                if c > i:
                    out.extend(self.subtree(c))
            self._subtrees[i] = out
        return out

    def morph(self, i: int, feature: str) -> str | None:
        """The value of a morphological feature of token ``i`` (« Fin », « Fut »), ``None`` without it:
        ``morph(i, f) == v`` is ``doc[i].morph.get(f) == [v]``."""
        return _morph_features(self._strings, self._morphs[i]).get(feature)
