"""The coordinate area's home: the site admin's overview and a project's home page."""
