"""Draw the illustrative JPEGs used by the sample bulletin in ``content/``.

The pictures are simple flat scenes (shapes and colours only, no text) so that
the sample site has real images to resize, pair and print without shipping
anyone's photographs. Every scene is deterministic: running the script twice
gives byte-identical files.

Usage::

    python scripts/make_sample_images.py [OUTPUT_DIR]

OUTPUT_DIR defaults to ``content/images`` next to this script's repository.
Needs Pillow.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 1067
SCALE = 2  # draw at 2x and downsample, which smooths the edges
QUALITY = 82
MAX_BYTES = 250 * 1024

Color = tuple[int, int, int]
Draw = ImageDraw.ImageDraw


# ── primitives (all coordinates are in 1600×1067 units) ──────────────────────


def s(v: float) -> int:
    """Scale a logical coordinate to the supersampled canvas."""
    return int(round(v * SCALE))


def box(x0: float, y0: float, x1: float, y1: float) -> list[int]:
    return [s(x0), s(y0), s(x1), s(y1)]


def pts(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    return [(s(x), s(y)) for x, y in points]


def mix(a: Color, b: Color, t: float) -> Color:
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def gradient(d: Draw, y0: float, y1: float, top: Color, bottom: Color) -> None:
    steps = max(1, s(y1) - s(y0))
    for i in range(steps):
        d.line([(0, s(y0) + i), (s(WIDTH), s(y0) + i)], fill=mix(top, bottom, i / steps))


def rect(d: Draw, x0: float, y0: float, x1: float, y1: float, fill: Color,
         radius: float = 0, outline: Color | None = None, width: float = 0) -> None:
    d.rounded_rectangle(box(x0, y0, x1, y1), radius=s(radius), fill=fill,
                        outline=outline, width=s(width) if width else 0)


def ellipse(d: Draw, cx: float, cy: float, rx: float, ry: float, fill: Color | None = None,
            outline: Color | None = None, width: float = 0) -> None:
    d.ellipse(box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill, outline=outline,
              width=s(width) if width else 0)


def line(d: Draw, points: list[tuple[float, float]], fill: Color, width: float) -> None:
    d.line(pts(points), fill=fill, width=max(1, s(width)), joint="curve")


def poly(d: Draw, points: list[tuple[float, float]], fill: Color) -> None:
    d.polygon(pts(points), fill=fill)


def cloud(d: Draw, x: float, y: float, k: float = 1.0) -> None:
    white = (250, 251, 253)
    for dx, dy, r in [(0, 0, 38), (40, -18, 48), (88, -4, 40), (122, 8, 28), (52, 14, 36)]:
        ellipse(d, x + dx * k, y + dy * k, r * k, r * k * 0.8, white)


def tree(d: Draw, x: float, ground: float, k: float = 1.0, leaf: Color = (74, 140, 74)) -> None:
    rect(d, x - 7 * k, ground - 70 * k, x + 7 * k, ground, (112, 82, 56))
    for dx, dy, r in [(0, -110, 46), (-30, -85, 36), (30, -85, 36), (0, -140, 34)]:
        ellipse(d, x + dx * k, ground + dy * k, r * k, r * k, leaf)
    ellipse(d, x - 12 * k, ground - 125 * k, 14 * k, 12 * k, mix(leaf, (255, 255, 255), 0.25))


def building(d: Draw, x: float, top: float, w: float, ground: float, wall: Color,
             rng: random.Random, floor_h: float = 34, cols: int = 5) -> None:
    rect(d, x, top, x + w, ground, wall)
    rect(d, x - 4, top - 8, x + w + 4, top + 4, mix(wall, (60, 60, 70), 0.35))
    gap = w / cols
    y = top + 18
    while y + 18 < ground - 24:
        for c in range(cols):
            lit = rng.random() < 0.18
            glass = (255, 226, 150) if lit else (150, 178, 204)
            rect(d, x + c * gap + gap * 0.22, y, x + c * gap + gap * 0.78, y + floor_h * 0.55, glass)
        y += floor_h


def car(d: Draw, x: float, y: float, k: float, body: Color, facing: int = 1) -> None:
    """A side-view car whose wheels touch the ground line ``y``; ``x`` is the left end."""
    w, h = 210 * k, 52 * k
    rect(d, x, y - h - 14 * k, x + w, y - 14 * k, body, radius=18 * k)
    cab = [(x + 45 * k, y - h - 10 * k), (x + 70 * k, y - h - 48 * k), (x + 150 * k, y - h - 48 * k),
           (x + 180 * k, y - h - 10 * k)]
    if facing < 0:
        cab = [(2 * x + w - px, py) for px, py in cab]
    poly(d, cab, body)
    glass = (178, 214, 236)
    mid = x + w / 2
    poly(d, [(mid - 52 * k, y - h - 14 * k), (mid - 36 * k, y - h - 42 * k), (mid - 4 * k, y - h - 42 * k),
             (mid - 4 * k, y - h - 14 * k)], glass)
    poly(d, [(mid + 4 * k, y - h - 14 * k), (mid + 4 * k, y - h - 42 * k), (mid + 36 * k, y - h - 42 * k),
             (mid + 52 * k, y - h - 14 * k)], glass)
    for cx in (x + 48 * k, x + w - 48 * k):
        ellipse(d, cx, y - 18 * k, 22 * k, 22 * k, (38, 38, 42))
        ellipse(d, cx, y - 18 * k, 10 * k, 10 * k, (170, 170, 176))
    lamp = (255, 236, 160)
    front = x + w - 8 * k if facing > 0 else x + 2 * k
    rect(d, front, y - h + 4 * k, front + 6 * k, y - h + 16 * k, lamp)


def bike(d: Draw, x: float, y: float, k: float, frame: Color, fallen: bool = False) -> None:
    """A side-view bicycle standing on ground line ``y``; ``x`` is the rear hub."""
    r = 26 * k
    tyre = (40, 40, 44)
    if fallen:
        # lying on its side: two flattened wheels and a frame bar
        ellipse(d, x, y - 6 * k, r, 8 * k, outline=tyre, width=4 * k)
        ellipse(d, x + 70 * k, y - 4 * k, r, 8 * k, outline=tyre, width=4 * k)
        line(d, [(x, y - 8 * k), (x + 70 * k, y - 6 * k)], frame, 6 * k)
        return
    for cx in (x, x + 70 * k):
        ellipse(d, cx, y - r, r, r, outline=tyre, width=4.5 * k)
    seat = (x + 24 * k, y - r - 38 * k)
    crank = (x + 32 * k, y - r)
    head = (x + 60 * k, y - r - 40 * k)
    line(d, [(x, y - r), crank, head, (x + 70 * k, y - r)], frame, 6 * k)
    line(d, [(x, y - r), seat, crank], frame, 6 * k)
    line(d, [seat, head], frame, 6 * k)
    rect(d, seat[0] - 12 * k, seat[1] - 6 * k, seat[0] + 10 * k, seat[1] + 1 * k, (30, 30, 30), radius=3 * k)
    line(d, [head, (head[0] + 4 * k, head[1] - 12 * k), (head[0] + 18 * k, head[1] - 14 * k)], (60, 60, 60), 4 * k)
    rect(d, head[0] + 6 * k, head[1] - 4 * k, head[0] + 30 * k, head[1] + 14 * k, frame, radius=3 * k)


def person(d: Draw, x: float, ground: float, k: float, shirt: Color, pants: Color = (60, 64, 80),
           hair: Color = (40, 34, 30), sitting: bool = False, vest: Color | None = None) -> None:
    skin = (240, 200, 168)
    leg = 0 if sitting else 56 * k
    hip = ground - leg - (26 * k if sitting else 0)
    if sitting:
        rect(d, x - 14 * k, hip, x + 34 * k, hip + 14 * k, pants, radius=6 * k)
        rect(d, x + 22 * k, hip, x + 34 * k, ground, pants, radius=5 * k)
    else:
        rect(d, x - 13 * k, hip - 2 * k, x - 2 * k, ground, pants, radius=5 * k)
        rect(d, x + 2 * k, hip - 2 * k, x + 13 * k, ground, pants, radius=5 * k)
    rect(d, x - 17 * k, hip - 58 * k, x + 17 * k, hip + 4 * k, shirt, radius=12 * k)
    if vest:
        rect(d, x - 15 * k, hip - 52 * k, x + 15 * k, hip - 6 * k, vest, radius=8 * k)
    ellipse(d, x, hip - 74 * k, 15 * k, 16 * k, skin)
    d.pieslice(box(x - 16 * k, hip - 92 * k, x + 16 * k, hip - 62 * k), 180, 360, fill=hair)


def fence_run(d: Draw, points: list[tuple[float, float]], post: float = 36, h: float = 46,
              rail: Color = (236, 238, 240), band: Color = (214, 52, 48)) -> None:
    """A low red-and-white guard rail following a polyline on the ground."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        n = max(1, int(seg // post))
        for i in range(n + 1):
            t = i / n
            px, py = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            rect(d, px - 3, py - h, px + 3, py, band if i % 2 else rail)
        line(d, [(x0, y0 - h), (x1, y1 - h)], rail, 7)
        line(d, [(x0, y0 - h * 0.55), (x1, y1 - h * 0.55)], band, 6)


