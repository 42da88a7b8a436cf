-- A roster commit writes its participants in slices of a few thousand rows, each its own short transaction, so event
-- batches and staff saves are not held up for seconds behind one 100,000-row transaction (issue 17). What makes that
-- safe:
--   AdmissionFingerprint: a digest of what decided the preview's admissions (the client's cohorts and their dates, the
--     people already taking part, the seats left). A commit starts only when it is still the same, so it enrols exactly
--     what the person saw; otherwise nothing is written and the roster is checked again.
--   CommittedThroughLine: the last file line of the last slice written. A commit cut off by a crash resumes after it;
--     while it is set the import can be finished but neither discarded nor mapped again.
ALTER TABLE RosterImports ADD COLUMN AdmissionFingerprint INTEGER NULL;
ALTER TABLE RosterImports ADD COLUMN CommittedThroughLine INTEGER NULL;
