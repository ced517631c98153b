#!/bin/sh
# Regenerates the app icon from scratch: a red seal-like square with 档 (Noto Sans CJK SC Bold).
# Needs ImageMagick 6 and fonts-noto-cjk (apt-get install -y imagemagick fonts-noto-cjk).
set -eu
cd "$(dirname "$0")"
C=${CONVERT:-convert}
$C -background none -fill white -font Noto-Sans-CJK-SC-Bold -pointsize 310 label:'档' PNG32:/tmp/relief-glyph.png
$C -size 512x512 xc:none -fill '#b71c1c' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill none -stroke '#ffffff' -strokewidth 10 -draw 'roundrectangle 46,46 465,465 70,70' -stroke none \
  /tmp/relief-glyph.png -gravity center -geometry +0+0 -composite -strip PNG32:icon.png
mkdir -p icons
for s in 16 24 32 48 64 128 256 512; do $C icon.png -resize "${s}x${s}" -strip "PNG32:icons/${s}x${s}.png"; done
$C icon.png -define icon:auto-resize=256,128,64,48,32,24,16 icon.ico
rm -f /tmp/relief-glyph.png
