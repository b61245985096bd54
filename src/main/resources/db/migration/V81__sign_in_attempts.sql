-- Sign-in and registration attempts per network address, counted in the database so that the
-- limit holds across every node: one row per address and its current five-minute window.
CREATE TABLE sign_in_attempts (
    address      TEXT PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    attempts     INT NOT NULL
);

CREATE INDEX sign_in_attempts_window ON sign_in_attempts (window_start);