# ── scenes ───────────────────────────────────────────────────────────────────


def estate_backdrop(d: Draw, rng: random.Random) -> None:
    """Sky, high-rises, a shop row and the compound gate shared by both fence scenes."""
    gradient(d, 0, 560, (120, 176, 228), (212, 232, 246))
    cloud(d, 180, 120)
    cloud(d, 1180, 90, 1.2)
    building(d, 60, 150, 300, 560, (232, 214, 190), rng)
    building(d, 420, 60, 260, 560, (222, 200, 176), rng, cols=4)
    building(d, 930, 90, 280, 560, (236, 222, 200), rng)
    building(d, 1270, 170, 290, 560, (226, 206, 184), rng)
    rect(d, 0, 520, WIDTH, 640, (206, 196, 184))
    for i, awning in enumerate([(200, 92, 70), (62, 120, 170), (230, 160, 60), (80, 150, 100)]):
        x = 40 + i * 150 if i < 2 else 1110 + (i - 2) * 230
        rect(d, x, 540, x + 130, 640, (248, 244, 236))
        rect(d, x + 10, 570, x + 120, 640, (160, 196, 214))
        poly(d, [(x - 8, 540), (x + 138, 540), (x + 128, 566), (x + 2, 566)], awning)
    tree(d, 360, 640, 0.9)
    tree(d, 1060, 640, 0.9)
    # the gate: two pillars, a lintel and a barrier arm
    rect(d, 610, 430, 660, 650, (150, 120, 96))
    rect(d, 940, 430, 990, 650, (150, 120, 96))
    rect(d, 590, 400, 1010, 446, (122, 92, 72), radius=6)
    rect(d, 640, 455, 960, 650, (96, 104, 112))
    rect(d, 660, 560, 700, 615, (210, 210, 214))
    line(d, [(690, 570), (930, 570)], (230, 60, 50), 8)
    # forecourt and road
    poly(d, [(0, 650), (WIDTH, 650), (WIDTH, 905), (0, 905)], (196, 192, 186))
    for y in range(670, 905, 46):
        line(d, [(0, y), (WIDTH, y)], (184, 180, 174), 2)
    rect(d, 0, 905, WIDTH, 925, (160, 160, 160))
    rect(d, 0, 925, WIDTH, HEIGHT, (72, 76, 82))
    for x in range(20, WIDTH, 180):
        rect(d, x, 1000, x + 90, 1010, (236, 236, 230))


