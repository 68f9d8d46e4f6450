"""Check frames: what the quality suites (expectations/) validate.

Each module turns a document's facts into rows a Great Expectations suite can judge on its
own: the facts themselves (structure), comparisons of a printed figure with the figure the
document's arithmetic expects (roll-ups, reconciliation), and printed codes and names set
against the reference classification (reference). Pure polars in, polars out.
"""
