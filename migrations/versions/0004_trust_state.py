"""trust-state: idempotency keys bound to content, one-time TOTP codes, session versions,
suggested tags unique

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-07 04:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        # Keys stored before this change have no hash: their content counts as unknown.
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_codes', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))

    # The suggester's duplicates (two queue openings at once): keep one row per (statement, code),
    # a decided one before a merely suggested one, else the oldest.
    op.execute(
        """
        DELETE FROM tags
        WHERE coder_id IS NULL
          AND EXISTS (
            SELECT 1 FROM tags AS other
            WHERE other.coder_id IS NULL
              AND other.statement_id = tags.statement_id
              AND other.code_id = tags.code_id
              AND other.id <> tags.id
              AND (
                (CASE WHEN other.status = 'suggested' THEN 1 ELSE 0 END)
                  < (CASE WHEN tags.status = 'suggested' THEN 1 ELSE 0 END)
                OR (
                  (CASE WHEN other.status = 'suggested' THEN 1 ELSE 0 END)
                    = (CASE WHEN tags.status = 'suggested' THEN 1 ELSE 0 END)
                  AND other.id < tags.id
                )
              )
          )
        """
    )
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.create_index(
            'uq_tags_suggested_statement_id_code_id',
            ['statement_id', 'code_id'],
            unique=True,
            postgresql_where=sa.text('coder_id IS NULL'),
            sqlite_where=sa.text('coder_id IS NULL'),
        )


def downgrade():
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_index('uq_tags_suggested_statement_id_code_id')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_version')
        batch_op.drop_column('totp_last_step')
        batch_op.drop_column('failed_codes')

    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_column('content_hash')
