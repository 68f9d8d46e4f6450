"""Documents -> raw tables with provenance. Pure parsing: nothing here touches the database."""
