-- Attendance per date, marked by staff: a JSON object {sessionId: "PRESENT" | "ABSENT"}.
ALTER TABLE enrolments ADD COLUMN attendance TEXT;
