"""The Indberetning page's parts: round status and actions, the editors, files, history."""
