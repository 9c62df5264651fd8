"""The world map's data and the script that builds it (partners.worldmap reads both)."""
