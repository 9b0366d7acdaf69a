"""Topics of the dossier: themes, keywords and word clouds, timeline, clustering."""