def scene_fence_before(d: Draw) -> None:
    rng = random.Random(1)
    estate_backdrop(d, rng)
    bike_colors = [(248, 196, 40), (60, 140, 220), (240, 120, 40), (70, 180, 110)]
    car(d, 150, 760, 1.0, (200, 60, 56))
    car(d, 420, 800, 1.05, (70, 90, 130), facing=-1)
    car(d, 980, 770, 1.0, (236, 236, 240))
    car(d, 1240, 830, 1.1, (40, 44, 52), facing=-1)
    car(d, 640, 880, 1.05, (120, 160, 190))
    for x, y, c, fallen in [(40, 860, 0, False), (110, 880, 1, True), (700, 720, 2, False),
                            (820, 735, 0, False), (900, 880, 3, True), (1460, 760, 1, False),
                            (1500, 880, 0, False), (360, 700, 3, False)]:
        bike(d, x, y, 1.0, bike_colors[c], fallen)
    person(d, 780, 830, 1.0, (230, 90, 80))
    person(d, 860, 840, 0.95, (80, 120, 180), hair=(90, 90, 90))
    person(d, 560, 700, 0.9, (120, 170, 90))


def scene_fence_after(d: Draw) -> None:
    rng = random.Random(1)
    estate_backdrop(d, rng)
    # driveway to the gate, with lane arrows
    poly(d, [(650, 650), (950, 650), (1020, 905), (580, 905)], (170, 170, 172))
    for y in (720, 820):
        poly(d, [(792, y), (808, y), (808, y - 40), (822, y - 40), (800, y - 68), (778, y - 40), (792, y - 40)],
             (245, 245, 240))
    # the two side zones, painted lighter, where parcels are picked up and bikes parked
    poly(d, [(60, 700), (470, 700), (470, 880), (60, 880)], (214, 222, 214))
    poly(d, [(1130, 700), (1540, 700), (1540, 880), (1130, 880)], (214, 222, 214))
    for i in range(4):
        bike(d, 80 + i * 98, 872, 0.95, [(248, 196, 40), (60, 140, 220), (70, 180, 110)][i % 3])
    for i in range(4):
        bike(d, 110 + i * 98, 790, 0.8, [(60, 140, 220), (70, 180, 110), (248, 196, 40)][i % 3])
    rect(d, 1180, 712, 1360, 860, (58, 110, 170), radius=6)
    for r in range(4):
        for c in range(3):
            rect(d, 1190 + c * 58, 722 + r * 34, 1240 + c * 58, 750 + r * 34, (92, 148, 206), radius=3)
    person(d, 1420, 870, 1.0, (230, 90, 80))
    person(d, 1480, 868, 0.9, (250, 200, 80), hair=(90, 90, 90))
    # curved guard rails: along the driveway and around each side zone
    fence_run(d, [(650, 660), (620, 760), (590, 895)])
    fence_run(d, [(950, 660), (980, 760), (1010, 895)])
    fence_run(d, [(480, 690), (480, 895)])
    fence_run(d, [(1120, 690), (1120, 895)])
    fence_run(d, [(40, 690), (240, 682), (480, 690)])
    fence_run(d, [(1120, 690), (1360, 682), (1560, 690)])
    car(d, 700, 880, 1.0, (200, 60, 56), facing=-1)
    car(d, 180, 1050, 1.1, (70, 90, 130))
    person(d, 540, 880, 1.0, (80, 120, 180))
    person(d, 1060, 870, 0.95, (120, 170, 90), hair=(90, 90, 90))


