-- Drafts and called-off offers; a public note per session (why it was called off or changed).
ALTER TABLE offers ADD COLUMN status TEXT NOT NULL DEFAULT 'PUBLISHED';
ALTER TABLE sessions ADD COLUMN note TEXT;
