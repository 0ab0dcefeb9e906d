"""The terminal UI (Textual). The only package of replydraft that imports textual.

Entry point: `replydraft.tui.app.make_app(...)`, used by `replydraft tui`, the tests and
`scripts/bench_tui.py`. `autosave` imports no Textual; the pure line edits and the form
following live in `replydraft.draft.line_edits` and `replydraft.compose.follow`.
"""
