-- KPI-07: first visits of the quote page and the customer portal, one row a new visitor (a random id in a
-- first-party cookie; no address, no user agent, nothing personal), and whether that visitor then sent a quote request.
CREATE TABLE kpi_visitor (
    visitor_id         VARCHAR(36)  NOT NULL,
    first_page         VARCHAR(10)  NOT NULL,
    first_seen_at      TIMESTAMP    NOT NULL,
    quote_requested_at TIMESTAMP,
    CONSTRAINT pk_kpi_visitor PRIMARY KEY (visitor_id)
);
CREATE INDEX ix_kpi_visitor_first_seen ON kpi_visitor (first_seen_at);

-- The managers' KPIs read tickets by creation time, their timeline by ticket and event type, the engine's variables
-- of a ticket by its process instance, and surveys by when they were sent and answered.
CREATE INDEX ix_support_ticket_created ON support_ticket (created_at);
CREATE INDEX ix_support_ticket_process ON support_ticket (process_instance_id);
CREATE INDEX ix_support_ticket_event_type ON support_ticket_event (ticket_number, event_type, occurred_at);
CREATE INDEX ix_survey_created ON survey (created_at);
CREATE INDEX ix_survey_answered ON survey (answered_at);
