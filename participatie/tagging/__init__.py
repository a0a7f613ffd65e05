"""Codebook, multilingual lexicons and the explainable theme suggester (levensdomeinen, drempels, kind)."""