def scene_sorting_bins(d: Draw) -> None:
    gradient(d, 0, 640, (150, 196, 232), (226, 238, 246))
    for x in (120, 1460):
        tree(d, x, 660, 1.6)
    rect(d, 260, 230, 1340, 660, (236, 226, 206))
    poly(d, [(220, 240), (1380, 240), (1330, 170), (270, 170)], (86, 120, 92))
    rect(d, 0, 660, WIDTH, HEIGHT, (190, 184, 176))
    for y in range(700, HEIGHT, 60):
        line(d, [(0, y), (WIDTH, y)], (176, 170, 162), 3)
    # kitchen (green), recyclable (blue), hazardous (red), other (grey)
    bins = [((74, 150, 80), "leaf"), ((48, 110, 190), "loop"), ((206, 52, 48), "cross"), ((120, 124, 128), "dot")]
    for i, (colour, mark) in enumerate(bins):
        x = 330 + i * 250
        rect(d, x, 420, x + 200, 760, colour, radius=14)
        rect(d, x - 12, 390, x + 212, 436, mix(colour, (0, 0, 0), 0.25), radius=10)
        rect(d, x + 80, 376, x + 120, 392, mix(colour, (0, 0, 0), 0.35), radius=6)
        ellipse(d, x + 30, 770, 18, 18, (40, 40, 40))
        ellipse(d, x + 170, 770, 18, 18, (40, 40, 40))
        cx, cy = x + 100, 560
        white = (246, 246, 246)
        ellipse(d, cx, cy, 58, 58, white)
        if mark == "leaf":
            ellipse(d, cx, cy, 24, 40, colour)
            line(d, [(cx, cy - 36), (cx, cy + 40)], white, 4)
        elif mark == "loop":
            for a in range(3):
                ang = math.radians(a * 120 - 90)
                bx, by = cx + 30 * math.cos(ang), cy + 30 * math.sin(ang)
                ang2 = math.radians(a * 120 + 30)
                line(d, [(bx, by), (cx + 30 * math.cos(ang2), cy + 30 * math.sin(ang2))], colour, 9)
        elif mark == "cross":
            line(d, [(cx - 26, cy - 26), (cx + 26, cy + 26)], colour, 12)
            line(d, [(cx + 26, cy - 26), (cx - 26, cy + 26)], colour, 12)
        else:
            ellipse(d, cx, cy, 22, 22, colour)
    person(d, 180, 900, 1.6, (250, 250, 250), vest=(214, 50, 44))
    person(d, 1400, 920, 1.6, (90, 140, 200))
    rect(d, 1322, 740, 1360, 790, (70, 160, 80), radius=6)
    person(d, 1250, 960, 1.0, (250, 200, 80), hair=(60, 40, 30))


