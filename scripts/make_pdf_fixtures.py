#!/usr/bin/env python3
"""Makes the PDF test fixtures with the programs people make PDFs with, from Arabic text whose words are known.

Sources: the sample article (seeds/000_f28f254fb6dd51e1.txt) and the 30 dev-saudi articles
(../shared/eval/dev-saudi/*.txt), read with `qari debug text --json` so title and paragraphs are
exactly what qari reads from the text files. A heading, "تفاصيل إضافية", is put half-way, as the
seed formats do, so headings are tested too. For each source this writes to tests/fixtures/pdf/:

  NAME.source.json      the title and blocks (["h", text] / ["p", text]) the PDFs were made from
  NAME.chromium.pdf     headless Chromium --print-to-pdf of an RTL HTML page (Amiri or Noto Naskh Arabic)
  NAME.libreoffice.pdf  LibreOffice --convert-to pdf of a .docx (Title / Heading 1 styles, w:bidi)

and for the sample and the first five dev-saudi articles also

  NAME.chromium-2col.pdf   the HTML page in two columns (title and headings across both)
  NAME.chromium-headers.pdf the one-column page printed with Chromium's own running header (date,
                           title) and footer (address, "page/pages"), which qari must drop
  NAME.reportlab.pdf       reportlab, the way PHP and Python generators write Arabic: arabic_reshaper's
                           presentation forms put in visual order by python-bidi, lines drawn right-aligned
  NAME.reportlab-nomap.pdf the same with every /ToUnicode map removed (text from the embedded font's cmap)

plus scanned.pdf (the sample's first page as an image, no text layer), locked.pdf (needs a user
password) and owner-locked.pdf (encrypted with an empty user password: opens).

Installs what it needs (Debian: chromium, libreoffice-writer-nogui, qpdf, poppler-utils, fonts;
PyPI: reportlab, arabic_reshaper, python-bidi, pikepdf). Run from the repository root after
`cargo build --release`:  python3 scripts/make_pdf_fixtures.py
Not run by CI: CI tests the committed PDFs.
"""

import html
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "pdf"
QARI = ROOT / "target" / "release" / "qari"
SHARED = ROOT.parent / "shared" / "eval" / "dev-saudi"
HEADING = "تفاصيل إضافية"
FONTS = ["Amiri", "Noto Naskh Arabic"]
AMIRI = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"
AMIRI_BOLD = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
]
EXTRA = 5  # dev-saudi articles that also get the two-column and reportlab versions

sys.path.insert(0, str(ROOT / "scripts"))
from make_seed_formats import W, write_zip  # noqa: E402


def install():
    debs = ["chromium", "libreoffice-writer-nogui", "qpdf", "poppler-utils", "fonts-hosny-amiri", "fonts-noto-core"]
    missing = [d for d in debs if subprocess.run(["dpkg", "-s", d], capture_output=True).returncode]
    if missing:
        subprocess.run(["apt-get", "install", "-y", *missing], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "reportlab", "arabic_reshaper", "python-bidi", "pikepdf"], check=True)


def source(path):
    doc = json.loads(subprocess.run([str(QARI), "debug", "text", "--json", str(path)], check=True, capture_output=True, text=True).stdout)
    paragraphs = [p for s in doc["sections"] for p in s["paragraphs"]]
    half = len(paragraphs) // 2
    blocks = [["p", p] for p in paragraphs[:half]] + [["h", HEADING]] + [["p", p] for p in paragraphs[half:]]
    return {"title": doc["title"], "blocks": blocks, "from": str(path.relative_to(ROOT.parent)) if ROOT.parent in path.parents else str(path)}


