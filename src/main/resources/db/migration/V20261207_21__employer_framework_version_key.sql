-- The framework version an employer works to (the employer table is the foundation's; its column waited for this).
ALTER TABLE employer ADD CONSTRAINT fk_employer_framework_version
    FOREIGN KEY (framework_version_id) REFERENCES framework_version (id);
