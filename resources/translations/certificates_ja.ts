<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Areas</name>
    <message>
        <location filename="../../facilitator/ui/certificates/view.py" line="27"/>
        <source>Certificates</source>
        <translation>修了証</translation>
    </message>
</context>
<context>
    <name>CertificatesView</name>
    <message>
        <location filename="../../facilitator/ui/certificates/view.py" line="66"/>
        <source>Who gets one</source>
        <translation>対象者</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/view.py" line="67"/>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/view.py" line="68"/>
        <source>Export</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/view.py" line="69"/>
        <source>Verify</source>
        <translation>真正性の確認</translation>
    </message>
</context>
<context>
    <name>ElementForm</name>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="20"/>
        <source>Placeholders: {name} {name_kana} {department} {title} {event} {date} {date_wareki} {hours} {number} {issuer} {signatory} {code}</source>
        <translation>差し込み項目：{name} 氏名、{name_kana} ふりがな、{department} 所属、{title} 職名、{event} 研修名、{date} 日付（英語）、{date_wareki} 和暦の日付、{hours} 時間数、{number} 番号、{issuer} 発行者、{signatory} 署名者、{code} 検証コード</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="27"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="29"/>
        <source>Left (mm)</source>
        <translation>左端（mm）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="30"/>
        <source>Top (mm)</source>
        <translation>上端（mm）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="31"/>
        <source>Width (mm)</source>
        <translation>幅（mm）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="32"/>
        <source>Height (mm)</source>
        <translation>高さ（mm）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="33"/>
        <source>Size (pt / mm for QR)</source>
        <translation>サイズ（pt、QRは mm）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="43"/>
        <source>Mincho</source>
        <translation>明朝</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="44"/>
        <source>Gothic</source>
        <translation>ゴシック</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="48"/>
        <source>Left</source>
        <translation>左揃え</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="49"/>
        <source>Centre</source>
        <translation>中央揃え</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="50"/>
        <source>Right</source>
        <translation>右揃え</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="53"/>
        <source>Font</source>
        <translation>書体</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/element_form.py" line="54"/>
        <source>Alignment</source>
        <translation>揃え</translation>
    </message>
