-- Names per language for what staff read in both languages. The same as db/sqlite/0045_names_per_language.sql, which
-- explains each column. DbUp splits this script on GO.

ALTER TABLE Shipments ADD ItemEn NVARCHAR(200) NULL;
GO

UPDATE Shipments SET ItemEn = CASE Item
    WHEN N'ニコチンパッチ・ガム 初回キット' THEN N'Nicotine patch and gum starter kit'
    WHEN N'ニコチン置換 2回目キット' THEN N'Nicotine replacement kit 2'
    WHEN N'ニコチン置換 3回目キット' THEN N'Nicotine replacement kit 3'
    WHEN N'体組成計' THEN N'Body composition scale'
END;

ALTER TABLE RoutingRules ADD NameJa NVARCHAR(100) NULL;
GO

UPDATE RoutingRules SET NameJa = CASE Name
    WHEN N'A client asked for it' THEN N'クライアントからの依頼'
    WHEN N'App defects' THEN N'アプリの不具合'
    WHEN N'App-wide screens and settings' THEN N'アプリ全体の画面と設定'
    WHEN N'Client account words' THEN N'クライアントアカウントの言葉'
    WHEN N'Contracts and client reports' THEN N'契約とクライアント向け報告'
    WHEN N'Helps every app user' THEN N'アプリの全ユーザーに役立つ'
    WHEN N'Participant-only content' THEN N'参加者だけのコンテンツ'
    WHEN N'Program vocabulary' THEN N'プログラムの言葉'
    WHEN N'Reported by a client organisation' THEN N'クライアント組織からの報告'
    WHEN N'Specific to the program''s outcome or operations' THEN N'プログラムの成果・運営に固有'
    WHEN N'Supplies and peer teams' THEN N'配送とピアチーム'
END;
