-- 我的 shows the caller's latest unit application (under review, or not admitted with the reason):
-- read on every visit to 我的, so by applicant and newest first.
create index if not exists org_unit_by_applicant on org_unit (applicant_id, created_at desc) where applicant_id is not null;
