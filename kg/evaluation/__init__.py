"""Evaluation: scoring graphs against gold annotations, and ``kg eval`` over a folder."""

from kg.evaluation.scoring import EvalResult, load_gold, score_graph

__all__ = ["EvalResult", "load_gold", "score_graph"]
