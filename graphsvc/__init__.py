"""graphsvc: stakeholder network mapping and partner recruitment for Collective Impact."""

__version__ = "0.1.0"
