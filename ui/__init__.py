"""Streamlit-side helpers for the dashboard: cached loaders, error display, tables and figure builders."""
