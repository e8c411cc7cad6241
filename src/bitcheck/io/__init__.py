"""Reading input files into raw tables that keep every cell's position."""
