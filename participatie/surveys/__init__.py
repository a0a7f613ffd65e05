"""Survey content that lives outside the web pages: templates, XLSForm, response CSVs, checks.

The builder pages (coordinate/surveys_*.py) and the `participatie surveys|responses` commands
share these modules, so a survey made in the browser and one brought from KoboToolbox or ODK
follow the same rules.
"""
