"""Scorers for the shared gold formats; their figures equal ../shared/tools/referee.py's.

(Placeholder: being ported from the referee.)
"""