</context>
<context>
    <name>EligibilityModel</name>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="38"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="39"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="40"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="41"/>
        <source>Certificate</source>
        <translation>修了証</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="42"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="43"/>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="48"/>
        <source>Checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="49"/>
        <source>Not checked in</source>
        <translation>未受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="50"/>
        <source>No feedback submitted</source>
        <translation>アンケート未提出</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="51"/>
        <source>Included by hand</source>
        <translation>手動で対象に追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="52"/>
        <source>Excluded by hand</source>
        <translation>手動で対象外</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="69"/>
        <source>Eligible</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="69"/>
        <source>Not eligible</source>
        <translation>対象外</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/table_model.py" line="74"/>
        <source>%1 (revoked)</source>
        <translation>%1（取消済み）</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="64"/>
        <source>Fields: {prefix}, {year}, {seq:04d}</source>
        <translation>使える項目：{prefix}（接頭辞）、{year}（年）、{seq:04d}（連番）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="71"/>
        <source>Also require feedback to be submitted</source>
        <translation>アンケートの提出も条件にする</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="73"/>
        <source>Save rules</source>
        <translation>条件を保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="76"/>
        <source>Number prefix</source>
        <translation>番号の接頭辞</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="80"/>
        <source>Number format</source>
        <translation>番号の書式</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="101"/>
        <source>Include…</source>
        <translation>対象に追加…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="103"/>
        <source>Exclude…</source>
        <translation>対象外にする…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="105"/>
        <source>Follow the rules</source>
        <translation>条件どおりに戻す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="107"/>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="271"/>
        <source>Issue numbers</source>
        <translation>番号を発行</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="109"/>
        <source>Revoke…</source>
        <translation>取り消す…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="111"/>
        <source>Reissue…</source>
        <translation>再発行…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="180"/>
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="194"/>
        <source>%1 of %2 eligible; %3 certificates issued; %4 waiting for a number.</source>
        <translation>%2 名中 %1 名が対象、修了証 %3 件発行済み、番号待ち %4 名。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="222"/>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="292"/>
        <source>Certificates</source>
        <translation>修了証</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="249"/>
        <source>Why is %1 included by hand?</source>
        <translation>%1 さんを手動で対象に加える理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="251"/>
        <source>Why is %1 excluded by hand?</source>
        <translation>%1 さんを手動で対象外にする理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="253"/>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="311"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="274"/>
        <source>Everyone eligible already has a number.</source>
        <translation>対象者全員に番号が発行済みです。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="279"/>
        <source>Issue %1 certificate numbers (%2 to %3)? An issued number stays with its person; a revoked number is never given again.</source>
        <translation>修了証番号を %1 件発行しますか（%2 ～ %3）？発行した番号は変わりません。取り消した番号が再び使われることはありません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="293"/>
        <source>%1 new numbers issued; %2 in total.</source>
        <translation>番号を新たに %1 件発行しました（合計 %2 件）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="307"/>
        <source>Why is certificate %1 revoked?</source>
        <translation>修了証 %1 を取り消す理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/eligibility_panel.py" line="309"/>
        <source>Why is certificate %1 reissued?</source>
        <translation>修了証 %1 を再発行する理由を入力してください。</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="71"/>
        <source>Exporting first gives a number to everyone eligible who has none yet, then writes the issued certificates (revoked ones are left out), sorted by department and kana.</source>
        <translation>出力の前に、番号のない対象者へ番号を発行します。その後、発行済みの修了証（取消済みを除く）を所属・ふりがな順に出力します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="77"/>
        <source>Save PDF…</source>
        <translation>PDF を保存…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="79"/>
        <source>Save ZIP…</source>
        <translation>ZIP を保存…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="81"/>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="83"/>
        <source>Save list…</source>
        <translation>一覧を保存…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="88"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="99"/>
        <source>Every certificate in one PDF (to print)</source>
        <translation>全員分を 1 つの PDF に（印刷用）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="100"/>
        <source>One PDF per person, in a ZIP (to send)</source>
        <translation>1 人 1 ファイルの PDF を ZIP に（送付用）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="101"/>
        <source>One PDF per person, in a folder</source>
        <translation>1 人 1 ファイルの PDF をフォルダーに</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="102"/>
        <source>Register</source>
        <translation>発行台帳</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="106"/>
        <source>List of issued certificates (Excel, CSV or PDF)</source>
        <translation>発行済み修了証の一覧（Excel・CSV・PDF）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="130"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="130"/>
        <source>ZIP (*.zip)</source>
        <translation>ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="132"/>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="148"/>
        <source>Export certificates</source>
        <translation>修了証の出力</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="141"/>
        <source>Folder for the certificates</source>
        <translation>修了証の出力先フォルダー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="149"/>
        <source>Files in %1 with the same names will be replaced. Continue?</source>
        <translation>%1 内の同じ名前のファイルは置き換えられます。続けますか？</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="161"/>
        <source>List of issued certificates</source>
        <translation>発行済み修了証の一覧</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="163"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="170"/>
        <source>Wrote the list of %1 certificates to %2.</source>
        <translation>修了証 %1 件の一覧を %2 に出力しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="188"/>
        <source>Exporting…</source>
        <translation>出力中…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="206"/>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="215"/>
        <source>Wrote %1 certificates to %2.</source>
        <translation>修了証 %1 件を %2 に出力しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="225"/>
        <source>Export cancelled; no file was written.</source>
        <translation>出力をキャンセルしました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="96"/>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="175"/>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="220"/>
        <location filename="../../facilitator/ui/certificates/export_panel.py" line="239"/>
        <source>Certificates</source>
        <translation>修了証</translation>
    </message>
