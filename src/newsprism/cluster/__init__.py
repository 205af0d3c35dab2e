"""Cluster: a stream of articles -> stories, with near-duplicates (wire copies, syndicated pieces) marked.

`order` sets the order a stream is read in and names stories after their
first article; `duplicates` finds copies of one text (MinHash LSH over the
clean bodies);
`features` reads what tells one event from another; `stories` places each
article, in time order, in the best-matching open story or a new one, and
keeps the open stories as data (`ClusterState`) that a later batch continues.
"""

from __future__ import annotations

from newsprism.cluster.order import founder, story_id, time_order
from newsprism.cluster.stories import ClusterState, OpenStory, Placement, StoryMatcher, cluster, stories_of

__all__ = ["ClusterState", "OpenStory", "Placement", "StoryMatcher", "cluster", "founder", "stories_of", "story_id", "time_order"]
