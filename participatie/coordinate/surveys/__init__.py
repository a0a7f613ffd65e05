"""The survey builder: surveys, questions, routing, audio, translations and the preview."""
