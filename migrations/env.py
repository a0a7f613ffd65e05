"""Alembic environment, driven by Flask-Migrate and the app's metadata."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name is not None:
    # Keep the app's own loggers: tests and the CLI rely on them.
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

target_db = current_app.extensions["migrate"].db


def render_item(type_, obj, autogen_context):
    # Our UTCDateTime is a TypeDecorator; in the schema it is a plain timezone-aware DateTime.
    if type_ == "type" and obj.__class__.__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def configure_kwargs():
    return {
        "target_metadata": target_db.metadata,
        "render_as_batch": True,  # SQLite needs batch mode for ALTER
        "compare_type": True,
        "render_item": render_item,
    }


def run_migrations_offline():
    context.configure(url=str(target_db.engine.url), literal_binds=True, **configure_kwargs())
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    def process_revision_directives(context_, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    connectable = target_db.engine
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            process_revision_directives=process_revision_directives,
            **configure_kwargs(),
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
