<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="91"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="92"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="93"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="94"/>
        <source>Undo delete</source>
        <translation>削除を元に戻す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="101"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="105"/>
        <source>May be shortened to catch up</source>
        <translation>遅れを取り戻すために短縮してよい</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="108"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="111"/>
        <source> s left</source>
        <translation> 秒前</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="114"/>
        <source>One line per bullet</source>
        <translation>1行に1項目</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="123"/>
        <source>Save item</source>
        <translation>項目を保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="134"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="137"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="138"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="143"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="144"/>
        <source>Duration</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="145"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="147"/>
        <source>Amber warning at</source>
        <translation>黄の警告（残り）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="148"/>
        <source>Red warning at</source>
        <translation>赤の警告（残り）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="149"/>
        <source>Slide heading</source>
        <translation>スライドの見出し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="150"/>
        <source>Slide bullets</source>
        <translation>スライドの箇条書き</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="151"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="321"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="335"/>
        <source>Slide picture</source>
        <translation>スライドの画像</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="152"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="347"/>
        <location filename="../../facilitator/ui/agenda/editor.py" line="360"/>
        <source>PDF deck</source>
        <translation>PDF資料</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="153"/>
        <source>PDF pages (from, to)</source>
        <translation>PDFのページ（開始、終了）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="154"/>
        <source>Presenter notes</source>
        <translation>発表者メモ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="166"/>
        <source>Talk</source>
        <translation>講義</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="167"/>
        <source>Exercise</source>
        <translation>演習</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="168"/>
        <source>Discussion</source>
        <translation>討議</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="169"/>
        <source>Break</source>
        <translation>休憩</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="170"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="171"/>
        <source>Feedback</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="172"/>
        <source>Closing</source>
        <translation>閉会</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="198"/>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="285"/>
        <source>New item</source>
        <translation>新しい項目</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="321"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="336"/>
        <source>%1 cannot be opened as a picture (PNG or JPEG).</source>
        <translation>%1 は画像（PNG または JPEG）として開けません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="347"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="361"/>
        <source>%1 cannot be opened as a PDF.</source>
        <translation>%1 は PDF として開けません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/editor.py" line="379"/>
        <source>Agenda</source>
        <translation>アジェンダ</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="68"/>
        <source>Present…</source>
        <translation>発表を開始…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="72"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="89"/>
        <source>Planned clock times</source>
        <translation>予定時刻</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="96"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="98"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出し…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="101"/>
        <source>Export PDF…</source>
        <translation>PDF に書き出し…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="112"/>
        <source>Planned vs actual minutes; red: overran, green: finished early.</source>
        <translation>予定と実績（分）。赤：超過、緑：早く終了。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="127"/>
        <location filename="../../facilitator/ui/agenda/view.py" line="293"/>
        <location filename="../../facilitator/ui/agenda/view.py" line="296"/>
        <source>Agenda</source>
        <translation>アジェンダ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="128"/>
        <source>Planned vs actual</source>
        <translation>予定と実績</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="165"/>
        <location filename="../../facilitator/ui/agenda/view.py" line="203"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="165"/>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="182"/>
        <source>%1: the agenda ends at %2, %3 min after the session ends (%4).</source>
        <translation>%1：アジェンダの終了は %2 で、セッション終了（%4）より %3 分超過します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="191"/>
        <source>The agenda does not fit the slot.</source>
        <translation>アジェンダが時間枠に収まりません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="206"/>
        <source>%1 planned</source>
        <translation>%1 予定</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="207"/>
        <source>%1 actual</source>
        <translation>%1 実績</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="208"/>
        <source>%1 difference</source>
        <translation>%1 差</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="264"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="264"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="266"/>
        <source>Export planned vs actual</source>
        <translation>予定と実績を書き出し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="286"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="286"/>
        <source>Saved %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="296"/>
        <source>Could not save: %1</source>
        <translation>保存できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="239"/>
        <source>Actual times are recorded when a session is presented with Present… on the session&apos;s own date; each item&apos;s time counts from when it is shown until the next item. Rehearsals (presenting on another day) are not recorded.</source>
        <translation>実績は、セッション当日に「発表…」で進行したときに記録されます（各項目の時間は、表示してから次の項目へ進むまで）。別の日に行ったリハーサルは記録されません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="245"/>
        <source>Nothing recorded yet: what was presented so far was a rehearsal, on another day than the session&apos;s.</source>
        <translation>まだ実績がありません。これまでの進行は、セッションの日とは別の日に行ったリハーサルでした。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="249"/>
        <source>Nothing recorded yet: no session has been presented on its date.</source>
        <translation>まだ実績がありません。どのセッションもまだ当日に進行していません。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../facilitator/ui/agenda/view.py" line="54"/>
        <source>Agenda</source>
        <translation>アジェンダ</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <location filename="../../facilitator/ui/agenda/audience_window.py" line="81"/>
        <source>Projector — %1</source>
        <translation>プロジェクター — %1</translation>
    </message>
</context>
<context>
    <name>CatchUpBanner</name>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="31"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="32"/>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="59"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="63"/>
        <source>%1 min behind. Shorten: %2</source>
        <translation>%1分遅れています。短縮案：%2</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="68"/>
        <source> (still %1 min late)</source>
        <translation>（それでも %1分遅れ）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_catchup.py" line="75"/>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
