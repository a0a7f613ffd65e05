"""home: the project's omgevingsanalyse notes (the roadmap's first step); responses by consent

Revision ID: 0010
Revises: 0004
Create Date: 2026-12-07 05:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("omgevingsanalyse", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_responses_survey_id_consented_at", ["survey_id", "consented_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index("ix_responses_survey_id_consented_at")
    # ALTER TABLE … DROP COLUMN in place (SQLite ≥ 3.35 too): recreating `projects` would drop
    # a table that every other table points at, which SQLite's foreign keys refuse.
    with op.batch_alter_table("projects", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("omgevingsanalyse")
