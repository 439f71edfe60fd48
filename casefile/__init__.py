"""casefile: sourced, resolved entities and facts from piles of documents."""
__version__ = "0.1.0"
