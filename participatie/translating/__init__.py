"""Translating a project's texts (issue 16 item 4): which texts exist, where each translation
stands, and the stuurgroep texts as .po/XLIFF files. A domain package: no routes, no areas.
"""
