<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Areas</name>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="51"/>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="33"/>
        <source>Comments in the report</source>
        <translation>報告書に載せるコメント</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="37"/>
        <source>Ticked comments go into the report. Comments that could name a person (a name from the roster, 〜さん, 〜課長, an e-mail address…) start unticked.</source>
        <translation>チェックしたコメントが報告書に載ります。人を特定できる可能性のあるコメント（名簿の氏名、〜さん、〜課長、メールアドレスなど）は、最初はチェックを外しています。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="45"/>
        <source>Default</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="46"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="47"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="83"/>
        <source>Could name a person: %1</source>
        <translation>人を特定できる可能性：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/comments_panel.py" line="109"/>
        <source>%1 of %2 comments ticked; %3 could name a person.</source>
        <translation>コメント %2 件中 %1 件をチェック（人を特定できる可能性あり：%3 件）</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="89"/>
        <source>Event report (研修実施報告書)</source>
        <translation>研修実施報告書</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="91"/>
        <source>Attendees&apos; report drafts (受講報告書)</source>
        <translation>受講報告書（受講者ごとの下書き）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="94"/>
        <source>Department heads&apos; digests (所属長)</source>
        <translation>所属長あての受講状況</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="101"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="112"/>
        <location filename="../../facilitator/ui/reports/view.py" line="192"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="114"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="116"/>
        <source>ZIP, one file each…</source>
        <translation>ZIP（1件ずつのファイル）…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="118"/>
        <source>Folder, one file each…</source>
        <translation>フォルダー（1件ずつのファイル）…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="120"/>
        <source>Fill our Excel form…</source>
        <translation>市の様式（Excel）に差し込む…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="124"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="132"/>
        <source>Report:</source>
        <translation>報告書：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="136"/>
        <source>Export:</source>
        <translation>出力：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="192"/>
        <source>One PDF with all…</source>
        <translation>1つのPDFにまとめる…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="197"/>
        <source>For the DX committee: the event and its sessions, the agenda as planned and as run, attendance by session and department, certificates, the survey AM against PM, the difficulty balance and the comments you tick.</source>
        <translation>DX推進委員会向け：研修とセッション、アジェンダの予定と実績、セッション・所属別の出席、修了証、AMとPMのアンケート結果、難易度のバランス、チェックしたコメント。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="202"/>
        <source>One A4 draft per attendee who checked in: the day, the agenda as delivered, their own written answers (not for an anonymous survey), and blank boxes for remarks and the department head. Or fill the city&apos;s own Excel form ({{氏名}}, {{所属}}, {{回答:action}}…) for each.</source>
        <translation>受付済みの受講者ごとにA4の下書き1枚：研修の日時、実施したアジェンダ、本人の記述回答（無記名のアンケートでは載せません）、所見と所属長確認の空欄。市の様式（Excel）に {{氏名}}・{{所属}}・{{回答:action}} などを差し込むこともできます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="208"/>
        <source>One page per department: who was assigned, who came, who did not, who moved session, their pledges, and the department&apos;s averages when at least 3 of them answered.</source>
        <translation>所属ごとに1ページ：割当、出席・欠席、セッションの振替、取り組みたいこと、回答者が3名以上の場合は所属の平均。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="264"/>
        <location filename="../../facilitator/ui/reports/view.py" line="272"/>
        <location filename="../../facilitator/ui/reports/view.py" line="281"/>
        <location filename="../../facilitator/ui/reports/view.py" line="294"/>
        <source>Export report</source>
        <translation>報告書の出力</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="264"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="274"/>
        <location filename="../../facilitator/ui/reports/view.py" line="305"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="281"/>
        <source>ZIP (*.zip)</source>
        <translation>ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="287"/>
        <source>Folder for the reports</source>
        <translation>報告書の出力先フォルダー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="295"/>
        <source>Files in %1 with the same names will be replaced. Continue?</source>
        <translation>%1 内の同じ名前のファイルは置き換えられます。続けますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="305"/>
        <source>The city&apos;s Excel form</source>
        <translation>市の様式（Excel）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="319"/>
        <source>Exporting…</source>
        <translation>出力しています…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="349"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="358"/>
        <source>Wrote %1 file(s) to %2.</source>
        <translation>%2 に %1 件を出力しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="363"/>
        <source>The survey is anonymous, so no one&apos;s answers were included.</source>
        <translation>アンケートが無記名のため、個人の回答は含めていません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="369"/>
        <source>Export cancelled; no file was written.</source>
        <translation>出力をキャンセルしました。ファイルは作成していません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/reports/view.py" line="383"/>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
</context>
</TS>
