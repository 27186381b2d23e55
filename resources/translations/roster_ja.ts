<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AttendeeDialog</name>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="40"/>
        <source>Edit attendee</source>
        <translation>受講者の編集</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="40"/>
        <source>Add attendee</source>
        <translation>受講者の追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="46"/>
        <source>Staff no.</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="47"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="48"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="49"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="50"/>
        <source>Title</source>
        <translation>職名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="51"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="52"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="53"/>
        <source>Preference</source>
        <translation>希望</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/attendee_dialog.py" line="63"/>
        <source>No preference</source>
        <translation>希望なし</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="56"/>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="279"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="60"/>
        <source>Automatic</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="60"/>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS（CP932）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="62"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="73"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="73"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="73"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="82"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="85"/>
        <source>Import the valid rows only</source>
        <translation>正しい行だけ取り込む</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="88"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="99"/>
        <source>File: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="101"/>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="109"/>
        <source>Staff no. *</source>
        <translation>職員番号 *</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="110"/>
        <source>Name *</source>
        <translation>氏名 *</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="111"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="112"/>
        <source>Department *</source>
        <translation>所属 *</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="113"/>
        <source>Title</source>
        <translation>職名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="114"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="115"/>
        <source>Preference</source>
        <translation>希望</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="116"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="125"/>
        <source>Which column holds which field (* required):</source>
        <translation>各項目が入っている列（* は必須）：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="143"/>
        <source>Reading the file…</source>
        <translation>ファイルを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="163"/>
        <source>(not in file)</source>
        <translation>（ファイルにない）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="208"/>
        <source>Choose the column for: %1</source>
        <translation>次の項目の列を選んでください：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="215"/>
        <source>%1 rows read (encoding: %2). Check the columns, then import.</source>
        <translation>%1 行を読み込みました（文字コード：%2）。列の割り当てを確認してから取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="237"/>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="264"/>
        <source>Nothing was imported: %1 problem(s) below. Fix the file, or import the valid rows only.</source>
        <translation>何も取り込んでいません。下の %1 件の問題があります。ファイルを直すか、正しい行だけを取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="274"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="281"/>
        <source>%1 attendees in the workspace are not in this file (staff no. %2). Remove them? Attendees with check-ins, answers or certificates are always kept.</source>
        <translation>ワークスペースにいる %1 名がこのファイルにありません（職員番号 %2）。削除しますか？受付・アンケート・修了証の記録がある受講者は削除しません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/import_dialog.py" line="117"/>
        <source>Unavailable (不可)</source>
        <translation>不可</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="50"/>
        <source>Admission slips (all)…</source>
        <translation>受講票（全員）…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="51"/>
        <source>Admission slips for the selected attendees…</source>
        <translation>選択した受講者の受講票（再印刷）…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="53"/>
        <source>Replace lost slips for the selected attendees (old QR stops working)…</source>
        <translation>選択した受講者の受講票を再発行（紛失時・旧QRは無効）…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="55"/>
        <source>Attendance sheets…</source>
        <translation>出席簿…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="56"/>
        <source>Department notices…</source>
        <translation>所属別のお知らせ…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="71"/>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="77"/>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="121"/>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="72"/>
        <source>Select the attendees whose slips to reprint in the table first.</source>
        <translation>先に一覧で、受講票を再印刷する受講者を選択してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="79"/>
        <source>Print new slips for %1 attendees? Their current slips&apos; QR codes will no longer check them in.</source>
        <translation>%1 名の受講票を再発行しますか？いまの受講票の QR コードでは受付できなくなります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="85"/>
        <source>Save PDF</source>
        <translation>PDF の保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="85"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="113"/>
        <source>Saved %1 (attendees: %2).</source>
        <translation>%1 を保存しました（%2 名分）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="118"/>
        <source>%1 attendees without a session were left out.</source>
        <translation>セッション未割当の %1 名は含めていません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/print_menu.py" line="54"/>
        <source>Admission slips of attendees who moved…</source>
        <translation>移動した受講者の受講票（再印刷）…</translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="45"/>
        <source>Import roster</source>
        <translation>名簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="47"/>
        <source>Rosters (*.csv *.tsv *.txt *.xlsx)</source>
        <translation>名簿ファイル (*.csv *.tsv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="70"/>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 not in the file (%5 removed).</source>
        <translation>取り込みました：追加 %1 名、更新 %2 名、変更なし %3 名、ファイルにない受講者 %4 名（うち削除 %5 名）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="84"/>
        <source>Export roster</source>
        <translation>名簿の書き出し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="86"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="94"/>
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/roster_files.py" line="95"/>
        <source>Wrote %1 attendees to %2.</source>
        <translation>%1 名を %2 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="51"/>
        <source>Staff no.</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="52"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="53"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="54"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="55"/>
        <source>Title</source>
        <translation>職名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="56"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="57"/>
        <source>Preference</source>
        <translation>希望</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="58"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="59"/>
        <location filename="../../facilitator/ui/roster/table_model.py" line="113"/>
        <source>Locked</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="60"/>
        <source>Checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="100"/>
        <source>Placed by hand: automatic assignment keeps this attendee here.</source>
        <translation>手動で配置：自動割り当てでもこのセッションのままにします。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="112"/>
        <source>Unassigned</source>
        <translation>未割当</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/table_model.py" line="114"/>
        <source>Yes</source>
        <translation>済</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="101"/>
        <source>Search name, kana, staff no. or department</source>
        <translation>氏名・ふりがな・職員番号・所属で検索</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="108"/>
        <source>Checked in or not</source>
        <translation>受付状況：すべて</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="109"/>
        <source>Checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="110"/>
        <source>Not checked in</source>
        <translation>未受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="123"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="125"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="126"/>
        <source>Assign sessions</source>
        <translation>自動割り当て</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="128"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="129"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="130"/>
        <location filename="../../facilitator/ui/roster/view.py" line="357"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="132"/>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="189"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="191"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="201"/>
        <source>Drag attendees between sessions, or right-click for more. Moved attendees are locked: automatic assignment keeps them where you put them.</source>
        <translation>受講者をドラッグしてセッション間で移動できます（右クリックでその他の操作）。移動した受講者は固定され、自動割り当てでも動きません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="209"/>
        <source>Attendees</source>
        <translation>受講者一覧</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="210"/>
        <source>Sessions</source>
        <translation>セッション別</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="234"/>
        <source>Create an event first; its roster appears here.</source>
        <translation>先に研修を作成してください。名簿はここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="253"/>
        <source>All sessions</source>
        <translation>すべてのセッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="256"/>
        <source>Unassigned</source>
        <translation>未割当</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="264"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="267"/>
        <source>%1 attendees — %2 — unassigned: %3</source>
        <translation>受講者 %1 名 — %2 — 未割当 %3 名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="277"/>
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/view.py" line="357"/>
        <source>Remove %1 from the roster?</source>
        <translation>%1 を名簿から削除しますか？</translation>
    </message>
</context>
<context>
    <name>RuleGuard</name>
    <message>
        <location filename="../../facilitator/ui/roster/rule_guard.py" line="55"/>
        <source>Move attendees</source>
        <translation>受講者の移動</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/rule_guard.py" line="60"/>
        <source>This move cannot be made:</source>
        <translation>この移動はできません：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/rule_guard.py" line="71"/>
        <source>This move breaks these rules:</source>
        <translation>この移動は次のルールに反します：</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/rule_guard.py" line="75"/>
        <source>Move anyway?</source>
        <translation>それでも移動しますか？</translation>
    </message>
</context>
<context>
    <name>SavedFileNotice</name>
    <message>
        <location filename="../../facilitator/ui/saved_file_notice.py" line="35"/>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/saved_file_notice.py" line="36"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/saved_file_notice.py" line="37"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/saved_file_notice.py" line="47"/>
        <source>%1 could not be opened: no program on this computer opens it.</source>
        <translation>%1 を開けませんでした。このパソコンには開くためのプログラムがありません。</translation>
    </message>
</context>
<context>
    <name>SessionLists</name>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="144"/>
        <source>[locked] </source>
        <translation>［固定］</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="155"/>
        <source>Unassigned (%1)</source>
        <translation>未割当（%1 名）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="159"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 名／定員 %3 名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="171"/>
        <source>rule breaks: %1</source>
        <translation>ルール違反 %1 件</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="212"/>
        <source>Move to %1</source>
        <translation>%1 へ移動</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="217"/>
        <source>Remove from session</source>
        <translation>セッションから外す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="220"/>
        <source>Lock</source>
        <translation>固定する</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/session_lists.py" line="222"/>
        <source>Unlock</source>
        <translation>固定を解除</translation>
    </message>
</context>
<context>
    <name>AssignFlow</name>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="139"/>
        <source>Reprint slips</source>
        <translation>受講票の再印刷</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="141"/>
        <source>These attendees moved and their printed slips are out of date: %1</source>
        <translation>次の受講者はセッションが変わったため、印刷済みの受講票が古くなっています：%1</translation>
    </message>
</context>
<context>
    <name>MovesDialog</name>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="36"/>
        <source>Confirm moves</source>
        <translation>移動の確認</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="40"/>
        <source>This assignment moves %1 attendees who already have a session.</source>
        <translation>この割り当てでは、割り当て済みの受講者 %1 名が移動します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="44"/>
        <source>%1 of them have a printed slip that must be reprinted.</source>
        <translation>うち %1 名は受講票を印刷済みのため、印刷し直しが必要です。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="51"/>
        <source>Staff no.</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="52"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="53"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="54"/>
        <source>From</source>
        <translation>移動前</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="55"/>
        <source>To</source>
        <translation>移動後</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="56"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="57"/>
        <source>Slip</source>
        <translation>受講票</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="70"/>
        <source>(none)</source>
        <translation>（未割当）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="72"/>
        <source>reprint</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="80"/>
        <source>Save moves</source>
        <translation>移動を保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/roster/assign_moves_dialog.py" line="84"/>
        <source>Keep everyone where they are</source>
        <translation>誰も移動しない</translation>
    </message>
</context>
</TS>
