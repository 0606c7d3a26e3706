-- 002: staff accounts, the session-signing key and the counts behind the sign-in and upload limits,
-- so every server shares them: a session made on one is good on all, and a limit holds across all.

CREATE TABLE staff_accounts (
  email text PRIMARY KEY CHECK (email = lower(email) AND length(email) <= 254),
  password_hash text NOT NULL,
  created timestamptz NOT NULL,
  session_version integer NOT NULL CHECK (session_version >= 1)
);

-- Secrets the servers share (the key that signs session cookies), made once by whichever asks first.
CREATE TABLE store_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);

-- One row per counted attempt; rows older than their window are deleted as keys are tried again.
CREATE TABLE rate_events (
  id bigserial PRIMARY KEY,
  limiter text NOT NULL,
  key text NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX rate_events_key ON rate_events (limiter, key, at);
