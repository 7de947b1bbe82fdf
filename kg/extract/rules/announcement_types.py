"""The records the announcement rules pass around: :class:`Agent`, :class:`Candidate`, sums of money.

A candidate is one statement of an announcement (an announcing verb, a pledge, a summit's text); the rule
of :mod:`kg.extract.rules.announcements` groups them by news item and makes one Announcement per group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re

from spacy.tokens import Span

from kg.extract.context import ArticleContext
from kg.extract.text import clip
from kg.extract.tokens import TokenCache

__all__ = ["MONEY", "Agent", "Candidate", "summary", "money_in", "tokens_text"]

_NUMBER = r"(?:\d+(?:[ \u202f.,]\d+)*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent)"
_CURRENCY = (r"(?:euros?|dollars?|€|\$|livres?(?:\s+sterling)?|yens?|francs?(?:\s+CFA)?|F\s?CFA|XOF|XAF|yuans?|roupies?"
             r"|dirhams?|dinars?|riyals?|rials?|wons?|roubles?|nairas?|cedis?|shillings?|rands?|reals?|USD|EUR)(?!\w)")
#: a sum of money (« 3 milliards de dollars », « un million d'euros », « 200 M€ », « $5 milliards »)
MONEY = re.compile(
    rf"(?:(?<!\w){_NUMBER}\s*(?:milliards?|millions?|mille|Mds?|M|k)\s*(?:d['’]\s*|de\s+)?{_CURRENCY}"
    rf"|(?<!\w)(?:un\s+)?demi-(?:milliard|million)\s*(?:d['’]\s*|de\s+){_CURRENCY}"  # « un demi-milliard d'euros »
    rf"|\d+(?:[ \u202f.,]\d+)*\s*{_CURRENCY}"
    r"|[$€]\s*\d+(?:[.,]\d+)*\s*(?:milliards?|millions?)?)",
    re.I,
)


@dataclass
class Agent:
    """Who announced: an entity key, the tokens that say so, how sure, and whether it is inferred."""

    key: str
    start: int
    end: int
    conf: float
    implied: bool = False


@dataclass
class Candidate:
    """One statement of an announcement: its trigger token, agents, the tokens of what is announced."""

    verb: int
    agents: list[Agent]
    obj_toks: list[int]
    #: tokens of the object's core (« une aide pour Kiev »: a capital there stands for its country)
    core: set[int] = field(default_factory=set)
    #: a label better than the summary (« Déclaration finale »), if any
    label: str | None = None
    #: (key, start, end, conf, implied) ``about`` relations found by the form's own rule
    about: list[tuple[str, int, int, float, bool]] = field(default_factory=list)
    #: entity keys never to be ``about`` (the subject of a reported pledge is an agent)
    not_about: set[str] = field(default_factory=set)
    #: (key, start, end, conf) the city where it was said
    places: list[tuple[str, int, int, float]] = field(default_factory=list)
    #: (key, start, end, conf, implied) the summit or event it was made at, found by the form's rule
    during: tuple[str, int, int, float, bool] | None = None
    #: no ``during`` from the article's summit (a past declaration, a decision said to precede the summit)
    no_fallback: bool = False
    #: the object's head token (« un fonds »), for grouping statements of one news item
    head: int | None = None
    kind: str = "verb"
    #: only a reference to an announcement told before (« le texte souligne »): nothing by itself
    anaphor_only: bool = False
    #: joins an earlier announcement (« se sont joints à cette initiative »): about what it is about
    inherit_about: bool = False
    #: the sum announced, when the clause states one outside the object (« a proposé ..., jusqu'à 3 milliards »)
    amount: str | None = None
    #: ``about`` keeps its agents (« un accord entre le Maroc et le Sénégal »: the parties sign it and it is about them)
    about_agents: bool = False

    @property
    def agent_keys(self) -> list[str]:
        return [a.key for a in self.agents]


def summary(doc: TokenCache, verb: int, sent: Span, obj_toks: list[int]) -> str:
    """A short summary: the announcing verb's object (« qu'elle accueillerait la prochaine édition à Paris »)."""
    if not obj_toks:
        text = doc.text_with_ws(verb, sent.end)
    else:
        text = doc.text_with_ws(obj_toks[0], obj_toks[-1] + 1)
    text = re.sub(r"^(?:qu['’]|que\s+|de\s+|d['’]|à\s+|sur\s+|pour\s+)", "", text.strip(), flags=re.I)
    return clip(text, 200)


def tokens_text(doc: TokenCache, toks) -> str:
    """The text of the tokens ``toks`` (in order), a space where they are not contiguous (« 45 M€ » then
    « financera » would otherwise glue into one word, and hide the sum)."""
    toks = sorted(toks)
    return "".join(doc.tws(k) + (" " if n + 1 < len(toks) and toks[n + 1] != k + 1 else "") for n, k in enumerate(toks))


def money_in(ctx: ArticleContext, c: Candidate) -> str | None:
    if c.amount:
        return c.amount
    doc = ctx.doc
    sent = ctx.sent_at(c.verb)
    text = tokens_text(doc, c.obj_toks) if c.obj_toks else doc.span_text(sent.start, sent.end)
    money = MONEY.search(text)
    return re.sub(r"\s+", " ", money.group(0)).strip() if money else None
