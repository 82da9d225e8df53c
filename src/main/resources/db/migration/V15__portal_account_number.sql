-- Issue 12: a registration may give the company's account number. It never links a login by itself (anyone could type
-- a number they guessed): the number travels with the confirmation link that the registration emailed, and once the
-- owner of the address confirmed it and no order names the address, it waits on the login as a claim that customer
-- care links (to the company the number matches) or rejects on /customer-accounts.
ALTER TABLE portal_token ADD COLUMN account_number VARCHAR(40);
ALTER TABLE portal_account ADD COLUMN claimed_account_number VARCHAR(40);
