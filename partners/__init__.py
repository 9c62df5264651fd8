"""Partner institutions, their cooperation agreements, and the programs offered with them."""
