"""A radio button and a checkbox whose state is a sign, not only a colour: "(•)" / "( )" and
"[x]" / "[ ]" read the same on every terminal and for a colour-blind user."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class SignedRadioButton(RadioButton):
    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("(•)" if self.value else "( )", style))


class SignedCheckbox(Checkbox):
    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("[x]" if self.value else "[ ]", style))
