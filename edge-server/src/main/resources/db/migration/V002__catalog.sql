-- The store's settings and catalog. One row in store_settings: this box serves one store.
CREATE TABLE store_settings (
    id                      INT PRIMARY KEY CHECK (id = 1),
    store_id                VARCHAR(64) NOT NULL,
    store_name              VARCHAR(200) NOT NULL,
    currency                CHAR(3) NOT NULL,
    service_charge_bp       INT NOT NULL,
    rounding_increment      BIGINT NOT NULL,
    rounding_mode           VARCHAR(16) NOT NULL,
    catalog_version         BIGINT NOT NULL
);

CREATE TABLE tax_rates (
    id         VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    rate_bp    INT NOT NULL,
    inclusive  BOOLEAN NOT NULL
);

CREATE TABLE categories (
    id        VARCHAR(64) PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    position  INT NOT NULL
);

CREATE TABLE products (
    id           VARCHAR(64) PRIMARY KEY,
    sku          VARCHAR(64),
    barcode      VARCHAR(64),
    name         VARCHAR(200) NOT NULL,
    category_id  VARCHAR(64) REFERENCES categories (id),
    price        BIGINT NOT NULL,
    tax_id       VARCHAR(64) REFERENCES tax_rates (id),
    track_stock  BOOLEAN NOT NULL,
    station      VARCHAR(64),
    position     INT NOT NULL
);

CREATE TABLE product_variants (
    product_id   VARCHAR(64) NOT NULL REFERENCES products (id),
    id           VARCHAR(64) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    price_delta  BIGINT NOT NULL,
    position     INT NOT NULL,
    PRIMARY KEY (product_id, id)
);

CREATE TABLE product_modifiers (
    product_id  VARCHAR(64) NOT NULL REFERENCES products (id),
    id          VARCHAR(64) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    price       BIGINT NOT NULL,
    position    INT NOT NULL,
    PRIMARY KEY (product_id, id)
);

-- Stock on hand for products that track it; every change has a movement row and a ledger entry.
CREATE TABLE stock_levels (
    product_id  VARCHAR(64) PRIMARY KEY REFERENCES products (id),
    on_hand     BIGINT NOT NULL CHECK (on_hand >= 0)
);

CREATE TABLE stock_movements (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id  VARCHAR(64) NOT NULL REFERENCES products (id),
    delta       BIGINT NOT NULL,
    reason      VARCHAR(64) NOT NULL,
    sale_id     VARCHAR(64),
    ledger_seq  BIGINT NOT NULL,
    moved_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements (product_id);
