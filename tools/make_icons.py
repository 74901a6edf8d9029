"""Draw the app's PNG icons (home screen, splash, Apple touch) from the favicon's design.

Standard library only (zlib and struct write the PNGs), so it needs nothing
installed and is not part of the running app. The drawing is the favicon's:
a pulse line on the accent colour, anti-aliased by distance to each shape.

    python3 tools/make_icons.py        # writes static/img/icon-*.png
"""

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
ACCENT = (0x0B, 0x6B, 0x5C)
LINE = (0xFF, 0xFF, 0xFF)
# The favicon's pulse line on its 32-unit grid, and its stroke width and corner radius.
PULSE = [(6, 20), (11, 20), (14, 11), (18, 25), (21, 18), (26, 18)]
STROKE = 2.6
CORNER = 7


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def segment_distance(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def rounded_square_distance(px, py, size, radius) -> float:
    """Signed distance to a rounded square of side `size` (negative inside)."""
    half = size / 2
    qx = abs(px - half) - (half - radius)
    qy = abs(py - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def draw(size: int, *, rounded: bool, glyph_scale: float) -> bytes:
    """`glyph_scale` shrinks the line toward the centre (maskable icons keep a safe zone)."""
    unit = size / 32
    centre = size / 2
    points = [
        (centre + (x - 16) * unit * glyph_scale, centre + (y - 16) * unit * glyph_scale)
        for x, y in PULSE
    ]
    half_stroke = STROKE * unit * glyph_scale / 2
    rows = []
    for j in range(size):
        row = bytearray()
        py = j + 0.5
        for i in range(size):
            px = i + 0.5
            if rounded:
                edge = rounded_square_distance(px, py, size, CORNER * unit)
                alpha = max(0.0, min(1.0, 0.5 - edge))
            else:
                alpha = 1.0
            # Round caps and joins come free with distance to the nearest segment.
            nearest = min(
                segment_distance(px, py, *a, *b) for a, b in zip(points, points[1:], strict=False)
            )
            ink = max(0.0, min(1.0, half_stroke - nearest + 0.5))
            colour = [round(c * (1 - ink) + w * ink) for c, w in zip(ACCENT, LINE, strict=True)]
            row += bytes([*colour, round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, size, rows)


ICONS = {
    "icon-192.png": (192, True, 1.0),
    "icon-512.png": (512, True, 1.0),
    # Maskable: full bleed, the line inside the central circle a mask may keep (80%).
    "icon-maskable-512.png": (512, False, 0.7),
    # iOS rounds the corners itself and shows transparency as black.
    "apple-touch-icon.png": (180, False, 0.85),
}

if __name__ == "__main__":
    for name, (size, rounded, scale) in ICONS.items():
        (OUT / name).write_bytes(draw(size, rounded=rounded, glyph_scale=scale))
        print(f"wrote {OUT / name}")
