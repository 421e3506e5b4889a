#!/usr/bin/env python3
"""Renders a terminal capture with ANSI colours (tmux capture-pane -e -p) to a PNG.

usage: ansi_to_png.py INPUT.ansi OUTPUT.png [--columns N] [--rows N]

Needs Pillow (pip install pillow) and fonts: DejaVu Sans Mono (fonts-dejavu-core)
and, for CJK, WenQuanYi Zen Hei (fonts-wqy-zenhei) or Noto CJK (fonts-noto-cjk).
Wide characters (East Asian Wide/Fullwidth) take two cells, as in the terminal.
"""
import argparse
import re
import unicodedata

from PIL import Image, ImageDraw, ImageFont

SIZE = 16
MONO = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"]
MONO_BOLD = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"]
SYMBOLS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
WIDE = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]
BACKGROUND = (30, 30, 36)
FOREGROUND = (212, 212, 212)
PALETTE = [
    (40, 40, 48), (222, 76, 76), (92, 196, 92), (226, 192, 84), (88, 140, 232), (196, 108, 212), (80, 192, 208), (208, 208, 208),
    (128, 128, 140), (255, 110, 110), (130, 230, 130), (255, 224, 120), (130, 176, 255), (232, 148, 244), (120, 230, 240), (255, 255, 255),
]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def load(paths):
    for path in paths:
        try:
            return ImageFont.truetype(path, SIZE)
        except OSError:
            continue
    return ImageFont.load_default()


def xterm(index):
    if index < 16:
        return PALETTE[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[index // 6 % 6], steps[index % 6])
    grey = 8 + (index - 232) * 10
    return (grey, grey, grey)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 4:
                self.underline = True
            elif code == 7:
                self.reverse = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif 30 <= code <= 37:
                self.fg = PALETTE[code - 30]
            elif 90 <= code <= 97:
                self.fg = PALETTE[code - 90 + 8]
            elif code == 39:
                self.fg = None
            elif 40 <= code <= 47:
                self.bg = PALETTE[code - 40]
            elif 100 <= code <= 107:
                self.bg = PALETTE[code - 100 + 8]
            elif code == 49:
                self.bg = None
            elif code in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    color = xterm(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    color = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    color = None
                if code == 38:
                    self.fg = color
                else:
                    self.bg = color
            i += 1

    def colors(self):
        fg = self.fg or FOREGROUND
        bg = self.bg or BACKGROUND
        if self.reverse:
            fg, bg = (self.bg or BACKGROUND), (self.fg or FOREGROUND)
        if self.dim:
            fg = tuple(int(c * 0.6 + b * 0.4) for c, b in zip(fg, bg))
        return fg, bg


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text):
    """Lines of (character, cell width, fg, bg, bold, underline)."""
    pen = Pen()
    rows = []
    for line in text.split("\n"):
        cells = []
        position = 0
        for match in SGR.finditer(line + "\x1b[m"):
            for ch in line[position:match.start()]:
                w = width(ch)
                if w == 0 and cells:
                    continue
                fg, bg = pen.colors()
                cells.append((ch, max(1, w), fg, bg, pen.bold, pen.underline))
            pen.apply(match.group(1))
            position = match.end()
        rows.append(cells)
    return rows


def box(draw, ch, left, top, w, h, color):
    """Draws box-drawing characters as lines that meet across cells; False for other characters."""
    cx, cy = left + w // 2, top + h // 2
    right, bottom = left + w - 1, top + h - 1
    segments = {
        "─": [(left, cy, right, cy)], "│": [(cx, top, cx, bottom)],
        "┌": [(cx, cy, right, cy), (cx, cy, cx, bottom)], "╭": [(cx, cy, right, cy), (cx, cy, cx, bottom)],
        "┐": [(left, cy, cx, cy), (cx, cy, cx, bottom)], "╮": [(left, cy, cx, cy), (cx, cy, cx, bottom)],
        "└": [(cx, top, cx, cy), (cx, cy, right, cy)], "╰": [(cx, top, cx, cy), (cx, cy, right, cy)],
        "┘": [(cx, top, cx, cy), (left, cy, cx, cy)], "╯": [(cx, top, cx, cy), (left, cy, cx, cy)],
    }.get(ch)
    if not segments:
        return False
    for segment in segments:
        draw.line(segment, fill=color)
    return True


def render(text, columns, rows_count, output):
    mono, bold, wide = load(MONO), load(MONO_BOLD), load(WIDE)
    cell_w = int(round(mono.getlength("M")))
    ascent, descent = mono.getmetrics()
    cell_h = ascent + descent
    symbols = load(SYMBOLS)
    rows = parse(text)[:rows_count]
    image = Image.new("RGB", (columns * cell_w + 16, rows_count * cell_h + 16), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, cells in enumerate(rows):
        x = 0
        for ch, w, fg, bg, is_bold, underline in cells:
            left, top = 8 + x * cell_w, 8 + y * cell_h
            draw.rectangle([left, top, left + w * cell_w - 1, top + cell_h - 1], fill=bg)
            font = wide if w == 2 or ord(ch) >= 0x2E80 else (bold if is_bold else mono)
            if 0x2800 <= ord(ch) <= 0x28FF:
                font = symbols
            if box(draw, ch, left, top, cell_w, cell_h, fg):
                pass
            elif ch != " ":
                draw.text((left, top), ch, font=font, fill=fg)
            if underline:
                draw.line([left, top + cell_h - 2, left + w * cell_w - 1, top + cell_h - 2], fill=fg)
            x += w
    image.save(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--columns", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as handle:
        text = handle.read()
    render(text, args.columns, args.rows, args.output)


if __name__ == "__main__":
    main()
