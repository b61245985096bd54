-- The application's database role in production (README "Configuration", docs/adr/0009).
-- Run once as the owner role (the one that owns the schema and runs Flyway) after the first
-- migration; later tables get the same rights through the default privileges. The application
-- role owns nothing, so it can neither disable a trigger nor drop or alter a table; on the audit
-- tables it may only read and append (the chain functions move the head as their owner).
GRANT USAGE ON SCHEMA public TO custodian_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO custodian_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO custodian_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO custodian_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO custodian_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_head, audit_pending, audit_checkpoint, audit_checkpoint_key FROM custodian_app;
REVOKE INSERT ON audit_head FROM custodian_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM custodian_app;
