"""Alembic's entry point: migrations run on the connection the store hands over (see newsprism.store.database)."""

from alembic import context

from newsprism.store.tables import Table

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Table.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
