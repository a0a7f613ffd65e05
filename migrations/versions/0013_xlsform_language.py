"""xlsform: calculations, choice filters and regex constraints carried over from XLSForms

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-07 07:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("calculations", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("choice_filter", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("pattern", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("constraint_message", sa.JSON(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.add_column(sa.Column("filters", sa.JSON(), nullable=False, server_default="{}"))


def downgrade():
    # Dropped in place: recreating these tables would drop tables others point at (see 0010).
    with op.batch_alter_table("options", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("filters")
    with op.batch_alter_table("questions", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("constraint_message")
        batch_op.drop_column("pattern")
        batch_op.drop_column("choice_filter")
    with op.batch_alter_table("surveys", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("calculations")
