-- The compiled store. Built from data/ by compile.py; never edited by hand.
PRAGMA foreign_keys = OFF;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- every id, name and alias of every thing, normalised (text.normalize), for name resolution
CREATE TABLE names (
    name TEXT NOT NULL,
    kind TEXT NOT NULL,          -- ingredient | condition | system | drug
    id TEXT NOT NULL,
    display TEXT NOT NULL,       -- the name or alias as written, for completion
    PRIMARY KEY (kind, name, id)
) WITHOUT ROWID;

CREATE TABLE systems (id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT NOT NULL, aliases TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE conditions (id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT NOT NULL, aliases TEXT NOT NULL);
CREATE TABLE condition_systems (system_id TEXT NOT NULL REFERENCES systems (id), condition_id TEXT NOT NULL REFERENCES conditions (id), PRIMARY KEY (system_id, condition_id)) WITHOUT ROWID;
CREATE INDEX condition_systems_by_condition ON condition_systems (condition_id);
-- every condition below a broad one (the closure of the `broader` links): nausea -> motion sickness, ...
CREATE TABLE condition_narrower (broad_id TEXT NOT NULL REFERENCES conditions (id), narrower_id TEXT NOT NULL REFERENCES conditions (id),
                                 PRIMARY KEY (broad_id, narrower_id)) WITHOUT ROWID;
-- a condition's profile: what_it_is, symptoms, see_a_doctor, conventional_care, sources, reviewed
CREATE TABLE profiles (condition_id TEXT PRIMARY KEY REFERENCES conditions (id), profile TEXT NOT NULL);
-- a narrower condition without a profile of its own that shows its broad condition's (`covers`)
CREATE TABLE profile_covers (condition_id TEXT PRIMARY KEY REFERENCES conditions (id),
                             profile_of TEXT NOT NULL REFERENCES profiles (condition_id)) WITHOUT ROWID;

CREATE TABLE ingredients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, latin_name TEXT NOT NULL,
    summary TEXT NOT NULL, aliases TEXT NOT NULL, systems TEXT NOT NULL,
    profile TEXT NOT NULL        -- JSON: functions, deficiency, at_risk, toxicity, doses_studied, forms, safety, intake
);

CREATE TABLE cards (
    ingredient_id TEXT NOT NULL REFERENCES ingredients (id), condition_id TEXT NOT NULL REFERENCES conditions (id),
    validity TEXT NOT NULL, rating INTEGER NOT NULL, verdict TEXT NOT NULL, synopsis TEXT NOT NULL,
    study_types TEXT NOT NULL, refs TEXT NOT NULL, reviewed TEXT NOT NULL,
    rubric_step TEXT,            -- A-G: the step of RUBRIC.md (version 2) that gave the rating
    PRIMARY KEY (ingredient_id, condition_id)
);
CREATE INDEX cards_by_condition ON cards (condition_id, rating DESC);
CREATE INDEX cards_by_ingredient_rating ON cards (ingredient_id, rating DESC);

CREATE TABLE drugs (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL);
-- drug_id is related to every class above it and every class or drug below it (and itself)
CREATE TABLE drug_related (drug_id TEXT NOT NULL REFERENCES drugs (id), related_id TEXT NOT NULL REFERENCES drugs (id), PRIMARY KEY (drug_id, related_id)) WITHOUT ROWID;

-- written interactions of an ingredient with a drug, a class or another ingredient (kind 'written'),
-- and drug-induced nutrient depletion (kind 'depletion': the ingredient is the nutrient the drug lowers)
CREATE TABLE interactions (
    ingredient_id TEXT NOT NULL REFERENCES ingredients (id), with_kind TEXT NOT NULL,
    with_id TEXT NOT NULL,  -- a drugs.id or an ingredients.id, as with_kind says
    position INTEGER NOT NULL,
    kind TEXT NOT NULL, severity TEXT NOT NULL, evidence TEXT, mechanism TEXT, effect TEXT NOT NULL,
    advice TEXT NOT NULL, sources TEXT NOT NULL  -- JSON: [{citation, url|pmid|doi}]
);
CREATE INDEX interactions_by_with ON interactions (with_id);
CREATE INDEX interactions_by_ingredient ON interactions (ingredient_id, position);
-- effect tags (effects.toml) of each ingredient and drug; a drug's include those of every class above it
CREATE TABLE effects (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE item_effects (item_kind TEXT NOT NULL, item_id TEXT NOT NULL, effect_id TEXT NOT NULL REFERENCES effects (id),
                           PRIMARY KEY (item_kind, item_id, effect_id)) WITHOUT ROWID;
-- tags that add up or interfere; `severity` is already capped by the written interactions of that kind
CREATE TABLE effect_pairs (a TEXT NOT NULL, b TEXT NOT NULL, severity TEXT NOT NULL, mechanism TEXT NOT NULL,
                           effect TEXT NOT NULL, advice TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;

-- food composition derived from USDA SR28 (data/foods): the table `foods` is made by compile.py,
-- one row per food with a column (amount per 100 g) and an index for each nutrient in food_values
CREATE TABLE food_values (nutrient TEXT PRIMARY KEY, sr28 TEXT NOT NULL, unit TEXT NOT NULL, label TEXT NOT NULL, dv REAL,
                          column_name TEXT NOT NULL, note TEXT);

-- title: the thing's names and aliases (ranked ten times a word of the body); body: its prose
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED, ref UNINDEXED, label UNINDEXED, title, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- where each thing's row of the index is (kind and ref are not indexed in FTS5)
CREATE TABLE search_rows (kind TEXT NOT NULL, ref TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (kind, ref)) WITHOUT ROWID;
-- the words of the index (porter stems), for suggesting a spelling when a search finds nothing
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');
