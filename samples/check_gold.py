#!/usr/bin/env python3
"""Sanity checks for the samples corpus and its gold files (run: python3 samples/check_gold.py).

Checks what a hand-written gold file can get wrong without anyone noticing: malformed JSON,
unknown kinds/statuses/subtypes, bad dates, duplicate (product, kind, jurisdiction[, subtype])
events, items without gold and gold without items, and dates that contradict the item's own
publication date (an occurred event dated after publication, an expected one dated before it).
It also prints the coverage the corpus brief asks for. Exit code 1 on any error.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / "gold"

KINDS = {"designation", "trial_authorization", "submission", "acceptance", "approval",
         "opinion", "rejection", "withdrawal", "access", "gmp"}
STATUSES = {"occurred", "ongoing", "expected"}
DESIGNATIONS = {"RMAT", "BreakthroughTherapy", "FastTrack", "OrphanDrug", "PRIME", "PriorityReview",
                "ConditionalApprovalPathway", "SAKIGAKE", "ILAP", "Other"}
FIELDS = {"product", "kind", "subtype", "jurisdiction", "agency", "date", "status", "sponsor", "indication"}
REQUIRED = FIELDS - {"indication"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ITEM_EXT = {".txt", ".md", ".json"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


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


def items() -> dict[str, str | None]:
    """Item id -> publication date stated by metadata (None when none)."""
    found: dict[str, str | None] = {}
    for path in sorted(ROOT.iterdir()):
        if path.suffix in {".txt", ".md"} and path.name != "README.md":
            found[path.stem] = header_published(path)
        elif path.suffix == ".json":
            obj = json.loads(path.read_text(encoding="utf-8"))
            for key in ("title", "text", "url", "source"):
                if not isinstance(obj.get(key), str):
                    err(f"{path.name}: field '{key}' missing or not a string")
            found[path.stem] = obj.get("published")
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                obj = json.loads(line)
                if not obj.get("id"):
                    err(f"{path.name}:{n}: no id")
                    continue
                found[obj["id"]] = obj.get("published")
    return found


def check_item_names(ids: dict[str, str | None]) -> None:
    for path in ROOT.iterdir():
        if path.is_file() and path.suffix in ITEM_EXT | {".jsonl"} and path.name != "README.md":
            if not re.match(r"^\d{3}_[a-z0-9-]+$", path.stem):
                err(f"{path.name}: file name is not NNN_short-slug")
    for item, published in ids.items():
        if published is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", published):
            err(f"{item}: published '{published}' is not YYYY-MM-DD")


def check_gold(ids: dict[str, str | None]) -> tuple[Counter, Counter, Counter, int]:
    kinds, jurisdictions, statuses = Counter(), Counter(), Counter()
    empty = 0
    gold_ids = {p.stem for p in GOLD.glob("*.jsonl")}
    for missing in sorted(set(ids) - gold_ids):
        err(f"{missing}: item has no gold file")
    for orphan in sorted(gold_ids - set(ids)):
        err(f"gold/{orphan}.jsonl: no item with that id")
    for item in sorted(set(ids) & gold_ids):
        published = ids[item]
        seen = set()
        lines = [l for l in (GOLD / f"{item}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        if not lines:
            empty += 1
        for n, line in enumerate(lines, 1):
            where = f"gold/{item}.jsonl:{n}"
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{where}: {e}")
                continue
            if set(ev) - FIELDS:
                err(f"{where}: unknown fields {sorted(set(ev) - FIELDS)}")
            if REQUIRED - set(ev):
                err(f"{where}: missing fields {sorted(REQUIRED - set(ev))}")
                continue
            if ev["kind"] not in KINDS:
                err(f"{where}: bad kind '{ev['kind']}'")
            if ev["status"] not in STATUSES:
                err(f"{where}: bad status '{ev['status']}'")
            j = ev["jurisdiction"]
            if not (j == "EU" or re.match(r"^[A-Z]{2}$", j)):
                err(f"{where}: bad jurisdiction '{j}'")
            if ev["kind"] == "designation" and ev["subtype"] not in DESIGNATIONS:
                err(f"{where}: bad designation subtype '{ev['subtype']}'")
            if ev["date"] and not DATE.match(ev["date"]):
                err(f"{where}: bad date '{ev['date']}'")
            if not ev["product"].strip():
                err(f"{where}: empty product")
            if ev["product"] != ev["product"].lower() and not re.search(r"\d", ev["product"]):
                err(f"{where}: product '{ev['product']}' should be a lower-case INN (codes may keep case)")
            key = (ev["product"].lower(), ev["kind"], j, ev["subtype"] if ev["kind"] == "designation" else "")
            if key in seen:
                err(f"{where}: duplicate event {key} (rule 1: one per product/kind/jurisdiction)")
            seen.add(key)
            if published and ev["date"]:
                # Compare at the event date's precision: an occurred event cannot postdate the item.
                p = published[: len(ev["date"])]
                if ev["status"] == "occurred" and ev["date"] > p:
                    err(f"{where}: occurred event dated {ev['date']} after publication {published}")
                if ev["status"] == "expected" and ev["date"] < p:
                    err(f"{where}: expected event dated {ev['date']} before publication {published}")
            kinds[ev["kind"]] += 1
            jurisdictions[j] += 1
            statuses[ev["status"]] += 1
    return kinds, jurisdictions, statuses, empty


def main() -> int:
    ids = items()
    check_item_names(ids)
    kinds, jurisdictions, statuses, empty = check_gold(ids)
    print(f"items: {len(ids)}  events: {sum(kinds.values())}  items without events: {empty}")
    print("kinds:", dict(sorted(kinds.items())))
    print("statuses:", dict(sorted(statuses.items())))
    print(f"jurisdictions ({len(jurisdictions)}):", dict(sorted(jurisdictions.items())))
    for kind in sorted(KINDS - set(kinds)):
        err(f"coverage: kind '{kind}' never appears")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
