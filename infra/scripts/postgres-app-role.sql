-- One app's PostgreSQL role, with rights on its own database only. Idempotent: run it on every provision.
-- psql variables: role (the app identity's name, which Dapr's state.postgresql connects as), oid (the identity's
-- Entra object id), database (the app's database). Run as the Entra administrator, connected to `postgres`.
\set ON_ERROR_STOP on

-- Azure's function maps the role to the Entra object (a managed identity is a 'service'); not an administrator.
SELECT format('SELECT * FROM pgaadauth_create_principal_with_oid(%L, %L, %L, false, false)', :'role', :'oid', 'service')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :'role') \gexec

-- Only the app's role (and the administrators, through ownership) may connect to its database: PUBLIC may by default.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'role') \gexec

-- Dapr creates its state and metadata tables in the public schema of the app's database (PostgreSQL 15+ gives
-- PUBLIC no CREATE there).
\connect :database
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'role') \gexec
