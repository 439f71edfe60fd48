"""NLP stage: NER backends, name lexicons, name keys and morphology."""
