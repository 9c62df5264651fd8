"""The partner map: country shapes from partners/data/world_map.json (Natural Earth, converted
once by partners/data/build_world_map.py), shaded by the number of partners."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from partners.data.build_world_map import equal_earth

MAP_FILE = Path(__file__).parent / "data" / "world_map.json"
# Shading steps: a country's level is the first upper bound its count does not exceed.
LEVEL_BOUNDS = (0, 1, 3, 9, 19)
# Fill colours as SVG attributes, so the map looks the same inline and as an <img>. The darkest
# steps keep 3:1 contrast against the lightest, for visitors who cannot tell hues apart.
LEVEL_COLOURS = ("#d5dde5", "#74a9d8", "#4a8bc6", "#2c6aa8", "#17497f", "#0a2f52")


# The university's home, marked on every map: Samarkand (degrees north, degrees east).
HOME = (39.6542, 66.9597)


@cache
def map_data():
    return json.loads(MAP_FILE.read_text())


def shapes():
    data = map_data()
    return data["viewBox"], data["countries"]


@dataclass(frozen=True)
class Place:
    name: str
    description: str
    x: float
    y: float

    # As SVG attributes: written by hand, since a template would write "667,7" in Russian.
    @property
    def cx(self):
        return f"{self.x:.1f}"

    @property
    def cy(self):
        return f"{self.y:.1f}"

    @property
    def label_x(self):
        return f"{self.x + 9:.1f}"

    @property
    def label_y(self):
        return f"{self.y + 6:.1f}"


def place(name, description, latitude, longitude):
    """A point on the map, projected as the countries were (the frame build_world_map.py
    wrote down), rounded as their outlines are."""
    frame = map_data()["frame"]
    x, y = equal_earth(longitude, latitude)
    return Place(
        name,
        description,
        round((x - frame["x0"]) * frame["scale"] + frame["pad"], 1),
        round((frame["y0"] - y) * frame["scale"] + frame["pad"], 1),
    )


def home():
    return place(_("Samarkand"), _("Samarkand State Medical University"), *HOME)


def level_for(count):
    for level, bound in enumerate(LEVEL_BOUNDS):
        if count <= bound:
            return level
    return len(LEVEL_BOUNDS)


@dataclass(frozen=True)
class MapCountry:
    code: str
    path: str
    partners: int

    @property
    def level(self):
        return level_for(self.partners)

    @property
    def fill(self):
        return LEVEL_COLOURS[self.level]

    @property
    def name(self):
        return countries.name(self.code)


def world_map(partner_counts):
    """(viewBox, [MapCountry]) with the countries that have partners drawn last, on top."""
    view_box, paths = shapes()
    drawn = [MapCountry(code, path, partner_counts.get(code, 0)) for code, path in paths.items()]
    drawn.sort(key=lambda country: country.partners > 0)
    return view_box, drawn


def legend():
    """[(colour, label)] for the shading steps above zero."""
    steps = []
    for level, bound in enumerate(LEVEL_BOUNDS[1:], start=1):
        low = LEVEL_BOUNDS[level - 1] + 1
        steps.append((LEVEL_COLOURS[level], str(low) if low == bound else f"{low}–{bound}"))
    steps.append((LEVEL_COLOURS[-1], f"{LEVEL_BOUNDS[-1] + 1}+"))
    return steps
