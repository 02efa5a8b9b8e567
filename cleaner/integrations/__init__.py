"""Adapters that run the cleaner inside distributed engines (datatrove, PySpark); each one imports
its engine itself, so `import cleaner` never needs them."""