def scene_table_downstairs(d: Draw) -> None:
    rng = random.Random(4)
    gradient(d, 0, 620, (250, 200, 150), (252, 234, 206))
    building(d, 80, 80, 420, 640, (228, 214, 196), rng, cols=6)
    building(d, 560, 20, 480, 640, (236, 226, 210), rng, cols=7)
    building(d, 1100, 110, 420, 640, (222, 206, 186), rng, cols=6)
    rect(d, 0, 640, WIDTH, HEIGHT, (204, 198, 190))
    for x in range(0, WIDTH, 80):
        line(d, [(x, 640), (x - 200, HEIGHT)], (192, 186, 178), 2)
    tree(d, 90, 700, 1.3)
    tree(d, 1500, 700, 1.3)
    # parasol
    poly(d, [(560, 420), (1040, 420), (800, 330)], (212, 54, 48))
    line(d, [(800, 340), (800, 700)], (120, 120, 120), 8)
    # staff seated behind the table (drawn first so the cloth hides their legs)
    person(d, 690, 770, 1.15, (60, 110, 180))
    person(d, 910, 770, 1.15, (60, 110, 180), hair=(20, 20, 20))
    # table with a red cloth, papers and a notebook
    rect(d, 560, 690, 1040, 720, (200, 44, 40))
    poly(d, [(560, 720), (1040, 720), (1030, 800), (570, 800)], (184, 36, 34))
    rect(d, 620, 676, 700, 692, (250, 250, 246))
    rect(d, 860, 672, 940, 692, (250, 250, 246))
    rect(d, 760, 678, 820, 692, (60, 90, 150))
    # residents in front
    for x, shirt, hair in [(480, (120, 170, 90), (150, 150, 150)), (1110, (240, 190, 70), (40, 34, 30)),
                           (1200, (150, 100, 170), (180, 180, 180)), (380, (230, 120, 90), (40, 34, 30))]:
        person(d, x, 900, 1.35, shirt, hair=hair)
    rect(d, 1270, 820, 1340, 900, (110, 80, 60), radius=4)
    person(d, 1300, 850, 1.0, (90, 160, 200), sitting=True, hair=(170, 170, 170))


