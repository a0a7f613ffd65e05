"""translator: a vertaler membership per language; the state of each translation

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 07:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "translation_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("text_id", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "reviewed", name="translationstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("target_hash", sa.String(length=64), nullable=False),
        sa.Column("translated_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_translation_states_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["translated_by_id"],
            ["users.id"],
            name=op.f("fk_translation_states_translated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["users.id"],
            name=op.f("fk_translation_states_reviewed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_states")),
        sa.UniqueConstraint(
            "project_id",
            "text_id",
            "language",
            name=op.f("uq_translation_states_project_id_text_id_language"),
        ),
    )
    with op.batch_alter_table("translation_states", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_translation_states_project_id"), ["project_id"], unique=False
        )
    # Nothing points at memberships, so SQLite may recreate the table to change its constraint.
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=10), nullable=False, server_default="")
        )
        batch_op.drop_constraint("uq_memberships_user_id_project_id_role", type_="unique")
        batch_op.create_unique_constraint(
            "uq_memberships_user_id_project_id_role_language",
            ["user_id", "project_id", "role", "language"],
        )


def downgrade():
    op.execute("DELETE FROM memberships WHERE role = 'vertaler'")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_constraint("uq_memberships_user_id_project_id_role_language", type_="unique")
        batch_op.create_unique_constraint(
            "uq_memberships_user_id_project_id_role", ["user_id", "project_id", "role"]
        )
        batch_op.drop_column("language")
    with op.batch_alter_table("translation_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_translation_states_project_id"))
    op.drop_table("translation_states")
