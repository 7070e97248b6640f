"""The entity tagger: training data, word vectors, training, evaluation and the offline stanza pipeline."""
