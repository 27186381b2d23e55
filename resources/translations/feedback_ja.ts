<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>FeedbackOutcome</name>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="13"/>
        <source>Thank you! The answers were recorded.</source>
        <translation>ご回答ありがとうございました。回答を記録しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="16"/>
        <source>Thank you! The earlier answers were replaced.</source>
        <translation>ご回答ありがとうございました。前回の回答を更新しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="19"/>
        <source>This attendee has already answered.</source>
        <translation>この受講者は既に回答済みです。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="22"/>
        <source>No check-in for this staff number in this session. Check the number.</source>
        <translation>この職員番号の本セッションの受付記録がありません。番号を確認してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="26"/>
        <source>The survey of this session is closed.</source>
        <translation>このセッションのアンケートは締め切られています。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="29"/>
        <source>The link is not valid.</source>
        <translation>リンクが無効です。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="32"/>
        <source>The link has expired.</source>
        <translation>リンクの有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="35"/>
        <source>Please check the marked questions.</source>
        <translation>印の付いた質問を確認してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/texts.py" line="38"/>
        <source>This phone answers only for the person it checked in.</source>
        <translation>このスマートフォンでは、このスマートフォンで受付した方のみ回答できます。</translation>
    </message>
</context>
<context>
    <name>FeedbackResultsPanel</name>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="131"/>
        <source>Filter comments…</source>
        <translation>回答を絞り込み…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="133"/>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="300"/>
        <source>Other (small groups)</source>
        <translation>その他（少人数）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="134"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="134"/>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="362"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="134"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="166"/>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="181"/>
        <source>Comments</source>
        <translation>自由記述</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="250"/>
        <source>No answers to this question yet. When attendees answer (phone, kiosk or paper entry), each session&apos;s answers appear here as bars, within a few seconds.</source>
        <translation>この質問への回答はまだありません。回答が届くと（スマートフォン・キオスク・紙の入力）、数秒以内にセッションごとの集計がここに棒グラフで表示されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="258"/>
        <source>Answers by session</source>
        <translation>セッション別の回答</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="290"/>
        <source>This event has no survey yet. Create it on the Survey tab; its results appear here as answers arrive.</source>
        <translation>この研修にはまだアンケートがありません。「アンケート」タブで作成すると、回答が届くたびにここに集計が表示されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="294"/>
        <source>The survey has no rating or choice question to chart. Comments are listed below.</source>
        <translation>グラフにできる評価・選択の質問がありません。自由記述の回答は下に表示されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="305"/>
        <source>No answers yet. Each department&apos;s answers appear here once its attendees answer.</source>
        <translation>まだ回答がありません。回答が届くと、ここに所属ごとの集計が表示されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="315"/>
        <source>Mean by department (1–5)</source>
        <translation>所属別の平均（1〜5）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="318"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="330"/>
        <source>Answers by department</source>
        <translation>所属別の回答</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/results_panel.py" line="369"/>
        <source>%1 of %2</source>
        <translation>%1 / %2 件</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="117"/>
        <source>Kiosk mode</source>
        <translation>キオスクモード</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="125"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="131"/>
        <source>Results</source>
        <translation>集計結果</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="132"/>
        <source>Paper entry</source>
        <translation>紙の回答入力</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="133"/>
        <source>Survey</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="163"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="240"/>
        <source>No QR: the phone server is stopped. Start it in Check-in.</source>
        <translation>QRなし：スマートフォン用サーバーが停止中です。「受付」で開始してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="242"/>
        <source>Not open yet.
The QR appears when you open the survey.</source>
        <translation>回答受付前
