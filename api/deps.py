"""Shared route dependencies: the settings and the store, opened once per application."""

from __future__ import annotations

from fastapi import Request

from conflict_kg.graph.store import Store

from .settings import Settings

__all__ = ["get_settings", "get_store"]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store