def scene_stone_bridge(d: Draw) -> None:
    gradient(d, 0, 560, (64, 132, 214), (178, 214, 244))
    for x, y, k in [(120, 130, 1.3), (620, 80, 1.0), (1120, 150, 1.5), (1420, 70, 0.9)]:
        cloud(d, x, y, k)
    for x in range(0, WIDTH, 90):
        ellipse(d, x + 40, 560, 70, 46, (96, 140, 96))
    rect(d, 0, 560, WIDTH, HEIGHT, (92, 140, 150))
    for y in range(760, HEIGHT, 28):
        line(d, [(0, y), (WIDTH, y)], (110, 160, 168), 3)
    stone, dark = (196, 190, 176), (150, 144, 132)
    rect(d, 0, 520, WIDTH, 640, stone)
    rect(d, 0, 640, WIDTH, 760, stone)
    for i in range(7):
        cx = 110 + i * 230
        d.pieslice(box(cx - 90, 650, cx + 90, 870), 180, 360, fill=(70, 112, 120))
        d.arc(box(cx - 96, 644, cx + 96, 876), 180, 360, fill=dark, width=s(8))
    line(d, [(0, 640), (WIDTH, 640)], dark, 5)
    # balustrade with a lion on every post
    rect(d, 0, 470, WIDTH, 520, (210, 204, 190))
    for x in range(20, WIDTH, 95):
        rect(d, x, 410, x + 26, 520, (214, 208, 194))
        lion = (170, 160, 140)
        ellipse(d, x + 13, 396, 20, 18, lion)
        ellipse(d, x + 13, 372, 16, 15, lion)
        ellipse(d, x + 7, 370, 3, 3, (90, 84, 72))
        ellipse(d, x + 19, 370, 3, 3, (90, 84, 72))
        for a in range(0, 360, 60):
            ellipse(d, x + 13 + 15 * math.cos(math.radians(a)), 372 + 13 * math.sin(math.radians(a)), 6, 6, lion)
    for x, shirt in [(300, (220, 80, 70)), (360, (250, 250, 250)), (880, (70, 120, 200)), (1260, (240, 200, 70))]:
        person(d, x, 520, 0.9, shirt)


