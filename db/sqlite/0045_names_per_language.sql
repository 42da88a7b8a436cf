-- Names per language for what staff read in both languages (issue 15):
--   Shipments.ItemEn     the English name of the shipped item, copied from the program definition's shipment as the
--                        Japanese name (Item) is; the items of the two templates get theirs here, other stored
--                        shipments keep none (an English page names them by their supply week).
--   RoutingRules.NameJa  the Japanese name of a routing rule beside its English one (Name); the default rules get
--                        theirs here, a rule an administrator added keeps none until it is edited.

ALTER TABLE Shipments ADD COLUMN ItemEn TEXT NULL;

UPDATE Shipments SET ItemEn = CASE Item
    WHEN 'ニコチンパッチ・ガム 初回キット' THEN 'Nicotine patch and gum starter kit'
    WHEN 'ニコチン置換 2回目キット' THEN 'Nicotine replacement kit 2'
    WHEN 'ニコチン置換 3回目キット' THEN 'Nicotine replacement kit 3'
    WHEN '体組成計' THEN 'Body composition scale'
END;

ALTER TABLE RoutingRules ADD COLUMN NameJa TEXT NULL;

UPDATE RoutingRules SET NameJa = CASE Name
    WHEN 'A client asked for it' THEN 'クライアントからの依頼'
    WHEN 'App defects' THEN 'アプリの不具合'
    WHEN 'App-wide screens and settings' THEN 'アプリ全体の画面と設定'
    WHEN 'Client account words' THEN 'クライアントアカウントの言葉'
    WHEN 'Contracts and client reports' THEN '契約とクライアント向け報告'
    WHEN 'Helps every app user' THEN 'アプリの全ユーザーに役立つ'
    WHEN 'Participant-only content' THEN '参加者だけのコンテンツ'
    WHEN 'Program vocabulary' THEN 'プログラムの言葉'
    WHEN 'Reported by a client organisation' THEN 'クライアント組織からの報告'
    WHEN 'Specific to the program''s outcome or operations' THEN 'プログラムの成果・運営に固有'
    WHEN 'Supplies and peer teams' THEN '配送とピアチーム'
END;
