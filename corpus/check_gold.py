#!/usr/bin/env python3
"""Checks the evaluation corpus splits and their gold files.

Run:  python3 corpus/check_gold.py            (every split: each sub-folder of corpus/ that has gold/)
      python3 corpus/check_gold.py test dev   (only the named splits)
      python3 corpus/check_gold.py samples    (any other folder with items and gold/, by path)

A hand-written gold file can go wrong without anyone noticing: malformed JSON, unknown kinds,
statuses or designation subtypes, bad dates, two events for one (product, kind, jurisdiction
[, subtype]), items without gold or gold without items, and dates that contradict the item's own
publication date (an occurred event dated after publication, an expected one dated before it).
Item ids must be unique across all splits checked, so that no story sits in two splits under one
name. The script also prints the coverage each split is meant to have. Exit code 1 on any error.
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
# Subtypes the corpus conventions allow for the kinds whose subtype is not a designation.
SUBTYPES = {
    "trial_authorization": {"", "IND", "CTA", "CTN"},
    "access": {"", "NamedPatient", "CompassionateUse", "EarlyAccess", "HospitalExemption"},
    "gmp": {"PIC/S", "GMPCertificate"},
    "opinion": {""},
}
APPLICATION_TYPES = {"", "BLA", "sBLA", "NDA", "sNDA", "MAA", "NDS", "CTA"}
FIELDS = {"product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication"}
REQUIRED = FIELDS - {"indication"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HEADER_LINE = re.compile(r"^(title|url|published|source): ")


class Split:
    def __init__(self, folder: Path):
        self.folder = folder
        self.gold = folder / "gold"
        self.errors: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.folder.name}/{msg}")

    @staticmethod
    def header_published(path: Path) -> str | None:
        """The `published:` value of a .txt/.md header block, if the file has one."""
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or not HEADER_LINE.match(lines[0]):
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
        for path in sorted(self.folder.iterdir()):
            if not path.is_file() or path.name in {"README.md", "feeds.txt"}:
                continue
            if path.suffix in {".txt", ".md"}:
                found[path.stem] = self.header_published(path)
            elif path.suffix == ".json":
                obj = json.loads(path.read_text(encoding="utf-8"))
                for key in ("title", "text"):
                    if not isinstance(obj.get(key), str):
                        self.err(f"{path.name}: field '{key}' missing or not a string")
                found[path.stem] = obj.get("published")
            elif path.suffix == ".jsonl":
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    obj = json.loads(line)
                    if not obj.get("id"):
                        self.err(f"{path.name}:{n}: no id")
                        continue
                    if not obj["id"].startswith(path.stem[:3]):
                        self.err(f"{path.name}:{n}: id '{obj['id']}' does not carry the file's number")
                    found[obj["id"]] = obj.get("published")
            else:
                self.err(f"{path.name}: unexpected file type")
                continue
            if not re.match(r"^\d{3}_[a-z0-9-]+$", path.stem):
                self.err(f"{path.name}: file name is not NNN_short-slug")
        for item, published in found.items():
            if published is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", published):
                self.err(f"{item}: published '{published}' is not YYYY-MM-DD")
        return found

    def check_event(self, where: str, ev: dict, published: str | None) -> None:
        if set(ev) - FIELDS:
            self.err(f"{where}: unknown fields {sorted(set(ev) - FIELDS)}")
        kind, subtype, j = ev["kind"], ev["subtype"], ev["jurisdiction"]
        if kind not in KINDS:
            self.err(f"{where}: bad kind '{kind}'")
        elif kind == "designation":
            if subtype not in DESIGNATIONS:
                self.err(f"{where}: bad designation subtype '{subtype}'")
        elif subtype not in SUBTYPES.get(kind, APPLICATION_TYPES):
            self.err(f"{where}: subtype '{subtype}' not allowed for {kind}")
        if ev["status"] not in STATUSES:
            self.err(f"{where}: bad status '{ev['status']}'")
        if not (j == "EU" or re.match(r"^[A-Z]{2}$", j)):
            self.err(f"{where}: bad jurisdiction '{j}'")
        if ev["date"] and not DATE.match(ev["date"]):
            self.err(f"{where}: bad date '{ev['date']}'")
        product = ev["product"]
        if not product.strip():
            self.err(f"{where}: empty product")
        elif product != product.lower() and not re.search(r"\d", product):
            self.err(f"{where}: product '{product}' should be a lower-case INN (codes may keep case)")
        if published and ev["date"]:
            # Compare at the event date's precision: an occurred event cannot postdate the item.
            p = published[: len(ev["date"])]
            if ev["status"] == "occurred" and ev["date"] > p:
                self.err(f"{where}: occurred event dated {ev['date']} after publication {published}")
            if ev["status"] == "expected" and ev["date"] < p:
                self.err(f"{where}: expected event dated {ev['date']} before publication {published}")

    def check(self) -> dict:
        ids = self.items()
        stats = {"items": len(ids), "kinds": Counter(), "jurisdictions": Counter(),
                 "statuses": Counter(), "designations": Counter(), "products": Counter(), "empty": 0}
        gold_ids = {p.stem for p in self.gold.glob("*.jsonl")} if self.gold.is_dir() else set()
        for missing in sorted(set(ids) - gold_ids):
            self.err(f"{missing}: item has no gold file")
        for orphan in sorted(gold_ids - set(ids)):
            self.err(f"gold/{orphan}.jsonl: no item with that id")
        for item in sorted(set(ids) & gold_ids):
            seen = set()
            text = (self.gold / f"{item}.jsonl").read_text(encoding="utf-8")
            lines = [l for l in text.splitlines() if l.strip()]
            if not lines:
                stats["empty"] += 1
            for n, line in enumerate(lines, 1):
                where = f"gold/{item}.jsonl:{n}"
                try:
                    ev = json.loads(line)
                except json.JSONDecodeError as e:
                    self.err(f"{where}: {e}")
                    continue
                if REQUIRED - set(ev):
                    self.err(f"{where}: missing fields {sorted(REQUIRED - set(ev))}")
                    continue
                self.check_event(where, ev, ids[item])
                key = (ev["product"].lower(), ev["kind"], ev["jurisdiction"],
                       ev["subtype"] if ev["kind"] == "designation" else "")
                if key in seen:
                    self.err(f"{where}: duplicate event {key} (rule 1: one per product/kind/jurisdiction)")
                seen.add(key)
                stats["kinds"][ev["kind"]] += 1
                stats["jurisdictions"][ev["jurisdiction"]] += 1
                stats["statuses"][ev["status"]] += 1
                stats["products"][ev["product"]] += 1
                if ev["kind"] == "designation":
                    stats["designations"][ev["subtype"]] += 1
        for kind in sorted(KINDS - set(stats["kinds"])):
            self.err(f"coverage: kind '{kind}' never appears")
        for status in sorted(STATUSES - set(stats["statuses"])):
            self.err(f"coverage: status '{status}' never appears")
        stats["ids"] = set(ids)
        return stats


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in CORPUS.iterdir() if (p / "gold").is_dir())
    errors: list[str] = []
    owner: dict[str, str] = {}
    for name in names:
        # A split of corpus/ by name, or any other folder of items with gold/ (samples/) by path.
        split = Split(CORPUS / name if (CORPUS / name).is_dir() else Path(name))
        if not split.folder.is_dir():
            errors.append(f"{name}: no such split")
            continue
        s = split.check()
        for item in s["ids"]:
            if item in owner:
                errors.append(f"{name}/{item}: id also used in split '{owner[item]}'")
            owner[item] = name
        events = sum(s["kinds"].values())
        print(f"[{name}] items: {s['items']}  events: {events}  items without events: {s['empty']}  "
              f"products: {len(s['products'])}")
        print("  kinds:", dict(sorted(s["kinds"].items())))
        print("  designations:", dict(sorted(s["designations"].items())))
        print("  statuses:", dict(sorted(s["statuses"].items())))
        print(f"  jurisdictions ({len(s['jurisdictions'])}):", dict(sorted(s["jurisdictions"].items())))
        errors.extend(split.errors)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
