-- Readable, gap-tolerant business numbers per kind and year: Q-2026-00042, O-2026-00017.
CREATE TABLE business_number (
    kind       VARCHAR(8)  NOT NULL,
    number_year INTEGER     NOT NULL,
    last_value INTEGER     NOT NULL,
    CONSTRAINT pk_business_number PRIMARY KEY (kind, number_year)
);
