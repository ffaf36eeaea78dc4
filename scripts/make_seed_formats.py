#!/usr/bin/env python3
"""Writes the seed article in every format qari opens, plus the CP720 test fixtures.

From seeds/000_f28f254fb6dd51e1.txt (a title line and 12 paragraphs, some joined
by the scraped ".," form) this writes, next to it:

  000_f28f254fb6dd51e1.html               a saved news page (nav, header, aside, script,
                                          footer around <article dir="rtl" lang="ar">)
  000_f28f254fb6dd51e1.md                 Markdown
  000_f28f254fb6dd51e1.epub               an EPUB 3 book of two chapters
  000_f28f254fb6dd51e1.docx               a Word document (Title and Heading 1 styles, w:bidi)
  000_f28f254fb6dd51e1.json               a scraper-style object (url, title, content, date)
  000_f28f254fb6dd51e1.windows-1256.txt   the text file in Windows Arabic

and tests/fixtures/formats/cp720/ (every high byte and a short article in CP720, with the
text Python's codecs decode them to), used to check qari's hand-written CP720 table.

Standard library only; the output is deterministic (fixed zip timestamps).
Run from the crate root:  python3 scripts/make_seed_formats.py
"""

import html
import json
import pathlib
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STEM = "000_f28f254fb6dd51e1"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def parse_plain_text(text):
    """Mirrors qari's parse_plain_text: title line, then lines split at the scraped ".,"."""
    lines = [l.strip().strip("\ufeff").strip() for l in text.splitlines()]
    lines = [l for l in lines if l]
    title, paragraphs = lines[0], []
    for line in lines[1:]:
        rest = line
        while ".," in rest:
            at = rest.index(".,")
            part = rest[: at + 1].strip()
            if part:
                paragraphs.append(part)
            rest = rest[at + 2 :]
        if rest.strip():
            paragraphs.append(rest.strip())
    return title, paragraphs


def write_zip(path, members):
    """members: list of (name, text, compress); the first is stored uncompressed if asked."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data, compress in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def make_html(title, paragraphs):
    e = html.escape
    body = "\n".join(f"      <p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | الإخبارية</title>
  <meta property="og:title" content="{e(title)}">
  <meta property="og:type" content="article">
  <link rel="stylesheet" href="/static/site.css">
  <style>body {{ font-family: sans-serif; }} .ad::after {{ content: "<p>إعلان</p>"; }}</style>
  <script>window.dataLayer = []; document.write("<p>لا تظهر هذه الفقرة</p>");</script>
</head>
<body class="article-page">
  <!-- شريط الموقع: ليس جزءا من المقال -->
  <header class="site-header">
    <a class="logo" href="/"><h1>الإخبارية</h1></a>
    <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
  </header>
  <div class="container">
    <article dir="rtl" lang="ar">
      <h1 class="headline">{e(title)}</h1>
      <div class="meta"><time datetime="2018-04-12">12 أبريل 2018</time></div>
{body}
      <div class="share"><button>شارك</button></div>
    </article>
    <aside class="related">
      <h2>أخبار ذات صلة</h2>
      <p>هذه فقرة في الشريط الجانبي طويلة بما يكفي لتبدو كمحتوى لكنها ليست من المقال نفسه ولا يجب أن تظهر.</p>
    </aside>
  </div>
  <form class="newsletter"><label>اشترك في النشرة</label><input type="email"></form>
  <footer><p>جميع الحقوق محفوظة &copy; 2018</p></footer>
  <script src="/static/app.js"></script>
</body>
</html>
"""


MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def md_escape(text):
    return MD_SPECIAL.sub(r"\\\1", text)


def make_markdown(title, paragraphs):
    out = [f"# {md_escape(title)}", ""]
    for p in paragraphs:
        out += [md_escape(p), ""]
    return "\n".join(out)


