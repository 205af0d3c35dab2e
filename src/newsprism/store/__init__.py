"""The store: a database of articles and stories that grows with each ingest instead of starting from nothing.

`Store(url)` opens (and creates or migrates) the database; `ingest` adds the
articles its inputs hold that are not stored yet, places them in stories
with the cluster state the last ingest left, and analyses again only the
stories that changed. Each step commits on its own, in an order that makes
an interrupted ingest safe: an article is committed once prepared; placing
the new articles in stories, marking those stories stale and saving the
cluster state is one transaction; each stale story's analysis is another.
The next ingest finishes whatever an interrupted one left (articles not yet
placed, stories still stale).

An article already stored (same URL, or the same body by its sha1) is
recognised once it is cleaned, before it is annotated: ingesting the same
inputs again costs their reading and cleaning only. A URL already stored
(a page, or a feed's item) is not fetched again at all.

Known limits (this version): one ingest at a time does the grouping (a
second waits for the first's lock); an article is never removed or moved to
another story by a later ingest, even when later coverage would have grouped
it differently.
"""

from newsprism.store.database import DEFAULT_URL, database_url
from newsprism.store.ingest import IngestSummary, Store

__all__ = ["DEFAULT_URL", "IngestSummary", "Store", "database_url"]
