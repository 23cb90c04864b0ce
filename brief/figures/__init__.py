"""Figures engine: numbers in each article, what they count, aligned across sources with a verdict."""
