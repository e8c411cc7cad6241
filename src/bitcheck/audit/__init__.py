"""The BIT audit: cases + catalogue + time logs -> derived figures -> rules -> findings."""
