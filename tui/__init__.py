"""kg's terminal UI (Textual): `kg tui` calls tui.app.run. The kg library never imports this."""
