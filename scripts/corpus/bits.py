"""Small binary and XML pieces the families need: a PNG, a printer's DEVMODE, protection hashes,
VML note shapes, deterministic GUIDs."""
from __future__ import annotations

import base64
import hashlib
import struct
import uuid
import zlib


def guid(seed: str) -> str:
    """A GUID in Excel's braces-and-capitals form, the same for the same seed."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "tc8-corpus:" + seed)).upper() + "}"


def png(width: int = 96, height: int = 96) -> bytes:
    """A small emblem: a blue disc with a white ring and a gold centre on a transparent ground."""
    rows = []
    cx, cy = (width - 1) / 2, (height - 1) / 2
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 / (width / 2)
            if d > 1:
                px = (0, 0, 0, 0)
            elif d > 0.86:
                px = (0x1F, 0x4E, 0x9A, 255)
            elif d > 0.78:
                px = (255, 255, 255, 255)
            elif d > 0.34:
                px = (0x1F, 0x4E, 0x9A, 255)
            else:
                px = (0xF2, 0xC1, 0x2E, 255)
            row += bytes(px)
        rows.append(bytes(row))

    def chunk(t: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def devmode(printer: str = "Canon LBP2900", landscape: bool = True, paper: int = 9) -> bytes:
    """A DEVMODEW as Excel stores it in xl/printerSettings/printerSettingsN.bin (220 bytes, no driver extra)."""
    name = printer.encode("utf-16-le")[:62].ljust(64, b"\0")
    fields = 0x1 | 0x2 | 0x100 | 0x400 | 0x800 | 0x1000 | 0x8000  # orientation, paper size, copies, print quality, color, duplex?, yres…
    body = struct.pack("<HHHHI", 0x0401, 0x0601, 220, 0, fields)
    # union: orientation, paper size, length, width, scale, copies, default source, print quality
    body += struct.pack("<hhhhhhhh", 2 if landscape else 1, paper, 0, 0, 100, 1, 7, 600)
    body += struct.pack("<hhhhh", 1, 1, 600, 3, 0)  # color, duplex, yResolution, TTOption, collate
    body += "".ljust(32, "\0").encode("utf-16-le")  # form name
    body += struct.pack("<HIII", 0, 0, 0, 0)  # logPixels, bitsPerPel, pelsWidth, pelsHeight
    body += struct.pack("<II", 0, 0)  # display flags / nup, display frequency
    body += struct.pack("<IIIIIIII", 0, 0, 0, 0, 0, 0, 0, 0)  # ICM method, intent, media, dither, reserved×2, panning×2
    out = name + body
    return out.ljust(220, b"\0")[:220]


def sha512_protection(password: str, salt: bytes, spin: int = 100000) -> tuple[str, str]:
    """hashValue and saltValue of ECMA-376 sheet/workbook protection (SHA-512, iterator appended)."""
    h = hashlib.sha512(salt + password.encode("utf-16-le")).digest()
    for i in range(spin):
        h = hashlib.sha512(h + struct.pack("<I", i)).digest()
    return base64.b64encode(h).decode(), base64.b64encode(salt).decode()


def legacy_password_hash(password: str) -> str:
    """The 16-bit password verifier of ECMA-376 Part 4, 14.7.1 (the `password` attribute)."""
    h = 0
    for ch in reversed(password.encode("latin-1")):
        h = ((h >> 14) & 1) | ((h << 1) & 0x7FFF)
        h ^= ch
    h = ((h >> 14) & 1) | ((h << 1) & 0x7FFF)
    h ^= len(password)
    h ^= 0xCE4B
    return f"{h:04X}"


VML_HEAD = ('<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n'
            ' xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n'
            '  <o:idmap v:ext="edit" data="{idmap}"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n'
            '  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n'
            '  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>')


def vml_note(shape_id: int, row0: int, col0: int, visible: bool = False, height_pt: float = 59.25) -> str:
    """One note's shape as Excel writes it (row0/col0 are 0-based)."""
    anchor = f"{col0 + 1}, 15, {max(row0 - 1, 0)}, 10, {col0 + 3}, 15, {row0 + 3}, 4"
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style=\'position:absolute;\r\n'
            f'  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:{height_pt}pt;z-index:{shape_id % 1024};\r\n'
            f'  visibility:{"visible" if visible else "hidden"}\' fillcolor="#ffffe1" o:insetmode="auto">\r\n'
            '  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n'
            '  <v:path o:connecttype="none"/>\r\n  <v:textbox style=\'mso-direction-alt:auto\'>\r\n'
            "   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType=\"Note\">\r\n"
            f"   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    {anchor}</x:Anchor>\r\n"
            f"   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>{row0}</x:Row>\r\n   <x:Column>{col0}</x:Column>\r\n"
            + ("   <x:Visible/>\r\n" if visible else "") + "  </x:ClientData>\r\n </v:shape>")


def vml(idmap: int, shapes: list[str]) -> str:
    return VML_HEAD.replace("{idmap}", str(idmap)) + "".join(shapes) + "</xml>"
