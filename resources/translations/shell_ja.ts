<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="116"/>
        <source>Open the other workspace anyway?</source>
        <translation>別のワークスペースを開きますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="156"/>
        <source>Quit Facilitator anyway?</source>
        <translation>Facilitator を終了しますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="173"/>
        <source>Switch the language anyway?</source>
        <translation>言語を切り替えますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="195"/>
        <source>Changes in %1 have not been saved.</source>
        <translation>「%1」の変更が保存されていません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="196"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="204"/>
        <source>The phone server is running: phones can no longer check in or answer the survey.</source>
        <translation>スマートフォン用サーバーが動いています。終了するとスマートフォンから受付やアンケート回答ができなくなります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="207"/>
        <source>A session is being presented: the projector and the console will close.</source>
        <translation>セッションを発表中です。プロジェクター画面と発表者画面が閉じます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="230"/>
        <source>New workspace</source>
        <translation>新しいワークスペース</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="232"/>
        <location filename="../../facilitator/ui/app_controller.py" line="262"/>
        <source>Workspaces (*.sqlite)</source>
        <translation>ワークスペース (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="239"/>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 は既に存在します。別の名前を指定してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="247"/>
        <source>Open workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="249"/>
        <source>Workspaces (*.sqlite);;All files (*)</source>
        <translation>ワークスペース (*.sqlite);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="260"/>
        <source>Back up workspace</source>
        <translation>ワークスペースのバックアップ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="272"/>
        <source>Backed up to %1.</source>
        <translation>%1 にバックアップしました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="294"/>
        <source>Logs: %1</source>
        <translation>ログ：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/app_controller.py" line="311"/>
        <source>Something went wrong. Your saved data is safe.
Details are in the log file:
%1</source>
        <translation>問題が発生しました。保存済みのデータは失われていません。
詳細はログファイルにあります：
%1</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../facilitator/app.py" line="233"/>
        <source>Event</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="238"/>
        <source>Roster &amp; sessions</source>
        <translation>名簿とセッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="242"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="249"/>
        <source>Agenda</source>
        <translation>アジェンダ</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="255"/>
        <source>Feedback</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="257"/>
        <source>Certificates</source>
        <translation>修了証</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="205"/>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
    <message>
        <location filename="../../facilitator/app.py" line="196"/>
        <source>Records</source>
        <translation>記録</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="81"/>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="99"/>
        <source>Add session</source>
        <translation>セッションを追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="101"/>
        <source>Remove session</source>
        <translation>セッションを削除</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="153"/>
        <source>Title</source>
        <translation>研修名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="154"/>
        <source>Date</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="155"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="156"/>
        <source>Issuer</source>
        <translation>修了証の発行者</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="157"/>
        <source>Signatory</source>
        <translation>修了証の署名者</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="158"/>
        <source>Training hours</source>
        <translation>研修時間</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="163"/>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/form.py" line="259"/>
        <source>Not saved. Problems to correct, marked below: %1.</source>
        <translation>保存できませんでした。修正が必要な項目（下に表示）：%1 件</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../../facilitator/ui/events/list_model.py" line="28"/>
        <source>Title</source>
        <translation>研修名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/list_model.py" line="29"/>
        <source>Date</source>
        <translation>開催日</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/list_model.py" line="30"/>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/list_model.py" line="31"/>
        <source>Attendees</source>
        <translation>受講者数</translation>
    </message>
</context>
<context>
    <name>EventView</name>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="72"/>
        <location filename="../../facilitator/ui/events/view.py" line="203"/>
        <source>New event</source>
        <translation>新しい研修</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="85"/>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="103"/>
        <source>Events in this workspace</source>
        <translation>このワークスペースの研修</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="191"/>
        <source>Edit event</source>
        <translation>研修の編集</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="225"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="231"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="244"/>
        <source>Event</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="251"/>
        <location filename="../../facilitator/ui/events/view.py" line="265"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更があります</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/view.py" line="266"/>
        <source>The event you are editing has unsaved changes. Discard them?</source>
        <translation>編集中の研修に保存していない変更があります。破棄しますか？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="54"/>
        <source>%1 — Facilitator</source>
        <translation>%1 — Facilitator</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="78"/>
        <source>The open workspace file</source>
        <translation>開いているワークスペースのファイル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="168"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="171"/>
        <source>&amp;New workspace…</source>
        <translation>新しいワークスペース(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="177"/>
        <source>&amp;Open workspace…</source>
        <translation>ワークスペースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="181"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったワークスペース(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="189"/>
        <source>&amp;Back up workspace…</source>
        <translation>ワークスペースをバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="191"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="198"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="199"/>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="213"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/main_window.py" line="214"/>
        <source>&amp;About Facilitator</source>
        <translation>Facilitator について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="81"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="82"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="83"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="84"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="85"/>
        <source>Room</source>
        <translation>会場（部屋）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/events/session_table_model.py" line="86"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
</context>
</TS>
