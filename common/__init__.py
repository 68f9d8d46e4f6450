"""What every layer may import: settings, default paths, the parser version, safe text, the
Prefect home. It imports nothing of the product (tests/test_layers.py holds the map)."""
