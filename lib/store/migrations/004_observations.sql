-- 004: every version's rows as a table, for SQL over the data (researchers, checks, reports).
-- Written with the version's bytes, in the same transaction, and as immutable as they are. The site
-- itself serves the bytes; these rows are what those bytes say, column for column.

CREATE TABLE observations (
  dataset text NOT NULL,
  version_id text NOT NULL,
  row_number integer NOT NULL,
  indicator text NOT NULL,
  period text NOT NULL,
  geography text NOT NULL,
  age_group text NOT NULL,
  unit text NOT NULL,
  estimate double precision,
  ci_lower double precision,
  ci_upper double precision,
  interval_type text,
  series text NOT NULL,
  revision integer NOT NULL,
  qualifiers text,
  source text NOT NULL,
  note text,
  PRIMARY KEY (dataset, version_id, row_number),
  FOREIGN KEY (dataset, version_id) REFERENCES dataset_versions (dataset, id)
);

CREATE FUNCTION observations_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'observations are immutable: they are what a stored version says';
END $$;

CREATE TRIGGER observations_immutable BEFORE UPDATE OR DELETE ON observations
  FOR EACH ROW EXECUTE FUNCTION observations_immutable();

-- The rows that are live now.
CREATE VIEW live_observations AS
  SELECT o.* FROM observations o JOIN live_files l ON l.dataset = o.dataset AND l.version_id = o.version_id;
