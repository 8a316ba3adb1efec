<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../wizard/app.py" line="74"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../../wizard/app.py" line="75"/>
        <source>Something went wrong: {0}

Your project is autosaved. Details are in the log: {1}</source>
        <translation>問題が発生しました: {0}

プロジェクトは自動保存されています。詳細はログにあります: {1}</translation>
    </message>
    <message>
        <location filename="../../wizard/i18n.py" line="35"/>
        <source>Marketplace Image Wizard</source>
        <translation>Marketplace イメージ ウィザード</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="33"/>
        <source>Connection to the certification VM</source>
        <translation>認定用 VM への接続</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="34"/>
        <source>Deploy a test VM from your image, then enter how to reach it. Linux uses SSH; Windows uses PowerShell remoting over HTTPS.</source>
        <translation>イメージからテスト VM をデプロイし、その接続方法を入力します。Linux は SSH、Windows は HTTPS 経由の PowerShell リモート処理を使います。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="39"/>
        <source>Linux (SSH)</source>
        <translation>Linux (SSH)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="40"/>
        <source>Windows (PowerShell remoting)</source>
        <translation>Windows (PowerShell リモート処理)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="42"/>
        <source>PowerShell remoting (WinRM over HTTPS)</source>
        <translation>PowerShell リモート処理 (WinRM over HTTPS)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="43"/>
        <source>OpenSSH on Windows</source>
        <translation>Windows の OpenSSH</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="44"/>
        <source>Skip TLS certificate validation (self-signed test VM only)</source>
        <translation>TLS 証明書を検証しない (自己署名のテスト VM のみ)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="45"/>
        <source>Only for a throw-away test VM whose WinRM listener has a self-signed certificate. Anyone in between could then read the password.</source>
        <translation>WinRM リスナーが自己署名証明書を使う使い捨てのテスト VM 専用です。途中の第三者がパスワードを読み取れるおそれがあります。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="47"/>
        <source>Certificate validation is off: the connection is encrypted but the VM&apos;s identity is not checked. Use this only for a test VM you just created.</source>
        <translation>証明書の検証がオフです。通信は暗号化されますが VM の身元は確認されません。作成したばかりのテスト VM にだけ使ってください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="52"/>
        <source>DNS name or address, e.g. myvm.westus.cloudapp.azure.com</source>
        <translation>DNS 名またはアドレス (例: myvm.westus.cloudapp.azure.com)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="57"/>
        <location filename="../../wizard/pages/connection_page.py" line="304"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="58"/>
        <source>Private key file</source>
        <translation>秘密キー ファイル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="62"/>
        <source>The password (or the key&apos;s passphrase). Kept in memory, or in the OS keyring if you tick the box; never in the project file.</source>
        <translation>パスワード (またはキーのパスフレーズ)。メモリ内に保持し、チェックを入れた場合は OS のキーリングに保存します。プロジェクト ファイルには保存しません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="64"/>
        <source>Remember in the OS &amp;keyring</source>
        <translation>OS のキーリングに記憶する(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="65"/>
        <source>Unticked: the secret is forgotten when the app closes.</source>
        <translation>チェックしない場合、アプリを閉じるとシークレットは破棄されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="70"/>
        <source>Test na&amp;me:</source>
        <translation>テスト名(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="71"/>
        <source>&amp;Platform:</source>
        <translation>プラットフォーム(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="72"/>
        <source>T&amp;ransport:</source>
        <translation>トランスポート(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="73"/>
        <source>Ho&amp;st:</source>
        <translation>ホスト(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="74"/>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="75"/>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="76"/>
        <source>&amp;Authentication:</source>
        <translation>認証(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="77"/>
        <source>Key fi&amp;le:</source>
        <translation>キー ファイル(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="78"/>
        <location filename="../../wizard/pages/connection_page.py" line="303"/>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="80"/>
        <source>Brows&amp;e…</source>
        <translation>参照(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="99"/>
        <source>Remember in the OS keyring</source>
        <translation>OS のキーリングに記憶する</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="102"/>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="103"/>
        <source>Resolve the name, open the port, check the host key (SSH) or the TLS certificate (WinRM), sign in, detect the OS and the user&apos;s rights.</source>
        <translation>名前解決、ポート接続、ホスト キー (SSH) または TLS 証明書 (WinRM) の確認、サインイン、OS とユーザー権限の検出を行います。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="105"/>
        <source>Forget host key</source>
        <translation>ホスト キーを破棄</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="106"/>
        <source>Remove the remembered host key of this host, e.g. after re-creating the VM.</source>
        <translation>このホストの記憶済みホスト キーを削除します (VM を作り直した後など)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="113"/>
        <source>Connection test steps</source>
        <translation>接続テストの手順</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="161"/>
        <source>Enter the host and the user first.</source>
        <translation>先にホストとユーザーを入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="171"/>
        <source>Testing…</source>
        <translation>テストしています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="193"/>
        <source>signed in as an administrator</source>
        <translation>管理者としてサインインしました</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="194"/>
        <source>the user is not an administrator: the test run needs one</source>
        <translation>このユーザーは管理者ではありません。テスト実行には管理者が必要です</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="196"/>
        <source>sudo works without a password</source>
        <translation>sudo はパスワードなしで使えます</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="197"/>
        <source>sudo needs a password: checks that need root will be skipped</source>
        <translation>sudo にパスワードが必要です。root が必要なチェックはスキップされます</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="198"/>
        <source>Connected to {0}; {1}.</source>
        <translation>{0} に接続しました。{1}。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="206"/>
        <source>Connection test failed: {0}</source>
        <translation>接続テストに失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="228"/>
        <source>Trust this host?</source>
        <translation>このホストを信頼しますか?</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="229"/>
        <source>First connection to {0}.

Host key fingerprint ({1}):
{2}

{3}

Trust it and remember it?</source>
        <translation>{0} への初めての接続です。

ホスト キーのフィンガープリント ({1}):
{2}

{3}

信頼して記憶しますか?</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="238"/>
        <source>The old host key is forgotten. Test the connection again and compare the new fingerprint before trusting it.</source>
        <translation>古いホスト キーを破棄しました。もう一度接続をテストし、信頼する前に新しいフィンガープリントを照合してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="258"/>
        <source>Password loaded from the OS keyring.</source>
        <translation>OS のキーリングからパスワードを読み込みました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="278"/>
        <source>Password remembered in the OS keyring.</source>
        <translation>パスワードを OS のキーリングに記憶しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="279"/>
        <source>Password kept for this session only.</source>
        <translation>パスワードはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="303"/>
        <source>Ke&amp;y passphrase:</source>
        <translation>キーのパスフレーズ(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="304"/>
        <source>Key passphrase</source>
        <translation>キーのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="309"/>
        <source>Choose the private key</source>
        <translation>秘密キーの選択</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/connection_page.py" line="310"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../wizard/core/validation.py" line="20"/>
        <source>{field} is required.</source>
        <translation>{field}は必須です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="21"/>
        <source>{field} has {length} characters; at most {max} are allowed.</source>
        <translation>{field}が {length} 文字です。{max} 文字以内にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="22"/>
        <source>{field} has {length} character(s); Partner Center needs at least {min}.</source>
        <translation>{field}が {length} 文字です。パートナー センターでは {min} 文字以上が必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="23"/>
        <source>{field} has {length} characters; Partner Center accepts at most {max}.</source>
        <translation>{field}が {length} 文字です。パートナー センターでは {max} 文字までです。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="24"/>
        <source>Version {value} has {length} characters; Partner Center accepts at most {max}.</source>
        <translation>バージョン {value} が {length} 文字です。パートナー センターでは {max} 文字までです。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="25"/>
        <source>Version {value} is not higher than the published {latest}; Partner Center needs a new, higher version (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みの {latest} より大きくありません。パートナー センターでは、より大きい新しいバージョンが必要です (例: {suggest})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="27"/>
        <source>VM size {value} was retired on {date}: Partner Center does not offer it. Choose a current size.</source>
        <translation>VM サイズ {value} は {date} に提供終了しました。パートナー センターでは使えません。現行のサイズを選んでください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="28"/>
        <source>{count} open ports; Partner Center accepts at most {max}.</source>
        <translation>開くポートが {count} 個あります。パートナー センターでは {max} 個までです。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="29"/>
        <source>Port name &apos;{value}&apos;: {min}–{max} letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos; or blanks, ending in a letter or digit.</source>
        <translation>ポート名 &apos;{value}&apos;: 英字、数字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos;、空白で {min}–{max} 文字、最後は英字か数字にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="30"/>
        <source>Port protocol must be TCP, UDP or both.</source>
        <translation>ポートのプロトコルは TCP、UDP、または両方にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="31"/>
        <source>Port range &apos;{value}&apos;: a port (443) or a range (8000-8080) between 1 and 65535.</source>
        <translation>ポート範囲 &apos;{value}&apos;: 1 から 65535 までのポート (443) または範囲 (8000-8080) にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="32"/>
        <source>{field} must start with a lowercase letter or a digit.</source>
        <translation>{field}は小文字の英字か数字で始める必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="33"/>
        <source>{field} may only contain lowercase letters, digits, &apos;-&apos; and &apos;_&apos; (found {bad}).</source>
        <translation>{field}に使えるのは小文字、数字、&apos;-&apos;、&apos;_&apos; だけです (使用不可: {bad})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="34"/>
        <source>The offer needs at least one SKU.</source>
        <translation>プランには少なくとも 1 つの SKU が必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="35"/>
        <source>SKU ID &apos;{value}&apos; is used by more than one SKU; SKU IDs must be unique within the offer.</source>
        <translation>SKU ID &apos;{value}&apos; が複数の SKU で使われています。SKU ID はプラン内で一意にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="36"/>
        <source>Operating system family must be Linux or Windows.</source>
        <translation>オペレーティング システム ファミリは Linux または Windows にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="37"/>
        <source>&apos;{value}&apos; is not an approved Windows base image for this profile.</source>
        <translation>&apos;{value}&apos; はこのプロファイルで承認済みの Windows 基本イメージではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="38"/>
        <source>Enter the base image&apos;s publication date as YYYY-MM-DD.</source>
        <translation>基本イメージの公開日を YYYY-MM-DD の形式で入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="39"/>
        <source>A base image not in the list must be published after {date}.</source>
        <translation>一覧にない基本イメージは {date} より後に公開されたものである必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="40"/>
        <source>Choose exactly {min} recommended VM sizes ({count} chosen).</source>
        <translation>推奨 VM サイズをちょうど {min} 個選んでください (現在 {count} 個)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="41"/>
        <source>Choose {min} to {max} recommended VM sizes ({count} chosen).</source>
        <translation>推奨 VM サイズを {min}～{max} 個選んでください (現在 {count} 個)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="42"/>
        <source>VM size {value} is chosen twice.</source>
        <translation>VM サイズ {value} が重複しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="43"/>
        <source>VM size {value} is not in the catalogue; check its spelling.</source>
        <translation>VM サイズ {value} はカタログにありません。綴りを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="44"/>
        <source>Version must be X.Y.Z with whole numbers, for example 1.0.0.</source>
        <translation>バージョンは整数の X.Y.Z 形式にしてください (例: 1.0.0)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="45"/>
        <source>Version {value} is already published; a new version must raise Z (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みです。新しいバージョンでは Z を上げてください (例: {suggest})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="46"/>
        <source>Within a SKU only Z may change: the published version is {latest}, so the new one must be {xy}.Z with Z above {z} (for example {suggest}).</source>
        <translation>同じ SKU 内では Z のみ変更できます。公開済みバージョンは {latest} なので、新しいバージョンは {xy}.Z (Z は {z} より大きい値) にしてください (例: {suggest})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="50"/>
        <source>Version {value} is lower than the published {latest}; raise Z (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みの {latest} より低いです。Z を上げてください (例: {suggest})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="51"/>
        <source>The first disk must be the OS disk, and there must be exactly one.</source>
        <translation>最初のディスクは OS ディスクで、OS ディスクはちょうど 1 つである必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="52"/>
        <source>{count} data disks; this profile allows at most {max} (LUN 0 to {last}).</source>
        <translation>データ ディスクが {count} 個あります。このプロファイルでは最大 {max} 個 (LUN 0～{last}) です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="53"/>
        <source>Disk role must be &apos;os&apos; or &apos;data&apos;.</source>
        <translation>ディスクの役割は &apos;os&apos; または &apos;data&apos; にしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="54"/>
        <source>Unknown requirement profile &apos;{value}&apos;; the default profile is used.</source>
        <translation>不明な要件プロファイル &apos;{value}&apos; です。既定のプロファイルを使います。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="57"/>
        <source>Publisher namespace</source>
        <translation>発行元の名前空間</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="24"/>
        <source>OS disk</source>
        <translation>OS ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="25"/>
        <source>data disk LUN {lun}</source>
        <translation>データ ディスク LUN {lun}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="26"/>
        <source>Offer and SKU details are complete</source>
        <translation>プランと SKU の情報はそろっています</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="27"/>
        <source>Offer and SKU details have {count} problem(s): see the Offer &amp; SKUs step</source>
        <translation>プランと SKU の情報に {count} 件の問題があります。「プランと SKU」ステップを確認してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="28"/>
        <source>{disk}: the VHD has not been checked</source>
        <translation>{disk}: VHD はまだチェックされていません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="29"/>
        <source>{disk}: the VHD changed since it was checked: check it again</source>
        <translation>{disk}: チェック後に VHD が変更されました。もう一度チェックしてください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="30"/>
        <source>{disk}: the VHD check failed</source>
        <translation>{disk}: VHD チェックに失敗しました</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="31"/>
        <source>{disk}: the VHD check passed</source>
        <translation>{disk}: VHD チェックに合格しました</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="32"/>
        <source>{disk}: the VHD check passed with warnings</source>
        <translation>{disk}: VHD チェックに合格しました (警告あり)</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="33"/>
        <source>{disk}: no SAS URI yet</source>
        <translation>{disk}: SAS URI はまだありません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="34"/>
        <source>{disk}: the SAS URI has expired: make a new one</source>
        <translation>{disk}: SAS URI の有効期限が切れています。作り直してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="35"/>
        <source>{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile asks for {days} business days or more): renew it</source>
        <translation>{disk}: SAS URI の有効期限 {expiry} は認定チームには短すぎます (プロファイルでは {days} 営業日以上が必要です)。更新してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="37"/>
        <source>{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile asks for {days} days or more): renew it</source>
        <translation>{disk}: SAS URI の有効期限 {expiry} は認定チームには短すぎます (プロファイルでは {days} 日以上が必要です)。更新してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="39"/>
        <source>{disk}: the SAS URI has not been verified</source>
        <translation>{disk}: SAS URI はまだ検証されていません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="40"/>
        <source>{disk}: the SAS token is not in the keyring or this session: make it again or unlock the keyring</source>
        <translation>{disk}: SAS トークンがキーリングにもこのセッションにもありません。作り直すか、キーリングのロックを解除してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="41"/>
        <source>{disk}: SAS URI verified, valid until {expiry}</source>
        <translation>{disk}: SAS URI は検証済み、{expiry} まで有効</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="42"/>
        <source>Published version {version} is kept, with its image sources</source>
        <translation>公開済みのバージョン {version} をイメージのソースとともに維持します</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="43"/>
        <source>Published version {version}: {count} SAS URI(s) are not in the keyring: import the plan from Partner Center again</source>
        <translation>公開済みのバージョン {version}: {count} 個の SAS URI がキーリングにありません。パートナー センターからプランをもう一度インポートしてください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="45"/>
        <source>Published version {version} could not be imported: a configure request from this export would drop it. Configure the plan in Partner Center</source>
        <translation>公開済みのバージョン {version} をインポートできませんでした。このエクスポートからの構成要求ではこのバージョンが失われます。パートナー センターでプランを構成してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="47"/>
        <source>No certification test run yet</source>
        <translation>認定テストはまだ実行されていません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="48"/>
        <source>The latest test run has no results</source>
        <translation>最新のテスト実行に結果がありません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="49"/>
        <source>The latest test run has Failed/Error results without an exception explanation: {ids}</source>
        <translation>最新のテスト実行に、例外の説明がない失敗/エラーの結果があります: {ids}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="50"/>
        <source>The latest test run&apos;s {count} Failed/Error result(s) each have an exception explanation</source>
        <translation>最新のテスト実行の失敗/エラー {count} 件には、すべて例外の説明があります</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="51"/>
        <source>The latest test run ({finished}) has no Failed or Error result</source>
        <translation>最新のテスト実行 ({finished}) に失敗やエラーはありません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="52"/>
        <source>The questionnaire is complete</source>
        <translation>質問票への回答は完了しています</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="53"/>
        <source>The questionnaire is not complete ({answered} of {total} answered)</source>
        <translation>質問票への回答が完了していません ({total} 問中 {answered} 問回答済み)</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="54"/>
        <source>The questionnaire is not complete ({answered} of {total} answered, SSH access information missing)</source>
        <translation>質問票への回答が完了していません ({total} 問中 {answered} 問回答済み、SSH アクセス情報が未入力)</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="55"/>
        <source>The certification report is not stored in the VHDs&apos; container</source>
        <translation>認定レポートが VHD のコンテナーに保存されていません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="56"/>
        <source>The stored report is from an older test run: store it again</source>
        <translation>保存済みのレポートは古いテスト実行のものです。もう一度保存してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/readiness.py" line="57"/>
        <source>Report stored at {url}</source>
        <translation>レポートの保存先: {url}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="33"/>
        <source>MISSING: offer ID</source>
        <translation>未入力: プラン ID</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="34"/>
        <source>MISSING: offer name</source>
        <translation>未入力: プラン名</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="35"/>
        <source>MISSING: SKU ID</source>
        <translation>未入力: SKU ID</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="36"/>
        <source>MISSING: SKU summary</source>
        <translation>未入力: SKU の概要</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="37"/>
        <source>MISSING: operating system name</source>
        <translation>未入力: オペレーティング システム名</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="38"/>
        <source>MISSING: recommended VM size</source>
        <translation>未入力: 推奨 VM サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="39"/>
        <source>MISSING: version</source>
        <translation>未入力: バージョン</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="40"/>
        <source>MISSING: store the report in the VHDs&apos; container</source>
        <translation>未完了: レポートを VHD のコンテナーに保存してください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="58"/>
        <location filename="../../wizard/core/export/forms.py" line="48"/>
        <source>Offer ID</source>
        <translation>プラン ID</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="59"/>
        <location filename="../../wizard/core/export/forms.py" line="49"/>
        <source>Offer name</source>
        <translation>プラン名</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="60"/>
        <location filename="../../wizard/core/export/forms.py" line="50"/>
        <source>SKU ID</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="51"/>
        <source>SKU summary</source>
        <translation>SKU の概要</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="52"/>
        <source>Marketplace URL</source>
        <translation>Marketplace の URL</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="53"/>
        <source>Azure portal URL</source>
        <translation>Azure ポータルの URL</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="54"/>
        <source>OS family</source>
        <translation>OS ファミリ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="59"/>
        <source>Recommended VM size {n}</source>
        <translation>推奨 VM サイズ {n}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="60"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="63"/>
        <source>OS VHD URL</source>
        <translation>OS VHD URL</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="67"/>
        <source>LUN</source>
        <translation>LUN</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="68"/>
        <source>LUN {lun} VHD URL</source>
        <translation>LUN {lun} VHD URL</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/forms.py" line="70"/>
        <source>Certification report</source>
        <translation>認定レポート</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="61"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="62"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="63"/>
        <source>Operating system name</source>
        <translation>オペレーティング システム名</translation>
    </message>
    <message>
        <location filename="../../wizard/core/validation.py" line="64"/>
        <source>Base image</source>
        <translation>基本イメージ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="99"/>
        <source>The file is empty: it is not a disk image.</source>
        <translation>ファイルが空です。ディスク イメージではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="100"/>
        <source>This is a VHDX file. Azure needs the older VHD format: convert it to a fixed VHD.</source>
        <translation>これは VHDX ファイルです。Azure では従来の VHD 形式が必要です。固定 VHD に変換してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="101"/>
        <source>There is no VHD footer: this looks like a raw disk image. Convert it to a fixed VHD.</source>
        <translation>VHD フッターがありません。raw ディスク イメージのようです。固定 VHD に変換してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="102"/>
        <source>This is not a VHD file (no &apos;conectix&apos; footer) and not a raw image (size is not a multiple of 512).</source>
        <translation>VHD ファイル (&apos;conectix&apos; フッターなし) でも raw イメージ (サイズが 512 の倍数でない) でもありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="103"/>
        <source>The file is truncated: it is shorter than its footer says ({expected} bytes expected). Copy or export it again.</source>
        <translation>ファイルが途中で切れています。フッターの記載より短くなっています ({expected} バイトのはず)。もう一度コピーまたはエクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="104"/>
        <source>The VHD has an old 511-byte footer (pre-2004 Virtual PC). Azure needs a 512-byte footer: convert it.</source>
        <translation>この VHD には古い 511 バイトのフッター (2004 年以前の Virtual PC) があります。Azure では 512 バイトのフッターが必要です。変換してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="105"/>
        <source>The footer checksum is wrong (stored {stored}, computed {computed}): the file is damaged or was edited.</source>
        <translation>フッターのチェックサムが正しくありません (記録値 {stored}、計算値 {computed})。ファイルが壊れているか、編集されています。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="106"/>
        <source>The disk is {type}, not fixed. Azure accepts fixed VHDs only: convert it.</source>
        <translation>ディスクが固定ではなく {type} です。Azure は固定 VHD のみ受け付けます。変換してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="107"/>
        <source>The dynamic disk header (&apos;cxsparse&apos;) is missing or damaged.</source>
        <translation>動的ディスクのヘッダー (&apos;cxsparse&apos;) がないか壊れています。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="108"/>
        <source>Fixed VHD.</source>
        <translation>固定 VHD です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="109"/>
        <source>Virtual size {size} bytes is not a whole number of MiB. Resize to {target} bytes ({mib} MiB).</source>
        <translation>仮想サイズ {size} バイトは MiB の整数倍ではありません。{target} バイト ({mib} MiB) にサイズ変更してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="110"/>
        <source>Virtual size is a whole number of MiB ({mib} MiB).</source>
        <translation>仮想サイズは MiB の整数倍です ({mib} MiB)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="111"/>
        <source>Virtual size is below the minimum of {min} MiB.</source>
        <translation>仮想サイズが最小値 {min} MiB 未満です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="112"/>
        <source>File size {file} should be the virtual size + 512 = {expected} bytes.</source>
        <translation>ファイル サイズ {file} は仮想サイズ + 512 = {expected} バイトである必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="113"/>
        <source>File size is the virtual size + 512 bytes.</source>
        <translation>ファイル サイズは仮想サイズ + 512 バイトです。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="114"/>
        <source>The {os} OS disk is {size} GiB; this profile needs at least {min} GiB. Resize to {min} GiB.</source>
        <translation>{os} の OS ディスクは {size} GiB です。このプロファイルでは {min} GiB 以上が必要です。{min} GiB にサイズ変更してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="115"/>
        <source>The {os} OS disk is {size} GiB; this profile allows at most {max} GiB.</source>
        <translation>{os} の OS ディスクは {size} GiB です。このプロファイルでは最大 {max} GiB です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="116"/>
        <source>The {os} OS disk is {size} GiB, above {max} GiB: accepted only case by case.</source>
        <translation>{os} の OS ディスクは {size} GiB で、{max} GiB を超えています。個別に判断された場合のみ受け付けられます。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="117"/>
        <source>The {os} OS disk is {size} GiB; {min}–{max} GiB is recommended.</source>
        <translation>{os} の OS ディスクは {size} GiB です。{min}～{max} GiB を推奨します。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="118"/>
        <source>The {os} OS disk size {size} GiB is within {min}–{max} GiB.</source>
        <translation>{os} の OS ディスク サイズ {size} GiB は {min}～{max} GiB の範囲内です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="119"/>
        <source>The data disk is {size} GiB; data disks may be at most {max} GiB.</source>
        <translation>データ ディスクは {size} GiB です。データ ディスクは最大 {max} GiB です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="120"/>
        <source>The data disk size {size} GiB is within the {max} GiB limit.</source>
        <translation>データ ディスク サイズ {size} GiB は上限 {max} GiB 以内です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="121"/>
        <source>Sparse file: {allocated} of {file} bytes are allocated (fine, and faster to upload).</source>
        <translation>スパース ファイルです: {file} バイト中 {allocated} バイトが割り当て済み (問題なし。アップロードも速くなります)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="122"/>
        <source>Allocated size is unknown on this system.</source>
        <translation>このシステムでは割り当て済みサイズがわかりません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="123"/>
        <source>Partition {number} starts at sector {start}, before sector {sector}: the first MiB must stay free for Azure.</source>
        <translation>パーティション {number} がセクター {sector} より前のセクター {start} から始まっています。先頭 1 MiB は Azure 用に空けておく必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="124"/>
        <source>No partition table found: a Linux OS disk needs one, with every partition from sector {sector} on.</source>
        <translation>パーティション テーブルがありません。Linux の OS ディスクには、すべてのパーティションがセクター {sector} 以降から始まるテーブルが必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="125"/>
        <source>The partition table cannot be read ({problem}): the first MiB could not be checked.</source>
        <translation>パーティション テーブルを読み取れません ({problem})。先頭 1 MiB をチェックできませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="126"/>
        <source>No partition starts before sector {sector} ({scheme}): the first MiB is free.</source>
        <translation>セクター {sector} より前から始まるパーティションはありません ({scheme})。先頭 1 MiB は空いています。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="127"/>
        <source>The blob is a {type}, not a page blob: upload the VHD again as a page blob.</source>
        <translation>BLOB がページ BLOB ではなく {type} です。VHD をページ BLOB としてアップロードし直してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="128"/>
        <source>The blob is a page blob.</source>
        <translation>BLOB はページ BLOB です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="133"/>
        <source>File format</source>
        <translation>ファイル形式</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="134"/>
        <source>Disk type</source>
        <translation>ディスクの種類</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="135"/>
        <source>Dynamic disk header</source>
        <translation>可変長ディスクのヘッダー</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="136"/>
        <source>Footer checksum</source>
        <translation>フッターのチェックサム</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="137"/>
        <source>Footer length</source>
        <translation>フッターの長さ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="138"/>
        <source>File complete</source>
        <translation>ファイルの完全性</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="139"/>
        <source>File size</source>
        <translation>ファイル サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="140"/>
        <source>Size in whole MiB</source>
        <translation>MiB 単位のサイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="141"/>
        <source>Minimum size</source>
        <translation>最小サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="142"/>
        <source>OS disk size</source>
        <translation>OS ディスクのサイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="143"/>
        <source>Data disk size</source>
        <translation>データ ディスクのサイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="144"/>
        <source>Data to upload</source>
        <translation>アップロードするデータ量</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="145"/>
        <source>First MiB</source>
        <translation>先頭 1 MiB</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="146"/>
        <source>Blob type</source>
        <translation>BLOB の種類</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="149"/>
        <source>fixed</source>
        <translation>固定長</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="149"/>
        <source>dynamic</source>
        <translation>可変長</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdcheck.py" line="150"/>
        <source>differencing</source>
        <translation>差分</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="112"/>
        <source>This is not a blob URL the portal can use ({reason}).</source>
        <translation>ポータルで使える BLOB の URL ではありません ({reason})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="113"/>
        <source>The URI has no &apos;?&apos;: it carries no SAS token.</source>
        <translation>URI に &apos;?&apos; がありません。SAS トークンが含まれていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="114"/>
        <source>The URI must end with the VHD&apos;s file name ending in .vhd.</source>
        <translation>URI は .vhd で終わる VHD のファイル名で終わる必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="115"/>
        <source>The VHD name contains a blank, &apos;%&apos; or &apos;&quot;&apos;, which the portal rejects. Rename the blob.</source>
        <translation>VHD の名前に空白、&apos;%&apos;、&apos;&quot;&apos; が含まれており、ポータルで拒否されます。BLOB の名前を変更してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="116"/>
        <source>Permissions are &apos;{sp}&apos;; the portal needs exactly read + list (sp=rl).</source>
        <translation>アクセス許可が &apos;{sp}&apos; です。ポータルでは読み取り + 一覧表示 (sp=rl) のみが必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="117"/>
        <source>Permissions are read + list (sp=rl).</source>
        <translation>アクセス許可は読み取り + 一覧表示 (sp=rl) です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="118"/>
        <source>The SAS is not a container SAS (sr={sr}); create a container SAS (sr=c).</source>
        <translation>コンテナー SAS ではありません (sr={sr})。コンテナー SAS (sr=c) を作成してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="119"/>
        <source>The SAS has no {field} ({name}) time; the portal needs both start and expiry.</source>
        <translation>SAS に {field} ({name}) の時刻がありません。ポータルでは開始と有効期限の両方が必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="120"/>
        <source>The {field} time &apos;{value}&apos; is not a date-time the storage service accepts.</source>
        <translation>{field}の時刻 &apos;{value}&apos; は、ストレージ サービスが受け付ける日時の形式ではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="121"/>
        <source>The {field} time &apos;{value}&apos; is a date only; the portal needs a full UTC date-time.</source>
        <translation>{field}の時刻 &apos;{value}&apos; は日付のみです。ポータルでは完全な UTC の日時が必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="122"/>
        <source>The SAS starts in the future ({value}); the portal would be refused until then.</source>
        <translation>SAS の開始が未来 ({value}) です。それまではポータルで拒否されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="123"/>
        <source>The SAS starts less than {minutes} minutes before now; clocks that run behind may refuse it.</source>
        <translation>SAS の開始が現在から {minutes} 分以内です。時計が遅れているマシンでは拒否される可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="124"/>
        <source>The SAS expired on {value}. Create a new one.</source>
        <translation>SAS は {value} に期限切れになりました。新しく作成してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="125"/>
        <source>The SAS is valid until {value}, but this profile needs at least {needed} (from its start). Create a longer one.</source>
        <translation>SAS の有効期限は {value} ですが、このプロファイルでは (開始から) 少なくとも {needed} までが必要です。より長い SAS を作成してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="126"/>
        <source>The SAS expires on {value}, within {days} days. Renew it before submitting.</source>
        <translation>SAS は {value} に期限切れになります ({days} 日以内)。提出前に更新してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="127"/>
        <source>Valid until {value}.</source>
        <translation>{value} まで有効です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="128"/>
        <source>The 2015 guide asks for an http URI, but many storage accounts require https; keep https unless the portal refuses it.</source>
        <translation>2015 年のガイドでは http の URI が求められていますが、多くのストレージ アカウントでは https が必須です。ポータルで拒否されない限り https のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="130"/>
        <source>The URI uses http; Partner Center needs https.</source>
        <translation>URI が http を使っています。パートナー センターでは https が必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="131"/>
        <source>The SAS has no signature (sig).</source>
        <translation>SAS に署名 (sig) がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="132"/>
        <source>Read the VHD footer through the SAS.</source>
        <translation>SAS を使って VHD フッターを読み取れました。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="133"/>
        <source>The blob&apos;s last 512 bytes are not a VHD footer.</source>
        <translation>BLOB の最後の 512 バイトが VHD フッターではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="134"/>
        <source>The blob is a {type}, not a page blob.</source>
        <translation>BLOB がページ BLOB ではなく {type} です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sas.py" line="135"/>
        <source>Reading the blob through the SAS failed: {reason}</source>
        <translation>SAS を使った BLOB の読み取りに失敗しました: {reason}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="48"/>
        <source>Check the DNS name (for Azure: &lt;name&gt;.&lt;region&gt;.cloudapp.azure.com) or use the IP address.</source>
        <translation>DNS 名を確認するか (Azure では &lt;名前&gt;.&lt;リージョン&gt;.cloudapp.azure.com)、IP アドレスを使ってください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="53"/>
        <source>Check that the VM is running, that sshd listens on this port, and that the network security group allows it.</source>
        <translation>VM が起動していること、sshd がこのポートで待ち受けていること、ネットワーク セキュリティ グループで許可されていることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="59"/>
        <source>Nothing answered in time: check the address, the port and any firewall in between.</source>
        <translation>時間内に応答がありませんでした。アドレス、ポート、途中のファイアウォールを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="64"/>
        <source>The port answered but not as an SSH server: check the port number.</source>
        <translation>ポートは応答しましたが SSH サーバーではありません。ポート番号を確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="67"/>
        <source>The host key of {host} is not known yet ({key_type} {fingerprint}).</source>
        <translation>{host} のホスト キーはまだ不明です ({key_type} {fingerprint})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="68"/>
        <source>Compare the fingerprint with the VM&apos;s (for example in the Azure serial console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and trust it only if they match.</source>
        <translation>フィンガープリントを VM のもの (例: Azure のシリアル コンソールで ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) と照合し、一致する場合だけ信頼してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="70"/>
        <source>The host key of {host} changed: expected {expected}, got {got}. Connection refused.</source>
        <translation>{host} のホスト キーが変わりました: 期待値 {expected}、実際 {got}。接続を拒否しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="71"/>
        <source>If the VM was re-created, this is expected: remove the old key (Forget host key) and connect again to compare the new fingerprint. Otherwise someone may be intercepting.</source>
        <translation>VM を作り直した場合は想定どおりです。古いキーを破棄 (「ホスト キーを破棄」) してから再接続し、新しいフィンガープリントを照合してください。そうでない場合は通信が傍受されている可能性があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="73"/>
        <source>The key {path} needs a passphrase.</source>
        <translation>キー {path} にはパスフレーズが必要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="74"/>
        <source>The passphrase for {path} is wrong.</source>
        <translation>{path} のパスフレーズが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="75"/>
        <source>Check the key&apos;s passphrase.</source>
        <translation>キーのパスフレーズを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="76"/>
        <source>The key file {path} cannot be read: {reason}.</source>
        <translation>キー ファイル {path} を読み取れません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="77"/>
        <source>{path} is not a private key format this app reads ({reason}).</source>
        <translation>{path} はこのアプリが読める秘密キーの形式ではありません ({reason})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="78"/>
        <source>{host} does not resolve ({reason}).</source>
        <translation>{host} の名前解決ができません ({reason})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="79"/>
        <source>{host}:{port} did not answer within {seconds} s.</source>
        <translation>{host}:{port} が {seconds} 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="80"/>
        <source>{host}:{port} refused the connection (port closed).</source>
        <translation>{host}:{port} が接続を拒否しました (ポートが閉じています)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="81"/>
        <source>{host}:{port} cannot be reached: {reason}.</source>
        <translation>{host}:{port} に到達できません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="82"/>
        <source>SSH handshake with {host}:{port} failed: {reason}.</source>
        <translation>{host}:{port} との SSH ハンドシェイクに失敗しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="83"/>
        <source>{user}@{host} refused the password.</source>
        <translation>{user}@{host} がパスワードを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="84"/>
        <source>{user}@{host} refused the key.</source>
        <translation>{user}@{host} がキーを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="85"/>
        <source>Authentication failed: {reason}.</source>
        <translation>認証に失敗しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="106"/>
        <source>Check the user name and the password or key. Azure sets these when the VM is created.</source>
        <translation>ユーザー名とパスワードまたはキーを確認してください。これらは VM の作成時に Azure で設定されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="111"/>
        <source>The private key is encrypted: enter its passphrase.</source>
        <translation>秘密キーは暗号化されています。パスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="116"/>
        <source>Use an OpenSSH or PEM private key (convert PuTTY .ppk files with PuTTYgen: Conversions → Export OpenSSH key).</source>
        <translation>OpenSSH または PEM 形式の秘密キーを使ってください (PuTTY の .ppk は PuTTYgen の Conversions → Export OpenSSH key で変換できます)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="120"/>
        <source>Name resolves</source>
        <translation>名前解決</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="121"/>
        <source>Port open</source>
        <translation>ポート接続</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="122"/>
        <source>SSH handshake</source>
        <translation>SSH ハンドシェイク</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="123"/>
        <source>Host key</source>
        <translation>ホスト キー</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="124"/>
        <source>Authentication</source>
        <translation>認証</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="125"/>
        <location filename="../../wizard/core/export/forms.py" line="55"/>
        <source>Operating system</source>
        <translation>オペレーティング システム</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="126"/>
        <source>Passwordless sudo</source>
        <translation>パスワードなしの sudo</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="127"/>
        <source>TLS certificate</source>
        <translation>TLS 証明書</translation>
    </message>
    <message>
        <location filename="../../wizard/core/sshconn.py" line="128"/>
        <source>Administrator rights</source>
        <translation>管理者権限</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="58"/>
        <source>The TLS certificate of {host}:{port} is not trusted: {reason}.</source>
        <translation>{host}:{port} の TLS 証明書は信頼されていません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="59"/>
        <source>Give the VM&apos;s WinRM listener a certificate your machine trusts (its name must match the host name). For a throw-away test VM with a self-signed certificate you may switch off certificate validation — then anyone in between could read the password.</source>
        <translation>VM の WinRM リスナーに、このコンピューターが信頼する証明書 (名前がホスト名と一致するもの) を設定してください。自己署名証明書の使い捨てテスト VM なら証明書の検証をオフにできますが、その場合は途中の第三者がパスワードを読み取れるおそれがあります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="63"/>
        <source>No TLS handshake with {host}:{port}: {reason}.</source>
        <translation>{host}:{port} と TLS ハンドシェイクできません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="64"/>
        <source>Port 5986 must be a WinRM HTTPS listener: on the VM run winrm quickconfig -transport:https (needs a certificate).</source>
        <translation>ポート 5986 は WinRM の HTTPS リスナーである必要があります。VM で winrm quickconfig -transport:https を実行してください (証明書が必要です)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="66"/>
        <source>{host} refused the user name or password of {user}.</source>
        <translation>{host} は {user} のユーザー名またはパスワードを拒否しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="67"/>
        <source>Check the user name (.\user for a local account, DOMAIN\user for a domain one) and the password; WinRM must allow Negotiate (NTLM).</source>
        <translation>ユーザー名 (ローカル アカウントは .\user、ドメイン アカウントは DOMAIN\user) とパスワードを確認してください。WinRM で Negotiate (NTLM) が許可されている必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="69"/>
        <source>There is no password for {user} in this session.</source>
        <translation>このセッションには {user} のパスワードがありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="70"/>
        <source>Enter it in the Connection step (tick &quot;Remember in the OS keyring&quot; to keep it between sessions).</source>
        <translation>「接続」ステップで入力してください (セッションをまたいで保持するには「OS のキーリングに記憶する」をオンにします)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="72"/>
        <source>The WinRM service of {host} answered HTTP {code}: {reason}.</source>
        <translation>{host} の WinRM サービスが HTTP {code} を返しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="73"/>
        <source>PowerShell remoting on {host} failed: {reason}.</source>
        <translation>{host} での PowerShell リモート処理に失敗しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="74"/>
        <source>Check that PowerShell remoting is enabled on the VM (Enable-PSRemoting) and that the user is an administrator.</source>
        <translation>VM で PowerShell リモート処理が有効 (Enable-PSRemoting) で、ユーザーが管理者であることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="76"/>
        <source>PowerShell on {host} failed: {reason}.</source>
        <translation>{host} の PowerShell が失敗しました: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="77"/>
        <source>Check that Windows PowerShell runs for this user over SSH (powershell -NoProfile -Command $PSVersionTable).</source>
        <translation>このユーザーで SSH 経由で Windows PowerShell が動くことを確認してください (powershell -NoProfile -Command $PSVersionTable)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/winremote.py" line="79"/>
        <source>Check that the VM is running, that WinRM listens on HTTPS port 5986, and that the network security group allows it.</source>
        <translation>VM が起動していること、WinRM が HTTPS ポート 5986 で待ち受けていること、ネットワーク セキュリティ グループで許可されていることを確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/export/formats.py" line="10"/>
        <source>MISSING: create and verify this disk&apos;s SAS URI in the SAS URIs step (or it is not in the keyring)</source>
        <translation>未入力: 「SAS URI」ステップでこのディスクの SAS URI を作成して検証してください (またはキーリングにありません)</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdjobs.py" line="34"/>
        <source>{target} is a folder, not a VHD file.</source>
        <translation>{target} はフォルダーです。VHD ファイルではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdjobs.py" line="35"/>
        <source>{target} does not exist.</source>
        <translation>{target} は存在しません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdjobs.py" line="36"/>
        <source>{target} cannot be read: permission denied.</source>
        <translation>{target} を読み取れません: アクセス権がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/vhdjobs.py" line="37"/>
        <source>{target} cannot be read: {reason}.</source>
        <translation>{target} を読み取れません: {reason}。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="20"/>
        <source>The blob or its container does not exist. Check the URL (names are case-sensitive).</source>
        <translation>BLOB またはそのコンテナーが存在しません。URL を確認してください (名前は大文字と小文字が区別されます)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="21"/>
        <source>Access was refused: the key, connection string or SAS is wrong, expired or lacks read permission.</source>
        <translation>アクセスが拒否されました: キー、接続文字列、または SAS が誤っているか、期限切れか、読み取り権限がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="22"/>
        <source>Access was refused (403): the key or SAS is wrong, expired, or lacks the permission this needs (read; write for uploads).</source>
        <translation>アクセスが拒否されました (403): キーまたは SAS が誤っているか、期限切れか、この操作に必要な権限 (読み取り、アップロードには書き込み) がありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="24"/>
        <source>The storage service refused the request ({code}).</source>
        <translation>ストレージ サービスが要求を拒否しました ({code})。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="25"/>
        <source>The storage endpoint could not be reached. Check the URL and your network connection.</source>
        <translation>ストレージのエンドポイントに接続できませんでした。URL とネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/storage.py" line="26"/>
        <source>The storage credentials are malformed: {reason}</source>
        <translation>ストレージの資格情報の形式が正しくありません: {reason}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="80"/>
        <source>{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page blobs.</source>
        <translation>{path} は固定サイズの VHD ではありません ({what})。ページ BLOB としてアップロードできるのは固定サイズの VHD だけです。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="81"/>
        <source>{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page blobs. Convert it first: {fix}</source>
        <translation>{path} は固定サイズの VHD ではありません ({what})。ページ BLOB としてアップロードできるのは固定サイズの VHD だけです。先に変換してください: {fix}</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="83"/>
        <source>{path} is {size} bytes, not a multiple of 512: it is not a usable fixed VHD.</source>
        <translation>{path} は {size} バイトで、512 の倍数ではありません。使用できる固定サイズの VHD ではありません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="84"/>
        <source>{url} exists as a {blob_type}, not a page blob; delete it or choose another name.</source>
        <translation>{url} はページ BLOB ではなく {blob_type} として既に存在します。削除するか、別の名前を選んでください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="85"/>
        <source>{url} is leased (a VM or another tool is using it); break the lease or choose another name.</source>
        <translation>{url} はリースされています (VM または別のツールが使用中です)。リースを解除するか、別の名前を選んでください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="87"/>
        <source>access was refused: the key or SAS is wrong, expired, or has no write permission</source>
        <translation>アクセスが拒否されました: キーまたは SAS が誤っているか、期限切れか、書き込み権限がありません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="88"/>
        <source>the blob is leased (a VM or another upload is using it); break the lease or choose another name</source>
        <translation>BLOB はリースされています (VM または別のアップロードが使用中です)。リースを解除するか、別の名前を選んでください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="90"/>
        <source>the storage account is out of capacity</source>
        <translation>ストレージ アカウントの容量が不足しています</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="91"/>
        <source>the container does not exist</source>
        <translation>コンテナーが存在しません</translation>
    </message>
    <message>
        <location filename="../../wizard/core/upload.py" line="92"/>
        <source>verification failed: the blob&apos;s page ranges do not match the file&apos;s data; upload again</source>
        <translation>検証に失敗しました: BLOB のページ範囲がファイルのデータと一致しません。もう一度アップロードしてください</translation>
    </message>
    <message>
        <location filename="../../wizard/core/report_store.py" line="13"/>
        <source>The SKU&apos;s OS disk has no blob yet: upload or assign its VHD blob first (VHD check or SAS step).</source>
        <translation>この SKU の OS ディスクにはまだ BLOB がありません。先に VHD BLOB をアップロードするか割り当ててください (VHD チェックまたは SAS の手順)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/report_store.py" line="15"/>
        <source>The container SAS is for another container; the report belongs in &apos;{container}&apos;.</source>
        <translation>このコンテナー SAS は別のコンテナーのものです。レポートの保存先は &apos;{container}&apos; です。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/operations.py" line="44"/>
        <source>No storage credential: connect to the storage account in the SAS URIs step first (account key or connection string).</source>
        <translation>ストレージの資格情報がありません。先に「SAS URI」の手順でストレージ アカウントに接続してください (アカウント キーまたは接続文字列)。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/operations.py" line="46"/>
        <source>No storage credential in this session, and the keyring could not be read ({reason}): connect to the storage account in the SAS URIs step.</source>
        <translation>このセッションにストレージの資格情報がなく、キーリングも読み取れませんでした ({reason})。「SAS URI」の手順でストレージ アカウントに接続してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/operations.py" line="48"/>
        <source>Creating a SAS needs the account key or a connection string with a key; a container SAS URL can only list.</source>
        <translation>SAS の作成にはアカウント キー、またはキーを含む接続文字列が必要です。コンテナー SAS URL では一覧表示しかできません。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/operations.py" line="50"/>
        <source>No read access to this blob: paste its URL with a SAS (&apos;Use blob URL…&apos;), or connect to the storage account in the SAS URIs step.</source>
        <translation>この BLOB を読み取る権限がありません。SAS 付きの URL を貼り付けるか (「BLOB の URL を使用…」)、「SAS URI」の手順でストレージ アカウントに接続してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/core/operations.py" line="52"/>
        <source>The connection dropped during the run ({reason}): the checks whose evidence had arrived are judged, the others are Errors. Run again.</source>
        <translation>実行中に接続が切れました ({reason})。根拠が届いたチェックは判定し、それ以外はエラーにしました。もう一度実行してください。</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../../wizard/secret_ui.py" line="13"/>
        <source>The system keyring is locked: unlock it to use a remembered password, or type the password.</source>
        <translation>システム キーリングがロックされています。記憶したパスワードを使うにはロックを解除するか、パスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/secret_ui.py" line="15"/>
        <source>No secure system keyring is available: passwords can be kept for this session only.</source>
        <translation>安全なシステム キーリングがありません。パスワードはこのセッションの間だけ保持できます。</translation>
    </message>
    <message>
        <location filename="../../wizard/secret_ui.py" line="21"/>
        <source>No secure system keyring is available, so the password was not saved. On Linux, install and start GNOME Keyring or KWallet. Until then, untick &apos;Remember&apos; to keep it for this session only.</source>
        <translation>安全なシステム キーリングがないため、パスワードを保存できませんでした。Linux では GNOME Keyring か KWallet をインストールして起動してください。それまでは「記憶する」のチェックを外すと、このセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/secret_ui.py" line="25"/>
        <source>The system keyring is locked, so the password was not saved. Unlock your keyring (log in to it) and try again, or untick &apos;Remember&apos;.</source>
        <translation>システム キーリングがロックされているため、パスワードを保存できませんでした。キーリングのロックを解除 (ログイン) してからやり直すか、「記憶する」のチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/secret_ui.py" line="27"/>
        <source>The system keyring reported an error: {0}</source>
        <translation>システム キーリングがエラーを報告しました: {0}</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="46"/>
        <source>Export the SKU form</source>
        <translation>SKU フォームのエクスポート</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="47"/>
        <source>Check readiness and export the values to paste into the portal, field by field.</source>
        <translation>準備状況を確認し、ポータルにフィールドごとに貼り付ける値をエクスポートします。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="58"/>
        <source>SKU:</source>
        <translation>SKU:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="64"/>
        <source>Ready</source>
        <translation>準備</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="64"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="64"/>
        <source>Readiness checklist</source>
        <translation>準備状況チェックリスト</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="68"/>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="68"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="68"/>
        <source>Publishing portal form</source>
        <translation>発行ポータルのフォーム</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="69"/>
        <source>Publishing portal (guide)</source>
        <translation>発行ポータル (ガイド)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="76"/>
        <source>Copy JSON</source>
        <translation>JSON をコピー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="80"/>
        <source>Partner Center (JSON)</source>
        <translation>パートナー センター (JSON)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="87"/>
        <source>Portal form — printable HTML</source>
        <translation>ポータルのフォーム — 印刷用 HTML</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="87"/>
        <source>Portal form — CSV</source>
        <translation>ポータルのフォーム — CSV</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="88"/>
        <source>Portal form — Markdown</source>
        <translation>ポータルのフォーム — Markdown</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="89"/>
        <source>Partner Center technical configuration — JSON</source>
        <translation>パートナー センターの技術構成 — JSON</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="90"/>
        <source>Test VM script — Azure CLI (bash)</source>
        <translation>テスト VM スクリプト — Azure CLI (bash)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="91"/>
        <source>Test VM script — Azure CLI (PowerShell)</source>
        <translation>テスト VM スクリプト — Azure CLI (PowerShell)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="97"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="99"/>
        <source>Check again</source>
        <translation>再確認</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="149"/>
        <source>The SAS URIs could not be read: {0}</source>
        <translation>SAS URI を読み取れませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="153"/>
        <source>Reading the SAS URIs from the keyring…</source>
        <translation>キーリングから SAS URI を読み取っています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="173"/>
        <source>Ready to submit.</source>
        <translation>提出の準備ができています。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="174"/>
        <source>{0} item(s) missing: you can export now, and the export says what is missing.</source>
        <translation>{0} 件の項目が不足しています。今エクスポートすることもでき、不足分はエクスポートに書き込まれます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="183"/>
        <source>ready</source>
        <translation>準備済み</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="183"/>
        <source>missing</source>
        <translation>不足</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="189"/>
        <source>Go to step</source>
        <translation>ステップへ移動</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="190"/>
        <source>Open the step that fixes this</source>
        <translation>これを解決するステップを開きます</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="205"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="207"/>
        <source>Copy {0}</source>
        <translation>{0} をコピー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="228"/>
        <source>Copied “{0}”. Paste it into the portal field of the same name.</source>
        <translation>「{0}」をコピーしました。ポータルの同じ名前のフィールドに貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="232"/>
        <source>Copied the Partner Center JSON.</source>
        <translation>パートナー センターの JSON をコピーしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="238"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="251"/>
        <source>Could not write {0}: {1}</source>
        <translation>{0} を書き込めませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="257"/>
        <source>Exported {0}.</source>
        <translation>{0} をエクスポートしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/export_page.py" line="258"/>
        <source>Exported {0}, with {1} missing item(s) written into it.</source>
        <translation>{0} をエクスポートしました (不足している {1} 件の項目も記載しています)。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wizard/mainwindow.py" line="139"/>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="158"/>
        <source>&amp;Save project</source>
        <translation>プロジェクトを保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="160"/>
        <source>Offer &amp; SKUs</source>
        <translation>プランと SKU</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="161"/>
        <source>VHD check</source>
        <translation>VHD チェック</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="162"/>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="163"/>
        <source>Test run</source>
        <translation>テスト実行</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="164"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="165"/>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="166"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="242"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="259"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="260"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="261"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="264"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="265"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="266"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="270"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="243"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="272"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="273"/>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="244"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="268"/>
        <source>&amp;Import from Partner Center…</source>
        <translation>パートナー センターからインポート(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="279"/>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="280"/>
        <source>Open &amp;log folder</source>
        <translation>ログ フォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="286"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="304"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="313"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="314"/>
        <source>needs attention</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="315"/>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="364"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="365"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>プロジェクトに未保存の変更があります。先に保存しますか?</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="390"/>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="390"/>
        <source>Marketplace wizard projects (*.mpwiz);;All files (*)</source>
        <translation>Marketplace ウィザード プロジェクト (*.mpwiz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="404"/>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="413"/>
        <source>Project opened with problems</source>
        <translation>問題のあるプロジェクトを開きました</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="414"/>
        <source>Some values in this file were damaged and replaced by defaults. Check them before saving; saving keeps the original as a .bak file.</source>
        <translation>このファイルの一部の値が壊れていたため、既定値に置き換えました。保存する前に確認してください。保存すると元のファイルは .bak として残ります。</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="423"/>
        <location filename="../../wizard/mainwindow.py" line="442"/>
        <source>Import from Partner Center</source>
        <translation>パートナー センターからインポート</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="424"/>
        <source>Technical configuration (*.json);;All files (*)</source>
        <translation>技術構成 (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="448"/>
        <source>Nothing was imported: {0}</source>
        <translation>何もインポートしませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="456"/>
        <source>Imported into SKU {0}. Published versions: {1}.</source>
        <translation>SKU {0} にインポートしました。公開済みのバージョン: {1}。</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="457"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="459"/>
        <source>The keyring is unavailable: the published SAS tokens are kept for this session only.</source>
        <translation>キーリングを使用できません。公開済みの SAS トークンはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="461"/>
        <source>Not taken:</source>
        <translation>取り込まなかった項目:</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="465"/>
        <source>Imported, but the SAS tokens could not be kept: {0}</source>
        <translation>インポートしましたが、SAS トークンを保持できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="475"/>
        <source>{0} SAS URI(s) expire within {1} days or have expired: renew them in the SAS URIs step.</source>
        <translation>{0} 個の SAS URI が {1} 日以内に期限切れになるか、期限切れです。「SAS URI」の手順で更新してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="487"/>
        <source>Save project</source>
        <translation>プロジェクトの保存</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="488"/>
        <source>Marketplace wizard projects (*.mpwiz)</source>
        <translation>Marketplace ウィザード プロジェクト (*.mpwiz)</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="502"/>
        <source>Save failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="507"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="521"/>
        <source>an unsaved project</source>
        <translation>未保存のプロジェクト</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="523"/>
        <source>Restore unsaved changes?</source>
        <translation>未保存の変更を復元しますか?</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="524"/>
        <source>The app closed unexpectedly while {0} had unsaved changes (autosaved {1}). Restore them?</source>
        <translation>{0} に未保存の変更がある状態でアプリが予期せず終了しました (自動保存 {1})。復元しますか?</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="533"/>
        <source>Restore failed</source>
        <translation>復元に失敗しました</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="547"/>
        <source>About {0}</source>
        <translation>{0} について</translation>
    </message>
    <message>
        <location filename="../../wizard/mainwindow.py" line="548"/>
        <source>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;Guides you through preparing and submitting a VM image to Azure Marketplace.&lt;/p&gt;&lt;p&gt;Bundled components and their licences: Qt 6 and Qt for Python (PySide6 {2}) — LGPLv3; Python — PSF License; paramiko — LGPL-2.1; cryptography — Apache-2.0 or BSD; azure-storage-blob and azure-core — MIT; keyring — MIT; platformdirs — MIT; requests, urllib3, certifi (MPL-2.0) and their dependencies.&lt;/p&gt;&lt;p&gt;The questionnaire wording is this product&apos;s own, not Microsoft&apos;s.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;Azure Marketplace への VM イメージの準備と提出を案内します。&lt;/p&gt;&lt;p&gt;同梱コンポーネントとライセンス: Qt 6 および Qt for Python (PySide6 {2}) — LGPLv3、Python — PSF License、paramiko — LGPL-2.1、cryptography — Apache-2.0 または BSD、azure-storage-blob と azure-core — MIT、keyring — MIT、platformdirs — MIT、requests、urllib3、certifi (MPL-2.0) とその依存関係。&lt;/p&gt;&lt;p&gt;アンケートの文言は本製品独自のもので、Microsoft のものではありません。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OfferPage</name>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="74"/>
        <source>Offer and SKUs</source>
        <translation>プランと SKU</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="75"/>
        <source>Define the offer and each SKU (one VM image each). IDs appear in URLs and cannot change after publishing: choose them with care.</source>
        <translation>プランと各 SKU (それぞれ 1 つの VM イメージ) を定義します。ID は URL に表示され、公開後は変更できないため、慎重に選んでください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="89"/>
        <source>Requirement profile</source>
        <translation>要件プロファイル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="90"/>
        <source>Which rules to check against: the 2015 publishing guide or today&apos;s Partner Center.</source>
        <translation>チェックに使う規則: 2015 年の発行ガイド、または現在のパートナー センター。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="91"/>
        <source>Re&amp;quirement profile:</source>
        <translation>要件プロファイル(&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="104"/>
        <source>What is missing</source>
        <translation>不足している項目</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="108"/>
        <source>What is still missing or wrong (click to go there):</source>
        <translation>まだ不足している項目や誤り (クリックで移動):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="152"/>
        <location filename="../../wizard/pages/offer_page.py" line="656"/>
        <source>Offer</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="158"/>
        <source>Lowercase letters, digits, &apos;-&apos; and &apos;_&apos;; starts with a letter or digit; at most 50 characters.</source>
        <translation>小文字、数字、&apos;-&apos;、&apos;_&apos; のみ。先頭は英字か数字。50 文字以内。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="159"/>
        <source>P&amp;ublisher namespace:</source>
        <translation>発行元の名前空間(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="160"/>
        <source>Publisher namespace</source>
        <translation>発行元の名前空間</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="161"/>
        <source>Offer &amp;ID:</source>
        <translation>プラン ID(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="161"/>
        <source>Offer ID</source>
        <translation>プラン ID</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="162"/>
        <source>Offer nam&amp;e:</source>
        <translation>プラン名(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="162"/>
        <source>Offer name</source>
        <translation>プラン名</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="163"/>
        <source>The name customers see for the offer.</source>
        <translation>顧客に表示されるプランの名前。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="166"/>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="169"/>
        <source>SKU list</source>
        <translation>SKU の一覧</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="169"/>
        <source>Each SKU is one VM image. Select one to edit it.</source>
        <translation>各 SKU は 1 つの VM イメージです。選択して編集します。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="173"/>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="174"/>
        <source>Dupli&amp;cate</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="175"/>
        <source>Rem&amp;ove</source>
        <translation>削除(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="176"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="177"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="178"/>
        <source>Add a new SKU</source>
        <translation>新しい SKU を追加</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="178"/>
        <source>Copy the selected SKU</source>
        <translation>選択した SKU を複製</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="179"/>
        <source>Remove the selected SKU</source>
        <translation>選択した SKU を削除</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="179"/>
        <source>Move the selected SKU up</source>
        <translation>選択した SKU を上へ移動</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="180"/>
        <source>Move the selected SKU down</source>
        <translation>選択した SKU を下へ移動</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="203"/>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="204"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="206"/>
        <source>family type version update, e.g. Windows Server Datacenter 2012 R2</source>
        <translation>ファミリ 種類 バージョン 更新 (例: Windows Server Datacenter 2012 R2)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="214"/>
        <source>Record this version as &amp;published</source>
        <translation>このバージョンを公開済みとして記録(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="215"/>
        <source>After the portal accepts this version, record it: a later version may only raise Z.</source>
        <translation>ポータルがこのバージョンを受け付けたら記録します。以降のバージョンは Z のみ上げられます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="217"/>
        <source>S&amp;KU ID:</source>
        <translation>SKU ID(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="217"/>
        <source>SKU ID</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="218"/>
        <source>Unique within the offer. Lowercase letters, digits, &apos;-&apos; and &apos;_&apos;; at most 50 characters.</source>
        <translation>プラン内で一意。小文字、数字、&apos;-&apos;、&apos;_&apos; のみ。50 文字以内。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="219"/>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="219"/>
        <source>SKU title</source>
        <translation>SKU のタイトル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="220"/>
        <source>The SKU&apos;s name as customers see it.</source>
        <translation>顧客に表示される SKU の名前。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="221"/>
        <source>Su&amp;mmary:</source>
        <translation>概要(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="221"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="222"/>
        <source>A short customer-visible summary (editable until push to staging).</source>
        <translation>顧客に表示される短い概要 (ステージングへのプッシュまで編集可能)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="223"/>
        <source>OS fami&amp;ly:</source>
        <translation>OS ファミリ(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="223"/>
        <source>Operating system family</source>
        <translation>オペレーティング システム ファミリ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="224"/>
        <source>Linux or Windows.</source>
        <translation>Linux または Windows。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="225"/>
        <source>Operating &amp;system:</source>
        <translation>オペレーティング システム(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="226"/>
        <source>Operating system friendly name</source>
        <translation>オペレーティング システムのフレンドリ名</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="227"/>
        <source>In the form &apos;family type version update&apos;, e.g. &apos;Windows Server Datacenter 2012 R2&apos;.</source>
        <translation>「ファミリ 種類 バージョン 更新」の形式 (例: &apos;Windows Server Datacenter 2012 R2&apos;)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="228"/>
        <source>&amp;Base image:</source>
        <translation>基本イメージ(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="228"/>
        <source>Windows base image</source>
        <translation>Windows の基本イメージ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="229"/>
        <source>Windows SKUs must start from an approved base image.</source>
        <translation>Windows の SKU は承認済みの基本イメージから作成する必要があります。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="230"/>
        <source>Base ima&amp;ge date:</source>
        <translation>基本イメージの日付(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="231"/>
        <source>Base image publication date</source>
        <translation>基本イメージの公開日</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="232"/>
        <source>For a base image not in the list: its publication date (must be after 2014-09-08).</source>
        <translation>一覧にない基本イメージの場合: その公開日 (2014-09-08 より後であること)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="239"/>
        <source>Search sizes, e.g. D2 v5, memory, compute</source>
        <translation>サイズを検索 (例: D2 v5、memory、compute)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="240"/>
        <source>Search VM sizes</source>
        <translation>VM サイズの検索</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="240"/>
        <source>Type part of a size name or series to filter.</source>
        <translation>サイズ名やシリーズの一部を入力して絞り込みます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="243"/>
        <source>VM size catalogue</source>
        <translation>VM サイズのカタログ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="243"/>
        <source>Check the recommended sizes for this SKU.</source>
        <translation>この SKU の推奨サイズにチェックを入れます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="249"/>
        <source>{0} — {1} vCPU, {2:g} GiB ({3})</source>
        <translation>{0} — {1} vCPU、{2:g} GiB ({3})</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="250"/>
        <source>Runs generation {0} images on {1}.</source>
        <translation>第 {0} 世代のイメージを {1} で実行できます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="251"/>
        <source>Retired on {0}: offered only under the 2015 guide&apos;s profile.</source>
        <translation>{0} に提供終了。2015 年のガイドのプロファイルでのみ選べます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="259"/>
        <source>Recommended VM si&amp;zes:</source>
        <translation>推奨 VM サイズ(&amp;Z):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="259"/>
        <source>Recommended VM sizes</source>
        <translation>推奨 VM サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="260"/>
        <source>Shown to customers on the pricing tier blade.</source>
        <translation>価格レベルのブレードで顧客に表示されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="265"/>
        <source>Properties, ports and published versions…</source>
        <translation>プロパティ、ポート、公開済みのバージョン…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="266"/>
        <source>Partner Center&apos;s technical configuration of the plan: its properties, the ports it opens and the image versions it already publishes.</source>
        <translation>パートナー センターでのプランの技術構成: プロパティ、開くポート、公開済みのイメージ バージョン。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="272"/>
        <source>Technical configuration:</source>
        <translation>技術構成:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="272"/>
        <source>Technical configuration</source>
        <translation>技術構成</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="273"/>
        <source>Used by the Partner Center export.</source>
        <translation>パートナー センター向けのエクスポートに使います。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="285"/>
        <source>Ve&amp;rsion:</source>
        <translation>バージョン(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="285"/>
        <location filename="../../wizard/pages/offer_page.py" line="287"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="286"/>
        <location filename="../../wizard/pages/offer_page.py" line="288"/>
        <source>X.Y.Z with whole numbers; within a SKU a new version may only raise Z.</source>
        <translation>X.Y.Z (整数)。同じ SKU 内の新しいバージョンは Z のみ上げられます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="294"/>
        <source>Disk</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="294"/>
        <source>LUN</source>
        <translation>LUN</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="294"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="294"/>
        <source>VHD file / blob</source>
        <translation>VHD ファイル / BLOB</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="303"/>
        <location filename="../../wizard/pages/offer_page.py" line="312"/>
        <source>Disks</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="303"/>
        <source>The OS disk and the data disks; LUNs follow the order.</source>
        <translation>OS ディスクとデータ ディスク。LUN は並び順で決まります。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="305"/>
        <source>Add data &amp;disk</source>
        <translation>データ ディスクを追加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="306"/>
        <source>Remove data disk</source>
        <translation>データ ディスクを削除</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="312"/>
        <source>Disks:</source>
        <translation>ディスク:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="313"/>
        <source>Add only the data disks the SKU needs: customers cannot remove image disks.</source>
        <translation>SKU に必要なデータ ディスクだけを追加してください。顧客はイメージのディスクを削除できません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="320"/>
        <source>URL previews:</source>
        <translation>URL のプレビュー:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="321"/>
        <source>The IDs appear in these URLs and cannot change after publishing.</source>
        <translation>ID はこれらの URL に表示され、公開後は変更できません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="381"/>
        <location filename="../../wizard/pages/offer_page.py" line="635"/>
        <source>(new SKU)</source>
        <translation>(新しい SKU)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="415"/>
        <source>(choose)</source>
        <translation>(選択してください)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="418"/>
        <source>Other, published after {0}</source>
        <translation>その他 ({0} より後に公開)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="430"/>
        <source>OS disk</source>
        <translation>OS ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="430"/>
        <source>Data disk</source>
        <translation>データ ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="431"/>
        <source>(set in the VHD step)</source>
        <translation>(VHD の手順で設定)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="586"/>
        <source>{0} of {1} properties on · {2} open port(s) · published versions: {3}</source>
        <translation>プロパティ {1} 個中 {0} 個がオン · 開くポート {2} 個 · 公開済みのバージョン: {3}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="618"/>
        <source>exactly {0}</source>
        <translation>ちょうど {0} 個</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="620"/>
        <source>{0} to {1}</source>
        <translation>{0}～{1} 個</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="621"/>
        <source>Chosen ({0} of {1}): {2}</source>
        <translation>選択済み ({0} 個、必要数 {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="585"/>
        <location filename="../../wizard/pages/offer_page.py" line="622"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="624"/>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="625"/>
        <source>Published versions: {0}</source>
        <translation>公開済みのバージョン: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="637"/>
        <source>This SKU has problems</source>
        <translation>この SKU には問題があります</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="637"/>
        <source>This SKU is complete</source>
        <translation>この SKU は完了しています</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="646"/>
        <source>Nothing: the offer and every SKU are complete.</source>
        <translation>ありません。プランとすべての SKU が完了しています。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="654"/>
        <source>SKU {0}</source>
        <translation>SKU {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/offer_page.py" line="657"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="32"/>
        <source>Remote desktop / SSH &amp;not supported (blocked on purpose)</source>
        <translation>リモート デスクトップ / SSH 非対応 (意図的にブロック)(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="33"/>
        <source>Requires a custom &amp;ARM template</source>
        <translation>カスタム ARM テンプレートが必要(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="34"/>
        <source>Is a ne&amp;twork virtual appliance</source>
        <translation>ネットワーク仮想アプライアンスである(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="35"/>
        <source>Supports accelerated n&amp;etworking</source>
        <translation>高速ネットワークに対応(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="36"/>
        <source>Supports N&amp;VMe</source>
        <translation>NVMe に対応(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="37"/>
        <source>Supports &amp;hibernation</source>
        <translation>休止状態に対応(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="38"/>
        <source>Supports cloud-&amp;init configuration</source>
        <translation>cloud-init 構成に対応(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="39"/>
        <source>Supports &amp;backup</source>
        <translation>バックアップに対応(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="40"/>
        <source>Supports e&amp;xtensions</source>
        <translation>拡張機能に対応(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="41"/>
        <source>Supports Microsoft Entra ID &amp;login</source>
        <translation>Microsoft Entra ID ログインに対応(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="43"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="43"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="44"/>
        <source>TCP and UDP</source>
        <translation>TCP と UDP</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="51"/>
        <source>Technical configuration of {0}</source>
        <translation>{0} の技術構成</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="51"/>
        <source>the SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="54"/>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="64"/>
        <source>The questionnaire says SSH is blocked on purpose: the export tells Partner Center that remote connections are not supported.</source>
        <translation>アンケートで SSH を意図的にブロックしていると回答しています。エクスポートではリモート接続に対応しないとパートナー センターに伝えます。</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="70"/>
        <location filename="../../wizard/plan_dialog.py" line="74"/>
        <source>Open ports</source>
        <translation>開くポート</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="73"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="73"/>
        <location filename="../../wizard/plan_dialog.py" line="121"/>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="73"/>
        <source>Port or range</source>
        <translation>ポートまたは範囲</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="82"/>
        <source>A&amp;dd port</source>
        <translation>ポートを追加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="83"/>
        <source>&amp;Remove port</source>
        <translation>ポートを削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="93"/>
        <source>Published image versions (kept unchanged in every export)</source>
        <translation>公開済みのイメージ バージョン (どのエクスポートでもそのまま維持)</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="96"/>
        <source>Published image versions</source>
        <translation>公開済みのイメージ バージョン</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="97"/>
        <source>generally available</source>
        <translation>一般提供</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="97"/>
        <source>deprecated</source>
        <translation>非推奨</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="98"/>
        <source>deleted</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="100"/>
        <source>Azure Compute Gallery</source>
        <translation>Azure Compute Gallery</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="100"/>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <location filename="../../wizard/plan_dialog.py" line="103"/>
        <source>None yet. File → Import from Partner Center… takes them over.</source>
        <translation>まだありません。「ファイル」→「パートナー センターからインポート…」で取り込めます。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../wizard/i18n.py" line="39"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../wizard/i18n.py" line="39"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="58"/>
        <source>True</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="58"/>
        <source>False</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="67"/>
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="80"/>
        <source>Explain why (required when the answer is False; shown to the certification team as a warning).</source>
        <translation>理由を説明してください (「いいえ」の場合は必須。認定チームには警告として表示されます)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="88"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="128"/>
        <source>Prefilled from the latest test run — check it and confirm.</source>
        <translation>最新のテスト実行から自動入力しました — 内容を確かめて確認してください。</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="163"/>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="164"/>
        <source>Answer the certification questionnaire, add what the certification team needs to know, and store the report beside your VHDs.</source>
        <translation>認定の質問票に回答し、認定チームに必要な情報を追加して、レポートを VHD と同じ場所に保存します。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="186"/>
        <source>Show next unanswered</source>
        <translation>次の未回答へ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="265"/>
        <source>Additional information</source>
        <translation>追加情報</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="266"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="282"/>
        <source>SSH is blocked on purpose in this image</source>
        <translation>このイメージでは SSH を意図的にブロックしている</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="285"/>
        <source>How the certification team can reach the VM over SSH: user name, port, key or password hand-over, anything unusual.</source>
        <translation>認定チームが SSH で VM に接続する方法: ユーザー名、ポート、鍵またはパスワードの受け渡し方法、特記事項。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="289"/>
        <source>SSH access information</source>
        <translation>SSH アクセス情報</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="298"/>
        <source>Exception requests</source>
        <translation>例外の申請</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="300"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="300"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="300"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="302"/>
        <source>The latest test run has no Failed, Error or Warning result: nothing to explain.</source>
        <translation>最新のテスト実行には失敗・エラー・警告の結果がありません。説明は不要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="310"/>
        <source>Why this result is acceptable for your image (for an exception request). Leave empty if you will fix it instead.</source>
        <translation>この結果がイメージにとって問題ない理由 (例外の申請用)。修正する場合は空のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="323"/>
        <source>The report bundle holds report.json (the test tool&apos;s record plus your answers), report.html, report.pdf and each test&apos;s evidence in logs/. The guide asks you to store it in the same container as the VHDs.</source>
        <translation>レポート一式には report.json (テスト ツールの記録と回答)、report.html、report.pdf、logs/ 内の各テストの証跡が含まれます。ガイドでは VHD と同じコンテナーに保存するよう求めています。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="332"/>
        <source>Save report…</source>
        <translation>レポートを保存…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="333"/>
        <source>Store in the VHD container</source>
        <translation>VHD のコンテナーに保存</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="334"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="339"/>
        <source>SKU:</source>
        <translation>SKU:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="390"/>
        <source>{0} of {1} answered</source>
        <translation>{1} 問中 {0} 問回答済み</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="392"/>
        <source>{0} prefilled answer(s) to confirm</source>
        <translation>確認待ちの自動入力 {0} 件</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="394"/>
        <source>{0} False answer(s) need an explanation</source>
        <translation>説明が必要な「いいえ」の回答 {0} 件</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="396"/>
        <source>SSH access information missing</source>
        <translation>SSH アクセス情報が未入力</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="431"/>
        <source>Run the certification tests first: the report is made from the latest test run.</source>
        <translation>先に認定テストを実行してください。レポートは最新のテスト実行から作成されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="434"/>
        <source>Stored {0} at {1} ({2}).</source>
        <translation>{0} を {1} に保存しました ({2})。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="437"/>
        <source>Saved {0}. Not stored in the VHD container yet.</source>
        <translation>{0} を保存しました。VHD のコンテナーにはまだ保存されていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="439"/>
        <source>No report made yet for this SKU.</source>
        <translation>この SKU のレポートはまだ作成されていません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="442"/>
        <source>Save the report into</source>
        <translation>レポートの保存先</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="460"/>
        <source>Not made: answer the remaining questions first (Show next unanswered).</source>
        <translation>作成していません。先に残りの質問に回答してください (「次の未回答を表示」)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="481"/>
        <source>Stored {0} at {1}</source>
        <translation>{0} を {1} に保存しました</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="483"/>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="492"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="487"/>
        <source>The report could not be made or stored: {0}</source>
        <translation>レポートを作成または保存できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="502"/>
        <source>Making the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="503"/>
        <source>Making and storing the report…</source>
        <translation>レポートを作成して保存しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="509"/>
        <source>Questionnaire not complete</source>
        <translation>アンケートが完了していません</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/questionnaire_page.py" line="510"/>
        <source>{0} of {1} questions are answered. The report records the open ones as unanswered, and the certification team will ask for them. Make the report anyway?</source>
        <translation>{1} 問中 {0} 問に回答済みです。未回答の質問はレポートに未回答として記録され、認定チームから問い合わせがあります。このままレポートを作成しますか?</translation>
    </message>
</context>
<context>
    <name>SasPage</name>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="47"/>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="48"/>
        <source>Connect to the storage account that holds the VHDs, assign each disk its blob, and create a read-and-list SAS URI for every disk, as the portal requires.</source>
        <translation>VHD を格納しているストレージ アカウントに接続し、各ディスクに BLOB を割り当て、ポータルの要件どおりすべてのディスクに読み取りと一覧表示の SAS URI を作成します。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="54"/>
        <source>Storage account</source>
        <translation>ストレージ アカウント</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="57"/>
        <source>Account name and key</source>
        <translation>アカウント名とキー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="57"/>
        <source>Connection string</source>
        <translation>接続文字列</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="58"/>
        <source>Container SAS URL (list rights)</source>
        <translation>コンテナー SAS URL (一覧表示の権限)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="65"/>
        <source>optional, e.g. http://127.0.0.1:10000/devstoreaccount1 for the emulator</source>
        <translation>省略可。エミュレーターの場合は http://127.0.0.1:10000/devstoreaccount1 など</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="68"/>
        <source>Remember in the OS &amp;keyring</source>
        <translation>OS のキーリングに記憶する(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="69"/>
        <source>&amp;Connect and list containers</source>
        <translation>接続してコンテナーを一覧表示(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="71"/>
        <source>&amp;Access with:</source>
        <translation>アクセス方法(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="71"/>
        <source>How this app signs in to the storage account.</source>
        <translation>このアプリがストレージ アカウントにサインインする方法。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="72"/>
        <source>Account na&amp;me:</source>
        <translation>アカウント名(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="72"/>
        <source>The storage account name.</source>
        <translation>ストレージ アカウントの名前。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="73"/>
        <source>Endpoint &amp;suffix:</source>
        <translation>エンドポイント サフィックス(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="73"/>
        <source>core.windows.net for the public cloud; others for sovereign clouds.</source>
        <translation>パブリック クラウドは core.windows.net、ソブリン クラウドはそれ以外。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="74"/>
        <source>Custom &amp;endpoint:</source>
        <translation>カスタム エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="74"/>
        <source>A full blob endpoint URL; overrides name and suffix.</source>
        <translation>BLOB エンドポイントの完全な URL。名前とサフィックスより優先されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="75"/>
        <source>Secre&amp;t:</source>
        <translation>シークレット(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="75"/>
        <source>The account key, connection string or container SAS URL. Never stored in the project file.</source>
        <translation>アカウント キー、接続文字列、またはコンテナー SAS URL。プロジェクト ファイルには保存しません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="89"/>
        <source>Container / blob</source>
        <translation>コンテナー / BLOB</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="89"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="89"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="90"/>
        <source>Last modified</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="90"/>
        <source>Portal</source>
        <translation>ポータル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="91"/>
        <source>Containers and blobs</source>
        <translation>コンテナーと BLOB</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="93"/>
        <source>Ass&amp;ign blob to selected disk</source>
        <translation>選択したディスクに BLOB を割り当て(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="103"/>
        <source>SKU / disk</source>
        <translation>SKU / ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="103"/>
        <source>Blob</source>
        <translation>BLOB</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="103"/>
        <source>SAS expires</source>
        <translation>SAS の有効期限</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="103"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="106"/>
        <source>Disks and their SAS URIs</source>
        <translation>ディスクとその SAS URI</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="109"/>
        <source> extra days</source>
        <translation> 日延長</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="110"/>
        <source>Make the SAS last longer than the profile&apos;s minimum (never shorter).</source>
        <translation>SAS の有効期間をプロファイルの最小値より長くします (短くはできません)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="114"/>
        <source>The 2015 guide asks for http; most storage accounts require https.</source>
        <translation>2015 年のガイドでは http が求められていますが、ほとんどのストレージ アカウントでは https が必須です。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="115"/>
        <source>&amp;Generate SAS</source>
        <translation>SAS を生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="116"/>
        <source>Generate for a&amp;ll disks</source>
        <translation>すべてのディスクに生成(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="117"/>
        <source>Ve&amp;rify</source>
        <translation>検証(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="118"/>
        <source>Cop&amp;y SAS URI</source>
        <translation>SAS URI をコピー(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="127"/>
        <source>Expiry:</source>
        <translation>有効期限:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="129"/>
        <source>Scheme:</source>
        <translation>スキーム:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="227"/>
        <source>Enter the account key, connection string or container SAS URL.</source>
        <translation>アカウント キー、接続文字列、またはコンテナー SAS URL を入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="232"/>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="252"/>
        <source>Connected: {0} container(s).</source>
        <translation>接続しました: {0} 個のコンテナー。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="259"/>
        <source>Could not connect: {0}</source>
        <translation>接続できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="274"/>
        <location filename="../../wizard/pages/sas_page.py" line="422"/>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="286"/>
        <source>Could not list {0}: {1}</source>
        <translation>{0} を一覧表示できませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="315"/>
        <source>Assign a blob to the disk first.</source>
        <translation>先にディスクに BLOB を割り当ててください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="319"/>
        <source>Creating a SAS needs the account key or a connection string with a key; a container SAS URL can only list.</source>
        <translation>SAS の作成にはアカウント キー、またはキーを含む接続文字列が必要です。コンテナー SAS URL では一覧表示しかできません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="328"/>
        <source>{0}: the keyring is unavailable, so this SAS is kept for this session only.</source>
        <translation>{0}: キーリングを使えないため、この SAS はこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="352"/>
        <source>Created {0} SAS URI(s). Verify them before copying.</source>
        <translation>{0} 個の SAS URI を作成しました。コピーする前に検証してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="392"/>
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="385"/>
        <source>The SAS token is not in the keyring any more: generate it again.</source>
        <translation>SAS トークンがキーリングにありません。もう一度生成してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="387"/>
        <source>Could not verify: {0}</source>
        <translation>検証できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="403"/>
        <source>SAS URI copied. Paste it into the portal&apos;s VHD URL field.</source>
        <translation>SAS URI をコピーしました。ポータルの VHD URL フィールドに貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="407"/>
        <source>Could not copy: {0}</source>
        <translation>コピーできませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="421"/>
        <source>no SAS yet</source>
        <translation>SAS 未作成</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="421"/>
        <source>no blob assigned</source>
        <translation>BLOB 未割り当て</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="423"/>
        <source>⚠ expires soon: renew</source>
        <translation>⚠ まもなく期限切れ: 更新してください</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="423"/>
        <source>✗ expired: renew</source>
        <translation>✗ 期限切れ: 更新してください</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="438"/>
        <source>⚠ SAS URIs expire within {0} days or have expired: {1}. Select them and press Generate SAS to renew.</source>
        <translation>⚠ {0} 日以内に期限切れになるか、期限切れの SAS URI があります: {1}。選択して「SAS を生成」を押し、更新してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/sas_page.py" line="453"/>
        <source>SAS for {0}: read + list, from {1} to {2}. The token is kept in the keyring, not in the project.</source>
        <translation>{0} の SAS: 読み取り + 一覧表示、{1} から {2} まで。トークンはプロジェクトではなくキーリングに保持されます。</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../wizard/pages/base.py" line="244"/>
        <source>SKU without an ID</source>
        <translation>ID 未設定の SKU</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/base.py" line="245"/>
        <source>{0}, version {1}</source>
        <translation>{0}、バージョン {1}</translation>
    </message>
</context>
<context>
    <name>TestRunPage</name>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="105"/>
        <source>Certification test run</source>
        <translation>認定テストの実行</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="106"/>
        <source>Run the certification test cases against the test VM and review each result.</source>
        <translation>テスト VM に対して認定テスト ケースを実行し、各結果を確認します。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="114"/>
        <source>Earlier runs</source>
        <translation>以前の実行</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="115"/>
        <source>&amp;Run all checks</source>
        <translation>すべてのチェックを実行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="116"/>
        <source>Re-run &amp;selected</source>
        <translation>選択項目を再実行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="117"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="120"/>
        <source>&amp;Problems only</source>
        <translation>問題のみ表示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="126"/>
        <source>Run:</source>
        <translation>実行:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="131"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="131"/>
        <source>Check</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="131"/>
        <source>Test ID</source>
        <translation>テスト ID</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="132"/>
        <source>Actual</source>
        <translation>実際の値</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="132"/>
        <source>Required</source>
        <translation>必要な値</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="132"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="133"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="133"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="133"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="134"/>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="141"/>
        <source>Test results</source>
        <translation>テスト結果</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="146"/>
        <source>Result details</source>
        <translation>結果の詳細</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="147"/>
        <source>Copy re&amp;mediation</source>
        <translation>修正方法をコピー(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="180"/>
        <source>{0} — {1} ({2})</source>
        <translation>{0} — {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="205"/>
        <source>No run yet: test the connection, then run all checks.</source>
        <translation>まだ実行していません。接続をテストしてから、すべてのチェックを実行してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="210"/>
        <source>✗ {0} failure(s), {1} warning(s): the image is not ready for certification.</source>
        <translation>✗ 不合格 {0} 件、警告 {1} 件: このイメージはまだ認定を受けられません。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="213"/>
        <source>✓ Ready for certification ({0} warning(s)).</source>
        <translation>✓ 認定の準備ができています (警告 {0} 件)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="232"/>
        <source>{0} — {1}

Actual: {2}
Required: {3}

Remediation:
{4}

Evidence:
{5}</source>
        <translation>{0} — {1}

実際の値: {2}
必要な値: {3}

修正方法:
{4}

根拠:
{5}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="253"/>
        <source>Fill in the Connection step first.</source>
        <translation>先に「接続」の手順を入力してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="279"/>
        <source>The host key is not trusted yet: use Test connection in the Connection step first, and compare the fingerprint.</source>
        <translation>ホスト キーがまだ信頼されていません。先に「接続」の手順で接続テストを行い、フィンガープリントを照合してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="292"/>
        <source>Run cancelled.</source>
        <translation>実行をキャンセルしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="286"/>
        <source>The run failed: {0}</source>
        <translation>実行に失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/testrun_page.py" line="294"/>
        <source>Running on {0}…</source>
        <translation>{0} で実行しています…</translation>
    </message>
</context>
<context>
    <name>VhdPage</name>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="47"/>
        <source>VHD check</source>
        <translation>VHD チェック</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="48"/>
        <source>Pick the VHD file of every disk. Each is checked against the profile&apos;s rules (fixed format, sizes, footer) before you upload it.</source>
        <translation>各ディスクの VHD ファイルを選択します。アップロード前に、プロファイルの規則 (固定形式、サイズ、フッター) に照らしてチェックします。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="52"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="52"/>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="52"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="53"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="56"/>
        <source>SKU / disk</source>
        <translation>SKU / ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="56"/>
        <source>VHD file or blob URL</source>
        <translation>VHD ファイルまたは BLOB の URL</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="57"/>
        <location filename="../../wizard/pages/vhd_page.py" line="82"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="57"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="59"/>
        <source>Disks</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="61"/>
        <source>&amp;Choose file…</source>
        <translation>ファイルを選択(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="62"/>
        <source>Use b&amp;lob URL…</source>
        <translation>BLOB の URL を使用(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="63"/>
        <source>Check a VHD already uploaded: paste its blob URL with a read SAS.</source>
        <translation>アップロード済みの VHD をチェックします。読み取り SAS 付きの BLOB の URL を貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="64"/>
        <source>&amp;Upload…</source>
        <translation>アップロード(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="65"/>
        <source>Upload the selected disk&apos;s VHD as a page blob to the storage account of the SAS URIs step (only data that exists is sent; resumable).</source>
        <translation>選択したディスクの VHD を「SAS URI」の手順のストレージ アカウントにページ BLOB としてアップロードします (実データのみ送信、再開可能)。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="67"/>
        <source>Chec&amp;k</source>
        <translation>チェック(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="68"/>
        <source>Check &amp;all</source>
        <translation>すべてチェック(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="69"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="82"/>
        <source>Check</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="82"/>
        <source>What it means</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="84"/>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="89"/>
        <source>Fix command</source>
        <translation>修正コマンド</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="90"/>
        <location filename="../../wizard/pages/vhd_page.py" line="209"/>
        <source>Select a finding to see the command that fixes it.</source>
        <translation>検出結果を選択すると、修正するコマンドが表示されます。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="92"/>
        <source>Co&amp;py command</source>
        <translation>コマンドをコピー(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="141"/>
        <source>{0} file(s) changed since the last check: checking again.</source>
        <translation>前回のチェック以降に {0} 個のファイルが変更されました。再チェックします。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="159"/>
        <source>not checked</source>
        <translation>未チェック</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="159"/>
        <source>no file chosen</source>
        <translation>ファイル未選択</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="161"/>
        <source>changed since check</source>
        <translation>チェック後に変更あり</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="208"/>
        <source>Nothing to fix for this finding.</source>
        <translation>この検出結果に修正は不要です。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="219"/>
        <source>Choose the VHD for {0}</source>
        <translation>{0} の VHD を選択</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="220"/>
        <source>Virtual disks (*.vhd *.vhdx);;All files (*)</source>
        <translation>仮想ディスク (*.vhd *.vhdx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="237"/>
        <source>Blob URL</source>
        <translation>BLOB の URL</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="238"/>
        <source>Blob URL of the VHD for {0}, with a SAS that can read it:</source>
        <translation>{0} の VHD の BLOB URL (読み取り可能な SAS 付き):</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="256"/>
        <source>Not a blob URL: {0}</source>
        <translation>BLOB の URL ではありません: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="290"/>
        <source>Checking {0}…</source>
        <translation>{0} をチェックしています…</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="308"/>
        <source>Could not read {0}: {1}</source>
        <translation>{0} を読み取れませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="301"/>
        <source>Check cancelled.</source>
        <translation>チェックをキャンセルしました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="311"/>
        <source>Check failed: {0}</source>
        <translation>チェックに失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="322"/>
        <source>Choose the disk&apos;s VHD file first.</source>
        <translation>先にディスクの VHD ファイルを選択してください。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="324"/>
        <source>Upload</source>
        <translation>アップロード</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="324"/>
        <source>Container to upload into:</source>
        <translation>アップロード先のコンテナー:</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="353"/>
        <source>Uploading {0}: {1} — {2:.0f} MB/s of the file, about {3:.0f} s left</source>
        <translation>{0} をアップロードしています: {1} — ファイル換算 {2:.0f} MB/秒、残り約 {3:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="361"/>
        <source> (resumed)</source>
        <translation> (再開)</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="362"/>
        <source>Uploaded to {0}{1}: {2} bytes sent, {3} bytes skipped, {4:.1f} s. Page ranges verified.</source>
        <translation>{0} にアップロードしました{1}: 送信 {2} バイト、スキップ {3} バイト、{4:.1f} 秒。ページ範囲を検証しました。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="368"/>
        <source>Upload cancelled. Upload again to send only what is missing.</source>
        <translation>アップロードをキャンセルしました。もう一度アップロードすると、不足分だけを送信します。</translation>
    </message>
    <message>
        <location filename="../../wizard/pages/vhd_page.py" line="367"/>
        <source>Upload failed: {0}</source>
        <translation>アップロードに失敗しました: {0}</translation>
    </message>
</context>
</TS>
