"""statement gloss: a Dutch translation of a statement in another language, and who wrote it

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-07 07:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gloss_nl", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("gloss_by", sa.String(length=16), nullable=True))


def downgrade():
    # In place (SQLite ≥ 3.35 too): recreating `statements` would drop a table tags point at.
    with op.batch_alter_table("statements", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("gloss_by")
        batch_op.drop_column("gloss_nl")
