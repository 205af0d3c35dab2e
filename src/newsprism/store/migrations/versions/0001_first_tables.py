"""The first tables: runs, stories, articles, the cluster state.

Revision: 0001; follows: nothing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started", sa.DateTime, nullable=False),
        sa.Column("finished", sa.DateTime),
        sa.Column("new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("known", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("stories_created", sa.Integer, nullable=False, server_default="0"),
        sa.Column("stories_updated", sa.Integer, nullable=False, server_default="0"),
        sa.Column("settings", sa.JSON, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first", sa.Date),
        sa.Column("last", sa.Date),
        sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("brief", sa.Text),
        sa.Column("stale", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("updated", sa.DateTime),
        sa.Column("result", sa.Text),
    )
    op.create_table(
        "articles",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False, index=True),
        sa.Column("content_hash", sa.String(40), nullable=False, unique=True),
        sa.Column("url", sa.String, index=True),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("outlet", sa.String),
        sa.Column("headline", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("reference_date", sa.Date),
        sa.Column("story", sa.String, sa.ForeignKey("stories.id"), index=True),
        sa.Column("duplicate_of", sa.String),
        sa.Column("run", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "cluster_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("state", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("cluster_state", "articles", "stories", "runs"):
        op.drop_table(table)
