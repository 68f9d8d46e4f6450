"""The Great Expectations project (gx/) and the code that runs its suites on check frames."""
