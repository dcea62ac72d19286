-- When the referral's personal data was erased; the row stays, as milestones and cases refer to it.
ALTER TABLE referral ADD COLUMN erased_at TIMESTAMP;
CREATE INDEX idx_referral_status_decided ON referral (status, decided_at);
CREATE INDEX idx_referral_upload_created ON referral_upload (created_at);
