"""Reading roster files (CSV, TSV, XLSX) into plain tables."""
