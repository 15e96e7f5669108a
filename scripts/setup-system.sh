#!/usr/bin/env bash
# System components the readers use, from Debian packages: Tesseract with Vietnamese
# data (scanned PDFs), LibreOffice Writer (legacy .doc), Poppler (PDF rasterising),
# and fonts with Vietnamese glyphs (fonts-liberation2: the older fonts-liberation lacks Vietnamese
# capitals, so LibreOffice would print a wider fallback and wrap the Quốc hiệu).
set -euo pipefail
packages=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd libreoffice-writer-nogui poppler-utils fonts-liberation2 fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
