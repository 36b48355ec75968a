-- Warm referral (issue 7): who enrolled the person on their behalf, and what they explained.
-- In DynamoDB: referrerId, referrerName, consentNote on the enrolment item, and gsi1pk
-- REFERRER#{referrerId} so a professional lists their own referrals.
ALTER TABLE enrolments ADD COLUMN referrer_id TEXT;
ALTER TABLE enrolments ADD COLUMN referrer_name TEXT;
ALTER TABLE enrolments ADD COLUMN consent_note TEXT;
CREATE INDEX enrolments_by_referrer ON enrolments (referrer_id, created_at);
