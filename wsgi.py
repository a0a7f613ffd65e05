"""WSGI entry point: `gunicorn wsgi:app`."""

from participatie import create_app

app = create_app()
