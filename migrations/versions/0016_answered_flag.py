"""answered flag: responses.answered, kept by triggers on answers; an index of participants

A participant is a consented response with at least one answer (report/participants.py). Asked as
`EXISTS (answer for this response)` that costs a scan of all answers per count: 625 of the home
page's 786 ms with 100,000 responses (issue 22). The flag answers the same question from the
response row, and a partial index holds exactly the participants.

The database keeps the flag, not the Python code: answers are inserted and deleted on many paths
(the journey, paper entry, offline sync, CSV import, routing prunes, retention purge, a bulk DELETE
in a script, the demo loader, the benchmark's COPY), and a trigger sees every one of them, so the
flag cannot drift from the answers. PostgreSQL: statement triggers over the transition tables
(a bulk COPY or purge costs one UPDATE, not one per answer); SQLite: row triggers.

Revision ID: 0016_answered_flag
Revises: 0012
Create Date: 2026-12-07 12:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016_answered_flag"
down_revision = "0012"
branch_labels = None
depends_on = None

PARTICIPANTS = "answered AND consented_at IS NOT NULL"

# Set on insert only when not yet set: later answers of the same response write nothing and take
# no row lock. Recomputed on delete only for responses still flagged (a response deleted with its
# answers by ON DELETE CASCADE is gone: its UPDATE matches no row).
POSTGRESQL = [
    """
    CREATE FUNCTION answers_flag_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE responses SET answered = TRUE
        WHERE id IN (SELECT response_id FROM inserted) AND NOT answered;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION answers_flag_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE responses SET answered = FALSE
        WHERE id IN (SELECT response_id FROM deleted) AND answered
          AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.response_id = responses.id);
        RETURN NULL;
    END $$
    """,
    # An answer moved to another response (no code does it; kept exact all the same). A trigger
    # on one column cannot have transition tables: a row trigger.
    """
    CREATE FUNCTION answers_flag_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE responses SET answered = TRUE WHERE id = NEW.response_id AND NOT answered;
        UPDATE responses SET answered = FALSE
        WHERE id = OLD.response_id AND answered
          AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.response_id = OLD.response_id);
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER answers_flag_inserted AFTER INSERT ON answers
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION answers_flag_inserted()
    """,
    """
    CREATE TRIGGER answers_flag_deleted AFTER DELETE ON answers
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION answers_flag_deleted()
    """,
    """
    CREATE TRIGGER answers_flag_moved AFTER UPDATE OF response_id ON answers
    FOR EACH ROW WHEN (OLD.response_id IS DISTINCT FROM NEW.response_id)
    EXECUTE FUNCTION answers_flag_moved()
    """,
]

SQLITE = [
    """
    CREATE TRIGGER answers_flag_inserted AFTER INSERT ON answers FOR EACH ROW
    BEGIN
        UPDATE responses SET answered = 1 WHERE id = NEW.response_id AND answered = 0;
    END
    """,
    """
    CREATE TRIGGER answers_flag_deleted AFTER DELETE ON answers FOR EACH ROW
    BEGIN
        UPDATE responses SET answered = 0
        WHERE id = OLD.response_id AND answered = 1
          AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.response_id = OLD.response_id);
    END
    """,
    """
    CREATE TRIGGER answers_flag_moved AFTER UPDATE OF response_id ON answers FOR EACH ROW
    WHEN OLD.response_id IS NOT NEW.response_id
    BEGIN
        UPDATE responses SET answered = 1 WHERE id = NEW.response_id AND answered = 0;
        UPDATE responses SET answered = 0
        WHERE id = OLD.response_id AND answered = 1
          AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.response_id = OLD.response_id);
    END
    """,
]


def upgrade():
    # In place, never a copy of the table: on SQLite recreating `responses` drops the old table,
    # and its answers go with it (ON DELETE CASCADE).
    with op.batch_alter_table("responses", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("answered", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        "UPDATE responses SET answered = TRUE "
        "WHERE EXISTS (SELECT 1 FROM answers WHERE answers.response_id = responses.id)"
    )
    for statement in POSTGRESQL if _postgresql() else SQLITE:
        op.execute(statement)
    with op.batch_alter_table("responses", schema=None, recreate="never") as batch_op:
        batch_op.create_index(
            "ix_responses_participants",
            ["survey_id", "consented_at"],
            unique=False,
            postgresql_where=sa.text(PARTICIPANTS),
            sqlite_where=sa.text(PARTICIPANTS),
        )


def downgrade():
    with op.batch_alter_table("responses", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_responses_participants")
    for trigger in ("answers_flag_inserted", "answers_flag_deleted", "answers_flag_moved"):
        op.execute(f"DROP TRIGGER {trigger}" + (" ON answers" if _postgresql() else ""))
        if _postgresql():
            op.execute(f"DROP FUNCTION {trigger}()")
    # In place (SQLite ≥ 3.35 too): recreating `responses` would drop a table answers point at.
    with op.batch_alter_table("responses", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("answered")


def _postgresql():
    return op.get_bind().dialect.name == "postgresql"