def scene_drying_racks(d: Draw) -> None:
    rng = random.Random(6)
    gradient(d, 0, 520, (130, 186, 236), (220, 236, 248))
    building(d, 40, -40, 620, 560, (236, 226, 214), rng, floor_h=30, cols=8)
    building(d, 900, -60, 660, 560, (230, 218, 204), rng, floor_h=30, cols=8)
    rect(d, 0, 560, WIDTH, HEIGHT, (210, 206, 198))
    for y in range(600, HEIGHT, 56):
        line(d, [(0, y), (WIDTH, y)], (196, 192, 184), 3)
    # bike shed with green roof and charging posts
    poly(d, [(40, 560), (660, 540), (660, 580), (40, 600)], (60, 130, 90))
    for x in (60, 360, 640):
        rect(d, x, 580, x + 10, 860, (120, 124, 128))
    for i in range(8):
        bike(d, 80 + i * 70, 860, 0.9, [(60, 140, 220), (230, 110, 60), (90, 90, 96)][i % 3])
    for x in (120, 300, 480):
        rect(d, x, 740, x + 24, 790, (70, 160, 90), radius=4)
    # drying racks with laundry in the sun
    for rack in range(3):
        x0 = 760 + rack * 270
        line(d, [(x0, 900), (x0, 640)], (150, 150, 156), 7)
        line(d, [(x0 + 230, 900), (x0 + 230, 640)], (150, 150, 156), 7)
        for j, y in enumerate((650, 700)):
            line(d, [(x0, y), (x0 + 230, y)], (170, 170, 176), 4)
            for k in range(4):
                colour = [(230, 90, 80), (250, 210, 80), (90, 150, 220), (250, 250, 250),
                          (120, 190, 130), (230, 150, 190)][(rack + j + k) % 6]
                cx = x0 + 30 + k * 55
                if (rack + k + j) % 2:
                    poly(d, [(cx - 20, y), (cx + 20, y), (cx + 24, y + 70), (cx - 24, y + 70)], colour)
                else:
                    poly(d, [(cx - 24, y), (cx + 24, y), (cx + 16, y + 50), (cx - 16, y + 50)], colour)
    ellipse(d, 1500, 80, 50, 50, (255, 236, 150))
    person(d, 700, 960, 1.2, (90, 140, 200), hair=(170, 170, 170))
    person(d, 1480, 960, 1.2, (220, 100, 90))


def scene_corn_harvest(d: Draw) -> None:
    gradient(d, 0, 470, (90, 160, 230), (210, 230, 246))
    cloud(d, 240, 120, 1.1)
    cloud(d, 1100, 80, 1.3)
    for x, h in [(0, 120), (300, 160), (700, 110), (1100, 150), (1450, 120)]:
        ellipse(d, x + 150, 470, 260, h, (128, 150, 120))
    rect(d, 0, 470, WIDTH, HEIGHT, (196, 178, 110))
    rng = random.Random(7)
    for row in range(12):
        y = 480 + row * 50
        k = 0.5 + row * 0.09
        for x in range(-20, WIDTH + 40, int(28 + row * 4)):
            if 520 < x < 1120 and row < 7:
                continue  # the harvested strip where the machine works
            xo = x + rng.randint(-4, 4)
            line(d, [(xo, y + 30 * k), (xo, y - 60 * k)], (150, 160, 70), 4 * k)
            line(d, [(xo, y - 30 * k), (xo + 22 * k, y - 44 * k)], (120, 150, 60), 4 * k)
            line(d, [(xo, y - 16 * k), (xo - 22 * k, y - 30 * k)], (120, 150, 60), 4 * k)
            ellipse(d, xo + 6 * k, y - 24 * k, 5 * k, 12 * k, (240, 196, 60))
    # combine harvester
    rect(d, 720, 420, 1080, 600, (62, 140, 76), radius=16)
    rect(d, 930, 340, 1060, 440, (62, 140, 76), radius=10)
    rect(d, 945, 355, 1045, 425, (178, 214, 236))
    poly(d, [(560, 540), (730, 520), (730, 640), (560, 650)], (210, 60, 48))
    for x in range(575, 730, 24):
        line(d, [(x, 545), (x, 645)], (150, 40, 34), 5)
    line(d, [(780, 430), (700, 340), (640, 340)], (90, 96, 100), 14)
    ellipse(d, 800, 620, 58, 58, (36, 36, 40))
    ellipse(d, 1010, 630, 48, 48, (36, 36, 40))
    ellipse(d, 800, 620, 24, 24, (220, 200, 60))
    ellipse(d, 1010, 630, 20, 20, (220, 200, 60))
    # trailer with a heap of cobs, and villagers with baskets
    rect(d, 1180, 560, 1440, 660, (90, 110, 150), radius=8)
    ellipse(d, 1310, 560, 130, 60, (242, 196, 60))
    ellipse(d, 1230, 680, 28, 28, (36, 36, 40))
    ellipse(d, 1390, 680, 28, 28, (36, 36, 40))
    for x, shirt in [(260, (220, 80, 70)), (380, (80, 120, 190)), (1500, (250, 250, 250))]:
        person(d, x, 960, 1.4, shirt)
        rect(d, x + 20, 860, x + 70, 900, (176, 130, 70), radius=8)


