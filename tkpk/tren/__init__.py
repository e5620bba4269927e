"""Is it getting better: BPS series, the Kalsel comparison, the home page headline and targets."""
