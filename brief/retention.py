"""Forgetting old state, so the state directory of a daily job stops growing.

After `state.keep_days` days (Settings.keep_days; 0 keeps everything) a run forgets the article texts of feed items
(their keys stay, so nothing is fetched again), the stories remembered for continuity, and the cached embeddings
and generated summaries. The run log is kept. SQLite reuses the freed space, so the files stop growing.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from brief.config import Settings
from brief.errors import BriefError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Forgotten:
    items: int = 0
    stories: int = 0
    embeddings: int = 0
    summaries: int = 0


def forget_old_state(settings: Settings, *, now: datetime, keep_from: datetime | None = None) -> Forgotten | None:
    """Forget what the state directory holds from before `settings.keep_days` ago (never from `keep_from` on: the
    window a scheduled run just read); None when everything is kept or the state cannot be pruned (a warning)."""
    if settings.keep_days <= 0:
        return None
    cutoff = now - timedelta(days=settings.keep_days)
    if keep_from is not None:
        cutoff = min(cutoff, keep_from)
    from brief.embed import state_dir as state_dir_of

    state_dir = state_dir_of(settings)
    try:
        return _forget(state_dir, cutoff)
    except (OSError, sqlite3.Error, BriefError) as err:  # pruning is housekeeping: it never fails a run
        log.warning("old state in %s could not be forgotten (%s)", state_dir, err)
        return None


def _forget(state_dir: Path, cutoff: datetime) -> Forgotten:
    """Forget what the state files hold from before `cutoff`; files that do not exist are not created."""
    from brief.embed import CACHE_FILE, EmbeddingCache
    from brief.store import DB_NAME, Store
    from brief.summarize.cache import DB_NAME as SUMMARIES, GenerationCache

    items = stories = embeddings = summaries = 0
    if (state_dir / DB_NAME).exists():
        with Store.in_dir(state_dir) as store:
            items, stories = store.forget_before(cutoff)
    if (state_dir / CACHE_FILE).exists():
        cache = EmbeddingCache(state_dir / CACHE_FILE)
        embeddings = cache.forget_before(cutoff)
        cache.close()
    if (state_dir / SUMMARIES).exists():
        generations = GenerationCache(state_dir)
        summaries = generations.forget_before(cutoff)
        generations.close()
    forgotten = Forgotten(items, stories, embeddings, summaries)
    log.info("forgot state in %s from before %s: %d item texts, %d stories, %d embeddings, %d summaries",
             state_dir, cutoff.date(), items, stories, embeddings, summaries)
    return forgotten