</context>
<context>
    <name>LayoutPanel</name>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="77"/>
        <source>Formal Japanese certificate (A4 landscape)</source>
        <translation>修了証（和文・A4横）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="80"/>
        <source>Certificate of attendance (English, A4 portrait)</source>
        <translation>受講証明書（英文・A4縦）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="82"/>
        <source>This event&apos;s edited layout</source>
        <translation>この研修用に編集したレイアウト</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="87"/>
        <source>Landscape</source>
        <translation>A4 横</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="88"/>
        <source>Portrait</source>
        <translation>A4 縦</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="97"/>
        <source>Add text</source>
        <translation>文字を追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="98"/>
        <source>Add image…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="99"/>
        <source>Background…</source>
        <translation>背景…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="102"/>
        <source>A PNG or JPEG image, or a one-page PDF (converted to a 200 dpi image)</source>
        <translation>PNG・JPEG の画像、または1ページのPDF（200 dpi の画像に変換します）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="104"/>
        <source>No background</source>
        <translation>背景なし</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="105"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="106"/>
        <source>Save layout</source>
        <translation>レイアウトを保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="108"/>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="112"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="120"/>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="287"/>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="392"/>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="121"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="122"/>
        <source>Preview for</source>
        <translation>プレビューの対象者</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="183"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="185"/>
        <source>— no certificate</source>
        <translation>— 対象外</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="212"/>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="260"/>
        <source>Text: %1</source>
        <translation>文字：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="214"/>
        <source>Verification QR</source>
        <translation>検証用QRコード</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="216"/>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="218"/>
        <source>Frame</source>
        <translation>枠線</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="277"/>
        <source>Add image</source>
        <translation>画像を追加</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="277"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>画像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="288"/>
        <source>Could not read %1 (%2).</source>
        <translation>%1 を読み込めませんでした（%2）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="296"/>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="309"/>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="298"/>
        <source>Images or PDF (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>画像または PDF (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="317"/>
        <source>The background PDF must have exactly one page.</source>
        <translation>背景に使う PDF は1ページのものにしてください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="319"/>
        <source>This file cannot be read as an image or a PDF.</source>
        <translation>このファイルは画像としても PDF としても読み込めません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="320"/>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません：%1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="336"/>
        <source>Edited — not saved yet.</source>
        <translation>編集中（まだ保存していません）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/layout_panel.py" line="354"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="61"/>
        <source>Paste or type the code printed under the QR</source>
        <translation>QRコードの下に印刷されたコードを貼り付けるか入力してください</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="62"/>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="179"/>
        <source>Verify</source>
        <translation>真正性の確認</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="72"/>
        <source>Check whether a certificate shown to you is genuine.</source>
        <translation>提示された修了証が本物かどうかを確認します。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="77"/>
        <source>Scan with the webcam</source>
        <translation>Webカメラで読み取る</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="127"/>
        <source>Valid: certificate %1 of %2 (%3), %4 on %5.</source>
        <translation>有効：修了証 %1、%2（%3）、%4（%5）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="130"/>
        <source>Revoked: certificate %1 of %2 was revoked on %3. Reason: %4</source>
        <translation>取消済み：%2 さんの修了証 %1 は %3 に取り消されました。理由：%4</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="138"/>
        <source>Number only: %1 is the certificate of %2 (%3), %4 on %5.</source>
        <translation>番号のみ：%1 は %2（%3）の修了証です（%4、%5）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="141"/>
        <source>It was revoked on %1. Reason: %2</source>
        <translation>%1 に取り消されています。理由：%2</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="148"/>
        <source>A number alone does not prove a paper genuine: type the whole code printed under the QR (it starts with C1- or C2-).</source>
        <translation>番号だけでは書面が本物かどうかは確かめられません。QR の下に印刷されたコード（C1- または C2- で始まる）全体を入力してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="157"/>
        <source>Forged: the code&apos;s signature does not match certificate %1. Do not accept this certificate.</source>
        <translation>偽造の疑い：コードの署名が修了証 %1 と一致しません。この修了証は受け付けないでください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="161"/>
        <source>Unknown: no certificate %1 was issued in this workspace.</source>
        <translation>不明：番号 %1 の修了証はこのワークスペースで発行されていません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/certificates/verify_panel.py" line="167"/>
        <source>Unknown: this is not a certificate code. Type the whole code printed under the QR; it starts with C1-.</source>
        <translation>不明：修了証のコードではありません。QR の下に印刷されたコード（C1- で始まる）をすべて入力してください。</translation>
    </message>
</context>
</TS>
