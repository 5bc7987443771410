#!/usr/bin/env python3
"""Writes golden.xlsx: a small hand-made workbook with every cell type the reader knows
(shared and inline strings, rich text, numbers, a date style, booleans, errors, formula
strings), two sheets listed in an order other than their entry names, and the 1904 date
system. tests/xlsx_io_test.cpp reads it and damages it byte by byte."""
import pathlib
import zipfile

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<workbookPr date1904="1"/><sheets>'
    '<sheet name="targets" sheetId="1" r:id="rId2"/>'
    '<sheet name="tasks" sheetId="2" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>",
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
    "<si><t>code</t></si><si><t>Hoàn thành</t></si>"
    '<si><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve">b </t></r><rPh><t>x</t></rPh></si>'
    "</sst>",
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>'
    "</styleSheet>",
    "xl/worksheets/sheet2.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>'
    '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>0.581</v></c>'
    '<c r="D3" s="1"><v>45473</v></c><c r="E3" t="b"><v>1</v></c></row>'
    '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="e"><v>#N/A</v></c>'
    '<c r="C4" t="str"><f>A1</f><v>code</v></c><c r="D4" s="2"><v>0.5</v></c></row>'
    "</sheetData></worksheet>",
    "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
    "<x:row><x:c><x:v>1</x:v></x:c><x:c/><x:c><x:v>3</x:v></x:c></x:row>"
    '<x:row><x:c t="inlineStr"><x:is><x:t>line_x000D_end</x:t></x:is></x:c></x:row>'
    "</x:sheetData></x:worksheet>",
}

def main() -> None:
    out = pathlib.Path(__file__).with_name("golden.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))

if __name__ == "__main__":
    main()
