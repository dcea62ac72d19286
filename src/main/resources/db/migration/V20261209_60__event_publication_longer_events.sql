-- An event is stored as JSON in event_publication, in the publishing transaction. casework's CasesErased names up to
-- 500 referral ids (one erasure batch): at seven-digit ids that is over 4,000 characters, and a failed insert would
-- roll back the erasure. Room for 100,000 characters keeps such batches, and PostgreSQL widens a VARCHAR in place.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(100000);
