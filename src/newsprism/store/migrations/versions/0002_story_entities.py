"""Entities per story (which stories name whom), articles found by the URL they were fetched from and their
language, copies per run.

Revision: 0002; follows: 0001.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_entities",
        sa.Column("story", sa.String, sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("entity", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_entities_name", "story_entities", ["name"])
    op.create_index("ix_articles_source", "articles", ["source"])
    op.add_column("articles", sa.Column("language", sa.String(8)))
    op.add_column("runs", sa.Column("copies", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    op.drop_column("runs", "copies")
    op.drop_column("articles", "language")
    op.drop_index("ix_articles_source", "articles")
    op.drop_index("ix_story_entities_name", "story_entities")
    op.drop_table("story_entities")
