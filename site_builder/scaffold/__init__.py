"""Files that `bulletin init` and `bulletin new` start from."""
