"""Composing a draft: the skeleton, its Jinja2 templates, and following the form as it changes."""
