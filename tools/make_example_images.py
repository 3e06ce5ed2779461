"""Draw the illustrative stand-in pictures of examples/images/ (the seed report's photos are not ours to ship).

Usage: python tools/make_example_images.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from annual_docx._charts._fonts import bundled_font_dir

OUT = Path(__file__).resolve().parent.parent / "examples" / "images"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(bundled_font_dir() / "NotoSansCJKsc-Regular.otf"), size)


def service(path: Path) -> None:
    """Draw a reading room: shelves of coloured books, a desk, and the label 示意图."""
    img = Image.new("RGB", (900, 560), (236, 232, 222))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 420, 900, 560), fill=(196, 180, 150))
    colours = [(128, 52, 44), (52, 88, 120), (70, 110, 70), (170, 130, 60), (90, 70, 110)]
    for shelf in range(3):
        x0, top = 40 + shelf * 290, 60
        d.rectangle((x0, top, x0 + 250, 400), outline=(110, 80, 50), width=6)
        for row in range(4):
            y = top + 10 + row * 84
            d.line((x0, y + 76, x0 + 250, y + 76), fill=(110, 80, 50), width=5)
            for b in range(11):
                d.rectangle((x0 + 8 + b * 22, y + 8 + (b % 3) * 4, x0 + 26 + b * 22, y + 74),
                            fill=colours[(b + row + shelf) % len(colours)])
    d.rectangle((300, 440, 600, 470), fill=(120, 90, 60))
    d.text((450, 515), "示意图 · 读者服务", font=_font(30), fill=(60, 50, 40), anchor="mm")
    img.save(path, quality=80, optimize=True)


def awards(path: Path) -> None:
    """Draw two red certificates with the honours' names and the label 示意图."""
    img = Image.new("RGB", (900, 520), (245, 243, 238))
    d = ImageDraw.Draw(img)
    names = ["青年志愿服务先进集体", "群众满意度先进单位"]
    for i, name in enumerate(names):
        x0 = 60 + i * 420
        d.rectangle((x0, 60, x0 + 360, 420), fill=(178, 34, 34))
        d.rectangle((x0 + 18, 78, x0 + 342, 402), outline=(230, 190, 90), width=4)
        d.text((x0 + 180, 150), "荣誉证书", font=_font(44), fill=(240, 205, 110), anchor="mm")
        d.text((x0 + 180, 270), name, font=_font(27), fill=(255, 240, 200), anchor="mm")
    d.text((450, 475), "示意图 · 获奖证书", font=_font(28), fill=(60, 50, 40), anchor="mm")
    img.save(path, quality=80, optimize=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    service(OUT / "service.jpg")
    awards(OUT / "awards.jpg")
    for p in sorted(OUT.glob("*.jpg")):
        print(p, p.stat().st_size)