回答受付を開始するとQRコードを表示します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="287"/>
        <source>%1: %2 of %3 checked-in attendees answered</source>
        <translation>%1：受付済み %3 名中 %2 名が回答</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="159"/>
        <location filename="../../facilitator/ui/feedback/view.py" line="295"/>
        <source>Close survey</source>
        <translation>回答受付を終了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="159"/>
        <location filename="../../facilitator/ui/feedback/view.py" line="295"/>
        <source>Open survey</source>
        <translation>回答受付を開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="310"/>
        <source>Usable once a survey exists</source>
        <translation>アンケートを作成すると使えます</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="311"/>
        <source>Kiosk mode needs a survey: create it in the Survey tab first.</source>
        <translation>キオスクモードにはアンケートが必要です。先に「アンケート」タブで作成してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="313"/>
        <source>Usable once the survey is open</source>
        <translation>回答受付を開始すると使えます</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="315"/>
        <source>Kiosk mode takes answers on this computer while the session&apos;s survey is open. Press “Open survey” first.</source>
        <translation>キオスクモードは、セッションの回答受付中にこのパソコンで回答を受け付けます。先に「回答受付を開始」を押してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="320"/>
        <source>Show the survey full screen on this computer for attendees to answer.</source>
        <translation>このパソコンでアンケートを全画面表示し、受講者が回答できるようにします。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="372"/>
        <location filename="../../facilitator/ui/feedback/view.py" line="387"/>
        <source>Export feedback</source>
        <translation>アンケート結果の書き出し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="374"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;PDF summary (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;PDF 集計レポート (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="388"/>
        <source>Wrote %1 responses to %2.</source>
        <translation>%1 件の回答を %2 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/view.py" line="397"/>
        <source>Feedback</source>
        <translation>アンケート</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="77"/>
        <source>Feedback kiosk</source>
        <translation>アンケート回答端末</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="139"/>
        <source>The PIN needs %1 to %2 digits.</source>
        <translation>PIN は %1〜%2 桁の数字にしてください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="145"/>
        <source>The two PINs differ. Please type them again.</source>
        <translation>2 つの PIN が一致しません。もう一度入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="165"/>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="185"/>
        <source>Too many wrong PINs. Try again in 30 seconds.</source>
        <translation>PIN の誤りが続いたため、30 秒後に再度お試しください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="188"/>
        <source>Wrong PIN.</source>
        <translation>PIN が違います。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="244"/>
        <source>Please enter your staff number.</source>
        <translation>職員番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_window.py" line="269"/>
        <source>Staff number: %1</source>
        <translation>職員番号：%1</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="198"/>
        <source>Staff PIN to leave kiosk mode</source>
        <translation>キオスクモードを終了するにはスタッフ用 PIN を入力してください</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="206"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="207"/>
        <source>Leave kiosk mode</source>
        <translation>キオスクモードを終了</translation>
    </message>
</context>
<context>
    <name>PaperEntryForm</name>
    <message>
        <location filename="../../facilitator/ui/feedback/paper_entry.py" line="78"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/paper_entry.py" line="85"/>
        <source>Type each paper form: staff number, then a digit per rating, the number of a choice (several: 13 or 1 3), text as written. Enter moves on; Ctrl+Enter saves.</source>
        <translation>紙の回答票を1枚ずつ入力します：職員番号、評価は数字1文字、選択肢は番号（複数は 13 または 1 3）、記述は記載どおり。Enter で次の欄へ、Ctrl+Enter で保存します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/paper_entry.py" line="110"/>
        <source>Staff number</source>
        <translation>職員番号</translation>
    </message>
</context>
<context>
    <name>PinSetupPage</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="162"/>
        <source>Choose a PIN for leaving kiosk mode</source>
        <translation>キオスクモードを終了するための PIN を決めてください</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="165"/>
        <source>%1 to %2 digits. Staff need it to close the kiosk; attendees do not.</source>
        <translation>%1〜%2 桁の数字です。キオスクを閉じるときにスタッフが使います（受講者は使いません）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="173"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="176"/>
        <source>The same PIN again</source>
        <translation>確認のため同じ PIN をもう一度</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="183"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="184"/>
        <source>Start the kiosk</source>
        <translation>キオスクを開始</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_parts.py" line="95"/>
        <source>(optional)</source>
        <translation>（任意）</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="48"/>
        <source>Rating 1–5</source>
        <translation>5段階評価</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="49"/>
        <source>Single choice</source>
        <translation>単一選択</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="50"/>
        <source>Multiple choice</source>
        <translation>複数選択</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="51"/>
        <source>Free text</source>
        <translation>自由記述</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="58"/>
        <source>Answer required</source>
        <translation>回答必須</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="62"/>
        <source>one per line: value | 日本語 | English</source>
        <translation>1行に1つ：値 | 日本語 | English</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="67"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="68"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="69"/>
        <source>Question (Japanese)</source>
        <translation>質問文（日本語）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="70"/>
        <source>Question (English)</source>
        <translation>質問文（英語）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="74"/>
        <source>1 means (ja / en)</source>
        <translation>1 の意味（日本語 / 英語）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="75"/>
        <source>5 means (ja / en)</source>
        <translation>5 の意味（日本語 / 英語）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="76"/>
        <source>Choices</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/question_form.py" line="77"/>
        <source>Length limit</source>
        <translation>文字数の上限</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="115"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="120"/>
        <source>Send</source>
        <translation>送信する</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="56"/>
        <source>Enter your staff number to answer the survey</source>
        <translation>職員番号を入力してアンケートに回答してください</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="69"/>
        <source>Start</source>
        <translation>回答を始める</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/kiosk_pages.py" line="78"/>
        <source>Staff: press Esc and enter the PIN to leave kiosk mode.</source>
        <translation>スタッフの方へ：Esc キーを押して PIN を入力すると、キオスクモードを終了します。</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="63"/>
        <source>Create the survey</source>
        <translation>アンケートを作成</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="66"/>
        <source>Anonymous (answers are not linked to names)</source>
        <translation>無記名（回答を氏名と結び付けない）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="80"/>
        <source>A second answer replaces the first</source>
        <translation>再回答で前回の回答を置き換える</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="81"/>
        <source>A second answer is refused</source>
        <translation>再回答は受け付けない</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="84"/>
        <source>Add question</source>
        <translation>質問を追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="85"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="86"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="87"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="103"/>
        <source>Save survey</source>
        <translation>アンケートを保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="114"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="119"/>
        <source>Answering twice</source>
        <translation>再回答</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="132"/>
        <source>Start from</source>
        <translation>作成元</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="189"/>
        <source>Default template</source>
        <translation>標準テンプレート（受講報告書）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="204"/>
        <source>%1 responses so far.</source>
        <translation>これまでの回答：%1 件</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="223"/>
        <source>This event has no survey yet.</source>
        <translation>この研修にはまだアンケートがありません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="236"/>
        <source>(optional)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="263"/>
        <source>Not saved yet.</source>
        <translation>未保存の変更があります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="336"/>
        <source>This question has answers and cannot be removed.</source>
        <translation>この質問には回答があるため削除できません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/feedback/survey_editor.py" line="377"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
</TS>
