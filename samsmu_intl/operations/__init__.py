"""Running the site: seed content, sample data, backup and restore, the personal-data purge."""
