<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

Your project is autosaved. Details are in the log: {1}</source>
        <translation>問題が発生しました: {0}

プロジェクトは自動保存されています。詳細はログにあります: {1}</translation>
    </message>
    <message>
        <source>Marketplace Image Wizard</source>
        <translation>Marketplace イメージ ウィザード</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Connection to the test VM</source>
        <translation>テスト VM への接続</translation>
    </message>
    <message>
        <source>Create a test VM from your uploaded image, then enter how to reach it. Linux uses SSH; Windows uses PowerShell remoting over HTTPS.</source>
        <translation>アップロードしたイメージからテスト VM を作成し、その接続方法を入力します。Linux は SSH、Windows は HTTPS 経由の PowerShell リモート処理を使います。</translation>
    </message>
    <message>
        <source>No test VM yet? The commands create it from the checked and uploaded VHD:</source>
        <translation>テスト VM がまだない場合は、確認してアップロードした VHD からコマンドで作成できます:</translation>
    </message>
    <message>
        <source>&amp;Commands to create the test VM…</source>
        <translation>テスト VM を作成するコマンド(&amp;C)…</translation>
    </message>
    <message>
        <source>az commands (bash and PowerShell) with this project&apos;s values filled in; no test run needed first.</source>
        <translation>このプロジェクトの値を入れた az コマンド (bash と PowerShell)。先にテストを実行する必要はありません。</translation>
    </message>
    <message>
        <source>Use the comman&amp;ds&apos; sign-in</source>
        <translation>コマンドのサインイン方法を使用(&amp;D)</translation>
    </message>
    <message>
        <source>Fills in the user azureuser and, for Linux, key sign-in with the key az vm create --generate-ssh-keys makes (~/.ssh/id_rsa).</source>
        <translation>ユーザー azureuser と、Linux では az vm create --generate-ssh-keys が作成するキー (~/.ssh/id_rsa) によるキー サインインを入力します。</translation>
    </message>
    <message>
        <source>Image under test</source>
        <translation>テストするイメージ</translation>
    </message>
    <message>
        <source>Each image type of a plan gets its own test VM and test run.</source>
        <translation>プランのイメージの種類ごとに、専用のテスト VM とテスト実行があります。</translation>
    </message>
    <message>
        <source>&amp;Image under test:</source>
        <translation>テストするイメージ(&amp;I):</translation>
    </message>
    <message>
        <source>Your own name for this test VM, for the report and the project; Azure does not see it.</source>
        <translation>このテスト VM に付ける自分用の名前です。レポートとプロジェクトに記録されます。Azure には送られません。</translation>
    </message>
    <message>
        <source>Linux (SSH)</source>
        <translation>Linux (SSH)</translation>
    </message>
    <message>
        <source>Windows (PowerShell remoting)</source>
        <translation>Windows (PowerShell リモート処理)</translation>
    </message>
    <message>
        <source>PowerShell remoting (WinRM over HTTPS)</source>
        <translation>PowerShell リモート処理 (WinRM over HTTPS)</translation>
    </message>
    <message>
        <source>OpenSSH on Windows</source>
        <translation>Windows の OpenSSH</translation>
    </message>
    <message>
        <source>Skip TLS certificate validation (self-signed test VM only)</source>
        <translation>TLS 証明書を検証しない (自己署名のテスト VM のみ)</translation>
    </message>
    <message>
        <source>Only for a throw-away test VM whose WinRM listener has a self-signed certificate. Anyone in between could then read the password.</source>
        <translation>WinRM リスナーが自己署名証明書を使う使い捨てのテスト VM 専用です。途中の第三者がパスワードを読み取れるおそれがあります。</translation>
    </message>
    <message>
        <source>Certificate validation is off: the connection is encrypted but the VM&apos;s identity is not checked. Use this only for a test VM you just created.</source>
        <translation>証明書の検証がオフです。通信は暗号化されますが VM の身元は確認されません。作成したばかりのテスト VM にだけ使ってください。</translation>
    </message>
    <message>
        <source>DNS name or address, e.g. myvm.westus.cloudapp.azure.com</source>
        <translation>DNS 名またはアドレス (例: myvm.westus.cloudapp.azure.com)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>秘密キー ファイル</translation>
    </message>
    <message>
        <source>The password (or the key&apos;s passphrase). Kept in memory, or in the OS keyring if you tick the box; never in the project file.</source>
        <translation>パスワード (またはキーのパスフレーズ)。メモリ内に保持し、チェックを入れた場合は OS のキーリングに保存します。プロジェクト ファイルには保存しません。</translation>
    </message>
    <message>
        <source>Unticked: the secret is forgotten when the app closes.</source>
        <translation>チェックしない場合、アプリを閉じるとシークレットは破棄されます。</translation>
    </message>
    <message>
        <source>Test na&amp;me:</source>
        <translation>テスト名(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>プラットフォーム(&amp;P):</translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation>トランスポート(&amp;R):</translation>
    </message>
    <message>
        <source>Ho&amp;st:</source>
        <translation>ホスト(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>認証(&amp;A):</translation>
    </message>
    <message>
        <source>Key fi&amp;le:</source>
        <translation>キー ファイル(&amp;L):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>参照(&amp;E)…</translation>
    </message>
    <message>
        <source>Remember in the OS keyring</source>
        <translation>OS のキーリングに記憶する</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Resolve the name, open the port, check the host key (SSH) or the TLS certificate (WinRM), sign in, detect the OS and the user&apos;s rights.</source>
        <translation>名前解決、ポート接続、ホスト キー (SSH) または TLS 証明書 (WinRM) の確認、サインイン、OS とユーザー権限の検出を行います。</translation>
    </message>
    <message>
        <source>Forget host key</source>
        <translation>ホスト キーを破棄</translation>
    </message>
    <message>
        <source>Remove the remembered host key of this host, e.g. after re-creating the VM.</source>
        <translation>このホストの記憶済みホスト キーを削除します (VM を作り直した後など)。</translation>
    </message>
    <message>
        <source>Connection test steps</source>
        <translation>接続テストの手順</translation>
    </message>
    <message>
        <source>Enter the host and the user first.</source>
        <translation>先にホストとユーザーを入力してください。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テストしています…</translation>
    </message>
    <message>
        <source>signed in as an administrator</source>
        <translation>管理者としてサインインしました</translation>
    </message>
    <message>
        <source>the user is not an administrator: the test run needs one</source>
        <translation>このユーザーは管理者ではありません。テスト実行には管理者が必要です</translation>
    </message>
    <message>
        <source>sudo works without a password</source>
        <translation>sudo はパスワードなしで使えます</translation>
    </message>
    <message>
        <source>sudo needs a password: checks that need root will be skipped</source>
        <translation>sudo にパスワードが必要です。root が必要なチェックはスキップされます</translation>
    </message>
    <message>
        <source>Connected to {0}; {1}.</source>
        <translation>{0} に接続しました。{1}。</translation>
    </message>
    <message>
        <source>Connection test failed: {0}</source>
        <translation>接続テストに失敗しました: {0}</translation>
    </message>
    <message>
        <source>Trust this host?</source>
        <translation>このホストを信頼しますか?</translation>
    </message>
    <message>
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
        <source>The old host key is forgotten. Test the connection again and compare the new fingerprint before trusting it.</source>
        <translation>古いホスト キーを破棄しました。もう一度接続をテストし、信頼する前に新しいフィンガープリントを照合してください。</translation>
    </message>
    <message>
        <source>Password loaded from the OS keyring.</source>
        <translation>OS のキーリングからパスワードを読み込みました。</translation>
    </message>
    <message>
        <source>Password remembered in the OS keyring.</source>
        <translation>パスワードを OS のキーリングに記憶しました。</translation>
    </message>
    <message>
        <source>Password kept for this session only.</source>
        <translation>パスワードはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <source>The saved password was for another host, user or TLS setting: enter the password for this one.</source>
        <translation>保存済みのパスワードは別のホスト、ユーザー、または TLS 設定用です。この接続のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Ke&amp;y passphrase:</source>
        <translation>キーのパスフレーズ(&amp;Y):</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>キーのパスフレーズ</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>秘密キーの選択</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>{field} is required.</source>
        <translation>{field}は必須です。</translation>
    </message>
    <message>
        <source>{field} has {length} characters; at most {max} are allowed.</source>
        <translation>{field}が {length} 文字です。{max} 文字以内にしてください。</translation>
    </message>
    <message>
        <source>{field} has {length} character(s); Partner Center needs at least {min}.</source>
        <translation>{field}が {length} 文字です。パートナー センターでは {min} 文字以上が必要です。</translation>
    </message>
    <message>
        <source>{field} has {length} characters; Partner Center accepts at most {max}.</source>
        <translation>{field}が {length} 文字です。パートナー センターでは {max} 文字までです。</translation>
    </message>
    <message>
        <source>Version {value} has {length} characters; Partner Center accepts at most {max}.</source>
        <translation>バージョン {value} が {length} 文字です。パートナー センターでは {max} 文字までです。</translation>
    </message>
    <message>
        <source>Version {value} is not higher than the published {latest}; Partner Center needs a new, higher version (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みの {latest} より大きくありません。パートナー センターでは、より大きい新しいバージョンが必要です (例: {suggest})。</translation>
    </message>
    <message>
        <source>VM size {value} was retired on {date}: Partner Center does not offer it. Choose a current size.</source>
        <translation>VM サイズ {value} は {date} に提供終了しました。パートナー センターでは使えません。現行のサイズを選んでください。</translation>
    </message>
    <message>
        <source>{count} open ports; Partner Center accepts at most {max}.</source>
        <translation>開くポートが {count} 個あります。パートナー センターでは {max} 個までです。</translation>
    </message>
    <message>
        <source>Port name &apos;{value}&apos;: {min}–{max} letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos; or blanks, ending in a letter or digit.</source>
        <translation>ポート名 &apos;{value}&apos;: 英字、数字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos;、空白で {min}–{max} 文字、最後は英字か数字にしてください。</translation>
    </message>
    <message>
        <source>Port protocol must be TCP, UDP or both.</source>
        <translation>ポートのプロトコルは TCP、UDP、または両方にしてください。</translation>
    </message>
    <message>
        <source>Port range &apos;{value}&apos;: a port (443) or a range (8000-8080) between 1 and 65535.</source>
        <translation>ポート範囲 &apos;{value}&apos;: 1 から 65535 までのポート (443) または範囲 (8000-8080) にしてください。</translation>
    </message>
    <message>
        <source>{field} must start with a lowercase letter or a digit.</source>
        <translation>{field}は小文字の英字か数字で始める必要があります。</translation>
    </message>
    <message>
        <source>{field} may only contain lowercase letters, digits, &apos;-&apos; and &apos;_&apos; (found {bad}).</source>
        <translation>{field}に使えるのは小文字、数字、&apos;-&apos;、&apos;_&apos; だけです (使用不可: {bad})。</translation>
    </message>
    <message>
        <source>The offer needs at least one SKU.</source>
        <translation>オファーには少なくとも 1 つの SKU が必要です。</translation>
    </message>
    <message>
        <source>SKU ID &apos;{value}&apos; is used by more than one SKU; SKU IDs must be unique within the offer.</source>
        <translation>SKU ID &apos;{value}&apos; が複数の SKU で使われています。SKU ID はオファー内で一意にしてください。</translation>
    </message>
    <message>
        <source>Operating system family must be Linux or Windows.</source>
        <translation>オペレーティング システム ファミリは Linux または Windows にしてください。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an approved Windows base image for this profile.</source>
        <translation>&apos;{value}&apos; はこのプロファイルで承認済みの Windows 基本イメージではありません。</translation>
    </message>
    <message>
        <source>Enter the base image&apos;s publication date as YYYY-MM-DD.</source>
        <translation>基本イメージの公開日を YYYY-MM-DD の形式で入力してください。</translation>
    </message>
    <message>
        <source>A base image not in the list must be published after {date}.</source>
        <translation>一覧にない基本イメージは {date} より後に公開されたものである必要があります。</translation>
    </message>
    <message>
        <source>Choose exactly {min} recommended VM sizes ({count} chosen).</source>
        <translation>推奨 VM サイズをちょうど {min} 個選んでください (現在 {count} 個)。</translation>
    </message>
    <message>
        <source>Choose {min} to {max} recommended VM sizes ({count} chosen).</source>
        <translation>推奨 VM サイズを {min}～{max} 個選んでください (現在 {count} 個)。</translation>
    </message>
    <message>
        <source>VM size {value} is chosen twice.</source>
        <translation>VM サイズ {value} が重複しています。</translation>
    </message>
    <message>
        <source>VM size {value} is not in the catalogue; check its spelling.</source>
        <translation>VM サイズ {value} はカタログにありません。綴りを確認してください。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a VM size name: letters, digits, &apos;_&apos; and &apos;-&apos;, like Standard_D2s_v5.</source>
        <translation>&apos;{value}&apos;は VM サイズ名ではありません。Standard_D2s_v5 のように英字、数字、&apos;_&apos;、&apos;-&apos; で指定してください。</translation>
    </message>
    <message>
        <source>Version must be X.Y.Z with whole numbers, for example 1.0.0.</source>
        <translation>バージョンは整数の X.Y.Z 形式にしてください (例: 1.0.0)。</translation>
    </message>
    <message>
        <source>Version {value} is already published; a new version must raise Z (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みです。新しいバージョンでは Z を上げてください (例: {suggest})。</translation>
    </message>
    <message>
        <source>Within a SKU only Z may change: the published version is {latest}, so the new one must be {xy}.Z with Z above {z} (for example {suggest}).</source>
        <translation>同じ SKU 内では Z のみ変更できます。公開済みバージョンは {latest} なので、新しいバージョンは {xy}.Z (Z は {z} より大きい値) にしてください (例: {suggest})。</translation>
    </message>
    <message>
        <source>Version {value} is lower than the published {latest}; raise Z (for example {suggest}).</source>
        <translation>バージョン {value} は公開済みの {latest} より低いです。Z を上げてください (例: {suggest})。</translation>
    </message>
    <message>
        <source>The first disk must be the OS disk, and there must be exactly one.</source>
        <translation>最初のディスクは OS ディスクで、OS ディスクはちょうど 1 つである必要があります。</translation>
    </message>
    <message>
        <source>{count} data disks; this profile allows at most {max} (LUN 0 to {last}).</source>
        <translation>データ ディスクが {count} 個あります。このプロファイルでは最大 {max} 個 (LUN 0～{last}) です。</translation>
    </message>
    <message>
        <source>Disk role must be &apos;os&apos; or &apos;data&apos;.</source>
        <translation>ディスクの役割は &apos;os&apos; または &apos;data&apos; にしてください。</translation>
    </message>
    <message>
        <source>Unknown requirement profile &apos;{value}&apos;; the default profile is used.</source>
        <translation>不明な要件プロファイル &apos;{value}&apos; です。既定のプロファイルを使います。</translation>
    </message>
    <message>
        <source>The plan needs at least one image type.</source>
        <translation>プランには少なくとも 1 つのイメージの種類が必要です。</translation>
    </message>
    <message>
        <source>Image type &apos;{value}&apos; is not one this profile offers ({known}).</source>
        <translation>イメージの種類 &apos;{value}&apos; はこのプロファイルでは選べません ({known})。</translation>
    </message>
    <message>
        <source>{count} image types; this profile allows at most {max} per plan.</source>
        <translation>イメージの種類が {count} 個あります。このプロファイルではプランごとに最大 {max} 個です。</translation>
    </message>
    <message>
        <source>Image type {value} is listed twice; each image type appears once per plan.</source>
        <translation>イメージの種類 {value} が 2 回あります。各イメージの種類はプランに 1 回だけです。</translation>
    </message>
    <message>
        <source>SKU ID &apos;{value}&apos; ({type}) is used more than once; each image type needs its own SKU ID.</source>
        <translation>SKU ID &apos;{value}&apos; ({type}) が複数回使われています。イメージの種類ごとに別の SKU ID が必要です。</translation>
    </message>
    <message>
        <source>A security type belongs to Generation 2 images only; {value} is Generation 1.</source>
        <translation>セキュリティの種類は第 2 世代のイメージにだけ指定できます。{value}は第 1 世代です。</translation>
    </message>
    <message>
        <source>Partner Center takes a security type on {allowed} images only: one on the {value} SKU stops the submission. Choose Standard for the {value} image.</source>
        <translation>パートナー センターがセキュリティの種類を受け付けるのは {allowed} のイメージだけです。{value} の SKU に付けると提出が止まります。{value} のイメージは標準を選んでください。</translation>
    </message>
    <message>
        <source>The {type} image offers {security}, but none of the recommended sizes can run it: Partner Center wants at least one such size ({examples}).</source>
        <translation>{type} のイメージは {security} を提供しますが、推奨サイズのどれもそれを実行できません。パートナー センターはそのようなサイズを 1 つ以上求めます ({examples})。</translation>
    </message>
    <message>
        <source>VM size {value} is announced for retirement on {date} ({series}): recommend a current size (v5/v6) instead.</source>
        <translation>VM サイズ {value} は {date} に提供終了が予告されています ({series})。代わりに現行のサイズ (v5/v6) を推奨してください。</translation>
    </message>
    <message>
        <source>{name} reached its end of standard support on {date}: Partner Center certifies images of supported, patched releases. Build on a current one.</source>
        <translation>{name} は {date} に標準サポートが終了しました。パートナー センターはサポート中で修正プログラム適用済みのリリースのイメージを認定します。現行のリリースで作成してください。</translation>
    </message>
    <message>
        <source>Partner Center&apos;s schema {schema} has no operating-system type for {release}: the export sends &apos;other&apos; (Partner Center accepts it).</source>
        <translation>パートナー センターのスキーマ {schema} には {release} のオペレーティング システムの種類がありません。エクスポートは &apos;other&apos; を送ります (パートナー センターはこれを受け付けます)。</translation>
    </message>
    <message>
        <source>Security type &apos;{value}&apos; is not one this profile knows ({known}).</source>
        <translation>セキュリティの種類 &apos;{value}&apos; はこのプロファイルにありません ({known})。</translation>
    </message>
    <message>
        <source>Image source &apos;{value}&apos; is not one this profile accepts ({known}).</source>
        <translation>イメージのソース &apos;{value}&apos; はこのプロファイルでは使えません ({known})。</translation>
    </message>
    <message>
        <source>Tenant ID &apos;{value}&apos;: a GUID such as 00000000-0000-0000-0000-000000000000 (the Microsoft Entra tenant that holds the gallery).</source>
        <translation>テナント ID &apos;{value}&apos;: 00000000-0000-0000-0000-000000000000 のような GUID (ギャラリーを持つ Microsoft Entra テナント) を入力してください。</translation>
    </message>
    <message>
        <source>Gallery image version &apos;{value}&apos;: it must be /subscriptions/&lt;GUID&gt;/resourceGroups/&lt;name&gt;/providers/Microsoft.Compute/galleries/&lt;gallery&gt;/images/&lt;definition&gt;/versions/&lt;X.Y.Z&gt;.</source>
        <translation>ギャラリー イメージ バージョン &apos;{value}&apos;: /subscriptions/&lt;GUID&gt;/resourceGroups/&lt;name&gt;/providers/Microsoft.Compute/galleries/&lt;gallery&gt;/images/&lt;definition&gt;/versions/&lt;X.Y.Z&gt; の形式にしてください。</translation>
    </message>
    <message>
        <source>The gallery image version is {value} but the SKU&apos;s version is {version}: the scripts create version {version}; use the same number.</source>
        <translation>ギャラリー イメージ バージョンは {value} ですが、SKU のバージョンは {version} です。スクリプトはバージョン {version} を作成するので、同じ番号にしてください。</translation>
    </message>
    <message>
        <source>The {type} image needs exactly one OS disk, listed before its data disks.</source>
        <translation>{type} イメージには OS ディスクがちょうど 1 つ、データ ディスクより前に必要です。</translation>
    </message>
    <message>
        <source>Disk {number} belongs to image type &apos;{value}&apos;, which the plan does not have.</source>
        <translation>ディスク {number} はイメージの種類 &apos;{value}&apos; のものですが、プランにその種類はありません。</translation>
    </message>
    <message>
        <source>VM size {value} runs none of the plan&apos;s image types ({types}).</source>
        <translation>VM サイズ {value} ではプランのどのイメージの種類 ({types}) も実行できません。</translation>
    </message>
    <message>
        <source>Publisher namespace</source>
        <translation>発行元の名前空間</translation>
    </message>
    <message>
        <source>OS disk</source>
        <translation>OS ディスク</translation>
    </message>
    <message>
        <source>data disk LUN {lun}</source>
        <translation>データ ディスク LUN {lun}</translation>
    </message>
    <message>
        <source>{type} OS disk</source>
        <translation>{type} OS ディスク</translation>
    </message>
    <message>
        <source>{type} data disk LUN {lun}</source>
        <translation>{type} データ ディスク LUN {lun}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>partly: needs attention</source>
        <translation>一部のみ: 要確認</translation>
    </message>
    <message>
        <source>failed or out of date</source>
        <translation>失敗または古い状態</translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation>未実施</translation>
    </message>
    <message>
        <source>{type}: the image comes from the gallery image version {version}</source>
        <translation>{type}: イメージはギャラリー イメージ バージョン {version} から取得されます</translation>
    </message>
    <message>
        <source>{type}: the gallery source needs the tenant ID and the image version&apos;s resource ID (Offer &amp; SKUs step)</source>
        <translation>{type}: ギャラリーのソースにはテナント ID とイメージ バージョンのリソース ID が必要です (オファーと SKU のステップ)</translation>
    </message>
    <message>
        <source>The offer and this SKU&apos;s details are complete</source>
        <translation>オファーとこの SKU の情報はそろっています</translation>
    </message>
    <message>
        <source>Offer and SKU details have {count} problem(s): see the Offer &amp; SKUs step</source>
        <translation>オファーと SKU の情報に {count} 件の問題があります。「オファーと SKU」ステップを確認してください</translation>
    </message>
    <message>
        <source>Another SKU ({skus}) has {count} problem(s): see the Offer &amp; SKUs step</source>
        <translation>別の SKU ({skus}) に {count} 件の問題があります。「オファーと SKU」ステップを確認してください</translation>
    </message>
    <message>
        <source>Other SKUs ({skus}) have {count} problem(s): see the Offer &amp; SKUs step</source>
        <translation>ほかの SKU ({skus}) に {count} 件の問題があります。「オファーと SKU」ステップを確認してください</translation>
    </message>
    <message>
        <source>{disk}: the VHD has not been checked</source>
        <translation>{disk}: VHD はまだチェックされていません</translation>
    </message>
    <message>
        <source>{disk}: the VHD changed since it was checked: check it again</source>
        <translation>{disk}: チェック後に VHD が変更されました。もう一度チェックしてください</translation>
    </message>
    <message>
        <source>{disk}: the check was of another file or blob ({checked}): check this one</source>
        <translation>{disk}: チェックしたのは別のファイルまたは BLOB ({checked}) です。こちらをチェックしてください</translation>
    </message>
    <message>
        <source>{disk}: the VHD check failed</source>
        <translation>{disk}: VHD チェックに失敗しました</translation>
    </message>
    <message>
        <source>{disk}: the VHD check passed</source>
        <translation>{disk}: VHD チェックに合格しました</translation>
    </message>
    <message>
        <source>{disk}: the VHD check passed with warnings</source>
        <translation>{disk}: VHD チェックに合格しました (警告あり)</translation>
    </message>
    <message>
        <source>{disk}: the VHD check found no bootable partition: look inside the image (Check inside the image) or test it on a VM (a test run of the image counts)</source>
        <translation>{disk}: VHD チェックで起動可能なパーティションが見つかりませんでした。イメージの中を確認する (「イメージの中をチェック」) か、VM でテストしてください (イメージのテスト実行があれば十分です)</translation>
    </message>
    <message>
        <source>{disk}: {file} is not uploaded yet: upload it</source>
        <translation>{disk}: {file} はまだアップロードされていません。アップロードしてください</translation>
    </message>
    <message>
        <source>{disk}: the blob holds the checked file {file}</source>
        <translation>{disk}: BLOB にはチェック済みのファイル {file} が入っています</translation>
    </message>
    <message>
        <source>{disk}: the blob holds {sent}, not the checked {file}: upload {file} again</source>
        <translation>{disk}: BLOB に入っているのは {sent} で、チェックした {file} ではありません。{file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: the blob holds {file} from the folder {sent_folder}, not the checked {file} from the folder {folder}: upload {file} from {folder} again</source>
        <translation>{disk}: BLOB に入っているのはフォルダー {sent_folder} の {file} で、チェックしたフォルダー {folder} の {file} ではありません。{folder} の {file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: the blob&apos;s metadata (read when its SAS URI was verified) says it holds {sent}, not the checked {file}: upload {file} again</source>
        <translation>{disk}: BLOB のメタデータ (SAS URI の検証時に読み取り) によると、入っているのは {sent} で、チェックした {file} ではありません。{file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: the blob&apos;s metadata (read when its SAS URI was verified) says it holds another {file} ({size} bytes, modified {modified}) than the checked one ({checked_size} bytes, modified {checked_modified}): upload {file} again</source>
        <translation>{disk}: BLOB のメタデータ (SAS URI の検証時に読み取り) によると、入っているのはチェックしたもの ({checked_size} バイト、更新 {checked_modified}) とは別の {file} ({size} バイト、更新 {modified}) です。{file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: the blob&apos;s metadata (read when its SAS URI was verified) says it holds the checked file {file}</source>
        <translation>{disk}: BLOB のメタデータ (SAS URI の検証時に読み取り) によると、チェック済みのファイル {file} が入っています</translation>
    </message>
    <message>
        <source>{disk}: {file} changed since it was uploaded: upload {file} again</source>
        <translation>{disk}: アップロード後に {file} が変更されました。{file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: which file the blob holds is not known (it was not uploaded here): upload {file} again</source>
        <translation>{disk}: BLOB にどのファイルが入っているか分かりません (ここからアップロードされていません)。{file} をアップロードし直してください</translation>
    </message>
    <message>
        <source>{disk}: no SAS URI yet</source>
        <translation>{disk}: SAS URI はまだありません</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI has expired: make a new one</source>
        <translation>{disk}: SAS URI の有効期限が切れています。作り直してください</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile asks for {days} business days or more): renew it</source>
        <translation>{disk}: SAS URI の有効期限 {expiry} は認定チームには短すぎます (プロファイルでは {days} 営業日以上が必要です)。更新してください</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI expires {expiry}, too soon for the certification team (the profile asks for {days} days or more): renew it</source>
        <translation>{disk}: SAS URI の有効期限 {expiry} は認定チームには短すぎます (プロファイルでは {days} 日以上が必要です)。更新してください</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI has not been verified</source>
        <translation>{disk}: SAS URI はまだ検証されていません</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI was made for another blob: make a new SAS for the new blob</source>
        <translation>{disk}: SAS URI は別の BLOB 用に作られています。新しい BLOB 用に SAS を作り直してください</translation>
    </message>
    <message>
        <source>{disk}: the SAS URI opens a blob that does not hold the checked {file}: upload {file} again, then make a new SAS</source>
        <translation>{disk}: SAS URI が開く BLOB には、チェックした {file} が入っていません。{file} をアップロードし直してから、SAS を作り直してください</translation>
    </message>
    <message>
        <source>{disk}: the SAS token is not in the keyring or this session: make it again or unlock the keyring</source>
        <translation>{disk}: SAS トークンがキーリングにもこのセッションにもありません。作り直すか、キーリングのロックを解除してください</translation>
    </message>
    <message>
        <source>{disk}: SAS URI verified, valid until {expiry}</source>
        <translation>{disk}: SAS URI は検証済み、{expiry} まで有効</translation>
    </message>
    <message>
        <source>Every image comes from a gallery image version made elsewhere: no VHD to check here</source>
        <translation>すべてのイメージがほかで作成されたギャラリー イメージ バージョンから来ます。ここで確認する VHD はありません</translation>
    </message>
    <message>
        <source>Every image comes from a gallery image version: no SAS URI is needed</source>
        <translation>すべてのイメージがギャラリーのイメージ バージョンから取得されます。SAS URI は不要です</translation>
    </message>
    <message>
        <source>Published version {version} is kept, with its image sources</source>
        <translation>公開済みのバージョン {version} をイメージのソースとともに維持します</translation>
    </message>
    <message>
        <source>Published version {version}: {count} SAS URI(s) are not in the keyring: import the plan from Partner Center again</source>
        <translation>公開済みのバージョン {version}: {count} 個の SAS URI がキーリングにありません。パートナー センターからプランをもう一度インポートしてください</translation>
    </message>
    <message>
        <source>Published version {version} could not be imported: a configure request from this export would drop it. Configure the plan in Partner Center</source>
        <translation>公開済みのバージョン {version} をインポートできませんでした。このエクスポートからの構成要求ではこのバージョンが失われます。パートナー センターでプランを構成してください</translation>
    </message>
    <message>
        <source>{disk}: the offline pre-flight ({finished}) found no Failed or Error result</source>
        <translation>{disk}: オフライン事前チェック ({finished}) で不合格やエラーの結果はありませんでした</translation>
    </message>
    <message>
        <source>{disk}: the offline pre-flight found Failed/Error results: {ids}. Fix the image, or let a later test run on the VM decide</source>
        <translation>{disk}: オフライン事前チェックで不合格/エラーの結果がありました: {ids}。イメージを修正するか、後で VM でのテスト実行で判断してください</translation>
    </message>
    <message>
        <source>{disk}: the offline pre-flight found {count} Failed/Error result(s); the later test run on the VM decides</source>
        <translation>{disk}: オフライン事前チェックで不合格/エラーの結果が {count} 件ありました。後の VM でのテスト実行の結果が優先されます</translation>
    </message>
    <message>
        <source>{disk}: the VHD changed since its offline pre-flight: check inside it again</source>
        <translation>{disk}: オフライン事前チェックの後に VHD が変更されました。もう一度中をチェックしてください</translation>
    </message>
    <message>
        <source>No certification test run yet</source>
        <translation>認定テストはまだ実行されていません</translation>
    </message>
    <message>
        <source>The latest test run has no results</source>
        <translation>最新のテスト実行に結果がありません</translation>
    </message>
    <message>
        <source>The latest test run has Failed/Error results without an exception explanation: {ids}</source>
        <translation>最新のテスト実行に、例外の説明がない失敗/エラーの結果があります: {ids}</translation>
    </message>
    <message>
        <source>The latest Windows test run has cases that were not judged (Skipped) or Failed/Error results, without an exception explanation: {ids}</source>
        <translation>最新の Windows のテスト実行に、判定されなかったケース (Skipped) または例外の説明のない Failed/Error の結果があります: {ids}</translation>
    </message>
    <message>
        <source>The latest test run&apos;s {count} Failed/Error result(s) each have an exception explanation</source>
        <translation>最新のテスト実行の失敗/エラー {count} 件には、すべて例外の説明があります</translation>
    </message>
    <message>
        <source>The latest test run ({finished}) has no Failed or Error result</source>
        <translation>最新のテスト実行 ({finished}) に失敗やエラーはありません</translation>
    </message>
    <message>
        <source>The latest test run ({finished}) was of an earlier upload of the {disk} ({file} was uploaded since): run the tests again on a VM made from the new upload</source>
        <translation>最新のテスト実行 ({finished}) は {disk} の以前のアップロードに対するものです (その後 {file} がアップロードされました)。新しいアップロードから作った VM でテストをもう一度実行してください</translation>
    </message>
    <message>
        <source>The latest test run ({finished}) was of the uploaded {sent}, not of the checked {file}: upload {file}, then run the tests again on a VM made from the new upload</source>
        <translation>最新のテスト実行 ({finished}) はアップロード済みの {sent} に対するもので、チェックした {file} のものではありません。{file} をアップロードしてから、新しいアップロードから作った VM でテストをもう一度実行してください</translation>
    </message>
    <message>
        <source>The latest test run ({finished}) has no Failed or Error result, but it is not tied to an upload (it was recorded before the wizard kept which upload a run tested): run the tests again on a VM made from the uploaded VHD</source>
        <translation>最新のテスト実行 ({finished}) に失敗やエラーはありませんが、どのアップロードのテストかが記録されていません (ウィザードがそれを記録する前の実行です)。アップロードした VHD から作った VM でテストをもう一度実行してください</translation>
    </message>
    <message>
        <source>The {type} image was tested before its latest upload: run the tests again on a VM made from the new upload</source>
        <translation>{type} イメージのテストは最新のアップロードより前のものです。新しいアップロードから作った VM でテストをもう一度実行してください</translation>
    </message>
    <message>
        <source>No test run of the {type} image yet: one test VM per image type (choose the image on the Connection step)</source>
        <translation>{type} イメージのテスト実行はまだありません。イメージの種類ごとにテスト VM が 1 つ必要です (接続のステップでイメージを選んでください)</translation>
    </message>
    <message>
        <source>The {type} image was tested ({finished})</source>
        <translation>{type} イメージはテスト済みです ({finished})</translation>
    </message>
    <message>
        <source>The questionnaire is complete</source>
        <translation>アンケートへの回答は完了しています</translation>
    </message>
    <message>
        <source>The questionnaire is not complete ({answered} of {total} answered)</source>
        <translation>アンケートへの回答が完了していません ({total} 問中 {answered} 問回答済み)</translation>
    </message>
    <message>
        <source>The questionnaire is not complete ({answered} of {total} answered, SSH access information missing)</source>
        <translation>アンケートへの回答が完了していません ({total} 問中 {answered} 問回答済み、SSH アクセス情報が未入力)</translation>
    </message>
    <message>
        <source>The certification report is not stored in the VHDs&apos; container</source>
        <translation>認定レポートが VHD のコンテナーに保存されていません</translation>
    </message>
    <message>
        <source>The certification report needs a test run first</source>
        <translation>認定レポートを作るには、先にテスト実行が必要です</translation>
    </message>
    <message>
        <source>The stored report is from an older test run: store it again</source>
        <translation>保存済みのレポートは古いテスト実行のものです。もう一度保存してください</translation>
    </message>
    <message>
        <source>Report stored at {url}</source>
        <translation>レポートの保存先: {url}</translation>
    </message>
    <message>
        <source>The test VM&apos;s host and user are not entered yet</source>
        <translation>テスト VM のホストとユーザーがまだ入力されていません</translation>
    </message>
    <message>
        <source>Test connection reached this host and user</source>
        <translation>「接続テスト」でこのホストとユーザーに接続できました</translation>
    </message>
    <message>
        <source>Not exported yet</source>
        <translation>まだエクスポートしていません</translation>
    </message>
    <message>
        <source>The last export had every item</source>
        <translation>前回のエクスポートではすべての項目がそろっていました</translation>
    </message>
    <message>
        <source>MISSING: offer ID</source>
        <translation>未入力: オファー ID</translation>
    </message>
    <message>
        <source>MISSING: offer name</source>
        <translation>未入力: オファー名</translation>
    </message>
    <message>
        <source>MISSING: SKU ID</source>
        <translation>未入力: SKU ID</translation>
    </message>
    <message>
        <source>MISSING: SKU summary</source>
        <translation>未入力: SKU の概要</translation>
    </message>
    <message>
        <source>MISSING: operating system name</source>
        <translation>未入力: オペレーティング システム名</translation>
    </message>
    <message>
        <source>MISSING: recommended VM size</source>
        <translation>未入力: 推奨 VM サイズ</translation>
    </message>
    <message>
        <source>MISSING: version</source>
        <translation>未入力: バージョン</translation>
    </message>
    <message>
        <source>MISSING: store the report in the VHDs&apos; container</source>
        <translation>未完了: レポートを VHD のコンテナーに保存してください</translation>
    </message>
    <message>
        <source>MISSING: the gallery image version (tenant ID and resource ID) on the Offer &amp; SKUs step</source>
        <translation>未設定: オファーと SKU のステップでギャラリー イメージ バージョン (テナント ID とリソース ID) を入力してください</translation>
    </message>
    <message>
        <source>x64 Generation 1</source>
        <translation>x64 第 1 世代</translation>
    </message>
    <message>
        <source>x64 Generation 2</source>
        <translation>x64 第 2 世代</translation>
    </message>
    <message>
        <source>Arm64 Generation 2</source>
        <translation>Arm64 第 2 世代</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <source>Trusted Launch</source>
        <translation>トラステッド起動</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>機密</translation>
    </message>
    <message>
        <source>Offer ID</source>
        <translation>オファー ID</translation>
    </message>
    <message>
        <source>Offer name</source>
        <translation>オファー名</translation>
    </message>
    <message>
        <source>SKU ID</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <source>SKU summary</source>
        <translation>SKU の概要</translation>
    </message>
    <message>
        <source>Marketplace URL</source>
        <translation>Marketplace の URL</translation>
    </message>
    <message>
        <source>Azure portal URL</source>
        <translation>Azure ポータルの URL</translation>
    </message>
    <message>
        <source>OS family</source>
        <translation>OS ファミリ</translation>
    </message>
    <message>
        <source>Recommended VM size {n}</source>
        <translation>推奨 VM サイズ {n}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Tenant ID ({type})</source>
        <translation>テナント ID ({type})</translation>
    </message>
    <message>
        <source>Gallery image version ({type})</source>
        <translation>ギャラリー イメージ バージョン ({type})</translation>
    </message>
    <message>
        <source>OS VHD URL</source>
        <translation>OS VHD URL</translation>
    </message>
    <message>
        <source>OS VHD URL ({type})</source>
        <translation>OS VHD URL ({type})</translation>
    </message>
    <message>
        <source>LUN {lun} VHD URL ({type})</source>
        <translation>LUN {lun} VHD URL ({type})</translation>
    </message>
    <message>
        <source>LUN</source>
        <translation>LUN</translation>
    </message>
    <message>
        <source>Image type</source>
        <translation>イメージの種類</translation>
    </message>
    <message>
        <source>SKU ID ({type})</source>
        <translation>SKU ID ({type})</translation>
    </message>
    <message>
        <source>Security type ({type})</source>
        <translation>セキュリティの種類 ({type})</translation>
    </message>
    <message>
        <source>Supports VM extensions</source>
        <translation>VM 拡張機能をサポート</translation>
    </message>
    <message>
        <source>Supports backup</source>
        <translation>バックアップをサポート</translation>
    </message>
    <message>
        <source>Supports accelerated networking</source>
        <translation>高速ネットワークをサポート</translation>
    </message>
    <message>
        <source>Is a network virtual appliance</source>
        <translation>ネットワーク仮想アプライアンスである</translation>
    </message>
    <message>
        <source>Supports NVMe</source>
        <translation>NVMe をサポート</translation>
    </message>
    <message>
        <source>Supports cloud-init configuration</source>
        <translation>cloud-init 構成をサポート</translation>
    </message>
    <message>
        <source>Supports Microsoft Entra ID login</source>
        <translation>Microsoft Entra ID ログインをサポート</translation>
    </message>
    <message>
        <source>Supports hibernation</source>
        <translation>休止状態をサポート</translation>
    </message>
    <message>
        <source>Supports remote connection (SSH or RDP)</source>
        <translation>リモート接続 (SSH または RDP) をサポート</translation>
    </message>
    <message>
        <source>Requires a custom ARM template for deployment</source>
        <translation>デプロイにカスタム ARM テンプレートが必要</translation>
    </message>
    <message>
        <source>MISSING: operating system friendly name</source>
        <translation>未入力: オペレーティング システムのフレンドリ名</translation>
    </message>
    <message>
        <source>Offer ID ({min}–{max} characters)</source>
        <translation>オファー ID ({min}～{max} 文字)</translation>
    </message>
    <message>
        <source>Plan ID ({min}–{max} characters)</source>
        <translation>プラン ID ({min}～{max} 文字)</translation>
    </message>
    <message>
        <source>Operating system family</source>
        <translation>オペレーティング システム ファミリ</translation>
    </message>
    <message>
        <source>Operating system type (release or vendor)</source>
        <translation>オペレーティング システムの種類 (リリースまたはベンダー)</translation>
    </message>
    <message>
        <source>OS friendly name (at most {max} characters)</source>
        <translation>OS のフレンドリ名 ({max} 文字以内)</translation>
    </message>
    <message>
        <source>Recommended VM size {n} of at most {max}</source>
        <translation>推奨 VM サイズ {n} (最大 {max} 個)</translation>
    </message>
    <message>
        <source>Open port {n} of at most {max} (name, protocol, port range)</source>
        <translation>開くポート {n} (最大 {max} 個; 名前、プロトコル、ポート範囲)</translation>
    </message>
    <message>
        <source>VM image version (X.Y.Z, at most {max} characters)</source>
        <translation>VM イメージのバージョン (X.Y.Z、{max} 文字以内)</translation>
    </message>
    <message>
        <source>OS disk SAS URI ({type})</source>
        <translation>OS ディスクの SAS URI ({type})</translation>
    </message>
    <message>
        <source>OS disk SAS URI</source>
        <translation>OS ディスクの SAS URI</translation>
    </message>
    <message>
        <source>Data disk LUN {lun} SAS URI ({type})</source>
        <translation>データ ディスク LUN {lun} の SAS URI ({type})</translation>
    </message>
    <message>
        <source>Data disk LUN {lun} SAS URI</source>
        <translation>データ ディスク LUN {lun} の SAS URI</translation>
    </message>
    <message>
        <source>LUN {lun} VHD URL</source>
        <translation>LUN {lun} VHD URL</translation>
    </message>
    <message>
        <source>Certification report</source>
        <translation>認定レポート</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Operating system name</source>
        <translation>オペレーティング システム名</translation>
    </message>
    <message>
        <source>Base image</source>
        <translation>基本イメージ</translation>
    </message>
    <message>
        <source>Run it in PowerShell as an administrator. Convert-VHD and Resize-VHD come with Hyper-V&apos;s PowerShell module; if they are missing: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell</source>
        <translation>管理者の PowerShell で実行します。Convert-VHD と Resize-VHD は Hyper-V の PowerShell モジュールに含まれています。見つからない場合: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell</translation>
    </message>
    <message>
        <source>Run it in Terminal. qemu-img comes with QEMU from Homebrew: brew install qemu</source>
        <translation>ターミナルで実行します。qemu-img は Homebrew の QEMU に含まれています: brew install qemu</translation>
    </message>
    <message>
        <source>Run it in a terminal. qemu-img is in the qemu-utils package on Debian and Ubuntu (sudo apt install qemu-utils) and in qemu-img on Fedora and RHEL (sudo dnf install qemu-img).</source>
        <translation>ターミナルで実行します。qemu-img は Debian と Ubuntu では qemu-utils パッケージ (sudo apt install qemu-utils)、Fedora と RHEL では qemu-img パッケージ (sudo dnf install qemu-img) に含まれています。</translation>
    </message>
    <message>
        <source>The file is empty: it is not a disk image.</source>
        <translation>ファイルが空です。ディスク イメージではありません。</translation>
    </message>
    <message>
        <source>This is a VHDX file. Azure needs the older VHD format: convert it to a fixed VHD.</source>
        <translation>これは VHDX ファイルです。Azure では従来の VHD 形式が必要です。固定 VHD に変換してください。</translation>
    </message>
    <message>
        <source>There is no VHD footer: this looks like a raw disk image. Convert it to a fixed VHD.</source>
        <translation>VHD フッターがありません。raw ディスク イメージのようです。固定 VHD に変換してください。</translation>
    </message>
    <message>
        <source>This is not a VHD file (no &apos;conectix&apos; footer) and not a raw image (size is not a multiple of 512).</source>
        <translation>VHD ファイル (&apos;conectix&apos; フッターなし) でも raw イメージ (サイズが 512 の倍数でない) でもありません。</translation>
    </message>
    <message>
        <source>The file is truncated: it is shorter than its footer says ({expected} bytes expected). Copy or export it again.</source>
        <translation>ファイルが途中で切れています。フッターの記載より短くなっています ({expected} バイトのはず)。もう一度コピーまたはエクスポートしてください。</translation>
    </message>
    <message>
        <source>The VHD has an old 511-byte footer (pre-2004 Virtual PC). Azure needs a 512-byte footer: convert it.</source>
        <translation>この VHD には古い 511 バイトのフッター (2004 年以前の Virtual PC) があります。Azure では 512 バイトのフッターが必要です。変換してください。</translation>
    </message>
    <message>
        <source>The footer checksum is wrong (stored {stored}, computed {computed}): the file is damaged or was edited.</source>
        <translation>フッターのチェックサムが正しくありません (記録値 {stored}、計算値 {computed})。ファイルが壊れているか、編集されています。</translation>
    </message>
    <message>
        <source>The disk is {type}, not fixed. Azure accepts fixed VHDs only: convert it.</source>
        <translation>ディスクが固定ではなく {type} です。Azure は固定 VHD のみ受け付けます。変換してください。</translation>
    </message>
    <message>
        <source>The dynamic disk header (&apos;cxsparse&apos;) is missing or damaged.</source>
        <translation>動的ディスクのヘッダー (&apos;cxsparse&apos;) がないか壊れています。</translation>
    </message>
    <message>
        <source>Fixed VHD.</source>
        <translation>固定 VHD です。</translation>
    </message>
    <message>
        <source>Virtual size {size} bytes is not a whole number of MiB. Resize to {target} bytes ({mib} MiB).</source>
        <translation>仮想サイズ {size} バイトは MiB の整数倍ではありません。{target} バイト ({mib} MiB) にサイズ変更してください。</translation>
    </message>
    <message>
        <source>Virtual size is a whole number of MiB ({mib} MiB).</source>
        <translation>仮想サイズは MiB の整数倍です ({mib} MiB)。</translation>
    </message>
    <message>
        <source>Virtual size is below the minimum of {min} MiB.</source>
        <translation>仮想サイズが最小値 {min} MiB 未満です。</translation>
    </message>
    <message>
        <source>File size {file} should be the virtual size + 512 = {expected} bytes.</source>
        <translation>ファイル サイズ {file} は仮想サイズ + 512 = {expected} バイトである必要があります。</translation>
    </message>
    <message>
        <source>File size is the virtual size + 512 bytes.</source>
        <translation>ファイル サイズは仮想サイズ + 512 バイトです。</translation>
    </message>
    <message>
        <source>The {os} OS disk is {size} GiB; this profile needs at least {min} GiB. Resize to {min} GiB.</source>
        <translation>{os} の OS ディスクは {size} GiB です。このプロファイルでは {min} GiB 以上が必要です。{min} GiB にサイズ変更してください。</translation>
    </message>
    <message>
        <source>The {os} OS disk is {size} GiB; this profile allows at most {max} GiB.</source>
        <translation>{os} の OS ディスクは {size} GiB です。このプロファイルでは最大 {max} GiB です。</translation>
    </message>
    <message>
        <source>The {os} OS disk is {size} GiB, above {max} GiB: accepted only case by case.</source>
        <translation>{os} の OS ディスクは {size} GiB で、{max} GiB を超えています。個別に判断された場合のみ受け付けられます。</translation>
    </message>
    <message>
        <source>The {os} OS disk is {size} GiB; {min}–{max} GiB is recommended.</source>
        <translation>{os} の OS ディスクは {size} GiB です。{min}～{max} GiB を推奨します。</translation>
    </message>
    <message>
        <source>The {os} OS disk size {size} GiB is within {min}–{max} GiB.</source>
        <translation>{os} の OS ディスク サイズ {size} GiB は {min}～{max} GiB の範囲内です。</translation>
    </message>
    <message>
        <source>The data disk is {size} GiB; data disks may be at most {max} GiB.</source>
        <translation>データ ディスクは {size} GiB です。データ ディスクは最大 {max} GiB です。</translation>
    </message>
    <message>
        <source>The data disk size {size} GiB is within the {max} GiB limit.</source>
        <translation>データ ディスク サイズ {size} GiB は上限 {max} GiB 以内です。</translation>
    </message>
    <message>
        <source>Sparse file: {allocated} of {file} are allocated on disk (fine, and faster to upload).</source>
        <translation>スパース ファイルです: {file} のうち、ディスク上に割り当て済みなのは {allocated} です (問題ありません。アップロードも速くなります)。</translation>
    </message>
    <message>
        <source>Allocated size is unknown on this system.</source>
        <translation>このシステムでは割り当て済みサイズがわかりません。</translation>
    </message>
    <message>
        <source>Partition {number} starts at sector {start}, before sector {sector}: the first MiB must stay free for Azure.</source>
        <translation>パーティション {number} がセクター {sector} より前のセクター {start} から始まっています。先頭 1 MiB は Azure 用に空けておく必要があります。</translation>
    </message>
    <message>
        <source>No partition table found: a Linux OS disk needs one, with every partition from sector {sector} on.</source>
        <translation>パーティション テーブルがありません。Linux の OS ディスクには、すべてのパーティションがセクター {sector} 以降から始まるテーブルが必要です。</translation>
    </message>
    <message>
        <source>The partition table cannot be read ({problem}): the first MiB could not be checked.</source>
        <translation>パーティション テーブルを読み取れません ({problem})。先頭 1 MiB をチェックできませんでした。</translation>
    </message>
    <message>
        <source>No partition starts before sector {sector} ({scheme}): the first MiB is free.</source>
        <translation>セクター {sector} より前から始まるパーティションはありません ({scheme})。先頭 1 MiB は空いています。</translation>
    </message>
    <message>
        <source>GPT with an EFI system partition (partition {number}): the {type} image boots with UEFI.</source>
        <translation>EFI システム パーティション (パーティション {number}) のある GPT です。{type} イメージは UEFI で起動します。</translation>
    </message>
    <message>
        <source>The disk has an MBR partition table, but a {type} image boots with UEFI: it needs a GPT with an EFI system partition.</source>
        <translation>ディスクのパーティション テーブルは MBR ですが、{type} イメージは UEFI で起動します。EFI システム パーティションのある GPT が必要です。</translation>
    </message>
    <message>
        <source>The GPT has no EFI system partition: a {type} image cannot boot with UEFI.</source>
        <translation>GPT に EFI システム パーティションがありません。{type} イメージは UEFI で起動できません。</translation>
    </message>
    <message>
        <source>MBR with the active boot partition {number}: the {type} image boots with BIOS.</source>
        <translation>アクティブなブート パーティション {number} のある MBR です。{type} イメージは BIOS で起動します。</translation>
    </message>
    <message>
        <source>The disk has a GPT, but a {type} image boots with BIOS from an MBR: choose a Generation 2 image type for it, or rebuild it with an MBR.</source>
        <translation>ディスクは GPT ですが、{type} イメージは MBR から BIOS で起動します。第 2 世代のイメージの種類を選ぶか、MBR で作り直してください。</translation>
    </message>
    <message>
        <source>No partition of the MBR is marked active (bootable): a {type} image boots with BIOS from the active partition.</source>
        <translation>MBR にアクティブ (起動可能) なパーティションがありません。{type} イメージは BIOS でアクティブなパーティションから起動します。</translation>
    </message>
    <message>
        <source>The partition table could not be read ({problem}): whether the {type} image boots could not be checked.</source>
        <translation>パーティション テーブルを読み取れませんでした ({problem})。{type} イメージが起動できるかを確認できませんでした。</translation>
    </message>
    <message>
        <source>No partition table found: a {type} OS disk needs one to boot.</source>
        <translation>パーティション テーブルがありません。{type} の OS ディスクが起動するには必要です。</translation>
    </message>
    <message>
        <source>No partition table found (the disk may be empty): an OS disk needs one, with a bootable partition, to boot.</source>
        <translation>パーティション テーブルがありません (ディスクが空の可能性があります)。OS ディスクが起動するには、起動可能なパーティションを含むパーティション テーブルが必要です。</translation>
    </message>
    <message>
        <source>The {scheme} partition table lists no partition: an OS disk needs a bootable one.</source>
        <translation>{scheme} パーティション テーブルにパーティションがありません。OS ディスクには起動可能なパーティションが必要です。</translation>
    </message>
    <message>
        <source>GPT with an EFI system partition (partition {number}): the disk can boot with UEFI.</source>
        <translation>EFI システム パーティション (パーティション {number}) のある GPT です。このディスクは UEFI で起動できます。</translation>
    </message>
    <message>
        <source>MBR with the active boot partition {number}: the disk can boot with BIOS.</source>
        <translation>アクティブなブート パーティション {number} のある MBR です。このディスクは BIOS で起動できます。</translation>
    </message>
    <message>
        <source>Neither an EFI system partition nor an active (bootable) partition was found: the OS disk may not boot.</source>
        <translation>EFI システム パーティションもアクティブな (起動可能な) パーティションも見つかりません。この OS ディスクは起動しない可能性があります。</translation>
    </message>
    <message>
        <source>The partition table could not be read ({problem}): whether the disk boots could not be checked.</source>
        <translation>パーティション テーブルを読み取れませんでした ({problem})。ディスクが起動できるかを確認できませんでした。</translation>
    </message>
    <message>
        <source>The blob is a {type}, not a page blob: upload the VHD again as a page blob.</source>
        <translation>BLOB がページ BLOB ではなく {type} です。VHD をページ BLOB としてアップロードし直してください。</translation>
    </message>
    <message>
        <source>The blob is a page blob.</source>
        <translation>BLOB はページ BLOB です。</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>ファイル形式</translation>
    </message>
    <message>
        <source>Disk type</source>
        <translation>ディスクの種類</translation>
    </message>
    <message>
        <source>Dynamic disk header</source>
        <translation>可変長ディスクのヘッダー</translation>
    </message>
    <message>
        <source>Footer checksum</source>
        <translation>フッターのチェックサム</translation>
    </message>
    <message>
        <source>Footer length</source>
        <translation>フッターの長さ</translation>
    </message>
    <message>
        <source>File complete</source>
        <translation>ファイルの完全性</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>ファイル サイズ</translation>
    </message>
    <message>
        <source>Size in whole MiB</source>
        <translation>MiB 単位のサイズ</translation>
    </message>
    <message>
        <source>Minimum size</source>
        <translation>最小サイズ</translation>
    </message>
    <message>
        <source>OS disk size</source>
        <translation>OS ディスクのサイズ</translation>
    </message>
    <message>
        <source>Data disk size</source>
        <translation>データ ディスクのサイズ</translation>
    </message>
    <message>
        <source>Data to upload</source>
        <translation>アップロードするデータ量</translation>
    </message>
    <message>
        <source>First MiB</source>
        <translation>先頭 1 MiB</translation>
    </message>
    <message>
        <source>Boot partitions</source>
        <translation>ブート パーティション</translation>
    </message>
    <message>
        <source>Blob type</source>
        <translation>BLOB の種類</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>固定長</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>可変長</translation>
    </message>
    <message>
        <source>differencing</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>This is not a blob URL the portal can use ({reason}).</source>
        <translation>ポータルで使える BLOB の URL ではありません ({reason})。</translation>
    </message>
    <message>
        <source>The URI has no &apos;?&apos;: it carries no SAS token.</source>
        <translation>URI に &apos;?&apos; がありません。SAS トークンが含まれていません。</translation>
    </message>
    <message>
        <source>The URI must end with the VHD&apos;s file name ending in .vhd.</source>
        <translation>URI は .vhd で終わる VHD のファイル名で終わる必要があります。</translation>
    </message>
    <message>
        <source>The VHD name contains a blank, &apos;%&apos; or &apos;&quot;&apos;, which the portal rejects. Rename the blob.</source>
        <translation>VHD の名前に空白、&apos;%&apos;、&apos;&quot;&apos; が含まれており、ポータルで拒否されます。BLOB の名前を変更してください。</translation>
    </message>
    <message>
        <source>Permissions are &apos;{sp}&apos;; the portal needs exactly read + list (sp=rl).</source>
        <translation>アクセス許可が &apos;{sp}&apos; です。ポータルでは読み取り + 一覧表示 (sp=rl) のみが必要です。</translation>
    </message>
    <message>
        <source>Permissions are read + list (sp=rl).</source>
        <translation>アクセス許可は読み取り + 一覧表示 (sp=rl) です。</translation>
    </message>
    <message>
        <source>The SAS is not a container SAS (sr={sr}); create a container SAS (sr=c).</source>
        <translation>コンテナー SAS ではありません (sr={sr})。コンテナー SAS (sr=c) を作成してください。</translation>
    </message>
    <message>
        <source>The SAS has no {field} ({name}) time; the portal needs both start and expiry.</source>
        <translation>SAS に {field} ({name}) の時刻がありません。ポータルでは開始と有効期限の両方が必要です。</translation>
    </message>
    <message>
        <source>The {field} time &apos;{value}&apos; is not a date-time the storage service accepts.</source>
        <translation>{field}の時刻 &apos;{value}&apos; は、ストレージ サービスが受け付ける日時の形式ではありません。</translation>
    </message>
    <message>
        <source>The {field} time &apos;{value}&apos; is a date only; the portal needs a full UTC date-time.</source>
        <translation>{field}の時刻 &apos;{value}&apos; は日付のみです。ポータルでは完全な UTC の日時が必要です。</translation>
    </message>
    <message>
        <source>The SAS starts in the future ({value}); the portal would be refused until then.</source>
        <translation>SAS の開始が未来 ({value}) です。それまではポータルで拒否されます。</translation>
    </message>
    <message>
        <source>The SAS starts less than {minutes} minutes before now; clocks that run behind may refuse it.</source>
        <translation>SAS の開始が現在から {minutes} 分以内です。時計が遅れているマシンでは拒否される可能性があります。</translation>
    </message>
    <message>
        <source>The SAS expired on {value}. Create a new one.</source>
        <translation>SAS は {value} に期限切れになりました。新しく作成してください。</translation>
    </message>
    <message>
        <source>The SAS is valid until {value}, but this profile needs at least {needed} (from its start). Create a longer one.</source>
        <translation>SAS の有効期限は {value} ですが、このプロファイルでは (開始から) 少なくとも {needed} までが必要です。より長い SAS を作成してください。</translation>
    </message>
    <message>
        <source>The SAS expires on {value}, within {days} days. Renew it before submitting.</source>
        <translation>SAS は {value} に期限切れになります ({days} 日以内)。提出前に更新してください。</translation>
    </message>
    <message>
        <source>Valid until {value}.</source>
        <translation>{value} まで有効です。</translation>
    </message>
    <message>
        <source>The 2015 guide asks for an http URI, but many storage accounts require https; keep https unless the portal refuses it.</source>
        <translation>2015 年のガイドでは http の URI が求められていますが、多くのストレージ アカウントでは https が必須です。ポータルで拒否されない限り https のままにしてください。</translation>
    </message>
    <message>
        <source>The URI uses http; Partner Center needs https.</source>
        <translation>URI が http を使っています。パートナー センターでは https が必要です。</translation>
    </message>
    <message>
        <source>The SAS has no signature (sig).</source>
        <translation>SAS に署名 (sig) がありません。</translation>
    </message>
    <message>
        <source>The SAS only accepts requests from {range} (sip); Microsoft reads the VHD from its own addresses and would be refused. Create the SAS without an allowed IP range.</source>
        <translation>この SAS は {range} からの要求しか受け付けません (sip)。Microsoft は自社のアドレスから VHD を読み取るため、拒否されます。許可する IP アドレスを指定せずに SAS を作成してください。</translation>
    </message>
    <message>
        <source>The SAS allows https only (spr={spr}) but the URI starts with http: the storage service refuses it. Use the https URI, or create the SAS for https and http.</source>
        <translation>この SAS は https のみを許可しています (spr={spr}) が、URI は http で始まっています。ストレージ サービスはこれを拒否します。https の URI を使うか、https と http の両方を許可する SAS を作成してください。</translation>
    </message>
    <message>
        <source>Read the VHD footer through the SAS.</source>
        <translation>SAS を使って VHD フッターを読み取れました。</translation>
    </message>
    <message>
        <source>The blob&apos;s last 512 bytes are not a VHD footer.</source>
        <translation>BLOB の最後の 512 バイトが VHD フッターではありません。</translation>
    </message>
    <message>
        <source>The blob is a {type}, not a page blob.</source>
        <translation>BLOB がページ BLOB ではなく {type} です。</translation>
    </message>
    <message>
        <source>This is a user-delegation SAS (skoid/ske): it stops working when its key expires ({key}), and a user-delegation key lives at most {max} days, so it can never last until {needed} as this profile needs, whatever its expiry (se) says. Create a SAS signed with the storage account key instead.</source>
        <translation>これはユーザー委任 SAS (skoid/ske) です。キーの有効期限 ({key}) で使えなくなり、ユーザー委任キーの有効期間は最長 {max} 日なので、有効期限 (se) が何であれ、このプロファイルが求める {needed} まで有効であることはありません。代わりにストレージ アカウント キーで署名した SAS を作成してください。</translation>
    </message>
    <message>
        <source>This is a user-delegation SAS (skoid), but its key expiry (ske) is missing or not a date-time: it cannot be judged. Create a SAS signed with the storage account key.</source>
        <translation>これはユーザー委任 SAS (skoid) ですが、キーの有効期限 (ske) がないか日時ではないため判定できません。ストレージ アカウント キーで署名した SAS を作成してください。</translation>
    </message>
    <message>
        <source>The blob could not be read through the SAS ({reason}); the rules above were judged from the URI alone.</source>
        <translation>SAS を通して BLOB を読み取れませんでした ({reason})。上の規則は URI だけから判定しました。</translation>
    </message>
    <message>
        <source>Reading the blob through the SAS failed: {reason}</source>
        <translation>SAS を使った BLOB の読み取りに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Open the file in a text editor and fix or delete that line (or delete the file: each host&apos;s fingerprint is then asked for again), or choose another known hosts file; then connect again.</source>
        <translation>ファイルをテキスト エディターで開いてその行を修正または削除するか (ファイルごと削除した場合は、各ホストのフィンガープリントをもう一度確認します)、別の既知のホストのファイルを選んでから、もう一度接続してください。</translation>
    </message>
    <message>
        <source>Free some space or make the folder writable, or choose another known hosts file; then trust the fingerprint again.</source>
        <translation>空き容量を確保するかフォルダーを書き込み可能にするか、別の既知のホストのファイルを選んでから、もう一度フィンガープリントを信頼してください。</translation>
    </message>
    <message>
        <source>Check the DNS name (for Azure: &lt;name&gt;.&lt;region&gt;.cloudapp.azure.com) or use the IP address.</source>
        <translation>DNS 名を確認するか (Azure では &lt;名前&gt;.&lt;リージョン&gt;.cloudapp.azure.com)、IP アドレスを使ってください。</translation>
    </message>
    <message>
        <source>Check that the VM is running, that sshd listens on this port, and that the network security group allows it.</source>
        <translation>VM が起動していること、sshd がこのポートで待ち受けていること、ネットワーク セキュリティ グループで許可されていることを確認してください。</translation>
    </message>
    <message>
        <source>Nothing answered in time: check the address, the port and any firewall in between.</source>
        <translation>時間内に応答がありませんでした。アドレス、ポート、途中のファイアウォールを確認してください。</translation>
    </message>
    <message>
        <source>The port answered but not as an SSH server: check the port number.</source>
        <translation>ポートは応答しましたが SSH サーバーではありません。ポート番号を確認してください。</translation>
    </message>
    <message>
        <source>The host key of {host} is not known yet ({key_type} {fingerprint}).</source>
        <translation>{host} のホスト キーはまだ不明です ({key_type} {fingerprint})。</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the VM&apos;s (for example in the Azure serial console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and trust it only if they match.</source>
        <translation>フィンガープリントを VM のもの (例: Azure のシリアル コンソールで ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) と照合し、一致する場合だけ信頼してください。</translation>
    </message>
    <message>
        <source>The host key of {host} changed: expected {expected}, got {got}. Connection refused.</source>
        <translation>{host} のホスト キーが変わりました: 期待値 {expected}、実際 {got}。接続を拒否しました。</translation>
    </message>
    <message>
        <source>If the VM was re-created, this is expected: remove the old key (Forget host key) and connect again to compare the new fingerprint. Otherwise someone may be intercepting.</source>
        <translation>VM を作り直した場合は想定どおりです。古いキーを破棄 (「ホスト キーを破棄」) してから再接続し、新しいフィンガープリントを照合してください。そうでない場合は通信が傍受されている可能性があります。</translation>
    </message>
    <message>
        <source>The key {path} needs a passphrase.</source>
        <translation>キー {path} にはパスフレーズが必要です。</translation>
    </message>
    <message>
        <source>The passphrase for {path} is wrong.</source>
        <translation>{path} のパスフレーズが正しくありません。</translation>
    </message>
    <message>
        <source>Check the key&apos;s passphrase.</source>
        <translation>キーのパスフレーズを確認してください。</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read: {reason}.</source>
        <translation>キー ファイル {path} を読み取れません: {reason}。</translation>
    </message>
    <message>
        <source>{path} is not a private key format this app reads ({reason}).</source>
        <translation>{path} はこのアプリが読める秘密キーの形式ではありません ({reason})。</translation>
    </message>
    <message>
        <source>{host} does not resolve ({reason}).</source>
        <translation>{host} の名前解決ができません ({reason})。</translation>
    </message>
    <message>
        <source>{host}:{port} did not answer within {seconds} s.</source>
        <translation>{host}:{port} が {seconds} 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>{host}:{port} refused the connection (port closed).</source>
        <translation>{host}:{port} が接続を拒否しました (ポートが閉じています)。</translation>
    </message>
    <message>
        <source>{host}:{port} cannot be reached: {reason}.</source>
        <translation>{host}:{port} に到達できません: {reason}。</translation>
    </message>
    <message>
        <source>SSH handshake with {host}:{port} failed: {reason}.</source>
        <translation>{host}:{port} との SSH ハンドシェイクに失敗しました: {reason}。</translation>
    </message>
    <message>
        <source>{user}@{host} refused the password.</source>
        <translation>{user}@{host} がパスワードを拒否しました。</translation>
    </message>
    <message>
        <source>{user}@{host} refused the key.</source>
        <translation>{user}@{host} がキーを拒否しました。</translation>
    </message>
    <message>
        <source>Authentication failed: {reason}.</source>
        <translation>認証に失敗しました: {reason}。</translation>
    </message>
    <message>
        <source>The known hosts file {path} is damaged at line {line}: {reason}. Nothing was connected and the file was not changed.</source>
        <translation>既知のホストのファイル {path} の {line} 行目が壊れています: {reason}。接続は行わず、ファイルも変更していません。</translation>
    </message>
    <message>
        <source>The fingerprint of the host could not be kept: the known hosts file {path} cannot be written ({reason}). Nothing was connected.</source>
        <translation>ホストのフィンガープリントを保存できませんでした: 既知のホストのファイル {path} に書き込めません ({reason})。接続は行っていません。</translation>
    </message>
    <message>
        <source>Check the user name and the password or key. Azure sets these when the VM is created.</source>
        <translation>ユーザー名とパスワードまたはキーを確認してください。これらは VM の作成時に Azure で設定されます。</translation>
    </message>
    <message>
        <source>The private key is encrypted: enter its passphrase.</source>
        <translation>秘密キーは暗号化されています。パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Use an OpenSSH or PEM private key (convert PuTTY .ppk files with PuTTYgen: Conversions → Export OpenSSH key).</source>
        <translation>OpenSSH または PEM 形式の秘密キーを使ってください (PuTTY の .ppk は PuTTYgen の Conversions → Export OpenSSH key で変換できます)。</translation>
    </message>
    <message>
        <source>Name resolves</source>
        <translation>名前解決</translation>
    </message>
    <message>
        <source>Port open</source>
        <translation>ポート接続</translation>
    </message>
    <message>
        <source>SSH handshake</source>
        <translation>SSH ハンドシェイク</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>ホスト キー</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>認証</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>オペレーティング システム</translation>
    </message>
    <message>
        <source>Passwordless sudo</source>
        <translation>パスワードなしの sudo</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 証明書</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>管理者権限</translation>
    </message>
    <message>
        <source>The TLS certificate of {host}:{port} is not trusted: {reason}.</source>
        <translation>{host}:{port} の TLS 証明書は信頼されていません: {reason}。</translation>
    </message>
    <message>
        <source>Give the VM&apos;s WinRM listener a certificate your machine trusts (its name must match the host name). For a throw-away test VM with a self-signed certificate you may switch off certificate validation — then anyone in between could read the password.</source>
        <translation>VM の WinRM リスナーに、このコンピューターが信頼する証明書 (名前がホスト名と一致するもの) を設定してください。自己署名証明書の使い捨てテスト VM なら証明書の検証をオフにできますが、その場合は途中の第三者がパスワードを読み取れるおそれがあります。</translation>
    </message>
    <message>
        <source>No TLS handshake with {host}:{port}: {reason}.</source>
        <translation>{host}:{port} と TLS ハンドシェイクできません: {reason}。</translation>
    </message>
    <message>
        <source>Port 5986 must be a WinRM HTTPS listener: on the VM run winrm quickconfig -transport:https (needs a certificate).</source>
        <translation>ポート 5986 は WinRM の HTTPS リスナーである必要があります。VM で winrm quickconfig -transport:https を実行してください (証明書が必要です)。</translation>
    </message>
    <message>
        <source>{host} refused the user name or password of {user}.</source>
        <translation>{host} は {user} のユーザー名またはパスワードを拒否しました。</translation>
    </message>
    <message>
        <source>Check the user name (.\user for a local account, DOMAIN\user for a domain one) and the password; WinRM must allow Negotiate (NTLM).</source>
        <translation>ユーザー名 (ローカル アカウントは .\user、ドメイン アカウントは DOMAIN\user) とパスワードを確認してください。WinRM で Negotiate (NTLM) が許可されている必要があります。</translation>
    </message>
    <message>
        <source>There is no password for {user} in this session.</source>
        <translation>このセッションには {user} のパスワードがありません。</translation>
    </message>
    <message>
        <source>Enter it in the Connection step (tick &quot;Remember in the OS keyring&quot; to keep it between sessions).</source>
        <translation>「接続」ステップで入力してください (セッションをまたいで保持するには「OS のキーリングに記憶する」をオンにします)。</translation>
    </message>
    <message>
        <source>The WinRM service of {host} answered HTTP {code}: {reason}.</source>
        <translation>{host} の WinRM サービスが HTTP {code} を返しました: {reason}。</translation>
    </message>
    <message>
        <source>PowerShell remoting on {host} failed: {reason}.</source>
        <translation>{host} での PowerShell リモート処理に失敗しました: {reason}。</translation>
    </message>
    <message>
        <source>Check that PowerShell remoting is enabled on the VM (Enable-PSRemoting) and that the user is an administrator.</source>
        <translation>VM で PowerShell リモート処理が有効 (Enable-PSRemoting) で、ユーザーが管理者であることを確認してください。</translation>
    </message>
    <message>
        <source>PowerShell on {host} failed: {reason}.</source>
        <translation>{host} の PowerShell が失敗しました: {reason}。</translation>
    </message>
    <message>
        <source>Check that Windows PowerShell runs for this user over SSH (powershell -NoProfile -Command $PSVersionTable).</source>
        <translation>このユーザーで SSH 経由で Windows PowerShell が動くことを確認してください (powershell -NoProfile -Command $PSVersionTable)。</translation>
    </message>
    <message>
        <source>Check that the VM is running, that WinRM listens on HTTPS port 5986, and that the network security group allows it.</source>
        <translation>VM が起動していること、WinRM が HTTPS ポート 5986 で待ち受けていること、ネットワーク セキュリティ グループで許可されていることを確認してください。</translation>
    </message>
    <message>
        <source>MISSING: create and verify this disk&apos;s SAS URI in the SAS URIs step (or it is not in the keyring)</source>
        <translation>未入力: 「SAS URI」ステップでこのディスクの SAS URI を作成して検証してください (またはキーリングにありません)</translation>
    </message>
    <message>
        <source>{target} is a folder, not a VHD file.</source>
        <translation>{target} はフォルダーです。VHD ファイルではありません。</translation>
    </message>
    <message>
        <source>{target} does not exist.</source>
        <translation>{target} は存在しません。</translation>
    </message>
    <message>
        <source>{target} cannot be read: permission denied.</source>
        <translation>{target} を読み取れません: アクセス権がありません。</translation>
    </message>
    <message>
        <source>{target} cannot be read: {reason}.</source>
        <translation>{target} を読み取れません: {reason}。</translation>
    </message>
    <message>
        <source>The blob or its container does not exist. Check the URL (names are case-sensitive).</source>
        <translation>BLOB またはそのコンテナーが存在しません。URL を確認してください (名前は大文字と小文字が区別されます)。</translation>
    </message>
    <message>
        <source>Access was refused: the key, connection string or SAS is wrong, expired or lacks read permission.</source>
        <translation>アクセスが拒否されました: キー、接続文字列、または SAS が誤っているか、期限切れか、読み取り権限がありません。</translation>
    </message>
    <message>
        <source>Access was refused (403): the key or SAS is wrong, expired, or lacks the permission this needs (read; write for uploads).</source>
        <translation>アクセスが拒否されました (403): キーまたは SAS が誤っているか、期限切れか、この操作に必要な権限 (読み取り、アップロードには書き込み) がありません。</translation>
    </message>
    <message>
        <source>The storage service refused the request ({code}).</source>
        <translation>ストレージ サービスが要求を拒否しました ({code})。</translation>
    </message>
    <message>
        <source>The storage endpoint could not be reached. Check the URL and your network connection.</source>
        <translation>ストレージのエンドポイントに接続できませんでした。URL とネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>The storage credentials are malformed: {reason}</source>
        <translation>ストレージの資格情報の形式が正しくありません: {reason}</translation>
    </message>
    <message>
        <source>{url} is not in the storage account {account} this secret belongs to: it is not used for another account or host. Check the blob URL (or the project file).</source>
        <translation>{url}は、このシークレットが属するストレージ アカウント {account} のものではありません。シークレットを別のアカウントやホストに使うことはありません。BLOB の URL (またはプロジェクト ファイル) を確認してください。</translation>
    </message>
    <message>
        <source>The storage server did not answer within {seconds} s ({what}). Try again later, or check the URL and your network.</source>
        <translation>ストレージ サーバーが {seconds} 秒以内に応答しませんでした ({what})。後でもう一度試すか、URL とネットワークを確認してください。</translation>
    </message>
    <message>
        <source>The storage server&apos;s answer cannot be used ({reason}): it is not what Azure Storage sends. Check the URL.</source>
        <translation>ストレージ サーバーの応答を使用できません ({reason})。Azure Storage が返す応答ではありません。URL を確認してください。</translation>
    </message>
    <message>
        <source>The listing was stopped after {pages} page(s) and {entries} entries: only those are shown.</source>
        <translation>一覧は {pages} ページ、{entries} 件で打ち切りました。表示しているのはそれらだけです。</translation>
    </message>
    <message>
        <source>the portal rejects VHD names with blanks, &apos;%&apos; or &apos;&quot;&apos;</source>
        <translation>ポータルは空白、&apos;%&apos;、&apos;&quot;&apos; を含む VHD 名を受け付けません</translation>
    </message>
    <message>
        <source>a block blob: the portal needs a page blob</source>
        <translation>ブロック BLOB です: ポータルにはページ BLOB が必要です</translation>
    </message>
    <message>
        <source>The storage account refused this key: the key does not belong to this account, or the account name or endpoint is not the key&apos;s.</source>
        <translation>ストレージ アカウントがこのキーを拒否しました: キーがこのアカウントのものではないか、アカウント名またはエンドポイントがキーのものと違います。</translation>
    </message>
    <message>
        <source>Copy key1 or key2 again (Azure portal → Storage accounts → the account → Access keys, Show), and check the account name and the endpoint.</source>
        <translation>key1 または key2 をもう一度コピーし (Azure portal → ストレージ アカウント → そのアカウント → アクセス キー → 表示)、アカウント名とエンドポイントを確認してください。</translation>
    </message>
    <message>
        <source>{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page blobs.</source>
        <translation>{path} は固定サイズの VHD ではありません ({what})。ページ BLOB としてアップロードできるのは固定サイズの VHD だけです。</translation>
    </message>
    <message>
        <source>{path} is not a fixed VHD ({what}); only fixed VHDs can be uploaded as page blobs. Convert it first: {fix}</source>
        <translation>{path} は固定サイズの VHD ではありません ({what})。ページ BLOB としてアップロードできるのは固定サイズの VHD だけです。先に変換してください: {fix}</translation>
    </message>
    <message>
        <source>{path} is {size} bytes, not a multiple of 512: it is not a usable fixed VHD.</source>
        <translation>{path} は {size} バイトで、512 の倍数ではありません。使用できる固定サイズの VHD ではありません。</translation>
    </message>
    <message>
        <source>{url} exists as a {blob_type}, not a page blob; delete it or choose another name.</source>
        <translation>{url} はページ BLOB ではなく {blob_type} として既に存在します。削除するか、別の名前を選んでください。</translation>
    </message>
    <message>
        <source>{url} is leased (a VM or another tool is using it); break the lease or choose another name.</source>
        <translation>{url} はリースされています (VM または別のツールが使用中です)。リースを解除するか、別の名前を選んでください。</translation>
    </message>
    <message>
        <source>access was refused: the key or SAS is wrong, expired, or has no write permission</source>
        <translation>アクセスが拒否されました: キーまたは SAS が誤っているか、期限切れか、書き込み権限がありません</translation>
    </message>
    <message>
        <source>the blob is leased (a VM or another upload is using it); break the lease or choose another name</source>
        <translation>BLOB はリースされています (VM または別のアップロードが使用中です)。リースを解除するか、別の名前を選んでください</translation>
    </message>
    <message>
        <source>the storage account is out of capacity</source>
        <translation>ストレージ アカウントの容量が不足しています</translation>
    </message>
    <message>
        <source>the container does not exist</source>
        <translation>コンテナーが存在しません</translation>
    </message>
    <message>
        <source>verification failed: the blob&apos;s page ranges do not match the file&apos;s data; upload again</source>
        <translation>検証に失敗しました: BLOB のページ範囲がファイルのデータと一致しません。もう一度アップロードしてください</translation>
    </message>
    <message>
        <source>verification failed: the blob&apos;s content read back (MD5 {blob}) differs from the file&apos;s (MD5 {file}); upload again</source>
        <translation>検証に失敗しました: 読み戻した BLOB の内容 (MD5 {blob}) がファイルの内容 (MD5 {file}) と異なります。もう一度アップロードしてください</translation>
    </message>
    <message>
        <source>The SKU&apos;s OS disk has no blob yet: upload or assign its VHD blob first (VHD check or SAS step).</source>
        <translation>この SKU の OS ディスクにはまだ BLOB がありません。先に VHD BLOB をアップロードするか割り当ててください (VHD チェックまたは SAS の手順)。</translation>
    </message>
    <message>
        <source>The container SAS is for another container; the report belongs in &apos;{container}&apos;.</source>
        <translation>このコンテナー SAS は別のコンテナーのものです。レポートの保存先は &apos;{container}&apos; です。</translation>
    </message>
    <message>
        <source>No storage credential: connect to the storage account in the SAS URIs step first (account key or connection string).</source>
        <translation>ストレージの資格情報がありません。先に「SAS URI」の手順でストレージ アカウントに接続してください (アカウント キーまたは接続文字列)。</translation>
    </message>
    <message>
        <source>No storage credential in this session, and the keyring could not be read ({reason}): connect to the storage account in the SAS URIs step.</source>
        <translation>このセッションにストレージの資格情報がなく、キーリングも読み取れませんでした ({reason})。「SAS URI」の手順でストレージ アカウントに接続してください。</translation>
    </message>
    <message>
        <source>Creating a SAS needs the account key or a connection string with a key; a container SAS URL can only list.</source>
        <translation>SAS の作成にはアカウント キー、またはキーを含む接続文字列が必要です。コンテナー SAS URL では一覧表示しかできません。</translation>
    </message>
    <message>
        <source>No read access to this blob: paste its URL with a SAS (&apos;Use blob URL…&apos;), or connect to the storage account in the SAS URIs step.</source>
        <translation>この BLOB を読み取る権限がありません。SAS 付きの URL を貼り付けるか (「BLOB の URL を使用…」)、「SAS URI」の手順でストレージ アカウントに接続してください。</translation>
    </message>
    <message>
        <source>The connection dropped during the run ({reason}): the checks whose evidence had arrived are judged, the others are Errors. Run again.</source>
        <translation>実行中に接続が切れました ({reason})。根拠が届いたチェックは判定し、それ以外はエラーにしました。もう一度実行してください。</translation>
    </message>
    <message>
        <source>{file} changed since it was checked (its content differs, though its size and modification time are as checked): check it again first</source>
        <translation>{file} はチェック後に変更されています (サイズと更新日時はチェック時と同じですが、内容が異なります)。先にもう一度チェックしてください</translation>
    </message>
    <message>
        <source>{path} is a folder. Give the export a file name, for example {example}.</source>
        <translation>{path} はフォルダーです。エクスポートにファイル名を付けてください (例: {example})。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist (any more). Create it, or choose another folder for the export.</source>
        <translation>フォルダー {folder} が (もう) ありません。作成するか、エクスポート先に別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{path} cannot be written: the folder {folder} is read-only or you may not write there. Choose another folder (for example your Documents folder) and export again; the previous file is unchanged.</source>
        <translation>{path} に書き込めません: フォルダー {folder} が読み取り専用か、書き込む権限がありません。別のフォルダー (たとえばドキュメント フォルダー) を選んでもう一度エクスポートしてください。前のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>{path} cannot be written: the disk that holds {folder} is full. Free some space or choose a folder on another disk, then export again; the previous file is unchanged.</source>
        <translation>{path} に書き込めません: {folder} があるディスクがいっぱいです。空き領域を作るか別のディスクのフォルダーを選んでから、もう一度エクスポートしてください。前のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}). Choose another folder and export again; the previous file is unchanged.</source>
        <translation>{path} に書き込めません ({reason})。別のフォルダーを選んでもう一度エクスポートしてください。前のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>The keyring is unavailable: the published SAS tokens are kept for this session only.</source>
        <translation>キーリングを使用できません。公開済みの SAS トークンはこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <source>The environment variable {name} is not set.</source>
        <translation>環境変数 {name} が設定されていません。</translation>
    </message>
    <message>
        <source>The account key in {name} {problem}</source>
        <translation>{name} のアカウント キー: {problem}</translation>
    </message>
    <message>
        <source>The connection string in {name} is malformed: {problem}</source>
        <translation>{name} の接続文字列の形式が正しくありません: {problem}</translation>
    </message>
    <message>
        <source>The connection string is for account {named}, the URL for {account}.</source>
        <translation>接続文字列はアカウント {named} 用ですが、URL はアカウント {account} のものです。</translation>
    </message>
    <message>
        <source>No SKU with the ID {sku!r} (the project has: {known}).</source>
        <translation>ID が {sku!r} の SKU はありません (プロジェクトにある SKU: {known})。</translation>
    </message>
    <message>
        <source>filled in, but Test connection has not reached this host and user yet</source>
        <translation>入力済みですが、「接続テスト」でこのホストとユーザーにまだ接続できていません</translation>
    </message>
    <message>
        <source>the last export said {count} item(s) are missing</source>
        <translation>前回のエクスポートでは {count} 項目が不足していました</translation>
    </message>
    <message>
        <source>The {what} is not JSON ({detail}): paste the output of `{command}` unchanged.</source>
        <translation>{what} が JSON ではありません ({detail})。`{command}` の出力をそのまま貼り付けてください。</translation>
    </message>
    <message>
        <source>The {what} is not the output of `{command}`: it must be one JSON object.</source>
        <translation>{what} は `{command}` の出力ではありません。JSON オブジェクト 1 つである必要があります。</translation>
    </message>
    <message>
        <source>This JSON describes {found}, not {what}: paste the output of `{command}`.</source>
        <translation>この JSON は {what} ではなく {found} を表しています。`{command}` の出力を貼り付けてください。</translation>
    </message>
    <message>
        <source>The {what} is larger than {max} KiB: that is not the output of `{command}`.</source>
        <translation>{what} が {max} KiB を超えています。`{command}` の出力ではありません。</translation>
    </message>
    <message>
        <source>The {what} has no usable &apos;{field}&apos;: paste the whole output of `{command}`.</source>
        <translation>{what} に使える &apos;{field}&apos; がありません。`{command}` の出力全体を貼り付けてください。</translation>
    </message>
    <message>
        <source>gallery image version</source>
        <translation>ギャラリー イメージ バージョン</translation>
    </message>
    <message>
        <source>gallery image definition</source>
        <translation>ギャラリー イメージ定義</translation>
    </message>
    <message>
        <source>resource provider</source>
        <translation>リソース プロバイダー</translation>
    </message>
    <message>
        <source>{type}: the gallery image version has not been read from Azure yet: read it on the Offer &amp; SKUs step (Image types…), or paste the output of `{command}`</source>
        <translation>{type}: ギャラリー イメージ バージョンをまだ Azure から読み取っていません。[オファーと SKU] ステップ (イメージの種類…) で読み取るか、`{command}` の出力を貼り付けてください</translation>
    </message>
    <message>
        <source>{type}: the gallery image version changed since it was read: read it again</source>
        <translation>{type}: 読み取った後にギャラリー イメージ バージョンが変わりました。もう一度読み取ってください</translation>
    </message>
    <message>
        <source>{type}: the gallery image version {version} exists and its definition is generalized</source>
        <translation>{type}: ギャラリー イメージ バージョン {version} は存在し、その定義は一般化されています</translation>
    </message>
    <message>
        <source>{type}: the gallery image version is {state}, not Succeeded: wait for it, or create it again</source>
        <translation>{type}: ギャラリー イメージ バージョンは Succeeded ではなく {state} です。完了を待つか、作り直してください</translation>
    </message>
    <message>
        <source>{type}: the image definition is {state}: Partner Center needs a Generalized image (deprovision or sysprep the VM, capture it into a definition made with --os-state Generalized)</source>
        <translation>{type}: イメージ定義は {state} です。パートナー センターには一般化 (Generalized) されたイメージが必要です (VM をプロビジョニング解除または sysprep し、--os-state Generalized で作成した定義にキャプチャしてください)</translation>
    </message>
    <message>
        <source>{type}: the image definition has not been read: paste the output of `{command}`</source>
        <translation>{type}: イメージ定義を読み取っていません。`{command}` の出力を貼り付けてください</translation>
    </message>
    <message>
        <source>{type}: the image definition matches the plan ({generation}, {architecture}, {os}, security {security})</source>
        <translation>{type}: イメージ定義はプランと一致しています ({generation}、{architecture}、{os}、セキュリティ {security})</translation>
    </message>
    <message>
        <source>{type}: the image definition does not match the plan: {differences}</source>
        <translation>{type}: イメージ定義がプランと一致しません: {differences}</translation>
    </message>
    <message>
        <source>{type}: the gallery image version is replicated ({regions})</source>
        <translation>{type}: ギャラリー イメージ バージョンはレプリケートされています ({regions})</translation>
    </message>
    <message>
        <source>{type}: the gallery image version&apos;s replication is {state}: wait until it is Completed</source>
        <translation>{type}: ギャラリー イメージ バージョンのレプリケーションは {state} です。Completed になるまで待ってください</translation>
    </message>
    <message>
        <source>{type}: the replication state was not read: read the version with `{command}`</source>
        <translation>{type}: レプリケーションの状態を読み取っていません。`{command}` でバージョンを読み取ってください</translation>
    </message>
    <message>
        <source>{type}: Partner Center can read the gallery ({how})</source>
        <translation>{type}: パートナー センターはギャラリーを読み取れます ({how})</translation>
    </message>
    <message>
        <source>{type}: Partner Center cannot read the gallery yet: register the {provider} resource provider in the gallery&apos;s subscription (`az provider register --namespace {provider}`), or confirm that the publishing account is Owner of the gallery</source>
        <translation>{type}: パートナー センターはまだギャラリーを読み取れません。ギャラリーのサブスクリプションに {provider} リソース プロバイダーを登録するか (`az provider register --namespace {provider}`)、発行するアカウントがギャラリーの所有者であることを確認してください</translation>
    </message>
    <message>
        <source>the definition is Hyper-V generation {found}, the plan&apos;s {type} image needs {wanted}</source>
        <translation>定義は Hyper-V 世代 {found} ですが、プランの {type} イメージには {wanted} が必要です</translation>
    </message>
    <message>
        <source>the definition is {found}, the plan&apos;s {type} image needs {wanted}</source>
        <translation>定義は {found} ですが、プランの {type} イメージには {wanted} が必要です</translation>
    </message>
    <message>
        <source>the definition&apos;s OS type is {found}, the plan is {wanted}</source>
        <translation>定義の OS の種類は {found} ですが、プランは {wanted} です</translation>
    </message>
    <message>
        <source>the definition&apos;s security type is {found}, the plan&apos;s security type needs one of {wanted}</source>
        <translation>定義のセキュリティの種類は {found} ですが、プランのセキュリティの種類には {wanted} のいずれかが必要です</translation>
    </message>
    <message>
        <source>the {provider} resource provider is registered</source>
        <translation>{provider} リソース プロバイダーが登録されています</translation>
    </message>
    <message>
        <source>the publisher confirmed the account is Owner of the gallery</source>
        <translation>発行元がアカウントはギャラリーの所有者であると確認しました</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a gallery image version&apos;s resource ID.</source>
        <translation>&apos;{value}&apos; はギャラリー イメージ バージョンのリソース ID ではありません。</translation>
    </message>
    <message>
        <source>Azure did not accept the sign-in ({detail}): run `az login` (or set the AZURE_* environment variables), then read again.</source>
        <translation>Azure がサインインを受け付けませんでした ({detail})。`az login` を実行してから (または AZURE_* 環境変数を設定してから) もう一度読み取ってください。</translation>
    </message>
    <message>
        <source>Azure has no {what} at {id}: check the resource ID, or create it first.</source>
        <translation>Azure の {id} に {what} がありません。リソース ID を確認するか、先に作成してください。</translation>
    </message>
    <message>
        <source>The signed-in account may not read {id} ({detail}): ask for Reader on the gallery.</source>
        <translation>サインインしたアカウントは {id} を読み取れません ({detail})。ギャラリーの閲覧者ロールを依頼してください。</translation>
    </message>
    <message>
        <source>Azure Resource Manager could not be reached or answered an error ({detail}).</source>
        <translation>Azure Resource Manager に接続できないか、エラーが返されました ({detail})。</translation>
    </message>
    <message>
        <source>Reading from Azure needs the azure-mgmt-compute and azure-identity packages; paste the az JSON instead.</source>
        <translation>Azure からの読み取りには azure-mgmt-compute と azure-identity パッケージが必要です。代わりに az の JSON を貼り付けてください。</translation>
    </message>
    <message>
        <source>{file} is not JSON ({detail}): save the output of `az vm list-skus -o json` unchanged.</source>
        <translation>{file} は JSON ではありません ({detail})。`az vm list-skus -o json` の出力をそのまま保存してください。</translation>
    </message>
    <message>
        <source>{file} is not the output of `az vm list-skus -o json`: it must be a JSON list of SKUs.</source>
        <translation>{file} は `az vm list-skus -o json` の出力ではありません。SKU の JSON リストである必要があります。</translation>
    </message>
    <message>
        <source>{file} is larger than {max} MiB: that is not the output of `az vm list-skus`.</source>
        <translation>{file} は {max} MiB を超えています。`az vm list-skus` の出力ではありません。</translation>
    </message>
    <message>
        <source>{file} lists no usable virtual machine size ({skipped} entries left out): the catalogue is unchanged.</source>
        <translation>{file} に使える仮想マシン サイズがありません ({skipped} 件を除外)。カタログは変更されていません。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>詳細: {details}</translation>
    </message>
    <message>
        <source>Check the account key or SAS on the SAS URIs step: copy the key again from the Azure portal (Storage account → Access keys), or make a new SAS.</source>
        <translation>SAS URI ステップでアカウント キーまたは SAS を確認してください。Azure portal (ストレージ アカウント → アクセス キー) からキーをもう一度コピーするか、新しい SAS を作成します。</translation>
    </message>
    <message>
        <source>Wait a minute and try again; the work done so far is kept.</source>
        <translation>少し待ってからもう一度試してください。ここまでの作業は保持されています。</translation>
    </message>
    <message>
        <source>Check the storage account, container and blob names in the URL (names are case-sensitive; container names are lowercase).</source>
        <translation>URL のストレージ アカウント名、コンテナー名、BLOB 名を確認してください (名前は大文字と小文字が区別され、コンテナー名は小文字です)。</translation>
    </message>
    <message>
        <source>The storage account did not accept the signature: the key, connection string or SAS is wrong or has expired.</source>
        <translation>ストレージ アカウントが署名を受け付けませんでした。キー、接続文字列、または SAS が間違っているか期限切れです。</translation>
    </message>
    <message>
        <source>The storage account could not read the sign-in information sent with the request.</source>
        <translation>ストレージ アカウントが、要求と共に送られたサインイン情報を読み取れませんでした。</translation>
    </message>
    <message>
        <source>The request carried no key or SAS, and the container is not public.</source>
        <translation>要求にキーも SAS も含まれておらず、コンテナーは公開されていません。</translation>
    </message>
    <message>
        <source>The storage account refused this operation for these credentials.</source>
        <translation>ストレージ アカウントが、この資格情報でのこの操作を拒否しました。</translation>
    </message>
    <message>
        <source>The SAS does not allow this operation (for example, it lacks write for an upload or read for a check).</source>
        <translation>SAS がこの操作を許可していません (たとえば、アップロードに必要な書き込みや、チェックに必要な読み取りがありません)。</translation>
    </message>
    <message>
        <source>Make a new SAS with the permissions this needs, or use the account key.</source>
        <translation>必要なアクセス許可を持つ新しい SAS を作成するか、アカウント キーを使用してください。</translation>
    </message>
    <message>
        <source>The SAS is for another kind of resource (a container SAS where a blob is needed, or the other way round).</source>
        <translation>SAS が別の種類のリソース用です (BLOB が必要なところにコンテナーの SAS、またはその逆)。</translation>
    </message>
    <message>
        <source>Make a new SAS for the container that holds the VHDs.</source>
        <translation>VHD を格納しているコンテナーの新しい SAS を作成してください。</translation>
    </message>
    <message>
        <source>The SAS allows HTTPS only, and the request used HTTP.</source>
        <translation>SAS は HTTPS のみを許可していますが、要求は HTTP を使用しました。</translation>
    </message>
    <message>
        <source>Use an https:// address for the storage account (SAS URIs step).</source>
        <translation>ストレージ アカウントには https:// のアドレスを使用してください (SAS URI ステップ)。</translation>
    </message>
    <message>
        <source>The SAS allows other IP addresses than the one this computer uses.</source>
        <translation>SAS が、このコンピューターの IP アドレス以外のアドレスを許可しています。</translation>
    </message>
    <message>
        <source>Make a new SAS without an IP range, or with this computer&apos;s address.</source>
        <translation>IP 範囲なし、またはこのコンピューターのアドレスを含む新しい SAS を作成してください。</translation>
    </message>
    <message>
        <source>The account key or SAS does not reach this service or operation.</source>
        <translation>アカウント キーまたは SAS が、このサービスまたは操作に対応していません。</translation>
    </message>
    <message>
        <source>Use the account key, or make a SAS for the Blob service with read, list and write.</source>
        <translation>アカウント キーを使用するか、読み取り・一覧・書き込みを持つ BLOB サービスの SAS を作成してください。</translation>
    </message>
    <message>
        <source>The storage account is disabled.</source>
        <translation>ストレージ アカウントが無効になっています。</translation>
    </message>
    <message>
        <source>Enable it in the Azure portal, or use another account.</source>
        <translation>Azure portal で有効にするか、別のアカウントを使用してください。</translation>
    </message>
    <message>
        <source>The storage account is still being created.</source>
        <translation>ストレージ アカウントはまだ作成中です。</translation>
    </message>
    <message>
        <source>The storage service did not accept a header of the request. A storage emulator (Azurite) answers this when it is older than the storage API version this app uses.</source>
        <translation>ストレージ サービスが要求のヘッダーを受け付けませんでした。ストレージ エミュレーター (Azurite) が、このアプリの使用するストレージ API バージョンより古い場合にこの応答を返します。</translation>
    </message>
    <message>
        <source>Update Azurite (npm install -g azurite), or start it with --skipApiVersionCheck; for an Azure account, check the endpoint on the SAS URIs step.</source>
        <translation>Azurite を更新する (npm install -g azurite) か、--skipApiVersionCheck を付けて起動してください。Azure のアカウントの場合は、SAS URI ステップでエンドポイントを確認してください。</translation>
    </message>
    <message>
        <source>The storage service does not support a header of the request (an emulator or an older service version).</source>
        <translation>ストレージ サービスが要求のヘッダーをサポートしていません (エミュレーター、または古いサービス バージョン)。</translation>
    </message>
    <message>
        <source>Update the storage emulator, or use an Azure storage account.</source>
        <translation>ストレージ エミュレーターを更新するか、Azure のストレージ アカウントを使用してください。</translation>
    </message>
    <message>
        <source>The storage service did not accept a value in the URL, often a SAS token that was cut or changed when it was copied.</source>
        <translation>ストレージ サービスが URL 内の値を受け付けませんでした。多くの場合、コピー時に SAS トークンが切れたか変わっています。</translation>
    </message>
    <message>
        <source>Copy the whole SAS URI again, or make a new one on the SAS URIs step.</source>
        <translation>SAS URI 全体をもう一度コピーするか、SAS URI ステップで新しく作成してください。</translation>
    </message>
    <message>
        <source>The storage service did not accept the address.</source>
        <translation>ストレージ サービスがアドレスを受け付けませんでした。</translation>
    </message>
    <message>
        <source>A container or blob name is not allowed (a container name is 3–63 lowercase letters, digits and hyphens).</source>
        <translation>コンテナー名または BLOB 名が使用できません (コンテナー名は小文字、数字、ハイフンの 3～63 文字です)。</translation>
    </message>
    <message>
        <source>A name or value in the request is too long or out of range.</source>
        <translation>要求内の名前または値が長すぎるか、範囲外です。</translation>
    </message>
    <message>
        <source>The storage service expected a header this request did not send (an emulator or a proxy may have removed it).</source>
        <translation>ストレージ サービスが必要とするヘッダーがこの要求にありません (エミュレーターやプロキシが削除した可能性があります)。</translation>
    </message>
    <message>
        <source>Try without a proxy in between, or with an Azure storage account.</source>
        <translation>間にプロキシを入れずに試すか、Azure のストレージ アカウントで試してください。</translation>
    </message>
    <message>
        <source>The storage account has nothing at this address.</source>
        <translation>ストレージ アカウントのこのアドレスには何もありません。</translation>
    </message>
    <message>
        <source>The container does not exist.</source>
        <translation>コンテナーが存在しません。</translation>
    </message>
    <message>
        <source>Check its name, or let the upload create it (VHD check step).</source>
        <translation>名前を確認するか、アップロード時に作成させてください (VHD チェック ステップ)。</translation>
    </message>
    <message>
        <source>The blob does not exist in the container.</source>
        <translation>BLOB がコンテナーに存在しません。</translation>
    </message>
    <message>
        <source>Upload the VHD on the VHD check step, or check the blob&apos;s name.</source>
        <translation>VHD チェック ステップで VHD をアップロードするか、BLOB 名を確認してください。</translation>
    </message>
    <message>
        <source>The container is being deleted.</source>
        <translation>コンテナーは削除中です。</translation>
    </message>
    <message>
        <source>Wait until it is gone, or use a container of another name.</source>
        <translation>削除が終わるまで待つか、別の名前のコンテナーを使用してください。</translation>
    </message>
    <message>
        <source>The container is disabled.</source>
        <translation>コンテナーが無効になっています。</translation>
    </message>
    <message>
        <source>Use another container.</source>
        <translation>別のコンテナーを使用してください。</translation>
    </message>
    <message>
        <source>The storage account is busy and asked to slow down.</source>
        <translation>ストレージ アカウントが混雑しており、要求の速度を落とすよう求めています。</translation>
    </message>
    <message>
        <source>The storage service had an internal error.</source>
        <translation>ストレージ サービスで内部エラーが発生しました。</translation>
    </message>
    <message>
        <source>The storage service did not finish the operation in time.</source>
        <translation>ストレージ サービスが操作を時間内に完了しませんでした。</translation>
    </message>
    <message>
        <source>The blob is of another type (a block blob); a VHD must be a page blob.</source>
        <translation>BLOB が別の種類 (ブロック BLOB) です。VHD はページ BLOB である必要があります。</translation>
    </message>
    <message>
        <source>Delete the blob and upload the VHD again with this app (it uploads page blobs).</source>
        <translation>BLOB を削除し、このアプリで VHD をもう一度アップロードしてください (ページ BLOB としてアップロードします)。</translation>
    </message>
    <message>
        <source>A page range is not aligned to 512 bytes or lies beyond the blob&apos;s end.</source>
        <translation>ページ範囲が 512 バイト境界に揃っていないか、BLOB の末尾を超えています。</translation>
    </message>
    <message>
        <source>Check the VHD on the VHD check step (its size must be a whole number of MiB), then upload it again.</source>
        <translation>VHD チェック ステップで VHD を確認し (サイズは MiB の整数倍である必要があります)、もう一度アップロードしてください。</translation>
    </message>
    <message>
        <source>The part of the blob asked for lies beyond its end.</source>
        <translation>要求した BLOB の部分が末尾を超えています。</translation>
    </message>
    <message>
        <source>Upload the VHD again: the blob is shorter than the file.</source>
        <translation>VHD をもう一度アップロードしてください。BLOB がファイルより短くなっています。</translation>
    </message>
    <message>
        <source>The data arrived changed on the way (its MD5 did not match).</source>
        <translation>データが途中で変化して届きました (MD5 が一致しません)。</translation>
    </message>
    <message>
        <source>Upload again; if it repeats, check the network (a proxy that rewrites traffic).</source>
        <translation>もう一度アップロードしてください。繰り返す場合はネットワーク (通信を書き換えるプロキシ) を確認してください。</translation>
    </message>
    <message>
        <source>A piece of the upload was larger than the service takes.</source>
        <translation>アップロードの一部が、サービスが受け付ける大きさを超えていました。</translation>
    </message>
    <message>
        <source>Upload again; the app sends 4 MiB pieces.</source>
        <translation>もう一度アップロードしてください。アプリは 4 MiB 単位で送信します。</translation>
    </message>
    <message>
        <source>The blob is leased (a VM or an image may use it), and the request has no lease ID.</source>
        <translation>BLOB はリースされており (VM またはイメージが使用している可能性があります)、要求にリース ID がありません。</translation>
    </message>
    <message>
        <source>Delete the VM or image that uses the blob, or upload under another blob name.</source>
        <translation>BLOB を使用している VM またはイメージを削除するか、別の BLOB 名でアップロードしてください。</translation>
    </message>
    <message>
        <source>The blob is leased (a VM or an image may use it).</source>
        <translation>BLOB はリースされています (VM またはイメージが使用している可能性があります)。</translation>
    </message>
    <message>
        <source>The blob changed while it was being read or written.</source>
        <translation>読み取りまたは書き込みの途中で BLOB が変更されました。</translation>
    </message>
    <message>
        <source>Check or upload it again; make sure nothing else writes to it.</source>
        <translation>もう一度チェックまたはアップロードしてください。ほかに書き込むものがないことを確認してください。</translation>
    </message>
    <message>
        <source>The blob is in the archive tier and cannot be read.</source>
        <translation>BLOB はアーカイブ層にあり、読み取れません。</translation>
    </message>
    <message>
        <source>Rehydrate it to the hot tier in the Azure portal, or upload the VHD again.</source>
        <translation>Azure portal でホット層にリハイドレートするか、VHD をもう一度アップロードしてください。</translation>
    </message>
    <message>
        <source>The blob has snapshots, so it cannot be replaced.</source>
        <translation>BLOB にスナップショットがあるため、置き換えられません。</translation>
    </message>
    <message>
        <source>Delete its snapshots in the Azure portal, or upload under another blob name.</source>
        <translation>Azure portal でスナップショットを削除するか、別の BLOB 名でアップロードしてください。</translation>
    </message>
    <message>
        <source>The service did not accept the request.</source>
        <translation>サービスが要求を受け付けませんでした。</translation>
    </message>
    <message>
        <source>Check the values on the step that sent it; the details name the code.</source>
        <translation>要求を送ったステップの値を確認してください。詳細にコードが示されています。</translation>
    </message>
    <message>
        <source>The service did not accept the sign-in.</source>
        <translation>サービスがサインインを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Sign in again, or check the key or token.</source>
        <translation>もう一度サインインするか、キーまたはトークンを確認してください。</translation>
    </message>
    <message>
        <source>The service refused the request for these credentials.</source>
        <translation>サービスがこの資格情報での要求を拒否しました。</translation>
    </message>
    <message>
        <source>Check that the account, key or SAS has the permission this needs.</source>
        <translation>アカウント、キー、または SAS に必要なアクセス許可があることを確認してください。</translation>
    </message>
    <message>
        <source>The service has nothing at this address.</source>
        <translation>サービスのこのアドレスには何もありません。</translation>
    </message>
    <message>
        <source>The request conflicts with the resource&apos;s current state.</source>
        <translation>要求がリソースの現在の状態と競合しています。</translation>
    </message>
    <message>
        <source>Reload what the service holds, then try again.</source>
        <translation>サービス側の内容を読み込み直してから、もう一度試してください。</translation>
    </message>
    <message>
        <source>The resource changed since it was read.</source>
        <translation>読み取った後にリソースが変更されました。</translation>
    </message>
    <message>
        <source>Reload it, then try again.</source>
        <translation>読み込み直してから、もう一度試してください。</translation>
    </message>
    <message>
        <source>The service asked to slow down (too many requests).</source>
        <translation>サービスが要求の速度を落とすよう求めています (要求が多すぎます)。</translation>
    </message>
    <message>
        <source>The service had an internal error.</source>
        <translation>サービスで内部エラーが発生しました。</translation>
    </message>
    <message>
        <source>A gateway in between did not get an answer from the service.</source>
        <translation>間のゲートウェイがサービスから応答を受け取れませんでした。</translation>
    </message>
    <message>
        <source>The service is unavailable for the moment.</source>
        <translation>サービスは現在利用できません。</translation>
    </message>
    <message>
        <source>A gateway in between timed out.</source>
        <translation>間のゲートウェイがタイムアウトしました。</translation>
    </message>
    <message>
        <source>Sign in again (the Partner Center sign-in: tenant, client ID and secret); a token is for https://graph.microsoft.com and lives about an hour.</source>
        <translation>もう一度サインインしてください (Partner Center のサインイン: テナント、クライアント ID、シークレット)。トークンは https://graph.microsoft.com 用で、有効期間は約 1 時間です。</translation>
    </message>
    <message>
        <source>Add the Microsoft Entra application to the Partner Center account (Account settings → User management → Microsoft Entra applications) with the Manager role, then try again.</source>
        <translation>Microsoft Entra アプリケーションを Partner Center アカウントに Manager ロールで追加してから (アカウント設定 → ユーザー管理 → Microsoft Entra アプリケーション)、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Check the offer ID and plan IDs on the Offer &amp; SKUs step against Partner Center (Marketplace offers → the offer → Offer setup), then pull again.</source>
        <translation>オファーと SKU のステップのオファー ID とプラン ID を Partner Center (マーケットプレース オファー → オファー → オファーのセットアップ) と照らし合わせてから、もう一度取得してください。</translation>
    </message>
    <message>
        <source>Check the values on the Offer &amp; SKUs and SAS URIs steps (the details name the field Partner Center refused), correct them, then send again.</source>
        <translation>オファーと SKU、SAS URI のステップの値を確認して修正してから (Partner Center が拒否したフィールドは詳細に示されています)、もう一度送信してください。</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again; nothing is lost. If it lasts, check https://status.partner.microsoft.com.</source>
        <translation>数分待ってからもう一度お試しください。失われたものはありません。続く場合は https://status.partner.microsoft.com を確認してください。</translation>
    </message>
    <message>
        <source>Pull the offer again to see what Partner Center holds now, then send your changes again.</source>
        <translation>オファーをもう一度取得して Partner Center の現在の内容を確認してから、変更をもう一度送信してください。</translation>
    </message>
    <message>
        <source>Partner Center did not accept the request: a value is missing or not allowed.</source>
        <translation>Partner Center が要求を受け付けませんでした: 値が足りないか、許可されていない値があります。</translation>
    </message>
    <message>
        <source>Partner Center did not accept the sign-in: the token has expired or is for another service.</source>
        <translation>Partner Center がサインインを受け付けませんでした: トークンの有効期限が切れているか、別のサービス用です。</translation>
    </message>
    <message>
        <source>Partner Center refused: the application may not do this in the publisher&apos;s account.</source>
        <translation>Partner Center が拒否しました: このアプリケーションには、発行元アカウントでこの操作を行う権限がありません。</translation>
    </message>
    <message>
        <source>Partner Center has no such offer, plan, job or submission in this account.</source>
        <translation>このアカウントの Partner Center に、そのオファー、プラン、ジョブ、または申請はありません。</translation>
    </message>
    <message>
        <source>Partner Center refused the change: it conflicts with the offer&apos;s current state (another job or submission may be running).</source>
        <translation>Partner Center が変更を拒否しました: オファーの現在の状態と競合しています (別のジョブまたは申請が実行中の可能性があります)。</translation>
    </message>
    <message>
        <source>Wait until the running job or submission ends (Partner Center → the offer, or the job&apos;s status here), pull the offer again, then send again.</source>
        <translation>実行中のジョブまたは申請が終わるまで待ち (Partner Center → オファー、またはここでのジョブの状態)、オファーをもう一度取得してから、もう一度送信してください。</translation>
    </message>
    <message>
        <source>The offer changed in Partner Center since it was pulled.</source>
        <translation>取得した後に Partner Center でオファーが変更されました。</translation>
    </message>
    <message>
        <source>Partner Center asked to slow down (too many requests).</source>
        <translation>Partner Center から速度を落とすよう求められました (要求が多すぎます)。</translation>
    </message>
    <message>
        <source>Wait the time Partner Center asked for (in the details), then try again; nothing is lost.</source>
        <translation>Partner Center が求めた時間 (詳細に表示) 待ってから、もう一度お試しください。失われたものはありません。</translation>
    </message>
    <message>
        <source>Partner Center had an internal error.</source>
        <translation>Partner Center で内部エラーが発生しました。</translation>
    </message>
    <message>
        <source>A gateway in front of Partner Center got no answer from it.</source>
        <translation>Partner Center の前段のゲートウェイが Partner Center から応答を得られませんでした。</translation>
    </message>
    <message>
        <source>Partner Center is unavailable for the moment.</source>
        <translation>Partner Center は現在利用できません。</translation>
    </message>
    <message>
        <source>A gateway in front of Partner Center timed out.</source>
        <translation>Partner Center の前段のゲートウェイがタイムアウトしました。</translation>
    </message>
    <message>
        <source>Partner Center already has an offer or plan with this ID.</source>
        <translation>この ID のオファーまたはプランは Partner Center に既にあります。</translation>
    </message>
    <message>
        <source>Give the offer or plan another ID on the Offer &amp; SKUs step, or pull the existing one.</source>
        <translation>オファーと SKU のステップでオファーまたはプランに別の ID を付けるか、既存のものを取得してください。</translation>
    </message>
    <message>
        <source>The Partner Center account reached a limit (too many offers, plans or images).</source>
        <translation>Partner Center アカウントが上限に達しました (オファー、プラン、またはイメージが多すぎます)。</translation>
    </message>
    <message>
        <source>Remove an unused plan or image version in Partner Center, then send again.</source>
        <translation>Partner Center で使っていないプランまたはイメージ バージョンを削除してから、もう一度送信してください。</translation>
    </message>
    <message>
        <source>Partner Center does not allow this change for the offer in its current state (for example a live plan&apos;s technical configuration).</source>
        <translation>Partner Center では、オファーの現在の状態ではこの変更はできません (たとえば公開中のプランの技術構成)。</translation>
    </message>
    <message>
        <source>Make the change in Partner Center, or as a new plan; the details say what was refused.</source>
        <translation>変更は Partner Center で行うか、新しいプランとして行ってください。拒否された内容は詳細に示されています。</translation>
    </message>
    <message>
        <source>Partner Center does not support this request for this kind of offer.</source>
        <translation>Partner Center は、この種類のオファーではこの要求をサポートしていません。</translation>
    </message>
    <message>
        <source>Make the change in Partner Center itself (the offer&apos;s pages).</source>
        <translation>変更は Partner Center 自体 (オファーのページ) で行ってください。</translation>
    </message>
    <message>
        <source>Partner Center answered with an error this app does not know.</source>
        <translation>Partner Center が、このアプリの知らないエラーを返しました。</translation>
    </message>
    <message>
        <source>Try again later; if it repeats, send the details to Partner Center support (Help + support), with the request ID.</source>
        <translation>後でもう一度お試しください。繰り返す場合は、詳細を要求 ID とともに Partner Center サポート (ヘルプとサポート) に送ってください。</translation>
    </message>
    <message>
        <source>Partner Center answered with an error; the request may or may not have been taken.</source>
        <translation>Partner Center がエラーを返しました。要求が受け付けられたかどうかはわかりません。</translation>
    </message>
    <message>
        <source>Look at the offer&apos;s jobs and submissions (Partner Center, or mpwizard pc status) before sending it again.</source>
        <translation>もう一度送信する前に、オファーのジョブと申請を確認してください (Partner Center、または mpwizard pc status)。</translation>
    </message>
    <message>
        <source>Partner Center&apos;s job refused a value of the offer.</source>
        <translation>Partner Center のジョブがオファーの値を拒否しました。</translation>
    </message>
    <message>
        <source>Correct the field named here on its step (the details give Partner Center&apos;s words), then send again.</source>
        <translation>ここに示されたフィールドをそのステップで修正してから、もう一度送信してください (詳細に Partner Center のメッセージがあります)。</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>The system keyring is locked: unlock it to use a remembered password, or type the password.</source>
        <translation>システム キーリングがロックされています。記憶したパスワードを使うにはロックを解除するか、パスワードを入力してください。</translation>
    </message>
    <message>
        <source>No secure system keyring is available: passwords can be kept for this session only.</source>
        <translation>安全なシステム キーリングがありません。パスワードはこのセッションの間だけ保持できます。</translation>
    </message>
    <message>
        <source>No secure system keyring is available, so the password was not saved. On Linux, install and start GNOME Keyring or KWallet. Until then, untick &apos;Remember&apos; to keep it for this session only.</source>
        <translation>安全なシステム キーリングがないため、パスワードを保存できませんでした。Linux では GNOME Keyring か KWallet をインストールして起動してください。それまでは「記憶する」のチェックを外すと、このセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <source>The system keyring is locked, so the password was not saved. Unlock your keyring (log in to it) and try again, or untick &apos;Remember&apos;.</source>
        <translation>システム キーリングがロックされているため、パスワードを保存できませんでした。キーリングのロックを解除 (ログイン) してからやり直すか、「記憶する」のチェックを外してください。</translation>
    </message>
    <message>
        <source>The system keyring reported an error: {0}</source>
        <translation>システム キーリングがエラーを報告しました: {0}</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export the SKU form</source>
        <translation>SKU フォームのエクスポート</translation>
    </message>
    <message>
        <source>Check readiness and export the values to paste into the portal, field by field.</source>
        <translation>準備状況を確認し、ポータルにフィールドごとに貼り付ける値をエクスポートします。</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>SKU:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Readiness checklist</source>
        <translation>準備状況チェックリスト</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Publishing portal form</source>
        <translation>発行ポータルのフォーム</translation>
    </message>
    <message>
        <source>Publishing portal (guide)</source>
        <translation>発行ポータル (ガイド)</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>JSON をコピー</translation>
    </message>
    <message>
        <source>Partner Center (JSON)</source>
        <translation>パートナー センター (JSON)</translation>
    </message>
    <message>
        <source>Portal form — printable HTML</source>
        <translation>ポータルのフォーム — 印刷用 HTML</translation>
    </message>
    <message>
        <source>Portal form — CSV</source>
        <translation>ポータルのフォーム — CSV</translation>
    </message>
    <message>
        <source>Portal form — Markdown</source>
        <translation>ポータルのフォーム — Markdown</translation>
    </message>
    <message>
        <source>Partner Center technical configuration — JSON</source>
        <translation>パートナー センターの技術構成 — JSON</translation>
    </message>
    <message>
        <source>Partner Center configure request — JSON (az rest, curl)</source>
        <translation>パートナー センターの configure 要求 — JSON (az rest、curl)</translation>
    </message>
    <message>
        <source>Test VM script — Azure CLI (bash)</source>
        <translation>テスト VM スクリプト — Azure CLI (bash)</translation>
    </message>
    <message>
        <source>Test VM script — Azure CLI (PowerShell)</source>
        <translation>テスト VM スクリプト — Azure CLI (PowerShell)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>エクスポート形式</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再確認</translation>
    </message>
    <message>
        <source>Partner Center fields — printable HTML</source>
        <translation>パートナー センターの項目 — 印刷用 HTML</translation>
    </message>
    <message>
        <source>Partner Center fields — CSV</source>
        <translation>パートナー センターの項目 — CSV</translation>
    </message>
    <message>
        <source>Partner Center fields — Markdown</source>
        <translation>パートナー センターの項目 — Markdown</translation>
    </message>
    <message>
        <source>Export the plan&apos;s technical configuration</source>
        <translation>プランの技術構成のエクスポート</translation>
    </message>
    <message>
        <source>Partner Center technical configuration fields</source>
        <translation>パートナー センターの技術構成の項目</translation>
    </message>
    <message>
        <source>Partner Center (fields)</source>
        <translation>パートナー センター (項目)</translation>
    </message>
    <message>
        <source>The SAS URIs could not be read: {0}</source>
        <translation>SAS URI を読み取れませんでした: {0}</translation>
    </message>
    <message>
        <source>Reading the SAS URIs from the keyring…</source>
        <translation>キーリングから SAS URI を読み取っています…</translation>
    </message>
    <message>
        <source>Ready to submit.</source>
        <translation>提出の準備ができています。</translation>
    </message>
    <message>
        <source>{0} item(s) missing: you can export now, and the export says what is missing.</source>
        <translation>{0} 件の項目が不足しています。今エクスポートすることもでき、不足分はエクスポートに書き込まれます。</translation>
    </message>
    <message>
        <source>Go to step</source>
        <translation>ステップへ移動</translation>
    </message>
    <message>
        <source>Open the step that fixes this</source>
        <translation>これを解決するステップを開きます</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy {0}</source>
        <translation>{0} をコピー</translation>
    </message>
    <message>
        <source>Copied “{0}”. Paste it into the portal field of the same name.</source>
        <translation>「{0}」をコピーしました。ポータルの同じ名前のフィールドに貼り付けてください。</translation>
    </message>
    <message>
        <source>Copied the Partner Center JSON.</source>
        <translation>パートナー センターの JSON をコピーしました。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation>エクスポートしませんでした: {0}</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} を書き込めませんでした: {1}</translation>
    </message>
    <message>
        <source>Exported {0}.</source>
        <translation>{0} をエクスポートしました。</translation>
    </message>
    <message>
        <source>Exported {0}, with {1} missing item(s) written into it.</source>
        <translation>{0} をエクスポートしました (不足している {1} 件の項目も記載しています)。</translation>
    </message>
</context>
<context>
    <name>GalleryCheckDialog</name>
    <message>
        <source>Gallery image version of {0}</source>
        <translation>{0} のギャラリー イメージ バージョン</translation>
    </message>
    <message>
        <source>Partner Center reads the image straight from the gallery: it must exist, be generalized, match the plan and be replicated, and Partner Center must be allowed to read it. Read it from Azure (signed in as with az login), or paste what the az commands print.</source>
        <translation>パートナー センターはイメージをギャラリーから直接読み取ります。イメージが存在し、一般化され、プランと一致し、レプリケートされていて、パートナー センターが読み取れる必要があります。Azure から読み取る (az login と同じサインイン) か、az コマンドの出力を貼り付けてください。</translation>
    </message>
    <message>
        <source>&amp;Read from Azure</source>
        <translation>Azure から読み取る(&amp;R)</translation>
    </message>
    <message>
        <source>Output of {0}:</source>
        <translation>{0} の出力:</translation>
    </message>
    <message>
        <source>Read the &amp;pasted JSON</source>
        <translation>貼り付けた JSON を読み取る(&amp;P)</translation>
    </message>
    <message>
        <source>What Partner Center needs of the gallery image</source>
        <translation>パートナー センターがギャラリー イメージに求めること</translation>
    </message>
    <message>
        <source>Read the pasted JSON.</source>
        <translation>貼り付けた JSON を読み取りました。</translation>
    </message>
    <message>
        <source>Reading from Azure…</source>
        <translation>Azure から読み取っています…</translation>
    </message>
    <message>
        <source>Read from Azure.</source>
        <translation>Azure から読み取りました。</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>About this step</source>
        <translation>このステップについて</translation>
    </message>
    <message>
        <source>Show or hide what this step is for, what you need and where to find it (F1 opens it in a window).</source>
        <translation>このステップの目的、必要なもの、その場所の表示と非表示を切り替えます (F1 キーで別のウィンドウに表示します)。</translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <source>SAS URIs of the disks</source>
        <translation>ディスクの SAS URI</translation>
    </message>
    <message>
        <source>Azure Compute Gallery image version</source>
        <translation>Azure Compute Gallery のイメージ バージョン</translation>
    </message>
    <message>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <source>gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>Image types of {0}</source>
        <translation>{0}のイメージの種類</translation>
    </message>
    <message>
        <source>the SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Partner Center lists each image type of a plan as a SKU of its own. Generation 2 images boot with UEFI (GPT with an EFI system partition); Trusted Launch needs Generation 2 and a gallery image version for its test VM. The gallery is the route Microsoft recommends: no SAS URI is needed.</source>
        <translation>パートナー センターでは、プランのイメージの種類ごとに別の SKU になります。第 2 世代のイメージは UEFI で起動します (EFI システム パーティションのある GPT)。トラステッド起動には第 2 世代と、テスト VM 用のギャラリー イメージ バージョンが必要です。Microsoft が推奨するのはギャラリーを使う方法で、SAS URI は不要です。</translation>
    </message>
    <message>
        <source>Image type</source>
        <translation>イメージの種類</translation>
    </message>
    <message>
        <source>Second image type</source>
        <translation>2 つ目のイメージの種類</translation>
    </message>
    <message>
        <source>default: {0}</source>
        <translation>既定: {0}</translation>
    </message>
    <message>
        <source>{0} is chosen twice: choose another image type or (none).</source>
        <translation>{0} が 2 回選ばれています。別のイメージの種類か (なし) を選んでください。</translation>
    </message>
    <message>
        <source>{0} (and {1} more)</source>
        <translation>{0} (ほか {1} 件)</translation>
    </message>
</context>
<context>
    <name>ImageSlot</name>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>SKU ID of the image type</source>
        <translation>イメージの種類の SKU ID</translation>
    </message>
    <message>
        <source>Security type</source>
        <translation>セキュリティの種類</translation>
    </message>
    <message>
        <source>Image source</source>
        <translation>イメージのソース</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>テナント ID</translation>
    </message>
    <message>
        <source>Gallery image version resource ID</source>
        <translation>ギャラリー イメージ バージョンのリソース ID</translation>
    </message>
    <message>
        <source>The tenant registered the {0} resource provider (or the publishing account is Owner of the gallery)</source>
        <translation>テナントに {0} リソース プロバイダーを登録済み (または公開アカウントがギャラリーの所有者)</translation>
    </message>
    <message>
        <source>Second image t&amp;ype:</source>
        <translation>2 つ目のイメージの種類(&amp;Y):</translation>
    </message>
    <message>
        <source>Image &amp;type:</source>
        <translation>イメージの種類(&amp;T):</translation>
    </message>
    <message>
        <source>SKU ID:</source>
        <translation>SKU ID:</translation>
    </message>
    <message>
        <source>Security type:</source>
        <translation>セキュリティの種類:</translation>
    </message>
    <message>
        <source>Image source:</source>
        <translation>イメージのソース:</translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation>テナント ID:</translation>
    </message>
    <message>
        <source>Image version:</source>
        <translation>イメージ バージョン:</translation>
    </message>
    <message>
        <source>C&amp;heck the image version…</source>
        <translation>イメージ バージョンを確認(&amp;H)…</translation>
    </message>
    <message>
        <source>Chec&amp;k the image version…</source>
        <translation>イメージ バージョンを確認(&amp;K)…</translation>
    </message>
    <message>
        <source>Read the gallery image version from Azure, or paste the az JSON: Partner Center needs it generalized, matching the plan, replicated and readable.</source>
        <translation>ギャラリー イメージ バージョンを Azure から読み取るか、az の JSON を貼り付けます。パートナー センターには、一般化され、プランと一致し、レプリケートされ、読み取れるイメージが必要です。</translation>
    </message>
    <message>
        <source>Partner Center takes a security type on x64 Generation 2 images only.</source>
        <translation>パートナー センターがセキュリティの種類を受け付けるのは x64 第 2 世代のイメージだけです。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>プロジェクトを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Offer &amp; SKUs</source>
        <translation>オファーと SKU</translation>
    </message>
    <message>
        <source>VHD check</source>
        <translation>VHD チェック</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>テスト実行</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>What&apos;s next</source>
        <translation>次の作業</translation>
    </message>
    <message>
        <source>&amp;Import from Partner Center…</source>
        <translation>パートナー センターからインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Help for this step</source>
        <translation>このステップのヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>用語集(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボード ショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Getting started…</source>
        <translation>はじめに(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログ フォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>プロジェクトに未保存の変更があります。先に保存しますか?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Marketplace wizard projects (*.mpwiz);;All files (*)</source>
        <translation>Marketplace ウィザード プロジェクト (*.mpwiz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The file {0} does not exist (was it moved, renamed or deleted?).</source>
        <translation>ファイル {0} がありません (移動、名前の変更、または削除されていませんか?)。</translation>
    </message>
    <message>
        <source>{0} is a folder, not a project file.</source>
        <translation>{0} はフォルダーです。プロジェクト ファイルではありません。</translation>
    </message>
    <message>
        <source>The file {0} is empty: it holds no project.</source>
        <translation>ファイル {0} は空で、プロジェクトが含まれていません。</translation>
    </message>
    <message>
        <source>The file {0} is far larger than any project file: it is probably not one.</source>
        <translation>ファイル {0} はプロジェクト ファイルとしては大きすぎます。おそらくプロジェクト ファイルではありません。</translation>
    </message>
    <message>
        <source>{0} is not a project file: it is not text.</source>
        <translation>{0} はテキストではないため、プロジェクト ファイルではありません。</translation>
    </message>
    <message>
        <source>{0} is damaged: it stops making sense at line {1}, column {2}.</source>
        <translation>{0} は破損しています。{1} 行目、{2} 文字目から読み取れなくなっています。</translation>
    </message>
    <message>
        <source>{0} is not a project file of this app.</source>
        <translation>{0} はこのアプリのプロジェクト ファイルではありません。</translation>
    </message>
    <message>
        <source>{0} was made by a newer version of this app. Update the app to open it.</source>
        <translation>{0} はこのアプリの新しいバージョンで作成されています。開くにはアプリを更新してください。</translation>
    </message>
    <message>
        <source>The file {0} cannot be read.</source>
        <translation>ファイル {0} を読み取れません。</translation>
    </message>
    <message>
        <source>{0} cannot be opened.</source>
        <translation>{0} を開けません。</translation>
    </message>
    <message>
        <source>Nothing was changed: the file is as it was, and the project open here stays open.</source>
        <translation>何も変更していません。ファイルは元のままで、ここで開いているプロジェクトもそのままです。</translation>
    </message>
    <message>
        <source>If it is your project and it was damaged, open {0} beside it (the version before its last save) with File → Open, or the copy the app offers at start-up after a crash.</source>
        <translation>ご自分のプロジェクトが破損した場合は、同じフォルダーにある {0} (最後の保存の前のバージョン) を [ファイル] → [開く] で開くか、異常終了の後の起動時にアプリが提示するコピーを使ってください。</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>詳細: {0}</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <source>Project opened with problems</source>
        <translation>問題のあるプロジェクトを開きました</translation>
    </message>
    <message>
        <source>Some values in this file were damaged and replaced by defaults. Check them before saving; saving keeps the original as a .bak file.</source>
        <translation>このファイルの一部の値が壊れていたため、既定値に置き換えました。保存する前に確認してください。保存すると元のファイルは .bak として残ります。</translation>
    </message>
    <message>
        <source>Import from Partner Center</source>
        <translation>パートナー センターからインポート</translation>
    </message>
    <message>
        <source>Technical configuration (*.json);;All files (*)</source>
        <translation>技術構成 (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>A plan&apos;s technical configuration as Partner Center&apos;s Product Ingestion API returns it (GET https://graph.microsoft.com/rp/product-ingestion/resource-tree/product/&lt;product ID&gt;, saved as .json): its published image versions are kept in the next export.</source>
        <translation>パートナー センターの Product Ingestion API が返すプランの技術的な構成 (GET https://graph.microsoft.com/rp/product-ingestion/resource-tree/product/&lt;製品 ID&gt; の応答を .json として保存したもの)。公開済みのイメージ バージョンは次のエクスポートでもそのまま残ります。</translation>
    </message>
    <message>
        <source>Publishing &amp;outline</source>
        <translation>発行の概要(&amp;O)</translation>
    </message>
    <message>
        <source>failed or out of date</source>
        <translation>失敗または古い状態</translation>
    </message>
    <message>
        <source>{0} (Ctrl+{1})</source>
        <translation>{0} (Ctrl+{1})</translation>
    </message>
    <message>
        <source>Import from Partner Center: the plan&apos;s technical configuration (Product Ingestion API)</source>
        <translation>パートナー センターからインポート: プランの技術的な構成 (Product Ingestion API)</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>何もインポートしませんでした: {0}</translation>
    </message>
    <message>
        <source>Imported into SKU {0}. Published versions: {1}.</source>
        <translation>SKU {0} にインポートしました。公開済みのバージョン: {1}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Not taken:</source>
        <translation>取り込まなかった項目:</translation>
    </message>
    <message>
        <source>Imported, but the SAS tokens could not be kept: {0}</source>
        <translation>インポートしましたが、SAS トークンを保持できませんでした: {0}</translation>
    </message>
    <message>
        <source>{0} SAS URI(s) expire within {1} days or have expired: renew them in the SAS URIs step.</source>
        <translation>{0} 個の SAS URI が {1} 日以内に期限切れになるか、期限切れです。「SAS URI」の手順で更新してください。</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>プロジェクトの保存</translation>
    </message>
    <message>
        <source>Marketplace wizard projects (*.mpwiz)</source>
        <translation>Marketplace ウィザード プロジェクト (*.mpwiz)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <source>The project could not be saved to {0}. The previous file is unchanged and this window still holds every change: free some space or choose another folder with File → Save As.

Details: {1}</source>
        <translation>プロジェクトを {0} に保存できませんでした。以前のファイルは変更されておらず、変更はすべてこのウィンドウに残っています。空き容量を増やすか、[ファイル] → [名前を付けて保存] で別のフォルダーを選んでください。

詳細: {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <source>Project changed on disk</source>
        <translation>ディスク上のプロジェクトが変更されました</translation>
    </message>
    <message>
        <source>{0} was changed by another window, program or person since you opened it here. Nothing was saved yet.</source>
        <translation>{0}は、ここで開いた後に別のウィンドウ、プログラム、または別の人によって変更されました。まだ何も保存していません。</translation>
    </message>
    <message>
        <source>Save yours under another name to keep both, overwrite theirs, or reload theirs and drop your changes.</source>
        <translation>両方を残すには自分の内容を別名で保存し、相手の内容を上書きするか、相手の内容を読み込み直して自分の変更を破棄してください。</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>上書き(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>相手の内容を読み込む(&amp;R)</translation>
    </message>
    <message>
        <source>an unsaved project</source>
        <translation>未保存のプロジェクト</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>未保存の変更を復元しますか?</translation>
    </message>
    <message>
        <source>The app closed unexpectedly while {0} had unsaved changes (autosaved {1}). Restore them?</source>
        <translation>{0} に未保存の変更がある状態でアプリが予期せず終了しました (自動保存 {1})。復元しますか?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元する(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>破棄する(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>後で決める(&amp;L)</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>復元に失敗しました</translation>
    </message>
    <message>
        <source>The autosaved changes could not be read back, so they cannot be restored. Your saved project file was not touched: open it with File → Open.

Details: {0}</source>
        <translation>自動保存された変更を読み戻せないため、復元できません。保存済みのプロジェクト ファイルには手を加えていません。[ファイル] → [開く] で開いてください。

詳細: {0}</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>{0} について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;Guides you through preparing and submitting a VM image to Azure Marketplace.&lt;/p&gt;&lt;p&gt;Bundled components and their licences: Qt 6 and Qt for Python (PySide6 {2}) — LGPLv3; Python — PSF License; paramiko — LGPL-2.1; cryptography — Apache-2.0 or BSD; azure-storage-blob and azure-core — MIT; keyring — MIT; platformdirs — MIT; requests, urllib3, certifi (MPL-2.0) and their dependencies.&lt;/p&gt;&lt;p&gt;The questionnaire wording is this product&apos;s own, not Microsoft&apos;s.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;Azure Marketplace への VM イメージの準備と提出を案内します。&lt;/p&gt;&lt;p&gt;同梱コンポーネントとライセンス: Qt 6 および Qt for Python (PySide6 {2}) — LGPLv3、Python — PSF License、paramiko — LGPL-2.1、cryptography — Apache-2.0 または BSD、azure-storage-blob と azure-core — MIT、keyring — MIT、platformdirs — MIT、requests、urllib3、certifi (MPL-2.0) とその依存関係。&lt;/p&gt;&lt;p&gt;アンケートの文言は本製品独自のもので、Microsoft のものではありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Help: {0}</source>
        <translation>ヘルプ: {0}</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Publishing in Partner Center: outline</source>
        <translation>パートナー センター での発行: 概要</translation>
    </message>
    <message>
        <source>The stages of publishing a virtual machine offer in Partner Center and the step of this wizard that covers each (click a step to go there).</source>
        <translation>パートナー センター で仮想マシン オファーを発行する各段階と、それを扱うこのウィザードのステップです (ステップをクリックすると移動します)。</translation>
    </message>
    <message>
        <source>The 2015 publishing guide&apos;s chapters and the step of this wizard that covers each (click a step to go there).</source>
        <translation>2015 年の発行ガイドの各章と、それを扱うこのウィザードのステップです (ステップをクリックすると移動します)。</translation>
    </message>
    <message>
        <source>The publishing guide&apos;s outline</source>
        <translation>発行ガイドの概要</translation>
    </message>
    <message>
        <source>Alt+N / Alt+B</source>
        <translation>Alt+N / Alt+B</translation>
    </message>
    <message>
        <source>Next / Back</source>
        <translation>次へ / 戻る</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+8</source>
        <translation>Ctrl+1 … Ctrl+8</translation>
    </message>
    <message>
        <source>Go to step 1 … 8</source>
        <translation>ステップ 1 … 8 へ移動</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + 下線付きの文字</translation>
    </message>
    <message>
        <source>Go to that field or press that button</source>
        <translation>そのフィールドへ移動、またはそのボタンを押す</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>次 / 前のフィールド</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Out of a text box that takes Tab</source>
        <translation>Tab を入力できるテキスト ボックスから出る</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボード ショートカット</translation>
    </message>
</context>
<context>
    <name>Mnemonics</name>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>はい(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>いいえ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t save</source>
        <translation>保存しない(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>無視(&amp;I)</translation>
    </message>
</context>
<context>
    <name>NextPage</name>
    <message>
        <source>What&apos;s next</source>
        <translation>次の作業</translation>
    </message>
    <message>
        <source>What remains is done in the portal: these steps, in this order.</source>
        <translation>残りの作業はポータルで行います。以下の手順を順番に進めてください。</translation>
    </message>
    <message>
        <source>Open the e&amp;xport folder</source>
        <translation>エクスポート先のフォルダーを開く(&amp;X)</translation>
    </message>
    <message>
        <source>Show the exported files in your file manager.</source>
        <translation>エクスポートしたファイルをファイル マネージャーで表示します。</translation>
    </message>
    <message>
        <source>Portal steps that remain</source>
        <translation>ポータルで残っている手順</translation>
    </message>
    <message>
        <source>Open &amp;Partner Center</source>
        <translation>パートナー センター を開く(&amp;P)</translation>
    </message>
    <message>
        <source>Your export: {0} (made {1}). The exported files are in {2}.</source>
        <translation>エクスポート: {0} ({1} に作成)。エクスポートしたファイルは {2} にあります。</translation>
    </message>
    <message>
        <source>It still lacked {0} item(s): see the Export step before you submit.</source>
        <translation>まだ {0} 件の項目が不足していました。申請する前に「エクスポート」ステップを確認してください。</translation>
    </message>
    <message>
        <source>Nothing exported yet: export the form in the previous step first.</source>
        <translation>まだ何もエクスポートしていません。先に前のステップでフォームをエクスポートしてください。</translation>
    </message>
    <message>
        <source>{0} is not a folder on this computer: it is not opened.</source>
        <translation>{0} はこのコンピューター上のフォルダーではないため、開きません。</translation>
    </message>
    <message>
        <source>The project says its export is in {0}, but it was not exported there in this session. Open that folder?</source>
        <translation>プロジェクトにはエクスポート先が {0} と記録されていますが、このセッションではそこにエクスポートしていません。このフォルダーを開きますか?</translation>
    </message>
    <message>
        <source>Open the export folder</source>
        <translation>エクスポート フォルダーを開く</translation>
    </message>
</context>
<context>
    <name>OfferPage</name>
    <message>
        <source>Offer and SKUs</source>
        <translation>オファーと SKU</translation>
    </message>
    <message>
        <source>Define the offer and each SKU (one VM image each). IDs appear in URLs and cannot change after publishing: choose them with care.</source>
        <translation>オファーと各 SKU (それぞれ 1 つの VM イメージ) を定義します。ID は URL に表示され、公開後は変更できないため、慎重に選んでください。</translation>
    </message>
    <message>
        <source>Requirement profile</source>
        <translation>要件プロファイル</translation>
    </message>
    <message>
        <source>Which rules to check against: the 2015 publishing guide or today&apos;s Partner Center.</source>
        <translation>チェックに使う規則: 2015 年の発行ガイド、または現在のパートナー センター。</translation>
    </message>
    <message>
        <source>Re&amp;quirement profile:</source>
        <translation>要件プロファイル(&amp;Q):</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>不足している項目</translation>
    </message>
    <message>
        <source>What is still missing or wrong (click to go there):</source>
        <translation>まだ不足している項目や誤り (クリックで移動):</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>オファー</translation>
    </message>
    <message>
        <source>Lowercase letters, digits, &apos;-&apos; and &apos;_&apos;; starts with a letter or digit; at most 50 characters.</source>
        <translation>小文字、数字、&apos;-&apos;、&apos;_&apos; のみ。先頭は英字か数字。50 文字以内。</translation>
    </message>
    <message>
        <source>P&amp;ublisher namespace:</source>
        <translation>発行元の名前空間(&amp;U):</translation>
    </message>
    <message>
        <source>Publisher namespace</source>
        <translation>発行元の名前空間</translation>
    </message>
    <message>
        <source>Offer &amp;ID:</source>
        <translation>オファー ID(&amp;I):</translation>
    </message>
    <message>
        <source>Offer ID</source>
        <translation>オファー ID</translation>
    </message>
    <message>
        <source>Offer nam&amp;e:</source>
        <translation>オファー名(&amp;E):</translation>
    </message>
    <message>
        <source>Offer name</source>
        <translation>オファー名</translation>
    </message>
    <message>
        <source>The name customers see for the offer.</source>
        <translation>顧客に表示されるオファーの名前。</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>SKU list</source>
        <translation>SKU の一覧</translation>
    </message>
    <message>
        <source>Each SKU is one VM image. Select one to edit it.</source>
        <translation>各 SKU は 1 つの VM イメージです。選択して編集します。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Dupli&amp;cate</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Rem&amp;ove</source>
        <translation>削除(&amp;O)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Add a new SKU</source>
        <translation>新しい SKU を追加</translation>
    </message>
    <message>
        <source>Copy the selected SKU</source>
        <translation>選択した SKU を複製</translation>
    </message>
    <message>
        <source>Remove the selected SKU</source>
        <translation>選択した SKU を削除</translation>
    </message>
    <message>
        <source>Move the selected SKU up</source>
        <translation>選択した SKU を上へ移動</translation>
    </message>
    <message>
        <source>Move the selected SKU down</source>
        <translation>選択した SKU を下へ移動</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>family type version update, e.g. Windows Server Datacenter 2012 R2</source>
        <translation>ファミリ 種類 バージョン 更新 (例: Windows Server Datacenter 2012 R2)</translation>
    </message>
    <message>
        <source>Record this version as &amp;published</source>
        <translation>このバージョンを公開済みとして記録(&amp;P)</translation>
    </message>
    <message>
        <source>After the portal accepts this version, record it: a later version may only raise Z.</source>
        <translation>ポータルがこのバージョンを受け付けたら記録します。以降のバージョンは Z のみ上げられます。</translation>
    </message>
    <message>
        <source>S&amp;KU ID:</source>
        <translation>SKU ID(&amp;K):</translation>
    </message>
    <message>
        <source>SKU ID</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <source>Unique within the offer. Lowercase letters, digits, &apos;-&apos; and &apos;_&apos;; at most 50 characters.</source>
        <translation>オファー内で一意。小文字、数字、&apos;-&apos;、&apos;_&apos; のみ。50 文字以内。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <source>SKU title</source>
        <translation>SKU のタイトル</translation>
    </message>
    <message>
        <source>The SKU&apos;s name as customers see it.</source>
        <translation>顧客に表示される SKU の名前。</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>概要(&amp;M):</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>A short customer-visible summary (editable until push to staging).</source>
        <translation>顧客に表示される短い概要 (ステージングへのプッシュまで編集可能)。</translation>
    </message>
    <message>
        <source>OS fami&amp;ly:</source>
        <translation>OS ファミリ(&amp;L):</translation>
    </message>
    <message>
        <source>Operating system family</source>
        <translation>オペレーティング システム ファミリ</translation>
    </message>
    <message>
        <source>Linux or Windows.</source>
        <translation>Linux または Windows。</translation>
    </message>
    <message>
        <source>Operating &amp;system:</source>
        <translation>オペレーティング システム(&amp;S):</translation>
    </message>
    <message>
        <source>Operating system friendly name</source>
        <translation>オペレーティング システムのフレンドリ名</translation>
    </message>
    <message>
        <source>In the form &apos;family type version update&apos;, e.g. &apos;Windows Server Datacenter 2012 R2&apos;.</source>
        <translation>「ファミリ 種類 バージョン 更新」の形式 (例: &apos;Windows Server Datacenter 2012 R2&apos;)。</translation>
    </message>
    <message>
        <source>&amp;Base image:</source>
        <translation>基本イメージ(&amp;B):</translation>
    </message>
    <message>
        <source>Windows base image</source>
        <translation>Windows の基本イメージ</translation>
    </message>
    <message>
        <source>Windows SKUs must start from an approved base image.</source>
        <translation>Windows の SKU は承認済みの基本イメージから作成する必要があります。</translation>
    </message>
    <message>
        <source>Base ima&amp;ge date:</source>
        <translation>基本イメージの日付(&amp;G):</translation>
    </message>
    <message>
        <source>Base image publication date</source>
        <translation>基本イメージの公開日</translation>
    </message>
    <message>
        <source>For a base image not in the list: its publication date (must be after 2014-09-08).</source>
        <translation>一覧にない基本イメージの場合: その公開日 (2014-09-08 より後であること)。</translation>
    </message>
    <message>
        <source>Search sizes, e.g. D2 v5, memory, compute</source>
        <translation>サイズを検索 (例: D2 v5、memory、compute)</translation>
    </message>
    <message>
        <source>Search VM sizes</source>
        <translation>VM サイズの検索</translation>
    </message>
    <message>
        <source>Type part of a size name or series to filter.</source>
        <translation>サイズ名やシリーズの一部を入力して絞り込みます。</translation>
    </message>
    <message>
        <source>VM size catalogue</source>
        <translation>VM サイズのカタログ</translation>
    </message>
    <message>
        <source>Check the recommended sizes for this SKU.</source>
        <translation>この SKU の推奨サイズにチェックを入れます。</translation>
    </message>
    <message>
        <source>{0} — {1} vCPU, {2:g} GiB ({3})</source>
        <translation>{0} — {1} vCPU、{2:g} GiB ({3})</translation>
    </message>
    <message>
        <source>Runs generation {0} images on {1}.</source>
        <translation>第 {0} 世代のイメージを {1} で実行できます。</translation>
    </message>
    <message>
        <source>Retired on {0}: offered only under the 2015 guide&apos;s profile.</source>
        <translation>{0} に提供終了。2015 年のガイドのプロファイルでのみ選べます。</translation>
    </message>
    <message>
        <source>Announced for retirement on {0}: recommend a current size.</source>
        <translation>{0} に提供終了が予告されています。現行のサイズを推奨してください。</translation>
    </message>
    <message>
        <source>Recommended VM si&amp;zes:</source>
        <translation>推奨 VM サイズ(&amp;Z):</translation>
    </message>
    <message>
        <source>Recommended VM sizes</source>
        <translation>推奨 VM サイズ</translation>
    </message>
    <message>
        <source>Shown to customers on the pricing tier blade.</source>
        <translation>価格レベルのブレードで顧客に表示されます。</translation>
    </message>
    <message>
        <source>Properties, ports and published versions…</source>
        <translation>プロパティ、ポート、公開済みのバージョン…</translation>
    </message>
    <message>
        <source>Partner Center&apos;s technical configuration of the plan: its properties, the ports it opens and the image versions it already publishes.</source>
        <translation>パートナー センターでのプランの技術構成: プロパティ、開くポート、公開済みのイメージ バージョン。</translation>
    </message>
    <message>
        <source>Technical configuration:</source>
        <translation>技術構成:</translation>
    </message>
    <message>
        <source>Technical configuration</source>
        <translation>技術構成</translation>
    </message>
    <message>
        <source>Used by the Partner Center export.</source>
        <translation>パートナー センター向けのエクスポートに使います。</translation>
    </message>
    <message>
        <source>Image types and sources…</source>
        <translation>イメージの種類とソース…</translation>
    </message>
    <message>
        <source>x64 Generation 1 or 2, Arm64, Trusted Launch, and whether the image comes from SAS URIs or an Azure Compute Gallery image version.</source>
        <translation>x64 第 1 世代/第 2 世代、Arm64、トラステッド起動、およびイメージを SAS URI と Azure Compute Gallery のイメージ バージョンのどちらから取得するか。</translation>
    </message>
    <message>
        <source>Image t&amp;ypes:</source>
        <translation>イメージの種類(&amp;Y):</translation>
    </message>
    <message>
        <source>Image types</source>
        <translation>イメージの種類</translation>
    </message>
    <message>
        <source>Each image type is a SKU of its own in Partner Center, with its own disks.</source>
        <translation>パートナー センターでは、各イメージの種類が独自のディスクを持つ別の SKU になります。</translation>
    </message>
    <message>
        <source>Ve&amp;rsion:</source>
        <translation>バージョン(&amp;R):</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>X.Y.Z with whole numbers; within a SKU a new version may only raise Z.</source>
        <translation>X.Y.Z (整数)。同じ SKU 内の新しいバージョンは Z のみ上げられます。</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <source>LUN</source>
        <translation>LUN</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>VHD file / blob</source>
        <translation>VHD ファイル / BLOB</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <source>The OS disk and the data disks; LUNs follow the order.</source>
        <translation>OS ディスクとデータ ディスク。LUN は並び順で決まります。</translation>
    </message>
    <message>
        <source>Add data &amp;disk</source>
        <translation>データ ディスクを追加(&amp;D)</translation>
    </message>
    <message>
        <source>Remove data disk</source>
        <translation>データ ディスクを削除</translation>
    </message>
    <message>
        <source>Disks:</source>
        <translation>ディスク:</translation>
    </message>
    <message>
        <source>Add only the data disks the SKU needs: customers cannot remove image disks.</source>
        <translation>SKU に必要なデータ ディスクだけを追加してください。顧客はイメージのディスクを削除できません。</translation>
    </message>
    <message>
        <source>URL previews:</source>
        <translation>URL のプレビュー:</translation>
    </message>
    <message>
        <source>The IDs appear in these URLs and cannot change after publishing.</source>
        <translation>ID はこれらの URL に表示され、公開後は変更できません。</translation>
    </message>
    <message>
        <source>(new SKU)</source>
        <translation>(新しい SKU)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(選択してください)</translation>
    </message>
    <message>
        <source>Other, published after {0}</source>
        <translation>その他 ({0} より後に公開)</translation>
    </message>
    <message>
        <source>OS disk</source>
        <translation>OS ディスク</translation>
    </message>
    <message>
        <source>Data disk</source>
        <translation>データ ディスク</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>(set in the VHD step)</source>
        <translation>(VHD の手順で設定)</translation>
    </message>
    <message>
        <source>{0} of {1} properties on · {2} open port(s) · published versions: {3}</source>
        <translation>プロパティ {1} 個中 {0} 個がオン · 開くポート {2} 個 · 公開済みのバージョン: {3}</translation>
    </message>
    <message>
        <source>exactly {0}</source>
        <translation>ちょうど {0} 個</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0}～{1} 個</translation>
    </message>
    <message>
        <source>Chosen ({0} of {1}): {2}</source>
        <translation>選択済み ({0} 個、必要数 {1}): {2}</translation>
    </message>
    <message>
        <source>Fix the {0} problem(s) marked ⚠ under “What is still missing or wrong” first (the step list on the left still opens any step).</source>
        <translation>先に「まだ不足している項目や誤り」で ⚠ の付いた {0} 件の問題を直してください (左のステップ一覧からはどのステップも開けます)。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>Published versions: {0}</source>
        <translation>公開済みのバージョン: {0}</translation>
    </message>
    <message>
        <source>This SKU has problems</source>
        <translation>この SKU には問題があります</translation>
    </message>
    <message>
        <source>This SKU is complete</source>
        <translation>この SKU は完了しています</translation>
    </message>
    <message>
        <source>Nothing: the offer and every SKU are complete.</source>
        <translation>ありません。オファーとすべての SKU が完了しています。</translation>
    </message>
    <message>
        <source>SKU {0}</source>
        <translation>SKU {0}</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
</context>
<context>
    <name>PartnerCenterPanel</name>
    <message>
        <source>Partner Center, live</source>
        <translation>パートナー センターと直接連携</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>テナント ID</translation>
    </message>
    <message>
        <source>Directory (tenant) ID or domain</source>
        <translation>ディレクトリ (テナント) ID またはドメイン</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>アプリケーション (クライアント) ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>クライアント シークレット</translation>
    </message>
    <message>
        <source>Kept in the keyring; leave empty to use the one kept</source>
        <translation>キーリングに保管されます。保管済みのものを使うときは空のままにします</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>テナント(&amp;T):</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>クライアント ID(&amp;L):</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>クライアント シークレット(&amp;E):</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>サインイン(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Compare with Partner Center</source>
        <translation>パートナー センターと比較(&amp;C)</translation>
    </message>
    <message>
        <source>Sen&amp;d…</source>
        <translation>送信(&amp;D)…</translation>
    </message>
    <message>
        <source>Submit for previe&amp;w</source>
        <translation>プレビューに提出(&amp;W)</translation>
    </message>
    <message>
        <source>G&amp;o live</source>
        <translation>公開(&amp;O)</translation>
    </message>
    <message>
        <source>Difference with Partner Center</source>
        <translation>パートナー センターとの違い</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>違い</translation>
    </message>
    <message>
        <source>Microsoft&apos;s errors</source>
        <translation>Microsoft からのエラー</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>&amp;Go to step</source>
        <translation>ステップへ移動(&amp;G)</translation>
    </message>
    <message>
        <source>The selected error</source>
        <translation>選択したエラー</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Last job {0}: {1} ({2}).</source>
        <translation>前回のジョブ {0}: {1} ({2})。</translation>
    </message>
    <message>
        <source>Sign in with the Microsoft Entra application added to your Partner Center account.</source>
        <translation>パートナー センター アカウントに追加した Microsoft Entra アプリケーションでサインインしてください。</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>The checklist is not complete: {0}</source>
        <translation>チェックリストが完了していません: {0}</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>まだ読み込んでいません</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} に失敗しました: {1}</translation>
    </message>
    <message>
        <source>Signed in: offer {0} has {1} submission(s).</source>
        <translation>サインインしました: オファー {0} の提出は {1} 件です。</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>サインイン中</translation>
    </message>
    <message>
        <source>Compared with Partner Center: {0} plan(s).</source>
        <translation>パートナー センターと比較しました: プラン {0} 件。</translation>
    </message>
    <message>
        <source>Comparing with Partner Center</source>
        <translation>パートナー センターと比較中</translation>
    </message>
    <message>
        <source>change {0}</source>
        <translation>変更 {0}</translation>
    </message>
    <message>
        <source>published version {0}: kept</source>
        <translation>公開済みのバージョン {0}: そのまま残します</translation>
    </message>
    <message>
        <source>new version {0}: added</source>
        <translation>新しいバージョン {0}: 追加します</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>Plan {0}</source>
        <translation>プラン {0}</translation>
    </message>
    <message>
        <source>Plan {0}:</source>
        <translation>プラン {0}:</translation>
    </message>
    <message>
        <source>Send these changes to Partner Center?</source>
        <translation>これらの変更をパートナー センターに送信しますか?</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Submit the offer for preview?</source>
        <translation>オファーをプレビューに提出しますか?</translation>
    </message>
    <message>
        <source>Take the offer&apos;s preview live?</source>
        <translation>オファーのプレビューを公開しますか?</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>提出中</translation>
    </message>
    <message>
        <source>Job {0}: {1} ({2})</source>
        <translation>ジョブ {0}: {1} ({2})</translation>
    </message>
    <message>
        <source>Following job {0}</source>
        <translation>ジョブ {0} の追跡</translation>
    </message>
    <message>
        <source>Job {0}: following…</source>
        <translation>ジョブ {0}: 追跡中…</translation>
    </message>
    <message>
        <source>Job {0} succeeded.</source>
        <translation>ジョブ {0} は成功しました。</translation>
    </message>
    <message>
        <source>Job {0}: {1}. Microsoft&apos;s errors are listed below.</source>
        <translation>ジョブ {0}: {1}。Microsoft からのエラーを下に示します。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Remote desktop / SSH &amp;not supported (blocked on purpose)</source>
        <translation>リモート デスクトップ / SSH 非対応 (意図的にブロック)(&amp;N)</translation>
    </message>
    <message>
        <source>Requires a custom &amp;ARM template</source>
        <translation>カスタム ARM テンプレートが必要(&amp;A)</translation>
    </message>
    <message>
        <source>Is a ne&amp;twork virtual appliance</source>
        <translation>ネットワーク仮想アプライアンスである(&amp;T)</translation>
    </message>
    <message>
        <source>Supports accelerated n&amp;etworking</source>
        <translation>高速ネットワークに対応(&amp;E)</translation>
    </message>
    <message>
        <source>Supports N&amp;VMe</source>
        <translation>NVMe に対応(&amp;V)</translation>
    </message>
    <message>
        <source>Supports &amp;hibernation</source>
        <translation>休止状態に対応(&amp;H)</translation>
    </message>
    <message>
        <source>Supports cloud-&amp;init configuration</source>
        <translation>cloud-init 構成に対応(&amp;I)</translation>
    </message>
    <message>
        <source>Supports &amp;backup</source>
        <translation>バックアップに対応(&amp;B)</translation>
    </message>
    <message>
        <source>Supports e&amp;xtensions</source>
        <translation>拡張機能に対応(&amp;X)</translation>
    </message>
    <message>
        <source>Supports Microsoft Entra ID &amp;login</source>
        <translation>Microsoft Entra ID ログインに対応(&amp;L)</translation>
    </message>
    <message>
        <source>Tick only when SSH or RDP is blocked on purpose; the certification then does not expect to sign in.</source>
        <translation>SSH または RDP を意図的に遮断している場合にのみオンにします。認定ではサインインを前提としなくなります。</translation>
    </message>
    <message>
        <source>The image deploys only through your own ARM template, not as a plain VM.</source>
        <translation>イメージは通常の VM としてではなく、独自の ARM テンプレートでのみデプロイされます。</translation>
    </message>
    <message>
        <source>The image routes or filters network traffic (a firewall, router or VPN gateway).</source>
        <translation>イメージがネットワーク トラフィックをルーティングまたはフィルター処理します (ファイアウォール、ルーター、VPN ゲートウェイ)。</translation>
    </message>
    <message>
        <source>The image&apos;s network drivers work with Azure accelerated networking (SR-IOV).</source>
        <translation>イメージのネットワーク ドライバーが Azure の高速ネットワーク (SR-IOV) に対応しています。</translation>
    </message>
    <message>
        <source>The image boots from and uses NVMe disks, the disk interface of newer VM sizes.</source>
        <translation>イメージが新しい VM サイズのディスク インターフェイスである NVMe ディスクから起動し、使用できます。</translation>
    </message>
    <message>
        <source>Customers may hibernate the VM (its memory is saved to the OS disk).</source>
        <translation>顧客は VM を休止状態にできます (メモリは OS ディスクに保存されます)。</translation>
    </message>
    <message>
        <source>The image runs cloud-init, which applies the customer&apos;s custom data at first boot.</source>
        <translation>イメージが cloud-init を実行し、初回起動時に顧客のカスタム データを適用します。</translation>
    </message>
    <message>
        <source>The VM can be protected with Azure Backup.</source>
        <translation>VM を Azure Backup で保護できます。</translation>
    </message>
    <message>
        <source>The image runs the Azure VM agent, so customers can add VM extensions.</source>
        <translation>イメージが Azure VM エージェントを実行するため、顧客は VM 拡張機能を追加できます。</translation>
    </message>
    <message>
        <source>Customers may sign in with Microsoft Entra ID accounts (through the sign-in VM extension).</source>
        <translation>顧客は Microsoft Entra ID アカウントでサインインできます (サインイン用 VM 拡張機能を使用)。</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP and UDP</source>
        <translation>TCP と UDP</translation>
    </message>
    <message>
        <source>Technical configuration of {0}</source>
        <translation>{0} の技術構成</translation>
    </message>
    <message>
        <source>the SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>The questionnaire says SSH is blocked on purpose: the export tells Partner Center that remote connections are not supported.</source>
        <translation>アンケートで SSH を意図的にブロックしていると回答しています。エクスポートではリモート接続に対応しないとパートナー センターに伝えます。</translation>
    </message>
    <message>
        <source>Open ports</source>
        <translation>開くポート</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Port or range</source>
        <translation>ポートまたは範囲</translation>
    </message>
    <message>
        <source>A&amp;dd port</source>
        <translation>ポートを追加(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove port</source>
        <translation>ポートを削除(&amp;R)</translation>
    </message>
    <message>
        <source>Published image versions (kept unchanged in every export)</source>
        <translation>公開済みのイメージ バージョン (どのエクスポートでもそのまま維持)</translation>
    </message>
    <message>
        <source>Published image versions</source>
        <translation>公開済みのイメージ バージョン</translation>
    </message>
    <message>
        <source>generally available</source>
        <translation>一般提供</translation>
    </message>
    <message>
        <source>deprecated</source>
        <translation>非推奨</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>Azure Compute Gallery</source>
        <translation>Azure Compute Gallery</translation>
    </message>
    <message>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <source>None yet. File → Import from Partner Center… takes them over.</source>
        <translation>まだありません。「ファイル」→「パートナー センターからインポート…」で取り込めます。</translation>
    </message>
    <message>
        <source>{0} (and {1} more)</source>
        <translation>{0} (ほか {1} 件)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source>True</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>False</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <source>Explain why (required when the answer is False; shown to the certification team as a warning).</source>
        <translation>理由を説明してください (「いいえ」の場合は必須。認定チームには警告として表示されます)。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Prefilled from the latest test run — check it and confirm.</source>
        <translation>最新のテスト実行から自動入力しました — 内容を確かめて確認してください。</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <source>Questionnaire</source>
        <translation>アンケート</translation>
    </message>
    <message>
        <source>Answer the certification questionnaire, add what the certification team needs to know, and store the report beside your VHDs.</source>
        <translation>認定のアンケートに回答し、認定チームに必要な情報を追加して、レポートを VHD と同じ場所に保存します。</translation>
    </message>
    <message>
        <source>Show next unanswered</source>
        <translation>次の未回答へ</translation>
    </message>
    <message>
        <source>Additional information</source>
        <translation>追加情報</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <source>SSH is blocked on purpose in this image</source>
        <translation>このイメージでは SSH を意図的にブロックしている</translation>
    </message>
    <message>
        <source>How the certification team can reach the VM over SSH: user name, port, key or password hand-over, anything unusual.</source>
        <translation>認定チームが SSH で VM に接続する方法: ユーザー名、ポート、鍵またはパスワードの受け渡し方法、特記事項。</translation>
    </message>
    <message>
        <source>SSH access information</source>
        <translation>SSH アクセス情報</translation>
    </message>
    <message>
        <source>Exception requests</source>
        <translation>例外の申請</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>The latest test run has no Failed, Error or Warning result: nothing to explain.</source>
        <translation>最新のテスト実行には失敗・エラー・警告の結果がありません。説明は不要です。</translation>
    </message>
    <message>
        <source>Why this result is acceptable for your image (for an exception request). Leave empty if you will fix it instead.</source>
        <translation>この結果がイメージにとって問題ない理由 (例外の申請用)。修正する場合は空のままにしてください。</translation>
    </message>
    <message>
        <source>The report bundle holds report.json (the test tool&apos;s record plus your answers), report.html, report.pdf and each test&apos;s evidence in logs/. The guide asks you to store it in the same container as the VHDs.</source>
        <translation>レポート一式には report.json (テスト ツールの記録と回答)、report.html、report.pdf、logs/ 内の各テストの証跡が含まれます。ガイドでは VHD と同じコンテナーに保存するよう求めています。</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>レポートを保存…</translation>
    </message>
    <message>
        <source>Store in the VHD container</source>
        <translation>VHD のコンテナーに保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>SKU:</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>{1} 問中 {0} 問回答済み</translation>
    </message>
    <message>
        <source>{0} prefilled answer(s) to confirm</source>
        <translation>確認待ちの自動入力 {0} 件</translation>
    </message>
    <message>
        <source>{0} False answer(s) need an explanation</source>
        <translation>説明が必要な「いいえ」の回答 {0} 件</translation>
    </message>
    <message>
        <source>SSH access information missing</source>
        <translation>SSH アクセス情報が未入力</translation>
    </message>
    <message>
        <source>Say how the certification team signs in over SSH (or that SSH is blocked) on the Additional information tab first.</source>
        <translation>先に「追加情報」タブで、認定チームが SSH でサインインする方法 (または SSH をブロックしていること) を入力してください。</translation>
    </message>
    <message>
        <source>Answer every question first ({0} of {1} answered; the step list on the left still opens any step).</source>
        <translation>先にすべての質問に回答してください ({1} 問中 {0} 問回答済み。左のステップ一覧からはどのステップも開けます)。</translation>
    </message>
    <message>
        <source>Answer the certification questionnaire and add what the certification team needs to know.</source>
        <translation>認定のアンケートに回答し、認定チームに必要な情報を追加します。</translation>
    </message>
    <message>
        <source>The report bundle holds report.json (the test tool&apos;s record plus your answers), report.html, report.pdf and each test&apos;s evidence in logs/. Partner Center does not ask for it: keep it as your own record, or store it beside the VHDs if you like.</source>
        <translation>レポート一式には report.json (テスト ツールの記録と回答)、report.html、report.pdf、logs/ 内の各テストの証跡が含まれます。パートナー センターでは提出を求められません。自分の記録として保管するか、必要なら VHD と同じ場所に保存してください。</translation>
    </message>
    <message>
        <source>Stored {0} at {1} ({2}).</source>
        <translation>{0} を {1} に保存しました ({2})。</translation>
    </message>
    <message>
        <source>Saved {0}. Not stored in the VHD container yet.</source>
        <translation>{0} を保存しました。VHD のコンテナーにはまだ保存されていません。</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0} を保存しました。</translation>
    </message>
    <message>
        <source>No report made yet for this SKU.</source>
        <translation>この SKU のレポートはまだ作成されていません。</translation>
    </message>
    <message>
        <source>Save the report into</source>
        <translation>レポートの保存先</translation>
    </message>
    <message>
        <source>Not made: answer the remaining questions first (Show next unanswered).</source>
        <translation>作成していません。先に残りの質問に回答してください (「次の未回答を表示」)。</translation>
    </message>
    <message>
        <source>Stored {0} at {1}</source>
        <translation>{0} を {1} に保存しました</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The report could not be made or stored: {0}</source>
        <translation>レポートを作成または保存できませんでした: {0}</translation>
    </message>
    <message>
        <source>No test run yet: the report is made from the latest test run on the test VM (Test run step). Without a run it could hold only your answers here and the offline evidence read from {0} disk image(s), which is not a certification test run.</source>
        <translation>テスト実行はまだありません。レポートはテスト VM での最新のテスト実行 (テスト実行ステップ) から作成されます。実行がない場合に含められるのは、ここでの回答と、{0} 個のディスク イメージから読み取ったオフラインの証拠だけで、これは認定のテスト実行ではありません。</translation>
    </message>
    <message>
        <source>No test run yet: the report is made from the latest test run on the test VM (Test run step). Without a run it could hold only your answers here.</source>
        <translation>テスト実行はまだありません。レポートはテスト VM での最新のテスト実行 (テスト実行ステップ) から作成されます。実行がない場合に含められるのは、ここでの回答だけです。</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <source>Making and storing the report…</source>
        <translation>レポートを作成して保存しています…</translation>
    </message>
    <message>
        <source>Questionnaire not complete</source>
        <translation>アンケートが完了していません</translation>
    </message>
    <message>
        <source>{0} of {1} questions are answered. The report records the open ones as unanswered, and the certification team will ask for them. Make the report anyway?</source>
        <translation>{1} 問中 {0} 問に回答済みです。未回答の質問はレポートに未回答として記録され、認定チームから問い合わせがあります。このままレポートを作成しますか?</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <source>Test ID</source>
        <translation>テスト ID</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実際の値</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必要な値</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Copy re&amp;mediation</source>
        <translation>修正方法をコピー(&amp;M)</translation>
    </message>
    <message>
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
</context>
<context>
    <name>SasPage</name>
    <message>
        <source>SAS URIs</source>
        <translation>SAS URI</translation>
    </message>
    <message>
        <source>Connect to the storage account that holds the VHDs, assign each disk its blob, and create a read-and-list SAS URI for every disk, as the portal requires.</source>
        <translation>VHD を格納しているストレージ アカウントに接続し、各ディスクに BLOB を割り当て、ポータルの要件どおりすべてのディスクに読み取りと一覧表示の SAS URI を作成します。</translation>
    </message>
    <message>
        <source>Account name and key</source>
        <translation>アカウント名とキー</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>接続文字列</translation>
    </message>
    <message>
        <source>Container SAS URL (list rights)</source>
        <translation>コンテナー SAS URL (一覧表示の権限)</translation>
    </message>
    <message>
        <source>&amp;Connect and list containers</source>
        <translation>接続してコンテナーを一覧表示(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Access with:</source>
        <translation>アクセス方法(&amp;A):</translation>
    </message>
    <message>
        <source>How this app signs in to the storage account.</source>
        <translation>このアプリがストレージ アカウントにサインインする方法。</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>アカウント名(&amp;M):</translation>
    </message>
    <message>
        <source>The storage account name.</source>
        <translation>ストレージ アカウントの名前。</translation>
    </message>
    <message>
        <source>Endpoint &amp;suffix:</source>
        <translation>エンドポイント サフィックス(&amp;S):</translation>
    </message>
    <message>
        <source>core.windows.net for the public cloud; others for sovereign clouds.</source>
        <translation>パブリック クラウドは core.windows.net、ソブリン クラウドはそれ以外。</translation>
    </message>
    <message>
        <source>Custom &amp;endpoint:</source>
        <translation>カスタム エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>ポータル</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Containers and blobs</source>
        <translation>コンテナーと BLOB</translation>
    </message>
    <message>
        <source>Ass&amp;ign blob to selected disk</source>
        <translation>選択したディスクに BLOB を割り当て(&amp;I)</translation>
    </message>
    <message>
        <source>Storage acco&amp;unt</source>
        <translation>アカウント(&amp;U)</translation>
    </message>
    <message>
        <source>Bl&amp;obs</source>
        <translation>BLOB(&amp;O)</translation>
    </message>
    <message>
        <source>SKU / disk</source>
        <translation>SKU / ディスク</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>BLOB</translation>
    </message>
    <message>
        <source>SAS expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Disks and their SAS URIs</source>
        <translation>ディスクとその SAS URI</translation>
    </message>
    <message>
        <source>Make the SAS last longer than the profile&apos;s minimum (never shorter).</source>
        <translation>SAS の有効期間をプロファイルの最小値より長くします (短くはできません)。</translation>
    </message>
    <message>
        <source>The 2015 guide asks for http; most storage accounts require https.</source>
        <translation>2015 年のガイドでは http が求められていますが、ほとんどのストレージ アカウントでは https が必須です。</translation>
    </message>
    <message>
        <source>&amp;Generate SAS</source>
        <translation>SAS を生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate for a&amp;ll disks</source>
        <translation>すべてのディスクに生成(&amp;L)</translation>
    </message>
    <message>
        <source>Ve&amp;rify</source>
        <translation>検証(&amp;R)</translation>
    </message>
    <message>
        <source>Cop&amp;y SAS URI</source>
        <translation>SAS URI をコピー(&amp;Y)</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>スキーム:</translation>
    </message>
    <message>
        <source>Where: Azure portal → Storage accounts → your account → Security + networking → Access keys → Show, then copy key1 (or key2).</source>
        <translation>場所: Azure portal の「ストレージ アカウント」→ 対象のアカウント →「セキュリティとネットワーク」→「アクセス キー」→「表示」で、key1 (または key2) をコピーします。</translation>
    </message>
    <message>
        <source>Connec&amp;tion string:</source>
        <translation>接続文字列(&amp;T):</translation>
    </message>
    <message>
        <source>Where: Azure portal → Storage accounts → your account → Security + networking → Access keys → Connection string (Show). It holds the account key too.</source>
        <translation>場所: Azure portal の「ストレージ アカウント」→ 対象のアカウント →「セキュリティとネットワーク」→「アクセス キー」→「接続文字列」(「表示」)。アカウント キーも含まれています。</translation>
    </message>
    <message>
        <source>Con&amp;tainer SAS URL:</source>
        <translation>コンテナー SAS URL(&amp;T):</translation>
    </message>
    <message>
        <source>Where: Azure portal → your storage account → Storage browser → the container → Shared access tokens, with Read and List. It can list blobs, but signing a SAS needs the key.</source>
        <translation>場所: Azure portal の対象のストレージ アカウント →「ストレージ ブラウザー」→ 対象のコンテナー →「共有アクセス トークン」で、「読み取り」と「一覧」を選びます。BLOB の一覧は表示できますが、SAS の署名にはキーが必要です。</translation>
    </message>
    <message>
        <source>Never stored in the project file.</source>
        <translation>プロジェクト ファイルには保存されません。</translation>
    </message>
    <message>
        <source>at least {0} business days after its start, plus {1} day(s) of margin</source>
        <translation>開始から {0} 営業日以上、さらに余裕として {1} 日</translation>
    </message>
    <message>
        <source>at least {0} days from the day it is made</source>
        <translation>作成日から {0} 日以上</translation>
    </message>
    <message>
        <source>A new SAS expires {0}. The profile&apos;s minimum: {1}.</source>
        <translation>新しい SAS の有効期限は {0} です。プロファイルの最短期間: {1}。</translation>
    </message>
    <message>
        <source>The 2015 guide says the URI must not start with https: the tools of that time could not read it. Keep https unless the portal refuses it; http works only where the storage account allows it (Secure transfer required off).</source>
        <translation>2015 年のガイドには URI の先頭が https であってはならないとありますが、これは当時のツールが読み取れなかったためです。ポータルに拒否されない限り https のままにしてください。http は、ストレージ アカウントが許可している場合 (「安全な転送が必須」がオフ) にだけ使えます。</translation>
    </message>
    <message>
        <source>Partner Center needs https: choose https.</source>
        <translation>パートナー センター では https が必要です。https を選んでください。</translation>
    </message>
    <message>
        <source>Enter the account key, connection string or container SAS URL.</source>
        <translation>アカウント キー、接続文字列、またはコンテナー SAS URL を入力してください。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>Connected: {0} container(s).</source>
        <translation>接続しました: {0} 個のコンテナー。</translation>
    </message>
    <message>
        <source>✗ refused</source>
        <translation>✗ 使用不可</translation>
    </message>
    <message>
        <source>page blob · usable</source>
        <translation>ページ BLOB · 使用可</translation>
    </message>
    <message>
        <source>A page blob with a name the portal accepts. Whether the disk is ready is said in the disk table, once a SAS URI for this blob is made and verified.</source>
        <translation>ポータルが受け付ける名前のページ BLOB です。ディスクの準備ができたかどうかは、この BLOB の SAS URI を作成して検証した後に、ディスクの表に表示されます。</translation>
    </message>
    <message>
        <source>✓ ready</source>
        <translation>✓ 準備完了</translation>
    </message>
    <message>
        <source>{0}
{1}, last modified {2}</source>
        <translation>{0}
{1}、最終更新 {2}</translation>
    </message>
    <message>
        <source>✗ the blob is not the checked file: upload it, then generate a new SAS</source>
        <translation>✗ BLOB がチェックしたファイルではありません: アップロードしてから SAS を生成し直してください</translation>
    </message>
    <message>
        <source>⚠ token not in the keyring: generate it again</source>
        <translation>⚠ トークンがキーリングにありません: 生成し直してください</translation>
    </message>
    <message>
        <source>✗ expires too soon: renew</source>
        <translation>✗ 有効期限が短すぎます: 更新してください</translation>
    </message>
    <message>
        <source>✗ SAS URIs expire within {0} days or have expired: {1}. Select them and press Generate SAS to renew.</source>
        <translation>✗ {0} 日以内に期限切れになるか、期限切れの SAS URI があります: {1}。選択して「SAS を生成」を押し、更新してください。</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>接続できませんでした: {0}</translation>
    </message>
    <message>
        <source>Could not list {0}: {1}</source>
        <translation>{0} を一覧表示できませんでした: {1}</translation>
    </message>
    <message>
        <source>Assign a blob to the disk first.</source>
        <translation>先にディスクに BLOB を割り当ててください。</translation>
    </message>
    <message>
        <source>{0}: the keyring is unavailable, so this SAS is kept for this session only.</source>
        <translation>{0}: キーリングを使えないため、この SAS はこのセッションの間だけ保持されます。</translation>
    </message>
    <message>
        <source>Created {0} SAS URI(s). Verify them before copying.</source>
        <translation>{0} 個の SAS URI を作成しました。コピーする前に検証してください。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <source>The SAS token is not in the keyring any more: generate it again.</source>
        <translation>SAS トークンがキーリングにありません。もう一度生成してください。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>省略可</translation>
    </message>
    <message>
        <source>Optional: a full blob endpoint URL; it overrides the name and the suffix. For the emulator: http://127.0.0.1:10000/devstoreaccount1</source>
        <translation>省略可: BLOB エンドポイントの完全な URL。アカウント名とサフィックスより優先されます。エミュレーターの場合: http://127.0.0.1:10000/devstoreaccount1</translation>
    </message>
    <message>
        <source>Storage accoun&amp;t key:</source>
        <translation>ストレージ アカウント キー(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Days beyond the minimum:</source>
        <translation>最低期間に加える日数(&amp;D):</translation>
    </message>
    <message>
        <source>The SAS URI changed while it was verified: verify it again.</source>
        <translation>検証中に SAS URI が変わりました。もう一度検証してください。</translation>
    </message>
    <message>
        <source>Could not verify: {0}</source>
        <translation>検証できませんでした: {0}</translation>
    </message>
    <message>
        <source>SAS URI copied. Paste it into the portal&apos;s VHD URL field.</source>
        <translation>SAS URI をコピーしました。ポータルの VHD URL フィールドに貼り付けてください。</translation>
    </message>
    <message>
        <source>Could not copy: {0}</source>
        <translation>コピーできませんでした: {0}</translation>
    </message>
    <message>
        <source>✗ made for another blob: generate a new SAS</source>
        <translation>✗ 別の BLOB 用です: SAS を生成し直してください</translation>
    </message>
    <message>
        <source>⚠ not verified yet: press Verify</source>
        <translation>⚠ 未検証: 「検証」を押してください</translation>
    </message>
    <message>
        <source>no SAS yet</source>
        <translation>SAS 未作成</translation>
    </message>
    <message>
        <source>no blob assigned</source>
        <translation>BLOB 未割り当て</translation>
    </message>
    <message>
        <source>✗ expired: renew</source>
        <translation>✗ 期限切れ: 更新してください</translation>
    </message>
    <message>
        <source>{0} disk(s) belong to an image that comes from an Azure Compute Gallery image version: they need no SAS URI and are not listed.</source>
        <translation>{0} 個のディスクは Azure Compute Gallery のイメージ バージョンから取得するイメージのものです。SAS URI は不要なので一覧に表示しません。</translation>
    </message>
    <message>
        <source>SAS for {0}: read + list, from {1} to {2}. The token is kept in the keyring, not in the project.</source>
        <translation>{0} の SAS: 読み取り + 一覧表示、{1} から {2} まで。トークンはプロジェクトではなくキーリングに保持されます。</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Remember in the OS &amp;keyring</source>
        <translation>OS のキーリングに記憶する(&amp;K)</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start a new submission</source>
        <translation>新しい申請を始める</translation>
    </message>
    <message>
        <source>Which rules to follow</source>
        <translation>従う規則</translation>
    </message>
    <message>
        <source>Have these ready (where to find each is said in brackets):</source>
        <translation>以下を準備してください (それぞれの場所は括弧内に記載しています):</translation>
    </message>
    <message>
        <source>What to have ready</source>
        <translation>準備するもの</translation>
    </message>
    <message>
        <source>Show this page for every &amp;new project</source>
        <translation>新しいプロジェクトごとにこのページを表示する(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Start with step 1</source>
        <translation>ステップ 1 から始める(&amp;S)</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>Wait until the work in progress ends, or cancel it.</source>
        <translation>実行中の処理が終わるまで待つか、キャンセルしてください。</translation>
    </message>
    <message>
        <source>SKU without an ID</source>
        <translation>ID 未設定の SKU</translation>
    </message>
    <message>
        <source>{0}, version {1}</source>
        <translation>{0}、バージョン {1}</translation>
    </message>
</context>
<context>
    <name>StorageConnectDialog</name>
    <message>
        <source>Connect the storage account</source>
        <translation>ストレージ アカウントに接続</translation>
    </message>
    <message>
        <source>The upload sends the VHD to your storage account. Enter its name and an access key: Azure portal → Storage accounts → your account → Security + networking → Access keys (key1 or key2, Show, then copy).</source>
        <translation>アップロードは VHD をあなたのストレージ アカウントに送ります。アカウント名とアクセス キーを入力してください: Azure portal → ストレージ アカウント → あなたのアカウント → セキュリティとネットワーク → アクセス キー (key1 または key2 を [表示] してコピー)。</translation>
    </message>
    <message>
        <source>Storage account name</source>
        <translation>ストレージ アカウント名</translation>
    </message>
    <message>
        <source>Account key</source>
        <translation>アカウント キー</translation>
    </message>
    <message>
        <source>optional, e.g. http://127.0.0.1:10000/devstoreaccount1 for the emulator</source>
        <translation>省略可。エミュレーターの場合は http://127.0.0.1:10000/devstoreaccount1 など</translation>
    </message>
    <message>
        <source>Blob endpoint</source>
        <translation>BLOB エンドポイント</translation>
    </message>
    <message>
        <source>&amp;Remember the key in the OS keyring</source>
        <translation>キーを OS のキーリングに保存(&amp;R)</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>アカウント名(&amp;M):</translation>
    </message>
    <message>
        <source>Account &amp;key:</source>
        <translation>アカウント キー(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>A storage account name is 3–24 lowercase letters and digits (the name before .blob.core.windows.net).</source>
        <translation>ストレージ アカウント名は 3～24 文字の英小文字と数字です (.blob.core.windows.net の前の名前)。</translation>
    </message>
    <message>
        <source>Enter the account key (Access keys in the Azure portal).</source>
        <translation>アカウント キーを入力してください (Azure portal のアクセス キー)。</translation>
    </message>
    <message>
        <source>This is not an account key: copy the whole key (key1 or key2) from Access keys in the Azure portal; it ends with &quot;==&quot;.</source>
        <translation>これはアカウント キーではありません: Azure portal のアクセス キーからキー全体 (key1 または key2) をコピーしてください。末尾は &quot;==&quot; です。</translation>
    </message>
    <message>
        <source>The endpoint is an http:// or https:// address (leave it empty for an Azure storage account).</source>
        <translation>エンドポイントは http:// または https:// のアドレスです (Azure のストレージ アカウントでは空のままにします)。</translation>
    </message>
</context>
<context>
    <name>TestRunPage</name>
    <message>
        <source>Certification test run</source>
        <translation>認定テストの実行</translation>
    </message>
    <message>
        <source>Run the certification test cases against the test VM and review each result.</source>
        <translation>テスト VM に対して認定テスト ケースを実行し、各結果を確認します。</translation>
    </message>
    <message>
        <source>Earlier runs</source>
        <translation>以前の実行</translation>
    </message>
    <message>
        <source>&amp;Run all checks</source>
        <translation>すべてのチェックを実行(&amp;R)</translation>
    </message>
    <message>
        <source>Re-run &amp;selected</source>
        <translation>選択項目を再実行(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>問題のみ表示(&amp;P)</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>テスト結果</translation>
    </message>
    <message>
        <source>Result details</source>
        <translation>結果の詳細</translation>
    </message>
    <message>
        <source>&amp;Commands to create the test VM…</source>
        <translation>テスト VM を作成するコマンド(&amp;C)…</translation>
    </message>
    <message>
        <source>Fill in the Connec&amp;tion step for that VM</source>
        <translation>その VM の接続ステップを入力(&amp;T)</translation>
    </message>
    <message>
        <source>Sets the user and the sign-in the commands make, then opens the Connection step for the VM&apos;s address.</source>
        <translation>コマンドが作成するユーザーとサインイン方法を設定し、VM のアドレスを入力するために接続ステップを開きます。</translation>
    </message>
    <message>
        <source>Image under test: {0} (choose another on the Connection step)</source>
        <translation>テストするイメージ: {0} (接続のステップで変更できます)</translation>
    </message>
    <message>
        <source>{0} — {1} ({2})</source>
        <translation>{0} — {1} ({2})</translation>
    </message>
    <message>
        <source>No run yet. The checks run on a test VM made from your uploaded VHD. Create it with the commands; on the Connection step press “{1}” ({0}) and enter the VM&apos;s address; then run all checks.</source>
        <translation>まだ実行されていません。チェックはアップロードした VHD から作成したテスト VM で実行されます。コマンドで VM を作成し、接続ステップで「{1}」を押して ({0})、VM のアドレスを入力してから、すべてのチェックを実行してください。</translation>
    </message>
    <message>
        <source>✗ {0} failure(s), {1} warning(s): the image is not ready for certification.</source>
        <translation>✗ 不合格 {0} 件、警告 {1} 件: このイメージはまだ認定を受けられません。</translation>
    </message>
    <message>
        <source>✓ Ready for certification ({0} warning(s)).</source>
        <translation>✓ 認定の準備ができています (警告 {0} 件)。</translation>
    </message>
    <message>
        <source>Fill in the Connection step first.</source>
        <translation>先に「接続」の手順を入力してください。</translation>
    </message>
    <message>
        <source>The host key is not trusted yet: use Test connection in the Connection step first, and compare the fingerprint.</source>
        <translation>ホスト キーがまだ信頼されていません。先に「接続」の手順で接続テストを行い、フィンガープリントを照合してください。</translation>
    </message>
    <message>
        <source>Run cancelled.</source>
        <translation>実行をキャンセルしました。</translation>
    </message>
    <message>
        <source>The run failed: {0}</source>
        <translation>実行に失敗しました: {0}</translation>
    </message>
    <message>
        <source>Results of the run:</source>
        <translation>表示する実行結果:</translation>
    </message>
    <message>
        <source>Offline evidence: {0} of SKU {1}, read from the image&apos;s files ({2})</source>
        <translation>オフラインの証拠: SKU {1} の{0}、イメージのファイルから読み取り ({2})</translation>
    </message>
    <message>
        <source>Offline evidence, not a test run: {0} Failed/Error result(s) read from the image&apos;s files before upload. The run on the test VM decides; cases that need a running system are judged there.</source>
        <translation>オフラインの証拠であり、テスト実行ではありません: アップロード前にイメージのファイルから読み取った Failed/Error の結果が {0} 件あります。判定はテスト VM での実行で行われ、実行中のシステムが必要なケースはそこで判定されます。</translation>
    </message>
    <message>
        <source>user {0}, key {1}</source>
        <translation>ユーザー {0}、キー {1}</translation>
    </message>
    <message>
        <source>user {0}, the ADMIN_PASSWORD you set</source>
        <translation>ユーザー {0}、設定した ADMIN_PASSWORD</translation>
    </message>
    <message>
        <source>Meanwhile, the offline evidence from the image&apos;s files is listed under “Results of the run”.</source>
        <translation>それまでの間、イメージのファイルから得たオフラインの証拠を「実行の結果」に表示しています。</translation>
    </message>
    <message>
        <source>Running on {0}… The Windows Update search comes last and can take minutes; if the run stops, the result says which part was still running.</source>
        <translation>{0}で実行しています… Windows Update の検索は最後に行われ、数分かかることがあります。実行が止まった場合は、どの部分を実行中だったかが結果に表示されます。</translation>
    </message>
    <message>
        <source>Running on {0}…</source>
        <translation>{0} で実行しています…</translation>
    </message>
</context>
<context>
    <name>TestVmDialog</name>
    <message>
        <source>Create the test VM</source>
        <translation>テスト VM の作成</translation>
    </message>
    <message>
        <source>Run these commands where the Azure CLI is signed in (az login). First set RESOURCE_GROUP and LOCATION to the resource group and region of the storage account that holds the VHDs (Azure portal → Storage accounts → your account → Overview) and, for a Windows image, ADMIN_PASSWORD. They create a managed image from the checked and uploaded VHD, then a VM from it; enter that VM&apos;s address on the Connection page (az vm show -d -g &quot;$RESOURCE_GROUP&quot; -n NAME --query publicIps -o tsv prints it; NAME is the --name of az vm create). Delete the VM when the test run is done (az vm delete -g &quot;$RESOURCE_GROUP&quot; -n NAME --yes): it costs money while it runs.</source>
        <translation>Azure CLI にサインインした環境 (az login) でこれらのコマンドを実行します。先に RESOURCE_GROUP と LOCATION に VHD を保存しているストレージ アカウントのリソース グループとリージョン (Azure portal の「ストレージ アカウント」→ 対象のアカウント →「概要」) を設定し、Windows イメージの場合は ADMIN_PASSWORD も設定します。コマンドは、確認してアップロードした VHD からマネージド イメージを作成し、そこから VM を作成します。その VM のアドレスを「接続」ページに入力してください (az vm show -d -g &quot;$RESOURCE_GROUP&quot; -n NAME --query publicIps -o tsv で表示されます。NAME は az vm create の --name です)。VM は実行中に料金がかかるため、テストの実行が終わったら削除してください (az vm delete -g &quot;$RESOURCE_GROUP&quot; -n NAME --yes)。</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>&amp;SKU:</source>
        <translation>SKU(&amp;S):</translation>
    </message>
    <message>
        <source>bash (Linux, macOS, Cloud Shell)</source>
        <translation>bash (Linux、macOS、Cloud Shell)</translation>
    </message>
    <message>
        <source>PowerShell (Windows)</source>
        <translation>PowerShell (Windows)</translation>
    </message>
    <message>
        <source>&amp;Copy commands</source>
        <translation>コマンドをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Define a SKU in step 1 first.</source>
        <translation>先にステップ 1 で SKU を定義してください。</translation>
    </message>
    <message>
        <source>Enter the SKU ID on the Offer &amp; SKUs step first: the commands name the image and the VM after it.</source>
        <translation>先に「オファーと SKU」ステップで SKU ID を入力してください。コマンドはそれをもとにイメージと VM に名前を付けます。</translation>
    </message>
    <message>
        <source>No commands: {0}</source>
        <translation>コマンドを作成できません: {0}</translation>
    </message>
    <message>
        <source>Not ready to run: the commands still hold {0}. Upload the VHDs on the VHD check step (or complete step 1) first; the commands then name them.</source>
        <translation>まだ実行できません。コマンドに {0} が残っています。先に「VHD チェック」ステップで VHD をアップロードしてください (または手順 1 を完成させてください)。その後、コマンドにそれらが入ります。</translation>
    </message>
    <message>
        <source>Sign-in: the VM gets the user {0} (or ADMIN_USERNAME when you set it) and accepts the SSH key ~/.ssh/id_rsa of the machine that runs the commands (--generate-ssh-keys makes it there when it is missing); on this computer that is {1}. The Test run step fills the Connection step with this user and key.
Ran them in Azure Cloud Shell? Then the key was made in Cloud Shell&apos;s ~/.ssh/id_rsa, not on this computer: download it (Cloud Shell → Manage files → Download, path .ssh/id_rsa) and choose it on the Connection step, or add --ssh-key-values with your own public key (for example ~/.ssh/id_rsa.pub of this computer, pasted as text) to az vm create.</source>
        <translation>サインイン: VM にはユーザー {0} (ADMIN_USERNAME を設定した場合はその名前) が作られ、コマンドを実行したマシンの SSH キー ~/.ssh/id_rsa を受け付けます (ない場合は --generate-ssh-keys がそこに作ります)。このコンピューターでは {1} です。テスト実行ステップが、このユーザーとキーを接続ステップに入力します。
Azure Cloud Shell で実行しましたか? その場合、キーはこのコンピューターではなく Cloud Shell の ~/.ssh/id_rsa に作られています: ダウンロードして (Cloud Shell → ファイルの管理 → ダウンロード、パス .ssh/id_rsa) 接続ステップで選ぶか、az vm create に --ssh-key-values で自分の公開キー (たとえばこのコンピューターの ~/.ssh/id_rsa.pub の内容を貼り付け) を追加してください。</translation>
    </message>
    <message>
        <source>Sign-in: the VM&apos;s administrator is {0} (or ADMIN_USERNAME when you set it), with the password you set in ADMIN_PASSWORD; enter the same user and password on the Connection step. In Azure Cloud Shell set both there before running the commands.</source>
        <translation>サインイン: VM の管理者は {0} (ADMIN_USERNAME を設定した場合はその名前) で、パスワードは ADMIN_PASSWORD に設定したものです。接続ステップに同じユーザーとパスワードを入力してください。Azure Cloud Shell では、コマンドを実行する前に Cloud Shell で両方を設定してください。</translation>
    </message>
</context>
<context>
    <name>VhdPage</name>
    <message>
        <source>VHD check</source>
        <translation>VHD チェック</translation>
    </message>
    <message>
        <source>Pick the VHD file of every disk. Each is checked against the profile&apos;s rules (fixed format, sizes, footer) before you upload it.</source>
        <translation>各ディスクの VHD ファイルを選択します。アップロード前に、プロファイルの規則 (固定形式、サイズ、フッター) に照らしてチェックします。</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>SKU / disk</source>
        <translation>SKU / ディスク</translation>
    </message>
    <message>
        <source>VHD file or blob URL</source>
        <translation>VHD ファイルまたは BLOB の URL</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>ファイルを選択(&amp;C)…</translation>
    </message>
    <message>
        <source>Use b&amp;lob URL…</source>
        <translation>BLOB の URL を使用(&amp;L)…</translation>
    </message>
    <message>
        <source>Check a VHD already uploaded: paste its blob URL with a read SAS.</source>
        <translation>アップロード済みの VHD をチェックします。読み取り SAS 付きの BLOB の URL を貼り付けてください。</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>アップロード(&amp;U)…</translation>
    </message>
    <message>
        <source>Upload the selected disk&apos;s VHD as a page blob to the storage account of the SAS URIs step (only data that exists is sent; resumable).</source>
        <translation>選択したディスクの VHD を「SAS URI」の手順のストレージ アカウントにページ BLOB としてアップロードします (実データのみ送信、再開可能)。</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>チェック(&amp;K)</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>すべてチェック(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Connect a s&amp;torage account…</source>
        <translation>ストレージ アカウントを接続(&amp;T)…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Fix command</source>
        <translation>修正コマンド</translation>
    </message>
    <message>
        <source>Select a finding to see the command that fixes it.</source>
        <translation>検出結果を選択すると、修正するコマンドが表示されます。</translation>
    </message>
    <message>
        <source>Co&amp;py command</source>
        <translation>コマンドをコピー(&amp;P)</translation>
    </message>
    <message>
        <source>F&amp;ormat check</source>
        <translation>形式のチェック(&amp;O)</translation>
    </message>
    <message>
        <source>Inside the ima&amp;ge</source>
        <translation>イメージの中(&amp;G)</translation>
    </message>
    <message>
        <source>Check &amp;inside the image</source>
        <translation>イメージの中をチェック(&amp;I)</translation>
    </message>
    <message>
        <source>Read the Linux test cases&apos; files from the selected VHD file itself (ext2/3/4), offline, before upload and before any VM.</source>
        <translation>選んだ VHD ファイルそのものから、Linux のテストケースが読むファイルをオフラインで読み取ります (ext2/3/4)。アップロードの前、VM を作る前に使えます。</translation>
    </message>
    <message>
        <source>P&amp;roblems only</source>
        <translation>問題のみ表示(&amp;R)</translation>
    </message>
    <message>
        <source>Pre-flight results</source>
        <translation>事前チェックの結果</translation>
    </message>
    <message>
        <source>Pre-flight result details</source>
        <translation>事前チェック結果の詳細</translation>
    </message>
    <message>
        <source>{0} file(s) changed since the last check: checking again.</source>
        <translation>前回のチェック以降に {0} 個のファイルが変更されました。再チェックします。</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未チェック</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>ファイル未選択</translation>
    </message>
    <message>
        <source>Pass with warnings</source>
        <translation>合格 (警告あり)</translation>
    </message>
    <message>
        <source>no bootable partition</source>
        <translation>起動可能なパーティションなし</translation>
    </message>
    <message>
        <source>changed since check</source>
        <translation>チェック後に変更あり</translation>
    </message>
    <message>
        <source>check this file</source>
        <translation>このファイルをチェックしてください</translation>
    </message>
    <message>
        <source>Failed inside the image</source>
        <translation>イメージ内で不合格</translation>
    </message>
    <message>
        <source>look inside again</source>
        <translation>もう一度イメージ内を確認してください</translation>
    </message>
    <message>
        <source>upload again</source>
        <translation>アップロードし直してください</translation>
    </message>
    <message>
        <source>blob not linked to this file</source>
        <translation>BLOB とこのファイルの対応が不明</translation>
    </message>
    <message>
        <source>Check verdict: {0}</source>
        <translation>チェックの判定: {0}</translation>
    </message>
    <message>
        <source>Nothing to fix for this finding.</source>
        <translation>この検出結果に修正は不要です。</translation>
    </message>
    <message>
        <source>Choose the VHD for {0}</source>
        <translation>{0} の VHD を選択</translation>
    </message>
    <message>
        <source>Virtual disks (*.vhd *.vhdx);;All files (*)</source>
        <translation>仮想ディスク (*.vhd *.vhdx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Blob URL</source>
        <translation>BLOB の URL</translation>
    </message>
    <message>
        <source>Blob URL of the VHD for {0}, with a SAS that can read it:</source>
        <translation>{0} の VHD の BLOB URL (読み取り可能な SAS 付き):</translation>
    </message>
    <message>
        <source>Paste the blob&apos;s URL.</source>
        <translation>BLOB の URL を貼り付けてください。</translation>
    </message>
    <message>
        <source>Not a blob URL: it starts with https:// and names the account, the container and the blob (https://ACCOUNT.blob.core.windows.net/vhds/disk.vhd?SAS).</source>
        <translation>BLOB の URL ではありません: https:// で始まり、アカウント、コンテナー、BLOB の名前を含みます (https://ACCOUNT.blob.core.windows.net/vhds/disk.vhd?SAS)。</translation>
    </message>
    <message>
        <source>A container name is 3–63 lowercase letters, digits and hyphens, starts and ends with a letter or digit, and has no two hyphens in a row.</source>
        <translation>コンテナー名は 3～63 文字の英小文字、数字、ハイフンで、先頭と末尾は英字か数字、ハイフンは連続できません。</translation>
    </message>
    <message>
        <source>Not a blob URL: {0}</source>
        <translation>BLOB の URL ではありません: {0}</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>{0} をチェックしています…</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}</source>
        <translation>{0} を読み取れませんでした: {1}</translation>
    </message>
    <message>
        <source>Which storage account? Connect it first on the SAS URIs step (its name and account key, then Connect and list containers): the upload sends the VHD there.</source>
        <translation>どのストレージ アカウントですか? 先に「SAS URI」ステップで接続してください (アカウント名とアカウント キーを入力して「接続してコンテナーを一覧表示」)。アップロードはそこに VHD を送ります。</translation>
    </message>
    <message>
        <source>The storage account refused the key, and nothing was kept: the upload did not start. Upload again to enter the key, or connect the account on the SAS URIs step.</source>
        <translation>ストレージ アカウントがキーを拒否したため、何も保存していません。アップロードは開始されませんでした。もう一度アップロードしてキーを入力するか、SAS URI のステップでアカウントに接続してください。</translation>
    </message>
    <message>
        <source>The key of the storage account {0} is not in this session or the OS keyring. Enter it to go on with the upload (Azure portal → Storage accounts → {0} → Access keys).</source>
        <translation>ストレージ アカウント {0} のキーは、このセッションにも OS のキーリングにもありません。入力するとアップロードを続けます (Azure portal → ストレージ アカウント → {0} → アクセス キー)。</translation>
    </message>
    <message>
        <source>Uploaded to {0}{1}: {2} sent; {3} of empty space not sent (Azure reads it as zeros); {4:.1f} s. Page ranges verified.</source>
        <translation>{0} にアップロードしました{1}: {2} を送信、空き領域 {3} は送信不要 (Azure ではゼロとして読まれます)、{4:.1f} 秒。ページ範囲を検証しました。</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>チェックをキャンセルしました。</translation>
    </message>
    <message>
        <source>Check failed: {0}</source>
        <translation>チェックに失敗しました: {0}</translation>
    </message>
    <message>
        <source>Not checked inside yet: reads the files the Linux test cases need (ext2/3/4; XFS, Btrfs and LVM need the test VM).</source>
        <translation>まだ中をチェックしていません。Linux のテストケースが必要とするファイルを読み取ります (ext2/3/4。XFS、Btrfs、LVM はテスト VM が必要です)。</translation>
    </message>
    <message>
        <source>Offline pre-flight: {0} failure(s), {1} warning(s); {2}, {3} KiB read.</source>
        <translation>オフライン事前チェック: 不合格 {0} 件、警告 {1} 件。{2}、{3} KiB 読み取り。</translation>
    </message>
    <message>
        <source>The file changed since: check inside again.</source>
        <translation>その後ファイルが変更されました。もう一度中をチェックしてください。</translation>
    </message>
    <message>
        <source>The pre-flight reads the local VHD file of a Linux OS disk: choose one first.</source>
        <translation>事前チェックは Linux の OS ディスクのローカル VHD ファイルを読み取ります。先にファイルを選んでください。</translation>
    </message>
    <message>
        <source>Could not check inside {0}: {1}</source>
        <translation>{0}の中をチェックできませんでした: {1}</translation>
    </message>
    <message>
        <source>Pre-flight cancelled.</source>
        <translation>事前チェックを取り消しました。</translation>
    </message>
    <message>
        <source>Reading the files inside {0}…</source>
        <translation>{0}の中のファイルを読み取っています…</translation>
    </message>
    <message>
        <source>Choose the disk&apos;s VHD file first.</source>
        <translation>先にディスクの VHD ファイルを選択してください。</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>アップロード</translation>
    </message>
    <message>
        <source>Container to upload into:</source>
        <translation>アップロード先のコンテナー:</translation>
    </message>
    <message>
        <source>Uploading {0}: {1} — {2:.0f} MB/s of the file, about {3:.0f} s left</source>
        <translation>{0} をアップロードしています: {1} — ファイル換算 {2:.0f} MB/秒、残り約 {3:.0f} 秒</translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation> (再開)</translation>
    </message>
    <message>
        <source>The container {0} did not exist: it was created (private, no public access).</source>
        <translation>コンテナー {0} は存在しなかったため、作成しました (プライベート、パブリック アクセスなし)。</translation>
    </message>
    <message>
        <source>Upload cancelled. Upload again to send only what is missing.</source>
        <translation>アップロードをキャンセルしました。もう一度アップロードすると、不足分だけを送信します。</translation>
    </message>
    <message>
        <source>Upload failed: {0}</source>
        <translation>アップロードに失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
</context>
</TS>
