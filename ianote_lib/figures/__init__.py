"""Key figures: extraction, their subjects, cross-source checks, charts and spreadsheet."""
