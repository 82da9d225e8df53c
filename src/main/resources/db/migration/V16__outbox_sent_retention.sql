-- issue 14: the bodies, calendar invite and attached files of a SENT email are removed once it is older than
-- touchpoint.mail.sent-retention (io.touchpoint.notification.SentEmailRetention): they are most of the outbox's size.
-- The row stays, with its recipients, subject, Message-ID (which also keeps a repeated step from queueing it again)
-- and sent time, so that customer care still sees that the email went out; body_removed_at says when its body went.
ALTER TABLE outbox_email ADD COLUMN body_removed_at TIMESTAMP;
-- the next SENT emails whose bodies are due to go, oldest first, without reading those already emptied
CREATE INDEX ix_outbox_email_sent ON outbox_email (status, body_removed_at, sent_at);