</context>
<context>
    <name>ConsoleButtons</name>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="31"/>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="101"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="32"/>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="111"/>
        <source>Pause (P)</source>
        <translation>一時停止 (P)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="33"/>
        <source>◀ Previous item</source>
        <translation>◀ 前の項目</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="34"/>
        <source>Next item ▶</source>
        <translation>次の項目 ▶</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="35"/>
        <source>◁ Page</source>
        <translation>◁ ページ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="36"/>
        <source>Page ▷</source>
        <translation>ページ ▷</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="37"/>
        <source>−1 min</source>
        <translation>−1分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="38"/>
        <source>+1 min</source>
        <translation>+1分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="39"/>
        <source>Blackout (B)</source>
        <translation>暗転 (B)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="45"/>
        <source>Jump</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="47"/>
        <source>Swap screens</source>
        <translation>画面を入れ替え</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="49"/>
        <source>Show projector</source>
        <translation>プロジェクター画面を表示</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="53"/>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="134"/>
        <source>Finish session</source>
        <translation>セッション終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="54"/>
        <source>Open the survey at the feedback item</source>
        <translation>フィードバック項目でアンケートを自動で開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="101"/>
        <source>Reopen session</source>
        <translation>セッションを再開</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="111"/>
        <source>Resume (P)</source>
        <translation>再開 (P)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_buttons.py" line="135"/>
        <source>Finish the session now? Its end time is recorded for the report.</source>
        <translation>セッションを今終了しますか？ 終了時刻が予実レポートに記録されます。</translation>
    </message>
</context>
<context>
    <name>NoticeAlert</name>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="130"/>
        <source>This is the last item. To end the session, press “Finish session”.</source>
        <translation>最後の項目です。セッションを終えるには「セッション終了」を押してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="133"/>
        <source>The session has finished. “Reopen session” or Jump continues it.</source>
        <translation>セッションは終了しています。続けるには「セッションを再開」または「移動」を押してください。</translation>
    </message>
</context>
<context>
    <name>PhoneAlert</name>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="71"/>
        <source>Start the survey</source>
        <translation>アンケートを開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="88"/>
        <source>The phone server is not running: the projector shows “starting shortly” instead of a QR. Start the server in the Check-in area.</source>
        <translation>スマートフォン用サーバーが停止しています。プロジェクターには QR の代わりに「まもなく始まります」と表示しています。「受付」画面でサーバーを開始してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="92"/>
        <source>Opening the survey…</source>
        <translation>アンケートを開始しています…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="95"/>
        <source>The survey is not open: the projector shows “the survey will start shortly” until you start it.</source>
        <translation>アンケートはまだ開始していません。開始するまで、プロジェクターには「アンケートはまもなく始まります」と表示します。</translation>
    </message>
</context>
<context>
    <name>PresenterConsole</name>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="66"/>
        <source>Presenter — %1</source>
        <translation>発表者画面 — %1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="129"/>
        <source>Now</source>
        <translation>現在時刻</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="131"/>
        <source>Planned end</source>
        <translation>予定終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="133"/>
        <source>Projected end</source>
        <translation>見込み終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="135"/>
        <source>Pace</source>
        <translation>進行</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="140"/>
        <source>Next</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="143"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="169"/>
        <source>(last item)</source>
        <translation>（最後の項目）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="181"/>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="211"/>
        <source>Not started</source>
        <translation>未開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="182"/>
        <source>Running</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="183"/>
        <source>PAUSED</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="184"/>
        <source>Finished</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="186"/>
        <source> · BLACKOUT</source>
        <translation> · 暗転中</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="187"/>
        <source> · rehearsal</source>
        <translation> · リハーサル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="213"/>
        <source>Over %1</source>
        <translation>超過 %1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="215"/>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="278"/>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="282"/>
        <source>On time</source>
        <translation>予定どおり</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="285"/>
        <source>%1 min ahead</source>
        <translation>%1分早い</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="286"/>
        <source>%1 min behind</source>
        <translation>%1分遅れ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_console.py" line="217"/>
        <source>PAUSED  %1</source>
        <translation>一時停止中  %1</translation>
    </message>
</context>
<context>
    <name>PresenterController</name>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_controller.py" line="158"/>
        <source>%1 / %2 checked in</source>
        <translation>受付済み %1 / %2 人</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_controller.py" line="163"/>
        <source>%1 responses</source>
        <translation>回答 %1 件</translation>
    </message>
</context>
<context>
    <name>PresenterLauncher</name>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_launcher.py" line="83"/>
        <source>Present</source>
        <translation>発表</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_launcher.py" line="94"/>
        <source>「%1」 was running when Facilitator stopped (%2 left). Resume it?</source>
        <translation>Facilitator が終了したとき「%1」が進行中でした（残り %2）。再開しますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/presenter_launcher.py" line="98"/>
        <source>Resume session</source>
        <translation>セッションの再開</translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="297"/>
        <source>Resume at %1</source>
        <translation>再開 %1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="339"/>
        <source>Scan the code with your phone&apos;s camera to check in.</source>
        <translation>スマートフォンのカメラでコードを読み取って受付してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="341"/>
        <source>Scan the code with your phone&apos;s camera to answer the survey.</source>
        <translation>スマートフォンのカメラでコードを読み取ってアンケートにお答えください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="355"/>
        <source>Thank you</source>
        <translation>ありがとうございました</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="310"/>
        <source>Check-in will open shortly</source>
        <translation>受付はまもなく始まります</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="312"/>
        <source>The survey will start shortly</source>
        <translation>アンケートはまもなく始まります</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/slide.py" line="337"/>
        <source>Please wait a moment.</source>
        <translation>しばらくお待ちください。</translation>
    </message>
</context>
<context>
    <name>StateAlert</name>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="40"/>
        <source>BLACKOUT — the projector is black (B to show it again)</source>
        <translation>暗転中 — プロジェクターは黒い画面です（B で戻す）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/agenda/console_alerts.py" line="42"/>
        <source>PAUSED — the clock is stopped (P to resume)</source>
        <translation>一時停止中 — 時計は止まっています（P で再開）</translation>
    </message>
</context>
</TS>
