-- The quit day a participant set in the app (quit_date_set); where the program says so, only after the first kit arrived.

ALTER TABLE Participants ADD QuitDate DATE NULL;
