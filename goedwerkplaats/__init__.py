"""goedwerkplaats: Goed Werk Plaats-focusgroepen leiden, transcriberen, coderen en exporteren."""

__version__ = "0.1.0"
