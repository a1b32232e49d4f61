"""One module per `bulletin` verb; the CLI only parses options and calls them."""
