"""The public participant journey."""
