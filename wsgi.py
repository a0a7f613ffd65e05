"""WSGI entry point: `gunicorn wsgi:app`."""

from participatie import create_app

# Web workers serve requests only: no `flask db` commands, so no Alembic in their memory.
app = create_app({"MIGRATIONS_COMMANDS": False})
