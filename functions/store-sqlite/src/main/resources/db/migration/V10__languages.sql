-- The languages an offer is given in (JSON array of ISO 639 codes); NULL for offers saved before: Dutch.
ALTER TABLE offers ADD COLUMN languages TEXT;
