"""The terminal UI (Textual). The only package of replydraft that imports textual.

Entry point: `replydraft.tui.app.make_app(...)`, used by `replydraft tui`, the tests and
`scripts/bench_tui.py`. The app is a shell (bindings, keymap, config); the draft screen
(`draft_screen`) holds the widgets and handlers, `workers` the background jobs (they post the
dataclass messages of `messages`), `file_actions` save/export/autosave/recovery/quit. The
session state is the pure `replydraft.draft.session.DraftSession`; the line edits and the form
following live in `replydraft.draft.line_edits` and `replydraft.compose.follow`.
"""
