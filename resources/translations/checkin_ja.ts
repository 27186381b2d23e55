<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ArrivalsPanel</name>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="51"/>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="57"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="51"/>
        <source>In / expected</source>
        <translation>受付 / 予定</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="51"/>
        <source>Not yet arrived</source>
        <translation>未到着</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="57"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="57"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="57"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="61"/>
        <source>Undo selected check-in…</source>
        <translation>選択した受付を取り消す…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="74"/>
        <source>By department</source>
        <translation>所属別</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="76"/>
        <source>Latest check-ins</source>
        <translation>最近の受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="105"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="109"/>
        <source>Session %1 · missing %2 · late %3</source>
        <translation>%1 セッション · 未到着 %2 名 · 遅刻 %3 名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="86"/>
        <location filename="../../facilitator/ui/checkin/arrivals_panel.py" line="120"/>
        <source>(late)</source>
        <translation>（遅刻）</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../facilitator/ui/camera_scanner.py" line="69"/>
        <source>No camera was found.</source>
        <translation>カメラが見つかりません。</translation>
    </message>
</context>
<context>
    <name>CheckInView</name>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="113"/>
        <source>Check-in open</source>
        <translation>受付中</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="129"/>
        <source>Phones (venue Wi-Fi)</source>
        <translation>スマートフォン（会場 Wi-Fi）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="131"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="137"/>
        <source>Scan a slip or type a staff number, then Enter</source>
        <translation>受講票を読み取るか、職員番号を入力して Enter</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="139"/>
        <source>Rapid mode (back to scanning after 2 s)</source>
        <translation>連続モード（2 秒後に読み取り待ちに戻る）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="284"/>
        <source>Undo the check-in of %1? It stays in the audit log.</source>
        <translation>%1 さんの受付を取り消しますか？ 記録は監査ログに残ります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="288"/>
        <source>Undo check-in</source>
        <translation>受付の取り消し</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="286"/>
        <source>Undo this check-in? It stays in the audit log.</source>
        <translation>この受付を取り消しますか？ 記録は監査ログに残ります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="358"/>
        <source>Webcam unavailable</source>
        <translation>Webカメラを使用できません</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/view.py" line="368"/>
        <source>Check-in</source>
        <translation>受付</translation>
    </message>
</context>
<context>
    <name>DeskCamera</name>
    <message>
        <location filename="../../facilitator/ui/checkin/desk_camera.py" line="43"/>
        <location filename="../../facilitator/ui/checkin/desk_camera.py" line="71"/>
        <source>Start webcam</source>
        <translation>Webカメラを開始</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/desk_camera.py" line="65"/>
        <source>Stop webcam</source>
        <translation>Webカメラを停止</translation>
    </message>
</context>
<context>
    <name>DeskSearch</name>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="49"/>
        <source>Search: kana, name, staff number or department</source>
        <translation>検索：ふりがな・氏名・職員番号・所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="53"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="54"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="55"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="56"/>
        <source>Staff number</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="57"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="68"/>
        <source>Check in selected</source>
        <translation>選択した人を受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="71"/>
        <source>Walk-in…</source>
        <translation>当日登録…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="118"/>
        <source>In (%1)</source>
        <translation>受付済み（%1）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/search_panel.py" line="119"/>
        <source>Expected in %1</source>
        <translation>%1 に参加予定</translation>
    </message>
