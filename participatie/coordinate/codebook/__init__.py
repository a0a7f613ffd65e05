"""A project's codebook: labels, sub-codes, merges, export (REFI-QDA) and its CLI."""
