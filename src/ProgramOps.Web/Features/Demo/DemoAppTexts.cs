namespace ProgramOps.Web.Features.Demo;

/// <summary>What demo participants write in the app: check-in notes by how the day went, relapse notes, feedback. Fictional.</summary>
public static class DemoAppTexts
{
    public static readonly string[] NotesBeforeQuitDay =
    [
        "禁煙開始日に向けて、タバコの本数を記録し始めた。", "キットが届いた。パッチの貼り方を動画で確認。", "家族に禁煙することを宣言した。",
        "朝のコーヒーと一緒の一本がやめられるか不安。",
    ];

    public static readonly string[] NotesHardDay =
    [
        "朝のコーヒーの後が一番つらい。", "会議が続いてイライラ。ガムで何とか乗り切った。", "飲み会で周りが吸っていて本当にきつかった。",
        "夜、寝る前に吸いたくなる。深呼吸で耐えた。", "仕事のトラブルで吸いたい気持ちが強かった。",
    ];

    public static readonly string[] NotesGoodDay =
    [
        "チームのみんなの投稿に励まされた。", "階段を上っても息切れしなくなってきた。", "ご飯がおいしく感じる。",
        "タバコ代が浮いた分で家族と外食した。", "吸いたい気持ちがだいぶ減ってきた。", "禁煙できていることを同僚にほめられた。",
        "朝起きたときの口の中の不快感がなくなった。",
    ];

    public static readonly string[] NotesSmoked =
    [
        "1本だけ吸ってしまった。明日からまた頑張る。", "ストレスで吸ってしまった。", "付き合いで吸ってしまい後悔している。",
    ];

    public static readonly string[] RelapseNotes =
    [
        "残業続きで吸ってしまった。", "飲み会で勧められて断れなかった。", "家庭のことでストレスがたまって再開してしまった。",
    ];

    public static readonly string[] Feedback =
    [
        "パッチで肌がかぶれやすいので、別の種類を選べるようにしてほしい。",
        "チームチャットの通知が多すぎて、夜中にも鳴るのが困る。",
        "チェックインを夜に忘れがちなので、リマインドの時刻を自分で決めたい。",
        "会社に禁煙の状況が知られてしまわないか心配です。",
        "2回目のキットがいつ届くのかアプリで確認できるとうれしい。",
    ];
}
