#!/usr/bin/env python3
"""Rebuild data/foods/ from the USDA SR28 release.

    python tools/build_foods.py [SR28_DIR] [OUT_DIR]

SR28_DIR defaults to ../shared/usda-sr28 beside the project and OUT_DIR to data/foods. Writes
foods.tsv: one line per SR28 food with its group, a flag for foods people commonly eat as they are
described (cooked or ready to eat), vegan or vegetarian from its group and words, a family key that
salted and unsalted copies share, its first household serving (SR28 WEIGHT.txt, sequence 1) and, per
100 g edible portion, every nutrient named in data/foods/nutrients.toml (empty where SR28 has no
value, which is not zero).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

HERE = Path(__file__).resolve().parent.parent

# Foods people rarely eat as such, kept out of the default list (`evidence foods --all` shows them):
# baby foods, supplements and fortified powders and mixes, leavening agents, brand-name items.
UNCOMMON_GROUPS = {"0300", "0200"}  # Baby Foods; Spices and Herbs (eaten by the pinch, not the 100 g)
ALWAYS_COMMON = {"02047"}  # Salt, table
UNCOMMON_WORDS = re.compile(
    r"\b(fortified|powder|powdered|dry mix|mix, dry|leavening|baking soda|baking powder|yeast extract|"
    r"formulated|meal replacement|supplement|protein isolate|dehydrated|freeze-dried|"
    r"infant formula|toddler formula|bran, raw|germ, crude|dried, powdered|crude|defatted|glandless|meal|"
    r"mature seeds, raw|uncooked|flour)\b",
    re.IGNORECASE,
)
BRAND = re.compile(r"\b[A-Z][A-Z'&.]{2,}")  # SR28 spells brands in capitals: KELLOGG'S, CAMPBELL'S, McDONALD'S


def fields(line: str) -> list[str]:
    return [f.strip("~") for f in line.rstrip("\r\n").split("^")]


def read(path: Path) -> list[list[str]]:
    with open(path, encoding="latin-1") as fh:
        return [fields(line) for line in fh if line.strip()]


# Foods eaten by the ounce or spoonful, whose first SR28 measure is often a whole cup.
SMALL_PORTION_GROUPS = {"0200", "0400", "1200", "1900"}  # spices, fats and oils, nuts and seeds, sweets
SMALL_MEASURES = (re.compile(r"\boz\b"), re.compile(r"\btbsp\b"), re.compile(r"\btsp\b"))
MEAT_GROUPS = {"0500", "1000", "1300", "1700", "2000"}  # poultry, pork, beef, lamb/veal/game, grains: eaten cooked


def pick_serving(group: str, measures: list[tuple[str, str, float]]) -> tuple[str, float]:
    """The household measure shown as a serving: SR28's first, or for foods eaten in small
    amounts, an ounce or a spoonful where SR28 gives one."""
    ordered = sorted(measures, key=lambda m: int(m[0]))
    if group in SMALL_PORTION_GROUPS:
        for pattern in SMALL_MEASURES:
            for _, desc, grams in ordered:
                if pattern.search(desc):
                    return desc, grams
    return ordered[0][1], ordered[0][2]


# Forms not eaten as such (`evidence foods --all` shows them): dry grains, raw dried legumes,
# concentrates, powders, dehydrated or unprepared products, and regional or organ-meat curiosities.
NOT_AS_EATEN = re.compile(
    r"\b(concentrate|undiluted|dehydrated|unprepared|dry form|energy drink|spleen|lungs?|brain|kidneys?|"
    r"pancreas|thymus|giblets|mechanically separated|by-products, [a-z ]*(?:blood|fat))\b",
    re.IGNORECASE,
)
DRY = re.compile(r",\s*(dry|dried)\b(?!\s*roasted)", re.IGNORECASE)
REGIONAL_GROUPS = {"3500"}  # American Indian/Alaska Native Foods: whale, seal, walrus
LEGUMES, GRAINS, FRUITS = "1600", "2000", "0900"
MATURE_RAW = re.compile(r"\b(mature seeds, raw|, raw\b)", re.IGNORECASE)


def as_eaten(group: str, desc: str) -> bool:
    """A form people eat or drink as it is described: cooked or ready to eat."""
    if group in REGIONAL_GROUPS or NOT_AS_EATEN.search(desc):
        return False
    if DRY.search(desc) and group != FRUITS:  # dried fruit is eaten as it is; dry rice and milk powder are not
        return False
    if group == LEGUMES and MATURE_RAW.search(desc) and not re.search(r"sprouted|peanuts?|edamame|tofu", desc, re.I):
        return False  # raw dried beans and lentils; peanuts, tofu and sprouts are eaten so
    if group == GRAINS and not re.search(r"\bcooked\b", desc, re.IGNORECASE):
        return False  # grains, rice, oats and pasta are listed dry unless SR28 says cooked
    return True


def is_common(ndb: str, group: str, desc: str, manufacturer: str) -> bool:
    if ndb in ALWAYS_COMMON:
        return True
    if group in UNCOMMON_GROUPS or manufacturer:
        return False
    if group in MEAT_GROUPS and re.search(r"\braw\b", desc):
        return False
    if UNCOMMON_WORDS.search(desc) or BRAND.search(desc):
        return False
    return as_eaten(group, desc)


ANIMAL_GROUPS = {"0500", "0700", "1000", "1300", "1500", "1700", "3500"}  # poultry, sausages, pork, beef, fish, game
PLANT_GROUPS = {"0200", "0900", "1100", "1200", "1600", "2000"}  # spices, fruit, vegetables, nuts, legumes, grains
MEAT_WORDS = re.compile(
    r"\b(beef|pork|ham|bacon|chicken|turkey|duck|goose|lamb|veal|meat|meats|sausage|salami|pepperoni|bologna|"
    r"frankfurter|hot ?dog|fish|tuna|salmon|cod|anchov\w*|sardine\w*|shrimp|crab|clam\w*|oyster\w*|lobster|"
    r"scallop\w*|mussel\w*|squid|octopus|lard|tallow|gelatin\w*|broth|bouillon|liver|giblets|poultry|"
    r"chorizo|venison|bison|rabbit|fish oil|cod liver|menhaden|herring|mackerel|pollock|catfish|trout|tilapia)\b",
    re.IGNORECASE,
)
ANIMAL_PRODUCT_WORDS = re.compile(
    r"\b(milk|cheese|egg|eggs|butter|buttermilk|cream|yogurt|yoghurt|whey|casein|honey|ghee|custard|"
    r"mayonnaise|ice cream|pudding|cheesecake|chocolate, milk|milk chocolate)\b",
    re.IGNORECASE,
)
PLANT_MILK = re.compile(r"\b(soy ?milk|almond milk|rice milk|oat milk|coconut milk|soymilk|"
                        r"cocoa butter|peanut butter|nut butter|almond butter|sesame butter|apple butter|"
                        r"butternut|butterhead|buttercup|butter beans?)\b", re.IGNORECASE)


def diet(group: str, desc: str) -> str:
    """vegan, vegetarian or "" (has meat or fish), from the food group and the words of the USDA
    description. Prepared foods of mixed groups are called vegan only when no word names an animal
    product, and baked goods and sweets, whose recipes often hold milk or egg unnamed, never are."""
    if group in ANIMAL_GROUPS or MEAT_WORDS.search(desc):
        return ""
    plantish = PLANT_MILK.sub("", desc)
    if group == "0100" or ANIMAL_PRODUCT_WORDS.search(plantish):
        return "vegetarian"
    if group in PLANT_GROUPS or group in ("0400", "1400"):  # fats and oils, drinks: named if animal
        return "vegan"
    return "vegetarian"


SALT_VARIANT = re.compile(
    r",?\s*\b(with(out)? (added )?salt|(un)?salted|no salt added|salt added|without added salt|with added salt|"
    r"low sodium|reduced sodium)\b", re.IGNORECASE,
)


def family(desc: str) -> str:
    """Salted and unsalted copies of one food share a family: one row is shown for them."""
    return re.sub(r"\s+", " ", SALT_VARIANT.sub("", desc)).strip(" ,").lower()


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else HERE.parent / "shared" / "usda-sr28"
    out = Path(argv[2]) if len(argv) > 2 else HERE / "data" / "foods"
    nutrients = tomllib.loads((HERE / "data" / "foods" / "nutrients.toml").read_text(encoding="utf-8"))["nutrient"]
    wanted: dict[str, list[str]] = {n["id"]: n["sr28"] for n in nutrients}
    by_number: dict[str, list[str]] = {}
    for nid, numbers in wanted.items():
        for number in numbers:
            by_number.setdefault(number, []).append(nid)

    groups = {code: name for code, name in read(src / "FD_GROUP.txt")}
    foods = {r[0]: r for r in read(src / "FOOD_DES.txt")}
    measures: dict[str, list[tuple[str, str, float]]] = {}
    for ndb, seq, amount, desc, grams, *_ in read(src / "WEIGHT.txt"):
        measures.setdefault(ndb, []).append((seq, f"{float(amount):g} {desc}", float(grams)))
    servings = {ndb: pick_serving(foods[ndb][1], ms) for ndb, ms in measures.items() if ndb in foods}

    values: dict[str, dict[str, float]] = {}
    with gzip.open(src / "NUT_DATA.slim.txt.gz", "rt", encoding="latin-1") as fh:
        for line in fh:
            ndb, number, value = fields(line)[:3]
            for nid in by_number.get(number, ()):
                values.setdefault(ndb, {})
                values[ndb][nid] = values[ndb].get(nid, 0.0) + float(value)

    out.mkdir(parents=True, exist_ok=True)
    columns = list(wanted)
    with open(out / "foods.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["ndb", "group", "common", "diet", "family", "name", "serving", "grams", *columns])
        for ndb in sorted(foods, key=int):
            food = foods[ndb]
            group, desc, manufacturer = food[1], food[2], food[5]
            serving, grams = servings.get(ndb, ("", None))
            row = values.get(ndb, {})
            writer.writerow([
                int(ndb), groups[group], int(is_common(ndb, group, desc, manufacturer)), diet(group, desc), family(desc),
                desc, serving,
                "" if grams is None else f"{grams:g}",
                *("" if c not in row else f"{row[c]:g}" for c in columns),
            ])
    print(f"wrote {len(foods)} foods x {len(columns)} nutrients to {out / 'foods.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
