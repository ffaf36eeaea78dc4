#!/usr/bin/env python3
"""Rebuilds data/gazetteers/{clubs,people,nationalities}_ar_arwikicats.tsv from the PyPI package
arwikicats 0.2.3 (MIT): its Wikipedia-derived tables of sports clubs, well-known people
and nationality adjectives (every gender/number form), English key and Arabic name, copied unchanged (sorted by key)."""
import json, pathlib, subprocess, sys, tempfile, zipfile

VERSION = "0.2.3"
root = pathlib.Path(__file__).resolve().parent.parent
out = root / "data" / "gazetteers"
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    f"arwikicats=={VERSION}"], check=True)
    wheel = next(pathlib.Path(tmp).glob("arwikicats-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        for src, name in [("ArWikiCats/jsons/sports/Clubs_key.json", "clubs"),
                          ("ArWikiCats/jsons/people/peoples.json", "people")]:
            table = json.loads(z.read(src))
            rows = sorted((k.strip(), v.strip()) for k, v in table.items()
                          if k.strip() and v.strip() and "\t" not in k + v and "\n" not in k + v)
            with open(out / f"{name}_ar_arwikicats.tsv", "w", encoding="utf-8") as f:
                f.write("english\tarabic\n")
                for k, v in rows:
                    f.write(f"{k}\t{v}\n")
            print(f"{name}: {len(rows)} rows")
        rows = set()
        for src in ["ArWikiCats/jsons/nationalities/nationalities_data.json",
                    "ArWikiCats/jsons/nationalities/all_nat_as_en.json"]:
            for key, forms in json.loads(z.read(src)).items():
                for form in ["male", "males", "female", "females", "the_male", "the_female"]:
                    v = (forms.get(form) or "").strip()
                    if v and "\t" not in v:
                        rows.add((key.strip(), form, v))
        with open(out / "nationalities_ar_arwikicats.tsv", "w", encoding="utf-8") as f:
            f.write("english\tform\tarabic\n")
            for row in sorted(rows):
                f.write("\t".join(row) + "\n")
        print(f"nationalities: {len(rows)} rows")
