"""Build ``world_map.json``: compact SVG path data for every country, keyed by ISO alpha-2.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as packaged in the npm
package ``world-atlas`` 2.0.2 by Mike Bostock (ISC licence), file ``countries-110m.json``
(TopoJSON, ids are ISO 3166-1 numeric codes).

Projection: Equal Earth (Šavrič, Patterson & Jenny, 2018), centred on Greenwich, scaled so
the map is 1000 units wide; Antarctica is dropped. Coordinates are rounded to 0.1 unit.

The numeric -> alpha-2 table is built into this script (taken from ISO 3166-1 as shipped in
django-countries 9.1), so the script needs only the Python standard library.  Features
without an ISO numeric id: Kosovo becomes "XK" (the user-assigned code in common use);
Northern Cyprus and Somaliland are drawn as part of Cyprus and Somalia, as ISO and the UN
count them.

Re-run from the project root to regenerate ``partners/data/world_map.json`` (the script
prints the country count and file size; features it skips or shrinks go to stderr)::

    (cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz)
    python partners/data/build_world_map.py /tmp/package/countries-110m.json

An optional second argument overrides the output path.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

SOURCE = "Natural Earth 1:110m Admin 0 countries, via npm world-atlas 2.0.2 (countries-110m.json)"
LICENCE = "Natural Earth: public domain; world-atlas: ISC (c) 2013-2019 Michael Bostock"
PROJECTION = "Equal Earth, central meridian 0, Antarctica omitted"
WIDTH = 1000.0  # viewBox width; the height follows from the projected extent
PAD = 2.0  # viewBox padding around the projected extent, in map units
MIN_SIZE = 6  # countries narrower than this (in tenths of a unit) get a tiny diamond instead
DROP = {"010"}  # Antarctica
# Features with no ISO 3166-1 numeric id in Natural Earth, keyed by their name.
# Kosovo gets the widely used user-assigned code "XK"; "N. Cyprus" and "Somaliland" have no
# code of their own and join Cyprus and Somalia, so the map shows no blank holes there.
NO_ID = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}

# ISO 3166-1 numeric -> alpha-2 (all 249 officially assigned codes).
# fmt: off
NUMERIC_TO_ALPHA2 = {
    4: "AF", 8: "AL", 10: "AQ", 12: "DZ", 16: "AS", 20: "AD", 24: "AO", 28: "AG", 31: "AZ",
    32: "AR", 36: "AU", 40: "AT", 44: "BS", 48: "BH", 50: "BD", 51: "AM", 52: "BB", 56: "BE",
    60: "BM", 64: "BT", 68: "BO", 70: "BA", 72: "BW", 74: "BV", 76: "BR", 84: "BZ", 86: "IO",
    90: "SB", 92: "VG", 96: "BN", 100: "BG", 104: "MM", 108: "BI", 112: "BY", 116: "KH", 120: "CM",
    124: "CA", 132: "CV", 136: "KY", 140: "CF", 144: "LK", 148: "TD", 152: "CL", 156: "CN",
    158: "TW", 162: "CX", 166: "CC", 170: "CO", 174: "KM", 175: "YT", 178: "CG", 180: "CD",
    184: "CK", 188: "CR", 191: "HR", 192: "CU", 196: "CY", 203: "CZ", 204: "BJ", 208: "DK",
    212: "DM", 214: "DO", 218: "EC", 222: "SV", 226: "GQ", 231: "ET", 232: "ER", 233: "EE",
    234: "FO", 238: "FK", 239: "GS", 242: "FJ", 246: "FI", 248: "AX", 250: "FR", 254: "GF",
    258: "PF", 260: "TF", 262: "DJ", 266: "GA", 268: "GE", 270: "GM", 275: "PS", 276: "DE",
    288: "GH", 292: "GI", 296: "KI", 300: "GR", 304: "GL", 308: "GD", 312: "GP", 316: "GU",
    320: "GT", 324: "GN", 328: "GY", 332: "HT", 334: "HM", 336: "VA", 340: "HN", 344: "HK",
    348: "HU", 352: "IS", 356: "IN", 360: "ID", 364: "IR", 368: "IQ", 372: "IE", 376: "IL",
    380: "IT", 384: "CI", 388: "JM", 392: "JP", 398: "KZ", 400: "JO", 404: "KE", 408: "KP",
    410: "KR", 414: "KW", 417: "KG", 418: "LA", 422: "LB", 426: "LS", 428: "LV", 430: "LR",
    434: "LY", 438: "LI", 440: "LT", 442: "LU", 446: "MO", 450: "MG", 454: "MW", 458: "MY",
    462: "MV", 466: "ML", 470: "MT", 474: "MQ", 478: "MR", 480: "MU", 484: "MX", 492: "MC",
    496: "MN", 498: "MD", 499: "ME", 500: "MS", 504: "MA", 508: "MZ", 512: "OM", 516: "NA",
    520: "NR", 524: "NP", 528: "NL", 531: "CW", 533: "AW", 534: "SX", 535: "BQ", 540: "NC",
    548: "VU", 554: "NZ", 558: "NI", 562: "NE", 566: "NG", 570: "NU", 574: "NF", 578: "NO",
    580: "MP", 581: "UM", 583: "FM", 584: "MH", 585: "PW", 586: "PK", 591: "PA", 598: "PG",
    600: "PY", 604: "PE", 608: "PH", 612: "PN", 616: "PL", 620: "PT", 624: "GW", 626: "TL",
    630: "PR", 634: "QA", 638: "RE", 642: "RO", 643: "RU", 646: "RW", 652: "BL", 654: "SH",
    659: "KN", 660: "AI", 662: "LC", 663: "MF", 666: "PM", 670: "VC", 674: "SM", 678: "ST",
    682: "SA", 686: "SN", 688: "RS", 690: "SC", 694: "SL", 702: "SG", 703: "SK", 704: "VN",
    705: "SI", 706: "SO", 710: "ZA", 716: "ZW", 724: "ES", 728: "SS", 729: "SD", 732: "EH",
    740: "SR", 744: "SJ", 748: "SZ", 752: "SE", 756: "CH", 760: "SY", 762: "TJ", 764: "TH",
    768: "TG", 772: "TK", 776: "TO", 780: "TT", 784: "AE", 788: "TN", 792: "TR", 795: "TM",
    796: "TC", 798: "TV", 800: "UG", 804: "UA", 807: "MK", 818: "EG", 826: "GB", 831: "GG",
    832: "JE", 833: "IM", 834: "TZ", 840: "US", 850: "VI", 854: "BF", 858: "UY", 860: "UZ",
    862: "VE", 876: "WF", 882: "WS", 887: "YE", 894: "ZM",
}
# fmt: on


# --- TopoJSON decoding ----------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return every arc as a list of (lon, lat), undoing delta encoding and the transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for px, py, *_ in arc:
                x += px
                y += py
                points.append((x * kx + dx, y * ky + dy))
        else:
            points = [(px, py) for px, py, *_ in arc]
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """Stitch a ring from arc indexes; ``~i`` (i.e. ``-i - 1``) means arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point; keep it only once.
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    """Polygon and MultiPolygon as a list of polygons (each a list of rings of arc indexes)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def split_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a ring that jumps across the 180th meridian into one ring per side.

    Natural Earth draws Fiji, Chukotka and Wrangel Island across the antimeridian (a step
    from -180 to +180 longitude); projected as they are, they would streak across the whole
    map.  Each run of points between two crossings is closed along the meridian, which is
    exact for rings that cross twice (all such rings in the 1:110m data, Antarctica aside).
    """
    if ring and ring[0] == ring[-1]:
        ring = ring[:-1]
    n = len(ring)
    cuts = [i for i in range(n) if abs(ring[(i + 1) % n][0] - ring[i][0]) > 180]
    if not cuts:
        return [ring]
    pieces = []
    for a, b in zip(cuts, cuts[1:] + cuts[:1], strict=True):
        # Run from just after crossing a to crossing b, wrapping around the ring.
        run = [ring[(a + 1 + k) % n] for k in range((b - a) % n or n)]
        pieces.append([edge_point(run[0], ring[a]), *run, edge_point(run[-1], ring[(b + 1) % n])])
    rings = []
    for piece in pieces:
        # Close along the meridian, in steps of at most 1 degree so the edge follows its curve.
        (lon, lat0), lat1 = piece[-1], piece[0][1]
        steps = math.ceil(abs(lat1 - lat0))
        rings.append(piece + [(lon, lat0 + (lat1 - lat0) * k / steps) for k in range(1, steps)])
    return rings


