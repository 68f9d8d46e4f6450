"""budget-etl: Chinese budget disclosures -> DuckDB warehouse; the command line and what it
runs on top of the flows. See README.md."""
