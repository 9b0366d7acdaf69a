"""Reading the dossier: files, commande and documents, paragraphs and sentences."""
