-- 001: the live data, every version ever published, and the audit log.
-- Applied once, in one transaction, by lib/store/migrate.ts; recorded in schema_migrations.

-- One row: the live datapackage.json and a counter that moves with every change (readers compare
-- it to know when to read again; NOTIFY atlas_store carries it to every server at once).
CREATE TABLE store_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL DEFAULT 1,
  package_text text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Every version of every dataset: its CSV bytes and their SHA-256. Immutable once written; listed
-- (meta set) when it goes live. A version whose meta is null was kept by a change that did not
-- finish, or is the bundled data before its first replacement.
CREATE TABLE dataset_versions (
  dataset text NOT NULL CHECK (dataset ~ '^[a-z0-9][a-z0-9._-]*$'),
  id text NOT NULL CHECK (id ~ '^\d{8}T\d{9}Z-[0-9a-f]{12}$'),
  hash text NOT NULL CHECK (hash ~ '^sha256:[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size >= 0),
  content bytea NOT NULL,
  meta jsonb,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset, id),
  CHECK (octet_length(content) = size)
);

-- What the history holds is never rewritten or removed: only a version's listing (meta, once).
CREATE FUNCTION dataset_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'dataset versions are never deleted (% %)', OLD.dataset, OLD.id;
  END IF;
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.size IS DISTINCT FROM OLD.size
     OR NEW.dataset IS DISTINCT FROM OLD.dataset OR NEW.id IS DISTINCT FROM OLD.id
     OR (OLD.meta IS NOT NULL AND NEW.meta IS DISTINCT FROM OLD.meta) THEN
    RAISE EXCEPTION 'dataset version % % is immutable', OLD.dataset, OLD.id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE OR DELETE ON dataset_versions
  FOR EACH ROW EXECUTE FUNCTION dataset_versions_immutable();

-- The current version of each live CSV, by its path in the package.
CREATE TABLE live_files (
  path text PRIMARY KEY,
  dataset text NOT NULL UNIQUE,
  version_id text NOT NULL,
  FOREIGN KEY (dataset, version_id) REFERENCES dataset_versions (dataset, id)
);

-- The audit log: appended, never rewritten. seq orders it; id is the entry's own.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  time timestamptz NOT NULL,
  entry jsonb NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
