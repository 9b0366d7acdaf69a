"""French words for the verification's verdict, shared by the note (notebook 05) and the runner
(`running.anomalies`), which reads the verdict without importing the note's composition."""

VERDICT_TABLE = "note_checks"
LEVELS = {"error": "anomalie", "warning": "avertissement"}
ORIGINS = {"analyst": "texte de l'analyste", "document": "phrase du dossier",
           "template": "gabarit du plan", "note": "note"}
