"""How the spreadsheet files in this folder were made (the tests use the committed files; this
script needs LibreOffice and is only run to make them again).

    apt-get install -y libreoffice-calc-nogui locales
    echo "da_DK.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen
    .venv/bin/python tests/io/files/make_files.py

Each sheet is written as a flat OpenDocument spreadsheet (.fods) whose cells are in Danish
(da-DK), then converted by LibreOffice Calc, running in a Danish locale, the way a coordinator
saves a file:

* ``*_libreoffice.csv``: "Tekst CSV" with ``;`` between columns and the Windows-1252 character
  set (filter options ``59,34,1,1``: separator 59 ``;``, text delimiter 34 ``"``, character
  set 1 = Windows-1252), as Danish Excel and Calc write CSV;
* ``*_libreoffice.xlsx``: "Excel 2007-365";
* ``gammel_excel_libreoffice.xls``: "Excel 97-2003", which graphsvc cannot read and says so.

The few files made without LibreOffice (encodings and broken files) are written at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

ACTORS = [
    ["id", "Navn", "Type", "Sektor", "Arenaer", "Kategori", "Område", "Noter"],
    ["", "Hvalsø Skole", "kommunal enhed", "offentlig", "skole", "Folkeskole", "Hvalsø", ""],
    ["", "Hvalsø Klatreklub", "forening", "civilsamfund", "fritid", "Klatreklub", "Hvalsø", "Træner: Søren"],
    [],  # an empty row, as coordinators leave them
    ["lejre-ungdomsskole", "Lejre Ungdomsskole", "", "Offentlig", "fritid, skole", "Ungdomsskole", "", ""],
    [
        "",
        "Brugsen i Hvalsø",
        "",
        "erhverv",
        "arbejde",
        "Dagligvarebutik",
        "Hvalsø",
        "Fritidsjob til 15-årige",
    ],
    ["", "Ærø & Åbo Fond", "", "fond", "", "Fond", "", ""],
]

# PARTNER-style: one row per partner named; a respondent alone on its row did not answer.
SURVEY = [
    ["Respondent", "Samarbejdspartner", "Hyppighed", "Tillid", "Værdi", "Status"],
    ["Hvalsø Skole", "Hvalsø Klatreklub", "månedligt", 3.0, 4.0, ""],
    ["Hvalsø Skole", "Lejre Ungdomsskole", "ugentligt", 4.0, 4.0, ""],
    ["Hvalsø Klatreklub", "Hvalsø Skole", "kvartalsvis", 2.0, 3.0, ""],
    ["Lejre Ungdomsskole", "", "", "", "", "ikke besvaret"],
    ["Brugsen i Hvalsø", "", "", "", "", ""],
]


def fods(sheet: str, rows: list[list[object]]) -> str:
    """A flat ODS document in Danish; numbers shown with one decimal (``3,0`` in Danish)."""
    body = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, float):
                cells.append(
                    f'<table:table-cell table:style-name="ce1" office:value-type="float"'
                    f' office:value="{value}"><text:p>{value}</text:p>'
                    "</table:table-cell>"
                )
            elif value == "":
                cells.append("<table:table-cell/>")
            else:
                cells.append(
                    '<table:table-cell office:value-type="string"><text:p>'
                    f"{escape(str(value))}</text:p></table:table-cell>"
                )
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>
  <style:default-style style:family="table-cell">
   <style:text-properties fo:language="da" fo:country="DK"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <number:number-style style:name="N1" number:language="da" number:country="DK">
   <number:number number:decimal-places="1" number:min-integer-digits="1"/>
  </number:number-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
  <table:table table:name="{escape(sheet)}">{"".join(body)}</table:table>
 </office:spreadsheet></office:body>
</office:document>
"""


def convert(source: Path, target_format: str, out_dir: Path, profile: Path) -> Path:
    env = dict(os.environ, LANG="da_DK.UTF-8", LC_ALL="da_DK.UTF-8")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=180,
    )
    suffix = target_format.split(":", 1)[0]
    return out_dir / f"{source.stem}.{suffix}"


def main() -> None:
    with tempfile.TemporaryDirectory() as work_dir:
        work, profile = Path(work_dir), Path(work_dir) / "profile"
        for stem, sheet, rows in (
            ("aktoerer", "Aktører", ACTORS),
            ("partnerundersoegelse", "Partnerundersøgelse", SURVEY),
        ):
            source = work / f"{stem}.fods"
            source.write_text(fods(sheet, rows), encoding="utf-8")  # type: ignore[arg-type]
            for target, suffix in (
                ("csv:Text - txt - csv (StarCalc):59,34,1,1", "csv"),
                ("xlsx:Calc MS Excel 2007 XML", "xlsx"),
            ):
                made = convert(source, target, work, profile)
                shutil.copy(made, HERE / f"{stem}_libreoffice.{suffix}")
        made = convert(work / "aktoerer.fods", "xls:MS Excel 97", work, profile)
        shutil.copy(made, HERE / "gammel_excel_libreoffice.xls")

    english = (
        "id,name,kind,sector,arenas,area\n"
        "club-climb,Hvalsø Climbing Club,association,civil_society,leisure|school,Hvalsø\n"
        "bank,Lejre Bank,business,business,work,\n"
    )
    (HERE / "actors_en_utf8_bom.csv").write_bytes(b"\xef\xbb\xbf" + english.encode("utf-8"))
    # Danish text in the DOS code page 865: read as Windows-1252 it would be wrong everywhere.
    dos = "navn;sektor\nTræningscenter Hvalsø;erhverv\nBørnehuset;offentlig\n"
    (HERE / "dos_kodeside_865.csv").write_bytes(dos.encode("cp865"))
    # A CSV file that was renamed .xlsx.
    (HERE / "ikke_en_projektmappe.xlsx").write_bytes("navn;sektor\nHvalsø Skole;offentlig\n".encode())


if __name__ == "__main__":
    main()
