namespace ProgramOps.Web.Features.Demo;

/// <summary>A word as written, as read in katakana, and in romaji for e-mail addresses.</summary>
public sealed record NamePart(string Written, string Kana, string Romaji);

/// <summary>The vocabulary demo organisations and people are composed from. Entirely fictional.</summary>
public static class DemoNames
{
    public static readonly NamePart[] CompanyStems =
    [
        new("東和", "トウワ", "towa"), new("北星", "ホクセイ", "hokusei"), new("大和", "ヤマト", "yamato"),
        new("三光", "サンコウ", "sanko"), new("日進", "ニッシン", "nisshin"), new("富士見", "フジミ", "fujimi"),
        new("青葉", "アオバ", "aoba"), new("中央", "チュウオウ", "chuo"), new("桜井", "サクライ", "sakurai"),
        new("丸山", "マルヤマ", "maruyama"), new("新星", "シンセイ", "shinsei"), new("朝日", "アサヒ", "asahi"),
        new("光陽", "コウヨウ", "koyo"), new("東邦", "トウホウ", "toho"), new("西海", "サイカイ", "saikai"),
        new("白鷺", "シラサギ", "shirasagi"), new("港南", "コウナン", "konan"), new("松葉", "マツバ", "matsuba"),
        new("若葉", "ワカバ", "wakaba"), new("明和", "メイワ", "meiwa"), new("昭栄", "ショウエイ", "shoei"),
        new("協和", "キョウワ", "kyowa"), new("千代田", "チヨダ", "chiyoda"), new("浪速", "ナニワ", "naniwa"),
        new("瀬戸内", "セトウチ", "setouchi"), new("北陸", "ホクリク", "hokuriku"), new("東海", "トウカイ", "tokai"),
        new("九州", "キュウシュウ", "kyushu"), new("信濃", "シナノ", "shinano"), new("みなと", "ミナト", "minato"),
        new("葵", "アオイ", "aoi"), new("平和", "ヘイワ", "heiwa"), new("旭", "アサヒ", "asahi"),
        new("太陽", "タイヨウ", "taiyo"), new("双葉", "フタバ", "futaba"), new("金剛", "コンゴウ", "kongo"),
        new("銀河", "ギンガ", "ginga"), new("清流", "セイリュウ", "seiryu"), new("紅葉", "モミジ", "momiji"),
        new("山城", "ヤマシロ", "yamashiro"),
    ];

    /// <summary>Optional middle words that make otherwise equal names distinct.</summary>
    public static readonly NamePart[] CompanyQualifiers =
    [
        new("", "", ""), new("日本", "ニホン", "nihon"), new("東日本", "ヒガシニホン", "higashinihon"),
        new("西日本", "ニシニホン", "nishinihon"), new("中部", "チュウブ", "chubu"), new("関西", "カンサイ", "kansai"),
        new("国際", "コクサイ", "kokusai"), new("総合", "ソウゴウ", "sogo"), new("第一", "ダイイチ", "daiichi"),
        new("新", "シン", "shin"), new("東京", "トウキョウ", "tokyo"), new("大阪", "オオサカ", "osaka"),
        new("名古屋", "ナゴヤ", "nagoya"), new("札幌", "サッポロ", "sapporo"), new("福岡", "フクオカ", "fukuoka"),
        new("横浜", "ヨコハマ", "yokohama"),
    ];

    public static readonly NamePart[] Industries =
    [
        new("製薬", "セイヤク", "pharma"), new("工業", "コウギョウ", "kogyo"), new("商事", "ショウジ", "shoji"),
        new("電機", "デンキ", "denki"), new("化学", "カガク", "kagaku"), new("建設", "ケンセツ", "kensetsu"),
        new("物流", "ブツリュウ", "logi"), new("食品", "ショクヒン", "foods"), new("精機", "セイキ", "seiki"),
        new("運輸", "ウンユ", "unyu"), new("不動産", "フドウサン", "fudosan"), new("システムズ", "システムズ", "systems"),
        new("電子", "デンシ", "denshi"), new("印刷", "インサツ", "insatsu"), new("鉄鋼", "テッコウ", "tekko"),
        new("製作所", "セイサクショ", "seisakusho"), new("ホールディングス", "ホールディングス", "hd"),
        new("サービス", "サービス", "service"), new("エンジニアリング", "エンジニアリング", "eng"), new("製紙", "セイシ", "seishi"),
    ];

