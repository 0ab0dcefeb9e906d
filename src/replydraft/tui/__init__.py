"""The terminal UI (Textual). The only package of replydraft that imports textual.

Entry point: `replydraft.tui.app.make_app(...)`, used by `replydraft tui`, the tests and
`scripts/bench_tui.py`. Pure helpers (`part_edit`, `draft_sync`, `autosave`) import no Textual.
"""
