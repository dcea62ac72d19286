-- Passkeys (WebAuthn) as a second factor (docs/security.md, "Passkeys"). The tables and columns are the ones
-- Spring Security's JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and write
-- (its user-entities-schema.sql and user-credentials-schema-postgres.sql), with named constraints, binary
-- columns that both H2 and PostgreSQL take, and the lengths the service checks.

-- One row per person who has begun registering a passkey: name is their email address, as they sign in with it.
CREATE TABLE user_entities (
    id                           VARCHAR(1000) NOT NULL,
    name                         VARCHAR(254)  NOT NULL,
    display_name                 VARCHAR(254),
    CONSTRAINT pk_user_entities PRIMARY KEY (id),
    CONSTRAINT uq_user_entities_name UNIQUE (name)
);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    -- The name the person gave the passkey ("Work laptop"); PasskeyNames checks it before it gets here.
    label                        VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_user_credentials PRIMARY KEY (credential_id),
    CONSTRAINT fk_user_credentials_user_entity FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
);

CREATE INDEX idx_user_credentials_user_entity ON user_credentials (user_entity_user_id);
