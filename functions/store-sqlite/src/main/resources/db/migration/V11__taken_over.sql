-- 1 when staff took an imported offer over from its feed: the import leaves it alone.
ALTER TABLE offers ADD COLUMN taken_over INTEGER NOT NULL DEFAULT 0;
