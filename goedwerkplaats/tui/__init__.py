"""The Textual interface: screens and widgets that only call the layers below."""
