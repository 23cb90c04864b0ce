"""brief: a day's news from many outlets, turned into a short briefing that cites its sources."""

__version__ = "0.1.0"
