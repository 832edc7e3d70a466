"""Orchestration between the API/CLI and the store and analytics."""
