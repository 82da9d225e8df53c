-- A reminder carries a link of its own: the process never holds a survey token, only the hashes are stored.
ALTER TABLE survey ADD COLUMN reminder_token_hash VARCHAR(64);
