"""Running the suite: command line, notebook runner, batches, stage cache, kernel."""
