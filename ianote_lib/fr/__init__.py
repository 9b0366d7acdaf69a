"""The French language layer: normalisation, sentences, numbers, dates, stop words, lemmas.

Every stage uses it; it uses no stage."""
