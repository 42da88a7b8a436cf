-- A roster commit writes its participants in slices, each its own short transaction (see the SQLite script):
-- AdmissionFingerprint lets a commit start only while what decided the preview's admissions is unchanged, and
-- CommittedThroughLine is where a commit cut off by a crash resumes.
ALTER TABLE RosterImports ADD AdmissionFingerprint BIGINT NULL, CommittedThroughLine INT NULL;
