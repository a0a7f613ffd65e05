"""follow-through: priorities, werkgroepen, goals, indicators, measurements; actions under goals

Every existing action moves under a goal made from its decision: one strategic goal per decision
(titled after its theme, linked to the theme), in the werkgroep of the theme's domain (made when
the project has none yet). The action keeps its link to the decision.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-07 04:30:00

"""

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def _enum(name, *values):
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade():
    op.create_table(
        "priorities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("domain_id", sa.Integer(), nullable=False),
        sa.Column(
            "proposed_by", _enum("proposedby", "oudergroep", "stuurgroep", "werkgroep"), nullable=False
        ),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["domain_id"], ["codes.id"], name=op.f("fk_priorities_domain_id_codes"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_priorities_project_id_projects"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priorities")),
        sa.UniqueConstraint("project_id", "domain_id", name=op.f("uq_priorities_project_id_domain_id")),
        sa.UniqueConstraint("public_id", name=op.f("uq_priorities_public_id")),
    )
    op.create_index(op.f("ix_priorities_project_id"), "priorities", ["project_id"])

    op.create_table(
        "parent_group_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("delegates", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_parent_group_proposals_project_id_projects"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parent_group_proposals")),
        sa.UniqueConstraint("public_id", name=op.f("uq_parent_group_proposals_public_id")),
    )
    op.create_index(op.f("ix_parent_group_proposals_project_id"), "parent_group_proposals", ["project_id"])

    op.create_table(
        "workgroups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("domain_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["domain_id"], ["codes.id"], name=op.f("fk_workgroups_domain_id_codes"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_workgroups_project_id_projects"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workgroups")),
        sa.UniqueConstraint("public_id", name=op.f("uq_workgroups_public_id")),
    )
    op.create_index(op.f("ix_workgroups_project_id"), "workgroups", ["project_id"])

    op.create_table(
        "workgroup_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workgroup_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("pseudonym", sa.String(length=20), nullable=True),
        sa.CheckConstraint(
            "(user_id IS NOT NULL AND pseudonym IS NULL) OR (user_id IS NULL AND pseudonym IS NOT NULL)",
            name=op.f("ck_workgroup_members_user_or_pseudonym"),
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_workgroup_members_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workgroup_id"], ["workgroups.id"], name=op.f("fk_workgroup_members_workgroup_id_workgroups"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workgroup_members")),
        sa.UniqueConstraint("workgroup_id", "pseudonym", name=op.f("uq_workgroup_members_workgroup_id_pseudonym")),
        sa.UniqueConstraint("workgroup_id", "user_id", name=op.f("uq_workgroup_members_workgroup_id_user_id")),
    )
    op.create_index(op.f("ix_workgroup_members_user_id"), "workgroup_members", ["user_id"])
    op.create_index(op.f("ix_workgroup_members_workgroup_id"), "workgroup_members", ["workgroup_id"])

    op.create_table(
        "workgroup_themes",
        sa.Column("workgroup_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_workgroup_themes_theme_id_themes"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workgroup_id"], ["workgroups.id"], name=op.f("fk_workgroup_themes_workgroup_id_workgroups"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workgroup_id", "theme_id", name=op.f("pk_workgroup_themes")),
    )

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("workgroup_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("goalkind", "strategic", "operational"), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name=op.f("fk_goals_decision_id_decisions"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["parent_id"], ["goals.id"], name=op.f("fk_goals_parent_id_goals"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workgroup_id"], ["workgroups.id"], name=op.f("fk_goals_workgroup_id_workgroups"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
        sa.UniqueConstraint("public_id", name=op.f("uq_goals_public_id")),
    )
    op.create_index(op.f("ix_goals_decision_id"), "goals", ["decision_id"])
    op.create_index(op.f("ix_goals_parent_id"), "goals", ["parent_id"])
    op.create_index(op.f("ix_goals_workgroup_id"), "goals", ["workgroup_id"])

    op.create_table(
        "goal_themes",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], name=op.f("fk_goal_themes_goal_id_goals"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_goal_themes_theme_id_themes"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("goal_id", "theme_id", name=op.f("pk_goal_themes")),
    )

    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("follows_oudergroep", sa.Boolean(), nullable=True))

    # Actions: the new columns first (goal_id may be NULL until the data below fills it).
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("goal_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("partners", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("start_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("expected_result", sa.Text(), nullable=False, server_default=""))

    _goals_from_decisions()

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.alter_column("goal_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("decision_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("partners", existing_type=sa.Text(), server_default=None)
        batch_op.alter_column("expected_result", existing_type=sa.Text(), server_default=None)
        batch_op.create_index(batch_op.f("ix_actions_goal_id"), ["goal_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_actions_goal_id_goals"), "goals", ["goal_id"], ["id"], ondelete="CASCADE"
        )

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("kind", _enum("indicatorkind", "output", "outcome"), nullable=False),
        sa.Column("unit", _enum("indicatorunit", "number", "percentage", "yes_no"), nullable=False),
        sa.Column("baseline_value", sa.Double(), nullable=True),
        sa.Column("baseline_on", sa.Date(), nullable=True),
        sa.Column("target_value", sa.Double(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("source_question_id", sa.Integer(), nullable=True),
        sa.Column("source_options", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(goal_id IS NOT NULL AND action_id IS NULL) OR (goal_id IS NULL AND action_id IS NOT NULL)",
            name=op.f("ck_indicators_goal_or_action"),
        ),
        sa.ForeignKeyConstraint(["action_id"], ["actions.id"], name=op.f("fk_indicators_action_id_actions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], name=op.f("fk_indicators_goal_id_goals"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_question_id"], ["questions.id"], name=op.f("fk_indicators_source_question_id_questions"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("public_id", name=op.f("uq_indicators_public_id")),
    )
    op.create_index(op.f("ix_indicators_action_id"), "indicators", ["action_id"])
    op.create_index(op.f("ix_indicators_goal_id"), "indicators", ["goal_id"])

    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("release_number", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], name=op.f("fk_measurements_indicator_id_indicators"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"], name=op.f("fk_measurements_recorded_by_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
        sa.UniqueConstraint("indicator_id", "release_number", name=op.f("uq_measurements_indicator_id_release_number")),
        sa.UniqueConstraint("public_id", name=op.f("uq_measurements_public_id")),
    )
    op.create_index(op.f("ix_measurements_indicator_id"), "measurements", ["indicator_id"])


def _goals_from_decisions():
    """One strategic goal per decision that has actions, in its domain's werkgroep."""
    bind = op.get_bind()
    now = datetime.now(UTC)
    workgroups = sa.table(
        "workgroups",
        sa.column("id", sa.Integer),
        sa.column("public_id", sa.String),
        sa.column("project_id", sa.Integer),
        sa.column("domain_id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    goals = sa.table(
        "goals",
        sa.column("id", sa.Integer),
        sa.column("public_id", sa.String),
        sa.column("workgroup_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("decision_id", sa.Integer),
        sa.column("title", sa.JSON),
        sa.column("description", sa.Text),
        sa.column("owner", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    goal_themes = sa.table("goal_themes", sa.column("goal_id"), sa.column("theme_id"))
    themes = sa.table(
        "themes",
        sa.column("id"),
        sa.column("project_id"),
        sa.column("domain_id"),
        sa.column("title", sa.JSON),
    )
    codes = sa.table("codes", sa.column("id"), sa.column("key"), sa.column("label", sa.JSON))
    decisions = sa.table("decisions", sa.column("id"), sa.column("theme_id"))
    actions = sa.table(
        "actions", sa.column("decision_id"), sa.column("goal_id"), sa.column("owner")
    )
    rows = bind.execute(
        sa.select(decisions.c.id, themes.c.id, themes.c.project_id, themes.c.domain_id, themes.c.title)
        .join(themes, themes.c.id == decisions.c.theme_id)
        .where(decisions.c.id.in_(sa.select(actions.c.decision_id)))
        .order_by(decisions.c.id)
    ).all()
    made: dict[tuple[int, int | None], int] = {}
    for decision_id, theme_id, project_id, domain_id, title in rows:
        key = (project_id, domain_id)
        if key not in made:
            made[key] = _workgroup_for(bind, workgroups, codes, project_id, domain_id, now)
        goal_id = bind.execute(
            goals.insert()
            .values(
                public_id=secrets.token_urlsafe(16),
                workgroup_id=made[key],
                kind="strategic",
                decision_id=decision_id,
                title=title or {},
                description="",
                owner="",
                created_at=now,
                updated_at=now,
            )
            .returning(goals.c.id)
        ).scalar_one()
        bind.execute(goal_themes.insert().values(goal_id=goal_id, theme_id=theme_id))
        bind.execute(
            actions.update().where(actions.c.decision_id == decision_id).values(goal_id=goal_id)
        )


def _workgroup_for(bind, workgroups, codes, project_id, domain_id, now):
    existing = bind.execute(
        sa.select(workgroups.c.id).where(
            workgroups.c.project_id == project_id,
            workgroups.c.domain_id.is_(None) if domain_id is None else workgroups.c.domain_id == domain_id,
        )
    ).scalar()
    if existing is not None:
        return existing
    name = "Werkgroep"
    if domain_id is not None:
        label = bind.execute(sa.select(codes.c.label, codes.c.key).where(codes.c.id == domain_id)).first()
        if label is not None:
            name = f"Werkgroep {(label[0] or {}).get('nl') or label[1]}"
    return bind.execute(
        workgroups.insert()
        .values(
            public_id=secrets.token_urlsafe(16),
            project_id=project_id,
            domain_id=domain_id,
            name=name[:200],
            created_at=now,
        )
        .returning(workgroups.c.id)
    ).scalar_one()


def downgrade():
    op.drop_table("measurements")
    op.drop_table("indicators")
    # Actions made under a goal without a decision cannot go back to the old shape.
    op.execute("DELETE FROM actions WHERE decision_id IS NULL")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_actions_goal_id_goals"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_actions_goal_id"))
        batch_op.alter_column("decision_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("expected_result")
        batch_op.drop_column("start_on")
        batch_op.drop_column("partners")
        batch_op.drop_column("goal_id")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("follows_oudergroep")
    op.drop_table("goal_themes")
    op.drop_table("goals")
    op.drop_table("workgroup_themes")
    op.drop_table("workgroup_members")
    op.drop_table("workgroups")
    op.drop_table("parent_group_proposals")
    op.drop_table("priorities")
