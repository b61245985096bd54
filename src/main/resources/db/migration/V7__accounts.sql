-- The platform's accounts, as far as Custodian needs them to route requests: identifiers
-- (stored normalised) and the holder's home jurisdiction. A platform fills this from its own
-- systems, or replaces AccountDirectory with its own implementation.
CREATE TABLE platform_account (
    id                text    PRIMARY KEY,
    username          text    UNIQUE,
    email             text    UNIQUE,
    phone             text    UNIQUE,
    home_jurisdiction char(2) NOT NULL
);
