<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Areas</name>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="39"/>
        <source>Records</source>
        <translation>記録</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="65"/>
        <source>An SQLite file or postgresql://user@host/database; empty: the default</source>
        <translation>SQLite ファイル、または postgresql://ユーザー@ホスト/データベース。空欄なら既定の記録</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="67"/>
        <source>Show the records</source>
        <translation>記録を表示</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="68"/>
        <source>Push to records…</source>
        <translation>記録に送る…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="69"/>
        <source>Copy this event to another laptop…</source>
        <translation>この研修を別のパソコンにコピー…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="74"/>
        <source>Records database:</source>
        <translation>記録データベース：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="84"/>
        <source>Attendance by department and training</source>
        <translation>所属・研修ごとの受講状況</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="89"/>
        <source>Staff number</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="90"/>
        <source>Show history</source>
        <translation>履歴を表示</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="94"/>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="95"/>
        <source>Date</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="96"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="97"/>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="98"/>
        <source>Checked in</source>
        <translation>受付時刻</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="99"/>
        <source>Certificate</source>
        <translation>修了証</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="107"/>
        <source>A person&apos;s history</source>
        <translation>個人の受講履歴</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="137"/>
        <source>Reading the records…</source>
        <translation>記録を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../facilitator/ui/records/view.py" line="141"/>
        <source>%n training(s) in the records.</source>
        <translation>
            <numerusform>記録にある研修：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="147"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="165"/>
        <source>%1 / %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="174"/>
        <source>Type a staff number.</source>
        <translation>職員番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="185"/>
        <source>Nobody with that staff number is in the records.</source>
        <translation>その職員番号の人は記録にありません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="192"/>
        <source>%1 (revoked)</source>
        <translation>%1（取消）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="197"/>
        <source>Yes</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="197"/>
        <source>No</source>
        <translation>欠席</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="221"/>
        <source>Pushing the event to the records…</source>
        <translation>研修を記録に送っています…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="230"/>
        <source>Push to records</source>
        <translation>記録に送る</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="239"/>
        <location filename="../../facilitator/ui/records/view.py" line="265"/>
        <source>Copy this event to another laptop</source>
        <translation>この研修を別のパソコンにコピー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="241"/>
        <source>Copied event (*.facilitator-event)</source>
        <translation>研修のコピー (*.facilitator-event)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../facilitator/ui/records/view.py" line="256"/>
        <source>Wrote the event with %n attendee(s) to %1. On the other laptop, import it with: facilitator event import --db WORKSPACE %2</source>
        <translation>
            <numerusform>受講者 %n 名の研修を %1 に出力しました。もう 1 台のパソコンで次のように取り込んでください：facilitator event import --db ワークスペース %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/records/view.py" line="272"/>
        <source>Records</source>
        <translation>記録</translation>
    </message>
</context>
</TS>