</context>
<context>
    <name>DeviceRefusalsPanel</name>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="49"/>
        <source>Phones refused: one phone checks in one person</source>
        <translation>受付できなかった端末（1 台で受付できるのは 1 人）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="53"/>
        <source>These phones had already checked in someone else. Check who the person is, then admit them here.</source>
        <translation>これらの端末では、すでに別の方が受付済みでした。ご本人であることを確認してから、ここで受付してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="60"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="61"/>
        <source>Wants to check in</source>
        <translation>受付しようとした方</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="62"/>
        <source>Phone already checked in</source>
        <translation>この端末で受付済みの方</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="63"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="64"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="74"/>
        <source>Admit selected</source>
        <translation>選択した方を受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="77"/>
        <source>Remove from list</source>
        <translation>一覧から外す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="80"/>
        <source>Phones share one address (NAT)</source>
        <translation>全端末が同じアドレスを共有（NAT）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="84"/>
        <source>Turn on when the venue&apos;s network puts every phone behind one address: phones are then told apart by their cookie alone.</source>
        <translation>会場のネットワークで全端末が同じアドレスになる場合にオンにします。端末は Cookie だけで区別されます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="94"/>
        <source>No phone has been refused.</source>
        <translation>拒否された端末はありません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="122"/>
        <source>Already in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="122"/>
        <source>Not in yet</source>
        <translation>未受付</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/device_refusals_panel.py" line="139"/>
        <source>Many refused phones come from %1: the venue may put every phone behind one address. If so, turn on “Phones share one address (NAT)”.</source>
        <translation>受付できなかった端末の多くが %1 からです。会場のネットワークで全端末が同じアドレスになっている可能性があります。その場合は「全端末が同じアドレスを共有（NAT）」をオンにしてください。</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="90"/>
        <source>Admit to this session anyway</source>
        <translation>このセッションに受け入れる</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="92"/>
        <source>Do not admit</source>
        <translation>受付しない</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="94"/>
        <source>Undo this check-in</source>
        <translation>この受付を取り消す</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="118"/>
        <source>Ready to scan</source>
        <translation>読み取り待ち</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="121"/>
        <source>Scan an admission slip, or type a staff number and press Enter.</source>
        <translation>受講票の QR を読み取るか、職員番号を入力して Enter を押してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="155"/>
        <source>Checked in</source>
        <translation>受付完了</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="156"/>
        <source>Already checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="157"/>
        <source>Registered for another session</source>
        <translation>別のセッションの申込者です</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="158"/>
        <source>Not on the roster</source>
        <translation>名簿にありません</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="159"/>
        <source>Code not valid (forged or replaced slip)</source>
        <translation>無効なコードです（偽造または再発行前の受講票）</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="160"/>
        <source>Code expired</source>
        <translation>コードの有効期限切れ</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="161"/>
        <source>Check-in for this session is closed</source>
        <translation>このセッションの受付は終了しています</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="162"/>
        <source>This phone already checked in someone else</source>
        <translation>この端末ではすでに別の方が受付済みです</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="171"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="177"/>
        <source>Checked in at %1 (session %2).</source>
        <translation>%1 に受付済み（%2 セッション）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="182"/>
        <source>Assigned to session %1.</source>
        <translation>%1 セッションに割り当てられています。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="186"/>
        <source>Check the staff number, search by name below, or register them as a walk-in.</source>
        <translation>職員番号を確かめるか、下の検索で氏名から探すか、当日登録してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="189"/>
        <source>Search the attendee by name below. An old slip stops working once a replacement is printed.</source>
        <translation>下の検索で氏名から探してください。受講票を再発行すると、古い受講票は使えなくなります。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="192"/>
        <source>Ask them to scan the code on the screen again.</source>
        <translation>画面の QR をもう一度読み取ってもらってください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/widgets.py" line="194"/>
        <source>Tick “Check-in open” above to accept arrivals again.</source>
        <translation>上の「受付中」にチェックを入れると、再び受け付けます。</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="66"/>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="139"/>
        <source>Start phone check-in server</source>
        <translation>スマートフォン受付サーバーを起動</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="69"/>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="140"/>
        <source>Server stopped.</source>
        <translation>サーバーは停止しています。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="72"/>
        <source>Show session QR on projector</source>
        <translation>セッションの QR をプロジェクターに表示</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="81"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="83"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="108"/>
        <source>Phones on the venue Wi-Fi will open pages served by this laptop.</source>
        <translation>スマートフォンは会場の Wi-Fi から、このノートパソコンが提供するページを開きます。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="112"/>
        <source>Windows may now ask whether to allow Facilitator through the firewall: choose “Private networks” and allow it, or phones cannot connect.</source>
        <translation>このあと Windows から、Facilitator にファイアウォールの通過を許可するか確認されることがあります。「プライベート ネットワーク」を選んで許可してください。許可しないとスマートフォンから接続できません。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="115"/>
        <source>Phone check-in server</source>
        <translation>スマートフォン受付サーバー</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="128"/>
        <source>Only this laptop can open that address: for phones, choose the Wi-Fi address.</source>
        <translation>このアドレスはこのノートパソコンからしか開けません。スマートフォン用には Wi-Fi のアドレスを選んでください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="123"/>
        <source>Stop server</source>
        <translation>サーバーを停止</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/server_panel.py" line="124"/>
        <source>Serving on %1</source>
        <translation>%1 で受付中</translation>
    </message>
</context>
<context>
    <name>SessionQrWindow</name>
    <message>
        <location filename="../../facilitator/ui/checkin/session_qr_window.py" line="36"/>
        <source>Check-in — %1</source>
        <translation>受付 — %1</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/session_qr_window.py" line="59"/>
        <source>checked in</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <source>Check-in · Session %1</source>
        <translation>受付 · %1 セッション</translation>
    </message>
    <message>
        <source>Scan with your smartphone&apos;s camera</source>
        <translation>スマートフォンのカメラで読み取ってください</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="28"/>
        <source>Walk-in registration</source>
        <translation>当日登録</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="42"/>
        <source>Staff number</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="43"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="44"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="45"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/walk_in_dialog.py" line="50"/>
        <source>Register and check in</source>
        <translation>登録して受付</translation>
    </message>
</context>
<context>
    <name>RebookDialog</name>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="49"/>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="149"/>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="156"/>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="167"/>
        <source>Rebook no-shows</source>
        <translation>未受付者の振替</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="61"/>
        <source>Not checked in to</source>
        <translation>未受付のセッション</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="63"/>
        <source>offer</source>
        <translation>振替先</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="70"/>
        <source>Department / name</source>
        <translation>所属／氏名</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="70"/>
        <source>Staff no.</source>
        <translation>職員番号</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="70"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="108"/>
        <source>%1 not checked in to %2; %3 can move to %4 (%5 places free).</source>
        <translation>%2 の未受付 %1 名のうち %3 名を %4 に振り替えられます（空き %5 名）。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="116"/>
        <source>Move %1 to %2…</source>
        <translation>%1 名を %2 に振替…</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="126"/>
        <source>Save the notice for the departments</source>
        <translation>所属あてのお知らせを保存</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="128"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="150"/>
        <source>Somebody checked in meanwhile: nobody was moved. Check the new list.</source>
        <translation>その間に受付した人がいるため、誰も振り替えていません。新しい一覧を確認してください。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="157"/>
        <source>Moved to %1: %2. Notice saved to %3.</source>
        <translation>%1 に振り替えました：%2。お知らせを %3 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/checkin/rebook_dialog.py" line="181"/>
        <source>Rebook no-shows…</source>
        <translation>未受付者の振替…</translation>
    </message>
</context>
</TS>
