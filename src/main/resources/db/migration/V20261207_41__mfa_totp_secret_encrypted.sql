-- The authenticator app secret is kept encrypted (AES-GCM, "v1:" then base64 of nonce and ciphertext), which is
-- longer than the Base32 secret itself. Rows written before are encrypted when the service next starts
-- (mfa/TotpSecretUpgrade).
ALTER TABLE mfa_totp ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
