-- Satisfaction surveys (PST-03, SUP-10): one row a survey sent, its answer when it comes.
CREATE TABLE survey (
    id                  VARCHAR(36)   NOT NULL,
    token_hash          VARCHAR(64)   NOT NULL,
    questionnaire       VARCHAR(40)   NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    business_key        VARCHAR(64),
    recipient_email     VARCHAR(254)  NOT NULL,
    rated_user_id       VARCHAR(64),
    rated_user_name     VARCHAR(200),
    answer_message      VARCHAR(100)  NOT NULL,
    status              VARCHAR(12)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    answered_at         TIMESTAMP,
    satisfaction        INTEGER,
    person_rating       INTEGER,
    answer_comment      VARCHAR(2000),
    CONSTRAINT pk_survey PRIMARY KEY (id)
);
CREATE INDEX ix_survey_process_instance ON survey (process_instance_id);

-- Customers told about outages (PST-04): one row an email address.
CREATE TABLE outage_subscriber (
    email        VARCHAR(254)  NOT NULL,
    company_name VARCHAR(200),
    order_number VARCHAR(32),
    added_at     TIMESTAMP     NOT NULL,
    CONSTRAINT pk_outage_subscriber PRIMARY KEY (email)
);
