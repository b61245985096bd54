-- The language an officer reads the portal's e-mails in (a BCP 47 tag the bundles know).
ALTER TABLE officer ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-TW'));
