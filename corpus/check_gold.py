#!/usr/bin/env python3
"""Sanity checks for the evaluation corpus splits and their gold files.

Run: python3 corpus/check_gold.py            (every split folder under corpus/ that has a gold/ folder)
     python3 corpus/check_gold.py dev test   (only the named splits)

For each split it checks what a hand-written gold file can get wrong without anyone noticing:
malformed JSON, unknown fields, kinds, statuses, designation/access/gmp subtypes, bad jurisdictions and
dates, duplicate (product, kind, jurisdiction[, subtype]) events (EVENTS.md rule 1), items without gold
and gold without items, JSONL lines without an id, and dates that contradict the item's own publication
date (an occurred event dated after publication, an expected one dated before it). It then prints the
coverage the corpus brief asks for (items, events, no-event items, kinds, statuses, jurisdictions) and
fails when a kind or status never appears. Exit code 1 on any error.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent

KINDS = {"designation", "trial_authorization", "submission", "acceptance", "approval",
         "opinion", "rejection", "withdrawal", "access", "gmp"}
STATUSES = {"occurred", "ongoing", "expected"}
DESIGNATIONS = {"RMAT", "BreakthroughTherapy", "FastTrack", "OrphanDrug", "PRIME", "PriorityReview",
                "ConditionalApprovalPathway", "SAKIGAKE", "ILAP", "Other"}
# Conventions of samples/README.md, shared by every corpus of the project.
SUBTYPES = {
    "trial_authorization": {"", "IND", "CTA", "CTN"},
    "access": {"", "NamedPatient", "CompassionateUse", "EarlyAccess", "HospitalExemption"},
    "gmp": {"PIC/S", "GMPCertificate"},
    "opinion": {""},
}
FIELDS = {"product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication"}
REQUIRED = FIELDS - {"indication"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ITEM_NAME = re.compile(r"^\d{3}_[a-z0-9-]+$")
JSONL_ID = re.compile(r"^\d{3}[a-z]?_[a-z0-9-]+$")


class Split:
    def __init__(self, root: Path):
        self.root = root
        self.gold = root / "gold"
        self.errors: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.root.name}/{msg}")

    @staticmethod
    def header_published(path: Path) -> str | None:
        """The `published:` value of a .txt/.md header block, if the file has one."""
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or not re.match(r"^[A-Za-z]+: ", lines[0]):
            return None
        for line in lines:
            if not line.strip():
                break
            key, _, value = line.partition(":")
            if key.strip() == "published":
                return value.strip()
        return None

    def items(self) -> dict[str, str | None]:
        """Item id -> publication date stated by metadata (None when none)."""
        found: dict[str, str | None] = {}
        for path in sorted(self.root.iterdir()):
            if not path.is_file() or path.name == "README.md":
                continue
            if path.suffix in {".txt", ".md", ".json", ".jsonl"} and not ITEM_NAME.match(path.stem):
                self.err(f"{path.name}: file name is not NNN_short-slug")
            if path.suffix in {".txt", ".md"}:
                found[path.stem] = self.header_published(path)
            elif path.suffix == ".json":
                obj = json.loads(path.read_text(encoding="utf-8"))
                for key in ("title", "text", "url", "source"):
                    if not isinstance(obj.get(key), str):
                        self.err(f"{path.name}: field '{key}' missing or not a string")
                found[path.stem] = obj.get("published")
            elif path.suffix == ".jsonl":
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    obj = json.loads(line)
                    item_id = obj.get("id")
                    if not item_id or not JSONL_ID.match(item_id):
                        self.err(f"{path.name}:{n}: missing or malformed id")
                        continue
                    if not isinstance(obj.get("text"), str):
                        self.err(f"{path.name}:{n}: no text")
                    found[item_id] = obj.get("published")
        for item, published in found.items():
            if published is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", published):
                self.err(f"{item}: published '{published}' is not YYYY-MM-DD")
        return found

    def check(self) -> tuple[int, Counter, Counter, Counter, int]:
        ids = self.items()
        kinds, jurisdictions, statuses = Counter(), Counter(), Counter()
        empty = 0
        gold_ids = {p.stem for p in self.gold.glob("*.jsonl")}
        for missing in sorted(set(ids) - gold_ids):
            self.err(f"{missing}: item has no gold file")
        for orphan in sorted(gold_ids - set(ids)):
            self.err(f"gold/{orphan}.jsonl: no item with that id")
        for item in sorted(set(ids) & gold_ids):
            published = ids[item]
            seen = set()
            text = (self.gold / f"{item}.jsonl").read_text(encoding="utf-8")
            lines = [l for l in text.splitlines() if l.strip()]
            if not lines:
                empty += 1
            for n, line in enumerate(lines, 1):
                where = f"gold/{item}.jsonl:{n}"
                try:
                    ev = json.loads(line)
                except json.JSONDecodeError as e:
                    self.err(f"{where}: {e}")
                    continue
                if set(ev) - FIELDS:
                    self.err(f"{where}: unknown fields {sorted(set(ev) - FIELDS)}")
                if REQUIRED - set(ev):
                    self.err(f"{where}: missing fields {sorted(REQUIRED - set(ev))}")
                    continue
                kind, sub, j = ev["kind"], ev["subtype"], ev["jurisdiction"]
                if kind not in KINDS:
                    self.err(f"{where}: bad kind '{kind}'")
                if ev["status"] not in STATUSES:
                    self.err(f"{where}: bad status '{ev['status']}'")
                if not (j == "EU" or re.match(r"^[A-Z]{2}$", j)):
                    self.err(f"{where}: bad jurisdiction '{j}'")
                if kind == "designation" and sub not in DESIGNATIONS:
                    self.err(f"{where}: bad designation subtype '{sub}'")
                if kind in SUBTYPES and sub not in SUBTYPES[kind]:
                    self.err(f"{where}: subtype '{sub}' is not one of {sorted(SUBTYPES[kind])} for {kind}")
                if ev["date"] and not DATE.match(ev["date"]):
                    self.err(f"{where}: bad date '{ev['date']}'")
                if not ev["product"].strip():
                    self.err(f"{where}: empty product")
                if ev["product"] != ev["product"].lower() and not re.search(r"\d", ev["product"]):
                    self.err(f"{where}: product '{ev['product']}' should be a lower-case INN (codes keep case)")
                key = (ev["product"].lower(), kind, j, sub if kind == "designation" else "")
                if key in seen:
                    self.err(f"{where}: duplicate event {key} (rule 1: one per product/kind/jurisdiction)")
                seen.add(key)
                if published and ev["date"]:
                    # Compare at the event date's precision: an occurred event cannot postdate the item.
                    p = published[: len(ev["date"])]
                    if ev["status"] == "occurred" and ev["date"] > p:
                        self.err(f"{where}: occurred event dated {ev['date']} after publication {published}")
                    if ev["status"] == "expected" and ev["date"] < p:
                        self.err(f"{where}: expected event dated {ev['date']} before publication {published}")
                kinds[kind] += 1
                jurisdictions[j] += 1
                statuses[ev["status"]] += 1
        for kind in sorted(KINDS - set(kinds)):
            self.err(f"coverage: kind '{kind}' never appears")
        for status in sorted(STATUSES - set(statuses)):
            self.err(f"coverage: status '{status}' never appears")
        return len(ids), kinds, jurisdictions, statuses, empty


def main(argv: list[str]) -> int:
    if argv:
        roots = [CORPUS / name for name in argv]
    else:
        roots = sorted(p for p in CORPUS.iterdir() if (p / "gold").is_dir())
    if not roots:
        print("no split folders with a gold/ folder found", file=sys.stderr)
        return 1
    failed = False
    for root in roots:
        if not (root / "gold").is_dir():
            print(f"ERROR {root.name}: no such split (or no gold/ folder)", file=sys.stderr)
            failed = True
            continue
        split = Split(root)
        n, kinds, jurisdictions, statuses, empty = split.check()
        print(f"[{root.name}] items: {n}  events: {sum(kinds.values())}  items without events: {empty}")
        print("  kinds:", dict(sorted(kinds.items())))
        print("  statuses:", dict(sorted(statuses.items())))
        print(f"  jurisdictions ({len(jurisdictions)}):", dict(sorted(jurisdictions.items())))
        for e in split.errors:
            print("ERROR", e, file=sys.stderr)
        failed |= bool(split.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
