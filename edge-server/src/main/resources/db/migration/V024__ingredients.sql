-- Ingredient stock and recipes. An ingredient is counted in whole grams, millilitres or pieces;
-- its stock on hand is the sum of its movements, each a row here and an ingredient.moved entry,
-- written in the ledger write of the sale, void, refund, delivery, count or adjustment that made
-- it. Stock may go below zero (counts drift) unless the ingredient refuses to be oversold.
CREATE TABLE ingredients (
    id               VARCHAR(64) PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    unit             VARCHAR(8) NOT NULL,
    on_hand          BIGINT NOT NULL,
    -- stock.low is raised when on_hand falls to low_at or below, once until it rises above again
    low_at           BIGINT,
    is_low           BOOLEAN NOT NULL,
    refuse_short     BOOLEAN NOT NULL,
    defined_seq      BIGINT NOT NULL,
    CHECK (unit IN ('g', 'ml', 'piece')),
    CHECK (NOT refuse_short OR on_hand >= 0)
);

-- What one unit of a product (variant_id '') or of one of its variants takes; a variant's recipe,
-- when it has one, is used instead of its product's.
CREATE TABLE recipe_lines (
    product_id     VARCHAR(64) NOT NULL,
    variant_id     VARCHAR(64) NOT NULL,
    ingredient_id  VARCHAR(64) NOT NULL REFERENCES ingredients (id),
    quantity       BIGINT NOT NULL CHECK (quantity > 0),
    set_seq        BIGINT NOT NULL,
    PRIMARY KEY (product_id, variant_id, ingredient_id)
);

CREATE TABLE ingredient_moves (
    ledger_seq     BIGINT PRIMARY KEY,
    ingredient_id  VARCHAR(64) NOT NULL REFERENCES ingredients (id),
    delta          BIGINT NOT NULL,
    reason         VARCHAR(16) NOT NULL,
    sale_id        VARCHAR(64),
    refund_id      VARCHAR(64),
    on_hand        BIGINT NOT NULL,
    note           VARCHAR(200),
    staff_id       VARCHAR(64),
    moved_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX ingredient_moves_ingredient ON ingredient_moves (ingredient_id, ledger_seq);
CREATE INDEX ingredient_moves_sale ON ingredient_moves (sale_id);

-- What each line of a sale took of each ingredient per unit sold, as the recipe said then: what a
-- refund of some of the line's units gives back, whatever the recipe says by then.
CREATE TABLE ingredient_uses (
    sale_id        VARCHAR(64) NOT NULL,
    line_no        INT NOT NULL,
    ingredient_id  VARCHAR(64) NOT NULL,
    per_unit       BIGINT NOT NULL,
    ledger_seq     BIGINT NOT NULL,
    PRIMARY KEY (sale_id, line_no, ingredient_id)
);
