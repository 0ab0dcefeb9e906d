"""A draft reply: its model, its text form, ordinal numbering, line edits and the checks."""
