"""questions: the coordinator's "Ik wil dit niet zeggen" per question, and the words at both
ends of a short number scale (issue 19)

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-07 07:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    # ALTER TABLE … ADD COLUMN in place: recreating `questions` would drop a table that answers
    # and options point at, which SQLite's foreign keys refuse once there are rows.
    with op.batch_alter_table("questions", schema=None, recreate="never") as batch_op:
        # Questions that exist already keep offering the refusal they offered so far; new ones
        # offer it only where the coordinator chooses it (the model's default).
        batch_op.add_column(
            sa.Column("offer_decline", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(sa.Column("low_label", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("high_label", sa.JSON(), nullable=False, server_default="{}"))


def downgrade():
    # In place, as 0010 does: recreating `questions` would drop a table answers point at.
    with op.batch_alter_table("questions", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("high_label")
        batch_op.drop_column("low_label")
        batch_op.drop_column("offer_decline")
