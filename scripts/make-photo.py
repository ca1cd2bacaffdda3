"""Makes leaflets/figuren/wachtzaal.jpg: a photo-like picture of a children's waiting room
(soft light, a window, a bench, toys), drawn from shapes, blurred and given film grain so
it compresses and prints like a photograph. Our own work, under the project's licence.
Run: python3 scripts/make-photo.py (needs Pillow)."""
from PIL import Image, ImageDraw, ImageFilter
import random

W, H = 1000, 660
random.seed(14)
img = Image.new("RGB", (W, H))
d = ImageDraw.Draw(img)
# Wall: warm gradient; floor: wood tones.
for y in range(H):
    t = y / H
    if y < H * 0.68:
        c = (int(236 - 30 * t), int(226 - 26 * t), int(204 - 40 * t))
    else:
        c = (int(170 - 40 * t), int(120 - 30 * t), int(80 - 20 * t))
    d.line([(0, y), (W, y)], fill=c)
# Window with sky and a tree.
d.rectangle([600, 70, 900, 330], fill=(250, 250, 245))
for y in range(82, 320):
    d.line([(612, y), (888, y)], fill=(150 + (y - 82) // 3, 190 + (y - 82) // 6, 235))
d.ellipse([640, 160, 780, 300], fill=(70, 130, 60))
d.rectangle([702, 260, 716, 320], fill=(90, 60, 40))
d.line([(750, 82), (750, 320)], fill=(250, 250, 245), width=10)
# Bench with cushions.
d.rounded_rectangle([80, 360, 520, 470], 20, fill=(40, 110, 170))
d.rounded_rectangle([100, 320, 250, 380], 18, fill=(240, 180, 60))
d.rounded_rectangle([270, 320, 420, 380], 18, fill=(220, 90, 80))
d.rectangle([100, 470, 120, 540], fill=(60, 60, 60))
d.rectangle([480, 470, 500, 540], fill=(60, 60, 60))
# Toys on the floor: blocks and a ball.
for i, col in enumerate([(200, 60, 60), (60, 150, 80), (240, 200, 40), (70, 100, 200)]):
    x = 600 + i * 70
    d.rectangle([x, 540 - (i % 2) * 30, x + 55, 595 - (i % 2) * 30], fill=col)
d.ellipse([880, 520, 960, 600], fill=(230, 80, 120))
# A drawing on the wall.
d.rectangle([150, 110, 400, 260], fill=(255, 255, 250), outline=(120, 90, 60), width=8)
d.ellipse([200, 140, 260, 200], fill=(250, 200, 40))
d.polygon([(280, 240), (330, 160), (380, 240)], fill=(80, 160, 90))
img = img.filter(ImageFilter.GaussianBlur(3))
# Light falling from the window, and grain.
px = img.load()
for y in range(H):
    for x in range(W):
        r, g, b = px[x, y]
        light = max(0.0, 1.0 - ((x - 750) ** 2 + (y - 200) ** 2) / 700_000) * 25
        n = random.gauss(0, 4)
        px[x, y] = tuple(max(0, min(255, int(v + light + n))) for v in (r, g, b))
img.save("leaflets/figuren/wachtzaal.jpg", quality=80, optimize=True, dpi=(300, 300))
