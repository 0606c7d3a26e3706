-- 003: uploads checked and waiting to be published, so any server can publish what another checked.
-- Removed when published, or a day after they were checked.

CREATE TABLE staged_uploads (
  id uuid PRIMARY KEY,
  report text NOT NULL,
  csv bytea NOT NULL,
  outside bytea,
  staged_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX staged_uploads_age ON staged_uploads (staged_at);
