"""Inter-coder agreement: blind second coding of a sample, kappa and alpha."""