    public static readonly NamePart[] Surnames =
    [
        new("佐藤", "サトウ", "sato"), new("鈴木", "スズキ", "suzuki"), new("高橋", "タカハシ", "takahashi"),
        new("田中", "タナカ", "tanaka"), new("伊藤", "イトウ", "ito"), new("渡辺", "ワタナベ", "watanabe"),
        new("山本", "ヤマモト", "yamamoto"), new("中村", "ナカムラ", "nakamura"), new("小林", "コバヤシ", "kobayashi"),
        new("加藤", "カトウ", "kato"), new("吉田", "ヨシダ", "yoshida"), new("山口", "ヤマグチ", "yamaguchi"),
        new("松本", "マツモト", "matsumoto"), new("井上", "イノウエ", "inoue"), new("木村", "キムラ", "kimura"),
        new("林", "ハヤシ", "hayashi"), new("清水", "シミズ", "shimizu"), new("山崎", "ヤマザキ", "yamazaki"),
        new("森", "モリ", "mori"), new("池田", "イケダ", "ikeda"), new("橋本", "ハシモト", "hashimoto"),
        new("石川", "イシカワ", "ishikawa"), new("前田", "マエダ", "maeda"), new("藤田", "フジタ", "fujita"),
    ];

    public static readonly NamePart[] GivenNames =
    [
        new("健一", "ケンイチ", "kenichi"), new("誠", "マコト", "makoto"), new("大輔", "ダイスケ", "daisuke"),
        new("直樹", "ナオキ", "naoki"), new("翔太", "ショウタ", "shota"), new("拓也", "タクヤ", "takuya"),
        new("和也", "カズヤ", "kazuya"), new("陽子", "ヨウコ", "yoko"), new("恵子", "ケイコ", "keiko"),
        new("美穂", "ミホ", "miho"), new("由美", "ユミ", "yumi"), new("真理子", "マリコ", "mariko"),
        new("彩", "アヤ", "aya"), new("葵", "アオイ", "aoi"), new("裕子", "ユウコ", "yuko"),
        new("智子", "トモコ", "tomoko"), new("浩二", "コウジ", "koji"), new("亮", "リョウ", "ryo"),
    ];

    public static readonly string[] EmployerDecisionMakerTitles = ["人事部長", "総務部長", "取締役 人事担当", "人事部 部長代理"];
    public static readonly string[] SocietyDecisionMakerTitles = ["常務理事", "事務長", "保健事業部長"];
    public static readonly string[] HealthContactTitles = ["健康管理室 保健師", "産業保健師", "健康推進課 課長", "保健事業担当 保健師"];
    public static readonly string[] ChampionTitles = ["人事部 健康経営推進担当", "総務課 主任", "安全衛生委員"];
    public static readonly string[] OtherTitles = ["経理部 担当", "購買部 担当", "総務課 担当"];

    public static readonly string[] Programs =
    [
        "禁煙プログラム（3か月）", "禁煙プログラム（6か月）", "オンライン禁煙外来パッケージ", "卒煙チャレンジ（健保共同実施）",
    ];

    public static readonly string[] Departments =
    [
        "営業部", "営業部 第一課", "営業部 第二課", "総務部", "人事部", "経理部", "開発部", "製造部 第一工場", "製造部 第二工場",
        "品質保証部", "物流センター", "購買部", "情報システム部", "研究所", "カスタマーサポート部", "経営企画室",
    ];

    public static readonly string[] AreaCodes = ["03", "06", "052", "011", "092", "045", "075", "022"];

    public static readonly string[] Notes =
    [
        "健康経営優良法人の認定を目指している。", "喫煙率の高い事業所が複数ある。", "前年度の参加率が低く、周知方法を見直し中。",
        "健保と共同で実施予定。", "役員会で予算承認済み。", "担当者が4月に異動予定。",
    ];
}
