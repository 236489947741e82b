#!/bin/sh
# Makes the workbooks of these tests with LibreOffice, as users make them:
#   apt-get install libreoffice-calc-nogui; tests/data/tables/make-workbooks.sh
# merged-header.fods is written by hand (a title over the sheet, headings
# merged over two rows and two columns, a municipality over two rows, blank
# rows); skane-excel.csv is Excel's CSV (Windows-1252, ';').
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
iconv -f cp1252 -t utf-8 skane-excel.csv > "$tmp/skane-libreoffice.csv"
soffice --headless --convert-to ods --outdir . merged-header.fods
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir . merged-header.fods
for to in ods 'xlsx:Calc MS Excel 2007 XML'; do
  soffice --headless --infilter='CSV:59,34,76,1' --convert-to "$to" --outdir . "$tmp/skane-libreoffice.csv"
done
