"""Evaluation: scoring graphs against gold annotations, and ``kg eval`` over a folder.

Public API:

* :func:`score_graph` → :class:`EvalResult` (counts as :class:`PRF`) — the scoring rules
  (:mod:`~kg.evaluation.scoring`; the one-to-one matcher is :mod:`~kg.evaluation.matching`);
* :func:`load_gold`, :func:`merge_gold` — gold files (:mod:`~kg.evaluation.gold`);
* :func:`format_report`, :func:`combine_results` — the text report (:mod:`~kg.evaluation.report`);
* :func:`normalize_name` — how names are compared (:func:`kg.names.match_key`);
* :func:`run_eval`, :func:`evaluate_suite`, :func:`confidence_curve` — ``kg eval`` (:mod:`~kg.evaluation.suite`,
  imported on use: it needs the spaCy pipeline).
"""

from kg.evaluation.gold import load_gold, merge_gold
from kg.evaluation.report import combine_results, format_report
from kg.evaluation.scoring import PRF, EvalResult, normalize_name, score_graph

__all__ = ["EvalResult", "PRF", "combine_results", "format_report", "load_gold", "merge_gold", "normalize_name",
           "score_graph"]