def xhtml_chapter(heading, paragraphs):
    e = html.escape
    body = "\n".join(f"    <p>{e(p)}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="ar" xml:lang="ar" dir="rtl">
<head><title>{e(heading)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
  <section epub:type="chapter">
    <h1>{e(heading)}</h1>
{body}
  </section>
</body>
</html>
"""


def make_epub(path, title, paragraphs):
    e = html.escape
    half = len(paragraphs) // 2
    chapters = [("الفصل الأول", paragraphs[:half]), ("الفصل الثاني", paragraphs[half:])]
    container = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" dir="rtl">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:0f28f254-fb6d-d51e-1000-000000000000</dc:identifier>
    <dc:title>{e(title)}</dc:title>
    <dc:language>ar</dc:language>
    <meta property="dcterms:modified">2018-04-12T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="ch1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch2" href="text/chapter2.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine page-progression-direction="rtl">
    <itemref idref="ch1"/>
    <itemref idref="ch2"/>
  </spine>
</package>
"""
    nav = f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="ar" dir="rtl">
<head><title>{e(title)}</title></head>
<body><nav epub:type="toc"><ol>
  <li><a href="text/chapter%201.xhtml">{e(chapters[0][0])}</a></li>
  <li><a href="text/chapter2.xhtml">{e(chapters[1][0])}</a></li>
</ol></nav></body>
</html>
"""
    write_zip(
        path,
        [
            ("mimetype", "application/epub+zip", False),
            ("META-INF/container.xml", container, True),
            ("OEBPS/content.opf", opf, True),
            ("OEBPS/nav.xhtml", nav, True),
            ("OEBPS/style.css", "body { direction: rtl; }\n", True),
            ("OEBPS/text/chapter 1.xhtml", xhtml_chapter(*chapters[0]), True),
            ("OEBPS/text/chapter2.xhtml", xhtml_chapter(*chapters[1]), True),
        ],
    )


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_paragraph(text, style=None):
    e = html.escape
    ppr = "<w:pPr>"
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    ppr += '<w:bidi/><w:jc w:val="both"/></w:pPr>'
    # Split the text over several runs, as Word does, to check they are joined back.
    words = text.split(" ")
    cut = len(words) // 2
    runs = [" ".join(words[:cut]) + (" " if cut else ""), " ".join(words[cut:])]
    body = "".join(
        f'<w:r><w:rPr><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">{e(r, quote=False)}</w:t></w:r>'
        for r in runs
        if r
    )
    return f"<w:p>{ppr}{body}</w:p>"


def make_docx(path, title, paragraphs):
    half = len(paragraphs) // 2
    parts = [docx_paragraph(title, "Title")]
    parts += [docx_paragraph(p) for p in paragraphs[:half]]
    parts.append(docx_paragraph("تفاصيل إضافية", "Heading1"))
    parts += [docx_paragraph(p) for p in paragraphs[half:]]
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>
{chr(10).join(parts)}
<w:sectPr><w:bidi/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>
"""
    styles = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
  <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>
"""
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
  <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""
    doc_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""
    core = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>{html.escape(title)}</dc:title>
</cp:coreProperties>
"""
    write_zip(
        path,
        [
            ("[Content_Types].xml", content_types, True),
            ("_rels/.rels", rels, True),
            ("word/document.xml", document, True),
            ("word/_rels/document.xml.rels", doc_rels, True),
            ("word/styles.xml", styles, True),
            ("docProps/core.xml", core, True),
        ],
    )


def make_json(title, paragraphs):
    article = {
        "url": f"https://news.example/world/{STEM}",
        "title": title,
        "content": "\n".join(paragraphs),
        "date": "2018-04-12T09:30:00+03:00",
        "source": "الإخبارية",
    }
    return json.dumps(article, ensure_ascii=False, indent=2) + "\n"


def make_cp720_fixtures():
    out = ROOT / "tests" / "fixtures" / "formats" / "cp720"
    out.mkdir(parents=True, exist_ok=True)
    high = bytes(range(0x80, 0x100))
    (out / "high_bytes.cp720.bin").write_bytes(high)
    (out / "high_bytes.expected.txt").write_text(high.decode("cp720"), encoding="utf-8", newline="")
    article = "عنوان بالترميز 720\n\nهذه فقرة أولى مكتوبة بترميز دوس العربي.\nوهذه فقرة ثانية فيها أرقام 1234 وتشكيل: كَتَبَ.\n"
    (out / "article.cp720.txt").write_bytes(article.encode("cp720"))
    (out / "article.expected.txt").write_text(article, encoding="utf-8", newline="")


def main():
    source = SEEDS / f"{STEM}.txt"
    text = source.read_text(encoding="utf-8")
    title, paragraphs = parse_plain_text(text)
    assert len(paragraphs) == 12, len(paragraphs)
    (SEEDS / f"{STEM}.html").write_text(make_html(title, paragraphs), encoding="utf-8")
    (SEEDS / f"{STEM}.md").write_text(make_markdown(title, paragraphs), encoding="utf-8")
    make_epub(SEEDS / f"{STEM}.epub", title, paragraphs)
    make_docx(SEEDS / f"{STEM}.docx", title, paragraphs)
    (SEEDS / f"{STEM}.json").write_text(make_json(title, paragraphs), encoding="utf-8")
    (SEEDS / f"{STEM}.windows-1256.txt").write_bytes(text.encode("cp1256"))
    make_cp720_fixtures()
    print(f"wrote 6 seed formats for {STEM!r} ({len(paragraphs)} paragraphs) and CP720 fixtures")


if __name__ == "__main__":
    main()