def edge_point(inside: tuple[float, float], outside: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from ``inside`` to ``outside`` (across the antimeridian) meets it,
    on the side of ``inside``."""
    (lon0, lat0), (lon1, lat1) = inside, outside
    edge = math.copysign(180.0, lon0)
    lon1 += math.copysign(360.0, lon0)  # unwrap so the segment is continuous
    t = (edge - lon0) / (lon1 - lon0) if lon1 != lon0 else 0.0
    return edge, lat0 + t * (lat1 - lat0)


# --- Projection -----------------------------------------------------------------------------

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection of degrees, in radians-based units, y pointing north."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


# --- Path encoding --------------------------------------------------------------------------
# Coordinates are kept as integers in tenths of a map unit, so rounding happens exactly once
# and relative offsets add up without drift.


def fmt(tenths: int) -> str:
    """Shortest SVG number for a value in tenths: 12 -> "1.2", -5 -> "-.5", 30 -> "3"."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    if not frac:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{frac}"


def join(numbers: list[str], last: str = "") -> str:
    """Join numbers after ``last`` (the previous number, if any), omitting every separator
    the path grammar allows: none before "-", none before ".5" if ``last`` has a point."""
    out = ""
    for num in numbers:
        if last and not (num[0] == "-" or (num[0] == "." and "." in last)):
            out += " "
        out += num
        last = num
    return out


def area2(ring: list[tuple[int, int]]) -> int:
    """Twice the signed area of a ring (shoelace)."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)


def clean(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop repeated points, the closing point and points on a straight line."""
    pts: list[tuple[int, int]] = []
    for p in ring:
        if not pts or p != pts[-1]:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    i = 0
    while len(pts) > 3 and i < len(pts):
        (ax, ay), (bx, by), (cx, cy) = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
        if (bx - ax) * (cy - ay) == (by - ay) * (cx - ax):
            del pts[i]  # b lies on the line through a and c
            i = max(i - 1, 0)
        else:
            i += 1
    return pts


def span(points: list[tuple[int, int]], axis: int) -> int:
    return max(p[axis] for p in points) - min(p[axis] for p in points)


def tiny_shape(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A small diamond (0.6 units across) centred on the given points."""
    cx = round(sum(x for x, _ in points) / len(points))
    cy = round(sum(y for _, y in points) / len(points))
    return [(cx, cy - 3), (cx + 3, cy), (cx, cy + 3), (cx - 3, cy)]


def encode(rings: list[list[tuple[int, int]]]) -> str:
    """Encode closed rings as one path, choosing the shortest command for every point."""
    out: list[str] = []
    cur = (0, 0)  # current point
    implicit = ""  # command that may be repeated by just giving more numbers
    last = ""  # last number written, to decide whether the next one needs a separator

    def emit(options: list[tuple[str, list[str]]]) -> None:
        nonlocal implicit, last
        best, best_cmd = "", ""
        for cmd, nums in options:
            text = join(nums, last) if cmd == implicit else cmd + join(nums)
            if not best or len(text) < len(best):
                best, best_cmd, best_nums = text, cmd, nums
        out.append(best)
        implicit, last = best_cmd, best_nums[-1]

    for ring in rings:
        (x, y), (cx, cy) = ring[0], cur
        options = [("M", [fmt(x), fmt(y)])]
        if out:  # after "Z" the current point is the start of the previous ring
            options.append(("m", [fmt(x - cx), fmt(y - cy)]))
        emit(options)
        implicit = "l" if implicit == "m" else "L"  # extra pairs after M/m are line-tos
        start = cur = (x, y)
        for x, y in ring[1:]:
            dx, dy = x - cur[0], y - cur[1]
            options = [("l", [fmt(dx), fmt(dy)]), ("L", [fmt(x), fmt(y)])]
            if dy == 0:
                options += [("h", [fmt(dx)]), ("H", [fmt(x)])]
            if dx == 0:
                options += [("v", [fmt(dy)]), ("V", [fmt(y)])]
            emit(options)
            cur = (x, y)
        out.append("Z")
        implicit, last, cur = "", "", start
    return "".join(out)


# --- Main -----------------------------------------------------------------------------------


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    features = []  # (alpha2, [polygon: [ring: [(x, y) projected floats]]])
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        name = geometry.get("properties", {}).get("name", "")
        if numeric in DROP:
            continue
        if numeric is None or not numeric.lstrip("-").isdigit() or int(numeric) < 0:
            code = NO_ID.get(name)
        else:
            code = NUMERIC_TO_ALPHA2.get(int(numeric))
        if code is None:
            print(f"skipped: {numeric!r} {name}", file=sys.stderr)
            continue
        polys = []
        for poly in polygons(geometry):
            outer, *holes = [ring_points(ring, arcs) for ring in poly]
            pieces = split_antimeridian(outer)
            if holes and len(pieces) > 1:
                raise SystemExit(f"{name}: cannot split a polygon with holes")
            for piece in pieces:
                polys.append([[equal_earth(*p) for p in ring] for ring in [piece, *holes]])
        features.append((code, polys))

    xs = [x for _, polys in features for poly in polys for ring in poly for x, _ in ring]
    ys = [y for _, polys in features for poly in polys for ring in poly for _, y in ring]
    scale = (WIDTH - 2 * PAD) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * PAD)
    x0, y0 = min(xs), max(ys)

    def to_tenths(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
        # SVG y grows downwards, so flip north to the top.
        return [
            (round(((x - x0) * scale + PAD) * 10), round(((y0 - y) * scale + PAD) * 10))
            for x, y in ring
        ]

    countries: dict[str, str] = {}
    for code, polys in features:
        rings: list[list[tuple[int, int]]] = []
        for poly in polys:
            for i, raw in enumerate(poly):
                ring = clean(to_tenths(raw))
                if len(ring) < 3 or area2(ring) == 0:
                    if i == 0:
                        break  # the outer ring vanished, so its holes go too
                    continue
                # Outer rings clockwise on screen, holes anticlockwise, for fill-rule nonzero.
                if (area2(ring) > 0) != (i == 0):
                    ring.reverse()
                rings.append(ring)
        points = [p for ring in rings for p in ring]
        if not points or max(span(points, 0), span(points, 1)) < MIN_SIZE:
            # Gone (or next to nothing) after rounding: keep a tiny marker so it stays visible.
            biggest = max((poly[0] for poly in polys), key=lambda r: abs(area2(to_tenths(r))))
            rings = [tiny_shape(points or to_tenths(biggest))]
            print(f"tiny shape: {code}", file=sys.stderr)
        # Somaliland and Northern Cyprus join the countries ISO and the UN count them in.
        countries[code] = countries.get(code, "") + encode(rings)

    return {
        "source": SOURCE,
        "licence": LICENCE,
        "projection": PROJECTION,
        "viewBox": f"0 0 {WIDTH:g} {height}",
        # What places other than countries (a city's marker) need to land on the same map:
        # map x = (projected x - x0) * scale + pad, map y = (y0 - projected y) * scale + pad.
        "frame": {"x0": x0, "y0": y0, "scale": scale, "pad": PAD},
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3):
        raise SystemExit(f"usage: {argv[0]} path/to/countries-110m.json [output.json]")
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(argv[2]) if len(argv) == 3 else Path(__file__).with_name("world_map.json")
    data = build(topology)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(f"wrote {out}: {len(data['countries'])} countries, {size} bytes")


if __name__ == "__main__":
    main(sys.argv)
