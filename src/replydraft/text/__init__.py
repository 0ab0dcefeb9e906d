"""Pure text rules: normalising, ordinals, placeholders, stale marks, dates and demands.

Nothing here reads files or knows about libraries, drafts or the UI.
"""
