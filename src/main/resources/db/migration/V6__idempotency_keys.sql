-- Idempotency-Key of POST /api/quote-requests and POST /api/tickets: the first answer to a key, replayed to a
-- retry with the same key and body. The row is written in the transaction that creates the ticket or quote, so a
-- key and what it created commit together; a concurrent retry waits on the primary key until the first commits.
CREATE TABLE idempotency_key (
    idempotency_key   VARCHAR(255)   NOT NULL,
    endpoint          VARCHAR(100)   NOT NULL,
    request_hash      VARCHAR(64)    NOT NULL,
    response_status   INT,
    response_type     VARCHAR(100),
    response_location VARCHAR(500),
    response_body     VARCHAR(20000),
    created_at        TIMESTAMP      NOT NULL,
    expires_at        TIMESTAMP      NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (idempotency_key, endpoint)
);
CREATE INDEX ix_idempotency_key_expires ON idempotency_key (expires_at);
