"""Events: mobility, conferences, visits and webinars, their registrations, calendars and feed."""
