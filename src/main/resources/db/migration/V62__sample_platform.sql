-- The sample platform's content (a stand-in for the platform's own systems behind the
-- ContentControls SPI): posts, accounts, URLs and apps, withheld per jurisdiction or removed.
CREATE TABLE sample_platform_item (
    value        text        PRIMARY KEY,
    withheld_in  text[]      NOT NULL DEFAULT '{}',
    removed      boolean     NOT NULL DEFAULT false,
    changed_at   timestamptz NOT NULL
);
