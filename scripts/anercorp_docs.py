#!/usr/bin/env python3
"""Turns a held-out ANERcorp part (a `token TAG` CoNLL file, e.g. target/dev.gold.conll from
`train_ner --dev`) into documents and gold files for ../shared/eval/score.py, so the whole
analysis (tagger and entity rules) can be scored on real text the model was not trained on.

    python3 scripts/anercorp_docs.py target/dev.gold.conll OUT_DIR [--sentences 15]

Writes OUT_DIR/NN.txt (a neutral title line, a blank line, then one paragraph per three
sentences) and OUT_DIR/NN.gold.json with the document's distinct PERS/LOC/ORG entities
(MISC is listed as not required). ANERcorp tags whole tokens, clitics included, so a gold
name may lose a leading clitic only where the corpus itself shows it (the rest occurs as a
token of its own somewhere in ANERcorp, or و/ب before the article, or لل); a shorter name
that is part of a longer one of the same kind in the same document is the same entity.
Score with `--entities-only` output of `filter_entities` (dates and hashtags dropped, since
ANERcorp does not tag them):

    python3 scripts/anercorp_docs.py --filter OUT.json > OUT.people.json
"""
import json
import os
import re
import sys

KINDS = {"PERS": "person", "LOC": "place", "ORG": "organization", "MISC": "misc"}
INVISIBLE = re.compile(r"[\u200e\u200f\u200b-\u200d\u061c\ufeff]")
DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
CORPUS = os.path.join(os.path.dirname(__file__), "..", "data", "ner", "anercorp-train.txt")


def fold(w):
    w = DIACRITICS.sub("", w)
    return re.sub("[أإآٱ]", "ا", w).replace("ى", "ي").replace("ة", "ه")


def read_conll(path):
    sentences, cur = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 2:
            continue
        tok, tag = INVISIBLE.sub("", parts[0]), parts[-1]
        if not tok:
            continue
        cur.append((tok, tag))
        if tok in (".", "؟", "!", "?"):
            sentences.append(cur)
            cur = []
    if cur:
        sentences.append(cur)
    return sentences


def vocabulary():
    vocab = set()
    for line in open(CORPUS, encoding="utf-8"):
        parts = line.split()
        if parts:
            vocab.add(fold(parts[0]))
    return vocab


def strip_variants(word, vocab):
    """The forms of a name's first word the gold accepts: itself, and without a leading clitic
    where the corpus supports the split."""
    out = [word]
    f = fold(word)
    if f.startswith("لل") and len(f) >= 5:
        out.append("ا" + word[1:])
        return out
    if (len(f) >= 5 and f[0] in "وب" and f[1:3] == "ال") or (f[0] == "و" and len(f) >= 5):
        out.append(word[1:])
        return out
    for k in (2, 1):
        if len(f) - k < 3 or any(c not in "وفبلك" for c in f[:k]):
            continue
        if k == 2 and f[0] not in "وف":
            continue
        if fold(word[k:]) in vocab:
            out.append(word[k:])
            break
    return out


def spans(sentence):
    out, i = [], 0
    while i < len(sentence):
        tag = sentence[i][1]
        if tag.startswith("B-") or tag.startswith("I-"):
            kind = tag[2:]
            j = i + 1
            while j < len(sentence) and sentence[j][1] == "I-" + kind:
                j += 1
            out.append((kind, [t for t, _ in sentence[i:j]]))
            i = j
        else:
            i += 1
    return out


def gold_for(doc, vocab):
    entities = []  # (kind, set of accepted names as token tuples)
    for sentence in doc:
        for kind, toks in spans(sentence):
            kind = "PERS" if kind == "PER" else kind
            names = {tuple([v] + toks[1:]) for v in strip_variants(toks[0], vocab)}
            entities.append([kind, names])
    merged = []
    for kind, names in sorted(entities, key=lambda e: -max(len(n) for n in e[1])):
        target = None
        for m in merged:
            if m[0] != kind:
                continue
            if any(contains(big, small) for big in m[1] for small in names):
                target = m
                break
        if target is None:
            merged.append([kind, set(names)])
        else:
            target[1] |= names
    out = []
    for kind, names in merged:
        out.append(
            {
                "kind": [KINDS.get(kind, "misc")],
                "names": sorted((" ".join(n) for n in names), key=len, reverse=True),
                "required": kind != "MISC",
            }
        )
    return out


def contains(big, small):
    """small is part of big — not as the father's name after بن/ابن/أبو (another person)."""
    fb, fs = [fold(t) for t in big], [fold(t) for t in small]
    return any(
        fb[i : i + len(fs)] == fs and not (i > 0 and fb[i - 1] in ("بن", "ابن", "بنت", "ابو", "ابي"))
        for i in range(len(fb) - len(fs) + 1)
    )


def filter_entities(path):
    d = json.load(open(path, encoding="utf-8"))
    d["entities"] = [e for e in d["entities"] if e["kind"] in ("person", "place", "organization")]
    d["quotes"] = []
    json.dump(d, sys.stdout, ensure_ascii=False)


def main(argv):
    if argv[:1] == ["--filter"]:
        filter_entities(argv[1])
        return
    conll, out_dir = argv[0], argv[1]
    per_doc = int(argv[3]) if len(argv) > 3 and argv[2] == "--sentences" else 15
    os.makedirs(out_dir, exist_ok=True)
    vocab = vocabulary()
    sentences = read_conll(conll)
    for n, start in enumerate(range(0, len(sentences), per_doc)):
        doc = sentences[start : start + per_doc]
        paragraphs = [
            " ".join(t for s in doc[k : k + 3] for t, _ in s) for k in range(0, len(doc), 3)
        ]
        title = f"وثيقة {n + 1}"
        with open(os.path.join(out_dir, f"{n:02}.txt"), "w", encoding="utf-8") as f:
            f.write(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
        gold = {
            "title": title,
            "paragraphs": len(paragraphs),
            "entities": gold_for(doc, vocab),
            "quotes": [],
            "not_quotes": [],
        }
        with open(os.path.join(out_dir, f"{n:02}.gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
