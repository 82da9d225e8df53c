-- The managers' ticket figures (KPI-02, KPI-05, KPI-06, escalations, reopen rate): one summary row per ticket or
-- service request, written by the support steps in the same transaction as the step (support.Tickets), so that one
-- indexed range query by creation time serves the dashboard instead of joining the timeline and the engine's history.
-- Tickets older than this table get their row from their timeline and history once, at start-up (support.TicketKpis).
CREATE TABLE ticket_kpi (
    ticket_number        VARCHAR(20)   NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    support_group        VARCHAR(64),
    assignee             VARCHAR(64),
    status               VARCHAR(32)   NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    first_response_at    TIMESTAMP,
    resolved_at          TIMESTAMP,
    closed_at            TIMESTAMP,
    first_response_met   BOOLEAN,
    resolution_met       BOOLEAN,
    escalations          INT           DEFAULT 0 NOT NULL,
    reopen_count         INT           DEFAULT 0 NOT NULL,
    customer_confirmed   BOOLEAN,
    confirmation_comment VARCHAR(4000),
    CONSTRAINT pk_ticket_kpi PRIMARY KEY (ticket_number)
);
CREATE INDEX ix_ticket_kpi_created ON ticket_kpi (created_at);
CREATE INDEX ix_ticket_kpi_group_created ON ticket_kpi (support_group, created_at);
CREATE INDEX ix_ticket_kpi_assignee_created ON ticket_kpi (assignee, created_at);
