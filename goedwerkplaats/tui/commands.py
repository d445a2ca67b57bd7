"""Every key binding of the screen in front also appears in the command palette."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import SystemCommand
from textual.screen import Screen


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # only our own bindings, which all have an id: Textual's widgets name theirs in English
        if not binding.id or not binding.description or binding.action in seen:
            continue
        if binding.action in ("quit", "app.quit", "command_palette", "app.command_palette"):
            continue
        seen.add(binding.action)
        shown = binding.key_display or screen.app.get_key_display(binding)
        node, action = active.node, binding.action

        async def run(node=node, action=action) -> None:  # type: ignore[no-untyped-def]
            await node.run_action(action)

        yield SystemCommand(binding.description, f"toets {shown or key}", run)
