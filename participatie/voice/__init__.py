"""The participants' own voice on what was done: the resultaatsmeting (before and after, paired by a
meetcode), the verdict on each decision, and influence seen from both sides (DESIGN §1 steps 6, 8).

A domain package: no Flask routes here; participate/ and report/ use it.
"""
