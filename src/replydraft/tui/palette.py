"""Command palette entries (ctrl+p): one "category: action" entry for every action of the app."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReplydraftCommands(Provider):
    """Offers `app.palette_commands()`: file, view, edit, export and help actions."""

    def _entries(self):
        commands = getattr(self.app, "palette_commands", None)
        return commands() if commands else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._entries():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._entries():
            score = max(matcher.match(name), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