def scene_health_tent(d: Draw) -> None:
    gradient(d, 0, 600, (140, 190, 234), (224, 238, 248))
    for x in (80, 300, 1300, 1520):
        tree(d, x, 640, 1.5)
    rect(d, 0, 620, WIDTH, HEIGHT, (200, 196, 188))
    # canopy tent
    poly(d, [(380, 300), (1220, 300), (1300, 380), (300, 380)], (40, 110, 190))
    for x in range(300, 1300, 100):
        poly(d, [(x, 380), (x + 100, 380), (x + 50, 410)], (40, 110, 190) if (x // 100) % 2 else (246, 246, 246))
    for x in (320, 1280):
        line(d, [(x, 380), (x, 760)], (150, 150, 156), 10)
    rect(d, 560, 250, 1040, 300, (210, 50, 46), radius=8)
    rect(d, 770, 210, 830, 300, (246, 246, 246))
    rect(d, 785, 220, 815, 290, (210, 50, 46))
    rect(d, 770, 240, 830, 270, (210, 50, 46))
    # staff in white coats seated behind the table, a monitor on it
    person(d, 700, 740, 1.2, (250, 250, 250))
    person(d, 920, 740, 1.2, (250, 250, 250), hair=(20, 20, 20))
    rect(d, 686, 625, 714, 660, (214, 50, 44))
    rect(d, 694, 618, 706, 667, (214, 50, 44))
    rect(d, 440, 660, 1160, 690, (250, 250, 250))
    rect(d, 460, 690, 1140, 770, (232, 232, 234))
    rect(d, 540, 610, 630, 662, (90, 100, 110), radius=6)
    rect(d, 555, 620, 615, 645, (160, 230, 200))
    person(d, 1100, 640, 1.0, (214, 50, 44), hair=(30, 30, 30))
    for x, shirt, hair in [(700, (120, 160, 110), (190, 190, 190)), (840, (200, 140, 90), (170, 170, 170)),
                           (980, (110, 120, 180), (200, 200, 200)), (1380, (230, 180, 80), (160, 160, 160))]:
        person(d, x, 960, 1.5, shirt, hair=hair)


SCENES: dict[str, Callable[[Draw], None]] = {
    "biboyuan-fence-before.jpg": scene_fence_before,
    "biboyuan-fence-after.jpg": scene_fence_after,
    "laji-fenlei-sise.jpg": scene_sorting_bins,
    "minqingzhuo-louxia.jpg": scene_table_downstairs,
    "lugouqiao-shishi.jpg": scene_stone_bridge,
    "puhuangyu-liangshai.jpg": scene_drying_racks,
    "zizhen-yumi-shouge.jpg": scene_corn_harvest,
    "binhedong-bianmin.jpg": scene_health_tent,
}


def render(scene: Callable[[Draw], None]) -> Image.Image:
    img = Image.new("RGB", (s(WIDTH), s(HEIGHT)), (255, 255, 255))
    scene(ImageDraw.Draw(img))
    return img.resize((WIDTH, HEIGHT), Image.LANCZOS)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "content" / "images"
    out.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        path = out / name
        render(scene).save(path, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        size = path.stat().st_size
        print(f"{path} {size // 1024} KB")
        if size > MAX_BYTES:
            print(f"  warning: over {MAX_BYTES // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