def page_html(src, font, columns):
    e = html.escape
    body = "".join(f"<h2>{e(t)}</h2>" if k == "h" else f"<p>{e(t)}</p>" for k, t in src["blocks"])
    cols = "column-count: 2; column-gap: 2.5em;" if columns == 2 else ""
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(src['title'])}</title>
<style>@page {{ size: A4; margin: 2cm; }} body {{ font-family: '{font}'; font-size: 13pt; line-height: 1.6; text-align: justify; }}
main {{ {cols} }} h1 {{ font-size: 22pt; }} h2 {{ font-size: 16pt; column-span: all; }} p {{ margin: 0 0 0.6em 0; }}</style></head>
<body><h1>{e(src['title'])}</h1><main>{body}</main></body></html>"""


def chromium(html_text, out, tmp, headers=False):
    page = tmp / "page.html"
    page.write_text(html_text, encoding="utf-8")
    flags = [f for f in CHROMIUM_FLAGS if not (headers and f == "--no-pdf-header-footer")]
    subprocess.run(["chromium", *flags, f"--user-data-dir={tmp / 'profile'}", f"--print-to-pdf={out}", page.as_uri()], check=True, capture_output=True)


def docx(src, path, font):
    e = html.escape

    def para(text, style=None):
        style_tag = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f'<w:pPr>{style_tag}<w:bidi/><w:jc w:val="both"/></w:pPr>'
        return f'<w:p>{ppr}<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">{e(text, quote=False)}</w:t></w:r></w:p>'

    parts = [para(src["title"], "Title")] + [para(t, "Heading1" if k == "h" else None) for k, t in src["blocks"]]
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{"".join(parts)}<w:sectPr><w:bidi/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:body></w:document>"""
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    styles = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
</w:styles>"""
    types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
    doc_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
    write_zip(path, [("[Content_Types].xml", types, True), ("_rels/.rels", rels, True), ("word/document.xml", document, True),
                     ("word/_rels/document.xml.rels", doc_rels, True), ("word/styles.xml", styles, True)])


def libreoffice(src, out, tmp, font):
    path = tmp / (out.stem + ".docx")
    docx(src, path, font)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--convert-to", "pdf", "--outdir", str(tmp), str(path)], check=True, capture_output=True)
    shutil.move(tmp / (out.stem + ".pdf"), out)


def reportlab(src, out):
    """Lines of presentation forms in visual order, right-aligned, as reportlab-based generators write Arabic."""
    import arabic_reshaper
    from bidi.algorithm import get_display
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # Keep the harakat (arabic_reshaper drops them unless told not to).
    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    pdfmetrics.registerFont(TTFont("Amiri", AMIRI))
    pdfmetrics.registerFont(TTFont("Amiri-Bold", AMIRI_BOLD))
    width, height = 595, 842
    margin = 56
    c = canvas.Canvas(str(out), pagesize=(width, height), invariant=1)
    c.setTitle(src["title"])
    y = height - margin

    def lines(text, font, size):
        words, line, out_lines = text.split(), [], []
        for word in words:
            trial = " ".join(line + [word])
            if line and pdfmetrics.stringWidth(get_display(reshaper.reshape(trial)), font, size) > width - 2 * margin:
                out_lines.append(" ".join(line))
                line = [word]
            else:
                line.append(word)
        if line:
            out_lines.append(" ".join(line))
        return out_lines

    def draw(text, font, size, gap_after):
        nonlocal y
        for line in lines(text, font, size):
            if y < margin + size:
                c.showPage()
                y = height - margin
            c.setFont(font, size)
            c.drawRightString(width - margin, y - size, get_display(reshaper.reshape(line)))
            y -= size * 1.5
        y -= gap_after

    draw(src["title"], "Amiri-Bold", 20, 10)
    for kind, text in src["blocks"]:
        if kind == "h":
            draw(text, "Amiri-Bold", 15, 4)
        else:
            draw(text, "Amiri", 12, 8)
    c.save()


def strip_to_unicode(pdf_in, pdf_out):
    import pikepdf

    with pikepdf.open(pdf_in) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                del obj["/ToUnicode"]
        pdf.save(pdf_out, deterministic_id=True)


def main():
    """`--kinds A,B` makes only those kinds (e.g. `chromium-headers`), leaving the other files as they are."""
    kinds = None
    if "--kinds" in sys.argv:
        kinds = set(sys.argv[sys.argv.index("--kinds") + 1].split(","))
    want = lambda kind: kinds is None or kind in kinds  # noqa: E731
    install()
    OUT.mkdir(parents=True, exist_ok=True)
    sources = [ROOT / "seeds" / "000_f28f254fb6dd51e1.txt"] + sorted(SHARED.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for i, path in enumerate(sources):
            name = path.stem
            src = source(path)
            (OUT / f"{name}.source.json").write_text(json.dumps(src, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            font = FONTS[i % 2]
            if want("chromium"):
                chromium(page_html(src, font, 1), OUT / f"{name}.chromium.pdf", tmp)
            if want("libreoffice"):
                libreoffice(src, OUT / f"{name}.libreoffice.pdf", tmp, font)
            if i <= EXTRA:
                if want("chromium-2col"):
                    chromium(page_html(src, font, 2), OUT / f"{name}.chromium-2col.pdf", tmp)
                if want("chromium-headers"):
                    chromium(page_html(src, font, 1), OUT / f"{name}.chromium-headers.pdf", tmp, headers=True)
                if want("reportlab"):
                    reportlab(src, OUT / f"{name}.reportlab.pdf")
                    strip_to_unicode(OUT / f"{name}.reportlab.pdf", OUT / f"{name}.reportlab-nomap.pdf")
            print(name, file=sys.stderr)
        if kinds is not None:
            return
        sample = OUT / "000_f28f254fb6dd51e1.chromium.pdf"
        subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", "-png", str(sample), str(tmp / "scan")], check=True)
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(OUT / "scanned.pdf"), pagesize=(595, 842), invariant=1)
        c.drawImage(str(next(tmp.glob("scan*.p*"))), 0, 0, 595, 842)
        c.save()
        subprocess.run(["qpdf", "--encrypt", "letmein", "owner", "256", "--", str(sample), str(OUT / "locked.pdf")], check=True)
        subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", str(sample), str(OUT / "owner-locked.pdf")], check=True)


if __name__ == "__main__":
    main()
