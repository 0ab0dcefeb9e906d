"""Reading the files officers keep: formats beyond plain text and .docx (PDF, web pages, old Word).

`replydraft.decoding.read_text` stays the one entry point; it dispatches here by content.
"""
