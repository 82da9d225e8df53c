-- The KPI page narrowed to a support group counts the surveys of that group's tickets: each survey of the period is
-- looked up by its process instance in the tickets' summary rows, and this index answers that alone (no second read
-- of the row for its group).
CREATE INDEX ix_ticket_kpi_process_group ON ticket_kpi (process_instance_id, support_group);
